import * as chrono from 'chrono-node';

/** Pads a number to two digits. */
function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Formats a UTC offset in minutes as `+hh:mm`. */
function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`;
}

/**
 * European numeric dates ("11.05.2017", "11.05.2017 14:03"): day first, as every country that
 * writes dates with dots does. chrono reads them month first, so they are handled here.
 */
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,T]+(\d{1,2})[:.](\d{2}))?/;

/**
 * Parses a date as a header states it ("Thursday, 11 May, 2017, 6:57pm",
 * "Friday, May 12, 2017 - 01:00", "18 March 2026 09:30 GMT", "2017-05-11T10:00:00Z") into
 * ISO 8601 with only the precision the text has: `2017-05-11`, `2017-05-11T18:57`, or with an
 * offset when one is stated. Returns null when the text holds no full date (a year is needed).
 */
export function parseHeaderDate(text: string): string | null {
  const dotted = DOTTED_DATE.exec(text.trim());
  if (dotted !== null) {
    const [, day, month, year, hour, minute] = dotted;
    const date = `${year}-${pad2(Number(month))}-${pad2(Number(day))}`;
    return hour === undefined || minute === undefined ? date : `${date}T${pad2(Number(hour))}:${minute}`;
  }
  const [result] = chrono.parse(text, new Date(Date.UTC(2000, 0, 1)));
  if (result === undefined) return null;
  const start = result.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  const date = `${start.get('year')}-${pad2(start.get('month') ?? 1)}-${pad2(start.get('day') ?? 1)}`;
  if (!start.isCertain('hour')) return date;
  const time = `${pad2(start.get('hour') ?? 0)}:${pad2(start.get('minute') ?? 0)}`;
  const offset = start.isCertain('timezoneOffset') ? formatOffset(start.get('timezoneOffset') ?? 0) : '';
  return `${date}T${time}${offset}`;
}
