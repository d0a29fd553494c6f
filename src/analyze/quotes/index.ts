import type { EntityMention, Quote } from '../../core/annotations.js';
import type { Span } from '../../core/span.js';
import { readDirectQuotes, type DraftQuote } from './direct.js';
import { readIndirectQuotes } from './indirect.js';
import { findQuotedPassages, normalizeParagraphs } from './marks.js';
import { makeSpeakerContext, resolveSpeaker } from './speakers.js';

/**
 * The quotations of one article: direct quotes in any quotation-mark style (split by their
 * attribution, or running over several paragraphs), partial quotes inside the reporter's
 * sentence, and indirect speech; each with its cue, its speaker's words, and the entity mention
 * the speaker resolves to when the text supports exactly one.
 *
 * Order of work: quotation marks are paired (marks.ts); passages that stand as sentences are
 * direct quotes, attributed from the words next to them (direct.ts); the rest of each sentence is
 * read for reported speech, which holds the quoted fragments (indirect.ts); speakers are resolved
 * last (speakers.ts). Each step is one pass with a bounded look-around, so time is linear in the
 * text's length.
 */
export function findQuotes(text: string, paragraphs: readonly Span[], sentences: readonly Span[], entities: readonly EntityMention[]): Quote[] {
  const blocks = normalizeParagraphs(text, paragraphs);
  const passages = findQuotedPassages(text, blocks);
  const units = normalizeParagraphs(text, sentences.length > 0 ? sentences : blocks);
  const context = makeSpeakerContext(text, entities, units, passages);
  const direct = readDirectQuotes(context, passages, blocks);
  const indirect = readIndirectQuotes(context, uncoveredSegments(units, direct.quotes), direct.fragments);
  return [...direct.quotes, ...indirect]
    .filter((quote) => isValid(text, quote))
    .sort((left, right) => left.start - right.start)
    .map((quote) => ({ ...quote, speakerMention: quote.speaker === null ? null : resolveSpeaker(context, quote.speaker) }));
}

/** The parts of the sentences that no direct quotation covers, in text order. */
function uncoveredSegments(sentences: readonly Span[], quotes: readonly DraftQuote[]): Span[] {
  const covered = [...quotes].sort((left, right) => left.start - right.start);
  const segments: Span[] = [];
  let quoteIndex = 0;
  for (const sentence of sentences) {
    let start = sentence.start;
    while (quoteIndex < covered.length && (covered[quoteIndex]?.end ?? 0) <= start) quoteIndex++;
    for (let index = quoteIndex; index < covered.length; index++) {
      const quote = covered[index];
      if (quote === undefined || quote.start >= sentence.end) break;
      if (quote.start > start) segments.push({ start, end: quote.start });
      start = Math.max(start, quote.end);
    }
    if (sentence.end > start) segments.push({ start, end: sentence.end });
  }
  return segments;
}

/** True when every span of the quotation lies inside the text and is not empty. */
function isValid(text: string, quote: DraftQuote): boolean {
  const inside = (span: Span | null): boolean => span === null || (span.start >= 0 && span.end <= text.length && span.end > span.start);
  return inside(quote) && quote.content.length > 0 && quote.content.every(inside) && inside(quote.cue) && inside(quote.speaker);
}
