import { cosine, fitToBudget, inverseSentenceFrequency, sentenceUnits, tfidfVector, type Baseline } from './common.js';

/** Weight of relevance against redundancy (Carbonell & Goldstein's λ). */
export const MMR_LAMBDA = 0.7;

/**
 * Maximal Marginal Relevance (Carbonell & Goldstein 1998) as a generic summarizer: the "query"
 * is the cluster itself (the TF-IDF vector of all its sentences); each step takes the sentence
 * maximising λ · sim(sentence, cluster) − (1 − λ) · max sim(sentence, chosen sentence), cosine
 * similarity throughout, until the budget is reached.
 */
export const mmr: Baseline = (documents, budget) => {
  const units = sentenceUnits(documents);
  const idf = inverseSentenceFrequency(units);
  const vectors = units.map((unit) => tfidfVector(unit.terms, idf));
  const cluster = tfidfVector(
    units.flatMap((unit) => unit.terms),
    idf,
  );
  const relevance = vectors.map((vector) => cosine(vector, cluster));
  const redundancy = new Array<number>(units.length).fill(0);
  const available = new Set(units.map((_, index) => index));
  const chosen: string[] = [];
  let used = 0;
  while (used < budget.words && available.size > 0) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const index of available) {
      const score = MMR_LAMBDA * (relevance[index] ?? 0) - (1 - MMR_LAMBDA) * (redundancy[index] ?? 0);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    const unit = units[best];
    const vector = vectors[best];
    if (unit === undefined || vector === undefined) break;
    available.delete(best);
    chosen.push(unit.text);
    used += unit.words;
    for (const index of available) redundancy[index] = Math.max(redundancy[index] ?? 0, cosine(vectors[index] ?? new Map(), vector));
  }
  return fitToBudget(chosen, budget);
};
