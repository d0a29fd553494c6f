import { pageRank, sentenceUnits, takeRanked, type Baseline, type SentenceUnit } from './common.js';

/** PageRank's damping factor as Mihalcea & Tarau set it. */
export const TEXTRANK_DAMPING = 0.85;

/**
 * TextRank's sentence similarity: the number of distinct content words two sentences share,
 * divided by the sum of the logarithms of their lengths in words, so long sentences do not win
 * by length alone.
 */
export function textRankSimilarity(first: SentenceUnit, second: SentenceUnit): number {
  const words = new Set(first.terms);
  let shared = 0;
  for (const term of new Set(second.terms)) if (words.has(term)) shared++;
  const scale = Math.log(first.words) + Math.log(second.words);
  return shared === 0 || scale <= 0 ? 0 : shared / scale;
}

/**
 * TextRank (Mihalcea & Tarau 2004) for sentence extraction: an undirected graph of the
 * cluster's sentences weighted by {@link textRankSimilarity}, ranked by weighted PageRank
 * (d = 0.85) to convergence; the best sentences are taken until the budget is reached,
 * near-copies skipped.
 */
export const textRank: Baseline = (documents, budget) => {
  const units = sentenceUnits(documents);
  const weights = units.map((first, i) => units.map((second, j) => (i === j ? 0 : textRankSimilarity(first, second))));
  return takeRanked(units, pageRank(weights, TEXTRANK_DAMPING), budget);
};
