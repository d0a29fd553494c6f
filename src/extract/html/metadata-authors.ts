import { isAgency, isOrganisationName, isPersonName } from '../text/credits.js';
import { collapseWhiteSpace } from './dom.js';

/**
 * Author names as pages write them, cleaned: "By TOM ROE, Auto Writer Updated 1:39 am EST,
 * Nov. 20, 2019" is one person, "Ana Ruiz | Special to the Daily Post" is one person and an
 * affiliation, "@anaruiz" and profile URLs are no names at all.
 */

/** Names split into the people and the organisations (outlets, agencies, desks) among them. */
export interface AuthorNames {
  readonly people: readonly string[];
  readonly organisations: readonly string[];
}

const MONTH_NAMES = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY_NAMES = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?';

/** A word run into the end of a name without a space ("Ana RuizUpdated", "Ana RuizMay 10"). */
const GLUED = new RegExp(`(\\p{Ll})(?=(?:Updated|Published|Posted|${MONTH_NAMES}\\.?\\s*\\d|${DAY_NAMES}\\b|\\d))`, 'gu');

/**
 * Where a date or a time starts after a name: a label, a month before a number, a weekday, a
 * numeric date, a clock time, or "3 hours ago". Everything from there on is dropped.
 */
const DATE_TAIL = new RegExp(
  '(?:\\b(?:on|at)\\s+)?(?:' +
  [
    '\\b(?:first\\s+)?(?:updated|published|posted|modified|last\\s+updated)\\b',
    `\\b(?:on\\s+)?${MONTH_NAMES}\\.?\\s+\\d`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAMES}\\b`,
    `\\b${DAY_NAMES}\\b(?:,|\\s+(?:\\d|${MONTH_NAMES}\\b))`,
    '\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}',
    '\\b\\d{1,2}:\\d{2}',
    '\\b\\d+\\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\s+ago\\b',
    '\\b\\d+\\s*min(?:ute)?s?\\s+read\\b',
  ].join('|') +
  ')',
  'iu',
);

/** Labels in front of names. */
const LEADING_LABEL =
  /^(?:(?:(?:written|posted|reported|compiled|produced|story|words|text|report|reporting|analysis|commentary)\s+)?by|authors?|byline|writer|autor(?:a|es)?|auteur|por|par|texto?|texte|текст|автор)\s*[:：.-]?\s+/iu;

/** Parts that credit someone for something other than writing. */
const OTHER_CREDIT = /^(?:edit(?:ing|ed)|photos?|photograph(?:s|y)|graphics?|illustrations?|video|design|fact[- ]?check(?:ing|ed)?)\s+by\b/i;

/** The words of a job title. A trailing run of these is stripped when it holds a core word. */
const CORE_ROLES = new Set([
  'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor', 'editors', 'contributor',
  'contributors', 'columnist', 'columnists', 'staff', 'journalist', 'journalists', 'analyst', 'producer', 'photographer',
  'intern', 'bureau', 'author', 'host', 'anchor', 'desk', 'critic', 'blogger', 'freelancer', 'stringer', 'reviewer',
  'editor-at-large', 'at-large', 'reports',
]);
const ROLE_MODIFIERS = new Set([
  'senior', 'chief', 'associate', 'assistant', 'deputy', 'managing', 'executive', 'contributing', 'staff', 'special',
  'freelance', 'guest', 'opinion', 'political', 'politics', 'business', 'sports', 'science', 'tech', 'technology',
  'health', 'national', 'international', 'foreign', 'investigative', 'digital', 'video', 'data', 'economics', 'finance',
  'financial', 'entertainment', 'culture', 'arts', 'travel', 'food', 'climate', 'environment', 'education', 'legal',
  'crime', 'courts', 'markets', 'energy', 'auto', 'automotive', 'motoring', 'music', 'film', 'books', 'weather',
  'breaking', 'news', 'general', 'assignment', 'metro', 'local', 'state', 'city', 'world', 'europe', 'u.s.', 'us',
  'washington', 'white', 'house', 'and', '&', 'a', 'the', 'lead', 'global', 'community', 'social', 'media', 'features',
  'feature', 'field', 'photo', 'content', 'web', 'online', 'newsroom', 'team', 'retail', 'real', 'estate', 'property',
]);

/** Words that are not names when they stand alone as an author. */
const GENERIC_AUTHORS = new Set([
  'admin', 'administrator', 'staff', 'editor', 'editors', 'guest', 'anonymous', 'user', 'webmaster', 'author', 'unknown',
  'null', 'undefined', 'none', 'team', 'newsroom', 'redaction', 'redaktion', 'redacción', 'redação', 'redazione', 'desk',
  'web desk', 'news desk', 'online desk', 'staff writer', 'staff reporter', 'editorial staff', 'digital desk', 'staff reports',
]);

/** Separators between names and between a name and its affiliation. */
const NAME_SEPARATORS = /\s*(?:,|;|\||\/|&|\+|·|•|\s[-–—]\s|\s(?:and|And|AND|und|et|y|e|og|och|en)\s)\s*/u;

/** A web address of any kind: profiles and author pages are not names. */
const URL_LIKE = /^(?:https?:\/\/|www\.)|^[\w.-]+\/[\w./-]*$/i;

/** A domain written as a name ("Example.com"). */
const DOMAIN_NAME = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|org|net|info|news|co|co\.uk|io|in|ie|ca|au)$/iu;

/** Capitalises each word of a name written all in capitals or all in lower case. */
function fixCase(name: string): string {
  const letters = name.replace(/[^\p{L}]/gu, '');
  const allUpper = letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  const allLower = letters === letters.toLowerCase() && letters !== letters.toUpperCase();
  if (!(allUpper && name.includes(' ')) && !allLower) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * Drops a trailing job title ("Ana Ruiz Senior Correspondent" → "Ana Ruiz", "AP Auto Writer"
 * → "AP"). A name is not cut to one word unless that word is an acronym: "Ana White Staff
 * Writer" keeps "White", which is also a desk's word.
 */
function stripTrailingRole(part: string): string {
  const words = part.split(/\s+/);
  let cut = words.length;
  let hasCore = false;
  while (cut > 0) {
    const word = words[cut - 1]!.toLowerCase();
    if (!CORE_ROLES.has(word) && !ROLE_MODIFIERS.has(word)) break;
    hasCore ||= CORE_ROLES.has(word);
    cut--;
  }
  if (!hasCore) return part;
  if (cut < 2 && !/^\p{Lu}{2,6}$/u.test(words[0] ?? '')) cut = Math.min(2, words.length);
  return words.slice(0, cut).join(' ');
}

/** Whether every word of a part is a job-title word ("Staff Writer", "Senior Correspondent"). */
function isOnlyRole(part: string): boolean {
  const words = part.toLowerCase().split(/\s+/);
  return words.every((word) => CORE_ROLES.has(word) || ROLE_MODIFIERS.has(word)) && words.some((word) => CORE_ROLES.has(word));
}

/** A name in a script without letter case (Chinese, Japanese, Korean, Thai…): a few letters, no punctuation. */
const UNCASED_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Arabic}\p{Script=Hebrew}\s·・]{2,12}$/u;

/** Folds a name for de-duplication. */
export function foldName(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** How to read an author string. */
export interface AuthorOptions {
  /**
   * Give no names at all when any part is neither a name nor a job title (for visible text,
   * where "The council and its chair" must not yield a name). Default false.
   */
  readonly strict?: boolean;
  /** The outlet's names (and its domain's name), recognised as organisations and cut off names ("Ana Ruiz Daily Post"). */
  readonly outlets?: readonly string[];
}

/** Whether a run of words names an organisation that employs the writer: an agency, the outlet, or words in capitals. */
function isEmployer(words: readonly string[], outlets: ReadonlySet<string>): boolean {
  const text = words.join(' ');
  if (outlets.has(foldName(text))) return true;
  if (words.length > 1 && isAgency(text.toLowerCase())) return true;
  return words.length > 1 && words.every((word) => /^[\p{Lu}\d&.'’-]{2,}$/u.test(word));
}

/** "Ana Ruiz Daily Post" → "Ana Ruiz": an outlet or agency run into the end of a name. */
function stripTrailingEmployer(part: string, outlets: ReadonlySet<string>): string {
  const words = part.split(/\s+/);
  for (let length = Math.min(4, words.length - 2); length >= 1; length--) {
    const head = words.slice(0, words.length - length).join(' ');
    if (isEmployer(words.slice(words.length - length), outlets) && isPersonName(head)) return head;
  }
  return part;
}

/** Whether a name is an organisation's by its first word: a known agency or an acronym ("CNN Business", "AP National Security"). */
function startsWithOrganisation(name: string): boolean {
  const [first = '', ...rest] = name.split(/\s+/);
  if (rest.length === 0) return false;
  // Two capitals are initials as often as an agency ("AJ Rowe"): only a known agency counts then.
  return /^\p{Lu}{3,}$/u.test(first) || (/^\p{Lu}{2}$/u.test(first) && isAgency(first.toLowerCase()));
}

/**
 * Cleans one author string into names: labels ("By", "Author:"), dates and times glued on,
 * parentheses, e-mail addresses and handles removed; split at commas, "and", "&", "|";
 * job titles and employers dropped. A string that is a URL or a sentence gives no names.
 */
export function cleanAuthorNames(raw: string, options: AuthorOptions = {}): AuthorNames {
  const outlets = new Set((options.outlets ?? []).map(foldName).filter((name) => name.length >= 2));
  let text = collapseWhiteSpace(raw);
  if (text === '' || URL_LIKE.test(text) || /^@\w+$/.test(text)) return { people: [], organisations: [] };
  text = text.replace(GLUED, '$1 ');
  const tail = DATE_TAIL.exec(text);
  if (tail !== null) text = text.slice(0, tail.index);
  text = text
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/(?:^|\s)@\w+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  // "Ana Ruiz. Daily Post": a full stop after a name (not after an initial) ends it.
  text = collapseWhiteSpace(text)
    .replace(/(?<=\p{Ll}{2})\.\s+(?=\p{Lu})/gu, ', ')
    .replace(/[\s,;:|·•–—-]+$/u, '');
  const people: string[] = [];
  const organisations: string[] = [];
  const seen = new Set<string>();
  let unknown = 0;
  for (const piece of text.split(NAME_SEPARATORS)) {
    let part = piece.trim();
    while (LEADING_LABEL.test(part)) part = part.replace(LEADING_LABEL, '');
    if (part === '' || OTHER_CREDIT.test(part) || /^(?:special\s+to|for|at|from|of|in|with)\b/i.test(part)) continue;
    // "Ana Ruiz for the Daily Post": the affiliation is not part of the name.
    part = part.replace(/\s+(?:for|at|of)\s+(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*$/u, (match, offset: number) =>
      isPersonName(part.slice(0, offset)) ? '' : match,
    );
    part = stripTrailingRole(part.replace(/[.,:;]+$/, '').trim());
    if (part === '' || isOnlyRole(part) || GENERIC_AUTHORS.has(part.toLowerCase())) continue;
    const words = part.split(/\s+/);
    if (words.length > 6 || /\d/.test(part) || part.length > 60 || /[!?"“”]/.test(part)) {
      unknown++;
      continue;
    }
    const name = stripTrailingEmployer(fixCase(part), outlets);
    const key = foldName(name);
    if (key === '' || seen.has(key)) continue;
    const organisation = outlets.has(key) || startsWithOrganisation(name);
    if (!organisation && (isPersonName(name) || UNCASED_NAME.test(name))) {
      people.push(name);
      seen.add(key);
    } else if (organisation || isAgency(name) || isOrganisationName(name) || DOMAIN_NAME.test(name) || /^\p{Lu}[\p{L}'’.-]+$/u.test(name)) {
      organisations.push(name);
      seen.add(key);
    } else unknown++;
  }
  if (options.strict === true && unknown > 0) return { people: [], organisations: [] };
  return { people, organisations };
}
