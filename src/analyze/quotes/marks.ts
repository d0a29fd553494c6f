import type { Span } from '../../core/span.js';

/**
 * Quotation-mark pairing: finds the passages of an article that stand between quotation marks,
 * in any of the common styles ("…", “…”, „…“, «…», »…«, ‹…›, 「…」, '…', ‘…’), across paragraphs
 * when each paragraph reopens the quote, and bounded when a mark never closes.
 */

/** A passage between quotation marks. */
export interface QuotedPassage extends Span {
  /** The text inside the marks, one part per paragraph, each trimmed of white space. */
  readonly content: readonly Span[];
  /** False when the closing mark is missing and the passage was cut at a paragraph end. */
  readonly closed: boolean;
}

/**
 * The closing marks each opening mark accepts. A straight mark closes itself; “ closes „ (German)
 * and ” closes ” (Swedish); » opens the Danish and German »…«. Two apostrophes ('') stand for a
 * straight double mark in some plain-text news feeds.
 */
const DOUBLE_CLOSERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['"', ['"', '”']],
  ["''", ["''"]],
  ['“', ['”', '"']],
  ['„', ['“', '”', '"']],
  ['”', ['”']],
  ['«', ['»']],
  ['»', ['«']],
  ['‹', ['›']],
  ['›', ['‹']],
  ['「', ['」']],
  ['『', ['』']],
]);

/** Marks that can only open, so no context is needed to read them as opening. */
const ALWAYS_OPENING = new Set(['„', '«', '‹', '「', '『']);

/** Single-mark pairs: ‘…’ and '…'. The closer ’ is also the apostrophe, hence the checks below. */
const SINGLE_CLOSERS: ReadonlyMap<string, readonly string[]> = new Map([
  ["'", ["'", '’']],
  ['‘', ['’', "'"]],
  ['‚', ['‘', '’']],
]);

/**
 * What a mark opens after: space, a bracket, a dash, a colon ("(“", "—“", ":'"), full-width
 * punctuation, or a letter of a script written without spaces (他说“…”).
 */
const OPENING_CONTEXT = /[\s([{\-–—/:：，、（【]|\p{Lo}/u;

/** All quotation marks of either family, for the opening-context test ("“‘Nested’"). */
const ANY_MARK = /["“”„«»‹›「」『』'‘’‚]/u;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const WHITE_SPACE = /\s/u;

/** The mark at `index`: one character, or two apostrophes read as one double mark. */
function markAt(text: string, index: number): string {
  const character = text[index] ?? '';
  return character === "'" && text[index + 1] === "'" ? "''" : character;
}

/** True when the mark at `index` stands where a quotation opens: after space, a bracket or a dash. */
function inOpeningContext(text: string, index: number, lineStart: number): boolean {
  if (index <= lineStart) return true;
  const previous = text[index - 1] ?? '';
  return OPENING_CONTEXT.test(previous) || ANY_MARK.test(previous);
}

/** Trims white space from both ends of a span. */
function trimmed(text: string, start: number, end: number): Span {
  while (start < end && WHITE_SPACE.test(text[start] ?? '')) start++;
  while (end > start && WHITE_SPACE.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** The paragraphs as non-overlapping, in-bounds spans in text order; the whole text when none. */
export function normalizeParagraphs(text: string, paragraphs: readonly Span[]): Span[] {
  const sorted = paragraphs
    .map((paragraph) => ({ start: Math.max(0, paragraph.start), end: Math.min(text.length, paragraph.end) }))
    .filter((paragraph) => paragraph.end > paragraph.start)
    .sort((left, right) => left.start - right.start);
  const spans: Span[] = [];
  let cursor = 0;
  for (const paragraph of sorted) {
    const start = Math.max(paragraph.start, cursor);
    if (paragraph.end <= start) continue;
    spans.push({ start, end: paragraph.end });
    cursor = paragraph.end;
  }
  return spans.length > 0 || text.length === 0 ? spans : [{ start: 0, end: text.length }];
}

/** The index of the first non-space character of a paragraph, or -1 when it is blank. */
function firstVisible(text: string, paragraph: Span): number {
  for (let index = paragraph.start; index < paragraph.end; index++) {
    if (!WHITE_SPACE.test(text[index] ?? '')) return index;
  }
  return -1;
}

/** Builds the passage from its parts, dropping empty parts; null when nothing is inside. */
function makePassage(start: number, end: number, parts: Span[], closed: boolean): QuotedPassage | null {
  const content = parts.filter((part) => part.end > part.start);
  if (content.length === 0) return null;
  return { start, end, content, closed };
}

/** How one family of marks is read: which marks open, what closes them, when a mark may open. */
interface MarkFamily {
  readonly closers: ReadonlyMap<string, readonly string[]>;
  /** True when the mark at `index` may open a quotation here. */
  readonly opensAt: (text: string, index: number, lineStart: number) => boolean;
  /** True when the mark at `index` may close a quotation opened by `opener`. */
  readonly closesAt: (text: string, index: number, opener: string) => boolean;
  /** True when an unclosed quotation is kept (cut at its paragraph end) rather than dropped. */
  readonly keepsUnclosed: boolean;
}

/**
 * Double marks and their relatives. A straight mark opens after space or punctuation, or glued to
 * the next word when nothing is open; inside an open quotation it closes (straight marks
 * alternate). ” and » open only in opening context (Swedish ”…”, Danish »…«).
 */
const DOUBLE_FAMILY: MarkFamily = {
  closers: DOUBLE_CLOSERS,
  opensAt(text, index, lineStart) {
    const mark = markAt(text, index);
    if (ALWAYS_OPENING.has(mark)) return true;
    const next = text[index + mark.length] ?? '';
    if (next === '' || WHITE_SPACE.test(next)) return false;
    if (mark === '"' || mark === "''") return true;
    return inOpeningContext(text, index, lineStart);
  },
  closesAt(text, index, opener) {
    return DOUBLE_CLOSERS.get(opener)?.includes(markAt(text, index)) === true;
  },
  keepsUnclosed: true,
};

/**
 * Single marks. The apostrophe shares its glyph with the closer, so a single mark opens only
 * after space or punctuation and before a letter ("'Go,'" but not "'90s" or "rock 'n' roll"'s
 * first mark inside a word), and closes only where no letter or digit follows ("don't",
 * "O’Brien" are words). An unclosed single mark is taken for an apostrophe and dropped.
 */
const SINGLE_FAMILY: MarkFamily = {
  closers: SINGLE_CLOSERS,
  opensAt(text, index, lineStart) {
    if (text[index] === '’' || markAt(text, index) === "''") return false;
    const next = text[index + 1] ?? '';
    return /\p{L}/u.test(next) && inOpeningContext(text, index, lineStart);
  },
  closesAt(text, index, opener) {
    if (SINGLE_CLOSERS.get(opener)?.includes(markAt(text, index)) !== true) return false;
    const previous = text[index - 1] ?? '';
    const next = text[index + 1] ?? '';
    return previous !== '' && !WHITE_SPACE.test(previous) && !LETTER_OR_DIGIT.test(next);
  },
  keepsUnclosed: false,
};

/** An opened quotation being read: its opening mark and the parts read so far. */
interface OpenQuotation {
  readonly start: number;
  readonly opener: string;
  readonly parts: Span[];
  partStart: number;
}

/**
 * Pairs the marks of one family over the paragraphs, skipping the spans in `skip` (passages
 * already found by another family, which nest inside and are not read). A quotation open at a
 * paragraph end continues when the next paragraph opens with a mark of the same family (the news
 * convention for multi-paragraph quotes); otherwise it ends there, unclosed. One pass, so linear.
 */
function pairFamily(text: string, paragraphs: readonly Span[], family: MarkFamily, skip: readonly Span[]): QuotedPassage[] {
  const passages: QuotedPassage[] = [];
  const finish = (quotation: OpenQuotation, end: number, lastPart: Span, closed: boolean): void => {
    if (!closed && !family.keepsUnclosed) return;
    const passage = makePassage(quotation.start, end, [...quotation.parts, lastPart], closed);
    if (passage !== null) passages.push(passage);
  };
  let skipIndex = 0;
  let open = null as OpenQuotation | null;
  for (let paragraphIndex = 0; paragraphIndex < paragraphs.length; paragraphIndex++) {
    const paragraph = paragraphs[paragraphIndex];
    if (paragraph === undefined) continue;
    let index = paragraph.start;
    if (open !== null) {
      // Continuing from the previous paragraph, which checked that this one opens with a mark.
      const opening = firstVisible(text, paragraph);
      index = opening + markAt(text, opening).length;
      open.partStart = index;
    }
    for (; index < paragraph.end; index++) {
      while (skipIndex < skip.length && (skip[skipIndex]?.end ?? 0) <= index) skipIndex++;
      const skipped = skip[skipIndex];
      if (skipped !== undefined && skipped.start <= index) {
        // A passage of the other family: a single mark still open before it was an apostrophe.
        if (!family.keepsUnclosed) open = null;
        index = Math.min(skipped.end, paragraph.end) - 1;
        continue;
      }
      if (!ANY_MARK.test(text[index] ?? '')) continue;
      const mark = markAt(text, index);
      const markStart = index;
      index += mark.length - 1;
      if (open !== null && family.closesAt(text, markStart, open.opener)) {
        finish(open, index + 1, trimmed(text, open.partStart, markStart), true);
        open = null;
        continue;
      }
      if (!family.closers.has(mark) || !family.opensAt(text, markStart, paragraph.start)) continue;
      // A second opening mark before any close: the first never closed; it ends here.
      if (open !== null) finish(open, markStart, trimmed(text, open.partStart, markStart), false);
      open = { start: markStart, opener: mark, parts: [], partStart: index + 1 };
    }
    if (open === null) continue;
    const lastPart = trimmed(text, open.partStart, paragraph.end);
    const next = paragraphs[paragraphIndex + 1];
    const nextMark = next === undefined ? -1 : firstVisible(text, next);
    if (next !== undefined && nextMark >= 0 && family.closers.has(markAt(text, nextMark)) && family.opensAt(text, nextMark, next.start)) {
      open.parts.push(lastPart);
    } else {
      finish(open, paragraph.end, lastPart, false);
      open = null;
    }
  }
  return passages;
}

/**
 * The quoted passages of a text, in text order and not overlapping: double-family marks first;
 * then single marks outside them (British style 'Go,' she said). Single marks inside a double
 * quotation are a nested quotation, part of the outer one's content.
 */
export function findQuotedPassages(text: string, paragraphs: readonly Span[]): QuotedPassage[] {
  const blocks = normalizeParagraphs(text, paragraphs);
  const doubles = pairFamily(text, blocks, DOUBLE_FAMILY, []);
  const singles = pairFamily(text, blocks, SINGLE_FAMILY, doubles);
  return [...doubles, ...singles].sort((left, right) => left.start - right.start);
}
