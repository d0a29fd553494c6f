import type { Story } from '../core/records.js';
import { articleDate, articleSourceName, citationNumbers, describeOrigin, sentenceMarkers, storyCounts, summarizeRemoved } from './describe.js';
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
  for (const sentence of story.summary) {
    const markers = sentenceMarkers(sentence, numbers).map((number) => `[\\[${number}\\]](#article-${number})`).join('');
    out.push(`- ${escapeMarkdown(sentence.text)} ${markers}`);
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
