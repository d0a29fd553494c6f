/**
 * A half-open range of UTF-16 code units, `[start, end)`, into one canonical text
 * (always the `text` of an {@link Extracted} record unless a type says otherwise).
 * Annotations are spans, never copied substrings, so anything shown can be traced back.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Builds a span, throwing a `TypeError` when it is not a valid range (programmer misuse). */
export function makeSpan(start: number, end: number): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new TypeError(`invalid span [${start}, ${end})`);
  }
  return { start, end };
}

/** The text a span covers. */
export function sliceSpan(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** Whether `inner` lies entirely inside `outer`. */
export function spanContains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Whether a span lies inside a text of the given length. */
export function spanFitsText(span: Span, textLength: number): boolean {
  return span.start >= 0 && span.end <= textLength && span.start <= span.end;
}
