import type { NumberMention, NumberQualifier } from '../../core/annotations.js';

/**
 * What a stated figure allows the true value to be, as a closed interval, so two reports of one
 * quantity can be tested for agreement: "more than 300" and "some 350" agree, "about 6,000" and
 * "8,500" do not, a range agrees with any number inside it.
 *
 * A hedged figure says more than its bare logic. Speakers round to the granularity of the number
 * they choose and pick the most informative round number, so "more than 300" is not said of 480
 * (that would be "more than 400") and "about 6,000" is not said of 8,500 (Cummins, Sauerland &
 * Solt 2012, "Granularity and scalar implicature in numerical expressions", Linguistics and
 * Philosophy 35). The granularity of a figure is the place value of its last non-zero digit
 * (300 → 100, 320,000 → 10,000, 14 → 1). The intervals:
 *
 * - exact: the value; a round figure of hundreds or more (200, 8,000) may itself be rounded, by
 *   up to half its granularity and at most 10% ("200 homes" agrees with 213);
 * - `about`: ± the larger of half the granularity and 10% ("about 200" is 150–250, "some 20" is
 *   15–25, "about 6,000" is 5,400–6,600);
 * - `more-than`, `at-least`: from the value up to one granularity step above it, at most half as
 *   much again ("at least 14" is 14–15, "more than 300" is 300–400, "more than 320,000" is
 *   320,000–330,000): a count announced as "at least 14" is the confirmed count;
 * - `nearly`: one step below up to the value, at most 20% below ("nearly 20" is 16–20);
 * - `up-to` ("as many as"): one step below up to the value, at most half of it below;
 * - `fewer-than`, `at-most`: anything up to the value (a ceiling implies no floor);
 * - a range: its two ends, each widened as above when hedged ("about 1,500 to 2,000").
 */

/** A closed interval of plausible true values. */
export interface ValueInterval {
  readonly low: number;
  readonly high: number;
}

/** Relative rounding allowed for `about` and for round exact figures. */
const ROUNDING_SHARE = 0.1;

/** How far above its value a lower bound ("more than", "at least") may reach, as a factor. */
const LOWER_BOUND_REACH = 1.5;

/** How far below its value "nearly" may reach, as a factor. */
const NEARLY_REACH = 0.8;

/** How far below its value "up to" / "as many as" may reach, as a factor. */
const UP_TO_REACH = 0.5;

/**
 * The granularity of a figure: the place value of its last non-zero digit (300 → 100, 14 → 1,
 * 2.5 → 0.1, 2,500,000 → 100,000). Zero has granularity 1.
 */
export function granularity(value: number): number {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(magnitude) || magnitude === 0) return 1;
  if (!Number.isInteger(magnitude)) {
    const decimals = (magnitude.toFixed(6).replace(/0+$/, '').split('.')[1] ?? '').length;
    return 10 ** -Math.max(decimals, 1);
  }
  let step = 1;
  while (magnitude % (step * 10) === 0) step *= 10;
  return step;
}

/** The interval a single figure with its qualifier allows (see the module comment). */
function pointInterval(value: number, qualifier: NumberQualifier): ValueInterval {
  const step = granularity(value);
  switch (qualifier) {
    case 'exact': {
      const tolerance = step >= 100 ? Math.min(step / 2, ROUNDING_SHARE * value) : 0;
      return { low: value - tolerance, high: value + tolerance };
    }
    case 'about': {
      const tolerance = Math.max(step / 2, ROUNDING_SHARE * value);
      return { low: value - tolerance, high: value + tolerance };
    }
    case 'more-than':
    case 'at-least':
      return { low: value, high: Math.min(value + step, value * LOWER_BOUND_REACH) };
    case 'nearly':
      return { low: Math.max(value - step, value * NEARLY_REACH), high: value };
    case 'up-to':
      return { low: Math.max(value - step, value * UP_TO_REACH), high: value };
    case 'fewer-than':
    case 'at-most':
      return { low: 0, high: value };
  }
}

/** The plausible values of a stated figure or range (see the module comment). */
export function valueInterval(mention: Pick<NumberMention, 'value' | 'high' | 'qualifier'>): ValueInterval {
  const low = pointInterval(mention.value, mention.qualifier);
  if (mention.high === null) return low;
  // "between 200 and 300": the ends themselves; "about 1,500 to 2,000": each end widened.
  if (mention.qualifier !== 'about') return { low: mention.value, high: mention.high };
  return { low: low.low, high: pointInterval(mention.high, 'about').high };
}

/** Whether two intervals share a value. */
export function intervalsOverlap(first: ValueInterval, second: ValueInterval): boolean {
  return first.low <= second.high && second.low <= first.high;
}

/**
 * How far apart two intervals are, as the ratio of the nearer ends (1 when they overlap): "14"
 * and "19" are 1.36 apart, "14" and "300" 21.4. Zero or negative ends count as equal.
 */
export function intervalRatio(first: ValueInterval, second: ValueInterval): number {
  if (intervalsOverlap(first, second)) return 1;
  const [lower, upper] = first.high < second.low ? [first, second] : [second, first];
  return lower.high <= 0 ? Infinity : upper.low / lower.high;
}

/** How a qualifier is written before a figure in a display value. */
const QUALIFIER_WORDS: Readonly<Record<NumberQualifier, string>> = {
  exact: '',
  about: 'about ',
  'more-than': 'more than ',
  'at-least': 'at least ',
  nearly: 'nearly ',
  'fewer-than': 'fewer than ',
  'at-most': 'at most ',
  'up-to': 'up to ',
};

/** Units written as words after a figure, pluralised with "s" when the figure is not one. */
const COUNTABLE_UNITS: ReadonlySet<string> = new Set([
  'second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'mile', 'hectare', 'acre', 'tonne', 'ton', 'litre', 'gallon', 'barrel', 'knot', 'degree',
]);

/** A figure with thousands separators ("8,500", "2.5", "320,000"), at most six decimals. */
function formatFigure(value: number): string {
  const [whole = '', fraction] = Number(value.toFixed(6)).toString().split('.');
  const grouped = /e/iu.test(whole) ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * A figure as shown in a conflict: the qualifier in plain words, the figure or range with
 * thousands separators, and the unit ("at least 14", "about 6,000", "200–300", "more than 2 m",
 * "40 minutes", "USD 3,000,000", "5%").
 */
export function displayFigure(mention: Pick<NumberMention, 'value' | 'high' | 'qualifier' | 'unit'>): string {
  const figure = mention.high === null ? formatFigure(mention.value) : `${formatFigure(mention.value)}–${formatFigure(mention.high)}`;
  const prefix = QUALIFIER_WORDS[mention.qualifier];
  const { unit } = mention;
  if (unit === null) return prefix + figure;
  if (unit === 'percent') return `${prefix}${figure}%`;
  if (/^[A-Z]{3}$/.test(unit)) return `${prefix}${unit} ${figure}`;
  const plural = COUNTABLE_UNITS.has(unit) && (mention.high !== null || mention.value !== 1) ? 's' : '';
  return `${prefix}${figure} ${unit}${plural}`;
}
