import type { FigureChange } from '../../store/store.js';

/** Small pure helpers the pages use to turn API data into text and safe attributes. */

/** `1 article`, `2 articles` (the plural given when it is not the singular plus `s`). */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A time for people, in the reader's locale and time zone; the text itself when it is not a date. */
export function formatTime(iso: string): string {
  const milliseconds = Date.parse(iso);
  return Number.isNaN(milliseconds) ? iso : timeFormat.format(milliseconds);
}

/** A publication date for people: the day only when the value has no time of day (`2024-03-02`). */
export function formatPublished(iso: string): string {
  const milliseconds = Date.parse(iso);
  if (Number.isNaN(milliseconds)) return iso;
  // A bare date parses as UTC midnight: shown in UTC, so it is not the day before west of Greenwich.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(milliseconds);
  return dateFormat.format(milliseconds);
}

/** A figure's change as one line: `deaths: 14 → 19`, or `deaths: 19 (new)` when it first appeared. */
export function formatFigureChange(figure: Pick<FigureChange, 'about' | 'value' | 'previousValue'>): string {
  return figure.previousValue === null
    ? `${figure.about}: ${figure.value} (new)`
    : `${figure.about}: ${figure.previousValue} → ${figure.value}`;
}

/**
 * A language code for people: `English (en)` in the reader's language; the code alone when the
 * browser has no name for it or it is not a language code at all.
 */
export function formatLanguage(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(undefined, { type: 'language', fallback: 'none' }).of(code);
  } catch {
    // Not a well-formed language tag (a RangeError): shown as it is.
    return code;
  }
  return name === undefined || name === code ? code : `${name} (${code})`;
}

