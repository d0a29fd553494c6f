import { inverseSentenceFrequency, sentenceUnits, takeRanked, type Baseline } from './common.js';

/** How many of the cluster's highest-weighted words make up its centroid. */
export const CENTROID_WORDS = 25;

/**
 * The centroid-based summarizer of MEAD (Radev et al. 2004): the cluster's centroid is its
 * words with the highest average TF-IDF per document (the top {@link CENTROID_WORDS}); a
 * sentence scores the sum of the centroid values of its distinct words (C) plus a position
 * score P = (n − i + 1) / n × C_max, where i is its 1-based position among the n sentences of
 * its document and C_max the best C in that document. The best sentences are taken until the
 * budget is reached, near-copies skipped (MEAD's reranker).
 */
export const centroidSummary: Baseline = (documents, budget) => {
  const units = sentenceUnits(documents);
  const idf = inverseSentenceFrequency(units);
  const counts = new Map<string, number>();
  for (const unit of units) for (const term of unit.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const documentCount = Math.max(1, documents.length);
  const centroid = new Map(
    [...counts]
      .map(([term, count]): [string, number] => [term, (count / documentCount) * (idf.get(term) ?? 1)])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CENTROID_WORDS),
  );
  const centrality = units.map((unit) => [...new Set(unit.terms)].reduce((sum, term) => sum + (centroid.get(term) ?? 0), 0));
  const bestInDocument = new Map<number, number>();
  units.forEach((unit, index) => bestInDocument.set(unit.document, Math.max(bestInDocument.get(unit.document) ?? 0, centrality[index] ?? 0)));
  const scores = units.map((unit, index) => {
    const position = (unit.documentLength - unit.position) / Math.max(1, unit.documentLength);
    return (centrality[index] ?? 0) + position * (bestInDocument.get(unit.document) ?? 0);
  });
  return takeRanked(units, scores, budget);
};
