import type { EntityMention, Quote } from '../../core/annotations.js';
import type { Span } from '../../core/span.js';
import { continuesPrevious, readDirectQuotes, type DraftQuote } from './direct.js';
import { readIndirectQuotes, type Segment } from './indirect.js';
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
  const ordered = [...direct.quotes, ...indirect].filter((quote) => isValid(text, quote)).sort((left, right) => left.start - right.start);
  return joinContinuations(text, ordered).map((quote) => ({ ...quote, speakerMention: quote.speaker === null ? null : resolveSpeaker(context, quote.speaker) }));
}

/**
 * Joins each unattributed direct quotation to the attributed quotation right before it, when only
 * the end of that one's sentence lies between ("Halvik said the dam held. “We were lucky.”"):
 * news style gives it to the same speaker. The joined quotation keeps the first one's kind.
 */
function joinContinuations(text: string, quotes: readonly DraftQuote[]): DraftQuote[] {
  const joined: DraftQuote[] = [];
  for (const quote of quotes) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && quote.kind === 'direct' && quote.cue === null && quote.speaker === null && continuesPrevious(text, previous, quote)) {
      joined[joined.length - 1] = { ...previous, end: quote.end, content: [...previous.content, ...quote.content] };
    } else joined.push(quote);
  }
  return joined;
}

/**
 * The parts of the sentences that no direct quotation covers, in text order, each with the
 * speaker of the quotation it follows in its sentence.
 */
function uncoveredSegments(sentences: readonly Span[], quotes: readonly DraftQuote[]): Segment[] {
  const covered = [...quotes].sort((left, right) => left.start - right.start);
  const segments: Segment[] = [];
  let quoteIndex = 0;
  for (const sentence of sentences) {
    let start = sentence.start;
    let previousSpeaker: Span | null = null;
    while (quoteIndex < covered.length && (covered[quoteIndex]?.end ?? 0) <= start) quoteIndex++;
    for (let index = quoteIndex; index < covered.length; index++) {
      const quote = covered[index];
      if (quote === undefined || quote.start >= sentence.end) break;
      if (quote.start > start) segments.push({ start, end: quote.start, previousSpeaker });
      if (quote.end > start) {
        start = quote.end;
        previousSpeaker = quote.speaker;
      }
    }
    if (sentence.end > start) segments.push({ start, end: sentence.end, previousSpeaker });
  }
  return segments;
}

/** True when every span of the quotation lies inside the text and is not empty. */
function isValid(text: string, quote: DraftQuote): boolean {
  const inside = (span: Span | null): boolean => span === null || (span.start >= 0 && span.end <= text.length && span.end > span.start);
  return inside(quote) && quote.content.length > 0 && quote.content.every(inside) && inside(quote.cue) && inside(quote.speaker);
}
