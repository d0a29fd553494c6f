import { percentile, seededRandom } from './shingle-score.js';

/**
 * Bootstrap confidence intervals of a mean over items (Efron's percentile method): the items
 * are resampled with replacement, the mean recomputed each time, and the 2.5th and 97.5th
 * percentiles of those means bound the 95% interval. The generator is seeded, so a run is
 * repeatable, and two systems scored on the same items see the same resamples; the interval of
 * a difference is taken over per-item differences, which keeps the pairing.
 */

/** A mean with its 95% bootstrap interval. */
export interface MeanInterval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** Resamples of the benchmark: the common choice, enough for stable 95% bounds. */
export const BOOTSTRAP_ROUNDS = 1000;

/** The seed every interval uses, so systems are resampled identically. */
export const BOOTSTRAP_SEED = 20_190_601;

function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? 0 : sum / values.length;
}

/**
 * The mean of `values` and its 95% percentile-bootstrap interval over `rounds` resamples.
 * With no values the mean and bounds are 0; with one, the bounds equal the mean.
 */
export function bootstrapMean(values: readonly number[], rounds: number = BOOTSTRAP_ROUNDS, seed: number = BOOTSTRAP_SEED): MeanInterval {
  const mean = meanOf(values);
  if (values.length === 0 || rounds < 1) return { mean, low: mean, high: mean };
  const random = seededRandom(seed);
  const means = new Array<number>(rounds);
  for (let round = 0; round < rounds; round++) {
    let sum = 0;
    for (let draw = 0; draw < values.length; draw++) sum += values[Math.floor(random() * values.length)] ?? 0;
    means[round] = sum / values.length;
  }
  means.sort((a, b) => a - b);
  return { mean, low: percentile(means, 0.025), high: percentile(means, 0.975) };
}

/**
 * The mean per-item difference `first[i] − second[i]` with its paired 95% bootstrap interval:
 * whether one system beats another on the same items beyond resampling noise.
 */
export function bootstrapDifference(first: readonly number[], second: readonly number[], rounds: number = BOOTSTRAP_ROUNDS, seed: number = BOOTSTRAP_SEED): MeanInterval {
  if (first.length !== second.length) throw new RangeError(`paired samples differ in size: ${first.length} and ${second.length}`);
  return bootstrapMean(
    first.map((value, index) => value - (second[index] ?? 0)),
    rounds,
    seed,
  );
}
