import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyzeArticle } from '../src/analyze/index.js';
import { lemmaOf } from '../src/analyze/lexicon.js';
import { isContentWord } from '../src/analyze/stopwords.js';
import { tokenize, tokensOfSentence } from '../src/analyze/tokens.js';
import type { Analyzed, Block, Extracted } from '../src/core/records.js';
import type { Span } from '../src/core/span.js';
import { reconcileEntities } from '../src/corpus/entities.js';
import { DEFAULT_MIN_FACT_SCORE, findFacts, type Facts } from '../src/corpus/facts.js';
import { findOrigins, type AnalyzedStory } from '../src/corpus/origins.js';
import { matchSentences, type SentenceRef } from '../src/corpus/passages.js';
import { SAME_EVENTS_JACCARD, documentBody, ecbGoldPairs, loadEcbCorpus, resolveEcbPlusDirectory, type EcbCorpus } from './ecbplus.js';
import {
  NO_COUNTS,
  addCounts,
  allCrossPairs,
  crossPairsOfGroups,
  goldPairsFromLabels,
  linkRecall,
  pairKey,
  parsePairKey,
  precisionRecallF1,
  scorePairs,
  type PairCounts,
} from './fact-pairs-score.js';
import { articleFromBody } from '../src/extract/body.js';
import { loadMultiNews, multiNewsPath } from './multi-news.js';
import { makeProgress } from '../src/cli/progress.js';
import { percentile } from './shingle-score.js';

/**
 * The facts benchmark: cross-article "same fact" decisions of `findFacts`, as sentence pairs.
 *
 * Two sets. (1) Our own labelled stories, `bench/data/fact-stories.json` (fictional events
 * written by the team; its `about` field states the labelling conventions): a pair of sentences
 * of different articles is gold when both carry the same fact label. (2) ECB+ test topics
 * (`story-clustering-ecbplus/`, see bench/ecbplus.ts): the documents of one gold event form a
 * story, and two sentences are gold when they share a non-singleton event coreference chain;
 * mention-link recall also counts each pair of coreferent event mentions. Only the sentences
 * selected for annotation are used.
 *
 * Every article goes through the real pipeline: `analyzeArticle` (one gold sentence per
 * paragraph, so the splitter cannot join two; a gold sentence it splits maps back whole), then
 * `findOrigins` and `reconcileEntities`, then `findFacts` with the entities' `entityOf`. Parallax
 * links two sentences when `factOf` puts them in one fact.
 *
 * Baselines in the same harness: `matchSentences` (near-verbatim shared passages); a TF-IDF
 * cosine over content-word lemmas (IDF over the story's sentences, as `findFacts` weighs its
 * features) at the threshold that maximises F1 on our set, then applied unchanged to ECB+; and
 * all cross-article pairs (recall 1, precision = the base rate).
 *
 * Speed: `findFacts` time per story on both sets, and a scaling check on synthetic stories of
 * 10, 25, 50 and 100 articles built from Multi-News documents, with copies among them as real
 * coverage has.
 */

/** Options of the facts benchmark. */
export interface FactsBenchOptions {
  /** The evaluation data folder (holding `story-clustering-ecbplus/`), or the ECB+ folder itself. */
  readonly dataDirectory: string;
  /** At most this many stories of each set. */
  readonly limit: number;
}

/** One labelled sentence of our set. */
interface LabelledSentence {
  readonly text: string;
  readonly fact: string | null;
}

interface LabelledArticle {
  readonly id: string;
  readonly outlet: string;
  readonly sentences: readonly LabelledSentence[];
}

interface LabelledStory {
  readonly id: string;
  readonly articles: readonly LabelledArticle[];
}

/** Where our labelled set lives: next to this file. */
const FACT_STORIES = new URL('./data/fact-stories.json', import.meta.url);

/** The published number printed for context: ECB+ has none for sentence pairs. */
const PUBLISHED = [
  'No published system reports sentence-pair "same fact" P/R/F1 on ECB+. For scale, from ../shared/data/README.md:',
  'Barhom et al. 2019 document clustering of these 206 documents into the 20 gold events: B-cubed P/R/F1 0.971 / 0.965 / 0.968',
  '(the step before ours: we are given each story whole).',
];

/** Least pair scores of `findFacts` tried on both sets (its default is added when not among them). */
const MIN_SCORE_SWEEP = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];

/** TF-IDF thresholds tried on our set. */
const TFIDF_THRESHOLDS = Array.from({ length: 19 }, (_, index) => (index + 1) / 20);

/** Upper bounds of the word-overlap buckets that recall is broken down by. */
const OVERLAP_BUCKETS: ReadonlyArray<readonly [string, number]> = [
  ['< 0.2', 0.2],
  ['0.2-0.4', 0.4],
  ['0.4-0.6', 0.6],
  ['>= 0.6', Number.POSITIVE_INFINITY],
];

/** Article counts of the synthetic stories of the scaling check. */
const SCALING_SIZES = [10, 25, 50, 100];
/** Multi-News documents joined into one synthetic article (about 450 words, a usual news length). */
const DOCUMENTS_PER_ARTICLE = 3;
/** Every this-many-th synthetic article is a trimmed copy of the one before, as wire copies are. */
const COPY_EVERY = 4;
/**
 * Runs of each story-level step per size; the fastest is reported, the best estimate of the
 * step's own cost when other processes share the machine.
 */
const SCALING_RUNS = 5;
/** The target: a 50-article story analysed in under a second. */
const FIFTY_ARTICLE_BUDGET_MS = 1000;
/**
 * How far the measured growth exponent (time ∝ sentences^e from the smallest to the largest
 * story) may exceed that of n·log n over the same sizes (about 1.15) before it is flagged: the
 * margin absorbs timing noise.
 */
const GROWTH_TOLERANCE = 0.2;

const EXAMPLES_SHOWN = 6;

// ---- stories ----------------------------------------------------------------------------------

/** A story ready to score: analysed articles and how their sentences map to gold sentences. */
interface BenchStory {
  readonly id: string;
  readonly story: AnalyzedStory;
  readonly entityOf: (article: string, span: Span) => string | null;
  /** Per article, per analysed sentence: the index of the gold sentence it lies in. */
  readonly goldOf: readonly (readonly number[])[];
  /** Per article: the gold sentences. */
  readonly goldTexts: readonly (readonly string[])[];
  /** Per article, per gold sentence: its fact label (our set only). */
  readonly goldLabels: readonly (readonly (string | null)[])[] | null;
  readonly gold: ReadonlySet<string>;
  /** ECB+ only: the stricter gold of sentences reporting mostly the same events. */
  readonly sameEventsGold: ReadonlySet<string> | null;
  /** One gold pair key per coreferent mention pair (ECB+ only). */
  readonly mentionLinks: readonly string[];
  /** Milliseconds of per-article analysis, origins and entity reconciliation. */
  readonly preparationMs: number;
}

/** Runs `work` and returns its result with the elapsed milliseconds. */
function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const value = work();
  return [value, performance.now() - started];
}

/** An {@link Extracted} record for a body of paragraphs, in English, with no other metadata. */
function extractedOf(id: string, outlet: string | null, text: string, paragraphs: readonly Block[]): Extracted {
  return articleFromBody({ id, outlet, text, paragraphs, language: 'en' });
}

/** A body with each gold sentence as its own paragraph. */
function bodyOfSentences(sentences: readonly string[]): { text: string; paragraphs: Block[] } {
  const paragraphs: Block[] = [];
  let text = '';
  for (const sentence of sentences) {
    if (text !== '') text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + sentence.length, kind: 'paragraph' });
    text += sentence;
  }
  return { text, paragraphs };
}

/** Per analysed sentence: the paragraph (gold sentence) its start lies in. */
function paragraphOfSentences(analyzed: Analyzed): number[] {
  const { paragraphs } = analyzed.article;
  let paragraph = 0;
  return analyzed.sentences.map((sentence) => {
    while (paragraph < paragraphs.length - 1 && paragraphs[paragraph]!.end <= sentence.start) paragraph++;
    return paragraph;
  });
}

/** The analysed story the story-level steps read, as the pipeline builds it. */
function prepareStory(extracted: readonly Extracted[]): { story: AnalyzedStory; entityOf: BenchStory['entityOf']; milliseconds: number } {
  const [prepared, milliseconds] = timed(() => {
    const articles = extracted.map(analyzeArticle);
    const origins = findOrigins(articles);
    const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
    return { story: { articles, originOf: origins.originOf, matches: origins.matches }, entityOf: entities.entityOf };
  });
  return { ...prepared, milliseconds };
}

/** A story's articles as the gold numbers their sentences, with the body each is analysed from. */
interface GoldSentences {
  readonly id: string;
  readonly articles: ReadonlyArray<{ readonly id: string; readonly outlet: string | null; readonly body: { text: string; paragraphs: readonly Block[] }; readonly sentences: readonly string[] }>;
}

/** The gold of a story: its linked pairs, with what only one data set provides (labels for ours; the stricter gold and mention links for ECB+). */
interface StoryGold {
  readonly pairs: ReadonlySet<string>;
  readonly sameEvents: ReadonlySet<string> | null;
  readonly mentionLinks: readonly string[];
  readonly labels: BenchStory['goldLabels'];
}

/** Analyses a story's articles as the pipeline does and keeps the way back to the gold sentences. */
function benchStory(input: GoldSentences, gold: StoryGold): BenchStory {
  const { story, entityOf, milliseconds } = prepareStory(input.articles.map(({ id, outlet, body }) => extractedOf(`${input.id}/${id}`, outlet, body.text, body.paragraphs)));
  return {
    id: input.id,
    story,
    entityOf,
    goldOf: story.articles.map(paragraphOfSentences),
    goldTexts: input.articles.map(({ sentences }) => sentences),
    goldLabels: gold.labels,
    gold: gold.pairs,
    sameEventsGold: gold.sameEvents,
    mentionLinks: gold.mentionLinks,
    preparationMs: milliseconds,
  };
}

/** Reads and checks our labelled set. */
export function loadFactStories(path: URL | string = FACT_STORIES): LabelledStory[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { stories?: unknown };
  if (!Array.isArray(parsed.stories)) throw new Error(`${String(path)}: no "stories" array`);
  const stories = parsed.stories as LabelledStory[];
  for (const story of stories) {
    for (const article of story.articles) {
      for (const sentence of article.sentences) {
        if (typeof sentence.text !== 'string' || !(sentence.fact === null || typeof sentence.fact === 'string')) throw new Error(`${story.id}/${article.id}: bad sentence`);
      }
    }
  }
  return stories;
}

/** Our labelled stories, at most `limit`, ready to score. */
function ourBenchStories(limit: number): BenchStory[] {
  const stories = loadFactStories().slice(0, limit);
  const progress = makeProgress('facts: our stories', stories.length);
  const prepared = stories.map((story) => {
    const labels = story.articles.map((article) => article.sentences.map(({ fact }) => fact));
    const input: GoldSentences = {
      id: story.id,
      articles: story.articles.map((article) => {
        const sentences = article.sentences.map(({ text }) => text);
        return { id: article.id, outlet: article.outlet, body: bodyOfSentences(sentences), sentences };
      }),
    };
    const result = benchStory(input, { pairs: goldPairsFromLabels(labels), sameEvents: null, mentionLinks: [], labels });
    progress.tick();
    return result;
  });
  progress.done();
  return prepared;
}

/** The ECB+ stories, ready to score. */
function ecbBenchStories(corpus: EcbCorpus): BenchStory[] {
  const progress = makeProgress('facts: ECB+ stories', corpus.stories.length);
  const prepared = corpus.stories.map((story) => {
    const gold = ecbGoldPairs(story.documents, story.mentions);
    const input: GoldSentences = {
      id: story.id,
      articles: story.documents.map((document) => {
        const body = documentBody(document);
        return { id: document.id, outlet: null, body, sentences: body.paragraphs.map(({ start, end }) => body.text.slice(start, end)) };
      }),
    };
    const result = benchStory(input, { pairs: gold.sentencePairs, sameEvents: gold.sameEventsPairs, mentionLinks: gold.mentionLinks, labels: null });
    progress.tick();
    return result;
  });
  progress.done();
  return prepared;
}

// ---- systems ----------------------------------------------------------------------------------

/** An analysed sentence as the gold sentence it lies in. */
function goldRef(story: BenchStory, ref: SentenceRef): SentenceRef {
  return { article: ref.article, sentence: story.goldOf[ref.article]?.[ref.sentence] ?? ref.sentence };
}

/** Gold pair keys of linked analysed sentences. */
function goldPairsOf(story: BenchStory, pairs: Iterable<{ readonly a: SentenceRef; readonly b: SentenceRef }>): Set<string> {
  const keys = new Set<string>();
  for (const { a, b } of pairs) if (a.article !== b.article) keys.add(pairKey(goldRef(story, a), goldRef(story, b)));
  return keys;
}

/** Gold pair keys of the facts: members of one fact in different articles. */
function factPairs(story: BenchStory, found: Facts): Set<string> {
  return crossPairsOfGroups(found.facts.map((fact) => fact.members.map((member) => goldRef(story, member))));
}

/** Content-word lemmas of some tokens' norms. */
function lemmasOf(norms: readonly string[]): string[] {
  return norms.filter(isContentWord).map(lemmaOf);
}

/**
 * TF-IDF cosine of every cross-article pair of a story's analysed sentences, as the highest
 * cosine per gold pair. Term frequency is the raw count of a content-word lemma; IDF is
 * ln((1 + n) / (1 + df)) + 1 over the story's n sentences.
 */
function tfidfCosines(story: BenchStory): Map<string, number> {
  const bags: Array<{ ref: SentenceRef; counts: Map<string, number> }> = [];
  story.story.articles.forEach((analyzed, article) =>
    analyzed.sentences.forEach((_, sentence) => {
      const counts = new Map<string, number>();
      for (const lemma of lemmasOf(tokensOfSentence(analyzed, sentence).map(({ norm }) => norm))) counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
      bags.push({ ref: { article, sentence }, counts });
    }),
  );
  const frequency = new Map<string, number>();
  for (const { counts } of bags) for (const lemma of counts.keys()) frequency.set(lemma, (frequency.get(lemma) ?? 0) + 1);
  const vectors = bags.map(({ ref, counts }) => {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [lemma, count] of counts) {
      const weight = count * (Math.log((1 + bags.length) / (1 + (frequency.get(lemma) ?? 0))) + 1);
      weights.set(lemma, weight);
      norm += weight * weight;
    }
    return { ref, weights, norm: Math.sqrt(norm) };
  });
  const cosines = new Map<string, number>();
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      const [x, y] = [vectors[i]!, vectors[j]!];
      if (x.ref.article === y.ref.article || x.norm === 0 || y.norm === 0) continue;
      let dot = 0;
      for (const [lemma, weight] of x.weights) dot += weight * (y.weights.get(lemma) ?? 0);
      const key = pairKey(goldRef(story, x.ref), goldRef(story, y.ref));
      const cosine = dot / (x.norm * y.norm);
      if (cosine > (cosines.get(key) ?? 0)) cosines.set(key, cosine);
    }
  }
  return cosines;
}

/** The gold pairs whose cosine reaches the threshold. */
function aboveThreshold(cosines: ReadonlyMap<string, number>, threshold: number): Set<string> {
  return new Set([...cosines].filter(([, cosine]) => cosine >= threshold).map(([key]) => key));
}

/** What every system predicted on one story. */
interface StoryRun {
  readonly story: BenchStory;
  readonly facts: Facts;
  readonly factsMs: number;
  /** System name → predicted gold pair keys (the TF-IDF row is added once its threshold is known). */
  readonly predicted: Map<string, ReadonlySet<string>>;
  readonly tfidf: ReadonlyMap<string, number>;
}

const PARALLAX = 'Parallax findFacts (facts)';
const PARALLAX_PAIRS = 'Parallax findFacts (scored pairs)';
const VERBATIM = 'matchSentences (near-verbatim)';
const ALL_PAIRS = 'all cross-article pairs';
const tfidfName = (threshold: number): string => `TF-IDF lemma cosine >= ${threshold.toFixed(2)}`;

/** Runs Parallax (timed) and the baselines on one story. */
function runStory(story: BenchStory): StoryRun {
  const [facts, factsMs] = timed(() => findFacts(story.story, { entityOf: story.entityOf }));
  const predicted = new Map<string, ReadonlySet<string>>([
    [PARALLAX, factPairs(story, facts)],
    [PARALLAX_PAIRS, goldPairsOf(story, facts.pairs)],
    [VERBATIM, goldPairsOf(story, matchSentences(story.story.articles))],
    [ALL_PAIRS, allCrossPairs(story.goldTexts.map((sentences) => sentences.length))],
  ]);
  return { story, facts, factsMs, predicted, tfidf: tfidfCosines(story) };
}

/** Runs every system on every story; the TF-IDF row at `threshold`, or at the best one for this set when null. */
function runSet(stories: readonly BenchStory[], label: string, threshold: number | null): { runs: StoryRun[]; threshold: number } {
  const progress = makeProgress(`facts: ${label}`, stories.length);
  const runs = stories.map((story) => {
    const run = runStory(story);
    progress.tick();
    return run;
  });
  progress.done();
  const chosen = threshold ?? bestThreshold(runs);
  for (const run of runs) run.predicted.set(tfidfName(chosen), aboveThreshold(run.tfidf, chosen));
  return { runs, threshold: chosen };
}

/** The TF-IDF threshold with the best pair F1 over the runs (the higher one on a tie). */
function bestThreshold(runs: readonly StoryRun[]): number {
  let best = { threshold: TFIDF_THRESHOLDS[0]!, f1: -1 };
  for (const threshold of TFIDF_THRESHOLDS) {
    const counts = runs.reduce((sum, run) => addCounts(sum, scorePairs(aboveThreshold(run.tfidf, threshold), run.story.gold)), NO_COUNTS);
    const { f1 } = precisionRecallF1(counts);
    if (f1 >= best.f1) best = { threshold, f1 };
  }
  return best.threshold;
}

// ---- report -----------------------------------------------------------------------------------

const fixed = (value: number): string => value.toFixed(3);
const clip = (text: string, width: number): string => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);

/** Which gold a table scores against. */
type GoldOf = (story: BenchStory) => ReadonlySet<string>;
const mainGold: GoldOf = (story) => story.gold;

function countsOf(runs: readonly StoryRun[], system: string, goldOf: GoldOf = mainGold): PairCounts {
  return runs.reduce((sum, run) => addCounts(sum, scorePairs(run.predicted.get(system) ?? new Set(), goldOf(run.story))), NO_COUNTS);
}

function printSystems(runs: readonly StoryRun[], withLinks: boolean, goldOf: GoldOf = mainGold): void {
  const systems = [...(runs[0]?.predicted.keys() ?? [])];
  const header = `  ${'system'.padEnd(36)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'TP'.padStart(6)} ${'FP'.padStart(6)} ${'FN'.padStart(6)}`;
  console.log(withLinks ? `${header} ${'link R'.padStart(7)}` : header);
  for (const system of systems) {
    const counts = countsOf(runs, system, goldOf);
    const { precision, recall, f1 } = precisionRecallF1(counts);
    let line = `  ${system.padEnd(36)} ${fixed(precision).padStart(6)} ${fixed(recall).padStart(6)} ${fixed(f1).padStart(6)} ${String(counts.truePositives).padStart(6)} ${String(counts.falsePositives).padStart(6)} ${String(counts.falseNegatives).padStart(6)}`;
    if (withLinks) {
      let found = 0;
      let total = 0;
      for (const run of runs) {
        const recall = linkRecall(run.story.mentionLinks, run.predicted.get(system) ?? new Set());
        found += recall.found;
        total += recall.total;
      }
      line += ` ${fixed(total === 0 ? 1 : found / total).padStart(7)}`;
    }
    console.log(line);
  }
}

/** Content-lemma Dice of two gold sentences: how many words a pair shares. */
function wordOverlap(story: BenchStory, key: string): number {
  const [a, b] = parsePairKey(key);
  const lemmas = (ref: SentenceRef): Set<string> => new Set(lemmasOf(tokenize(story.goldTexts[ref.article]?.[ref.sentence] ?? '').map(({ norm }) => norm)));
  const [x, y] = [lemmas(a), lemmas(b)];
  if (x.size + y.size === 0) return 0;
  let shared = 0;
  for (const lemma of x) if (y.has(lemma)) shared++;
  return (2 * shared) / (x.size + y.size);
}

function bucketOf(overlap: number): number {
  return OVERLAP_BUCKETS.findIndex(([, upper]) => overlap < upper);
}

/** Recall of every system by how many content words the gold pair shares: where rewording hurts. */
function printRecallByOverlap(runs: readonly StoryRun[]): void {
  const systems = [...(runs[0]?.predicted.keys() ?? [])].filter((system) => system !== ALL_PAIRS);
  const gold = OVERLAP_BUCKETS.map(() => 0);
  const found = systems.map(() => OVERLAP_BUCKETS.map(() => 0));
  for (const run of runs) {
    for (const key of run.story.gold) {
      const bucket = bucketOf(wordOverlap(run.story, key));
      gold[bucket]!++;
      systems.forEach((system, index) => {
        if (run.predicted.get(system)?.has(key) === true) found[index]![bucket]!++;
      });
    }
  }
  console.log(`  recall by content-word overlap of the gold pair (lemma Dice):`);
  console.log(`  ${'system'.padEnd(36)} ${OVERLAP_BUCKETS.map(([name], index) => `${name} (${gold[index]})`.padStart(14)).join(' ')}`);
  systems.forEach((system, index) => {
    const cells = OVERLAP_BUCKETS.map((_, bucket) => (gold[bucket] === 0 ? '-' : fixed(found[index]![bucket]! / gold[bucket]!)).padStart(14));
    console.log(`  ${system.padEnd(36)} ${cells.join(' ')}`);
  });
}

/** One error of Parallax: the pair, its word overlap, and the gold labels when known. */
interface PairError {
  readonly run: StoryRun;
  readonly key: string;
  readonly overlap: number;
}

function describePair(error: PairError): string[] {
  const { story } = error.run;
  const [a, b] = parsePairKey(error.key);
  const label = (ref: SentenceRef): string => (story.goldLabels === null ? '' : ` [${story.goldLabels[ref.article]?.[ref.sentence] ?? 'null'}]`);
  const text = (ref: SentenceRef): string => clip(story.goldTexts[ref.article]?.[ref.sentence] ?? '', 110);
  return [`    ${story.id}, overlap ${error.overlap.toFixed(2)}:`, `      a${label(a)} ${text(a)}`, `      b${label(b)} ${text(b)}`];
}

/**
 * Parallax's errors: misses and false links counted by category, with the most telling examples
 * (misses that share the most words, false links that share the fewest).
 */
function printErrors(runs: readonly StoryRun[]): void {
  const misses: PairError[] = [];
  const falseLinks: PairError[] = [];
  for (const run of runs) {
    const predicted = run.predicted.get(PARALLAX) ?? new Set<string>();
    for (const key of run.story.gold) if (!predicted.has(key)) misses.push({ run, key, overlap: wordOverlap(run.story, key) });
    for (const key of predicted) if (!run.story.gold.has(key)) falseLinks.push({ run, key, overlap: wordOverlap(run.story, key) });
  }
  const labelled = runs.some((run) => run.story.goldLabels !== null);
  console.log(`  Parallax errors: ${misses.length} missed links, ${falseLinks.length} false links`);
  const reworded = misses.filter(({ overlap }) => overlap < 0.4).length;
  console.log(`    missed, reworded (overlap < 0.4): ${reworded}; missed, sharing many words: ${misses.length - reworded}`);
  if (labelled) {
    const labelOf = (error: PairError, ref: SentenceRef): string | null => error.run.story.goldLabels?.[ref.article]?.[ref.sentence] ?? null;
    const withNull = falseLinks.filter((error) => parsePairKey(error.key).some((ref) => labelOf(error, ref) === null)).length;
    console.log(`    false links between two different facts: ${falseLinks.length - withNull}; with a sentence no other article states (or boilerplate): ${withNull}`);
  }
  const shortened = (list: PairError[], order: (x: PairError, y: PairError) => number): PairError[] => [...list].sort(order).slice(0, EXAMPLES_SHOWN);
  if (misses.length > 0) {
    console.log(`    missed links sharing the most words:`);
    for (const error of shortened(misses, (x, y) => y.overlap - x.overlap || x.key.localeCompare(y.key))) for (const line of describePair(error)) console.log(line);
  }
  if (falseLinks.length > 0) {
    console.log(`    false links sharing the fewest words:`);
    for (const error of shortened(falseLinks, (x, y) => x.overlap - y.overlap || x.key.localeCompare(y.key))) for (const line of describePair(error)) console.log(line);
  }
}

/** Parallax's pair scores at other thresholds than its default, to see where the default sits. */
function printSweep(runs: readonly StoryRun[]): void {
  const values = [...new Set([...MIN_SCORE_SWEEP, DEFAULT_MIN_FACT_SCORE])].sort((x, y) => x - y);
  const cells = values.map((minScore) => {
    const counts = runs.reduce((sum, run) => {
      const found = minScore === DEFAULT_MIN_FACT_SCORE ? run.facts : findFacts(run.story.story, { entityOf: run.story.entityOf, minScore });
      return addCounts(sum, scorePairs(factPairs(run.story, found), run.story.gold));
    }, NO_COUNTS);
    return { minScore, ...precisionRecallF1(counts) };
  });
  console.log(`  findFacts minScore sweep (default ${DEFAULT_MIN_FACT_SCORE}): P / R / F1`);
  for (const cell of cells) console.log(`    ${cell.minScore.toFixed(2)}${cell.minScore === DEFAULT_MIN_FACT_SCORE ? '*' : ' '}  ${fixed(cell.precision)} / ${fixed(cell.recall)} / ${fixed(cell.f1)}`);
}

function printTimes(runs: readonly StoryRun[]): void {
  const facts = runs.map(({ factsMs }) => factsMs).sort((x, y) => x - y);
  const preparation = runs.map(({ story }) => story.preparationMs);
  const sentences = runs.reduce((sum, { story }) => sum + story.story.articles.reduce((count, analyzed) => count + analyzed.sentences.length, 0), 0);
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  console.log(`  time per story: findFacts p50 ${percentile(facts, 0.5).toFixed(1)} ms, p95 ${percentile(facts, 0.95).toFixed(1)} ms, mean ${mean(facts).toFixed(1)} ms (${(sentences / Math.max(1, runs.length)).toFixed(0)} sentences per story)`);
  console.log(`                  analysis + origins + entities before it: mean ${mean(preparation).toFixed(1)} ms`);
}

/** The whole report of one set: sizes, the system table(s), recall by overlap, the sweep, errors and times. */
function printSet(title: string, runs: readonly StoryRun[], withLinks: boolean): void {
  const articles = runs.reduce((sum, { story }) => sum + story.goldTexts.length, 0);
  const sentences = runs.reduce((sum, { story }) => sum + story.goldTexts.reduce((count, list) => count + list.length, 0), 0);
  const universe = countsOf(runs, ALL_PAIRS);
  console.log(title);
  console.log(
    `  ${runs.length} stories, ${articles} articles, ${sentences} gold sentences; ${universe.truePositives + universe.falsePositives} cross-article pairs, ${universe.truePositives} gold links (base rate ${fixed(universe.truePositives / Math.max(1, universe.truePositives + universe.falsePositives))})`,
  );
  console.log('');
  printSystems(runs, withLinks);
  if (runs.some(({ story }) => story.sameEventsGold !== null)) {
    const sameEvents: GoldOf = (story) => story.sameEventsGold ?? new Set();
    const gold = countsOf(runs, ALL_PAIRS, sameEvents).truePositives;
    console.log('');
    console.log(`  stricter gold: the two sentences' event chains overlap by Jaccard >= ${SAME_EVENTS_JACCARD} (mostly the same events; ${gold} links):`);
    printSystems(runs, false, sameEvents);
  }
  console.log('');
  printRecallByOverlap(runs);
  console.log('');
  printSweep(runs);
  console.log('');
  printErrors(runs);
  console.log('');
  printTimes(runs);
}

// ---- scaling ----------------------------------------------------------------------------------

/** Documents to build synthetic stories from: Multi-News when present, else the ECB+ documents, else our set's articles. */
function scalingDocuments(dataDirectory: string, ecbDirectory: string | null, corpus: EcbCorpus | null): { source: string; documents: string[] } {
  const multiNews = multiNewsPath(dataDirectory) ?? (ecbDirectory === null ? null : multiNewsPath(dirname(ecbDirectory)));
  if (multiNews !== null) {
    const documents = loadMultiNews(multiNews)
      .flatMap(({ documents: texts }) => texts)
      .filter((document) => document.trim() !== '');
    return { source: 'Multi-News documents, in file order (a cluster\'s documents are adjacent, so neighbouring articles share events)', documents };
  }
  if (corpus !== null) {
    return { source: 'ECB+ documents (Multi-News not found)', documents: corpus.stories.flatMap(({ documents }) => documents.map((document) => documentBody(document).text)) };
  }
  return {
    source: 'our labelled articles (no evaluation data found)',
    documents: loadFactStories().flatMap(({ articles }) => articles.map(({ sentences }) => sentences.map(({ text }) => text).join(' '))),
  };
}

/**
 * Synthetic articles: each joins {@link DOCUMENTS_PER_ARTICLE} consecutive documents as
 * paragraphs; every {@link COPY_EVERY}-th is the previous article without its last paragraph.
 * Documents are reused from the start when they run out.
 */
function syntheticArticles(documents: readonly string[], count: number): Extracted[] {
  const articles: Extracted[] = [];
  let next = 0;
  let previous: string[] = [];
  for (let index = 0; index < count; index++) {
    let parts: string[];
    if (index % COPY_EVERY === COPY_EVERY - 1 && previous.length > 1) parts = previous.slice(0, -1);
    else {
      parts = Array.from({ length: DOCUMENTS_PER_ARTICLE }, () => documents[next++ % documents.length]!);
      previous = parts;
    }
    const { text, paragraphs } = bodyOfSentences(parts);
    articles.push(extractedOf(`synthetic-${index}`, null, text, paragraphs));
  }
  return articles;
}

/** Runs `work` {@link SCALING_RUNS} times; the last result with the fastest time. */
function fastest<T>(work: () => T): [T, number] {
  let [value, milliseconds] = timed(work);
  for (let run = 1; run < SCALING_RUNS; run++) {
    const [next, time] = timed(work);
    value = next;
    milliseconds = Math.min(milliseconds, time);
  }
  return [value, milliseconds];
}

/** Times the story-level steps on synthetic stories of growing size; flags a slow or super-linear `findFacts`. */
function printScaling(dataDirectory: string, ecbDirectory: string | null, corpus: EcbCorpus | null): void {
  const { source, documents } = scalingDocuments(dataDirectory, ecbDirectory, corpus);
  console.log(`Scaling: synthetic stories from ${source}; ${DOCUMENTS_PER_ARTICLE} documents per article, every ${COPY_EVERY}th article a trimmed copy of the one before; fastest of ${SCALING_RUNS} runs`);
  if (documents.length === 0) {
    console.log('  no documents to build stories from');
    return;
  }
  const largest = Math.max(...SCALING_SIZES);
  const progress = makeProgress('facts: scaling analysis', largest);
  const [analyzed, analysisMs] = timed(() =>
    syntheticArticles(documents, largest).map((article) => {
      const result = analyzeArticle(article);
      progress.tick();
      return result;
    }),
  );
  progress.done();
  console.log(`  per-article analysis (analyzeArticle, not part of the story-level cost below): ${(analysisMs / largest).toFixed(1)} ms per article`);
  console.log(`  ${'articles'.padStart(8)} ${'sentences'.padStart(9)} ${'origins'.padStart(9)} ${'entities'.padStart(9)} ${'findFacts'.padStart(10)} ${'per sentence'.padStart(13)} ${'growth'.padStart(7)}  story-level total`);
  let first: { sentences: number; milliseconds: number } | null = null;
  let before: { sentences: number; milliseconds: number } | null = null;
  const flags: string[] = [];
  for (const size of SCALING_SIZES) {
    const articles = analyzed.slice(0, size);
    const sentences = articles.reduce((sum, article) => sum + article.sentences.length, 0);
    const [origins, originsMs] = fastest(() => findOrigins(articles));
    const [entities, entitiesMs] = fastest(() => reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions }))));
    const story: AnalyzedStory = { articles, originOf: origins.originOf, matches: origins.matches };
    const factsMs = fastest(() => findFacts(story, { entityOf: entities.entityOf }))[1];
    const exponent = before === null ? null : Math.log(factsMs / before.milliseconds) / Math.log(sentences / before.sentences);
    const total = originsMs + entitiesMs + factsMs;
    console.log(
      `  ${String(size).padStart(8)} ${String(sentences).padStart(9)} ${`${originsMs.toFixed(0)} ms`.padStart(9)} ${`${entitiesMs.toFixed(0)} ms`.padStart(9)} ${`${factsMs.toFixed(0)} ms`.padStart(10)} ${`${((1000 * factsMs) / sentences).toFixed(0)} µs`.padStart(13)} ${(exponent === null ? '-' : exponent.toFixed(2)).padStart(7)}  ${total.toFixed(0)} ms`,
    );
    if (size === 50 && factsMs > FIFTY_ARTICLE_BUDGET_MS) flags.push(`FLAG: findFacts on 50 articles took ${factsMs.toFixed(0)} ms (budget ${FIFTY_ARTICLE_BUDGET_MS} ms)`);
    if (size === 50 && total > FIFTY_ARTICLE_BUDGET_MS) flags.push(`FLAG: the story-level steps on 50 articles took ${total.toFixed(0)} ms (budget ${FIFTY_ARTICLE_BUDGET_MS} ms)`);
    before = { sentences, milliseconds: factsMs };
    first ??= before;
  }
  console.log('  growth: exponent e of findFacts time ∝ sentences^e against the previous size');
  if (first !== null && before !== null && before.sentences > first.sentences) {
    const ratio = before.sentences / first.sentences;
    const measured = Math.log(before.milliseconds / first.milliseconds) / Math.log(ratio);
    const nLogN = Math.log((before.sentences * Math.log(before.sentences)) / (first.sentences * Math.log(first.sentences))) / Math.log(ratio);
    console.log(`  overall, ${first.sentences} → ${before.sentences} sentences: e = ${measured.toFixed(2)} (n·log n would give ${nLogN.toFixed(2)}, n² 2.00)`);
    if (measured > nLogN + GROWTH_TOLERANCE) flags.push(`FLAG: findFacts time grows as sentences^${measured.toFixed(2)}, faster than n·log n (${nLogN.toFixed(2)})`);
  }
  for (const flag of flags) console.log(`  ${flag}`);
  if (flags.length === 0) console.log(`  ok: 50 articles within ${FIFTY_ARTICLE_BUDGET_MS} ms, growth no worse than n·log n`);
}

// ---- entry ------------------------------------------------------------------------------------

/**
 * Runs the benchmark and prints the report. Returns Parallax's ECB+ sentence-pair F1, or its F1
 * on our set when the ECB+ data is not found (a score, not an exit code).
 */
export function runFactsBench(options: FactsBenchOptions): number {
  console.log('facts benchmark: cross-article "same fact" sentence pairs (Parallax = findFacts; predicted link = same fact)');
  console.log('');
  // The first story would pay for loading WordNet and the analysers; warm them up so no story is charged for it.
  const warmUp = bodyOfSentences(['Rescuers in Tamsford said on Monday that the bridge had reopened.']);
  analyzeArticle(extractedOf('warm-up', null, warmUp.text, warmUp.paragraphs));
  lemmaOf('warming');

  const ours = runSet(ourBenchStories(options.limit), 'our stories', null);
  printSet(`Our labelled stories (bench/data/fact-stories.json); TF-IDF threshold ${ours.threshold.toFixed(2)} chosen here (best F1)`, ours.runs, false);
  const ourF1 = precisionRecallF1(countsOf(ours.runs, PARALLAX)).f1;
  console.log('');

  const ecbDirectory = resolveEcbPlusDirectory(options.dataDirectory);
  let ecbF1: number | null = null;
  let corpus: EcbCorpus | null = null;
  if (ecbDirectory === null) {
    console.log(`ECB+: not found under ${options.dataDirectory} (expected story-clustering-ecbplus/); skipped`);
  } else {
    corpus = loadEcbCorpus(ecbDirectory, options.limit);
    const ecb = runSet(ecbBenchStories(corpus), 'ECB+ stories', ours.threshold);
    printSet(
      `ECB+ test topics 36-45 (${ecbDirectory}): one story per gold event; selected sentences only (${corpus.unselectedSentences} corpus sentences outside the selection); ${corpus.crossStoryLinks} gold mention links between different stories not scored; TF-IDF threshold ${ours.threshold.toFixed(2)} from our set`,
      ecb.runs,
      true,
    );
    console.log('  link R: share of gold cross-document event-mention links whose two sentences the system links');
    ecbF1 = precisionRecallF1(countsOf(ecb.runs, PARALLAX)).f1;
    console.log('');
    for (const line of PUBLISHED) console.log(`  ${line}`);
  }
  console.log('');
  printScaling(options.dataDirectory, ecbDirectory, corpus);
  return ecbF1 ?? ourF1;
}
