import { describeDiagnostic } from '../core/diagnostic.js';
import type { Citation, Story } from '../core/records.js';
import { outletName } from '../corpus/outlet.js';
import {
  agreedFacts,
  disputeLines,
  articlesWithout,
  conflictValueLine,
  factsById,
  FACTS_SHOWN,
  flagLine,
  UNIQUE_FACTS_SHOWN,
  articleDate,
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
  const link = (number: number): string => `[\\[${number}\\]](#article-${number})`;
  const links = (citations: readonly Citation[]): string => citationMarkers(citations, numbers).map(link).join('');
  for (const sentence of story.summary) {
    out.push(`- ${escapeMarkdown(sentence.text)} ${links(sentence.citations)}`);
    for (const line of disputeLines(story, sentence, numbers)) out.push(`  - *${escapeMarkdown(line)}*`);
  }
  if (story.conflicts.length > 0) {
    out.push('', '## Where reports conflict', '');
    for (const conflict of story.conflicts) {
      out.push(`- **${escapeMarkdown(conflict.about)}**`);
      for (const value of conflict.values) {
        out.push(`  - ${escapeMarkdown(conflictValueLine(value))} ${links(value.members)} (${value.independentReports} independent): “${escapeMarkdown(value.text)}”`);
      }
    }
  }
  const agreed = agreedFacts(story);
  if (agreed.length > 0) {
    out.push('', '## What independent reports agree on', '', '| Reports | Fact | Stated in | Not in |', '| --- | --- | --- | --- |');
    const shown = options.verbose === true ? agreed : agreed.slice(0, FACTS_SHOWN);
    for (const fact of shown) {
      const without = articlesWithout(story, fact, numbers).map(link).join('');
      out.push(`| ${fact.independentReports} | ${escapeMarkdown(fact.text)} | ${links(fact.members)} | ${without} |`);
    }
    if (shown.length < agreed.length) out.push('', `*and ${agreed.length - shown.length} more*`);
  }
  if (story.quoteVariants.length > 0) {
    out.push('', '## Quote variants', '');
    for (const utterance of story.quoteVariants) {
      out.push(`- **${escapeMarkdown(utterance.speakerName)}**`);
      for (const variant of utterance.variants) out.push(`  - *${variant.kind}*: “${escapeMarkdown(variant.text)}” ${links(variant.members)}`);
    }
  }
  const facts = factsById(story);
  const contributions = story.coverage.byArticle.filter(({ unique, missing }) => unique.length + missing.length > 0);
  if (story.articles.length > 1 && contributions.length > 0) {
    out.push('', '## What each outlet adds and leaves out', '');
    for (const { article, unique, missing } of contributions) {
      const source = story.articles.find(({ id }) => id === article)!;
      const number = numbers.get(article) ?? 0;
      out.push(`- ${link(number)} ${escapeMarkdown(outletName(source))}: ${unique.length} facts only it reports; leaves out ${missing.length} widely reported`);
      for (const id of options.verbose === true ? unique : unique.slice(0, UNIQUE_FACTS_SHOWN)) out.push(`  - only here: ${escapeMarkdown(facts.get(id)?.text ?? id)}`);
      for (const id of options.verbose === true ? missing : missing.slice(0, UNIQUE_FACTS_SHOWN)) out.push(`  - left out: ${escapeMarkdown(facts.get(id)?.text ?? id)}`);
    }
  }
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
    out.push(`- Source: ${escapeMarkdown(outletName(article))} (${escapeMarkdown(article.source)})`);
    out.push(`- Date: ${escapeMarkdown(articleDate(article))}`);
    if (article.byline !== null) out.push(`- By: ${escapeMarkdown(article.byline)}`);
    out.push(`- Origin: ${escapeMarkdown(describeOrigin(story, article, numbers))}`);
    for (const flag of article.flags) out.push(`- Flagged ${escapeMarkdown(flagLine(flag, numbers))}`);
    if (article.removed.length > 0) out.push(`- Removed: ${escapeMarkdown(summarizeRemoved(article))}`);
    if (options.verbose === true) {
      for (const removed of article.removed) out.push(`  - *${removed.kind}*: ${escapeMarkdown(removed.text)}`);
    }
    out.push('');
  }
  if (story.diagnostics.length > 0) {
    out.push('## Inputs with problems', '');
    for (const diagnostic of story.diagnostics) {
      out.push(`- ${describeDiagnostic(diagnostic, escapeMarkdown)}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
