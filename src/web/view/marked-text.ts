import type { Span } from '../../core/span.js';
import { html } from './html.js';

/**
 * Text with some of its spans marked: `text` is the slice of a longer text that begins at
 * `offset`, and the marks are spans of the longer text. Built from text pieces and `<mark>`
 * elements, never from markup strings.
 */
export function MarkedText({ text, offset = 0, marks }: { text: string; offset?: number; marks: readonly Span[] }) {
  const end = offset + text.length;
  const inside = marks
    .map((mark) => ({ start: Math.max(mark.start, offset), end: Math.min(mark.end, end) }))
    .filter((mark) => mark.start < mark.end)
    .sort((a, b) => a.start - b.start);
  if (inside.length === 0) return html`${text}`;
  const pieces = [];
  let position = offset;
  for (const mark of inside) {
    if (mark.end <= position) continue;
    const start = Math.max(mark.start, position);
    if (start > position) pieces.push(text.slice(position - offset, start - offset));
    pieces.push(html`<mark>${text.slice(start - offset, mark.end - offset)}</mark>`);
    position = mark.end;
  }
  if (position < end) pieces.push(text.slice(position - offset));
  return html`${pieces}`;
}
