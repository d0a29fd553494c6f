import { centroidSummary } from './centroid.js';
import type { Baseline } from './common.js';
import { lead3 } from './lead.js';
import { lexRank } from './lexrank.js';
import { mmr } from './mmr.js';
import { textRank } from './textrank.js';

export { fitToBudget, MIN_SENTENCE_WORDS, sentenceUnits, wordsOf, type Baseline, type Budget } from './common.js';

/** The classical extractive baselines, by the name the benchmark prints. */
export const BASELINES: readonly { readonly name: string; readonly summarize: Baseline }[] = [
  { name: 'Lead-3 (First-3)', summarize: lead3 },
  { name: 'LexRank', summarize: lexRank },
  { name: 'TextRank', summarize: textRank },
  { name: 'Centroid (MEAD)', summarize: centroidSummary },
  { name: 'MMR (λ = 0.7)', summarize: mmr },
];
