import type { Span } from '../../core/span.js';
import { tokenize } from '../tokens.js';

/**
 * Words of a stretch of text, with what the attribution rules ask of them (the lower-cased form,
 * whether the word is capitalised), and the word classes the rules share.
 */

/** A word of the text. */
export interface Word extends Span {
  /** Lower-cased, with typographic apostrophes folded ("Halvik’s" → "halvik's"). */
  readonly norm: string;
  /** True when the word begins with an upper-case letter. */
  readonly capitalized: boolean;
}

const UPPER_CASE = /\p{Lu}/u;

/** The words of `text` inside `[start, end)`. */
export function wordsIn(text: string, start: number, end: number): Word[] {
  return tokenize(text, start, end).map((token) => ({ ...token, capitalized: UPPER_CASE.test(text[token.start] ?? '') }));
}

/** Words that open a noun phrase: "the minister", "a spokeswoman", "his aides", "two officials". */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your',
  'another', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'both', 'each',
  'other', 'most', 'few', 'all', 'no',
]);

/** Subject pronouns that can name a speaker. */
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/**
 * Words that cannot stand inside a speaker's noun phrase: conjunctions, relative and
 * subordinating words, auxiliaries, and prepositions other than "of", "for" and "at" ("a
 * spokesman for the ministry", "the head of the agency", "a professor at Orlan University").
 */
export const PHRASE_BREAKERS = new Set([
  'and', 'or', 'but', 'nor', 'that', 'which', 'who', 'whom', 'whose', 'what', 'when', 'where',
  'why', 'how', 'while', 'because', 'since', 'although', 'though', 'if', 'unless', 'as', 'than',
  'so', 'then', 'after', 'before', 'until', 'to', 'not', 'never', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could',
  'should', 'may', 'might', 'must', 'in', 'on', 'with', 'by', 'from', 'about', 'into', 'over',
  'under', 'during', 'without', 'against', 'also', 'just', 'even', 'still', 'yet', 'there', 'here',
  'it\'s', 'me', 'him', 'us', 'them', 'you', 'said', 'says', 'say',
  'told', 'like', 'out', 'up', 'down', 'off', 'very', 'too', 'more', 'less', 'only',
]);

/** Nouns ending in "-ly" that the adverb test below must not take for adverbs. */
const LY_NOUNS = new Set(['family', 'ally', 'assembly', 'rally', 'supply', 'italy', 'bully', 'anomaly', 'monopoly', 'lily', 'emily', 'kelly', 'holly', 'sally', 'molly', 'polly']);

/** True for a lower-case word that looks like an "-ly" adverb ("reportedly", "later" is listed apart). */
export function isLyAdverb(word: Word): boolean {
  return !word.capitalized && word.norm.length > 4 && word.norm.endsWith('ly') && !LY_NOUNS.has(word.norm);
}
