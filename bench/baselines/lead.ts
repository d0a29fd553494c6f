import { fitToBudget, sentenceUnits, type Baseline, type Budget } from './common.js';

/** Sentences taken from the start of each document by {@link lead3}. */
export const LEAD_SENTENCES = 3;

/**
 * First-3, the lead baseline of Multi-News (Fabbri et al. 2019, "First-k"): the first three
 * sentences of each source document, documents in cluster order, concatenated. Sentences
 * shorter than the common minimum are passed over, as by every baseline; the result obeys the
 * common budget rule, so a long cluster's later documents may be cut off.
 */
export const lead3: Baseline = (documents, budget: Budget) => {
  const units = sentenceUnits(documents);
  const taken = new Map<number, number>();
  const chosen: string[] = [];
  for (const unit of units) {
    const count = taken.get(unit.document) ?? 0;
    if (count >= LEAD_SENTENCES) continue;
    taken.set(unit.document, count + 1);
    chosen.push(unit.text);
  }
  return fitToBudget(chosen, budget);
};
