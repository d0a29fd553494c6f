import { basename } from 'node:path';
import type { Extracted, RemovedKind, Story, StoryArticle, SummarySentence } from '../core/records.js';

/**
 * What every report format says about a story, computed once: the formats differ only in how
 * they print it.
 */

/** The name a reader knows an article by: its outlet, else its credits, else its file name. */
export function articleSourceName(article: StoryArticle): string {
  if (article.outlet !== null) return article.outlet;
  if (article.credits.length > 0) return article.credits.join(', ');
  return article.source === '-' ? 'standard input' : basename(article.source);
}

/** The citation number of each article: its position in the story, from 1. */
export function citationNumbers(story: Story): Map<string, number> {
  return new Map(story.articles.map((article, index) => [article.id, index + 1]));
}

/** The distinct citation numbers of a summary sentence, in order. */
export function sentenceMarkers(sentence: SummarySentence, numbers: ReadonlyMap<string, number>): number[] {
  const markers = new Set<number>();
  for (const citation of sentence.citations) {
    const number = numbers.get(citation.article);
    if (number !== undefined) markers.add(number);
  }
  return [...markers].sort((a, b) => a - b);
}

/** How an article relates to the others: its own report, or a copy shared with which articles. */
export function describeOrigin(story: Story, article: StoryArticle, numbers: ReadonlyMap<string, number>): string {
  const group = story.originGroups.find((candidate) => candidate.id === article.origin);
  if (group === undefined || group.articles.length < 2) return 'independent report';
  const others = group.articles.filter((id) => id !== article.id).map((id) => `[${numbers.get(id) ?? '?'}]`);
  const role = group.representative === article.id ? 'report also run by' : 'copy of the report in';
  return `${role} ${others.join(', ')}`;
}

/** Counts removed passages by kind ("appeal ×2, comments ×1"), in a stable order. */
export function summarizeRemoved(article: Pick<Extracted, 'removed'>): string {
  const counts = new Map<RemovedKind, number>();
  for (const removed of article.removed) counts.set(removed.kind, (counts.get(removed.kind) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([kind, count]) => (count === 1 ? kind : `${kind} ×${count}`))
    .join(', ');
}

/** The date to show for an article: the publication date, else "updated …", else "undated". */
export function articleDate(article: StoryArticle): string {
  if (article.published !== null) return article.published;
  if (article.updated !== null) return `updated ${article.updated}`;
  return 'undated';
}

/** The one-line count of a story ("7 articles · 6 independent reports"). */
export function storyCounts(story: Story): string {
  const articles = `${story.articles.length} article${story.articles.length === 1 ? '' : 's'}`;
  const reports = `${story.independentReports} independent report${story.independentReports === 1 ? '' : 's'}`;
  const skipped = story.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return [articles, reports, ...(skipped > 0 ? [`${skipped} input${skipped === 1 ? '' : 's'} skipped`] : [])].join(' · ');
}
