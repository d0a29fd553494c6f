/**
 * Cardinal numbers written as English words: "fourteen", "twenty-one", "two hundred and fifty",
 * "a thousand", "half a million", "two dozen", "three and a half". Only clear cardinal words
 * are read: ordinals ("first"), fractions ("a third"), and idioms whose count is vague
 * ("a couple of", "a pair of", "a few") are not numbers here.
 */

/** Zero to nineteen. */
const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

/** Twenty to ninety. */
const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Multipliers above a hundred, written as words. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
]);

/** A number read from words: its value and how many tokens it took. */
export interface WordNumber {
  readonly value: number;
  readonly length: number;
}

/** True for a word that starts or continues a written cardinal ("seven", "forty", "hundred", "million"). */
export function isNumberWord(word: string): boolean {
  return SMALL_NUMBERS.has(word) || TENS.has(word) || word === 'hundred' || SCALE_WORDS.has(word);
}

/** Where the reader stands: what the last word read was, which decides what may follow. */
type ReadState = 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and';

/**
 * Reads a written cardinal from lower-cased tokens starting at `from` (hyphens are separate
 * "-" tokens, as in "twenty", "-", "one"). Returns null when no number starts there. Word
 * order is checked ("one two" reads only "one"; "thousand million" stops at "thousand"), so a
 * list of numbers is not read as one.
 */
export function parseNumberWords(tokens: readonly string[], from: number): WordNumber | null {
  let total = 0;
  let current = 0;
  let state: ReadState = 'start';
  let lastScale = Number.POSITIVE_INFINITY;
  let index = from;
  let consumedTo = from;

  const first = tokens[from];
  const second = tokens[from + 1];
  const third = tokens[from + 2];
  // "half a million", "half a dozen".
  if (first === 'half' && second === 'a' && third !== undefined && (SCALE_WORDS.has(third) || third === 'dozen' || third === 'hundred')) {
    const scale = third === 'dozen' ? 12 : third === 'hundred' ? 100 : (SCALE_WORDS.get(third) ?? 1);
    return { value: scale / 2, length: 3 };
  }
  // "a dozen", "a hundred", "a million": the article stands for one.
  if (first === 'a' && second !== undefined && (second === 'dozen' || second === 'hundred' || SCALE_WORDS.has(second))) {
    current = 1;
    state = 'unit';
    index = from + 1;
  }

  while (index < tokens.length) {
    const word = tokens[index] ?? '';
    const small = SMALL_NUMBERS.get(word);
    const tens = TENS.get(word);
    const scale = SCALE_WORDS.get(word);
    if (small !== undefined) {
      const afterTens = state === 'tens' && small >= 1 && small <= 9;
      const fresh = state === 'start' || state === 'hundred' || state === 'scale' || state === 'and';
      if (!afterTens && !fresh) break;
      if (small === 0 && state !== 'start') break;
      current += small;
      state = small < 10 ? 'unit' : 'teen';
    } else if (tens !== undefined) {
      if (!(state === 'start' || state === 'hundred' || state === 'scale' || state === 'and')) break;
      current += tens;
      state = 'tens';
    } else if (word === 'hundred') {
      // "nineteen hundred" is allowed; "twenty hundred" and "two hundred five hundred" are not.
      if (!(state === 'unit' || state === 'teen') || current >= 100) break;
      current = current * 100;
      state = 'hundred';
    } else if (scale !== undefined) {
      if (!(state === 'unit' || state === 'teen' || state === 'tens' || state === 'hundred') || scale >= lastScale) break;
      total += current * scale;
      current = 0;
      lastScale = scale;
      state = 'scale';
    } else if (word === 'dozen') {
      // "two dozen": a multiplier that ends the number.
      if (!(state === 'unit' || state === 'teen')) break;
      current *= 12;
      consumedTo = index + 1;
      break;
    } else if (word === 'and') {
      // "two hundred and fifty"; "three and a half".
      const next = tokens[index + 1] ?? '';
      if ((state === 'hundred' || state === 'scale') && (SMALL_NUMBERS.has(next) || TENS.has(next))) {
        state = 'and';
        index++;
        continue;
      }
      if ((state === 'unit' || state === 'teen' || state === 'tens') && next === 'a' && tokens[index + 2] === 'half') {
        current += 0.5;
        consumedTo = index + 3;
        // Only a scale word may follow ("two and a half million").
        const after = SCALE_WORDS.get(tokens[index + 3] ?? '');
        if (after !== undefined) {
          total += current * after;
          current = 0;
          consumedTo = index + 4;
        }
        break;
      }
      break;
    } else if (word === '-') {
      // "twenty-one": a hyphen only between tens and a unit.
      const next = SMALL_NUMBERS.get(tokens[index + 1] ?? '');
      if (state !== 'tens' || next === undefined || next < 1 || next > 9) break;
      index++;
      continue;
    } else break;
    index++;
    consumedTo = index;
  }
  if (consumedTo === from || (consumedTo === from + 1 && first === 'a')) return null;
  return { value: total + current, length: consumedTo - from };
}
