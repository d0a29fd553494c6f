/**
 * The Porter stemmer as ROUGE-1.5.5 applies it with `-m`, written from the rules of the paper
 * (M. F. Porter, "An algorithm for suffix stripping", Program 14(3):130–137, 1980) with the
 * departures of the stemmer ROUGE-1.5.5 carries (the Perl release its author published, plus
 * one change by ROUGE's author, dated 2004-02-14 in its source):
 *
 * - step 2 rewrites "bli" → "ble" where the paper has "abli" → "able", and adds "logi" → "log";
 * - step 4 is three rules in a row, not one choice: the paper's suffixes without "ment" and
 *   "ent"; then "ment"; then "ent", or else "sion"/"tion". A word can so lose two suffixes
 *   ("agreement" → "agreem", where the paper leaves it whole);
 * - words shorter than three letters are returned as they are.
 *
 * Letters are classed as in the paper: a, e, i, o, u are vowels, y is a vowel when it follows a
 * consonant, and everything else (other letters, digits) is a consonant. Input is expected
 * lower-case, as ROUGE's tokens are.
 */

/** Whether each character of `word` is a consonant in Porter's sense. */
function consonantFlags(word: string): boolean[] {
  const flags: boolean[] = [];
  for (let index = 0; index < word.length; index++) {
    const letter = word[index];
    if (letter === 'a' || letter === 'e' || letter === 'i' || letter === 'o' || letter === 'u') flags.push(false);
    else if (letter === 'y') flags.push(index === 0 || flags[index - 1] === false);
    else flags.push(true);
  }
  return flags;
}

/** Porter's measure m of a stem: the number of vowel-run, consonant-run pairs in [C](VC)^m[V]. */
function measure(stem: string): number {
  let pairs = 0;
  let afterVowel = false;
  for (const consonant of consonantFlags(stem)) {
    if (consonant && afterVowel) pairs++;
    afterVowel = !consonant;
  }
  return pairs;
}

/** Porter's *v*: the stem contains a vowel. */
function containsVowel(stem: string): boolean {
  return consonantFlags(stem).includes(false);
}

/** Porter's *d: the word ends with a double consonant. */
function endsWithDoubleConsonant(word: string): boolean {
  const length = word.length;
  if (length < 2 || word[length - 1] !== word[length - 2]) return false;
  const flags = consonantFlags(word);
  return flags[length - 1] === true && flags[length - 2] === true;
}

/**
 * Porter's *o, as ROUGE's stemmer tests it together with m = 1: the stem ends consonant, vowel,
 * consonant, the last not w, x or y ("hop" → "hope", but not "snow" or "box").
 */
function endsConsonantVowelConsonant(stem: string): boolean {
  const length = stem.length;
  if (length < 3) return false;
  const flags = consonantFlags(stem);
  const last = stem[length - 1];
  return flags[length - 3] === true && flags[length - 2] === false && flags[length - 1] === true && last !== 'w' && last !== 'x' && last !== 'y';
}

/** The longest of `suffixes` that `word` ends with, or undefined. */
function longestSuffix(word: string, suffixes: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && (found === undefined || suffix.length > found.length)) found = suffix;
  }
  return found;
}

/** Replaces the longest listed suffix when the stem before it has a measure above `minimumMeasure`. */
function replaceSuffix(word: string, replacements: ReadonlyMap<string, string>, minimumMeasure: number): string {
  const suffix = longestSuffix(word, [...replacements.keys()]);
  if (suffix === undefined) return word;
  const stem = word.slice(0, word.length - suffix.length);
  return measure(stem) > minimumMeasure ? stem + (replacements.get(suffix) ?? '') : word;
}

/** Step 1a, plurals: "caresses" → "caress", "ponies" → "poni", "cats" → "cat"; "caress" stays. */
export function removePlural(word: string): string {
  if (word.endsWith('sses') || word.endsWith('ies')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Step 1b, past tenses and gerunds: "agreed" → "agree", "plastered" → "plaster", "hopping" →
 * "hop", "filing" → "file", "conflated" → "conflate"; "feed" and "sing" stay.
 */
export function removeVerbEnding(word: string): string {
  if (word.endsWith('eed')) return measure(word.slice(0, -3)) > 0 ? word.slice(0, -1) : word;
  const suffix = word.endsWith('ed') ? 'ed' : word.endsWith('ing') ? 'ing' : undefined;
  if (suffix === undefined) return word;
  const stem = word.slice(0, word.length - suffix.length);
  if (!containsVowel(stem)) return word;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  const last = stem[stem.length - 1];
  if (endsWithDoubleConsonant(stem) && last !== 'l' && last !== 's' && last !== 'z') return stem.slice(0, -1);
  if (measure(stem) === 1 && endsConsonantVowelConsonant(stem)) return `${stem}e`;
  return stem;
}

/** Step 1c: a final y after a vowel-bearing stem becomes i ("happy" → "happi"; "sky" stays). */
export function replaceFinalY(word: string): string {
  return word.endsWith('y') && containsVowel(word.slice(0, -1)) ? `${word.slice(0, -1)}i` : word;
}

/** Step 2's suffixes and their replacements, with ROUGE's "bli" and "logi". */
const DOUBLE_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]);

/** Step 2, double suffixes to single ones when m > 0: "relational" → "relate", "sensibiliti" → "sensible". */
export function simplifyDoubleSuffix(word: string): string {
  return replaceSuffix(word, DOUBLE_SUFFIXES, 0);
}

/** Step 3's suffixes and their replacements. */
const DERIVATIONAL_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]);

/** Step 3, -ic-, -ful, -ness and kin when m > 0: "triplicate" → "triplic", "goodness" → "good". */
export function simplifyDerivationalSuffix(word: string): string {
  return replaceSuffix(word, DERIVATIONAL_SUFFIXES, 0);
}

/** Step 4's first rule: the paper's suffix list without "ment" and "ent" (ROUGE's change). */
const RESIDUAL_SUFFIXES: ReadonlyMap<string, string> = new Map(
  ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'].map((suffix) => [suffix, '']),
);

/** Removes `suffix` from `word` when the word ends with it and the rest has m > 1. */
function removeWhenLong(word: string, suffix: string): string {
  if (!word.endsWith(suffix)) return word;
  const stem = word.slice(0, word.length - suffix.length);
  return measure(stem) > 1 ? stem : word;
}

/**
 * Step 4, residual suffixes when m > 1, as ROUGE-1.5.5 runs it: the paper's list (without
 * "ment" and "ent"), then "ment", then "ent" or else "-ion" after s or t. "replacement" →
 * "replac", "adoption" → "adopt", "agreement" → "agreem".
 */
export function removeResidualSuffix(word: string): string {
  let stemmed = replaceSuffix(word, RESIDUAL_SUFFIXES, 1);
  stemmed = removeWhenLong(stemmed, 'ment');
  if (stemmed.endsWith('ent')) return removeWhenLong(stemmed, 'ent');
  if (stemmed.endsWith('sion') || stemmed.endsWith('tion')) return removeWhenLong(stemmed, 'ion');
  return stemmed;
}

/** Step 5: a final e when m > 1, or m = 1 and not *o ("probate" → "probat", "rate" stays); then "ll" → "l" when m > 1. */
export function tidyEnding(word: string): string {
  let stemmed = word;
  if (stemmed.endsWith('e')) {
    const stem = stemmed.slice(0, -1);
    const stemMeasure = measure(stem);
    if (stemMeasure > 1 || (stemMeasure === 1 && !endsConsonantVowelConsonant(stem))) stemmed = stem;
  }
  if (stemmed.endsWith('ll') && measure(stemmed) > 1) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** The steps of the algorithm, in the order they run. */
export const PORTER_STEPS: readonly ((word: string) => string)[] = [
  removePlural,
  removeVerbEnding,
  replaceFinalY,
  simplifyDoubleSuffix,
  simplifyDerivationalSuffix,
  removeResidualSuffix,
  tidyEnding,
];

/** The stem of a lower-case word, by the Porter algorithm as ROUGE-1.5.5 runs it. */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  return PORTER_STEPS.reduce((stemmed, step) => step(stemmed), word);
}
