import { describeDiagnostic } from '../core/diagnostic.js';
import type { Citation, Story } from '../core/records.js';
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
import { outletName } from '../corpus/outlet.js';
import { inert, styles, wrap } from './terminal.js';

/** Options for the report formats. */
export interface ReportOptions {
  /** Show the text of every removed passage, not only counts. */
  readonly verbose?: boolean;
  /** Use bold and dim ANSI styles (for a terminal). Default false. */
  readonly color?: boolean;
}

/** The plain-text report for a terminal: headline, cited summary, articles, removed boilerplate. */
export function renderText(story: Story, options: ReportOptions = {}): string {
  const { bold, dim } = styles(options.color === true);
  const numbers = citationNumbers(story);
  const out: string[] = [];
  out.push(bold(inert(story.title ?? 'Untitled story')));
  out.push(dim(storyCounts(story)), '');

  out.push(bold('Summary'));
  if (story.summary.length === 0) out.push('  (no sentence could be chosen and verified)');
  for (const sentence of story.summary) {
    const markers = citationMarkers(sentence.citations, numbers).map((number) => `[${number}]`).join('');
    out.push(`  • ${wrap(`${inert(sentence.text)} ${markers}`, 96, '    ')}`);
    for (const line of disputeLines(story, sentence, numbers)) out.push(`    ${wrap(`⚠ ${inert(line)}`, 92, '      ')}`);
  }
  out.push('');

  const marks = (citations: readonly { readonly article: string }[]): string =>
    citationMarkers(citations as readonly Citation[], numbers).map((number) => `[${number}]`).join('');
  if (story.conflicts.length > 0) {
    out.push(bold('Where reports conflict'));
    for (const conflict of story.conflicts) {
      out.push(`  ${inert(conflict.about)}`);
      for (const value of conflict.values) {
        const reports = `${value.independentReports} report${value.independentReports === 1 ? '' : 's'}`;
        out.push(`    – ${wrap(`${inert(conflictValueLine(value))} ${marks(value.members)} ${dim(`${reports}: “${inert(value.text)}”`)}`, 96, '      ')}`);
      }
    }
    out.push('');
  }

  const agreed = agreedFacts(story);
  if (agreed.length > 0) {
    out.push(bold('What independent reports agree on'));
    const shown = options.verbose === true ? agreed : agreed.slice(0, FACTS_SHOWN);
    for (const fact of shown) {
      const without = articlesWithout(story, fact, numbers);
      const absent = without.length === 0 ? 'all articles' : `not in ${without.map((number) => `[${number}]`).join('')}`;
      out.push(`  ${String(fact.independentReports).padStart(2)} reports  ${wrap(`${inert(fact.text)} ${marks(fact.members)} ${dim(absent)}`, 96, ' '.repeat(13))}`);
    }
    if (shown.length < agreed.length) out.push(dim(`  and ${agreed.length - shown.length} more (--verbose shows all)`));
    out.push('');
  }

  if (story.quoteVariants.length > 0) {
    out.push(bold('Quote variants'));
    for (const utterance of story.quoteVariants) {
      out.push(`  ${inert(utterance.speakerName)}`);
      for (const variant of utterance.variants) {
        out.push(`    – ${wrap(`${dim(variant.kind)} “${inert(variant.text)}” ${marks(variant.members)}`, 96, '      ')}`);
      }
    }
    out.push('');
  }

  const facts = factsById(story);
  const contributions = story.coverage.byArticle.filter(({ unique, missing }) => unique.length + missing.length > 0);
  if (story.articles.length > 1 && contributions.length > 0) {
    out.push(bold('What each outlet adds and leaves out'));
    for (const { article, unique, missing } of contributions) {
      const source = story.articles.find(({ id }) => id === article)!;
      const counts = `${unique.length} fact${unique.length === 1 ? '' : 's'} only it reports · leaves out ${missing.length} widely reported`;
      out.push(`  ${wrap(`[${numbers.get(article) ?? 0}] ${inert(outletName(source))}: ${counts}`, 96, '      ')}`);
      const shownUnique = options.verbose === true ? unique : unique.slice(0, UNIQUE_FACTS_SHOWN);
      for (const id of shownUnique) out.push(dim(`      + ${wrap(inert(facts.get(id)?.text ?? id), 88, '        ')}`));
      const shownMissing = options.verbose === true ? missing : missing.slice(0, UNIQUE_FACTS_SHOWN);
      for (const id of shownMissing) out.push(dim(`      − ${wrap(inert(facts.get(id)?.text ?? id), 88, '        ')}`));
    }
    out.push('');
  }

  const entities = mainEntities(story);
  if (entities.length > 0) {
    out.push(bold('People, organisations and places'));
    for (const { entity, label } of entities) {
      const markers = citationMarkers(entity.mentions, numbers).map((number) => `[${number}]`).join('');
      out.push(`  • ${wrap(`${inert(label)} ${dim(`${entity.kind} ${markers}`)}`, 96, '    ')}`);
    }
    out.push('');
  }

  const speakers = quotesBySpeaker(story);
  if (speakers.length > 0) {
    out.push(bold('Quotes by speaker'));
    for (const { speaker, quotes } of speakers) {
      out.push(`  ${inert(speaker)}`);
      const shown = options.verbose === true ? quotes : quotes.slice(0, QUOTES_PER_SPEAKER);
      for (const quote of shown) {
        out.push(`    – ${wrap(`${inert(quoteLine(quote))} [${numbers.get(quote.article) ?? 0}]`, 96, '      ')}`);
      }
      if (shown.length < quotes.length) out.push(dim(`      and ${quotes.length - shown.length} more (--verbose shows all)`));
    }
    out.push('');
  }

  if (story.timeline.length > 0) {
    out.push(bold('Timeline'));
    for (const event of story.timeline) {
      const markers = citationMarkers(event.citations, numbers).map((number) => `[${number}]`).join('');
      out.push(`  ${timelineDate(event).padEnd(18)} ${wrap(`${inert(event.text)} ${markers}`, 96, ' '.repeat(21))}`);
    }
    out.push('');
  }

  out.push(bold('Articles'));
  for (const article of story.articles) {
    const number = numbers.get(article.id) ?? 0;
    out.push(`  [${number}] ${inert(article.title ?? '(untitled)')}`);
    const byline = article.byline === null ? '' : ` · by ${inert(article.byline)}`;
    out.push(dim(`      ${inert(outletName(article))} · ${articleDate(article)}${byline}`));
    const origin = describeOrigin(story, article, numbers);
    out.push(dim(`      ${origin} · ${article.sentences.length} sentences · ${inert(article.source)}`));
    for (const flag of article.flags) out.push(`      flagged ${wrap(inert(flagLine(flag, numbers)), 88, '        ')}`);
    if (article.added.length > 0 && origin !== 'independent report') {
      out.push(dim(`      adds ${article.added.length} sentence${article.added.length === 1 ? '' : 's'} the other copies lack`));
      if (options.verbose === true) {
        for (const span of article.added) out.push(dim(`        + ${wrap(inert(article.text.slice(span.start, span.end)), 88, '          ')}`));
      }
    }
  }
  out.push('');

  const withRemovals = story.articles.filter((article) => article.removed.length > 0);
  out.push(bold('Removed as boilerplate'));
  if (withRemovals.length === 0) out.push('  nothing');
  for (const article of withRemovals) {
    out.push(`  [${numbers.get(article.id) ?? 0}] ${summarizeRemoved(article)}`);
    if (options.verbose !== true) continue;
    for (const removed of article.removed) {
      const text = inert(removed.text).replace(/\s+/g, ' ');
      out.push(dim(`      ${removed.kind} (${removed.rule}): ${wrap(text, 90, '        ')}`));
    }
  }
  if (options.verbose !== true && withRemovals.length > 0) out.push(dim('  (--verbose shows the removed text)'));

  if (story.diagnostics.length > 0) {
    out.push('', bold('Inputs with problems'));
    for (const diagnostic of story.diagnostics) {
      out.push(`  ${describeDiagnostic(diagnostic, inert)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
