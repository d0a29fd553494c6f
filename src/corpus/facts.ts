import { RELATED, broaderWords, conceptIds, isCollocation, lemmaOf, synonymWords } from '../analyze/lexicon.js';
import { STOPWORDS } from '../analyze/stopwords.js';
import { tokensOfSentence } from '../analyze/tokens.js';
import type { Analyzed, Citation, StoryFact } from '../core/records.js';
import { firstEndingAfter, type Span } from '../core/span.js';
import type { AnalyzedStory } from './origins.js';
import { foldWord, type SentenceRef } from './passages.js';
import { countIndependentReports } from './report-frequency.js';

/**
 * Facts: sentences of different articles that state the same thing, also in other words.
 *
 * No sentence-embedding model is available offline, so a sentence is a bag of weighted
 * features: the base forms of its content words (WordNet phrasal lemmas such as "rein_in"
 * joined), its entities as reconciled story ids (so "Halvik" and "Khalvik" are one feature), its
 * numbers and its dates. A feature weighs its inverse sentence frequency in the story: what
 * every article repeats ("dam", the main actor) says little about which statement a sentence
 * makes, a rare word or figure says a lot.
 *
 * Two sentences are compared by a soft weighted Dice coefficient: each feature counts as
 * matched by the best feature of the other sentence, fully for the same lemma or entity,
 * {@link SYNONYM_MATCH} for a WordNet synonym and {@link RELATED} for a one-step relation
 * ("curb" / "rein in"). Different numbers for one counted thing do not lower the score: two
 * reports of "14 dead" and "19 dead" make the same statement with different values, which
 * the conflict finder then reports.
 *
 * Candidate pairs come from an inverted index over features and WordNet senses; a key carried
 * by too many sentences is not used to find candidates (it would pair everything with
 * everything) and each sentence keeps its best {@link MAX_CANDIDATES}, so the work grows as
 * n·k, not n². Pairs above the threshold are grouped by average linkage: two groups join only
 * when their members are, on average, alike, which keeps a chain of loosely related sentences
 * (A like B, B like C) from becoming one fact.
 */

/** A feature of a sentence: a key to match exactly, and the word behind it for meaning. */
interface Feature {
  /** "w:curb", "e:entity-3", "n:14", "d:2017-05-10". */
  readonly key: string;
  /** The lemma of a word feature (for WordNet relations), else null. */
  readonly lemma: string | null;
  /** The lemma's first senses (WordNet synset ids), empty for other features. */
  readonly senses: readonly string[];
}

/** A sentence prepared for comparison. */
interface SentenceFeatures {
  readonly ref: SentenceRef;
  /** Distinct features. */
  readonly features: readonly Feature[];
  /** The folded words, to tell verbatim copies. */
  readonly words: string;
}

/** Two sentences of different articles and how alike their statements are. */
export interface FactPair {
  readonly a: SentenceRef;
  readonly b: SentenceRef;
  /** Same-statement score in [0, 1]. */
  readonly score: number;
  /** Whether the two sentences have the same words. */
  readonly verbatim: boolean;
}

/** Sentences that state one thing. */
export interface Fact {
  /** Member sentences, by article then sentence. */
  readonly members: readonly SentenceRef[];
  /** Distinct origin groups among the members (copies count once). */
  readonly independentReports: number;
}

/** The facts of a story. */
export interface Facts {
  /** The facts, the most independently reported first, then by first appearance. */
  readonly facts: readonly Fact[];
  /** The index in `facts` of the fact a sentence states, or null (too short to state one). */
  factOf(article: number, sentence: number): number | null;
  /** Every scored pair at or above the threshold. */
  readonly pairs: readonly FactPair[];
}

/** Options of {@link findFacts}. */
export interface FindFactsOptions {
  /** The story entity a mention belongs to (from `reconcileEntities`); without it, names match by their words. */
  readonly entityOf?: (article: string, span: Span) => string | null;
  /** Least pair score of one fact (default {@link DEFAULT_MIN_FACT_SCORE}). */
  readonly minScore?: number;
}

/**
 * Default least score of a same-statement pair, chosen on the labelled stories of
 * `bench/data/fact-stories.json` (`npm run bench -- facts`): pair precision 0.82 and recall 0.62
 * there at 0.27; 0.25 gives 0.78 / 0.65, 0.3 0.83 / 0.53, 0.4 0.90 / 0.32. Rewordings and
 * translations share fewer words than one expects, so the threshold is low and precision comes
 * from the weighting and the average linkage; below 0.27 precision falls faster than recall
 * rises, and a false agreement misleads a reader more than a missed one.
 */
export const DEFAULT_MIN_FACT_SCORE = 0.27;

/**
 * Extra weight of entities, numbers and dates over words: who, how many and when anchor a
 * statement, while its words are what rewording changes. 1.5 gave the best F1 on the labelled
 * stories (1 and 2 both lower).
 */
const ANCHOR_WEIGHT = 1.5;

/** Sentences with fewer features state too little to be compared ("He declined."). */
export const MIN_FACT_FEATURES = 3;

/** Match credit of a WordNet synonym. */
const SYNONYM_MATCH = 0.8;

/** Candidates kept per sentence, the ones sharing the most weight. */
const MAX_CANDIDATES = 20;

/** A key in more than this share of the story's sentences (and more than a few) finds no candidates. */
const COMMON_KEY_SHARE = 0.1;
const COMMON_KEY_FLOOR = 12;

/** Groups larger than this are compared through the pairs already scored only. */
const MAX_LINKAGE_COMPARISONS = 400;

/** The mentions (sorted by end) whose spans overlap the token. */
function covering<T extends Span>(spans: readonly T[], start: number, end: number): T | null {
  const index = firstEndingAfter(spans, start);
  const span = spans[index];
  return span !== undefined && span.start < end ? span : null;
}

function sortedByEnd<T extends Span>(spans: readonly T[]): T[] {
  return [...spans].sort((x, y) => x.end - y.end || x.start - y.start);
}

/**
 * Whether most longer words of a sentence are capitalised, as in a headline ("Rail Operator
 * Confirms Second Derailment"): there capitals do not mark names, so the sentence is compared by
 * its words alone.
 */
function isTitleCase(text: string, tokens: readonly Span[]): boolean {
  const words = tokens.filter(({ start, end }) => end - start > 3 && /\p{L}/u.test(text[start]!));
  const capitalised = words.filter(({ start }) => /\p{Lu}/u.test(text[start]!)).length;
  return words.length >= 3 && capitalised >= TITLE_CASE_SHARE * words.length;
}

/** Share of capitalised longer words from which a sentence reads as title case. */
const TITLE_CASE_SHARE = 0.6;

/** The features of each sentence of an article. */
function articleFeatures(analyzed: Analyzed, article: number, entityOf: FindFactsOptions['entityOf']): SentenceFeatures[] {
  const entities = sortedByEnd(analyzed.entities);
  const numbers = sortedByEnd(analyzed.numbers);
  const dates = sortedByEnd(analyzed.dates);
  const id = analyzed.article.id;
  return analyzed.sentences.map((_, sentence) => {
    const tokens = tokensOfSentence(analyzed, sentence);
    const titleCase = isTitleCase(analyzed.article.text, tokens);
    const features = new Map<string, Feature>();
    const add = (key: string, lemma: string | null): void => {
      if (!features.has(key)) features.set(key, { key, lemma, senses: lemma === null ? [] : conceptIds(lemma) });
    };
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      const entity = titleCase ? null : covering(entities, token.start, token.end);
      if (entity !== null) {
        add(`e:${entityOf?.(id, entity) ?? analyzed.article.text.slice(entity.start, entity.end).toLowerCase()}`, null);
        continue;
      }
      const number = covering(numbers, token.start, token.end);
      if (number !== null) {
        add(`n:${number.value}${number.high === null ? '' : `-${number.high}`}`, null);
        continue;
      }
      const date = covering(dates, token.start, token.end);
      if (date !== null) {
        add(`d:${date.value}`, null);
        continue;
      }
      const lemma = lemmaOf(token.norm);
      const next = tokens[index + 1];
      if (next !== undefined && !STOPWORDS.has(token.norm) && isCollocation([lemma, next.norm])) {
        add(`w:${lemma}_${next.norm}`, `${lemma}_${next.norm}`);
        index++;
        continue;
      }
      if (STOPWORDS.has(token.norm) || token.norm.length < 2 || /^\d/.test(token.norm)) continue;
      add(`w:${lemma}`, lemma);
    }
    return {
      ref: { article, sentence },
      features: [...features.values()],
      words: tokens.flatMap((token) => foldWord(token.norm)).join(' '),
    };
  });
}

/** Inverse sentence frequency weights, ln(1 + N / df), times {@link ANCHOR_WEIGHT} for names, numbers and dates. */
function featureWeights(sentences: readonly SentenceFeatures[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const { features } of sentences) for (const { key } of features) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  const total = sentences.length;
  return new Map([...frequency].map(([key, count]) => [key, Math.log(1 + total / count) * (key.startsWith('w:') ? 1 : ANCHOR_WEIGHT)]));
}

/** Keys a word feature is indexed under: itself and its first senses, so synonyms meet. */
function indexKeys(feature: Feature): string[] {
  return [feature.key, ...feature.senses];
}

/**
 * For every word of the story, the keys of the story's words one WordNet step away from it: a
 * word of its hypernym (or cause, entailment, derived form) synsets is a synonym of the other,
 * or the other way round ("rein_in" is a kind of "control", a sense of "curb"). Computed once
 * per story vocabulary through inverted maps, so scoring a pair looks up keys only.
 */
function relatedKeys(sentences: readonly SentenceFeatures[]): Map<string, Set<string>> {
  const lemmas = new Set<string>();
  for (const { features } of sentences) for (const { lemma } of features) if (lemma !== null) lemmas.add(lemma);
  const bySynonym = new Map<string, string[]>();
  const byBroader = new Map<string, string[]>();
  const file = (index: Map<string, string[]>, word: string, lemma: string): void => {
    const list = index.get(word);
    if (list === undefined) index.set(word, [lemma]);
    else list.push(lemma);
  };
  for (const lemma of lemmas) {
    for (const word of synonymWords(lemma)) file(bySynonym, word, lemma);
    for (const word of broaderWords(lemma)) file(byBroader, word, lemma);
  }
  const related = new Map<string, Set<string>>();
  for (const lemma of lemmas) {
    const keys = new Set<string>();
    for (const word of broaderWords(lemma)) for (const other of bySynonym.get(word) ?? []) keys.add(`w:${other}`);
    for (const word of synonymWords(lemma)) for (const other of byBroader.get(word) ?? []) keys.add(`w:${other}`);
    keys.delete(`w:${lemma}`);
    related.set(lemma, keys);
  }
  return related;
}

/** What another sentence offers a feature to match: its keys, its words' senses, the keys related to its words. */
interface MatchTarget {
  readonly keys: ReadonlySet<string>;
  readonly senses: ReadonlySet<string>;
  readonly related: ReadonlySet<string>;
}

/** Match credit of one feature in another sentence: 1 for the same key, a synonym's, a relation's, or 0. */
function matchCredit(feature: Feature, target: MatchTarget): number {
  if (target.keys.has(feature.key)) return 1;
  if (feature.lemma === null) return 0;
  for (const id of feature.senses) if (target.senses.has(id)) return SYNONYM_MATCH;
  return target.related.has(feature.key) ? RELATED : 0;
}

/** Creates the pair scorer of a story's sentences (sentence ids index `sentences`): the soft weighted Dice. */
function makeScorer(sentences: readonly SentenceFeatures[], weights: ReadonlyMap<string, number>): (first: number, second: number) => number {
  const featureWeights = sentences.map(({ features }) => features.map(({ key }) => weights.get(key) ?? 0));
  const totals = featureWeights.map((list) => list.reduce((sum, weight) => sum + weight, 0));
  const relatedTo = relatedKeys(sentences);
  const targets = new Map<number, MatchTarget>();
  const targetOf = (id: number): MatchTarget => {
    let target = targets.get(id);
    if (target === undefined) {
      const { features } = sentences[id]!;
      const related = new Set<string>();
      for (const { lemma } of features) if (lemma !== null) for (const key of relatedTo.get(lemma) ?? []) related.add(key);
      target = { keys: new Set(features.map(({ key }) => key)), senses: new Set(features.flatMap((feature) => feature.senses)), related };
      targets.set(id, target);
    }
    return target;
  };
  const matched = (own: number, other: number): number => {
    const features = sentences[own]!.features;
    const weightsOfOwn = featureWeights[own]!;
    const target = targetOf(other);
    let sum = 0;
    for (let index = 0; index < features.length; index++) sum += weightsOfOwn[index]! * matchCredit(features[index]!, target);
    return sum;
  };
  return (first, second) => {
    const total = totals[first]! + totals[second]!;
    return total === 0 ? 0 : (matched(first, second) + matched(second, first)) / total;
  };
}

/**
 * Candidate pairs (lower id first): sentences sharing a rare key, each sentence keeping its
 * best {@link MAX_CANDIDATES} partners of later articles; and every repeat of a sentence word
 * for word, paired with its first occurrence (so fifty copies give 49 pairs, not 1,225, while
 * their common words are too common to find anything).
 */
function candidatePairs(sentences: readonly SentenceFeatures[], weights: ReadonlyMap<string, number>): Array<readonly [number, number]> {
  const postings = new Map<string, number[]>();
  const firstWithWords = new Map<string, number>();
  const pairs: Array<readonly [number, number]> = [];
  sentences.forEach((sentence, id) => {
    const first = firstWithWords.get(sentence.words);
    if (first === undefined) firstWithWords.set(sentence.words, id);
    else if (sentences[first]!.ref.article !== sentence.ref.article) pairs.push([first, id]);
    const keys = new Set(sentence.features.flatMap(indexKeys));
    for (const key of keys) {
      const list = postings.get(key);
      if (list === undefined) postings.set(key, [id]);
      else list.push(id);
    }
  });
  const commonAbove = Math.max(COMMON_KEY_FLOOR, COMMON_KEY_SHARE * sentences.length);
  sentences.forEach((sentence, id) => {
    const shared = new Map<number, number>();
    for (const feature of sentence.features) {
      const weight = weights.get(feature.key) ?? 0;
      for (const key of new Set(indexKeys(feature))) {
        const list = postings.get(key)!;
        if (list.length > commonAbove) continue;
        for (const other of list) {
          if (other <= id || sentences[other]!.ref.article === sentence.ref.article || sentences[other]!.words === sentence.words) continue;
          shared.set(other, (shared.get(other) ?? 0) + weight);
        }
      }
    }
    const best = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES);
    for (const [other] of best) pairs.push([id, other]);
  });
  return pairs;
}

/** Greedy average-linkage grouping of the scored pairs, strongest pair first. */
function groupPairs(count: number, scored: ReadonlyArray<{ readonly x: number; readonly y: number; readonly score: number }>, score: (x: number, y: number) => number, minScore: number): number[][] {
  const groupOf = Array.from({ length: count }, (_, id) => id);
  const members = new Map<number, number[]>(Array.from({ length: count }, (_, id) => [id, [id]]));
  const known = new Map<number, number>();
  for (const { x, y, score: value } of scored) known.set(x * count + y, value);
  const pairScore = (x: number, y: number): number | undefined => known.get(x < y ? x * count + y : y * count + x);
  for (const { x, y } of [...scored].sort((p, q) => q.score - p.score || p.x - q.x || p.y - q.y)) {
    const [gx, gy] = [groupOf[x]!, groupOf[y]!];
    if (gx === gy) continue;
    const [first, second] = [members.get(gx)!, members.get(gy)!];
    const exhaustive = first.length * second.length <= MAX_LINKAGE_COMPARISONS;
    let sum = 0;
    let compared = 0;
    for (const p of first) {
      for (const q of second) {
        const value = pairScore(p, q) ?? (exhaustive ? score(Math.min(p, q), Math.max(p, q)) : undefined);
        if (value === undefined) continue;
        sum += value;
        compared++;
      }
    }
    if (compared === 0 || sum / compared < minScore) continue;
    const [keep, drop] = gx < gy ? [gx, gy] : [gy, gx];
    const merged = [...members.get(keep)!, ...members.get(drop)!];
    members.set(keep, merged);
    members.delete(drop);
    for (const member of merged) groupOf[member] = keep;
  }
  return [...members.values()];
}

/**
 * Groups the sentences of a story's articles into facts: each sentence with enough content
 * belongs to exactly one fact, alone when no other article states it. Deterministic.
 */
export function findFacts(story: AnalyzedStory, options: FindFactsOptions = {}): Facts {
  const minScore = options.minScore ?? DEFAULT_MIN_FACT_SCORE;
  const sentences = story.articles
    .flatMap((analyzed, article) => articleFeatures(analyzed, article, options.entityOf))
    .filter((sentence) => sentence.features.length >= MIN_FACT_FEATURES);
  const weights = featureWeights(sentences);
  const score = makeScorer(sentences, weights);

  // The shared passages origins found are candidates too: near copies whose words are all common.
  const idOf = new Map(sentences.map(({ ref }, id) => [`${ref.article}:${ref.sentence}`, id]));
  const passagePairs = story.matches.flatMap(({ a, b }): Array<readonly [number, number]> => {
    const [x, y] = [idOf.get(`${a.article}:${a.sentence}`), idOf.get(`${b.article}:${b.sentence}`)];
    return x === undefined || y === undefined || sentences[x]!.words === sentences[y]!.words ? [] : [[Math.min(x, y), Math.max(x, y)]];
  });
  const candidates = new Map<number, readonly [number, number]>();
  for (const pair of [...candidatePairs(sentences, weights), ...passagePairs]) candidates.set(pair[0] * sentences.length + pair[1], pair);
  const scored: Array<{ x: number; y: number; score: number }> = [];
  for (const [x, y] of candidates.values()) {
    const value = sentences[x]!.words === sentences[y]!.words ? 1 : score(x, y);
    if (value >= minScore) scored.push({ x, y, score: value });
  }
  const groups = groupPairs(sentences.length, scored, score, minScore);

  const facts = groups
    .map((group) => {
      const members = group.map((id) => sentences[id]!.ref).sort((p, q) => p.article - q.article || p.sentence - q.sentence);
      return { members, independentReports: countIndependentReports(members, story.originOf) };
    })
    .sort((p, q) => q.independentReports - p.independentReports || p.members[0]!.article - q.members[0]!.article || p.members[0]!.sentence - q.members[0]!.sentence);
  const factIndex = new Map<string, number>();
  facts.forEach((fact, index) => {
    for (const { article, sentence } of fact.members) factIndex.set(`${article}:${sentence}`, index);
  });
  const pairs = scored
    .map(({ x, y, score: value }) => ({ a: sentences[x]!.ref, b: sentences[y]!.ref, score: value, verbatim: sentences[x]!.words === sentences[y]!.words }))
    .sort((p, q) => p.a.article - q.a.article || p.a.sentence - q.a.sentence || p.b.article - q.b.article || p.b.sentence - q.b.sentence);
  return { facts, factOf: (article, sentence) => factIndex.get(`${article}:${sentence}`) ?? null, pairs };
}

/** What {@link storyFacts} needs to know about the articles. */
export interface StoryFactsContext {
  /** Articles that add no independent report (derivative ones). */
  excluded(article: number): boolean;
  /** Articles whose wording is shown only when no other member has one (any flagged article). */
  flagged(article: number): boolean;
  outletOf(article: number): string;
}

/**
 * The facts as the Story shows them: ids `fact-1`… in order of independent reports (excluded
 * articles add none), each worded by its best-supported member: the sentence most alike to the
 * other members, from an unflagged article where there is one, earliest first.
 */
export function storyFacts(story: AnalyzedStory, found: Facts, { excluded, flagged, outletOf }: StoryFactsContext): StoryFact[] {
  const support = new Map<string, number>();
  for (const { a, b, score } of found.pairs) {
    for (const ref of [a, b]) support.set(`${ref.article}:${ref.sentence}`, (support.get(`${ref.article}:${ref.sentence}`) ?? 0) + score);
  }
  const ranked = found.facts
    .map((fact, index) => ({ fact, index, independentReports: countIndependentReports(fact.members, story.originOf, excluded) }))
    .sort((p, q) => q.independentReports - p.independentReports || p.index - q.index);
  return ranked.map(({ fact, independentReports }, rank) => {
    const wording = [...fact.members].sort(
      (p, q) =>
        Number(flagged(p.article)) - Number(flagged(q.article)) ||
        (support.get(`${q.article}:${q.sentence}`) ?? 0) - (support.get(`${p.article}:${p.sentence}`) ?? 0) ||
        p.article - q.article,
    )[0]!;
    const citation = ({ article, sentence }: SentenceRef): Citation => {
      const span = story.articles[article]!.sentences[sentence]!;
      return { article: story.articles[article]!.article.id, start: span.start, end: span.end };
    };
    const first = citation(wording);
    return {
      id: `fact-${rank + 1}`,
      text: story.articles[wording.article]!.article.text.slice(first.start, first.end),
      members: fact.members.map(citation),
      outlets: [...new Set(fact.members.map(({ article }) => outletOf(article)))],
      independentReports,
    };
  });
}
