/**
 * ROUGE-1.5.5's averages over a corpus, with its bootstrap confidence intervals (`-c 95 -r
 * 1000`, summary-level averaging `-t 0`), reproduced exactly: the per-document scores (already
 * rounded to five decimals) are resampled with replacement, resample r drawing its indexes
 * from Perl's `rand` seeded with `srand(r)`, over the documents in the order of Perl's `sort`
 * of their ids. ROUGE prints as the average the mean of the resample means, not the plain mean
 * (both are returned here), and interpolates the interval's bounds between ranks of the sorted
 * resample means.
 */
import { roundLikeRouge } from './measures.js';
import type { RougeScore, RougeScores } from './score.js';

/** One document's scores, under the id that orders it as ROUGE orders its evaluations. */
export interface DocumentScores {
  readonly id: string;
  readonly scores: RougeScores;
}

/** Options of {@link averageScores}. */
export interface AverageOptions {
  /** Bootstrap resamples (ROUGE's `-r`); default 1000. */
  readonly resamples?: number;
  /** Confidence level in percent (ROUGE's `-c`); default 95. */
  readonly confidence?: number;
  /** Seed of the first resample; resample r is seeded with seed + r. Default 0, as ROUGE. */
  readonly seed?: number;
  /**
   * The system (peer) id ROUGE appends to each document id ("id.peer") before sorting; the
   * order of documents, and so which ones each resample draws, depends on it. Default '1',
   * the id pyrouge gives the system evaluated.
   */
  readonly peerId?: string;
}

/** An average over documents with its confidence interval, rounded to five decimals. */
export interface Estimate {
  /** What ROUGE-1.5.5 prints as Average_R / _P / _F: the mean of the bootstrap resample means. */
  readonly average: number;
  /** The plain mean over documents. */
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

/** Corpus estimates of one measure. */
export interface CorpusScore {
  readonly recall: Estimate;
  readonly precision: Estimate;
  readonly f1: Estimate;
}

/** Corpus estimates of every measure, keyed as in {@link RougeScores}. */
export type CorpusScores = Readonly<Record<string, CorpusScore>>;

/**
 * The random numbers of Perl's `rand` after `srand(seed)` (Perl ≥ 5.20, and glibc's drand48
 * used by earlier Perls on Linux): the 48-bit linear congruential generator x ← (0x5DEECE66D·x
 * + 0xB) mod 2^48, seeded x = seed·2^16 + 0x330E, returning x / 2^48. The state is kept as two
 * 24-bit halves so that every product stays exact in a double.
 */
export function perlRandom(seed: number): () => number {
  const half = 0x1000000;
  const multiplierLow = 0xece66d;
  const multiplierHigh = 0x5de;
  const seed32 = seed >>> 0;
  let high = seed32 >>> 8;
  let low = ((seed32 & 0xff) << 16) | 0x330e;
  return () => {
    const lowProduct = low * multiplierLow + 0xb;
    const carry = Math.floor(lowProduct / half);
    const nextHigh = (high * multiplierLow + low * multiplierHigh + carry) % half;
    low = lowProduct % half;
    high = nextHigh;
    return (high * half + low) / (half * half);
  };
}

/** Compares strings by code point, as Perl's `sort` orders character strings. */
function compareCodePoints(left: string, right: string): number {
  const a = [...left];
  const b = [...right];
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const difference = (a[index]?.codePointAt(0) ?? 0) - (b[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** The three series (recall, precision, F) of each measure, in a fixed order. */
const COMPONENTS = ['recall', 'precision', 'f1'] as const;

/**
 * Averages per-document ROUGE scores over a corpus with bootstrap confidence intervals, as
 * ROUGE-1.5.5 reports them for one system ("ROUGE-1 Average_R: 0.xxxxx (95%-conf.int. 0.xxxxx
 * - 0.xxxxx)"). Every document must have the same measures. An empty corpus gives zeros.
 */
export function averageScores(documents: readonly DocumentScores[], options: AverageOptions = {}): CorpusScores {
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 95;
  const seed = options.seed ?? 0;
  if (!(Number.isInteger(resamples) && resamples > 0)) throw new TypeError('resamples must be a positive whole number');
  if (!(confidence >= 0 && confidence <= 100)) throw new TypeError('confidence must be between 0 and 100');
  if (!Number.isInteger(seed)) throw new TypeError('seed must be a whole number');
  const peerId = options.peerId ?? '1';
  const ordered = [...documents].sort((left, right) => compareCodePoints(`${left.id}.${peerId}`, `${right.id}.${peerId}`));
  const keys = Object.keys(ordered[0]?.scores ?? {});
  const series = keys.flatMap((key) =>
    COMPONENTS.map((component) =>
      Float64Array.from(ordered, (document) => {
        const score: RougeScore | undefined = document.scores[key];
        if (score === undefined) throw new TypeError(`document ${document.id} has no ${key} score`);
        return score[component];
      }),
    ),
  );

  const count = ordered.length;
  const resampleMeans = series.map(() => new Float64Array(resamples));
  const sums = new Float64Array(series.length);
  for (let resample = 0; resample < resamples; resample++) {
    const random = perlRandom(seed + resample);
    sums.fill(0);
    for (let draw = 0; draw < count; draw++) {
      const index = Math.floor(random() * count);
      series.forEach((values, position) => {
        sums[position] = (sums[position] ?? 0) + (values[index] ?? 0);
      });
    }
    resampleMeans.forEach((means, position) => {
      means[resample] = count > 0 ? (sums[position] ?? 0) / count : 0;
    });
  }

  const delta = (resamples * ((100 - confidence) / 2.0)) / 100.0;
  const upperIndex = Math.trunc(resamples - delta - 1);
  const lowerIndex = Math.trunc(delta);
  const fraction = resamples - delta - 1 - upperIndex;
  const estimate = (values: Float64Array, means: Float64Array): Estimate => {
    const sorted = Float64Array.from(means).sort();
    // Perl reads past the end of the array as 0; so does this.
    const at = (index: number): number => sorted[index] ?? 0;
    let total = 0;
    for (const mean of sorted) total += mean;
    let plain = 0;
    for (const value of values) plain += value;
    return {
      average: roundLikeRouge(total / resamples),
      mean: count > 0 ? roundLikeRouge(plain / count) : 0,
      lower: roundLikeRouge(at(lowerIndex) + (at(lowerIndex + 1) - at(lowerIndex)) * fraction),
      upper: roundLikeRouge(at(upperIndex) + (at(upperIndex + 1) - at(upperIndex)) * fraction),
    };
  };
  const result: Record<string, CorpusScore> = {};
  keys.forEach((key, keyIndex) => {
    const [recall, precision, f1] = COMPONENTS.map((_, component) => {
      const position = keyIndex * COMPONENTS.length + component;
      return estimate(series[position] ?? new Float64Array(0), resampleMeans[position] ?? new Float64Array(0));
    });
    if (recall !== undefined && precision !== undefined && f1 !== undefined) result[key] = { recall, precision, f1 };
  });
  return result;
}
