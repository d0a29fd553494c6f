/**
 * ROUGE-N (Lin 2004, "ROUGE: A Package for Automatic Evaluation of Summaries"): n-gram overlap
 * between a candidate and a reference, as recall, precision and F1, with clipped counts. Tokens
 * are lower-cased runs of letters and digits; no stemming and no stopword removal. This is the
 * plain definition, enough to compare systems run in one harness; it does not claim to
 * reproduce ROUGE-1.5.5's scores digit for digit.
 */
export interface RougeScore {
  readonly recall: number;
  readonly precision: number;
  readonly f1: number;
}

function ngramCounts(text: string, n: number): Map<string, number> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const counts = new Map<string, number>();
  for (let index = 0; index + n <= words.length; index++) {
    const gram = words.slice(index, index + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N of one candidate against one reference. */
export function rougeN(candidate: string, reference: string, n: number): RougeScore {
  const candidateCounts = ngramCounts(candidate, n);
  const referenceCounts = ngramCounts(reference, n);
  let overlap = 0;
  let candidateTotal = 0;
  let referenceTotal = 0;
  for (const count of candidateCounts.values()) candidateTotal += count;
  for (const [gram, count] of referenceCounts) {
    referenceTotal += count;
    overlap += Math.min(count, candidateCounts.get(gram) ?? 0);
  }
  const recall = referenceTotal === 0 ? 0 : overlap / referenceTotal;
  const precision = candidateTotal === 0 ? 0 : overlap / candidateTotal;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { recall, precision, f1 };
}
