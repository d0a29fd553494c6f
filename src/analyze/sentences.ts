import sbd from 'sbd';
import type { Span } from '../core/span.js';

/** Characters that may stand at a sentence boundary (white space only). */
const WHITE_SPACE = /\s/;

/** Trims white space from both ends of a span of `text`. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && WHITE_SPACE.test(text[start] ?? '')) start++;
  while (end > start && WHITE_SPACE.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/**
 * Locates sbd's sentence strings in the paragraph. With `preserve_whitespace` sbd returns the
 * paragraph cut into pieces; searching from a cursor makes the mapping robust anyway should a
 * piece differ (sbd may drop white space), and keeps the spans in order.
 */
function locateSentences(text: string, paragraph: Span, pieces: readonly string[]): Span[] {
  const starts: number[] = [];
  let cursor = paragraph.start;
  for (const piece of pieces) {
    const needle = piece.trim().slice(0, 24);
    if (needle === '') continue;
    const found = text.indexOf(needle, cursor);
    if (found < 0 || found >= paragraph.end) continue;
    starts.push(found);
    cursor = found + needle.length;
  }
  if (starts.length === 0 || starts[0] !== paragraph.start) starts.unshift(paragraph.start);
  const spans: Span[] = [];
  for (let index = 0; index < starts.length; index++) {
    const span = trimSpan(text, { start: starts[index] ?? paragraph.start, end: starts[index + 1] ?? paragraph.end });
    if (span.end > span.start) spans.push(span);
  }
  return spans;
}

/**
 * Splits each paragraph into sentences with sbd (abbreviations, initials and quotes handled
 * better than `Intl.Segmenter`, which splits after every "Mr."). Sentences never cross a
 * paragraph boundary, and they tile the paragraphs: only white space lies outside them.
 */
export function splitSentences(text: string, paragraphs: readonly Span[]): Span[] {
  const sentences: Span[] = [];
  for (const paragraph of paragraphs) {
    const paragraphText = text.slice(paragraph.start, paragraph.end);
    if (paragraphText.trim() === '') continue;
    const pieces = sbd.sentences(paragraphText, {
      preserve_whitespace: true,
      newline_boundaries: false,
      sanitize: false,
    });
    sentences.push(...locateSentences(text, paragraph, pieces));
  }
  return sentences;
}

