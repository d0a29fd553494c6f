/**
 * ROUGE (Lin 2004), reproducing the scores of the reference implementation ROUGE-1.5.5:
 * {@link scoreSummary} for one candidate against its references, {@link averageScores} for a
 * corpus with ROUGE's bootstrap confidence intervals.
 */
export { averageScores, type AverageOptions, type CorpusScore, type CorpusScores, type DocumentScores, type Estimate } from './corpus.js';
export { formatLikeRouge } from './measures.js';
export { porterStem } from './porter.js';
export { MAX_LCS_COMPARISONS, MAX_SKIP_BIGRAMS, measureName, scoreSummary, type RougeOptions, type RougeScore, type RougeScores } from './score.js';
