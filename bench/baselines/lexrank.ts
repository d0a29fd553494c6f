import { cosine, inverseSentenceFrequency, pageRank, sentenceUnits, takeRanked, tfidfVector, type Baseline } from './common.js';

/** Two sentences are linked when their TF-IDF cosine reaches this (Erkan & Radev's 0.1). */
export const LEXRANK_THRESHOLD = 0.1;

/** Probability of following a link rather than jumping anywhere (their jump probability is 0.15). */
const FOLLOW_LINK = 0.85;

/**
 * LexRank (Erkan & Radev 2004, thresholded version): sentences are nodes, linked when their
 * idf-modified cosine (TF-IDF cosine) reaches the threshold, every link of weight one (the
 * diagonal included, as in their similarity matrix); a sentence's salience is its stationary
 * probability under a random walk with jumps, found by power iteration. The most salient
 * sentences are taken until the budget is reached, near-copies skipped.
 */
export const lexRank: Baseline = (documents, budget) => {
  const units = sentenceUnits(documents);
  const idf = inverseSentenceFrequency(units);
  const vectors = units.map((unit) => tfidfVector(unit.terms, idf));
  const links = vectors.map((first) => vectors.map((second) => (cosine(first, second) >= LEXRANK_THRESHOLD ? 1 : 0)));
  return takeRanked(units, pageRank(links, FOLLOW_LINK), budget);
};
