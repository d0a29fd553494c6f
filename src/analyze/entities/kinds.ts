import type { EntityKind } from '../../core/annotations.js';
import { EVENT_HEADS, LEGAL_SUFFIXES, NAME_CONNECTORS, NAME_PARTICLES, ORGANIZATION_HEADS, OTHER_HEADS, PLACE_HEADS, PLACE_PREFIXES, SURNAME_PLACE_HEADS } from './cues.js';
import { isDerivedAdjective, type Candidate, type Layout } from './candidates.js';
import { Is, type Gazetteer } from './gazetteers.js';
import { roleAfter, roleBefore } from './roles.js';
import type { Token } from './words.js';

/**
 * What kind of name each candidate is, from the strongest evidence available, in order: a title
 * or courtesy title; a dateline; a sports result around it; the gazetteer; the name's head word
 * ("… Bank", "… River", "… Summit"); a role before or after it; the form of a personal name;
 * the words around it ("the town of …", "… newspaper", "in …"); its shape. Then the document
 * decides what one reading cannot: in a sports report towns are teams; a surname seen in a full
 * name is that person's; a company named with its suffix once is that company without it; a
 * lone unknown word never part of a person's full name is taken for an organisation (news
 * introduces people by full name); and every mention of one name takes the kind of its
 * best-supported mention.
 */

/** How sure a kind is; a mention's kind only gives way to a surer one of the same name. */
const Sure = {
  /** A courtesy title, a title or role before or after the name. */
  cue: 5,
  /**
   * Settled by the document: a team in a line of sports results or after "beat", "v"; a
   * surname of a person named in full elsewhere.
   */
  document: 4,
  /** A gazetteer entry or a head word. */
  list: 3,
  /** The form of a personal name (a first name, an initial, a known surname). */
  form: 2,
  /** The preposition before it, an abbreviation in capitals. */
  context: 1,
  /** Nothing but a capital letter. */
  guess: 0,
} as const;

/** A candidate with its kind and role. */
export interface Typed {
  readonly candidate: Candidate;
  kind: EntityKind;
  sure: number;
  readonly role: string | null;
  /** The key of the whole name, for agreement across the document. */
  readonly key: string;
  /** Typed by where it stands (a dateline), which says nothing about other mentions of the name, nor they about it. */
  readonly pinned: boolean;
}

/** A particle joined to a surname by a hyphen or apostrophe ("al-", "el-", "d'"). */
const PARTICLE_PREFIX = /^(?:al|el|ad|ash|as|bin|ibn|abu|ben|de|d|di|da|du|van|von)[-']/u;

/** Prepositions before a place ("in Brennick", "at Headingley"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'outside', 'inside', 'across', 'throughout', 'via', 'towards', 'toward', 'around']);

/** Words that stand between two teams ("X beat Y", "X v Y"). */
const TEAM_LINKS = new Set(['v', 'vs', 'beat', 'beats', 'defeated', 'drew', 'draw', 'lost', 'edged', 'thrashed', 'routed', 'downed', 'overcame', 'overwhelmed', 'whipped', 'crushed', 'hammered', 'tied', 'trounced']);

const isName = (flags: number, mask: number): boolean => (flags & mask) !== 0;

/** The key of tokens `[first, end)`, periods left out. */
function keyOf(tokens: readonly Token[], first: number, end: number): string {
  const parts: string[] = [];
  for (let index = first; index < end; index++) {
    const token = tokens[index] as Token;
    if (token.text !== '.') parts.push(token.key);
  }
  return parts.join(' ');
}

/** Whether the run reads as a personal name: a first name or an initial first, or a known surname last. */
function personForm(tokens: readonly Token[], candidate: Candidate, lists: Gazetteer): boolean {
  const first = tokens[candidate.first] as Token;
  const last = tokens[candidate.end - 1] as Token;
  if (candidate.end - candidate.first < 2) return false;
  const firstFlags = lists.flags(first.key, false);
  if (first.shape === 'initial' || (first.shape === 'dotted' && first.text.length <= 5)) return true;
  if (isName(firstFlags, Is.firstName) && !isName(firstFlags, Is.country | Is.region | Is.city | Is.organization)) return true;
  return isName(lists.flags(last.key, false), Is.lastName);
}

const isCount = (token: Token | undefined): boolean => token !== undefined && token.shape === 'number' && /^\d+$/u.test(token.text);

/**
 * A team: next to a team link ("beat", "v"), followed by a score in a line of scores, or
 * opening a row of a standings table (two counts or more after it).
 */
function inTeamContext(tokens: readonly Token[], candidate: Candidate, scoreRuns: ReadonlySet<number>): boolean {
  const before = tokens[candidate.first - 1];
  const after = tokens[candidate.end];
  if ((before !== undefined && TEAM_LINKS.has(before.key)) || (after !== undefined && TEAM_LINKS.has(after.key))) return true;
  if (!isCount(after)) return false;
  return scoreRuns.has(candidate.segment) || isCount(tokens[candidate.end + 1]);
}

/** A country or nationality in brackets after the name: a competitor listed with their country ("Name (Kenya)"). */
function countryInBrackets(tokens: readonly Token[], candidate: Candidate, lists: Gazetteer): boolean {
  if (tokens[candidate.end]?.text !== '(') return false;
  let key = '';
  let index = candidate.end + 1;
  for (; index < tokens.length && index < candidate.end + 4 && tokens[index]?.text !== ')'; index++) {
    const token = tokens[index] as Token;
    key = key === '' ? token.key : `${key} ${token.key}`;
  }
  return tokens[index]?.text === ')' && isName(lists.flags(key, false) | lists.flags(key, true), Is.country | Is.region | Is.demonym);
}

/** Nouns for a kind of place, written before its name with "of" ("the town of Brennick") or after it ("Kestria province"). */
const PLACE_WORDS = new Set(['city', 'town', 'village', 'hamlet', 'region', 'province', 'district', 'state', 'capital', 'island', 'port', 'suburb', 'county', 'municipality', 'enclave', 'resort', 'valley', 'area', 'airport', 'river', 'border', 'outskirts', 'dam', 'reservoir', 'lake', 'bridge', 'checkpoint', 'crossing', 'camp']);

/** Nouns for a natural or built place written right before its name ("the river Aldane", "checkpoint Hollen"). */
const PLACE_WORDS_BEFORE = new Set(['river', 'lake', 'mount', 'island', 'village', 'town', 'city', 'checkpoint', 'camp', 'port']);

/** Adjectives that describe places, written before the name ("neighbouring Ostravia", "northern Kestria"). */
const PLACE_ADJECTIVES = new Set([
  'neighbouring', 'neighboring', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern',
  'southeastern', 'southwestern', 'north-eastern', 'north-western', 'south-eastern', 'south-western', 'coastal',
  'landlocked', 'war-torn', 'nearby', 'mainland', 'downtown', 'upstate',
]);

/** Directions before "of" ("east of Brennick"). */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west']);

/**
 * How sure a place noun beside the name makes it a place, or null: "the city of X", "east of X",
 * "the river X" and "neighbouring X" name the place; "X province" may also be an adjective
 * ("the Kestrian town").
 */
function besidePlaceWord(tokens: readonly Token[], candidate: Candidate, floor: number, ceiling: number): number | null {
  const before = tokens[candidate.first - 1];
  const word = tokens[candidate.first - 2];
  if (candidate.first - 2 >= floor && before?.key === 'of' && word?.shape === 'lower' && (PLACE_WORDS.has(word.key) || DIRECTIONS.has(word.key))) return Sure.list;
  if (candidate.first - 1 >= floor && before?.shape === 'lower' && PLACE_WORDS_BEFORE.has(before.key)) return Sure.list;
  if (candidate.first - 1 >= floor && before !== undefined && PLACE_ADJECTIVES.has(before.key)) return Sure.list;
  const after = tokens[candidate.end];
  const placeAfter = candidate.end < ceiling && after?.shape === 'lower' && PLACE_WORDS.has(after.key) && after.key !== 'capital' && after.key !== 'state';
  return placeAfter ? Sure.context : null;
}

/**
 * The kind an apposition gives a name: "X, the first town downstream" (a place), "X, the state
 * company" (an organisation). The noun comes within four words after the comma and an article.
 */
function appositiveKind(tokens: readonly Token[], end: number, ceiling: number): EntityKind | null {
  if (tokens[end]?.text !== ',') return null;
  let index = end + 1;
  if (!['the', 'a', 'an'].includes(tokens[index]?.key ?? '')) return null;
  for (index++; index < ceiling && index < end + 6; index++) {
    const token = tokens[index] as Token;
    if (token.shape !== 'lower' || tokens[index + 1]?.shape === 'possessive') return null;
    if (PLACE_WORDS.has(token.key)) return 'place';
    if (ORGANIZATION_WORDS.has(token.key)) return 'organization';
  }
  return null;
}

/** Nouns for an organisation, written beside its name ("the daily Kestria Herald", "Tanjug news agency"). */
const ORGANIZATION_WORDS = new Set(['newspaper', 'daily', 'weekly', 'magazine', 'agency', 'radio', 'television', 'broadcaster', 'company', 'firm', 'carrier', 'airline', 'insurer', 'lender', 'brokerage', 'bank', 'club', 'party', 'group', 'maker', 'manufacturer', 'retailer', 'conglomerate', 'unit', 'subsidiary']);

/** An organisation noun right after the name ("Sun newspaper") or right before it ("the daily Granma"). */
function besideOrganizationWord(tokens: readonly Token[], candidate: Candidate, floor: number, ceiling: number): boolean {
  const after = tokens[candidate.end];
  const before = tokens[candidate.first - 1];
  const beforeThat = tokens[candidate.first - 2];
  if (candidate.end < ceiling && after?.shape === 'lower' && ORGANIZATION_WORDS.has(after.key)) return true;
  return candidate.first - 2 >= floor && before?.shape === 'lower' && ORGANIZATION_WORDS.has(before.key) && (beforeThat?.key === 'the' || beforeThat?.key === 'a');
}

/**
 * A plural common noun capitalised mid-sentence ("the Tigers", "Saracens"): the name of a team,
 * band or movement.
 */
function isPluralGroupName(token: Token, layout: Layout, candidate: Candidate, lists: Gazetteer): boolean {
  if (token.shape !== 'title' || layout.unreliable[candidate.first] === 1 || !token.key.endsWith('s') || token.key.length < 4) return false;
  const flags = lists.flags(token.key, false);
  if ((flags & ~Is.common) !== 0) return false;
  const singular = token.key.endsWith('ies') ? `${token.key.slice(0, -3)}y` : token.key.slice(0, -1);
  return (lists.flags(singular, false) & Is.common) !== 0;
}

/** Endings of nationality words, and the endings of the place names they come from ("Zair|ean" ← "Zair|e"). */
const DEMONYM_ENDINGS = ['ians', 'ian', 'eans', 'ean', 'ans', 'an', 'ese', 'is', 'i', 'ish', 'ens', 'en', 's', ''];
const PLACE_ENDINGS = ['', 'a', 'ia', 'e', 'y', 'nya', 'istan', 'stan', 'land'];

/**
 * The place name, one that `isPlace` accepts, that a nationality or people is formed from:
 * "Zairean" (Zaire), "Tajik" (Tajikistan), "Chechens" (Chechnya), "Surinamese" (Suriname); or
 * null.
 */
function demonymBase(key: string, isPlace: (key: string) => boolean): string | null {
  for (const ending of DEMONYM_ENDINGS) {
    if (!key.endsWith(ending)) continue;
    const stem = key.slice(0, key.length - ending.length);
    if (stem.length < 3) continue;
    for (const placeEnding of PLACE_ENDINGS) {
      if (ending === '' && placeEnding === '') continue;
      if (isPlace(stem + placeEnding)) return stem + placeEnding;
    }
  }
  return null;
}

/** Every word names a nationality, faith or the like ("American Olympic"). */
function allNationalities(tokens: readonly Token[], candidate: Candidate, lists: Gazetteer): boolean {
  for (let index = candidate.first; index < candidate.end; index++) {
    if (!isName(lists.flags((tokens[index] as Token).key, false), Is.demonym | Is.other)) return false;
  }
  return true;
}

/**
 * A dateline: a name in capitals opening its sentence, followed by a date, a comma, a bracket or
 * a dash ("LONDON 1996-08-30", "KESTRA, Brennick (Wire) -"). Datelines name places.
 */
function isDateline(tokens: readonly Token[], candidate: Candidate, floor: number): boolean {
  if (candidate.first !== floor) return false;
  for (let index = candidate.first; index < candidate.end; index++) if ((tokens[index] as Token).shape !== 'upper') return false;
  const after = tokens[candidate.end];
  if (after === undefined) return false;
  return (after.shape === 'number' && /[-/]/u.test(after.text)) || after.text === ',' || after.text === '(' || after.text === '-' || after.text === '–' || after.text === '—';
}

/** The kind a head word gives: the last word ("… Bank"), or the word before "of" ("Gulf of …"). */
function headKind(tokens: readonly Token[], candidate: Candidate): EntityKind | null {
  if (candidate.end - candidate.first < 2) return null;
  let head = (tokens[candidate.end - 1] as Token).key;
  for (let index = candidate.first + 1; index < candidate.end; index++) {
    if ((tokens[index] as Token).key === 'of') {
      head = (tokens[index - 1] as Token).key;
      break;
    }
  }
  if (ORGANIZATION_HEADS.has(head)) return 'organization';
  if (EVENT_HEADS.has(head)) return 'event';
  if (OTHER_HEADS.has(head)) return 'other';
  if (PLACE_HEADS.has(head) || PLACE_PREFIXES.has((tokens[candidate.first] as Token).key)) return 'place';
  return null;
}

/** The kind the gazetteer gives a whole name, or null. Places before people ("Jordan"). */
function listKind(flags: number): { kind: EntityKind; sure: number } | null {
  if (isName(flags, Is.event)) return { kind: 'event', sure: Sure.list };
  if (isName(flags, Is.organization)) return { kind: 'organization', sure: Sure.list };
  if (isName(flags, Is.country | Is.region | Is.city)) return { kind: 'place', sure: Sure.list };
  if (isName(flags, Is.demonym | Is.other)) return { kind: 'other', sure: Sure.list };
  if (isName(flags, Is.person)) return { kind: 'person', sure: Sure.list };
  if (isName(flags, Is.town)) return { kind: 'place', sure: Sure.form };
  return null;
}

/**
 * Segments holding two names or more each followed by a number: result lines ("Somerset 83,
 * Leicestershire 296"), where the names are teams.
 */
function scoreSegments(tokens: readonly Token[], candidates: readonly Candidate[]): Set<number> {
  const counts = new Map<number, number>();
  for (const candidate of candidates) {
    if (isCount(tokens[candidate.end])) counts.set(candidate.segment, (counts.get(candidate.segment) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([segment]) => segment));
}

/** Types one candidate from its own evidence. */
function typeCandidate(text: string, tokens: readonly Token[], candidate: Candidate, layout: Layout, lists: Gazetteer, scoreRuns: ReadonlySet<number>): Typed {
  const key = keyOf(tokens, candidate.first, candidate.end);
  const make = (kind: EntityKind, sure: number, role: string | null = candidate.role, pinned = false): Typed => ({ candidate, kind, sure, role, key, pinned });
  const flags = candidate.gazetteerFlags;
  const segment = layout.segments[candidate.segment];
  const floor = segment?.first ?? 0;
  const ceiling = segment?.end ?? tokens.length;
  if (candidate.honorific || candidate.role !== null) return make('person', Sure.cue);
  if (isDateline(tokens, candidate, floor)) return make('place', Sure.context, null, true);
  const single = candidate.end - candidate.first === 1;
  const only = tokens[candidate.first] as Token;
  if (isDerivedAdjective(tokens[candidate.end - 1] as Token)) return make('other', Sure.list);
  // "Kestrian-Ostravian", "Arab-Israeli": a compound adjective of nationalities.
  const lastPart = only.key.slice(only.key.lastIndexOf('-') + 1);
  if (single && only.key.includes('-') && isName(lists.flags(lastPart, false), Is.demonym | Is.other)) return make('other', Sure.list);
  for (let index = candidate.first + 1; index < candidate.end - 1; index++) {
    if ((tokens[index] as Token).text === '&') return make('organization', Sure.list);
  }

  const listed = listKind(flags);
  const head = headKind(tokens, candidate);
  const competitor = listed === null && countryInBrackets(tokens, candidate, lists);
  const person = competitor || personForm(tokens, candidate, lists);
  if (!person && !isName(flags, Is.country | Is.demonym | Is.event | Is.other) && head !== 'event' && inTeamContext(tokens, candidate, scoreRuns)) {
    return make('organization', Sure.document);
  }
  if (listed !== null && listed.sure >= Sure.list) return make(listed.kind, listed.sure);
  // A few place heads are also surnames ("Anthony Hill"); other heads are not ("John Lewis Partnership").
  const lastKey = (tokens[candidate.end - 1] as Token).key;
  if (head !== null && !(head === 'place' && person && SURNAME_PLACE_HEADS.has(lastKey))) return make(head, Sure.list);
  if (!single && (isName(lists.flags(lastKey, false), Is.demonym) || allNationalities(tokens, candidate, lists))) return make('other', Sure.list);

  // A role makes a person of a name no list claims ("spokesman Ilja Morrow", "Oren Tasc, the foreign minister").
  if (!isName(flags, Is.organization | Is.country | Is.region | Is.city | Is.demonym)) {
    const role = roleBefore(text, tokens, candidate.first, floor) ?? roleAfter(text, tokens, candidate.end, ceiling);
    if (role !== null) return make('person', Sure.cue, role.text);
  }
  if (person) return make('person', Sure.form);
  // A small town that is also a known surname is read from the words around it ("the Obama administration").
  const surname = single && isName(lists.flags(only.key, false), Is.lastName);
  if (listed !== null && !(surname && listed.sure < Sure.list)) return make(listed.kind, listed.sure);

  const placeWord = besidePlaceWord(tokens, candidate, floor, ceiling);
  if (placeWord !== null) return make('place', placeWord);
  const described = appositiveKind(tokens, candidate.end, ceiling);
  if (described !== null) return make(described, Sure.list);
  const previous = tokens[candidate.first - 1];
  if (besideOrganizationWord(tokens, candidate, floor, ceiling)) return make('organization', Sure.context);
  if (previous !== undefined && candidate.first > floor && PLACE_PREPOSITIONS.has(previous.key)) return make('place', Sure.context);
  if (single && isPluralGroupName(only, layout, candidate, lists)) return make('organization', Sure.context);
  if (single && (only.shape === 'upper' || only.shape === 'dotted') && segment?.headline !== true) return make('organization', Sure.context);
  if (single && demonymBase(only.key, (place) => isName(lists.flags(place, false), Is.country | Is.region)) !== null) return make('other', Sure.context);
  const singleFlags = single ? lists.flags(only.key, false) : 0;
  if (isName(singleFlags, Is.firstName | Is.lastName)) return make('person', Sure.context);
  // Several words: a person's name unless a common word opens it or a connector joins it ("Red Star", "Bank of Kestria").
  if (!single) {
    const firstFlags = lists.flags(only.key, false);
    if (isName(firstFlags, Is.common) && !isName(firstFlags, Is.firstName | Is.lastName)) return make('organization', Sure.guess);
    for (let index = candidate.first; index < candidate.end; index++) {
      const key = (tokens[index] as Token).key;
      if (NAME_CONNECTORS.has(key) && !NAME_PARTICLES.has(key)) return make('organization', Sure.guess);
    }
  }
  return make('person', Sure.guess);
}

/**
 * In a sports report (two teams found or more), regions and towns are teams too ("Essex look
 * certain to…", "joined Newcastle"), except as venues: after "in", "at"…, or before a colon.
 * Countries keep being places: national teams are named by their country.
 */
function typeTeams(tokens: readonly Token[], typed: Typed[]): void {
  for (const mention of typed) {
    const { candidate } = mention;
    const flags = candidate.gazetteerFlags;
    if (mention.kind !== 'place' || mention.pinned || mention.sure > Sure.list || isName(flags, Is.country) || !isName(flags, Is.region | Is.city | Is.town)) continue;
    const previous = tokens[candidate.first - 1];
    if ((previous !== undefined && PLACE_PREPOSITIONS.has(previous.key)) || tokens[candidate.end]?.text === ':') continue;
    mention.kind = 'organization';
    mention.sure = Sure.document;
  }
}

/**
 * Types every candidate, then lets the document agree with itself: a single word that is part
 * of a person's full name elsewhere is that person; every mention of a name takes the kind of
 * its surest mention.
 */
export function typeCandidates(text: string, tokens: readonly Token[], candidates: readonly Candidate[], layout: Layout, lists: Gazetteer): Typed[] {
  const scoreRuns = scoreSegments(tokens, candidates);
  const typed = candidates.map((candidate) => typeCandidate(text, tokens, candidate, layout, lists, scoreRuns));

  // Two teams or more make a sports report.
  if (typed.filter((mention) => mention.sure === Sure.document).length >= 2) typeTeams(tokens, typed);

  // Each word of a full name, with how sure its person is.
  const personParts = new Map<string, number>();
  for (const mention of typed) {
    const { first, end } = mention.candidate;
    if (mention.kind !== 'person' || end - first < 2) continue;
    for (let index = first; index < end; index++) {
      const token = tokens[index] as Token;
      if (token.shape === 'initial' || NAME_PARTICLES.has(token.key) || token.key.length < 2) continue;
      // "al-Assad" is also written "Assad".
      for (const part of [token.key, token.key.replace(PARTICLE_PREFIX, '')]) personParts.set(part, Math.max(personParts.get(part) ?? 0, mention.sure));
    }
  }
  const organizationParts = new Set<string>();
  for (const mention of typed) {
    const { first, end } = mention.candidate;
    if (mention.kind !== 'organization' || mention.sure < Sure.list || end - first < 2 || !LEGAL_SUFFIXES.has((tokens[end - 1] as Token).key)) continue;
    for (let last = first + 1; last < end; last++) organizationParts.add(keyOf(tokens, first, last));
  }
  for (const mention of typed) {
    if (mention.pinned || mention.sure >= Sure.cue || isName(mention.candidate.gazetteerFlags, Is.country)) continue;
    // A surname met in a full name is that person, over anything but a surer reading ("Anthony Washington" … "Washington").
    const partSure = personParts.get(mention.key);
    if (mention.kind !== 'person' && mention.candidate.end - mention.candidate.first === 1 && partSure !== undefined && (partSure >= Sure.form || mention.sure < partSure)) {
      mention.kind = 'person';
      mention.sure = Sure.document;
    } else if (mention.kind !== 'organization' && mention.sure < Sure.list && organizationParts.has(mention.key)) {
      mention.kind = 'organization';
      mention.sure = Sure.list;
    }
  }

  // A nationality formed from a place the article names ("Ostravian" beside "Ostravia") is
  // a nationality, and that place a place.
  const places = new Set<string>();
  for (const mention of typed) {
    if (mention.kind !== 'place') continue;
    places.add(mention.key);
    // "Port Selwyn" also names "Selwyn" ("Selwynese").
    places.add((tokens[mention.candidate.end - 1] as Token).key);
  }
  const singles = typed.filter((mention) => mention.candidate.end - mention.candidate.first === 1);
  const singleKeys = new Set(singles.map((mention) => mention.key));
  const nationalities = new Set<string>();
  const namedPlaces = new Set<string>();
  for (const mention of singles) {
    const base = demonymBase(mention.key, (key) => key !== mention.key && (places.has(key) || singleKeys.has(key)));
    if (base === null) continue;
    nationalities.add(mention.key);
    namedPlaces.add(base);
  }
  for (const mention of singles) {
    if (mention.sure >= Sure.list) continue;
    if (nationalities.has(mention.key)) mention.kind = 'other';
    else if (namedPlaces.has(mention.key)) mention.kind = 'place';
    else continue;
    mention.sure = Sure.list;
  }

  // News introduces a person by full name; a lone unknown word never seen in one is more likely a club or company.
  for (const mention of typed) {
    if (mention.kind === 'person' && mention.sure === Sure.guess && mention.candidate.end - mention.candidate.first === 1 && !personParts.has(mention.key)) {
      mention.kind = 'organization';
    }
  }

  const best = new Map<string, Typed>();
  for (const mention of typed) {
    const current = best.get(mention.key);
    if (!mention.pinned && (current === undefined || mention.sure > current.sure)) best.set(mention.key, mention);
  }
  for (const mention of typed) {
    const surest = best.get(mention.key);
    if (!mention.pinned && surest !== undefined && surest.sure > mention.sure) mention.kind = surest.kind;
  }
  return typed;
}
