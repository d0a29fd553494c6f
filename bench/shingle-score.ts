/**
 * The metric of the scrapinghub article-extraction benchmark (`evaluate.py`), re-implemented so
 * that our extractor is scored exactly as the published systems were. The rules, each checked by
 * reproducing the published F1 of seven systems from their released outputs to three decimals:
 *
 * - Tokens are `\w+` runs as Python 3's `re` reads them on `str`: Unicode letters, numbers and
 *   `_` (not combining marks). Case is kept: the original compiles with IGNORECASE, which only
 *   affects matching, so "The" and "the" are different tokens.
 * - A text becomes the multiset of its word 4-grams. A text of 1–3 tokens becomes one shingle of
 *   all its tokens; a text with no token has no shingle.
 * - Per page: matched = multiset intersection, precision = matched / predicted shingles,
 *   recall = matched / reference shingles. A page with no predicted shingle has no precision and
 *   is left out of the precision mean (its recall is 0 unless the reference is empty too); a page
 *   with an empty reference likewise has no recall. (The original normalises the three counts by
 *   their sum first; ratios are unchanged, so that is not repeated here.)
 * - P and R are plain means over the pages that have them, and F1 = 2PR / (P + R): the harmonic
 *   mean of the two means, not a mean of per-page F1.
 * - The ± the original prints is the standard deviation over 1000 bootstrap resamples of pages;
 *   {@link bootstrapF1} gives that and the 95% percentile interval, with a fixed seed.
 */

/** Shingle length of the benchmark. */
export const SHINGLE_SIZE = 4;

/** Python's `\w` on `str`: letters, numbers (Nd, Nl, No) and underscore; marks excluded. */
const WORD = /[\p{L}\p{N}_]+/gu;

/** The `\w+` tokens of a text, case kept. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * The multiset of word n-grams of a text, as shingle → count. A text shorter than `size` tokens
 * yields one shingle of all its tokens, so a short but correct text still scores.
 */
export function shingles(text: string, size: number = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  // Tokens never hold a space, so joining with one keeps distinct n-grams distinct.
  const last = Math.max(1, tokens.length - size + 1);
  for (let start = 0; start < last && start < tokens.length; start++) {
    const key = tokens.slice(start, start + size).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shingle counts of one page: how many the prediction and reference hold, how many match. */
export interface ShingleCounts {
  readonly matched: number;
  readonly predicted: number;
  readonly reference: number;
}

/** One page's scores; `null` where the benchmark leaves the page out of that mean. */
export interface PageScore extends ShingleCounts {
  /** `null` when nothing was predicted. */
  readonly precision: number | null;
  /** `null` when the reference is empty. */
  readonly recall: number | null;
  /**
   * The page's own F1, for ranking pages only (the benchmark's F1 is not a mean of these):
   * 1 when both texts are empty, 0 when only one is.
   */
  readonly f1: number;
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/** Counts the matched shingles of a prediction against a reference (multiset intersection). */
export function countShingles(prediction: string, reference: string, size: number = SHINGLE_SIZE): ShingleCounts {
  const predictedShingles = shingles(prediction, size);
  const referenceShingles = shingles(reference, size);
  let matched = 0;
  for (const [key, count] of predictedShingles) matched += Math.min(count, referenceShingles.get(key) ?? 0);
  return { matched, predicted: total(predictedShingles), reference: total(referenceShingles) };
}

/** Scores one page: its prediction against the human reference. */
export function scorePage(prediction: string, reference: string, size: number = SHINGLE_SIZE): PageScore {
  const counts = countShingles(prediction, reference, size);
  const precision = counts.predicted > 0 ? counts.matched / counts.predicted : null;
  const recall = counts.reference > 0 ? counts.matched / counts.reference : null;
  let f1: number;
  if (precision === null || recall === null) f1 = precision === recall ? 1 : 0;
  else f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...counts, precision, recall, f1 };
}

/** Corpus-level scores. */
export interface Aggregate {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly pages: number;
}

/** Mean of the non-null values; 0 when there is none (the original would raise). */
function meanOf(values: readonly (number | null)[]): number {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

/** P and R as means over the pages that have them, F1 as their harmonic mean. */
export function aggregate(pages: readonly PageScore[]): Aggregate {
  const precision = meanOf(pages.map((page) => page.precision));
  const recall = meanOf(pages.map((page) => page.recall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}

/** A small seeded generator (mulberry32): the same resamples on every run and machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bootstrap spread of corpus F1 over pages. */
export interface BootstrapInterval {
  /** Standard deviation of the resampled F1 (sample stdev): the original's "±". */
  readonly std: number;
  /** 2.5th and 97.5th percentiles of the resampled F1. */
  readonly low: number;
  readonly high: number;
}

/**
 * Resamples the pages with replacement `rounds` times and recomputes corpus F1 each time, as the
 * original does to print its "±". Seeded, so two runs (and two systems) see the same resamples.
 */
export function bootstrapF1(pages: readonly PageScore[], rounds = 1000, seed = 20240601): BootstrapInterval {
  if (pages.length === 0 || rounds < 2) return { std: 0, low: 0, high: 0 };
  const random = seededRandom(seed);
  const values: number[] = [];
  const sample: PageScore[] = new Array<PageScore>(pages.length);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < pages.length; index++) {
      sample[index] = pages[Math.floor(random() * pages.length)] as PageScore;
    }
    values.push(aggregate(sample).f1);
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  values.sort((a, b) => a - b);
  return { std: Math.sqrt(variance), low: percentile(values, 0.025), high: percentile(values, 0.975) };
}

/** Linear-interpolated percentile of sorted values (`q` in [0, 1]). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  return low + (high - low) * (position - below);
}
