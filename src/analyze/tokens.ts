import type { Analyzed, Token } from '../core/records.js';
import { firstStartingAt } from '../core/span.js';

/** A word: letters or digits, with inner apostrophes, hyphens and number separators kept. */
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

/** Lower-cases a word and folds typographic apostrophes, so "Lavrov’s" and "Lavrov's" match. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

/**
 * Splits text into word tokens with spans. "1,500", "U.S" and "business-like" stay whole;
 * punctuation is not a token. Optionally only inside `[start, end)`.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(WORD)) {
    let word = match[0];
    // A trailing "." or "," is punctuation, not part of the word ("2017." / "Moscow,").
    word = word.replace(/[.,]+$/, '');
    const tokenStart = start + (match.index ?? 0);
    tokens.push({ start: tokenStart, end: tokenStart + word.length, norm: normalizeWord(word) });
  }
  return tokens;
}

/**
 * The tokens of one sentence of an analysed article (those whose span lies inside the
 * sentence's span). The first is found by binary search, so this is cheap per sentence.
 */
export function tokensOfSentence(analyzed: Analyzed, sentenceIndex: number): Token[] {
  const sentence = analyzed.sentences[sentenceIndex];
  if (sentence === undefined) throw new RangeError(`no sentence ${sentenceIndex}`);
  const { tokens } = analyzed;
  const found: Token[] = [];
  for (let index = firstStartingAt(tokens, sentence.start); index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined || token.end > sentence.end) break;
    found.push(token);
  }
  return found;
}
