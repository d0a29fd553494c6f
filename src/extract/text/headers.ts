import { makeDiagnostic, type Diagnostic } from '../../core/diagnostic.js';
import type { Removed } from '../../core/records.js';
import { isAgency, isPersonName, splitCredits } from './credits.js';
import { parseHeaderDate } from './dates.js';
import { BULLET, countWords, endsLikeSentence, type Line } from './lines.js';
import { foldText } from '../fold.js';

/** The metadata plain-text headers and credit lines carry. */
export interface HeaderFields {
  title: string | null;
  kicker: string | null;
  description: string | null;
  published: string | null;
  updated: string | null;
  outlet: string | null;
  credits: string[];
  byline: string | null;
}

/** What header reading builds up: the fields, and what it removed or could not read. */
export interface HeaderDraft {
  readonly fields: HeaderFields;
  readonly removed: Removed[];
  readonly diagnostics: Diagnostic[];
  readonly source: string;
}

/**
 * A rule for the top of an article: reads from `lines[position]` and returns how many lines
 * it consumed (0 when it does not apply). Rules fill `draft` as they go.
 */
export type LeadingHeaderRule = (lines: readonly Line[], position: number, draft: HeaderDraft) => number;

/**
 * A rule for the end of an article: looks at the line before `end` and returns how many lines
 * (counting back from `end`) it consumed.
 */
export type TrailingHeaderRule = (lines: readonly Line[], end: number, draft: HeaderDraft) => number;

/** Makes an empty draft. */
export function makeHeaderDraft(source: string): HeaderDraft {
  return {
    fields: { title: null, kicker: null, description: null, published: null, updated: null, outlet: null, credits: [], byline: null },
    removed: [],
    diagnostics: [],
    source,
  };
}

function addCredits(draft: HeaderDraft, names: readonly string[]): void {
  for (const name of names) if (!draft.fields.credits.includes(name)) draft.fields.credits.push(name);
}

function addByline(draft: HeaderDraft, people: readonly string[]): void {
  if (people.length === 0) return;
  const names = people.join(', ');
  draft.fields.byline = draft.fields.byline === null ? names : `${draft.fields.byline}, ${names}`;
}

/** Records a date, or a diagnostic when the text is not a date. */
function setDate(draft: HeaderDraft, field: 'published' | 'updated', value: string): boolean {
  const date = parseHeaderDate(value);
  if (date === null) {
    draft.diagnostics.push(makeDiagnostic('warning', 'unparsed-header', `could not read the ${field} date`, draft.source));
    return false;
  }
  if (draft.fields[field] === null) draft.fields[field] = date;
  return true;
}

/** A metadata field line: `## Title: …`, or a plain `Title: …` with a known key. */
const MARKED_FIELD = /^#{1,6}\s*([\p{L}][\p{L} _-]{0,30}?)\s*:\s*(.*)$/u;
const PLAIN_FIELD =
  /^(title|headline|date|published|updated|modified|source|outlet|publisher|site|author|authors|byline|url|link|section|category|supertitle|kicker|overline|description|summary|subtitle|standfirst)\s*:\s*(.+)$/i;

/** Applies one `key: value` field; returns false when the key means nothing to us. */
function applyField(draft: HeaderDraft, key: string, value: string): boolean {
  const fields = draft.fields;
  switch (key.toLowerCase().replace(/[\s_-]+/g, '')) {
    case 'title':
    case 'headline':
      fields.title = value === '' ? fields.title : value;
      return true;
    case 'supertitle':
    case 'kicker':
    case 'overline':
      fields.kicker = value === '' ? fields.kicker : value;
      return true;
    case 'description':
    case 'summary':
    case 'subtitle':
    case 'standfirst':
      fields.description = value === '' ? fields.description : value;
      return true;
    case 'date':
    case 'published':
    case 'publishdate':
    case 'pubdate':
      return value === '' || setDate(draft, 'published', value);
    case 'updated':
    case 'modified':
      return value === '' || setDate(draft, 'updated', value);
    case 'source':
    case 'outlet':
    case 'publisher':
    case 'site':
      fields.outlet = value === '' ? fields.outlet : value;
      return true;
    case 'author':
    case 'authors':
    case 'byline':
      if (value !== '') addByline(draft, [value.replace(/^by\s+/i, '')]);
      return true;
    default:
      return false;
  }
}

/**
 * A block of `## Key: value` (or plain `Title: …`, `Date: …`) fields at the top, as exported
 * by scrapers and archives. Unknown keys (`## Section: World`) are recorded as removed header.
 */
export const readFieldBlock: LeadingHeaderRule = (lines, position, draft) => {
  let consumed = 0;
  for (let line = lines[position]; line !== undefined; line = lines[position + consumed]) {
    const match = MARKED_FIELD.exec(line.text) ?? PLAIN_FIELD.exec(line.text);
    if (match === null) break;
    const [, key = '', value = ''] = match;
    if (!applyField(draft, key, value.trim())) draft.removed.push({ kind: 'header', text: line.text, rule: 'readFieldBlock' });
    consumed++;
  }
  return consumed;
};

/** Labelled date lines: "PUBLISHED : …", "Updated: …", "First published on …", "Posted …". */
const DATE_LINE = /^(published|first published|posted|updated|last updated|last modified|modified|date|dated)(?:\s+(?:on|at))?\s*[:：|-]?\s*(.+)$/i;

/** A byline line: "By Ana Ruiz", "By Ana Ruiz and Li Wei, Reuters". */
const BYLINE_LINE = /^(?:by|written by|words by)\s+(.+)$/i;

/** A title-shaped line: 1 to 30 words, not ending in a full stop (headlines rarely do). */
function isTitleShaped(line: Line | undefined): line is Line {
  if (line === undefined) return false;
  const words = countWords(line.text);
  return words >= 1 && words <= 30 && !/\.["'”’]?$/.test(line.text) && !BULLET.test(line.text);
}

/**
 * The title, and the kicker above it: a first line of at most four words followed by a longer
 * headline-shaped line is a topic label ("Kestria floods" over the headline), not the title.
 */
export const readKickerAndTitle: LeadingHeaderRule = (lines, position, draft) => {
  if (draft.fields.title !== null) return 0;
  const first = lines[position];
  const second = lines[position + 1];
  if (first === undefined) return 0;
  if (
    countWords(first.text) <= 4 &&
    isTitleShaped(first) &&
    isTitleShaped(second) &&
    countWords(second.text) > countWords(first.text) + 2 &&
    !BYLINE_LINE.test(second.text) &&
    !DATE_LINE.test(second.text)
  ) {
    draft.fields.kicker ??= first.text;
    draft.fields.title = second.text;
    return 2;
  }
  // A long first line that ends like a sentence is the story's lead, not a headline.
  const words = countWords(first.text);
  if (words > 40 || (words >= 15 && /\.["'”’]?$/.test(first.text) && lines.length > position + 1)) return 0;
  draft.fields.title = first.text;
  return 1;
};

/**
 * Cleans a title a scraper doubled and glued to the next headline on the page
 * ("Rescuers reach town. Rescuers reach town How X rebuilt its bridges"): the repeated phrase
 * is the title, and what follows its second copy is a link to another story.
 */
export const cleanRepeatedTitle: LeadingHeaderRule = (_lines, _position, draft) => {
  const title = draft.fields.title;
  if (title === null) return 0;
  const words = title.split(/\s+/);
  for (let length = Math.floor(words.length / 2); length >= 3; length--) {
    const phrase = foldText(words.slice(0, length).join(' '));
    if (foldText(words.slice(length, 2 * length).join(' ')) !== phrase) continue;
    const rest = words.slice(2 * length).join(' ');
    draft.fields.title = words.slice(0, length).join(' ').replace(/[.:;,]$/, '');
    if (rest !== '') draft.removed.push({ kind: 'related', text: rest, rule: 'cleanRepeatedTitle' });
    return 0;
  }
  return 0;
};

/** A byline without "By": a name and where the reporter files from ("Ana Ruiz in Halm"). */
const NAME_IN_PLACE = /^(.+?)\s+in\s+\p{Lu}[\p{L}'’. -]{1,40}$/u;

/** Page furniture under a title: reading times and relative timestamps ("3 min read", "2 hours ago"). */
const HEADER_FURNITURE = /^(?:\d+\s*(?:-|\s)?\s*min(?:ute)?s?\s+read|reading time:?\s*\d+\s*min(?:ute)?s?|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|just now|yesterday)$/i;

/** Reads one header line after the title: a date line, a byline or a bare date. */
function readHeaderLine(line: Line, draft: HeaderDraft): boolean {
  if (HEADER_FURNITURE.test(line.text)) {
    draft.removed.push({ kind: 'header', text: line.text, rule: 'readHeaderLines' });
    return true;
  }
  const placed = NAME_IN_PLACE.exec(line.text);
  if (placed !== null && countWords(line.text) <= 8) {
    const credits = splitCredits(placed[1] ?? '');
    if (credits !== null && credits.people.length > 0 && credits.organisations.length === 0) {
      addByline(draft, credits.people);
      return true;
    }
  }
  const dated = DATE_LINE.exec(line.text);
  if (dated !== null && countWords(line.text) <= 14) {
    const [, label = '', value = ''] = dated;
    const field = /updated|modified/i.test(label) ? 'updated' : 'published';
    if (parseHeaderDate(value) !== null) return setDate(draft, field, value);
  }
  const byline = BYLINE_LINE.exec(line.text);
  if (byline !== null && countWords(line.text) <= 12) {
    const credits = splitCredits(byline[1] ?? '');
    if (credits !== null && credits.people.length > 0) {
      addByline(draft, credits.people);
      addCredits(draft, credits.organisations);
      return true;
    }
  }
  if (countWords(line.text) <= 8 && !endsLikeSentence(line.text)) {
    const date = parseHeaderDate(line.text);
    if (date !== null && /\d{4}/.test(line.text)) {
      if (draft.fields.published === null) draft.fields.published = date;
      else draft.fields.updated ??= date;
      return true;
    }
  }
  return false;
}

/** How far below the title header lines (dates, bylines, a standfirst) are looked for. */
const HEADER_WINDOW_LINES = 6;

/**
 * The lines under the title: dates, bylines, and a standfirst (a sentence without a final
 * full stop that sits above the date or byline lines).
 */
export const readHeaderLines: LeadingHeaderRule = (lines, position, draft) => {
  let consumed = 0;
  while (consumed < HEADER_WINDOW_LINES) {
    const line = lines[position + consumed];
    if (line === undefined) break;
    if (readHeaderLine(line, draft)) {
      consumed++;
      continue;
    }
    // A standfirst counts only when header lines follow it: otherwise it is the story's lead.
    const isStandfirst =
      draft.fields.description === null &&
      !endsLikeSentence(line.text) &&
      countWords(line.text) >= 6 &&
      countWords(line.text) <= 60 &&
      lines.slice(position + consumed + 1, position + HEADER_WINDOW_LINES).some((next) => readHeaderLine(next, makeHeaderDraft(draft.source)));
    if (!isStandfirst) break;
    draft.fields.description = line.text;
    consumed++;
  }
  return consumed;
};

/** The title printed again as the body's first line (common after a field block). */
export const dropRepeatedTitle: LeadingHeaderRule = (lines, position, draft) => {
  const line = lines[position];
  if (line === undefined || draft.fields.title === null || foldText(line.text) !== foldText(draft.fields.title)) return 0;
  draft.removed.push({ kind: 'header', text: line.text, rule: 'dropRepeatedTitle' });
  return 1;
};

/** The rules for the top of an article, in order. */
export const LEADING_HEADER_RULES: readonly LeadingHeaderRule[] = [
  readFieldBlock,
  readKickerAndTitle,
  cleanRepeatedTitle,
  readHeaderLines,
  dropRepeatedTitle,
];

/**
 * A credit line at the end: "- AFP", "— Reuters/dpa", "Ana Ruiz, Reuters, AFP",
 * "• Ana Ruiz", "(Reporting by Ana Ruiz; Editing by Li Wei)", or a lone agency or name.
 */
export const readTrailingCredit: TrailingHeaderRule = (lines, end, draft) => {
  const line = lines[end - 1];
  if (line === undefined || line.text.length > 200) return 0;
  const text = line.text;
  // "Ana Ruiz in Halm contributed to this report." names helpers, not the author.
  if (/\bcontributed(?: reporting)? to this (?:report|story|article)\.?$/i.test(text) && countWords(text) <= 30) {
    draft.removed.push({ kind: 'credit', text, rule: 'readTrailingCredit' });
    return 1;
  }
  const dashed = /^[-–—]+\s*(.+)$/.exec(text);
  const bulleted = /^[•*·▪]\s*(.+)$/.exec(text);
  const reporting = /^\(?\s*((?:additional )?reporting by .+?)\s*\)?\.?$/i.exec(text);
  let body: string;
  if (dashed !== null) body = dashed[1] ?? '';
  else if (bulleted !== null) body = bulleted[1] ?? '';
  else if (reporting !== null) {
    const people = (reporting[1] ?? '')
      .split(/;/)
      .map((part) => part.trim().replace(/^(?:additional )?(?:reporting|editing|writing|compiled) by\s+/i, ''));
    const credits = people.map((part) => splitCredits(part));
    if (credits.some((credit) => credit === null)) return 0;
    for (const credit of credits) {
      addByline(draft, credit?.people ?? []);
      addCredits(draft, credit?.organisations ?? []);
    }
    return 1;
  } else body = text;
  if (endsLikeSentence(body) && !/^\p{Lu}{2,6}\.$/u.test(body)) return 0;
  const credits = splitCredits(body.replace(/^\((.*)\)$/, '$1'));
  if (credits === null) return 0;
  const plain = dashed === null && bulleted === null;
  // An undecorated last line counts only when it is surely a credit: it names an agency, or
  // it is one person's name.
  if (plain && !credits.organisations.some(isAgency) && !(credits.people.length === 1 && credits.organisations.length === 0 && isPersonName(body))) {
    return 0;
  }
  addByline(draft, credits.people);
  addCredits(draft, credits.organisations);
  return 1;
};

/** The rules for the end of an article, in order; each may apply to several lines. */
export const TRAILING_HEADER_RULES: readonly TrailingHeaderRule[] = [readTrailingCredit];
