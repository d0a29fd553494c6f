import { tokenize } from '../analyze/tokens.js';
import type { Citation } from '../core/records.js';

/** Options for {@link verifyCitation}. */
export interface VerifyCitationOptions {
  /**
   * The least share of the summary sentence's words the cited passage must contain. The
   * default, 0.7, admits an edited copy of a sentence (a word or two changed, a clause cut)
   * and refuses a passage that only shares a topic with it.
   */
  readonly minContainment?: number;
}

/** Why a citation failed, or that it holds. */
export type CitationCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function countOccurrences(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * Proves that a citation carries a summary sentence: the span lies inside the cited article's
 * text, and the passage contains the sentence (word for word, or at least `minContainment` of
 * its words, counted with multiplicity). The summarizer shows no sentence whose citations fail;
 * the tests and the web app use the same check.
 */
export function verifyCitation(
  sentence: string,
  citation: Citation,
  articleText: string | undefined,
  options: VerifyCitationOptions = {},
): CitationCheck {
  if (articleText === undefined) return { ok: false, reason: `article ${citation.article} is not in the story` };
  const { start, end } = citation;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > articleText.length || start >= end) {
    return { ok: false, reason: `span [${start}, ${end}) lies outside article ${citation.article}` };
  }
  const passage = articleText.slice(start, end);
  if (passage.includes(sentence)) return { ok: true };
  const sentenceWords = tokenize(sentence).map((token) => token.norm);
  if (sentenceWords.length === 0) return { ok: false, reason: 'the sentence has no words' };
  const passageCounts = countOccurrences(tokenize(passage).map((token) => token.norm));
  let shared = 0;
  for (const [word, count] of countOccurrences(sentenceWords)) shared += Math.min(count, passageCounts.get(word) ?? 0);
  const containment = shared / sentenceWords.length;
  const minimum = options.minContainment ?? 0.7;
  return containment >= minimum
    ? { ok: true }
    : { ok: false, reason: `the passage holds ${Math.round(containment * 100)}% of the sentence's words (needs ${Math.round(minimum * 100)}%)` };
}
