import type { ArticleFlag, Citation, ConflictValue, Extracted, RemovedKind, Story, StoryArticle, StoryEntity, StoryFact, StoryQuote, SummarySentence, TimelineEvent } from '../core/records.js';

/**
 * What every report format says about a story, computed once: the formats differ only in how
 * they print it.
 */

/** The citation number of each article: its position in the story, from 1. */
export function citationNumbers(story: Story): Map<string, number> {
  return new Map(story.articles.map((article, index) => [article.id, index + 1]));
}

/** The distinct citation numbers of the articles that carry something, in order. */
export function citationMarkers(citations: readonly Citation[], numbers: ReadonlyMap<string, number>): number[] {
  const markers = new Set<number>();
  for (const citation of citations) {
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

/** How many of the story's main entities the reports list. */
const MAIN_ENTITIES = 12;

/** The kinds a reader looks for first, in the order the reports list them. */
const MAIN_KINDS = ['person', 'organization', 'place'] as const;

/** The story's most mentioned people, organisations and places, each with the articles naming it. */
export function mainEntities(story: Story): Array<{ entity: StoryEntity; label: string }> {
  return story.entities
    .filter((entity) => (MAIN_KINDS as readonly string[]).includes(entity.kind))
    .slice(0, MAIN_ENTITIES)
    .map((entity) => {
      const aliases = entity.aliases.length === 0 ? '' : ` (also ${entity.aliases.slice(0, 3).join(', ')})`;
      const role = entity.roles.length === 0 ? '' : `, ${entity.roles[0]}`;
      return { entity, label: `${entity.name}${role}${aliases}` };
    });
}

/** How many quotes per speaker a report shows unless asked for all. */
export const QUOTES_PER_SPEAKER = 4;

/** The quotes of a story grouped by speaker: named speakers by number of quotes, the unattributed last. */
export function quotesBySpeaker(story: Story): Array<{ speaker: string; quotes: StoryQuote[] }> {
  const names = new Map(story.entities.map((entity) => [entity.id, entity.name]));
  const groups = new Map<string | null, StoryQuote[]>();
  for (const quote of story.quotes) groups.set(quote.speaker, [...(groups.get(quote.speaker) ?? []), quote]);
  return [...groups.entries()]
    .sort((a, b) => Number(a[0] === null) - Number(b[0] === null) || b[1].length - a[1].length)
    .map(([speaker, quotes]) => ({ speaker: speaker === null ? 'Speaker not stated' : (names.get(speaker) ?? speaker), quotes }));
}

/**
 * A quote as a report prints it: a direct quote in quotation marks, a partial quote as the
 * reporter's clause that holds it (its marks are in the text), reported speech marked as such;
 * a quote whose speaker is unknown ends with the words the article used for the speaker, if any.
 */
export function quoteLine(quote: StoryQuote): string {
  const words = quote.kind === 'direct' ? `“${quote.text}”` : quote.kind === 'partial' ? quote.text : `(reported) ${quote.text}`;
  return quote.speaker === null && quote.speakerText !== null ? `${words} — ${quote.speakerText}` : words;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A timeline date as a reader writes it, at its precision: "2017", "May 2017", "10 May 2017". */
export function timelineDate(event: Pick<TimelineEvent, 'date'>): string {
  const [year, month, day] = event.date.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year ?? event.date;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** How many facts, and unique facts per article, a report shows unless asked for all. */
export const FACTS_SHOWN = 10;
export const UNIQUE_FACTS_SHOWN = 2;

/** The facts more than one independent report states: the rows of the agreement table. */
export function agreedFacts(story: Story): StoryFact[] {
  return story.facts.filter((fact) => fact.independentReports >= 2);
}

/** The articles that do not state a fact, as citation numbers. */
export function articlesWithout(story: Story, fact: StoryFact, numbers: ReadonlyMap<string, number>): number[] {
  const stating = new Set(fact.members.map(({ article }) => article));
  return story.articles.filter(({ id }) => !stating.has(id)).map(({ id }) => numbers.get(id) ?? 0);
}

/** Whom the sources attribute a conflict value to ("the UN", "hospital staff"), without repeats. */
export function valueAttributions(value: ConflictValue): string[] {
  return [...new Set(value.members.map(({ attribution }) => attribution).filter((name): name is string => name !== null))];
}

/** One side of a conflict as a report prints it: the value, and who the sources attribute it to. */
export function conflictValueLine(value: ConflictValue): string {
  const attributions = valueAttributions(value);
  return attributions.length === 0 ? value.value : `${value.value} (according to ${attributions.join(', ')})`;
}

/** The facts of the story by id. */
export function factsById(story: Story): Map<string, StoryFact> {
  return new Map(story.facts.map((fact) => [fact.id, fact]));
}

/** A flag as a report prints it: the kind, what it was derived from, and the evidence. */
export function flagLine(flag: ArticleFlag, numbers: ReadonlyMap<string, number>): string {
  const from = flag.derivedFrom.length === 0 ? '' : ` from ${flag.derivedFrom.map((id) => `[${numbers.get(id) ?? '?'}]`).join('')}`;
  return `${flag.kind}${from}: ${flag.evidence.join('; ')}`;
}

/** For a summary sentence that takes a side in conflicts: "sources differ on deaths: at least 14 [1][2]; 19 [5]", one line per conflict. */
export function disputeLines(story: Story, sentence: SummarySentence, numbers: ReadonlyMap<string, number>): string[] {
  return sentence.disputed.flatMap((id) => {
    const conflict = story.conflicts.find((candidate) => candidate.id === id);
    if (conflict === undefined) return [];
    const values = conflict.values.map((value) => `${conflictValueLine(value)} ${citationMarkers(value.members, numbers).map((number) => `[${number}]`).join('')}`);
    return [`sources differ on ${conflict.about}: ${values.join('; ')}`];
  });
}
