/**
 * Telling two events of one kind apart inside a story.
 *
 * Reports of two different earthquakes, two takeovers by one company or two phones launched by
 * one carrier share their topic words ("earthquake", "Indonesia", "AMD", "acquire") and are
 * easily grouped as one story. What tells them apart is what each event's reports keep
 * repeating and the other's never say: the place ("Aceh" / "Papua"), the target ("ATI" /
 * "SeaMicro"), the model ("Curve" / "Q10"). So a story whose members hold two words that are
 * each used by several of its reports but never by the same report is likely two events.
 *
 * How unlikely that is by chance: if `a` of `n` reports use one word and `b` use the other,
 * independently, the chance that no report uses both is C(n − a, b) / C(n, b) (the
 * hypergeometric chance that all `b` fall among the `n − a` without the first word). Words
 * that merely vary between reports of one event (a detail only some mention) overlap now and
 * then, or are used by too few reports for the chance to be small.
 *
 * Copies are one report: outlets running one wire story repeat all its words, so six copies of
 * one wire report and six of another about the same event would look like two events. The
 * chance is therefore counted over distinct reports ({@link withoutCopies}).
 */

/** Two words used by disjoint groups of a story's reports, and how unlikely that is by chance. */
export interface ExclusivePair {
  /** The two words (as the story's term keys). */
  readonly words: readonly [string, string];
  /** Indexes of the reports holding the first word, and of those holding the second. */
  readonly first: readonly number[];
  readonly second: readonly number[];
  /** −log10 of the chance that two words used that often would never meet by chance. */
  readonly evidence: number;
}

/**
 * Least reports using each word of a pair. With two, a pair of copies of one wire report
 * would be evidence; three independent uses are what a repeated name looks like.
 */
export const LEAST_HOLDERS = 3;

/**
 * Least share of words two reports have in common (Jaccard) to count as copies of one report.
 * In ECB+ and Multi-News, the reports of one event that shared 0.6 or more of their words were
 * one text under another headline or lightly edited (most above 0.9); other reports of one
 * event share less (most under 0.3).
 */
export const COPY_JACCARD = 0.6;

/** Indexes of the reports that are no copy of an earlier one (see {@link COPY_JACCARD}), in order. */
export function withoutCopies(reports: readonly Iterable<string>[]): number[] {
  const kept: Array<{ index: number; words: Set<string> }> = [];
  reports.forEach((report, index) => {
    const words = new Set(report);
    const isCopy = kept.some((earlier) => {
      let shared = 0;
      for (const word of words) if (earlier.words.has(word)) shared++;
      return shared >= COPY_JACCARD * (words.size + earlier.words.size - shared) && shared > 0;
    });
    if (!isCopy) kept.push({ index, words });
  });
  return kept.map(({ index }) => index);
}

/**
 * Letters two words must share at the start to count as forms of one word that the stemmer left
 * apart ("acquir" / "acquisit"): reports choose one form or the other, so such a pair can look
 * exclusive (it split one ECB+ event's reports at evidence 2.5).
 */
const SHARED_FORM_PREFIX = 5;

/** Whether two words are likely forms of one word: one holds the other, or they start alike. */
function sameWordForms(first: string, second: string): boolean {
  if (first.includes(second) || second.includes(first)) return true;
  return first.length >= SHARED_FORM_PREFIX && first.slice(0, SHARED_FORM_PREFIX) === second.slice(0, SHARED_FORM_PREFIX);
}

/** ln(k!) for k = 0..n, for the binomial coefficients. */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
}

/**
 * The most telling exclusive pair among the reports' word sets: two words each held by at
 * least {@link LEAST_HOLDERS} reports, never together and not forms of one word, with the
 * smallest chance of that. Null when no such pair exists. Words are compared as given (the
 * caller's normalised keys); the result does not depend on the order of words in a report.
 */
export function strongestExclusivePair(reports: readonly Iterable<string>[]): ExclusivePair | null {
  const n = reports.length;
  if (n < 2 * LEAST_HOLDERS) return null;
  const holders = new Map<string, number[]>();
  reports.forEach((words, index) => {
    for (const word of new Set(words)) {
      const list = holders.get(word);
      if (list === undefined) holders.set(word, [index]);
      else list.push(index);
    }
  });
  // Only words held often enough on one side while leaving room for the other side.
  const candidates = [...holders]
    .filter(([, list]) => list.length >= LEAST_HOLDERS && list.length <= n - LEAST_HOLDERS)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  if (candidates.length < 2) return null;

  // Each word's reports as a bit set, so a pair is tested for overlap in a few operations.
  const chunks = Math.ceil(n / 32);
  const bits = candidates.map(([, list]) => {
    const set = new Uint32Array(chunks);
    for (const index of list) set[index >>> 5]! |= 1 << (index & 31);
    return set;
  });
  const lnFactorial = logFactorials(n);
  const lnChoose = (total: number, chosen: number): number => lnFactorial[total]! - lnFactorial[chosen]! - lnFactorial[total - chosen]!;

  let best: { first: number; second: number; lnChance: number } | null = null;
  for (let x = 0; x < candidates.length; x++) {
    const a = candidates[x]![1].length;
    const first = bits[x]!;
    for (let y = x + 1; y < candidates.length; y++) {
      const b = candidates[y]![1].length;
      if (a + b > n) continue;
      const second = bits[y]!;
      let overlap = 0;
      for (let chunk = 0; chunk < chunks && overlap === 0; chunk++) overlap = first[chunk]! & second[chunk]!;
      if (overlap !== 0 || sameWordForms(candidates[x]![0], candidates[y]![0])) continue;
      const lnChance = lnChoose(n - a, b) - lnChoose(n, b);
      if (best === null || lnChance < best.lnChance) best = { first: x, second: y, lnChance };
    }
  }
  if (best === null) return null;
  const [firstWord, firstHolders] = candidates[best.first]!;
  const [secondWord, secondHolders] = candidates[best.second]!;
  return { words: [firstWord, secondWord], first: firstHolders, second: secondHolders, evidence: -best.lnChance / Math.LN10 };
}
