/**
 * How two spellings of one name are compared: folded words, a transliteration key that makes
 * common Latin renderings of one name agree ("Yevgeny" / "Evgeniy", "Khalvik" / "Halvik"),
 * a consonant skeleton, grammatical case endings left by translation ("Tillersona"), and
 * Jaro–Winkler similarity for what remains.
 */

/** The words of a name, lower-cased, without diacritics or punctuation ("O'Neil" → "oneil"). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[\s\-‐–]+/u)
    .map((word) => word.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((word) => word !== '');
}

/**
 * Rewrites of letter groups that different romanisations of one name use for one sound, in
 * order. They fold English, French, German and Slavic-style transliterations into one key; the
 * key is only ever compared with other keys, never shown.
 */
const TRANSLITERATION: ReadonlyArray<readonly [RegExp, string]> = [
  [/shch/g, 'sc'],
  [/sch/g, 's'],
  [/tch|tsch|ch|tsh/g, 'c'],
  [/sh|zh|sz|cz/g, 's'],
  [/kh|gh/g, 'h'],
  [/ck|q|c(?=[aoukrl]|$)/g, 'k'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/ts|tz/g, 'c'],
  [/^(?:y|j)(?=[aeiou])/g, ''],
  [/(?:y|j)/g, 'i'],
  [/ou/g, 'u'],
  [/ee/g, 'i'],
  [/e(?=i)/g, ''],
  // Russian and Ukrainian render a foreign "h" as "g" ("Gidro" for "Hydro", "Gamburg").
  [/g/g, 'h'],
  [/(.)\1+/g, '$1'],
];

/** A name word's transliteration key: spellings of one name by different romanisations agree. */
export function transliterationKey(word: string): string {
  let key = word;
  for (const [pattern, replacement] of TRANSLITERATION) key = key.replace(pattern, replacement);
  return key;
}

/** The consonants of a transliteration key, in order: "komei" → "km". */
export function consonantSkeleton(key: string): string {
  return key.replace(/[aeiou]/g, '');
}

/**
 * Endings that Slavic and Baltic case inflection adds to a foreign name ("Tillersona",
 * "Comeyem", "Lavrovym"), longest first, so a translated text's inflected form meets the name.
 */
const CASE_ENDINGS = ['ovi', 'om', 'em', 'ym', 'im', 'oj', 'u', 'a', 'e', 'y', 'i'];

/** Whether `longer` is `shorter` with a case ending (the stem keeps at least four letters). */
function isInflectionOf(longer: string, shorter: string): boolean {
  if (shorter.length < 4 || !longer.startsWith(shorter)) return false;
  const ending = longer.slice(shorter.length);
  return CASE_ENDINGS.includes(ending);
}

/** Jaro–Winkler similarity of two strings, in [0, 1]. */
export function jaroWinkler(first: string, second: string): number {
  if (first === second) return 1;
  if (first.length === 0 || second.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(first.length, second.length) / 2) - 1);
  const firstMatched = new Array<boolean>(first.length).fill(false);
  const secondMatched = new Array<boolean>(second.length).fill(false);
  let matches = 0;
  for (let index = 0; index < first.length; index++) {
    const from = Math.max(0, index - window);
    const to = Math.min(second.length - 1, index + window);
    for (let other = from; other <= to; other++) {
      if (secondMatched[other] || first[index] !== second[other]) continue;
      firstMatched[index] = true;
      secondMatched[other] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let other = 0;
  for (let index = 0; index < first.length; index++) {
    if (!firstMatched[index]) continue;
    while (!secondMatched[other]) other++;
    if (first[index] !== second[other]) transpositions++;
    other++;
  }
  const jaro = (matches / first.length + matches / second.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && first[prefix] === second[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** How closely two name words agree. */
export type WordAgreement = 'same' | 'variant' | 'different';

/**
 * Compares two folded name words: `same` when equal; `variant` when they are the same name
 * spelled by another romanisation or inflected by translation; `different` otherwise. A
 * variant needs equal consonant skeletons and close keys, so "Comey" / "Komi" agree but
 * "Dorn" / "Horn" do not.
 */
export function compareNameWords(first: string, second: string): WordAgreement {
  if (first === second) return 'same';
  if (first.length < 3 || second.length < 3) return 'different';
  const [firstKey, secondKey] = [transliterationKey(first), transliterationKey(second)];
  if (firstKey === secondKey) return 'variant';
  if (isInflectionOf(firstKey, secondKey) || isInflectionOf(secondKey, firstKey)) return 'variant';
  if (consonantSkeleton(firstKey) !== consonantSkeleton(secondKey)) return 'different';
  if (firstKey[0] !== secondKey[0]) return 'different';
  return jaroWinkler(firstKey, secondKey) >= 0.8 ? 'variant' : 'different';
}

/** Whether a name word is an initial ("W", "J"). */
function isInitial(word: string): boolean {
  return word.length === 1;
}

/** How two full personal names (two words or more) agree. */
export type NameAgreement = 'same' | 'variant' | 'different';

/**
 * Compares two personal names of two words or more by their first and last words; middle
 * initials and middle names are ignored ("Rex W. Tillerson" / "Rex Tillerson"), and an initial
 * matches a first name it begins ("R. Tillerson" / "Rex Tillerson").
 */
export function comparePersonNames(first: readonly string[], second: readonly string[]): NameAgreement {
  const [firstGiven, secondGiven] = [first[0] ?? '', second[0] ?? ''];
  const [firstFamily, secondFamily] = [first.at(-1) ?? '', second.at(-1) ?? ''];
  const family = compareNameWords(firstFamily, secondFamily);
  if (family === 'different') return 'different';
  let given: WordAgreement;
  if (isInitial(firstGiven) || isInitial(secondGiven)) given = firstGiven[0] === secondGiven[0] ? 'same' : 'different';
  else given = compareNameWords(firstGiven, secondGiven);
  if (given === 'different') return 'different';
  return family === 'same' && given === 'same' ? 'same' : 'variant';
}
