/**
 * The co-occurrence counts behind each ROUGE measure (Lin 2004, "ROUGE: A Package for Automatic
 * Evaluation of Summaries"), computed as ROUGE-1.5.5 computes them, for one candidate against
 * one reference: how many units match (clipped), how many the reference has and how many the
 * candidate has.
 */

/** What ROUGE-1.5.5 records for one measure on one candidate–reference pair. */
export interface PairCounts {
  /** Matched units, each counted at most as often as the rarer side has it. */
  readonly hits: number;
  /** Units in the reference: the denominator of recall. */
  readonly referenceTotal: number;
  /** Units in the candidate: the denominator of precision. */
  readonly candidateTotal: number;
  /** The score ROUGE's `-f B` ranks references by: recall, as ROUGE keeps it. */
  readonly rankingScore: number;
}

/** Units of a text with their counts, and how many there are in all. */
export interface UnitCounts {
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

function addUnit(counts: Map<string, number>, unit: string): void {
  counts.set(unit, (counts.get(unit) ?? 0) + 1);
}

/** The n-grams of a token sequence (ROUGE-N). */
export function ngramCounts(tokens: readonly string[], n: number): UnitCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (let start = 0; start + n <= tokens.length; start++) {
    addUnit(counts, tokens.slice(start, start + n).join(' '));
    total++;
  }
  return { counts, total };
}

/**
 * The skip-bigrams of a token sequence (ROUGE-S): ordered pairs with at most `maxGap` tokens
 * between them (any gap when `maxGap` is negative). With `withUnigrams` (ROUGE's `-u`, making
 * ROUGE-SU) each token counts as a unit too, except the last one, which ROUGE-1.5.5 leaves out:
 * a one-word text has no units at all.
 */
export function skipBigramCounts(tokens: readonly string[], maxGap: number, withUnigrams: boolean): UnitCounts {
  const counts = new Map<string, number>();
  let total = 0;
  for (let first = 0; first < tokens.length - 1; first++) {
    const word = tokens[first] ?? '';
    if (withUnigrams) {
      addUnit(counts, word);
      total++;
    }
    const lastSecond = maxGap < 0 ? tokens.length - 1 : Math.min(tokens.length - 1, first + maxGap + 1);
    for (let second = first + 1; second <= lastSecond; second++) {
      addUnit(counts, `${word} ${tokens[second] ?? ''}`);
      total++;
    }
  }
  return { counts, total };
}

/** ROUGE-1.5.5's number formatting, `sprintf("%7.5f")`, read back as a number. */
export function roundLikeRouge(value: number): number {
  return Number(formatLikeRouge(value));
}

/**
 * `sprintf("%7.5f", value)` as C's printf does it: the exact binary value rounded to five
 * decimals, a tie going to the even digit. Ties are exactly the doubles that are odd multiples
 * of 1/64 (such as 0.015625), where JavaScript's `toFixed` would round up instead.
 */
export function formatLikeRouge(value: number): string {
  const sixtyFourths = value * 64;
  if (Number.isInteger(sixtyFourths) && sixtyFourths % 2 !== 0) {
    const below = Math.floor(value * 100_000);
    return ((below % 2 === 0 ? below : below + 1) / 100_000).toFixed(5);
  }
  return value.toFixed(5);
}

/** Clipped matches of a candidate's units against a reference's, and the pair's counts. */
export function compareUnits(reference: UnitCounts, candidate: UnitCounts): PairCounts {
  let hits = 0;
  for (const [unit, count] of reference.counts) hits += Math.min(count, candidate.counts.get(unit) ?? 0);
  return {
    hits,
    referenceTotal: reference.total,
    candidateTotal: candidate.total,
    rankingScore: reference.total === 0 ? 0 : roundLikeRouge(hits / reference.total),
  };
}

/** A text prepared for ROUGE-L: its sentences as token ids, and its unigram counts by id. */
export interface LcsText {
  readonly units: readonly Int32Array[];
  readonly unigrams: ReadonlyMap<number, number>;
  readonly unigramTotal: number;
}

/**
 * Marks, in `hit`, the reference positions on the longest common subsequence of one reference
 * sentence and one candidate sentence, choosing among equally long ones as ROUGE-1.5.5 does:
 * tracing back from the end, a match goes diagonal, and otherwise the path goes up (drops the
 * reference token) when that keeps at least as long a subsequence, else left. `scratch` holds
 * the trace-back directions and is grown when too small.
 */
function markLongestCommonSubsequence(reference: Int32Array, candidate: Int32Array, hit: Uint8Array, scratch: { directions: Uint8Array }): void {
  const rows = reference.length;
  const columns = candidate.length;
  if (rows === 0 || columns === 0) return;
  if (scratch.directions.length < rows * columns) scratch.directions = new Uint8Array(rows * columns);
  const directions = scratch.directions;
  let previous = new Int32Array(columns + 1);
  let current = new Int32Array(columns + 1);
  for (let row = 1; row <= rows; row++) {
    const token = reference[row - 1];
    current[0] = 0;
    for (let column = 1; column <= columns; column++) {
      const cell = (row - 1) * columns + (column - 1);
      if (token === candidate[column - 1]) {
        current[column] = (previous[column - 1] ?? 0) + 1;
        directions[cell] = DIAGONAL;
      } else if ((previous[column] ?? 0) >= (current[column - 1] ?? 0)) {
        current[column] = previous[column] ?? 0;
        directions[cell] = UP;
      } else {
        current[column] = current[column - 1] ?? 0;
        directions[cell] = LEFT;
      }
    }
    [previous, current] = [current, previous];
  }
  let row = rows;
  let column = columns;
  while (row > 0 && column > 0) {
    const direction = directions[(row - 1) * columns + (column - 1)];
    if (direction === DIAGONAL) {
      row--;
      column--;
      hit[row] = 1;
    } else if (direction === UP) row--;
    else column--;
  }
}

const DIAGONAL = 1;
const UP = 2;
const LEFT = 3;

/** The number of token comparisons ROUGE-L makes between two texts. */
export function lcsComparisons(reference: LcsText, candidate: LcsText): number {
  let referenceTokens = 0;
  let candidateTokens = 0;
  for (const unit of reference.units) referenceTokens += unit.length;
  for (const unit of candidate.units) candidateTokens += unit.length;
  return referenceTokens * candidateTokens;
}

/**
 * Summary-level ROUGE-L as ROUGE-1.5.5 computes it: for each reference sentence, the union of
 * its longest common subsequences with every candidate sentence; a reference token on that
 * union is a hit while both texts still have an unused occurrence of its word (so ROUGE-L never
 * exceeds ROUGE-1). Recall divides by the reference's tokens, precision by the candidate's
 * unigrams.
 */
export function compareLcs(reference: LcsText, candidate: LcsText): PairCounts {
  const referenceLeft = new Map(reference.unigrams);
  const candidateLeft = new Map(candidate.unigrams);
  const scratch = { directions: new Uint8Array(0) };
  let hits = 0;
  let referenceTotal = 0;
  for (const sentence of reference.units) {
    referenceTotal += sentence.length;
    const hit = new Uint8Array(sentence.length);
    for (const candidateSentence of candidate.units) markLongestCommonSubsequence(sentence, candidateSentence, hit, scratch);
    sentence.forEach((token, position) => {
      if (hit[position] !== 1) return;
      const referenceCount = referenceLeft.get(token) ?? 0;
      const candidateCount = candidateLeft.get(token) ?? 0;
      if (referenceCount <= 0 || candidateCount <= 0) return;
      hits++;
      referenceLeft.set(token, referenceCount - 1);
      candidateLeft.set(token, candidateCount - 1);
    });
  }
  return { hits, referenceTotal, candidateTotal: candidate.unigramTotal, rankingScore: referenceTotal === 0 ? 0 : hits / referenceTotal };
}
