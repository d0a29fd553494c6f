import type { Span } from '../../core/span.js';
import { html } from './html.js';

/** A piece of a text, marked when it falls in one of the spans. */
export interface TextPiece {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * A text cut into plain and marked pieces at some spans. `text` is the slice of a longer text
 * that begins at `offset`, and the spans are of the longer text (UTF-16, end-exclusive). Spans
 * are clamped to the slice, sorted, and overlapping or touching ones merged; empty ones are
 * dropped. The pieces' texts joined give back the text.
 */
export function splitHighlights(text: string, highlights: readonly Span[], offset = 0): TextPiece[] {
  const spans = highlights
    .map((span) => ({ start: Math.max(0, Math.min(span.start - offset, text.length)), end: Math.max(0, Math.min(span.end - offset, text.length)) }))
    .filter((span) => span.end > span.start)
    .sort((left, right) => left.start - right.start || left.end - right.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const pieces: TextPiece[] = [];
  let position = 0;
  for (const span of merged) {
    if (span.start > position) pieces.push({ text: text.slice(position, span.start), marked: false });
    pieces.push({ text: text.slice(span.start, span.end), marked: true });
    position = span.end;
  }
  if (position < text.length) pieces.push({ text: text.slice(position), marked: false });
  return pieces;
}

/**
 * Text with some of its spans marked (see {@link splitHighlights} for `offset`). Built from text
 * pieces and `<mark>` elements, never from markup strings.
 */
export function MarkedText({ text, offset = 0, marks }: { text: string; offset?: number; marks: readonly Span[] }) {
  return html`${splitHighlights(text, marks, offset).map((piece) => (piece.marked ? html`<mark>${piece.text}</mark>` : piece.text))}`;
}
