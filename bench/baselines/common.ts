import { isContentWord } from '../../src/analyze/stopwords.js';
import { tokenize } from '../../src/analyze/tokens.js';

/**
 * What the classical extractive baselines share: the signature, the word budget and how it is
 * enforced, the sentence filter, TF-IDF vectors and cosine similarity, and PageRank by power
 * iteration. Every baseline sees the same sentences and obeys the same budget rule, so the
 * differences between them are their ranking alone.
 */

/** The summary length budget, in whitespace-separated words. */
export interface Budget {
  readonly words: number;
}

/**
 * An extractive summarizer: the sentences of each document (in document order, documents in
 * cluster order) in, the chosen sentences in output order out, within the budget.
 */
export type Baseline = (documents: readonly (readonly string[])[], budget: Budget) => string[];

/**
 * Sentences with fewer words than this are left out by every baseline: datelines, bylines,
 * captions and fragments carry no summary content but would win on position or centrality.
 */
export const MIN_SENTENCE_WORDS = 5;

/** The whitespace-separated words of a text: the unit of the budget, as ROUGE's `-l` counts. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/**
 * Enforces the budget on sentences in output order, the one rule for every system: sentences
 * are kept whole while they fit, the sentence that reaches the budget is cut to the words that
 * remain, and nothing follows it. Idempotent, so the harness may apply it again.
 */
export function fitToBudget(sentences: readonly string[], budget: Budget): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const sentence of sentences) {
    if (used >= budget.words) break;
    const words = wordsOf(sentence);
    if (words.length === 0) continue;
    if (used + words.length <= budget.words) {
      kept.push(sentence.trim());
      used += words.length;
    } else {
      kept.push(words.slice(0, budget.words - used).join(' '));
      used = budget.words;
    }
  }
  return kept;
}

/** A sentence of the cluster as the baselines see it. */
export interface SentenceUnit {
  readonly document: number;
  /** Position in its document, counting every sentence (also those filtered out). */
  readonly position: number;
  /** How many sentences its document has. */
  readonly documentLength: number;
  readonly text: string;
  /** Whitespace-separated words (the budget's unit). */
  readonly words: number;
  /** Lower-cased content words, in order, repeats kept: the terms of TF-IDF and overlap. */
  readonly terms: readonly string[];
}

/** Lower-cased content words of a text (function words and bare numbers left out). */
export function termsOf(text: string): string[] {
  return tokenize(text)
    .map((token) => token.norm)
    .filter(isContentWord);
}

/** Every sentence of the cluster long enough to be summary material, with at least one term. */
export function sentenceUnits(documents: readonly (readonly string[])[]): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  documents.forEach((sentences, document) => {
    sentences.forEach((text, position) => {
      const words = wordsOf(text).length;
      if (words < MIN_SENTENCE_WORDS) return;
      const terms = termsOf(text);
      if (terms.length === 0) return;
      units.push({ document, position, documentLength: sentences.length, text: text.trim(), words, terms });
    });
  });
  return units;
}

/** A sparse term-weight vector. */
export type TermVector = ReadonlyMap<string, number>;

/**
 * Inverse document frequency over the cluster's sentences, each sentence one "document"
 * (the cluster is all a baseline sees): ln((1 + N) / (1 + df)) + 1, smoothed so that a term in
 * every sentence still weighs something and no weight is negative.
 */
export function inverseSentenceFrequency(units: readonly SentenceUnit[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const unit of units) for (const term of new Set(unit.terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, count] of frequency) idf.set(term, Math.log((1 + units.length) / (1 + count)) + 1);
  return idf;
}

/** Term frequency × IDF of a bag of terms. */
export function tfidfVector(terms: readonly string[], idf: ReadonlyMap<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + 1);
  for (const [term, count] of vector) vector.set(term, count * (idf.get(term) ?? 1));
  return vector;
}

function norm(vector: TermVector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

/** Cosine similarity of two sparse vectors; 0 when either is empty. */
export function cosine(first: TermVector, second: TermVector): number {
  const [small, large] = first.size <= second.size ? [first, second] : [second, first];
  let dot = 0;
  for (const [term, value] of small) dot += value * (large.get(term) ?? 0);
  const denominator = norm(first) * norm(second);
  return denominator === 0 ? 0 : dot / denominator;
}

/**
 * PageRank of a weighted graph by power iteration: each node's score is (1 − d) / N plus d times
 * what its neighbours pass on (their score split in proportion to their edge weights). A node
 * with no edge spreads its score evenly (a random jump), so the scores stay a distribution.
 * Stops when no score moves more than `tolerance`, or after `maxIterations`.
 */
export function pageRank(weights: readonly (readonly number[])[], damping: number, tolerance = 1e-6, maxIterations = 200): number[] {
  const size = weights.length;
  if (size === 0) return [];
  const outgoing = weights.map((row) => row.reduce((sum, value) => sum + value, 0));
  let scores = new Array<number>(size).fill(1 / size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let node = 0; node < size; node++) if ((outgoing[node] ?? 0) === 0) dangling += scores[node] ?? 0;
    const next = new Array<number>(size).fill((1 - damping) / size + (damping * dangling) / size);
    for (let from = 0; from < size; from++) {
      const total = outgoing[from] ?? 0;
      if (total === 0) continue;
      const share = (damping * (scores[from] ?? 0)) / total;
      const row = weights[from] ?? [];
      for (let to = 0; to < size; to++) {
        const weight = row[to] ?? 0;
        if (weight !== 0) next[to] = (next[to] ?? 0) + share * weight;
      }
    }
    let change = 0;
    for (let node = 0; node < size; node++) change = Math.max(change, Math.abs((next[node] ?? 0) - (scores[node] ?? 0)));
    scores = next;
    if (change < tolerance) break;
  }
  return scores;
}

/**
 * Two sentences at least this similar (TF-IDF cosine) are near-copies: the rankers without a
 * redundancy term of their own (LexRank, TextRank, Centroid) skip a sentence this close to one
 * already chosen, as MEAD's reranker does for them, so no baseline spends its budget on a wire
 * story printed twice.
 */
export const NEAR_COPY_SIMILARITY = 0.7;

/**
 * Takes sentences best first until the budget is reached, skipping near-copies of sentences
 * already taken; returns them in the order taken (the last one cut to the budget).
 */
export function takeRanked(units: readonly SentenceUnit[], scores: readonly number[], budget: Budget): string[] {
  const idf = inverseSentenceFrequency(units);
  const vectors = units.map((unit) => tfidfVector(unit.terms, idf));
  const order = units.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const taken: number[] = [];
  let used = 0;
  for (const index of order) {
    if (used >= budget.words) break;
    const vector = vectors[index];
    if (vector === undefined) continue;
    if (taken.some((other) => cosine(vectors[other] ?? new Map(), vector) >= NEAR_COPY_SIMILARITY)) continue;
    taken.push(index);
    used += units[index]?.words ?? 0;
  }
  return fitToBudget(
    taken.map((index) => units[index]?.text ?? ''),
    budget,
  );
}
