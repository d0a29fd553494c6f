/**
 * The recogniser's own tokens: words with their letter case, and punctuation marks, each with
 * its span. Names need more than the word tokens of src/analyze/tokens.ts: the case of each
 * word, initials ("P."), dotted abbreviations ("U.S."), the possessive "'s" split off, and the
 * punctuation between words (commas mark appositions, quotes and brackets end names).
 */

/**
 * The shape of a token:
 * `title` a capital then lower-case letters somewhere ("Lavrov", "McCain", "O'Neill");
 * `upper` capitals only, two letters or more ("NATO", "LONDON");
 * `dotted` an abbreviation with periods ("U.S.", "p.m.");
 * `initial` one capital and a period ("P.");
 * `lower` starts with a lower-case letter ("said", "ex-England");
 * `caseless` letters of a script without case (Arabic, Chinese…);
 * `number` starts with a digit;
 * `possessive` the "'s" (or "’s") of a possessive;
 * `punctuation` any other single character.
 */
export type Shape = 'title' | 'upper' | 'dotted' | 'initial' | 'lower' | 'caseless' | 'number' | 'possessive' | 'punctuation';

/** One token of the text. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower-cased, typographic apostrophes folded, periods removed ("U.S." → "us"). */
  readonly key: string;
  readonly shape: Shape;
}

/**
 * Dotted abbreviations, initials, words (letters, marks and digits with inner apostrophes and
 * hyphens), a detached possessive, or any other non-space character.
 */
const TOKEN = /(?:\p{L}\.){2,}|\p{Lu}\.(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’‐-][\p{L}\p{M}\p{N}]+)*|['’][sS](?![\p{L}\p{M}\p{N}])|\S/gu;

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const FIRST_UPPER = /^\p{Lu}/u;
const FIRST_DIGIT = /^\p{N}/u;
const FIRST_LETTER = /^\p{L}/u;
const POSSESSIVE_END = /['’][sS]$/u;

const NOT_ASCII = /[^\u0000-\u007f]/u;
const MARKS = /\p{M}/gu;

/**
 * The key of a word: lower case, "’" as "'", periods removed, accents dropped ("Zürich" and
 * "Zurich" share a key).
 */
export function wordKey(word: string): string {
  const key = word.toLowerCase().replace(/\./g, '');
  return NOT_ASCII.test(key) ? key.replace(/’/g, "'").normalize('NFD').replace(MARKS, '') : key;
}

function shapeOf(word: string): Shape {
  if (FIRST_DIGIT.test(word)) return 'number';
  if (!FIRST_LETTER.test(word)) return POSSESSIVE_END.test(word) && word.length === 2 ? 'possessive' : 'punctuation';
  if (word.length >= 3 && word.endsWith('.') && word.includes('.', 1) && word.indexOf('.') < word.length - 1) return 'dotted';
  if (word.length === 2 && word.endsWith('.')) return UPPER.test(word) ? 'initial' : 'lower';
  if (FIRST_UPPER.test(word)) return LOWER.test(word) ? 'title' : word.length >= 2 ? 'upper' : 'title';
  if (LOWER.test(word)) return 'lower';
  return 'caseless';
}

function token(text: string, start: number, shape: Shape = shapeOf(text)): Token {
  return { start, end: start + text.length, text, key: wordKey(text), shape };
}

/**
 * The tokens of `text` in order. A word ending in "'s" becomes the word and a possessive token.
 * Linear in the length of the text.
 */
export function scanTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0];
    const start = match.index;
    if (word.length > 2 && POSSESSIVE_END.test(word) && FIRST_LETTER.test(word)) {
      tokens.push(token(word.slice(0, -2), start));
      tokens.push(token(word.slice(-2), start + word.length - 2, 'possessive'));
    } else {
      tokens.push(token(word, start));
    }
  }
  return tokens;
}

/** Whether a token is written like part of a name: capitalised, in capitals, an initial or an abbreviation. */
export function isCapitalized(token: Token): boolean {
  return token.shape === 'title' || token.shape === 'upper' || token.shape === 'initial' || (token.shape === 'dotted' && FIRST_UPPER.test(token.text));
}

/** Whether a token is a word (not punctuation, a possessive or a number). */
export function isWord(token: Token): boolean {
  return token.shape !== 'punctuation' && token.shape !== 'possessive' && token.shape !== 'number';
}
