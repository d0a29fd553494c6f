import type { Span } from '../../core/span.js';
import { STOPWORDS } from '../stopwords.js';
import { EVENT_HEADS, HONORIFICS, LEGAL_SUFFIXES, MONTHS, NAME_CONNECTORS, NAME_PARTICLES, NOT_NAMES, ORGANIZATION_HEADS, OTHER_HEADS, PLACE_HEADS, TITLE_ABBREVIATIONS, WEEKDAYS } from './cues.js';
import { Is, type Gazetteer } from './gazetteers.js';
import { ROLE_HEADS, ROLE_MODIFIERS, roleText } from './roles.js';
import { isCapitalized, isWord, type Token } from './words.js';

/**
 * Candidate names: runs of words written as names. Capital letters are evidence of a name only
 * where English does not capitalise anyway; at the start of a sentence, after an opening quote,
 * and in headlines (all capitals or every word capitalised) a word counts as a name only when
 * the gazetteer or the rest of the document says so. Runs are then cut where a title ends
 * ("Foreign Minister | Sergei Lavrov") or a nationality starts ("Australian | Tom Moody").
 */

/** A stretch of tokens read together: a sentence, or text outside every sentence. */
export interface Segment {
  readonly first: number;
  /** One past the last token. */
  readonly end: number;
  /** All capitals or every word capitalised: capitalisation says nothing here. */
  readonly headline: boolean;
}

/** Where each token stands: the segments, and whether each token's capital letter is evidence of a name. */
export interface Layout {
  readonly segments: readonly Segment[];
  /** Per token, 1 where a capital letter is required by position (sentence start, headline…). */
  readonly unreliable: Uint8Array;
}

/** How a word is written across the document, by key. */
export interface Evidence {
  /** Occurrences in lower case. */
  readonly lower: Map<string, number>;
  /** Capitalised occurrences where capitalisation is evidence (mid-sentence, not in a headline). */
  readonly capitalized: Map<string, number>;
  /** Words written after a first name or an initial ("Marta Quill", "P. Quill"): surnames, even when also common words. */
  readonly surnames: Set<string>;
}

/** A candidate name: tokens `[first, end)`, with the cues found around it. */
export interface Candidate {
  readonly first: number;
  readonly end: number;
  readonly segment: number;
  /** Written after a courtesy title ("Mr", "Dr"). */
  readonly honorific: boolean;
  /** A role or title given to it, lower-cased, or null. */
  readonly role: string | null;
  /** Its tokens matched one gazetteer entry as a whole (possibly across "of", "and"…). */
  readonly gazetteerFlags: number;
}

/** Punctuation after which the next word is capitalised by position. */
const OPENERS = new Set(['"', '“', '‘', "'", ':', '-', '–', '—', '*', '•', '>', '|']);

/** Latin letters: the lexicons say which capitalised words are common only for these. */
const LATIN = /\p{Script=Latin}/u;

/** Codes with digits ("M1", "H1", "F-16") are not names unless a list has them. */
const DIGIT = /\p{N}/u;

/** Headline detection: at least this many words with letters, and this share of them capitalised. */
const HEADLINE_MIN_WORDS = 4;
const CAPITALS_SHARE = 0.6;

/** Flags of names strong enough to be believed at a sentence start, when the word is also common. */
const STRONG_NAME = Is.country | Is.region | Is.city | Is.organization | Is.demonym | Is.event | Is.person;

/** Words that are never names on their own. */
function isNeverName(key: string): boolean {
  return NOT_NAMES.has(key) || WEEKDAYS.has(key) || MONTHS.has(key);
}

/** A courtesy title or abbreviated rank: before a period or a capitalised word ("Sen. Halvik", but "Hun Sen said"). */
function isTitleAt(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  if (!HONORIFICS.has(token.key) && !TITLE_ABBREVIATIONS.has(token.key)) return false;
  const next = tokens[index + 1];
  return next !== undefined && (next.text === '.' || isCapitalized(next));
}

/** Roman numerals after a name ("Elizabeth II", "Pedro I"). */
const ROMAN_NUMERAL = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X|XI{1,3})$/u;

/** A name word that is written in lower case with its particle joined ("al-Assad", "el-Sheikh", "bin-Talal"). */
const JOINED_PARTICLE = /^(?:al|el|ad|ash|as|bin|ibn|abu|ben|de|d|di|da|du|van|von)[-'’]\p{Lu}/u;

/**
 * Splits the tokens into segments (the given sentences, and the text between them), and marks
 * where capitalisation is positional: the first word of a segment, a word after an opening
 * quote, bracket or colon, a word after a line break, and every word of a headline.
 */
export function layOut(text: string, tokens: readonly Token[], sentences: readonly Span[], lists: Gazetteer): Layout {
  const unreliable = new Uint8Array(tokens.length);
  const segments: Segment[] = [];
  const ordered = [...sentences].sort((a, b) => a.start - b.start);
  let sentenceIndex = 0;
  let lineBreak = -1;
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    while (sentenceIndex < ordered.length && (ordered[sentenceIndex]?.end ?? 0) <= token.start) sentenceIndex++;
    const sentence = ordered[sentenceIndex];
    const inside = sentence !== undefined && sentence.start <= token.start;
    if (lineBreak < token.start) {
      const found = text.indexOf('\n', token.start);
      lineBreak = found < 0 ? text.length : found;
    }
    // Outside every sentence, a segment runs to the next sentence or line break.
    const limit = inside ? sentence.end : Math.min(sentence?.start ?? text.length, lineBreak);
    const first = index;
    while (index < tokens.length && (tokens[index]?.start ?? 0) < limit) index++;
    if (index === first) index++;
    // A sentence split after an abbreviation inside a name ("the U.S. | Open") is undone.
    while (inside && index < tokens.length && isFalseBoundary(text, tokens, index)) {
      const continued = tokens[index] as Token;
      while (sentenceIndex < ordered.length && (ordered[sentenceIndex]?.end ?? 0) <= continued.start) sentenceIndex++;
      const next = ordered[sentenceIndex];
      if (next === undefined || next.start > continued.start) break;
      while (index < tokens.length && (tokens[index]?.start ?? 0) < next.end) index++;
    }
    const end = index;
    const headline = isHeadline(tokens, first, end, lists);
    segments.push({ first, end, headline });
    markPositions(text, tokens, first, end, headline, unreliable);
  }
  return { segments, unreliable };
}

/**
 * Whether the sentence boundary before token `index` is a splitter's mistake: the sentence before
 * ends in an abbreviation or initial ("U.S.", "St.", "P."), on the same line, and the next word is
 * capitalised but no function word ("the U.S. Open" but not "in the U.S. The…").
 */
function isFalseBoundary(text: string, tokens: readonly Token[], index: number): boolean {
  const next = tokens[index] as Token;
  let last = tokens[index - 1];
  if (last === undefined || !isCapitalized(next) || STOPWORDS.has(next.key)) return false;
  if (text.slice(last.end, next.start).includes('\n')) return false;
  if (last.text === '.') {
    const word = tokens[index - 2];
    if (word === undefined || word.end !== last.start || !(NAME_ABBREVIATIONS.has(word.key) || TITLE_ABBREVIATIONS.has(word.key) || HONORIFICS.has(word.key))) return false;
    last = word;
  }
  return last.shape === 'dotted' || last.shape === 'initial' || NAME_ABBREVIATIONS.has(last.key) || TITLE_ABBREVIATIONS.has(last.key) || HONORIFICS.has(last.key);
}

/**
 * A headline: mostly words in capitals, or (with enough words) every word capitalised and at
 * least half of them common words ("Minister Meets Rebel Leaders") — a list of names is not one.
 */
function isHeadline(tokens: readonly Token[], first: number, end: number, lists: Gazetteer): boolean {
  let letterWords = 0;
  let capitals = 0;
  let capitalized = 0;
  let commonCapitalized = 0;
  let lowerContent = 0;
  for (let index = first; index < end; index++) {
    const token = tokens[index] as Token;
    if (!isWord(token) || token.shape === 'caseless') continue;
    letterWords++;
    if (token.shape === 'upper') capitals++;
    if (isCapitalized(token)) {
      capitalized++;
      if ((lists.flags(token.key, false) & (Is.common | STRONG_NAME | Is.firstName | Is.lastName)) === Is.common) commonCapitalized++;
    } else if (!STOPWORDS.has(token.key) && !NAME_CONNECTORS.has(token.key)) lowerContent++;
  }
  if (capitals >= 2 && capitals >= letterWords * CAPITALS_SHARE) return true;
  return capitals <= 1 && capitalized >= HEADLINE_MIN_WORDS && lowerContent === 0 && commonCapitalized * 2 >= capitalized;
}

function markPositions(text: string, tokens: readonly Token[], first: number, end: number, headline: boolean, unreliable: Uint8Array): void {
  let expectStart = true;
  for (let index = first; index < end; index++) {
    const token = tokens[index] as Token;
    if (headline) {
      unreliable[index] = 1;
      continue;
    }
    if (!isWord(token)) {
      if (OPENERS.has(token.text)) expectStart = true;
      continue;
    }
    const previous = tokens[index - 1];
    const afterBreak = previous !== undefined && text.slice(previous.end, token.start).includes('\n');
    if (expectStart || afterBreak) unreliable[index] = 1;
    expectStart = false;
  }
}

/** Whether a capitalised word stands next to another, so it may be capitalised as part of a longer name. */
function nextToName(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  return (before !== undefined && isCapitalized(before)) || (after !== undefined && isCapitalized(after));
}

/**
 * Counts how each word is written where it is written freely. A capitalised word counts only
 * standing alone ("Bush said"), not inside a longer name ("Test and County Cricket Board").
 */
export function gatherEvidence(tokens: readonly Token[], layout: Layout, lists: Gazetteer): Evidence {
  const lower = new Map<string, number>();
  const capitalized = new Map<string, number>();
  const surnames = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.shape === 'lower') lower.set(token.key, (lower.get(token.key) ?? 0) + 1);
    else if (token.shape !== 'title' || layout.unreliable[index] === 1) return;
    else if (!nextToName(tokens, index)) capitalized.set(token.key, (capitalized.get(token.key) ?? 0) + 1);
    else {
      const previous = tokens[index - 1];
      if (previous !== undefined && (previous.shape === 'initial' || (previous.shape === 'title' && (lists.flags(previous.key, false) & Is.firstName) !== 0))) surnames.add(token.key);
    }
  });
  return { lower, capitalized, surnames };
}

/**
 * Whether a capitalised token may be (part of) a name. Where capitals are positional, a common
 * word needs the document's support (written capitalised mid-sentence, never in lower case) or
 * a strong gazetteer entry; an unknown word is taken as a name.
 */
function isNameWord(tokens: readonly Token[], index: number, layout: Layout, evidence: Evidence, lists: Gazetteer): boolean {
  const token = tokens[index] as Token;
  const next = tokens[index + 1];
  if (token.shape === 'initial') return next !== undefined && isCapitalized(next);
  if (token.shape === 'lower') return JOINED_PARTICLE.test(token.text);
  if (!isCapitalized(token) || DIGIT.test(token.text) || isTitleAt(tokens, index)) return false;
  if (isNeverName(token.key) && !isCalendarFirstName(tokens, index, lists)) return false;
  // Function words are no names, even capitalised ("Brennick How Ostravia Rebuilt…"); listed names keep theirs ("The Hague").
  if (STOPWORDS.has(token.key)) return false;
  if (layout.unreliable[index] === 0) return true;
  const lowerCount = evidence.lower.get(token.key) ?? 0;
  if (((evidence.capitalized.get(token.key) ?? 0) > 0 && lowerCount === 0) || evidence.surnames.has(token.key)) return true;
  if (!LATIN.test(token.text)) return false;
  const flags = lists.flags(token.key, token.shape === 'upper' || token.shape === 'dotted');
  if ((flags & Is.common) === 0 && !isCommonCompound(token.key, lists) && !isCommonPlural(token.key, flags, lists) && !isClosedCompound(token.key, flags, lists)) return true;
  if ((flags & STRONG_NAME) !== 0 && lowerCount === 0) return true;
  // A surname that is also a common word, after a first name ("KEVIN BROWN").
  const previous = tokens[index - 1];
  if ((flags & Is.lastName) !== 0 && previous !== undefined && isCapitalized(previous) && (lists.flags(previous.key, false) & Is.firstName) !== 0) return true;
  // A common word opening a name that goes on with freely capitalised words ("Red Star", "World Series").
  return (
    next !== undefined &&
    (flags & Is.notNoun) === 0 &&
    !token.key.includes('-') &&
    layout.unreliable[index + 1] === 0 &&
    isCapitalized(next) &&
    !isNeverName(next.key) &&
    !ROLE_HEADS.has(token.key) &&
    !ROLE_MODIFIERS.has(token.key) &&
    !ROLE_HEADS.has(next.key)
  );
}

/** Words before a month or weekday that make it a date ("to June", "last May"). */
const DATE_LEADS = new Set(['in', 'on', 'to', 'from', 'until', 'till', 'since', 'by', 'of', 'last', 'next', 'this', 'early', 'late', 'mid', 'during', 'before', 'after', 'between', 'and', 'through', 'for']);

/**
 * A month or weekday that is a first name before a surname here ("Jan Kroslak", "May Smith"):
 * no preposition before it, a capitalised word after it.
 */
function isCalendarFirstName(tokens: readonly Token[], index: number, lists: Gazetteer): boolean {
  const token = tokens[index] as Token;
  const next = tokens[index + 1];
  const previous = tokens[index - 1];
  if (!(MONTHS.has(token.key) || WEEKDAYS.has(token.key)) || (lists.flags(token.key, false) & Is.firstName) === 0) return false;
  if (previous !== undefined && DATE_LEADS.has(previous.key)) return false;
  return next !== undefined && (next.shape === 'title' || next.shape === 'upper') && !isNeverName(next.key);
}

/** The plural of a common word ("Scorers", "Wickets"), for a word that is no name itself. */
function isCommonPlural(key: string, flags: number, lists: Gazetteer): boolean {
  return key.length > 3 && key.endsWith('s') && (flags & ~Is.common) === 0 && (lists.flags(key.slice(0, -1), false) & Is.common) !== 0;
}

/**
 * A hyphenated adjective made from a name ("Ontario-based", "Amman-bound", "U.S.-led"): a name of
 * its own, never part of the name beside it.
 */
export function isDerivedAdjective(token: Token): boolean {
  const dash = token.text.lastIndexOf('-');
  if (dash <= 0 || !isCapitalized(token)) return false;
  const suffix = token.text.slice(dash + 1);
  return /^\p{Ll}+ed$/u.test(suffix) || DERIVING_SUFFIXES.has(suffix);
}

/** Last parts of hyphenated adjectives made from names, besides participles in "-ed". */
const DERIVING_SUFFIXES = new Set(['born', 'bound', 'led', 'run', 'made', 'built', 'held', 'style', 'wide', 'speaking', 'leaning', 'area', 'era', 'type']);

/**
 * A word written as two common words closed up ("Floodwaters", "Policymakers"), for a word that
 * is no name itself. Each part has three letters or more.
 */
function isClosedCompound(key: string, flags: number, lists: Gazetteer): boolean {
  if ((flags & ~Is.common) !== 0 || key.length < 6) return false;
  const isCommon = (part: string): boolean => (lists.flags(part, false) & Is.common) !== 0;
  for (let cut = 3; cut <= key.length - 3; cut++) {
    const tail = key.slice(cut);
    if (isCommon(key.slice(0, cut)) && (isCommon(tail) || (tail.endsWith('s') && isCommon(tail.slice(0, -1))))) return true;
  }
  return false;
}

/** A hyphenated word whose parts are all common words ("Quarter-final", "Pro-soccer"). */
function isCommonCompound(key: string, lists: Gazetteer): boolean {
  if (!key.includes('-')) return false;
  return key.split('-').every((part) => part === '' || /^\d+$/u.test(part) || (lists.flags(part, false) & Is.common) !== 0);
}

/**
 * The longest gazetteer entry starting at token `index`, written as a name (its words
 * capitalised, lower-case connectors allowed inside), as the number of tokens and its flags.
 */
function gazetteerMatch(tokens: readonly Token[], index: number, end: number, lists: Gazetteer): { length: number; flags: number } | null {
  let key = '';
  let best: { length: number; flags: number } | null = null;
  for (let length = 1; length <= lists.longestEntry && index + length <= end; length++) {
    const token = tokens[index + length - 1] as Token;
    const connector = token.shape === 'lower' && NAME_CONNECTORS.has(token.key);
    if (!isCapitalized(token) && !connector && !(token.text === '&')) break;
    key = length === 1 ? token.key : `${key} ${token.key}`;
    if (connector || token.text === '&') continue;
    const capitals = tokens.slice(index, index + length).every((part) => part.shape === 'upper' || part.shape === 'dotted' || !isWord(part));
    const flags = lists.flags(key, capitals);
    if (flags !== 0 && (flags & ~Is.common) !== 0) best = { length, flags };
  }
  return best;
}

/**
 * The most words a name may have. Longer capitalised stretches (title-case text, tables in
 * capitals) are no names, and bounding runs keeps the work per run constant.
 */
const MAX_NAME_TOKENS = 12;

/** Particles that open a surname written without the given name ("de Silva"). */
const LEADING_PARTICLES = new Set(['de', 'da', 'di', 'du', 'dos', 'del', 'della', 'van', 'von', 'der', 'ter', 'ten', 'bin', 'ibn']);

/** Abbreviations whose period belongs to the name ("St. Louis", "Acme Inc."). */
export const NAME_ABBREVIATIONS: ReadonlySet<string> = new Set(['st', 'mt', 'ft', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'bros', 'no']);

/** The head word of an organisation, place, event or other name. */
function isHeadWord(key: string): boolean {
  return ORGANIZATION_HEADS.has(key) || PLACE_HEADS.has(key) || EVENT_HEADS.has(key) || OTHER_HEADS.has(key);
}

/** Heads after which "of" continues a name ("Bank of England", "Secretary of State"); not company suffixes. */
function takesOf(key: string): boolean {
  if (LEGAL_SUFFIXES.has(key)) return false;
  return ORGANIZATION_HEADS.has(key) || PLACE_HEADS.has(key) || EVENT_HEADS.has(key) || OTHER_HEADS.has(key) || ROLE_HEADS.has(key) || key === 'house' || key === 'duke';
}

/** Whether tokens `[first, end)` hold a capitalised role head: "of" then goes on with a title ("Minister of Internal Affairs of Kestria"). */
function hasRoleHead(tokens: readonly Token[], first: number, end: number): boolean {
  for (let index = first; index < end; index++) {
    const token = tokens[index] as Token;
    if (ROLE_HEADS.has(token.key) && isCapitalized(token)) return true;
  }
  return false;
}

/**
 * Whether "and" at `index` joins two halves of one organisation's name ("Test and County Cricket
 * Board", "Trade and Industry Ministry"): the name words after it end in an organisation head,
 * and those before it do not.
 */
function andJoins(tokens: readonly Token[], index: number, runFirst: number, end: number, isName: (at: number) => boolean): boolean {
  for (let before = runFirst; before < index; before++) if (ORGANIZATION_HEADS.has((tokens[before] as Token).key)) return false;
  let last = index;
  while (last + 1 < end && isName(last + 1)) last++;
  return last > index && ORGANIZATION_HEADS.has((tokens[last] as Token).key) && !LEGAL_SUFFIXES.has((tokens[last] as Token).key);
}

/**
 * Whether a possessive at `index` is inside an organisation's or place's name ("Boatmen's
 * Bancshares Inc", "Queen's Park"): the words before it are common words, not a name of their
 * own ("Kestria's Foreign Ministry" is two names), and the name after it ends in a head word.
 */
function possessiveJoins(tokens: readonly Token[], index: number, runFirst: number, end: number, isName: (at: number) => boolean, lists: Gazetteer): boolean {
  for (let before = runFirst; before < index; before++) {
    const flags = lists.flags((tokens[before] as Token).key, false);
    if ((flags & Is.common) === 0 || (flags & (STRONG_NAME | Is.firstName | Is.lastName)) !== 0) return false;
  }
  let last = index;
  while (last + 1 < end && isName(last + 1)) last++;
  const key = (tokens[last] as Token).key;
  return last > index && (ORGANIZATION_HEADS.has(key) || PLACE_HEADS.has(key));
}

/**
 * Runs of name words in each segment, with gazetteer phrases kept whole. Courtesy titles and
 * abbreviated ranks before a run are recorded on it and left out of it.
 */
export function findRuns(text: string, tokens: readonly Token[], layout: Layout, evidence: Evidence, lists: Gazetteer): Candidate[] {
  const runs: Candidate[] = [];
  layout.segments.forEach((segment, segmentIndex) => {
    let index = segment.first;
    while (index < segment.end) {
      const match = isCapitalized(tokens[index] as Token) ? gazetteerMatch(tokens, index, segment.end, lists) : null;
      const phrase = match !== null && match.length > 1 ? match : null;
      if (phrase === null && !isNameWord(tokens, index, layout, evidence, lists)) {
        index++;
        continue;
      }
      // A particle opening a surname belongs to it ("de Silva", "van Gaal").
      const particle = tokens[index - 1];
      const first = index > segment.first && particle !== undefined && particle.shape === 'lower' && LEADING_PARTICLES.has(particle.key) ? index - 1 : index;
      index = phrase === null ? index + 1 : index + phrase.length;
      if (!isDerivedAdjective(tokens[first] as Token)) index = extendRun(tokens, first, index, segment.end, layout, evidence, lists);
      const end = index;
      const titleIndex = previousWordIndex(tokens, first, segment.first);
      const titleToken = tokens[titleIndex];
      const titleKey = titleToken !== undefined && isCapitalized(titleToken) ? titleToken.key : '';
      const honorific = HONORIFICS.has(titleKey);
      const rank = TITLE_ABBREVIATIONS.get(titleKey) ?? null;
      const whole = phrase !== null && phrase.length === end - first ? phrase.flags : wholeFlags(tokens, first, end, lists);
      if (end - first > MAX_NAME_TOKENS || isNotAName(tokens, first, end, whole, evidence)) continue;
      runs.push({ first, end, segment: segmentIndex, honorific: honorific || rank !== null, role: rank, gazetteerFlags: whole });
    }
  });
  return runs.flatMap((run) => splitRun(text, tokens, run, layout.segments[run.segment]?.first ?? 0, lists));
}

/**
 * Runs that are not names after all: single letters only ("W D L"), or one common word with no
 * name entry that the document also writes in lower case ("Add Men 's singles" beside "men").
 */
function isNotAName(tokens: readonly Token[], first: number, end: number, flags: number, evidence: Evidence): boolean {
  let letters = 0;
  for (let index = first; index < end; index++) if ((tokens[index] as Token).text.length === 1) letters++;
  if (letters === end - first) return true;
  const key = (tokens[first] as Token).key;
  return end - first === 1 && (flags & Is.common) !== 0 && (flags & ~(Is.common | Is.notNoun)) === 0 && (evidence.lower.get(key) ?? 0) > 0;
}

/** The index of the word before `index` (skipping one period), or -1 before `floor`. */
function previousWordIndex(tokens: readonly Token[], index: number, floor: number): number {
  let previous = index - 1;
  if (tokens[previous]?.text === '.') previous--;
  return previous >= floor ? previous : -1;
}

/** The gazetteer flags of tokens `[first, end)` read as one key (0 when not an entry). */
function wholeFlags(tokens: readonly Token[], first: number, end: number, lists: Gazetteer): number {
  let key = '';
  let capitals = true;
  for (let index = first; index < end; index++) {
    const token = tokens[index] as Token;
    if (token.text === '.') continue;
    key = key === '' ? token.key : `${key} ${token.key}`;
    if (token.shape !== 'upper' && token.shape !== 'dotted') capitals = false;
  }
  return lists.flags(key, capitals);
}

/** Extends a run from `index`: more name words, name particles, "of" after a head, "&". */
function extendRun(tokens: readonly Token[], first: number, index: number, end: number, layout: Layout, evidence: Evidence, lists: Gazetteer): number {
  const isName = (at: number): boolean => isNameWord(tokens, at, layout, evidence, lists);
  let cursor = index;
  while (cursor < end) {
    const token = tokens[cursor] as Token;
    const previous = tokens[cursor - 1] as Token;
    if (isName(cursor)) {
      cursor++;
      // "New York-based" ends where the adjective does.
      if (isDerivedAdjective(token)) return cursor;
      continue;
    }
    if (ROMAN_NUMERAL.test(token.text) && (token.text !== 'I' || tokens[cursor + 1]?.shape === 'punctuation')) return cursor + 1;
    // In a headline, a head word goes on with the name before it ("HONG KONG OPEN", "ENGLISH COUNTY CHAMPIONSHIP").
    if (layout.unreliable[cursor] === 1 && isCapitalized(token) && isHeadWord(token.key)) {
      cursor++;
      continue;
    }
    // Particles, one or two ("van der Westhuizen").
    if (cursor - first > MAX_NAME_TOKENS) return cursor;
    let after = cursor;
    while (after < end && after < cursor + 2 && (tokens[after] as Token).shape === 'lower' && NAME_PARTICLES.has((tokens[after] as Token).key)) after++;
    if (after > cursor && after < end && isName(after)) {
      cursor = after;
      continue;
    }
    const next = tokens[cursor + 1];
    const nextIsName = next !== undefined && cursor + 1 < end && isName(cursor + 1);
    // Joins are weighed only in runs of name length, so a long capitalised stretch costs linear time.
    if (!nextIsName || cursor - first > MAX_NAME_TOKENS) return cursor;
    const joins =
      (token.text === '.' && NAME_ABBREVIATIONS.has(previous.key) && token.start === previous.end) ||
      token.text === '&' ||
      (token.key === 'of' && (takesOf(previous.key) || hasRoleHead(tokens, first, cursor))) ||
      ((token.key === 'for' || token.key === 'on') && ORGANIZATION_HEADS.has(previous.key) && !LEGAL_SUFFIXES.has(previous.key)) ||
      (token.key === 'and' && token.shape === 'lower' && andJoins(tokens, cursor, first, end, isName)) ||
      (token.shape === 'possessive' && possessiveJoins(tokens, cursor, first, end, isName, lists));
    if (!joins) return cursor;
    cursor++;
  }
  return cursor;
}

/**
 * Cuts a run where a leading nationality stands before another name ("Australian | Tom Moody",
 * "German | Foreign Ministry"), where a title ends ("Foreign Minister | Sergei Lavrov": the title
 * becomes the name's role), and before a country or region that follows another name ("Lebed |
 * Chechnya"). A run that is only a title is dropped.
 */
function splitRun(text: string, tokens: readonly Token[], run: Candidate, floor: number, lists: Gazetteer): Candidate[] {
  if ((run.gazetteerFlags & ~Is.common) !== 0) return [run];
  let titleWords = 0;
  let titleHeads = 0;
  for (let index = run.first; index < run.end; index++) {
    const key = (tokens[index] as Token).key;
    if (ROLE_HEADS.has(key)) titleHeads++;
    if (ROLE_HEADS.has(key) || ROLE_MODIFIERS.has(key)) titleWords++;
  }
  if (titleHeads > 0 && titleWords === run.end - run.first) return [];
  if (run.end - run.first < 2) return [run];
  const last = tokens[run.end - 1] as Token;
  // A head word closes one name, nationality and all ("American Stock Exchange", "Olympic Games").
  if (isHeadWord(last.key)) return [run];
  const nationality = splitNationality(tokens, run, lists);
  if (nationality !== null) return [nationality[0], ...splitRun(text, tokens, nationality[1], floor, lists)];
  const title = splitTitle(text, tokens, run, floor, lists);
  if (title !== null) return title;
  // A title closing the run names no one here; the words before it are a name ("FBI | Director", "Russian | Ambassador").
  if (ROLE_HEADS.has(last.key)) {
    let titleStart = run.end - 1;
    while (titleStart > run.first && ROLE_MODIFIERS.has((tokens[titleStart - 1] as Token).key)) titleStart--;
    if (titleStart > run.first) return splitRun(text, tokens, { ...run, end: titleStart, gazetteerFlags: wholeFlags(tokens, run.first, titleStart, lists) }, floor, lists);
  }
  // A listed name of two words or more closing the run, after another name ("Obama | White House").
  for (let index = run.first + 1; index < run.end - 1; index++) {
    const suffixFlags = wholeFlags(tokens, index, run.end, lists);
    if ((suffixFlags & STRONG_NAME) === 0) continue;
    const head: Candidate = { ...run, end: index, gazetteerFlags: wholeFlags(tokens, run.first, index, lists) };
    return [...splitRun(text, tokens, head, floor, lists), { ...run, first: index, honorific: false, role: null, gazetteerFlags: suffixFlags }];
  }
  // A head word or a listed name, then a personal name: two names ("Ostravian Federal Republic |
  // Lidiya Varosh", "UN | Nikki Haley").
  for (let index = run.first; index < run.end - 1; index++) {
    const token = tokens[index] as Token;
    const flags = lists.flags(token.key, token.shape === 'upper');
    const listedAlone = index === run.first && (flags & (Is.country | Is.region | Is.city | Is.organization)) !== 0 && (flags & (Is.common | Is.firstName)) === 0;
    const closesName = listedAlone || (index > run.first && isHeadWord(token.key));
    if (closesName && looksLikePersonalName(tokens, index + 1, run.end, lists)) {
      const organization: Candidate = { ...run, end: index + 1, honorific: false, role: null, gazetteerFlags: wholeFlags(tokens, run.first, index + 1, lists) };
      return [organization, ...splitRun(text, tokens, { ...run, first: index + 1, honorific: false, gazetteerFlags: wholeFlags(tokens, index + 1, run.end, lists) }, floor, lists)];
    }
  }
  // A country or region after another name ("Lebed Chechnya" in a headline), unless the name is one ("Air France").
  const lastFlags = lists.flags(last.key, last.shape === 'upper');
  const before = tokens[run.end - 2] as Token;
  if ((lastFlags & (Is.country | Is.region)) !== 0 && (lastFlags & Is.city) === 0) {
    const beforeFlags = lists.flags(before.key, before.shape === 'upper');
    const lone = run.end - 1 - run.first === 1 && (beforeFlags & Is.common) !== 0 && (beforeFlags & STRONG_NAME) === 0;
    if (!lone && !NAME_CONNECTORS.has(before.key) && before.text !== '&') {
      const head: Candidate = { ...run, end: run.end - 1, gazetteerFlags: wholeFlags(tokens, run.first, run.end - 1, lists) };
      return [...splitRun(text, tokens, head, floor, lists), { ...run, first: run.end - 1, honorific: false, role: null, gazetteerFlags: lastFlags }];
    }
  }
  return [run];
}

/**
 * Whether tokens `[first, end)` look like a personal name: an initial or a first name first, or
 * two or three capitalised words that are neither common words nor listed names.
 */
function looksLikePersonalName(tokens: readonly Token[], first: number, end: number, lists: Gazetteer): boolean {
  const opening = tokens[first] as Token;
  if (opening.shape === 'initial' || (lists.flags(opening.key, false) & Is.firstName) !== 0) return true;
  if (end - first < 2 || end - first > 3) return false;
  for (let index = first; index < end; index++) {
    const token = tokens[index] as Token;
    if (token.shape !== 'title' || lists.flags(token.key, false) !== 0) return false;
  }
  return true;
}

/**
 * A nationality (or a country before a personal name) opening a run, cut from the rest:
 * "Australian | Tom Moody", "Polish | NBP", "U.S. | P. Halvik"; but "American League" (one
 * common word after it) and "Bosnian Serbs" (nationalities throughout) stay whole.
 */
function splitNationality(tokens: readonly Token[], run: Candidate, lists: Gazetteer): [Candidate, Candidate] | null {
  const first = tokens[run.first] as Token;
  const firstFlags = lists.flags(first.key, first.shape === 'upper');
  if ((firstFlags & Is.firstName) !== 0) return null;
  const second = tokens[run.first + 1] as Token;
  const secondFlags = lists.flags(second.key, false);
  const personNext = (secondFlags & Is.firstName) !== 0 || second.shape === 'initial';
  const commonRest = run.end - run.first === 2 && (secondFlags & Is.common) !== 0;
  let restNationalities = true;
  for (let index = run.first + 1; index < run.end && restNationalities; index++) restNationalities = (lists.flags((tokens[index] as Token).key, false) & (Is.demonym | Is.other)) !== 0;
  const nationality = ((firstFlags & (Is.demonym | Is.other)) !== 0 && !commonRest && !restNationalities) || ((firstFlags & Is.country) !== 0 && personNext);
  if (!nationality) return null;
  return [
    { ...run, end: run.first + 1, honorific: false, role: null, gazetteerFlags: firstFlags },
    { ...run, first: run.first + 1, gazetteerFlags: wholeFlags(tokens, run.first + 1, run.end, lists) },
  ];
}

/**
 * Where the objects of a title end ("Secretary of State | Ana Brenn", "Minister of Internal
 * Affairs of Kestria | Tomash Khalvik"): each "of" or "for" takes one word, and the common words
 * after it ("Internal Affairs"), but no first name.
 */
function titleEnd(tokens: readonly Token[], from: number, end: number, lists: Gazetteer): number {
  const isOf = (index: number): boolean => (tokens[index] as Token).key === 'of' || (tokens[index] as Token).key === 'for';
  let index = from;
  while (index + 1 < end && isOf(index)) {
    index += 2;
    while (index < end && !isOf(index)) {
      const flags = lists.flags((tokens[index] as Token).key, false);
      if ((flags & Is.common) === 0 || (flags & Is.firstName) !== 0) break;
      index++;
    }
  }
  return index;
}

/**
 * A title inside a run, before the name: the last role head with name words after it
 * ("Interior Minister | Tomas Halvik", "Secretary of State | Ana Brenn"). The title, with its
 * modifiers (also those left out of the run by position, as "Interior" opening a sentence),
 * becomes the name's role; words before the title are a name of their own.
 */
function splitTitle(text: string, tokens: readonly Token[], run: Candidate, floor: number, lists: Gazetteer): Candidate[] | null {
  for (let index = run.end - 2; index >= run.first; index--) {
    const token = tokens[index] as Token;
    if (!ROLE_HEADS.has(token.key) || !isCapitalized(token)) continue;
    const nameStart = titleEnd(tokens, index + 1, run.end, lists);
    let roleStart = index;
    while (roleStart > run.first && ROLE_MODIFIERS.has((tokens[roleStart - 1] as Token).key)) roleStart--;
    const before: Candidate = { ...run, end: roleStart, honorific: false, role: null, gazetteerFlags: wholeFlags(tokens, run.first, roleStart, lists) };
    // Only a title ("the Minister of Internal Affairs said"): no name here.
    if (nameStart >= run.end) return roleStart === run.first ? [] : splitRun(text, tokens, before, floor, lists);
    let titleStart = roleStart;
    if (roleStart === run.first) while (titleStart > floor && ROLE_MODIFIERS.has(tokens[titleStart - 1]?.key ?? '')) titleStart--;
    const name: Candidate = { ...run, first: nameStart, role: roleText(text, tokens, titleStart, nameStart - 1), gazetteerFlags: wholeFlags(tokens, nameStart, run.end, lists) };
    if (roleStart === run.first) return [name];
    return [...splitRun(text, tokens, before, floor, lists), name];
  }
  return null;
}
