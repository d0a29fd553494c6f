import { analyzeArticle } from '../src/analyze/index.js';
import type { Analyzed, ArticleFlag, ArticleFlagKind, Block, Extracted } from '../src/core/records.js';
import { reconcileEntities } from '../src/corpus/entities.js';
import { findFacts, type Facts } from '../src/corpus/facts.js';
import { findRepeats, findSeeAlso } from '../src/corpus/flags/compilation.js';
import { flagArticles } from '../src/corpus/flags/index.js';
import { isGluedWord } from '../src/corpus/flags/machine-translation.js';
import { findOrigins, type AnalyzedStory } from '../src/corpus/origins.js';
import { detectLanguage } from '../src/extract/language.js';
import { extractHtml } from '../src/extract/html/index.js';
import { fetchedForPage, loadExtractionPages, resolveExtractionDirectory } from './extraction.js';
import { articleFromBody } from '../src/extract/body.js';
import { loadMultiNews, multiNewsPath, type MultiNewsCluster } from './multi-news.js';
import { makeProgress } from '../src/cli/progress.js';

/**
 * The article-flags benchmark. No public data labels articles as derivative, compiled or
 * machine-translated, so this measures what can be measured: how often each flag fires on real,
 * native English news, where it should (almost) never fire. The texts are the documents of the
 * Multi-News clusters (each cluster one story, so the derivative detector sees several outlets'
 * reports of one event) and the article-extraction benchmark's pages, both as the humans' clean
 * texts and as Parallax extracts them from the HTML (which keeps the "Related"/"See also" blocks
 * it removes, a mark of compilation). Next to Parallax, in the same harness, single-mark
 * baselines show what a detector resting on one mark would flag.
 */

/** Options of the flags benchmark. */
export interface FlagsBenchOptions {
  /** The evaluation data folder (holding `multi-news-dev/` and `article-extraction/`), or one of those folders. */
  readonly dataDirectory: string;
  /** At most this many Multi-News clusters and this many extraction pages. */
  readonly limit: number;
}

const KINDS: readonly ArticleFlagKind[] = ['derivative', 'compilation', 'machine-translated'];

/** A one-mark detector run beside Parallax: what it flags in one story. */
type Baseline = (story: AnalyzedStory, facts: Facts) => boolean[];

/** Derivative baseline: most sentences state what another report states (no direction, no marks). */
const sharedStatementsBaseline: Baseline = (story, facts) =>
  story.articles.map((analyzed, article) => {
    const shared = new Set<number>();
    let comparable = 0;
    for (let sentence = 0; sentence < analyzed.sentences.length; sentence++) if (facts.factOf(article, sentence) !== null) comparable++;
    for (const pair of facts.pairs) {
      if (story.originOf[pair.a.article] === story.originOf[pair.b.article]) continue;
      if (pair.a.article === article) shared.add(pair.a.sentence);
      if (pair.b.article === article) shared.add(pair.b.sentence);
    }
    return comparable > 0 && shared.size >= 0.5 * comparable;
  });

/** Compilation baseline: a repeated sentence or a "See also"-style block. */
const repeatOrSeeAlsoBaseline: Baseline = (story) =>
  story.articles.map((analyzed) => {
    const seeAlso = findSeeAlso(analyzed);
    return findRepeats(analyzed).length > 0 || seeAlso.spans.length > 0 || seeAlso.removed.length > 0;
  });

/** Machine-translation baseline: a word run together, or fewer than 4 articles per 100 words. */
const gluedOrFewArticlesBaseline: Baseline = (story) =>
  story.articles.map((analyzed) => {
    const { text } = analyzed.article;
    if (analyzed.tokens.some((token) => text.slice(token.start, token.end) === token.norm && isGluedWord(token.norm))) return true;
    const words = analyzed.tokens.filter((token) => /^\p{L}/u.test(token.norm));
    const articles = words.filter((token) => token.norm === 'the' || token.norm === 'a' || token.norm === 'an').length;
    return words.length >= 150 && (100 * articles) / words.length < 4;
  });

const BASELINES: Readonly<Record<ArticleFlagKind, readonly [string, Baseline]>> = {
  derivative: ['half its statements found in another report', sharedStatementsBaseline],
  compilation: ['any repeated sentence or "See also" block', repeatOrSeeAlsoBaseline],
  'machine-translated': ['a glued word or < 4 articles per 100 words', gluedOrFewArticlesBaseline],
};

/** The flags found on one corpus, with the baselines' counts and examples of what was flagged. */
interface Tally {
  readonly name: string;
  articles: number;
  milliseconds: number;
  readonly flagged: Record<ArticleFlagKind, number>;
  readonly baseline: Record<ArticleFlagKind, number>;
  /** Evidence counts: which mark fired, per kind ("calques", "repeated passages"). */
  readonly marks: Record<ArticleFlagKind, Map<string, number>>;
  readonly examples: string[];
}

function emptyTally(name: string): Tally {
  const zero = (): Record<ArticleFlagKind, number> => ({ derivative: 0, compilation: 0, 'machine-translated': 0 });
  return { name, articles: 0, milliseconds: 0, flagged: zero(), baseline: zero(), marks: { derivative: new Map(), compilation: new Map(), 'machine-translated': new Map() }, examples: [] };
}

/** The paragraphs of a plain text: runs of lines between blank lines, or single lines when a text has no blank lines. */
function paragraphsOf(text: string): Block[] {
  const separator = text.includes('\n\n') ? /\n\s*\n/gu : /\n/gu;
  const blocks: Block[] = [];
  let start = 0;
  const push = (end: number): void => {
    const slice = text.slice(start, end);
    const leading = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed !== '') blocks.push({ start: start + leading, end: start + leading + trimmed.length, kind: 'paragraph' });
  };
  for (const match of text.matchAll(separator)) {
    push(match.index ?? 0);
    start = (match.index ?? 0) + match[0].length;
  }
  push(text.length);
  return blocks;
}

/** A clean text as an article: the whole text is the body (no header parsing), its language detected. */
function articleFromText(id: string, text: string): Extracted {
  const language = detectLanguage(text);
  return articleFromBody({ id, source: id, text, paragraphs: paragraphsOf(text), language, provenance: language === null ? {} : { language: 'detected' } });
}

/** Runs the story steps and the flags on some articles (one story), adding to the tally. */
function flagStory(tally: Tally, articles: readonly Extracted[]): void {
  const started = performance.now();
  const analyzed: Analyzed[] = articles.map(analyzeArticle);
  const origins = findOrigins(analyzed);
  const story: AnalyzedStory = { articles: analyzed, originOf: origins.originOf, matches: origins.matches };
  const entities = reconcileEntities(analyzed.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  const facts = findFacts(story, { entityOf: entities.entityOf });
  const flags = flagArticles(story, facts, entities);
  tally.milliseconds += performance.now() - started;
  tally.articles += articles.length;
  flags.forEach((articleFlags: readonly ArticleFlag[], index) => {
    for (const flag of articleFlags) {
      tally.flagged[flag.kind]++;
      for (const line of flag.evidence) {
        const mark = /^([a-z ]+):/u.exec(line)?.[1] ?? line.split(/\s+/u).slice(2, 6).join(' ');
        tally.marks[flag.kind].set(mark, (tally.marks[flag.kind].get(mark) ?? 0) + 1);
      }
      if (tally.examples.length < 12) tally.examples.push(`${flag.kind} ${articles[index]!.id}: ${flag.evidence.join(' | ').slice(0, 300)}`);
    }
  });
  for (const kind of KINDS) {
    const [, baseline] = BASELINES[kind];
    tally.baseline[kind] += baseline(story, facts).filter(Boolean).length;
  }
}

const percent = (count: number, total: number): string => (total === 0 ? '   -  ' : `${((100 * count) / total).toFixed(2).padStart(5)}%`);

function printTally(tally: Tally, itemName: string, items: number): void {
  process.stdout.write(`\n${tally.name}: ${tally.articles} articles in ${items} ${itemName}, ${(tally.milliseconds / Math.max(1, items)).toFixed(1)} ms per ${itemName.replace(/s$/u, '')} (analysis, origins, entities, facts and flags)\n`);
  process.stdout.write(`  ${'flag'.padEnd(20)} ${'Parallax'.padStart(16)}   baseline (same harness)\n`);
  for (const kind of KINDS) {
    const [name] = BASELINES[kind];
    process.stdout.write(
      `  ${kind.padEnd(20)} ${String(tally.flagged[kind]).padStart(6)} ${percent(tally.flagged[kind], tally.articles)}   ${String(tally.baseline[kind]).padStart(6)} ${percent(tally.baseline[kind], tally.articles)}  ${name}\n`,
    );
  }
  for (const kind of KINDS) {
    if (tally.marks[kind].size === 0) continue;
    const marks = [...tally.marks[kind]].sort((a, b) => b[1] - a[1]).map(([mark, count]) => `${mark} ${count}`);
    process.stdout.write(`  evidence behind ${kind} flags: ${marks.join(', ')}\n`);
  }
  for (const example of tally.examples) process.stdout.write(`    ${example}\n`);
}

/**
 * Synthetic compilations, for the compilation detector's recall on real text: from each
 * Multi-News cluster with two documents of six sentences or more, a page made of the first three
 * sentences of each (one paragraph each, a headline-like line between), the second sentence of
 * the first again, and a "See also:" list of three other clusters' opening words as headlines;
 * the page is added to its cluster's story. Constructed here, so it shows what the detector
 * finds in this shape, not how often such pages occur.
 */
function syntheticCompilations(clusters: readonly MultiNewsCluster[]): { pages: number; flagged: number; reportsFlagged: number; reports: number } {
  const counts = { pages: 0, flagged: 0, reportsFlagged: 0, reports: 0 };
  const headline = (text: string): string => text.split(/\s+/u).slice(0, 7).join(' ').replace(/[^\p{L}\p{N}]+$/u, '');
  clusters.forEach((cluster, index) => {
    const documents = cluster.documents.map((text, document) => analyzeArticle(articleFromText(`${cluster.id}-${document}`, text)));
    const long = documents.filter((analyzed) => analyzed.sentences.length >= 6).slice(0, 2);
    if (long.length < 2) return;
    const sentences = (analyzed: Analyzed, from: number, to: number): string[] =>
      analyzed.sentences.slice(from, to).map((span) => analyzed.article.text.slice(span.start, span.end));
    const others = [1, 2, 3].map((step) => headline(clusters[(index + step) % clusters.length]!.documents[0] ?? 'Other news'));
    const page = [...sentences(long[0]!, 0, 3), 'More from the wires', ...sentences(long[1]!, 0, 3), ...sentences(long[0]!, 1, 2), 'See also:', ...others].join('\n\n');
    const articles = [...documents, analyzeArticle(articleFromText(`${cluster.id}-page`, page))];
    const origins = findOrigins(articles);
    const story: AnalyzedStory = { articles, originOf: origins.originOf, matches: origins.matches };
    const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
    const flags = flagArticles(story, findFacts(story, { entityOf: entities.entityOf }), entities);
    counts.pages++;
    if (flags.at(-1)!.some((flag) => flag.kind === 'compilation')) counts.flagged++;
    counts.reports += documents.length;
    counts.reportsFlagged += flags.slice(0, -1).filter((articleFlags) => articleFlags.some((flag) => flag.kind === 'compilation')).length;
  });
  return counts;
}

/**
 * Runs the benchmark and prints, per corpus, how many articles each flag marks (the false-flag
 * rate on native news) beside one-mark baselines, the marks behind the flags, examples, and the
 * time per item. Returns the exit code.
 */
export function runFlagsBench(options: FlagsBenchOptions): number {
  const newsPath = multiNewsPath(options.dataDirectory);
  const extractionDirectory = resolveExtractionDirectory(options.dataDirectory);
  if (newsPath === null && extractionDirectory === null) {
    process.stderr.write(`bench: no multi-news-dev or article-extraction data under ${options.dataDirectory}\n`);
    return 2;
  }
  process.stdout.write(
    'Article flags on native English news: every flag here is a false flag, unless the text really is a rewrite,\n' +
      'a compilation or a translation (examples are listed to judge that). ../shared/data/README.md publishes no\n' +
      'numbers for this task; the baselines are one-mark detectors run in the same harness.\n',
  );

  if (newsPath !== null) {
    const clusters = loadMultiNews(newsPath, options.limit);
    const tally = emptyTally('Multi-News clusters (each cluster one story)');
    const progress = makeProgress('flags: multi-news', clusters.length);
    for (const cluster of clusters) {
      flagStory(
        tally,
        cluster.documents.map((text, index) => articleFromText(`${cluster.id}-${index}`, text)),
      );
      progress.tick();
    }
    progress.done();
    printTally(tally, 'clusters', clusters.length);
    const synthetic = syntheticCompilations(clusters);
    process.stdout.write(
      `\nSynthetic compilations built from Multi-News documents (constructed here; recall in this one shape): ` +
        `${synthetic.flagged} of ${synthetic.pages} pages flagged compilation (${percent(synthetic.flagged, synthetic.pages).trim()}); ` +
        `${synthetic.reportsFlagged} of ${synthetic.reports} source documents in those stories flagged compilation\n`,
    );
  }

  if (extractionDirectory !== null) {
    const pages = loadExtractionPages(extractionDirectory, options.limit);
    const texts = emptyTally('Extraction benchmark, human texts (each page alone)');
    const extracted = emptyTally('Extraction benchmark, pages extracted by Parallax (removed blocks kept as evidence)');
    const progress = makeProgress('flags: extraction pages', pages.length);
    for (const page of pages) {
      flagStory(texts, [articleFromText(page.id, page.reference)]);
      const result = extractHtml(fetchedForPage(page));
      if (result.ok) flagStory(extracted, [{ ...result.value, id: page.id }]);
      progress.tick();
    }
    progress.done();
    printTally(texts, 'pages', pages.length);
    printTally(extracted, 'pages', extracted.articles);
  }
  return 0;
}
