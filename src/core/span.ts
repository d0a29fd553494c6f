/**
 * A half-open range of UTF-16 code units, `[start, end)`, into one canonical text
 * (always the `text` of an {@link Extracted} record unless a type says otherwise).
 * Annotations are spans, never copied substrings, so anything shown can be traced back.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}
