import type { EntityKind, EntityMention } from '../core/annotations.js';
import type { StoryEntity } from '../core/records.js';
import type { Span } from '../core/span.js';
import { canonicalCountry } from './countries.js';
import { compareNameWords, comparePersonNames, nameWords, transliterationKey } from './name-match.js';
import { makeUnionFind } from './union-find.js';

/**
 * One name per entity across a story's articles. Mentions with the same folded name are one
 * form; forms are then joined when they name the same person, organisation or place:
 *
 * - a full personal name and its spellings: middle initials dropped ("Rex W. Tillerson"),
 *   other romanisations and case endings ("Yevgeny" / "Evgeniy") — a spelling variant is joined
 *   only with support: the two never appear in one article (one writer does not spell one name
 *   two ways) and their roles agree where both have one;
 * - a surname alone ("Lavrov", from "Mr Lavrov") to the one full name in its article with that
 *   surname (the nearest before it when there are several), else to the one in the story; two
 *   different people who share the surname are never joined;
 * - a country's formal and common names ("Russian Federation" / "Russia"), from the gazetteer,
 *   or for a country it does not know, state-form words around the name ("the Ostravian Federal
 *   Republic" / "Ostravia");
 * - an organisation's name romanised another way or run together ("Aldane Hydro" / "Aldanegidro"),
 *   and an acronym and the name whose initials it spells ("KUCE").
 *
 * A name's kind is decided once for the story, by the majority of its mentions.
 */

/** The mentions of one article, as {@link reconcileEntities} reads them. */
export interface ArticleMentions {
  readonly article: string;
  readonly text: string;
  readonly mentions: readonly EntityMention[];
}

/** The story's entities, and which entity each mention belongs to. */
export interface ReconciledEntities {
  /** Most mentioned first. */
  readonly entities: readonly StoryEntity[];
  /** The entity id of the mention at `span` in `article`, or null. */
  entityOf(article: string, span: Span): string | null;
}

/** Words that mark nothing about who a role-holder is, left out when roles are compared. */
const ROLE_FILLER = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'former', 'then', 'acting', 'deputy', 'senior', 'chief', 'top', 'new', 'its', 'his', 'her', 'their']);

/** Small words left out of an organisation's initials ("Union of Civil Engineers" → "UCE"). */
const INITIALS_FILLER = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'de', 'du', 'des', 'la', 'le', '&']);

/** One distinct name in the story: the folded words, and every mention written that way. */
interface Form {
  readonly words: readonly string[];
  /** The story-wide kind of the name. */
  readonly kind: EntityKind;
  readonly surfaces: Map<string, number>;
  readonly roles: Map<string, number>;
  readonly articles: Set<string>;
  readonly mentions: Array<{ article: string; span: Span; order: number }>;
}

/** The name as written, without a possessive ending or a leading article. */
export function cleanSurface(surface: string): string {
  return surface
    .replace(/\s+/g, ' ')
    .replace(/['’]s?$/u, '')
    .replace(/^the\s+/iu, '')
    .trim();
}

/** The key of a form: a country's canonical name for any of its names, else the folded words. */
function formKey(surface: string): string {
  const country = canonicalCountry(surface);
  return country === null ? nameWords(surface).join(' ') : `country:${country}`;
}

/** The entry with the largest count (the first such on a tie). */
function mostCounted<T>(counts: ReadonlyMap<T, number>): T | undefined {
  let best: T | undefined;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

function increment<T>(counts: Map<T, number>, key: T, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** The words of a role that say who the holder is. */
function roleWords(role: string): Set<string> {
  return new Set(nameWords(role).filter((word) => !ROLE_FILLER.has(word)));
}

/** Whether the roles of two forms disagree: both have roles, and no role word is shared. */
function rolesConflict(first: Form, second: Form): boolean {
  if (first.roles.size === 0 || second.roles.size === 0) return false;
  const firstWords = new Set([...first.roles.keys()].flatMap((role) => [...roleWords(role)]));
  for (const role of second.roles.keys()) for (const word of roleWords(role)) if (firstWords.has(word)) return false;
  return true;
}

function shareArticle(first: Form, second: Form): boolean {
  for (const article of first.articles) if (second.articles.has(article)) return true;
  return false;
}

/** The initials of a multi-word organisation name, upper-cased ("Kestrian Union of Civil Engineers" → "KUCE"). */
function initials(words: readonly string[]): string {
  return words
    .filter((word) => !INITIALS_FILLER.has(word))
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();
}

type Union = (x: number, y: number) => void;

/**
 * Collects the story's forms from every article's mentions. A name's kind is decided once for
 * the story, by the majority of its mentions: an article that types "Kestria" as a person is
 * outvoted by those that put something "in Kestria".
 */
function collectForms(articles: readonly ArticleMentions[]): Form[] {
  const named = articles.flatMap(({ article, text, mentions }) =>
    mentions.map((mention) => {
      const surface = cleanSurface(text.slice(mention.start, mention.end));
      return { article, mention, surface, nameKey: formKey(surface) };
    }),
  );
  const kindVotes = new Map<string, Map<EntityKind, number>>();
  for (const { mention, nameKey } of named) {
    const votes = kindVotes.get(nameKey) ?? new Map<EntityKind, number>();
    increment(votes, mention.kind);
    kindVotes.set(nameKey, votes);
  }
  const forms = new Map<string, Form>();
  for (const [order, { article, mention, surface, nameKey }] of named.entries()) {
    if (nameKey === '') continue;
    const words = nameKey.startsWith('country:') ? nameWords(surface) : nameKey.split(' ');
    const kind = mostCounted(kindVotes.get(nameKey)!) ?? mention.kind;
    // A surname alone may stand for different people in different places: each such mention is its own form.
    const key = kind === 'person' && words.length === 1 ? `${nameKey}#${order}` : nameKey;
    let form = forms.get(key);
    if (form === undefined) {
      form = { words, kind, surfaces: new Map(), roles: new Map(), articles: new Set(), mentions: [] };
      forms.set(key, form);
    }
    increment(form.surfaces, surface);
    if (mention.role !== null) increment(form.roles, mention.role);
    form.articles.add(article);
    form.mentions.push({ article, span: { start: mention.start, end: mention.end }, order });
  }
  return [...forms.values()];
}

/**
 * Joins full personal names that are one person: the same name with or without middle parts,
 * and spelling variants with support (never in one article together, roles not in conflict).
 */
function joinFullNames(people: readonly Form[], union: (x: number, y: number) => void): void {
  for (let first = 0; first < people.length; first++) {
    for (let second = first + 1; second < people.length; second++) {
      const [a, b] = [people[first]!, people[second]!];
      if (a.words.length < 2 || b.words.length < 2) continue;
      const agreement = comparePersonNames(a.words, b.words);
      if (agreement === 'different') continue;
      const sameSpelling = agreement === 'same';
      if (sameSpelling ? rolesConflict(a, b) : shareArticle(a, b) || rolesConflict(a, b)) continue;
      union(first, second);
    }
  }
}

/**
 * Joins each one-word personal name (one form per mention) to a full name: in its own article,
 * the full name whose surname it is, the nearest one before it when there are several; failing
 * that, the one such full name in the story. A spelling variant of the surname ("Komi" for
 * "Comey") is accepted only when no full name in the story carries the word as written. The
 * mentions of one surname left unjoined are then one entity.
 */
function joinSurnames(people: readonly Form[], union: Union): void {
  const full = people.map((form, index) => ({ form, index })).filter(({ form }) => form.words.length >= 2);
  const unjoined = new Map<string, number[]>();
  for (const [index, form] of people.entries()) {
    const mention = form.mentions[0];
    if (form.words.length !== 1 || mention === undefined) continue;
    const word = form.words[0]!;
    const exact = full.filter(({ form: other }) => other.words.at(-1) === word);
    const candidates = exact.length > 0 ? exact : full.filter(({ form: other }) => compareNameWords(other.words.at(-1)!, word) === 'variant' && !rolesConflict(form, other));
    const inArticle = candidates.filter(({ form: other }) => other.articles.has(mention.article));
    let chosen: number | null = null;
    if (inArticle.length === 1) chosen = inArticle[0]!.index;
    else if (inArticle.length > 1) {
      let nearestOrder = -1;
      for (const { form: other, index: otherIndex } of inArticle) {
        for (const otherMention of other.mentions) {
          if (otherMention.article === mention.article && otherMention.order < mention.order && otherMention.order > nearestOrder) [chosen, nearestOrder] = [otherIndex, otherMention.order];
        }
      }
    } else if (candidates.length === 1) chosen = candidates[0]!.index;
    if (chosen !== null) union(index, chosen);
    else unjoined.set(word, [...(unjoined.get(word) ?? []), index]);
  }
  for (const indexes of unjoined.values()) for (const index of indexes.slice(1)) union(indexes[0]!, index);
}

/**
 * Joins organisation names that are one name written together or apart, or romanised another
 * way ("Aldane Hydro" / "Aldanegidro"): their words run together have one transliteration key.
 */
function joinOrganizationSpellings(organizations: readonly Form[], union: Union): void {
  const byKey = new Map<string, number>();
  for (const [index, form] of organizations.entries()) {
    const key = transliterationKey(form.words.join(''));
    if (key.length < 5) continue;
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, index);
    else union(first, index);
  }
}

/** Joins an acronym ("KUCE") to the organisation name whose initials it spells, when only one does. */
function joinAcronyms(organizations: readonly Form[], union: (x: number, y: number) => void): void {
  const byInitials = new Map<string, number[]>();
  for (const [index, form] of organizations.entries()) {
    if (form.words.length < 2) continue;
    const key = initials(form.words);
    byInitials.set(key, [...(byInitials.get(key) ?? []), index]);
  }
  for (const [index, form] of organizations.entries()) {
    if (form.words.length !== 1) continue;
    const surface = mostCounted(form.surfaces) ?? '';
    if (!/^[A-Z]{2,6}$/u.test(surface.replace(/\./g, ''))) continue;
    const matches = byInitials.get(surface.replace(/\./g, '')) ?? [];
    if (matches.length === 1) union(index, matches[0]!);
  }
}

/** Words that make a country's formal name out of its adjective or name ("Federal Republic", "Kingdom of"). */
const STATE_FORM_WORDS = new Set(['republic', 'federal', 'federation', 'kingdom', 'democratic', 'peoples', 'people', 'commonwealth', 'principality', 'grand', 'duchy', 'union', 'state', 'states', 'emirate', 'sultanate', 'confederation', 'socialist', 'islamic', 'united', 'arab', 'the', 'of']);

/** Whether `adjective` is the usual adjective of the place name `place` ("ostravian" of "ostravia", "chinese" of "china"). */
function isAdjectiveOf(adjective: string, place: string): boolean {
  const stem = /[aeiouy]$/.test(place) ? place.slice(0, -1) : place;
  return [place, stem].some((base) => ['n', 'an', 'ian', 'ese', 'ish', 'i'].some((ending) => adjective === base + ending));
}

/**
 * Joins a country's formal name that the gazetteer does not know to its short name in the
 * story: "the Ostravian Federal Republic" or "the Republic of Ostravia" to "Ostravia". The formal
 * name must be state-form words around the place's name or adjective, and nothing else.
 */
function joinStateNames(forms: readonly Form[], union: Union): void {
  const places = new Map<string, number>();
  for (const [index, form] of forms.entries()) if (form.kind === 'place' && form.words.length === 1) places.set(form.words[0]!, index);
  for (const [index, form] of forms.entries()) {
    if (form.kind !== 'place' && form.kind !== 'organization') continue;
    const own = form.words.filter((word) => !STATE_FORM_WORDS.has(word));
    if (own.length !== 1 || form.words.length < 2 || !form.words.some((word) => word === 'republic' || word === 'kingdom' || word === 'federation')) continue;
    const word = own[0]!;
    for (const [place, placeIndex] of places) if (place === word || isAdjectiveOf(word, place)) union(index, placeIndex);
  }
}

/** The name to show for a group of forms, and the other spellings. */
function nameOf(group: readonly Form[], kind: EntityKind): { name: string; aliases: string[] } {
  const surfaces = new Map<string, number>();
  for (const form of group) for (const [surface, count] of form.surfaces) increment(surfaces, surface, count);
  const ranked = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const country = kind === 'place' ? group.map((form) => canonicalCountry(mostCounted(form.surfaces) ?? '')).find((name) => name !== null) : undefined;
  let name: string;
  if (country !== undefined && country !== null) name = country;
  else {
    // A person by the fullest form of the name (most words); anything else by its most used form.
    const wordCount = (surface: string): number => surface.split(' ').length;
    name = (kind === 'person' ? [...ranked].sort((a, b) => wordCount(b[0]) - wordCount(a[0]) || b[1] - a[1]) : ranked)[0]?.[0] ?? '';
  }
  return { name, aliases: ranked.map(([surface]) => surface).filter((surface) => surface !== name) };
}

/** Reconciles the mentions of a story's articles into one entity per person, organisation, place. */
export function reconcileEntities(articles: readonly ArticleMentions[]): ReconciledEntities {
  const forms = collectForms(articles);
  const unionFind = makeUnionFind(forms.length);
  const byKind = (kind: EntityKind): number[] => forms.flatMap((form, index) => (form.kind === kind ? [index] : []));
  for (const [kind, join] of [
    ['person', (group: Form[], union: Union) => (joinFullNames(group, union), joinSurnames(group, union))],
    ['organization', (group: Form[], union: Union) => (joinOrganizationSpellings(group, union), joinAcronyms(group, union))],
  ] as const) {
    const indexes = byKind(kind);
    join(
      indexes.map((index) => forms[index]!),
      (x, y) => unionFind.union(indexes[x]!, indexes[y]!),
    );
  }
  joinStateNames(forms, (x, y) => unionFind.union(x, y));
  const groups = new Map<number, Form[]>();
  for (const [index, form] of forms.entries()) {
    const root = unionFind.find(index);
    groups.set(root, [...(groups.get(root) ?? []), form]);
  }
  const built = [...groups.values()].map((group) => {
    const kindVotes = new Map<EntityKind, number>();
    const roles = new Map<string, number>();
    for (const form of group) {
      increment(kindVotes, form.kind, form.mentions.length);
      for (const [role, count] of form.roles) increment(roles, role, count);
    }
    const kind = mostCounted(kindVotes) ?? 'other';
    const mentions = group.flatMap((form) => form.mentions).sort((a, b) => a.order - b.order);
    return { kind, roles, mentions, ...nameOf(group, kind) };
  });
  built.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  const entityByMention = new Map<string, string>();
  const entities: StoryEntity[] = built.map((entity, index) => {
    const id = `e${index + 1}`;
    for (const mention of entity.mentions) entityByMention.set(`${mention.article}\u0000${mention.span.start}\u0000${mention.span.end}`, id);
    return {
      id,
      name: entity.name,
      kind: entity.kind,
      aliases: entity.aliases,
      roles: [...entity.roles.entries()].sort((a, b) => b[1] - a[1]).map(([role]) => role),
      mentions: entity.mentions.map(({ article, span }) => ({ article, start: span.start, end: span.end })),
    };
  });
  return {
    entities,
    entityOf: (article, span) => entityByMention.get(`${article}\u0000${span.start}\u0000${span.end}`) ?? null,
  };
}
