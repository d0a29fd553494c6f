/**
 * A half-open range of UTF-16 code units, `[start, end)`, into one canonical text
 * (always the `text` of an {@link Extracted} record unless a type says otherwise).
 * Annotations are spans, never copied substrings, so anything shown can be traced back.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The first index in `[0, count)` for which `before` is false; `before` must be true then false. */
function partitionPoint(count: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** In spans sorted by start: the index of the first that starts at or after `position` (binary search). */
export function firstStartingAt(spans: readonly Span[], position: number): number {
  return partitionPoint(spans.length, (index) => spans[index]!.start < position);
}

/** In spans sorted by end: the index of the first that ends after `position` (binary search). */
export function firstEndingAfter(spans: readonly Span[], position: number): number {
  return partitionPoint(spans.length, (index) => spans[index]!.end <= position);
}
