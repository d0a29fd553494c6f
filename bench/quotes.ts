import type { EntityMention } from '../src/core/annotations.js';
import type { Span } from '../src/core/span.js';
import { findEntities } from '../src/analyze/entities/index.js';
import { findQuotes } from '../src/analyze/quotes/index.js';
import { splitSentences } from '../src/analyze/sentences.js';
import { makeProgress } from '../src/cli/progress.js';
import {
  contentScores,
  goldKind,
  isQuotation,
  loadPolnearArticles,
  resolvePolnearDirectory,
  scoreArticle,
  type ArticleScore,
  type MatchedPair,
  type PolnearArticle,
  type Prediction,
} from './polnear.js';

/**
 * The quotes benchmark: quotations and their speakers on PolNeAR train + dev (924 US political
 * news articles, 2015–2016, every attribution annotated in BRAT standoff).
 *
 * Subset scored. PolNeAR annotates every attribution, beliefs and non-speech included ("hopes",
 * "ratcheting up his critique of"). A gold attribution is a quotation when its content holds a
 * double quotation mark (" “ ” „ « », or '' as some feeds write it), or its cue holds a form of a verb of saying from a fixed,
 * general list (say, tell, add, state, claim, announce, explain, write, tweet, ask, warn, …, and
 * "according to"; see bench/polnear.ts). All our predictions, of every kind, are scored against
 * that subset.
 *
 * Matching. Predictions and subset quotations are matched one-to-one, greedily by shared content
 * word tokens (punctuation and quotation marks are not tokens). An unmatched prediction that
 * overlaps only attributions outside the subset is counted neither right nor wrong (PolNeAR
 * says someone is the source there, but not of speech); one that overlaps an already matched
 * quotation is a duplicate, and one that overlaps nothing is spurious: both count against
 * precision.
 *
 * Metrics. Content exact P/R/F1 (same word tokens); content token-overlap P/R/F1 with per-token
 * credit, as PARC 3.0 and Citron score (a match earns shared/predicted tokens of precision and
 * shared/gold tokens of recall); speaker accuracy over matched quotations with a gold source (the
 * predicted speaker's words overlap the source, or the mention it resolves to overlaps it or
 * shares a surname with a mention inside it), with the share we left unknown; cue accuracy over
 * matched quotations (the cues overlap); results by kind; time per article.
 *
 * Baseline, in the same harness: text between paired double quotation marks on one line,
 * speaker = the nearest capitalised word run of the same sentence outside the quotation.
 *
 * Published numbers are on other corpora (PARC 3.0 and the GenderGapTracker's Canadian news):
 * printed beside ours for scale, not as a like-for-like comparison.
 */

/** Options of the quotes benchmark. */
export interface QuotesBenchOptions {
  /** The evaluation data folder (holding `quote-attribution-polnear/`), or that folder itself. */
  readonly dataDirectory: string;
  readonly limit: number;
}

/** Published scores on other corpora (../shared/data/README.md). */
const PUBLISHED = [
  'Citron (BBC), PARC 3.0: quote-span F1 56.7 exact / 83.2 token overlap; source F1 82.0 exact',
  'GenderGapTracker, Canadian news: quote F1 83.7; speaker accuracy 86.5%',
];

/** How many examples each error category prints. */
const EXAMPLES_PER_CATEGORY = 4;

/** One system's outputs on one article. */
interface SystemRun {
  readonly predictions: readonly Prediction[];
  readonly milliseconds: number;
}

/** Everything measured on one article. */
interface ArticleRun {
  readonly article: PolnearArticle;
  readonly entities: readonly EntityMention[];
  readonly entityMilliseconds: number;
  readonly parallax: SystemRun;
  readonly baseline: SystemRun;
}

/** Runs `work` and returns its result with the elapsed milliseconds. */
function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const value = work();
  return [value, performance.now() - started];
}

const CAPITALIZED_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu;

/**
 * The baseline: each pair of double quotation marks on one line is a direct quote; its speaker
 * is the capitalised word run of the same sentence, outside the quotation, nearest to it.
 */
export function baselineQuotes(text: string, sentences: readonly Span[]): Prediction[] {
  const predictions: Prediction[] = [];
  let sentenceIndex = 0;
  for (const match of text.matchAll(/“([^”\n]+)”|"([^"\n]+)"/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    while (sentenceIndex < sentences.length - 1 && (sentences[sentenceIndex]?.end ?? 0) <= start) sentenceIndex++;
    const sentence = sentences[sentenceIndex] ?? { start: 0, end: text.length };
    const from = Math.min(sentence.start, start);
    const to = Math.max(sentence.end, end);
    let speaker: Span | null = null;
    let distance = Number.POSITIVE_INFINITY;
    for (const run of text.slice(from, to).matchAll(CAPITALIZED_RUN)) {
      const runStart = from + run.index;
      const runEnd = runStart + run[0].length;
      if (runEnd > start && runStart < end) continue;
      const gap = runEnd <= start ? start - runEnd : runStart - end;
      if (gap < distance) {
        distance = gap;
        speaker = { start: runStart, end: runEnd };
      }
    }
    predictions.push({ kind: 'direct', content: [{ start: start + 1, end: end - 1 }], cue: null, speaker, speakerMention: null });
  }
  return predictions;
}

function runArticle(article: PolnearArticle): ArticleRun {
  const { text, paragraphs } = article;
  const sentences = splitSentences(text, paragraphs);
  const [entities, entityMilliseconds] = timed(() => findEntities(text, sentences));
  const [quotes, milliseconds] = timed(() => findQuotes(text, paragraphs, sentences, entities));
  const [baseline, baselineMilliseconds] = timed(() => baselineQuotes(text, sentences));
  return { article, entities, entityMilliseconds, parallax: { predictions: quotes, milliseconds }, baseline: { predictions: baseline, milliseconds: baselineMilliseconds } };
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)}`;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/** One line of text for an example: the passage, shortened, with line breaks shown. */
function snippet(text: string, spans: readonly Span[], width = 150): string {
  if (spans.length === 0) return '∅';
  const start = Math.min(...spans.map((span) => span.start));
  const end = Math.max(...spans.map((span) => span.end));
  const body = text.slice(start, end).replace(/\s*\n\s*/gu, ' ⏎ ');
  return body.length > width ? `${body.slice(0, width / 2 - 2)} … ${body.slice(-width / 2 + 2)}` : body;
}

function spanText(text: string, span: Span | null): string {
  return span === null ? '∅' : text.slice(span.start, span.end).replace(/\s+/gu, ' ');
}

/** Speaker and cue accuracy over matched quotations. */
interface AttributionScores {
  readonly speakerJudged: number;
  readonly speakerCorrect: number;
  readonly speakerUnknown: number;
  readonly cueJudged: number;
  readonly cueCorrect: number;
}

function attributionScores(scores: readonly ArticleScore[]): AttributionScores {
  let speakerJudged = 0;
  let speakerCorrect = 0;
  let speakerUnknown = 0;
  let cueJudged = 0;
  let cueCorrect = 0;
  for (const pair of scores.flatMap((score) => score.matched)) {
    if (pair.speakerCorrect !== null) {
      speakerJudged++;
      if (pair.speakerCorrect) speakerCorrect++;
      if (pair.prediction.speaker === null) speakerUnknown++;
    }
    if (pair.cueCorrect !== null) {
      cueJudged++;
      if (pair.cueCorrect) cueCorrect++;
    }
  }
  return { speakerJudged, speakerCorrect, speakerUnknown, cueJudged, cueCorrect };
}

/** The metric table: one row per system. */
function printTable(rows: readonly { name: string; scores: readonly ArticleScore[] }[]): void {
  const header = ['system', 'pred', 'exact P', 'R', 'F1', 'overlap P', 'R', 'F1', 'speaker acc', 'unknown', 'cue acc'];
  const lines = rows.map(({ name, scores }) => {
    const content = contentScores(scores);
    const attribution = attributionScores(scores);
    return [
      name,
      String(content.predicted),
      percent(content.exact.precision),
      percent(content.exact.recall),
      percent(content.exact.f1),
      percent(content.overlap.precision),
      percent(content.overlap.recall),
      percent(content.overlap.f1),
      `${percent(ratio(attribution.speakerCorrect, attribution.speakerJudged))} (${attribution.speakerJudged})`,
      percent(ratio(attribution.speakerUnknown, attribution.speakerJudged)),
      percent(ratio(attribution.cueCorrect, attribution.cueJudged)),
    ];
  });
  const widths = header.map((cell, column) => Math.max(cell.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: readonly string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  process.stdout.write(`${format(header)}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
}

/** Precision by predicted kind and recall by gold kind, with token-overlap credit. */
function printByKind(runs: readonly ArticleRun[], scores: readonly ArticleScore[]): void {
  process.stdout.write('\nBy kind (token-overlap credit; precision by our kind, recall by the gold quotation\'s form):\n');
  for (const kind of ['direct', 'partial', 'indirect'] as const) {
    let predicted = 0;
    let precisionCredit = 0;
    let gold = 0;
    let recallCredit = 0;
    let exact = 0;
    scores.forEach((score, index) => {
      const text = runs[index]?.article.text ?? '';
      const ofKind = (prediction: Prediction): boolean => prediction.kind === kind;
      predicted += score.matched.filter((pair) => ofKind(pair.prediction)).length + score.spurious.filter(ofKind).length + score.duplicates.filter(ofKind).length;
      for (const pair of score.matched) {
        if (pair.prediction.kind === kind) {
          precisionCredit += pair.overlap / Math.max(1, pair.predictedTokens);
          if (pair.exact) exact++;
        }
        if (goldKind(text, pair.gold) === kind) recallCredit += pair.overlap / Math.max(1, pair.goldTokens);
      }
      gold += score.matched.filter((pair) => goldKind(text, pair.gold) === kind).length + score.missed.filter((missed) => goldKind(text, missed) === kind).length;
    });
    process.stdout.write(
      `  ${kind.padEnd(9)} ours ${String(predicted).padStart(5)}  overlap P ${percent(ratio(precisionCredit, predicted)).padStart(5)}  exact P ${percent(ratio(exact, predicted)).padStart(5)}   gold ${String(gold).padStart(5)}  overlap R ${percent(ratio(recallCredit, gold)).padStart(5)}\n`,
    );
  }
}

/** An error example: the article and a line describing it. */
interface ErrorExample {
  readonly article: string;
  readonly line: string;
}

const PRONOUNS = new Set(['he', 'she']);

/** Collects our errors by category, each with its count and first examples. */
function collectErrors(runs: readonly ArticleRun[], scores: readonly ArticleScore[]): Map<string, ErrorExample[]> {
  const categories = new Map<string, ErrorExample[]>();
  const add = (category: string, article: string, line: string): void => {
    const list = categories.get(category) ?? [];
    list.push({ article, line });
    categories.set(category, list);
  };
  scores.forEach((score, index) => {
    const run = runs[index];
    if (run === undefined) return;
    const { text, name } = run.article;
    for (const missed of score.missed) add(`missed ${goldKind(text, missed)} quotation`, name, `${snippet(text, missed.content)}   [cue: ${snippet(text, missed.cue, 40)}; source: ${snippet(text, missed.source ?? [], 40)}]`);
    for (const prediction of score.spurious) add(`spurious ${prediction.kind}`, name, `${snippet(text, prediction.content)}   [cue: ${spanText(text, prediction.cue)}; speaker: ${spanText(text, prediction.speaker)}]`);
    for (const prediction of score.duplicates) add('duplicate (overlaps a quotation already matched)', name, snippet(text, prediction.content));
    for (const pair of score.matched) describeMatch(text, name, pair, add);
    for (const prediction of run.parallax.predictions) {
      if (prediction.speaker !== null && prediction.speakerMention === null && PRONOUNS.has(spanText(text, prediction.speaker).toLowerCase())) {
        add('pronoun speaker unresolved (he/she with no antecedent chosen)', name, `${spanText(text, prediction.speaker)} ${spanText(text, prediction.cue)}: ${snippet(text, prediction.content, 80)}`);
      }
    }
  });
  return categories;
}

function describeMatch(text: string, name: string, pair: MatchedPair, add: (category: string, article: string, line: string) => void): void {
  const { prediction, gold } = pair;
  if (!pair.exact) add('boundary (matched, different content words)', name, `ours: ${snippet(text, prediction.content, 110)}\n      gold: ${snippet(text, gold.content, 110)}`);
  if (pair.speakerCorrect === false) {
    const category = prediction.speaker === null ? 'unknown speaker (gold has a source)' : 'wrong speaker';
    const resolved = prediction.speakerMention === null ? '' : ` → ${spanText(text, prediction.speakerMention)}`;
    add(category, name, `ours: ${spanText(text, prediction.speaker)}${resolved}; gold: ${snippet(text, gold.source ?? [], 50)}   | ${snippet(text, gold.content, 90)}`);
  }
  if (pair.cueCorrect === false) add('wrong or missing cue', name, `ours: ${spanText(text, prediction.cue)}; gold: ${snippet(text, gold.cue, 40)}   | ${snippet(text, gold.content, 90)}`);
}

function printErrors(categories: Map<string, ErrorExample[]>): void {
  process.stdout.write('\nErrors by category (count, then the first examples):\n');
  const sorted = [...categories].sort((left, right) => right[1].length - left[1].length);
  for (const [category, examples] of sorted) {
    process.stdout.write(`\n  ${category}: ${examples.length}\n`);
    for (const example of examples.slice(0, EXAMPLES_PER_CATEGORY)) process.stdout.write(`    [${example.article.slice(0, 40)}] ${example.line}\n`);
  }
}

/** The subset's size by form, and how many gold attributions fall outside it. */
function printSubset(articles: readonly PolnearArticle[]): void {
  let total = 0;
  const byKind = new Map<string, number>();
  for (const article of articles) {
    for (const gold of article.attributions) {
      total++;
      if (!isQuotation(article.text, gold)) continue;
      const kind = goldKind(article.text, gold);
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
  }
  const inSubset = [...byKind.values()].reduce((sum, count) => sum + count, 0);
  process.stdout.write(
    `Subset: gold attributions whose content holds a double quotation mark, or whose cue holds a verb of saying\n` +
      `(fixed list in bench/polnear.ts) or "according to": ${inSubset} of ${total} (${percent(ratio(inSubset, total))}%) — ` +
      `${byKind.get('direct') ?? 0} direct, ${byKind.get('partial') ?? 0} partial, ${byKind.get('indirect') ?? 0} indirect (form read from the gold content).\n` +
      `Unmatched predictions overlapping only attributions outside the subset count neither right nor wrong.\n\n`,
  );
}

/** Runs the benchmark and prints the report; returns the process exit code. */
export function runQuotesBench(options: QuotesBenchOptions): number {
  const directory = resolvePolnearDirectory(options.dataDirectory);
  if (directory === null) {
    process.stderr.write(`bench quotes: no quote-attribution-polnear data under ${options.dataDirectory}\n`);
    return 1;
  }
  const articles = loadPolnearArticles(directory, ['train', 'dev'], options.limit);
  const progress = makeProgress('quotes', articles.length);
  const runs: ArticleRun[] = [];
  for (const article of articles) {
    runs.push(runArticle(article));
    progress.tick();
  }
  progress.done();
  const score = (pick: (run: ArticleRun) => SystemRun): ArticleScore[] => runs.map((run) => scoreArticle(run.article.text, run.article.attributions, pick(run).predictions, run.entities));
  const ours = score((run) => run.parallax);
  const baseline = score((run) => run.baseline);

  process.stdout.write(`PolNeAR train + dev: ${articles.length} articles (one annotator's file per article)\n`);
  printSubset(articles);
  printTable([
    { name: 'Parallax', scores: ours },
    { name: 'Baseline: marks + nearest capitalised name', scores: baseline },
  ]);
  process.stdout.write(`\nPublished, on other corpora (for scale only):\n${PUBLISHED.map((line) => `  ${line}\n`).join('')}`);
  const outside = ours.reduce((sum, article) => sum + article.outsideSubset.length, 0);
  const duplicates = ours.reduce((sum, article) => sum + article.duplicates.length, 0);
  process.stdout.write(`\nOurs outside the subset (not counted): ${outside}; duplicates (counted as wrong): ${duplicates}\n`);
  printByKind(runs, ours);
  const pronouns = runs.flatMap((run) => run.parallax.predictions.filter((prediction) => prediction.speaker !== null && PRONOUNS.has(spanText(run.article.text, prediction.speaker).toLowerCase())));
  const resolved = pronouns.filter((prediction) => prediction.speakerMention !== null).length;
  process.stdout.write(`\nPronoun speakers (he/she): ${pronouns.length}, resolved to a mention: ${resolved} (${percent(ratio(resolved, pronouns.length))}%)\n`);
  const quoteTimes = runs.map((run) => run.parallax.milliseconds);
  const entityTimes = runs.map((run) => run.entityMilliseconds);
  process.stdout.write(
    `\nTime per article: findQuotes p50 ${percentile(quoteTimes, 0.5).toFixed(2)} ms, p95 ${percentile(quoteTimes, 0.95).toFixed(2)} ms; ` +
      `findEntities (input) p50 ${percentile(entityTimes, 0.5).toFixed(2)} ms, p95 ${percentile(entityTimes, 0.95).toFixed(2)} ms\n`,
  );
  printErrors(collectErrors(runs, ours));
  return 0;
}
