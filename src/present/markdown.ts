import type { Citation, Story } from '../core/records.js';
import {
  articleDate,
  articleSourceName,
  citationNumbers,
  describeOrigin,
  mainEntities,
  quoteLine,
  quotesBySpeaker,
  QUOTES_PER_SPEAKER,
  citationMarkers,
  storyCounts,
  summarizeRemoved,
  timelineDate,
} from './describe.js';
import type { ReportOptions } from './text.js';

/**
 * Escapes text for Markdown: the characters that open emphasis, code, links, images, tables
 * or raw HTML are backslashed, and line breaks folded, so an article cannot inject links,
 * images or script into a rendered report. Escaped text is only ever placed mid-line, so
 * line-start markers ("#", "-", "1.") need no escaping.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
}

/** The Markdown report: the same content as the terminal report, with links between sections. */
export function renderMarkdown(story: Story, options: ReportOptions = {}): string {
  const numbers = citationNumbers(story);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(story.title ?? 'Untitled story')}`, '', `*${storyCounts(story)}*`, '', '## Summary', '');
  if (story.summary.length === 0) out.push('*No sentence could be chosen and verified.*');
  const links = (citations: readonly Citation[]): string =>
    citationMarkers(citations, numbers)
      .map((number) => `[\\[${number}\\]](#article-${number})`)
      .join('');
  for (const sentence of story.summary) out.push(`- ${escapeMarkdown(sentence.text)} ${links(sentence.citations)}`);
  const entities = mainEntities(story);
  if (entities.length > 0) {
    out.push('', '## People, organisations and places', '');
    for (const { entity, label } of entities) out.push(`- ${escapeMarkdown(label)} *${entity.kind}* ${links(entity.mentions)}`);
  }
  const speakers = quotesBySpeaker(story);
  if (speakers.length > 0) {
    out.push('', '## Quotes by speaker', '');
    for (const { speaker, quotes } of speakers) {
      out.push(`- **${escapeMarkdown(speaker)}**`);
      const shown = options.verbose === true ? quotes : quotes.slice(0, QUOTES_PER_SPEAKER);
      for (const quote of shown) {
        out.push(`  - ${escapeMarkdown(quoteLine(quote))} ${links([quote])}`);
      }
      if (shown.length < quotes.length) out.push(`  - *and ${quotes.length - shown.length} more*`);
    }
  }
  if (story.timeline.length > 0) {
    out.push('', '## Timeline', '', '| Date | Event | Sources |', '| --- | --- | --- |');
    for (const event of story.timeline) out.push(`| ${timelineDate(event)} | ${escapeMarkdown(event.text)} | ${links(event.citations)} |`);
  }
  out.push('', '## Articles', '');
  for (const article of story.articles) {
    const number = numbers.get(article.id) ?? 0;
    out.push(`### <a id="article-${number}"></a>[${number}] ${escapeMarkdown(article.title ?? '(untitled)')}`, '');
    out.push(`- Source: ${escapeMarkdown(articleSourceName(article))} (${escapeMarkdown(article.source)})`);
    out.push(`- Date: ${escapeMarkdown(articleDate(article))}`);
    if (article.byline !== null) out.push(`- By: ${escapeMarkdown(article.byline)}`);
    out.push(`- Origin: ${escapeMarkdown(describeOrigin(story, article, numbers))}`);
    if (article.removed.length > 0) out.push(`- Removed: ${escapeMarkdown(summarizeRemoved(article))}`);
    if (options.verbose === true) {
      for (const removed of article.removed) out.push(`  - *${removed.kind}*: ${escapeMarkdown(removed.text)}`);
    }
    out.push('');
  }
  if (story.diagnostics.length > 0) {
    out.push('## Inputs with problems', '');
    for (const diagnostic of story.diagnostics) {
      out.push(`- **${diagnostic.severity}** ${escapeMarkdown(diagnostic.input ?? '')}: ${escapeMarkdown(diagnostic.message)}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
