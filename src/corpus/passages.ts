import { STOPWORDS } from '../analyze/stopwords.js';
import { tokensOfSentence } from '../analyze/tokens.js';
import type { Analyzed } from '../core/records.js';

/**
 * Sentence-level shared passages across articles: which sentence of one article another article
 * carries too, word for word or edited. Candidates come from an inverted index of word 3-shingles
 * (the shingling of Broder 1997 applied per sentence), so only sentences that share a phrase are
 * ever compared.
 */

/** A sentence of one of the articles passed to {@link matchSentences}. */
export interface SentenceRef {
  /** Index into the articles. */
  readonly article: number;
  /** Index into that article's sentences. */
  readonly sentence: number;
}

/** Two sentences of different articles that say the same thing in (nearly) the same words. */
export interface SentenceMatch {
  /** The sentence of the article with the lower index. */
  readonly a: SentenceRef;
  readonly b: SentenceRef;
  /** {@link sentenceSimilarity} of the two sentences, in (0, 1]. */
  readonly similarity: number;
  /** Whether the normalized word sequences are identical. */
  readonly verbatim: boolean;
}

/** Options of {@link matchSentences}. */
export interface MatchSentencesOptions {
  /** The least {@link sentenceSimilarity} of a match (default {@link DEFAULT_MIN_SENTENCE_SIMILARITY}). */
  readonly minSimilarity?: number;
  /** Sentences with fewer words are not matched (default {@link MIN_SENTENCE_TOKENS}). */
  readonly minTokens?: number;
}

/**
 * The default least similarity of a match, chosen on the edited and rewritten copies of the
 * tests: one word changed in a 14-word sentence scores ≈ 0.86, four edits in a 19-word sentence
 * ≈ 0.56, a closing clause cut ≈ 0.92; two different sentences that share a name and a few words
 * ≈ 0.34, and the sentences of a rewrite of the same facts in other words at most ≈ 0.38.
 */
export const DEFAULT_MIN_SENTENCE_SIMILARITY = 0.5;

/** Shorter sentences ("Police declined to comment.") are too generic to show copying. */
export const MIN_SENTENCE_TOKENS = 5;

/** Words per shingle: long enough to capture phrasing, short enough to survive a one-word edit. */
const SHINGLE_SIZE = 3;

/**
 * Weight of the shingle measure; the content-word measure gets the rest. One edited word removes
 * up to {@link SHINGLE_SIZE} shingles but only one word, so weighting the shingles 1/3 makes an
 * edit cost about as much in both measures instead of three times as much in one.
 */
const SHINGLE_WEIGHT = 1 / SHINGLE_SIZE;

/**
 * The comparable words of a token's `norm`. Edits that do not change what a sentence says are
 * folded away: British/American "-ise/-ize" ("emphasised" → "emphasized"), thousands separators
 * ("1,500" → "1500") and hyphenation ("two-day" → "two day"). The folding is applied to both
 * sides, so over-folding an unrelated word ("rise" → "rize") is harmless.
 */
export function foldWord(norm: string): string[] {
  return norm
    .replace(/(?<=\d),(?=\d)/g, '')
    .replace(/([iy])s(e|ed|es|ing|ation|ations)$/, '$1z$2')
    .split('-')
    .filter((word) => word !== '');
}

/** The comparable words of a sentence of an article: its tokens, each folded by {@link foldWord}. */
export function sentenceTokens(analyzed: Analyzed, sentenceIndex: number): string[] {
  return tokensOfSentence(analyzed, sentenceIndex).flatMap((token) => foldWord(token.norm));
}

/** What similarity is computed from, built once per sentence. */
interface Features {
  readonly words: readonly string[];
  readonly shingles: ReadonlySet<string>;
  /** The content words; all words when a sentence has nothing but function words. */
  readonly content: ReadonlySet<string>;
}

function featuresOf(words: readonly string[]): Features {
  const shingles = new Set<string>();
  for (let index = 0; index <= Math.max(0, words.length - SHINGLE_SIZE); index++) {
    shingles.add(words.slice(index, index + SHINGLE_SIZE).join(' '));
  }
  const content = new Set(words.filter((word) => !STOPWORDS.has(word)));
  return { words, shingles, content: content.size > 0 ? content : new Set(words) };
}

/** Sørensen–Dice coefficient 2|A ∩ B| / (|A| + |B|); 0 for two empty sets. */
function dice(first: ReadonlySet<string>, second: ReadonlySet<string>): number {
  if (first.size + second.size === 0) return 0;
  let shared = 0;
  for (const item of first) if (second.has(item)) shared++;
  return (2 * shared) / (first.size + second.size);
}

function similarityOf(first: Features, second: Features): number {
  return SHINGLE_WEIGHT * dice(first.shingles, second.shingles) + (1 - SHINGLE_WEIGHT) * dice(first.content, second.content);
}

/**
 * How alike two sentences are, in [0, 1]: a weighted mean (1/3 and 2/3: one edited word costs up to three shingles but one word)
 * of the Dice coefficients of their word 3-shingle sets (same phrasing) and of their content-word
 * sets (same words in any order). The shingles keep two sentences that merely share a name and a
 * few words apart; the words keep an edited copy together. Dice rather than Jaccard because it
 * equals 2J/(1 + J): the same order of pairs, but an edit costs less, so a lightly edited copy
 * stays well above a threshold that unrelated sentences do not reach. Word-for-word copies score
 * exactly 1.
 * Takes comparable words, as {@link sentenceTokens} returns them.
 */
export function sentenceSimilarity(tokensA: readonly string[], tokensB: readonly string[]): number {
  return similarityOf(featuresOf(tokensA), featuresOf(tokensB));
}

function sameWords(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((word, index) => word === second[index]);
}

/**
 * All pairs of sentences of different articles whose {@link sentenceSimilarity} reaches the
 * threshold, ordered by `a` then `b`. A sentence may match several sentences of another article.
 */
export function matchSentences(articles: readonly Analyzed[], options: MatchSentencesOptions = {}): SentenceMatch[] {
  const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SENTENCE_SIMILARITY;
  const minTokens = options.minTokens ?? MIN_SENTENCE_TOKENS;
  const sentences: Array<{ readonly ref: SentenceRef; readonly features: Features }> = [];
  const index = new Map<string, number[]>();
  articles.forEach((analyzed, article) => {
    for (let sentence = 0; sentence < analyzed.sentences.length; sentence++) {
      const words = sentenceTokens(analyzed, sentence);
      if (words.length < minTokens) continue;
      const features = featuresOf(words);
      for (const shingle of features.shingles) {
        const postings = index.get(shingle);
        if (postings === undefined) index.set(shingle, [sentences.length]);
        else postings.push(sentences.length);
      }
      sentences.push({ ref: { article, sentence }, features });
    }
  });

  const matches: SentenceMatch[] = [];
  sentences.forEach(({ ref, features }, id) => {
    // Shared shingles per later sentence of a later article (sentences are in article order).
    const shared = new Map<number, number>();
    for (const shingle of features.shingles) {
      for (const other of index.get(shingle) ?? []) {
        if (other > id && sentences[other]!.ref.article !== ref.article) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    for (const [other, count] of shared) {
      const candidate = sentences[other]!;
      // The content-word Dice is at most 1, so a pair whose shingle Dice alone keeps it below the threshold is skipped.
      const shingleDice = (2 * count) / (features.shingles.size + candidate.features.shingles.size);
      if (SHINGLE_WEIGHT * shingleDice + (1 - SHINGLE_WEIGHT) < minSimilarity) continue;
      const similarity = similarityOf(features, candidate.features);
      if (similarity < minSimilarity) continue;
      matches.push({ a: ref, b: candidate.ref, similarity, verbatim: sameWords(features.words, candidate.features.words) });
    }
  });
  return matches.sort(
    (x, y) => x.a.article - y.a.article || x.a.sentence - y.a.sentence || x.b.article - y.b.article || x.b.sentence - y.b.sentence,
  );
}
