import * as chrono from 'chrono-node';
import type { DateMention, DatePrecision, DateRelation } from '../core/annotations.js';
import type { Span } from '../core/span.js';
import { isYearAt } from './numbers.js';

/**
 * Dates in an article, normalised against its publication date: "on Wednesday", "last month",
 * "in July", "since March 2011", "in 1987". chrono-node reads the date expressions, with the
 * publication time as its reference; the rules here decide what chrono leaves open or gets
 * wrong for news text:
 *
 * - **Weekdays without a modifier** ("on Wednesday") are the most recent such day on or before
 *   publication (the day itself included), unless the clause speaks of the future ("will",
 *   "is due", "expected", "forecast", "planned", "next"…), in which case they are the first
 *   such day on or after it. chrono alone picks the nearest day either way, which puts a past
 *   "on Friday" written on a Wednesday two days ahead. With a modifier ("last Tuesday", "next
 *   Wednesday", "this Friday") chrono's reading is kept. A clause's tense comes from its own
 *   cue words first, then from the sentence's ("said on Monday that talks will resume on
 *   Friday": Monday past, Friday ahead).
 * - **A month, or a day and month, without a year** ("in July", "on 14 October") is the most
 *   recent such month or day on or before publication in a past clause ("were held in July"),
 *   the first on or after it in a future clause ("will be held in July"), and the nearer of the
 *   two when the clause has no tense cue ("who turns 60 on May 27"). A date after "until" or
 *   "by" in a clause that is not in the past is a deadline, so it lies ahead.
 * - **Weeks and weekends** ("last week", "over the weekend") have month precision when they
 *   lie within one month, and are left out otherwise: there is no week precision.
 * - **Bare years** ("in 1987", "since 2011", "the 2016 election") are found by
 *   {@link isYearAt}, the rule the number annotator uses to leave years out. Decades ("the
 *   1980s") and seasons ("last autumn") are not dates here: no precision fits them.
 * - **Precision** is what the text states: day when a day (or weekday, or "yesterday") is
 *   named, month for a month, year for a year. "The end of March" is a month, not 31 March.
 * - **Not dates**: times alone ("at 5 a.m."), durations ("for 10 years", "the past 24 hours",
 *   "the last two weeks"), dates relative to the story rather than to publication ("three days
 *   later", "the next day"), "now", lower-case "may" and "march", names ("Sunday Times", "Good
 *   Friday", "Theresa May", "April said"), numeric dates whose day and month could be swapped
 *   ("05/06/2017"), and numbers that are not years.
 * - **Relation** to the sentence's event, from the word before the date: since/from → `since`;
 *   until/till/through/up to, and "to" or "and" closing a range → `until`; before/by/prior
 *   to/ahead of → `before` ("by" sets a latest date, so the event falls before it);
 *   after/following → `after`; otherwise `on`.
 * - **Relative** dates (computed from the publication date) are left out when it is unknown.
 */

/** The publication date as a calendar day (its wall-clock date where it was published), and chrono's reference. */
interface Reference {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly chrono: chrono.ParsingReference;
}

/** Reads an ISO 8601 date or date-time; null when absent or malformed. The local date as written is kept. */
function readReference(published: string | null): Reference | null {
  if (published === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(published.trim());
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hour = match[4] === undefined ? 12 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return { year, month, day, chrono: { instant, timezone: 0 } };
}

/** chrono's reference when the publication date is unknown; relative results are dropped then. */
const NO_REFERENCE: chrono.ParsingReference = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

/** A calendar day. */
interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 of a calendar day, for arithmetic. */
function dayNumber(day: Day): number {
  return Math.floor(Date.UTC(day.year, day.month - 1, day.day) / 86_400_000);
}

/** The calendar day of a day number. */
function dayFromNumber(number: number): Day {
  const date = new Date(number * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Day of the week, 0 = Sunday. */
function weekday(day: Day): number {
  return (dayNumber(day) + 4) % 7;
}

/** True when the day exists (no 30 February). */
function isRealDay(day: Day): boolean {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return date.getUTCFullYear() === day.year && date.getUTCMonth() === day.month - 1 && date.getUTCDate() === day.day;
}

/** ISO text of a value at a precision: "2017-05-10", "2017-05", "2017". */
function formatValue(day: Day, precision: DatePrecision): string {
  const year = String(day.year).padStart(4, '0');
  if (precision === 'year') return year;
  const month = String(day.month).padStart(2, '0');
  if (precision === 'month') return `${year}-${month}`;
  return `${year}-${month}-${String(day.day).padStart(2, '0')}`;
}

/** Words that make a clause speak of the future. */
const FUTURE_CUES = /\b(?:will|won't|shall|going to|due|expect|expects|expected|scheduled|planned|plan|plans|set to|forecast|forecasts|upcoming|next|coming|would|to be held|intends?|aims? to|later this)\b|'ll\b/i;

/**
 * Words that make a clause speak of the past: auxiliaries, common irregular past tenses, and
 * words in "-ed" that are not adjectives after a present verb ("stays closed").
 */
const PAST_CUES = /\b(?:was|were|had|did|ago|last|earlier|yesterday|previously|said|told|met|came|went|took|held|left|began|saw|made|gave|fell|rose|broke|won|lost|fought|sent|spent|led|fled|struck|got|found|became|brought|built|bought|caught|drove|flew|grew|kept|knew|paid|ran|sat|sold|sought|spoke|stood|swept|thought|threw|wrote)\b|(?<!\b(?:is|are|remains?|stays?|be|been|being|get|gets|will|to)\s)\b\p{L}{3,}ed\b/iu;

/** Characters and words that start or end a clause. */
const CLAUSE_BOUNDARY = /[,;:()"“”]|\bthat\b|\bwhile\b|\bbut\b|\bafter\b|\bbefore\b/gi;

/** How far (in characters) around a date its tense is looked for. */
const TENSE_WINDOW = 300;

/** Whether a clause speaks of the past or the future; null when it does not say. */
type Tense = 'past' | 'future' | null;

/**
 * The tense of the clause holding the date at `start`–`end` of the sentence: its own cues
 * first, then the sentence's ("He said on Monday that talks will resume on Friday": Monday is
 * past, Friday future). "last October" is past and "next July" future whatever the verb.
 */
function clauseTense(fullSentence: string, fullStart: number, fullEnd: number): Tense {
  const wordBefore = wordsBefore(fullSentence, fullStart, 1)[0] ?? '';
  if (wordBefore === 'last' || wordBefore === 'past' || wordBefore === 'previous') return 'past';
  if (wordBefore === 'next' || wordBefore === 'coming') return 'future';
  // A window of the sentence around the date keeps the work bounded in a sentence without end.
  const windowStart = Math.max(0, fullStart - TENSE_WINDOW);
  const sentenceText = fullSentence.slice(windowStart, fullEnd + TENSE_WINDOW);
  const start = fullStart - windowStart;
  const end = fullEnd - windowStart;
  let clauseStart = 0;
  let clauseEnd = sentenceText.length;
  for (const boundary of sentenceText.matchAll(CLAUSE_BOUNDARY)) {
    const at = boundary.index ?? 0;
    if (at + boundary[0].length <= start) clauseStart = at + boundary[0].length;
    else if (at >= end) {
      clauseEnd = at;
      break;
    }
  }
  const clause = sentenceText.slice(clauseStart, clauseEnd);
  if (FUTURE_CUES.test(clause)) return 'future';
  if (PAST_CUES.test(clause)) return 'past';
  if (FUTURE_CUES.test(sentenceText)) return 'future';
  if (PAST_CUES.test(sentenceText)) return 'past';
  return null;
}

/** The month names and weekday names chrono reads, full and abbreviated, lower case. */
const MONTH_NAMES = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const FULL_MONTH_NAMES = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;
const WEEKDAY_NAMES = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?$/;
const FULL_WEEKDAY_NAMES = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** Words before a bare month name that show it is a month ("in May", "early March", "last October"). */
const MONTH_CUES: ReadonlySet<string> = new Set([
  'in', 'since', 'by', 'until', 'till', 'before', 'after', 'during', 'early', 'mid', 'late', 'last', 'next', 'this',
  'of', 'from', 'through', 'to', 'between', 'on', 'for', 'throughout', 'around', 'about',
  'that', 'each', 'every', 'end', 'beginning', 'start', 'middle', 'as', 'into', 'past', 'coming', 'following',
]);

/** Words before a weekday that make it part of a name ("Good Friday", "Super Tuesday"). */
const NAMED_DAY_PREFIXES: ReadonlySet<string> = new Set(['good', 'black', 'bloody', 'super', 'cyber', 'ash', 'palm', 'easter', 'holy', 'maundy', 'shrove', 'giving', 'small']);

/** Capitalised words after a weekday that still belong to a date ("Tuesday March 17", "Monday Night" in a headline). */
const DATE_CONTINUATIONS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|morning|afternoon|evening|night|and|or|to|at|in|on)/i;

/** A cheap test that a sentence may hold a date, so chrono runs only where it can find one. */
const DATE_LIKE = /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|night|morning|evening|afternoon|yesterday|tomorrow|week|month|year|ago/i;

/** chrono reads at most this many characters at once; longer sentences are cut at white space. */
const MAX_CHUNK = 1000;

/** Cuts a span into pieces of at most {@link MAX_CHUNK} characters, at white space where possible. */
function chunks(text: string, span: Span): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (start < span.end) {
    let end = Math.min(span.end, start + MAX_CHUNK);
    if (end < span.end) {
      // Only the second half of the piece is searched, so text without spaces stays linear.
      const space = text.slice(start + MAX_CHUNK / 2, end).lastIndexOf(' ');
      if (space >= 0) end = start + MAX_CHUNK / 2 + space;
    }
    pieces.push({ start, end });
    start = end;
  }
  return pieces;
}

/** The word tokens of a string, lower case, with their offsets. */
function wordsOf(value: string): { word: string; original: string; index: number }[] {
  return [...value.matchAll(/[\p{L}]+/gu)].map((match) => ({ word: match[0].toLowerCase(), original: match[0], index: match.index ?? 0 }));
}

/** The last few words before `index` in the sentence text, lower case. */
function wordsBefore(sentenceText: string, index: number, count: number): string[] {
  const before = sentenceText.slice(Math.max(0, index - 60), index);
  return (before.toLowerCase().match(/[\p{L}]+|[-–]/gu) ?? []).slice(-count);
}

/**
 * How the date at `index` relates to the sentence's event, from the words before it. When the
 * date starts with a time ("shortly after 5am on Tuesday"), "before" and "after" bear on the
 * time, and the event is on the day.
 */
function readRelation(sentenceText: string, index: number, previous: { relation: DateRelation; end: number } | null): DateRelation {
  const relation = relationFromWordsBefore(sentenceText, index, previous);
  const startsWithTime = /^\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b|[ap]\.m\.|h\b)|^\d{1,2}[:.]\d{2}\b/i.test(sentenceText.slice(index, index + 12));
  return startsWithTime && (relation === 'before' || relation === 'after') ? 'on' : relation;
}

/** The relation named by the words before a date: since, until, before, after, or on. */
function relationFromWordsBefore(sentenceText: string, index: number, previous: { relation: DateRelation; end: number } | null): DateRelation {
  const words = wordsBefore(sentenceText, index, 3);
  const [first = '', second = '', third = ''] = [words.at(-1), words.at(-2), words.at(-3)];
  const gap = previous === null ? '' : sentenceText.slice(previous.end, index);
  if (previous !== null && previous.relation === 'since' && /^\s*(?:to|and|until|till|through|[-–])\s*(?:the\s+)?$/i.test(gap)) return 'until';
  if (first === 'since' || first === 'from' || first === 'in' && third === 'since' && /ing$/.test(second)) return 'since';
  if (first === 'until' || first === 'till' || first === 'through' || first === 'to' && second === 'up') return 'until';
  if (first === 'before' || first === 'by' || first === 'within' || first === 'to' && second === 'prior' || first === 'of' && second === 'ahead') return 'before';
  if (first === 'after' || first === 'following') return 'after';
  if (first === 'between') return 'since';
  // "since early March", "until late 2023", "by the end of the year".
  if (['early', 'mid', 'late', 'the'].includes(first)) {
    if (second === 'since' || second === 'from') return 'since';
    if (second === 'until' || second === 'till') return 'until';
    if (second === 'before' || second === 'by') return 'before';
    if (second === 'after') return 'after';
  }
  if (third === 'by' && second === 'the' && first === 'end') return 'before';
  return 'on';
}

/** A date read from one chrono result, before its relation is set. */
interface DateReading {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly precision: DatePrecision;
  readonly relative: boolean;
}

/** Prepositions chrono sometimes includes at the start of its text ("on Wednesday"); they are read for the relation instead. */
const LEADING_WORDS = /^(?:(?:on|at|in|of|the|by|since|from|until|till|during|within)\s+)+/i;

/** True when the text states a year outright ("2017", "'17" is not enough). */
function statesYear(value: string): boolean {
  return /(?:^|\D)\d{4}(?:\D|$)/.test(value);
}

/** The first day of the week (Monday to Sunday) holding a day, when the whole week lies in one month; else null. */
function weekInOneMonth(day: Day): Day | null {
  const monday = dayNumber(day) - ((weekday(day) + 6) % 7);
  const first = dayFromNumber(monday);
  return first.month === dayFromNumber(monday + 6).month ? first : null;
}

/** The Saturday of a weekend (a day number), when its Sunday lies in the same month; else null. */
function weekendInOneMonth(saturday: number): Day | null {
  const first = dayFromNumber(saturday);
  return first.month === dayFromNumber(saturday + 1).month ? first : null;
}

/** The most recent day with this weekday on or before `reference`, or (`future`) the first on or after it. */
function nearestWeekday(reference: Day, target: number, future: boolean): Day {
  const referenceNumber = dayNumber(reference);
  const offset = (weekday(reference) - target + 7) % 7;
  return dayFromNumber(future ? referenceNumber + ((target - weekday(reference) + 7) % 7) : referenceNumber - offset);
}

/**
 * The year of a month (and day) written without one: the most recent on or before `reference`
 * in a past clause, the first on or after it in a future one, and the nearer of the two when
 * the clause does not say ("who turns 94 on May 27", published on 12 May, is this May).
 */
function yearForMonth(reference: Day, month: number, day: number | null, tense: Tense): number {
  const referenceKey = reference.month * 100 + (day === null ? 0 : reference.day);
  const key = month * 100 + (day ?? 0);
  const past = key <= referenceKey ? reference.year : reference.year - 1;
  const future = key >= referenceKey ? reference.year : reference.year + 1;
  if (tense === 'past') return past;
  if (tense === 'future') return future;
  const distance = (year: number): number => Math.abs(dayNumber({ year, month, day: day ?? 15 }) - dayNumber(reference));
  return distance(future) < distance(past) ? future : past;
}

/**
 * True when the month name at `at` is preceded by a word that makes it a month ("in May",
 * "early March", "mid-June"), not the verb "may" or a name ("Theresa May", "April said"). After
 * "and" or "or", the month before must have a cue of its own: "in March and April" is two
 * months, "a normal March and April" none.
 */
function hasMonthCue(sentenceText: string, at: number): boolean {
  let position = at;
  for (let hops = 0; hops < 4; hops++) {
    if (/-\s*$/.test(sentenceText.slice(Math.max(0, position - 2), position))) return true;
    const previous = /(\p{L}+)[\s,]*$/u.exec(sentenceText.slice(Math.max(0, position - 40), position));
    if (previous === null) return false;
    const word = (previous[1] ?? '').toLowerCase();
    if (word !== 'and' && word !== 'or') return MONTH_CUES.has(word);
    position -= previous[0].length;
    const month = /(\p{L}+)[\s,]*$/u.exec(sentenceText.slice(Math.max(0, position - 40), position));
    if (month === null || !FULL_MONTH_NAMES.test((month[1] ?? '').toLowerCase())) return false;
    position -= month[0].length;
  }
  return false;
}

/** Why a chrono result is not a date of the story (the reason names the rule, for debugging), or null when it is one. */
function rejection(result: chrono.ParsedResult, sentenceText: string, index: number): string | null {
  const text = result.text;
  const lower = text.toLowerCase();
  const start = result.start;
  if (/^for\s/i.test(text)) return 'duration';
  if (/^after\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)$/i.test(text)) return 'relative to the story';
  // "in two weeks" is a date ahead only in a clause about the future; else "first visit in 4 years".
  if (/^(?:in|within)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)$/i.test(text) && clauseTense(sentenceText, index, index + text.length) !== 'future') return 'duration';
  if (/\b(?:later|earlier|afterwards|before|after)$/i.test(text) && !/\b(?:ago)\b/i.test(text)) return 'relative to the story';
  if (/^(?:next|following|previous)\s+(?:day|morning|evening|night)$/i.test(text) && /\bthe\s+$/i.test(sentenceText.slice(Math.max(0, index - 5), index))) return 'relative to the story';
  if (/^(?:right\s+)?now$/i.test(text)) return 'now';
  if (/\b(?:past|last|next|coming)\s+(?:\w+\s+)?(?:hours|days|weeks|months|years|minutes)\b/i.test(lower)) return 'duration';
  if (/^(?:past|last|next)\s+(?:day|week|month|year)$/i.test(text) && /\bthe\s+$/i.test(sentenceText.slice(Math.max(0, index - 5), index))) return 'duration';
  if (/\b(?:hours?|minutes?|seconds?)\b/i.test(lower)) return 'hours';
  // Numeric dates: a four-digit year, and a day and month that cannot be swapped.
  const numeric = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?$/.exec(text.trim());
  if (numeric !== null) {
    if ((numeric[3] ?? '').length !== 4) return 'numeric date without a year';
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    if (first <= 12 && second <= 12 && first !== second) return 'ambiguous numeric date';
  }
  const hasDigit = /\d/.test(text);
  for (const { word, original, index: at } of wordsOf(text)) {
    const isMonth = MONTH_NAMES.test(word);
    const isWeekday = WEEKDAY_NAMES.test(word);
    if (!isMonth && !isWeekday) continue;
    if (!/^\p{Lu}/u.test(original) && !hasDigit) return 'lower case';
    const full = isMonth ? FULL_MONTH_NAMES.test(word) : FULL_WEEKDAY_NAMES.test(word);
    if (!full && !hasDigit) return 'abbreviation without a number';
    const absolute = index + at;
    if (isWeekday) {
      const [named = ''] = wordsBefore(sentenceText, absolute, 1);
      if (NAMED_DAY_PREFIXES.has(named) && /\p{Lu}\p{L}*\s+$/u.test(sentenceText.slice(Math.max(0, absolute - 12), absolute))) return 'named day';
      const after = /^\s+(\p{Lu}[\p{L}]*)/u.exec(sentenceText.slice(absolute + word.length, absolute + word.length + 40));
      if (after !== null && !DATE_CONTINUATIONS.test(after[1] ?? '') && !hasDigit) return 'name';
    }
    if (isMonth && !start.isCertain('day') && !start.isCertain('year')) {
      if (!hasMonthCue(sentenceText, absolute)) return 'bare month without a cue';
    }
  }
  const dated = ['year', 'month', 'day', 'weekday'].some((component) => start.isCertain(component as chrono.Component));
  if (!dated && !/\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|week|weekend)\b/i.test(lower)) return 'time only';
  return null;
}

/** One date expression as chrono read it: its text, its offset in the sentence, and its components. */
interface DateExpression {
  readonly text: string;
  readonly index: number;
  readonly components: chrono.ParsedComponents;
}

/**
 * Reads one date expression, applying the rules of the module comment; null when it is not a
 * date. A date after "until" or "by" in a clause that is not in the past is a deadline, so it
 * lies ahead ("The road stays closed until June", "The dam must be repaired by May").
 */
function readExpression(expression: DateExpression, sentenceText: string, reference: Reference | null): DateReading | null {
  const { components, index } = expression;
  const lower = expression.text.toLowerCase();
  const relative = !statesYear(expression.text);
  if (relative && reference === null) return null;
  const today: Day = reference ?? { year: 2000, month: 1, day: 1 };
  const deadline = /\b(?:until|till|by)\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)\s*-?\s*)?$/i.test(sentenceText.slice(Math.max(0, index - 30), index));
  const stated = clauseTense(sentenceText, index, index + expression.text.length);
  const tense: Tense = stated ?? (deadline ? 'future' : null);
  // Weekdays and weekends with no tense cue are the most recent ones: news mostly reports.
  const future = tense === 'future';
  const modified = /\b(?:last|next|this|past|coming|ago|yesterday|today|tomorrow|tonight)\b/.test(lower);
  const get = (component: chrono.Component): number => components.get(component) ?? 0;
  let day: Day = { year: get('year'), month: get('month'), day: get('day') };
  let precision: DatePrecision;

  if (/\bweekend\b/.test(lower)) {
    const saturday = modified ? dayNumber(day) - ((weekday(day) + 1) % 7) : dayNumber(nearestWeekday(today, 6, future));
    const weekend = weekendInOneMonth(!modified && !future && weekday(today) === 0 ? dayNumber(today) - 1 : saturday);
    if (weekend === null) return null;
    day = weekend;
    precision = 'month';
  } else if (/\bweeks?\b/.test(lower)) {
    const week = weekInOneMonth(/\bthis\s+week\b/.test(lower) ? today : day);
    if (week === null) return null;
    day = week;
    precision = 'month';
  } else if (/\b(?:months?)\s+ago\b/.test(lower)) {
    precision = 'month';
  } else if (/\b(?:years?)\s+ago\b/.test(lower)) {
    precision = 'year';
  } else if (components.isCertain('day') && /\b(?:end|beginning|start|middle)\s+of\b/.test(lower)) {
    // "the end of March": chrono names the last day, the text only the month.
    precision = 'month';
    if (!components.isCertain('year') && !modified) day = { ...day, year: yearForMonth(today, day.month, null, tense) };
  } else if (components.isCertain('day')) {
    precision = 'day';
    if (!components.isCertain('year') && !modified) day = { ...day, year: yearForMonth(today, day.month, day.day, tense) };
  } else if (components.isCertain('weekday')) {
    precision = 'day';
    if (!modified) day = nearestWeekday(today, get('weekday'), future);
  } else if (components.isCertain('month')) {
    precision = 'month';
    if (!components.isCertain('year') && !modified) day = { ...day, year: yearForMonth(today, day.month, null, tense) };
  } else if (components.isCertain('year')) {
    precision = 'year';
  } else if (/\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b/.test(lower)) {
    precision = 'day';
  } else return null;
  if (!isRealDay({ ...day, day: precision === 'day' ? day.day : 1 })) return null;
  return { start: index, end: index + expression.text.length, value: formatValue(day, precision), precision, relative };
}

/** Trims leading prepositions off a date's span ("on Wednesday" → "Wednesday"). */
function trimLeadingWords(sentenceText: string, reading: DateReading): DateReading {
  const text = sentenceText.slice(reading.start, reading.end);
  const leading = LEADING_WORDS.exec(text)?.[0].length ?? 0;
  return leading > 0 && leading < text.length ? { ...reading, start: reading.start + leading } : reading;
}

/**
 * The date expressions of a chrono result, at `offset` in the sentence: one, or the two ends
 * of a range ("1 to 5 March", "Monday-Friday"), each with its own span.
 */
function expressionsOf(result: chrono.ParsedResult, offset: number): DateExpression[] {
  const whole: DateExpression = { text: result.text.replace(/[\s,;:]+$/, ''), index: offset + result.index, components: result.start };
  if (result.end === null || result.end === undefined) return [whole];
  const separator = /\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*/i.exec(result.text.slice(1));
  if (separator === null) return [whole];
  const cut = 1 + (separator.index ?? 0);
  const secondStart = cut + separator[0].length;
  return [
    { text: result.text.slice(0, cut), index: whole.index, components: result.start },
    { text: result.text.slice(secondStart), index: whole.index + secondStart, components: result.end },
  ];
}

/** Clamps sentence spans to the text, keeping each one's index; drops empty or malformed ones. */
function validSentences(text: string, sentences: readonly Span[]): { span: Span; index: number }[] {
  const valid: { span: Span; index: number }[] = [];
  sentences.forEach((sentence, index) => {
    const start = Math.max(0, Math.min(Math.floor(sentence.start), text.length));
    const end = Math.max(0, Math.min(Math.floor(sentence.end), text.length));
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) valid.push({ span: { start, end }, index });
  });
  return valid;
}

/** A date of one sentence with its relation, offsets in the text. */
interface SentenceDate extends DateReading {
  readonly relation: DateRelation;
}

/** Reads the dates of one sentence: chrono's, then bare years chrono does not read. */
function datesOfSentence(text: string, span: Span, reference: Reference | null): SentenceDate[] {
  const readings: SentenceDate[] = [];
  const sentenceText = text.slice(span.start, span.end);
  const found: DateReading[] = [];
  for (const chunk of chunks(text, span)) {
    const chunkText = text.slice(chunk.start, chunk.end);
    const offset = chunk.start - span.start;
    for (const result of chrono.casual.parse(chunkText, reference?.chrono ?? NO_REFERENCE)) {
      const resultIndex = offset + result.index;
      if (rejection(result, sentenceText, resultIndex) !== null) continue;
      for (const expression of expressionsOf(result, offset)) {
        const reading = readExpression(expression, sentenceText, reference);
        if (reading !== null) found.push(trimLeadingWords(sentenceText, reading));
      }
    }
  }
  found.sort((left, right) => left.start - right.start);
  const fromChrono = found.length;
  let covering = 0;
  for (const match of sentenceText.matchAll(/\b\d{4}\b/g)) {
    const start = match.index ?? 0;
    const end = start + 4;
    while (covering < fromChrono && (found[covering]?.end ?? 0) <= start) covering++;
    if (covering < fromChrono && (found[covering]?.start ?? Infinity) < end) continue;
    if (!isYearAt(text, span.start + start, span.start + end)) continue;
    found.push({ start, end, value: match[0], precision: 'year', relative: false });
  }
  found.sort((left, right) => left.start - right.start);
  let previous: { relation: DateRelation; end: number } | null = null;
  for (const reading of found) {
    const last = readings.at(-1);
    if (last !== undefined && reading.start < last.end) continue;
    const relation = readRelation(sentenceText, reading.start, previous);
    readings.push({ ...reading, relation });
    previous = { relation, end: reading.end };
  }
  return readings.map((reading) => ({ ...reading, start: reading.start + span.start, end: reading.end + span.start }));
}

/**
 * Finds the dates in an article's sentences, normalised against its publication time
 * (`published`: ISO 8601 date or date-time, or null). See the module comment for the rules.
 * Relative dates are left out when `published` is null or unreadable; absolute ones stay.
 * chrono runs per sentence, only on sentences with a digit or a date word, and on pieces of at
 * most 1,000 characters, so the work stays linear in the text. Returns mentions in text order.
 */
export function findDates(text: string, sentences: readonly Span[], published: string | null): DateMention[] {
  const reference = readReference(published);
  const mentions: DateMention[] = [];
  for (const { span, index } of validSentences(text, sentences)) {
    if (!DATE_LIKE.test(text.slice(span.start, span.end))) continue;
    for (const date of datesOfSentence(text, span, reference)) {
      mentions.push({ start: date.start, end: date.end, value: date.value, precision: date.precision, relation: date.relation, relative: date.relative, sentence: index });
    }
  }
  // Overlapping sentence spans could read one date twice.
  mentions.sort((left, right) => left.start - right.start || left.end - right.end);
  return mentions.filter((mention, at) => at === 0 || mention.start !== mentions[at - 1]?.start || mention.end !== mentions[at - 1]?.end);
}
