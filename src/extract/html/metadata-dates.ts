import { parseHeaderDate } from '../text/dates.js';

/**
 * Dates as pages state them for machines (meta tags, JSON-LD, `<time datetime>`, the URL) and
 * for readers (a dateline under the headline), turned into ISO 8601 with the precision and
 * offset the page stated: `2019-05-10`, `2019-05-10T17:42`, `2019-05-10T17:42:05-04:00`.
 */

function pad2(value: number | string): string {
  return String(value).padStart(2, '0');
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Years outside this range are placeholders (`0001-01-01`) or typing mistakes, not news. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Whether a year, month and day make a real calendar date in the range news lives in. */
function isRealDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** A stated UTC offset (`Z`, `UTC`, `+0530`, `-05:00`, `+01`) as ISO (`Z`, `+05:30`), or null. */
function normaliseOffset(offset: string | undefined): string | null {
  if (offset === undefined || offset === '') return '';
  if (/^(?:z|utc|gmt)$/i.test(offset)) return 'Z';
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (match === null) return null;
  const [, sign, hours = '00', minutes = '00'] = match;
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  return hours === '00' && minutes === '00' ? 'Z' : `${sign}${hours}:${minutes}`;
}

/** Formats parts as ISO, or null when they are not a real date and time. */
function formatParts(
  year: string,
  month: string,
  day: string,
  hour?: string,
  minute?: string,
  second?: string,
  offset?: string,
): string | null {
  if (!isRealDate(Number(year), Number(month), Number(day))) return null;
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  if (hour === undefined || minute === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || (second !== undefined && Number(second) > 59)) return null;
  const zone = normaliseOffset(offset);
  if (zone === null) return null;
  return `${date}T${pad2(hour)}:${minute}${second === undefined ? '' : `:${second}`}${zone}`;
}

/** `2019-05-10`, `2019-05-10T17:42:05.123+02:00`, `2019/05/10 17:42 UTC`, `2019-05-10 17:42:05 +0000`. */
const ISO_LIKE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?(?![\d:])/i;

/** `20190510`, `20190510T174205Z`. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$/i;

/**
 * Parses a date written for machines (ISO 8601 and its common variants, compact dates, Unix
 * seconds or milliseconds), falling back to the header-date reader for the prose dates some
 * meta tags carry ("Tue, 19 Nov 2019 10:00:00 GMT"). Returns null for anything else.
 */
export function parseMachineDate(value: string): string | null {
  const text = value.trim();
  // The Unix epoch is what an empty date field prints as, not a publication date.
  if (text === '' || /^1970-01-01(?:[T\s]00:00(?::00)?)?/.test(text) || /^0+$/.test(text)) return null;
  const iso = ISO_LIKE.exec(text);
  if (iso !== null) {
    const [, year = '', month = '', day = '', hour, minute, second, offset] = iso;
    return formatParts(year, month, day, hour, minute, second, offset);
  }
  const compact = COMPACT.exec(text);
  if (compact !== null) {
    const [, year = '', month = '', day = '', hour, minute, second, offset] = compact;
    return formatParts(year, month, day, hour, minute, second, offset);
  }
  if (/^\d{10}(?:\d{3})?$/.test(text)) {
    // Unix time is an instant: stated in UTC.
    const milliseconds = text.length === 13 ? Number(text) : Number(text) * 1000;
    const instant = new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return Number(instant.slice(0, 4)) >= 1995 ? instant : null;
  }
  // A prose date must name a year: "Monday" or "10 May" alone is no date.
  if (!/\b(?:1[89]|20|21)\d{2}\b/.test(text)) return null;
  const parsed = parseHeaderDate(text);
  return parsed !== null && isRealDate(Number(parsed.slice(0, 4)), Number(parsed.slice(5, 7)), Number(parsed.slice(8, 10))) ? parsed : null;
}

/** Dates in a URL's path: `/2019/05/10/`, `/2019-05-10/`, `/20190510/`, `-20190510-`. */
const URL_DATE_PATTERNS: readonly RegExp[] = [
  /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=[/_.-]|$)/,
  /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/_.-]|$)/,
  /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/,
];

/** The publication day a URL's path states (day precision), or null. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  }
  for (const pattern of URL_DATE_PATTERNS) {
    const match = pattern.exec(path);
    if (match === null) continue;
    const [, year = '', month = '', day = ''] = match;
    const date = formatParts(year, month, day);
    if (date !== null) return date;
  }
  return null;
}

/** An ISO date split into what it states. */
interface DateParts {
  readonly day: string;
  readonly time: string | null;
  readonly offset: string | null;
}

function splitIso(iso: string): DateParts {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?)?$/.exec(iso);
  return { day: match?.[1] ?? iso.slice(0, 10), time: match?.[2] ?? null, offset: match?.[3] ?? null };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether `later` is surely before `earlier`: compared as instants when both state an offset,
 * otherwise by calendar day with a day's tolerance for the unknown time zones (and by local
 * time on the same day when both state a time).
 */
export function isSurelyBefore(later: string, earlier: string): boolean {
  const a = splitIso(later);
  const b = splitIso(earlier);
  if (a.time !== null && b.time !== null && a.offset !== null && b.offset !== null) {
    return Date.parse(`${a.day}T${a.time}${a.offset}`) < Date.parse(`${b.day}T${b.time}${b.offset}`);
  }
  const dayDifference = Date.parse(`${a.day}T00:00Z`) - Date.parse(`${b.day}T00:00Z`);
  if (Number.isNaN(dayDifference)) return false;
  if (a.day === b.day) return a.time !== null && b.time !== null && a.offset === b.offset && a.time < b.time;
  const zonesUnknown = a.offset === null || b.offset === null || a.time === null || b.time === null;
  return zonesUnknown ? dayDifference < -DAY_MS : dayDifference < 0;
}

/** Month and weekday names, in English, as datelines write them (abbreviated or not). */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?';

/** The label in front of a visible date, telling which date it is. */
const DATE_LABEL =
  /^(?:(first\s+published|published|posted|released|created|date|dated|last\s+updated|updated|last\s+modified|modified|edited)(?:\s+(?:on|at))?\s*[:：-]?\s*)/i;

/** Time-zone abbreviations that follow a visible time. */
const ZONES =
  'utc|gmt|z|et|ct|mt|pt|[ecmp][sd]t|ist|cet|cest|eet|eest|wet|west|bst|aest|aedt|awst|jst|kst|hkt|sgt|wib|msk|gst|sast|wat|eat|ict|pht|nzst|nzdt|hst|akst|akdt';

/** Words a date may contain besides numbers: months, weekdays, clock words, zones, joiners. */
const DATE_WORD = new RegExp(
  `^(?:${MONTH}\\.?|${WEEKDAY}\\.?|\\d[\\d:./-]*(?:st|nd|rd|th|am|pm|h)?|[ap]\\.?m\\.?|at|on|of|the|um|le|el|de|hrs?|h|-|–|—|${ZONES})$`,
  'i',
);

/** Where a date starts inside a line: a month, a weekday or a number. */
const DATE_START = new RegExp(`\\b(?:${MONTH}|${WEEKDAY})\\b|\\d`, 'i');

/** "By Ana Ruiz, May 10, 2019" → "May 10, 2019": a short byline glued in front of a date. */
function stripLeadingByline(text: string): string {
  if (!/^by\s/i.test(text)) return text;
  const start = DATE_START.exec(text);
  if (start === null) return text;
  // Keep the label that says which date follows ("By Ana Ruiz Updated May 10, 2019").
  const label = /\b(?:first\s+published|published|posted|last\s+updated|updated|last\s+modified|modified)\b/i.exec(text);
  const cut = label !== null && label.index < start.index ? label.index : start.index;
  return text.slice(0, cut).split(/\s+/).length <= 8 ? text.slice(cut) : text;
}

/** A calendar date inside visible text: "Feb 16, 2018", "16th February 2018", "2018-02-16", "16.02.2018". */
const DATE_PART = new RegExp(
  `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}\\.?,?\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{4}\\b`,
  'i',
);
/** A clock time inside visible text, with its half of the day and zone: "6:45 PM", "18h45 CET". */
const TIME_PART = new RegExp(`\\b\\d{1,2}[:h]\\d{2}(?:\\s*[ap]\\.?m\\b\\.?)?(?:\\s+(?:${ZONES})\\b)?`, 'i');

/**
 * Parses a date as a page shows it to readers, in any order of its parts: "Fri 6:45 PM, Feb 16,
 * 2018" reads as well as "Feb 16, 2018 6:45 PM". The date and the time are found apart and
 * read together when the whole text does not read as one date and time.
 */
export function parseVisibleDate(text: string): string | null {
  const direct = parseMachineDate(text);
  const time = TIME_PART.exec(text);
  if (direct !== null && (direct.includes('T') || time === null)) return direct;
  const date = DATE_PART.exec(text);
  if (date === null) return direct;
  const combined = parseMachineDate(time === null ? date[0] : `${date[0]} ${time[0]}`);
  return combined ?? direct;
}

/** A month's name or a numeric date: a year and a clock time alone are no dateline. */
const NAMED_OR_NUMERIC_DATE = new RegExp(`\\b${MONTH}\\b|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}`, 'i');

/** A dateline read from visible text. */
export interface Dateline {
  readonly kind: 'published' | 'updated';
  readonly value: string;
}

/**
 * Reads a short visible dateline ("Published 10 May 2019", "May 10, 2019 5:42 PM ET",
 * "Updated: 11/05/2019"). The text must be a date and little else: a sentence that mentions a
 * date ("The council met on May 10, 2019") is not a dateline. Several parts separated by `|`,
 * `·` or `•` are read one by one, so "By Ana Ruiz | May 10, 2019" gives its date.
 */
export function readDatelines(text: string): Dateline[] {
  const found: Dateline[] = [];
  const parts = text
    .split(/\s*(?:\||·|•|\/\s(?=\D)|\s[-–—]\s(?=\p{L}))\s*/u)
    // "Ana Ruiz Published 10:02 AM Nov 19, 2019 Updated …": each label starts a part.
    .flatMap((part) => part.split(/(?<=\S)\s+(?=(?:first\s+published|published|posted|last\s+updated|updated|last\s+modified|modified)\b)/i));
  for (const part of parts) {
    const trimmed = stripLeadingByline(part.trim());
    if (trimmed.length < 6 || trimmed.length > 80) continue;
    const label = DATE_LABEL.exec(trimmed);
    const rest = label === null ? trimmed : trimmed.slice(label[0].length);
    // "As of 29 November", "until 20 January": a date the story talks about, not its own.
    if (!/\b(?:19|20)\d{2}\b/.test(rest) || /^(?:as\s+of|until|till|since|from|by|before|after|through|between|ends?|starts?)\b/i.test(rest)) continue;
    const words = rest.split(/[\s,]+/).filter((word) => word !== '');
    if (words.length === 0 || words.filter((word) => !DATE_WORD.test(word)).length > 1) continue;
    if (!NAMED_OR_NUMERIC_DATE.test(rest)) continue;
    const value = parseVisibleDate(rest);
    if (value === null) continue;
    const kind = label !== null && /updated|modified|edited/i.test(label[1] ?? '') ? 'updated' : 'published';
    found.push({ kind, value });
  }
  return found;
}
