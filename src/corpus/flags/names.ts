import type { EntityKind } from '../../core/annotations.js';
import type { Analyzed } from '../../core/records.js';
import { cleanSurface, type ReconciledEntities } from '../entities.js';
import { compareNameWords, comparePersonNames, consonantSkeleton, nameWords, transliterationKey } from '../name-match.js';
import type { AnalyzedStory } from '../origins.js';

/**
 * How each article writes the story's names, compared with how the other reports write them.
 * Two marks come from this: a *systematic substitution* (an article always calls a country or
 * organisation by a form the other reports rarely use: "the Ostravian Federal Republic" where
 * they say "Ostravia", "Russian Federation" where they say "Russia"), which automated rewriting
 * and literal translation both leave; and a *transliterated name* (a person's or organisation's
 * name spelled by another romanisation than every other report uses: "Tomash Khalvik" for
 * "Tomas Halvik"), which translation leaves. Within one article, two romanisations of one name
 * ("Yevgeny" / "Evgeniy") are a mark of machine translation: a writer keeps one spelling.
 */

/** One written form of an entity's name: the folded words, and the surface shown in evidence. */
interface FormCount {
  /** Folded name words joined by spaces ("ostravian federal republic"). */
  readonly key: string;
  /** The most frequent surface of the form as written ("Ostravian Federal Republic"). */
  readonly surface: string;
  readonly count: number;
}

/** How one entity is named in one origin group's articles. */
interface GroupUsage {
  readonly forms: Map<string, { surfaces: Map<string, number>; count: number }>;
  total: number;
}

/** How every entity is named in every origin group, and in every article. */
export interface NameUsage {
  /** Entity id → origin group id → forms. */
  readonly byGroup: ReadonlyMap<string, ReadonlyMap<string, GroupUsage>>;
  /** Per article index: entity id → forms used in that article. */
  readonly byArticle: readonly ReadonlyMap<string, GroupUsage>[];
  /** Entity id → kind and shown name. */
  readonly entities: ReadonlyMap<string, { readonly kind: EntityKind; readonly name: string }>;
  /** Per article index: its origin group id. */
  readonly originOf: readonly string[];
  /** Origin group id → every name form its articles write (folded key → a surface), whatever the entity. */
  readonly formsByGroup: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Per article index: every name form it writes (folded key → a surface). */
  readonly formsByArticle: readonly ReadonlyMap<string, string>[];
}

function addForm(usage: GroupUsage, surface: string): void {
  const key = nameWords(surface).join(' ');
  if (key === '') return;
  const form = usage.forms.get(key) ?? { surfaces: new Map<string, number>(), count: 0 };
  form.count++;
  form.surfaces.set(surface, (form.surfaces.get(surface) ?? 0) + 1);
  usage.forms.set(key, form);
  usage.total++;
}

function emptyUsage(): GroupUsage {
  return { forms: new Map(), total: 0 };
}

/** Collects, per entity, the forms each article and each origin group writes. */
export function nameUsage(story: AnalyzedStory, entities: ReconciledEntities): NameUsage {
  const byGroup = new Map<string, Map<string, GroupUsage>>();
  const byArticle: Map<string, GroupUsage>[] = [];
  const formsByGroup = new Map<string, Map<string, string>>();
  const formsByArticle: Map<string, string>[] = [];
  story.articles.forEach((analyzed, index) => {
    const group = story.originOf[index] ?? String(index);
    const own = new Map<string, GroupUsage>();
    byArticle.push(own);
    const articleForms = new Map<string, string>();
    formsByArticle.push(articleForms);
    const groupForms = formsByGroup.get(group) ?? new Map<string, string>();
    formsByGroup.set(group, groupForms);
    for (const mention of analyzed.entities) {
      const surface = cleanSurface(analyzed.article.text.slice(mention.start, mention.end));
      const key = nameWords(surface).join(' ');
      if (key !== '' && mention.kind !== 'other') {
        if (!articleForms.has(key)) articleForms.set(key, surface);
        if (!groupForms.has(key)) groupForms.set(key, surface);
      }
      const entity = entities.entityOf(analyzed.article.id, mention);
      if (entity === null) continue;
      const groups = byGroup.get(entity) ?? new Map<string, GroupUsage>();
      byGroup.set(entity, groups);
      const groupUsage = groups.get(group) ?? emptyUsage();
      groups.set(group, groupUsage);
      addForm(groupUsage, surface);
      const articleUsage = own.get(entity) ?? emptyUsage();
      own.set(entity, articleUsage);
      addForm(articleUsage, surface);
    }
  });
  return {
    byGroup,
    byArticle,
    entities: new Map(entities.entities.map((entity) => [entity.id, { kind: entity.kind, name: entity.name }])),
    originOf: story.originOf,
    formsByGroup,
    formsByArticle,
  };
}

/** The most used of a map's keys (the first on a tie). */
function mostUsed(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [key, count] of counts) if (count > bestCount) [best, bestCount] = [key, count];
  return best;
}

function formCounts(usage: GroupUsage): FormCount[] {
  return [...usage.forms.entries()]
    .map(([key, form]) => ({ key, surface: mostUsed(form.surfaces), count: form.count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** How the other origin groups write an entity: each group's own most used form, counted by group. */
function othersDominantForms(usage: NameUsage, entity: string, group: string): { forms: FormCount[]; groups: number } {
  const dominant = new Map<string, { surfaces: Map<string, number>; count: number }>();
  let groups = 0;
  for (const [otherGroup, groupUsage] of usage.byGroup.get(entity) ?? []) {
    const [top] = formCounts(groupUsage);
    if (otherGroup === group || top === undefined) continue;
    groups++;
    const form = dominant.get(top.key) ?? { surfaces: new Map<string, number>(), count: 0 };
    form.count++;
    form.surfaces.set(top.surface, (form.surfaces.get(top.surface) ?? 0) + 1);
    dominant.set(top.key, form);
  }
  return { forms: formCounts({ forms: dominant, total: groups }), groups };
}

/** A form one article uses for an entity that the other reports rarely use. */
export interface Substitution {
  readonly entity: string;
  /** The article's form as written, and how often it uses it of all its mentions of the entity. */
  readonly form: string;
  readonly count: number;
  readonly total: number;
  /** The form most other reports use, and how many of them use it (as their most used form). */
  readonly usualForm: string;
  readonly usualReports: number;
  /** How many other origin groups name the entity. */
  readonly otherReports: number;
}

/**
 * A substitution is counted when the article uses the form at least this many times
 * (one or two uses are a writer's variation, not a system).
 */
export const MIN_SUBSTITUTED_USES = 3;
/** …and for at least this share of its mentions of the entity ("throughout"). */
export const MIN_SUBSTITUTED_SHARE = 0.6;
/**
 * …while at most this share of the other reports make it their usual form ("rarely"), and at
 * most half as many as make another form theirs. Counted per report, not per mention, so one long
 * report does not outvote the rest; a third leaves room for other rewrites made by the same
 * tool and for translations from the country's own language, which use its formal name too.
 */
export const MAX_OTHER_REPORTS_SHARE = 1 / 3;
/** …and the usual form is the usual form of at least this many other reports, so "rarely" is measured, not guessed. */
export const MIN_OTHER_REPORTS = 2;

/** Whether every word of one form is in the other ("Merrow Dam" / "Merrow"): a shortening, not a substitution. */
function isWordSubset(first: string, second: string): boolean {
  const [a, b] = [first.split(' '), second.split(' ')];
  const [shorter, longer] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  return shorter.every((word) => longer.has(word));
}

/** Whether one form is the initials of the other ("cpa" / "continental press agency"): a house style, not a substitution. */
function isInitialism(first: string, second: string): boolean {
  const initials = (form: string): string =>
    form
      .split(' ')
      .filter((word) => !['of', 'the', 'and', 'for'].includes(word))
      .map((word) => word[0] ?? '')
      .join('');
  const compact = (form: string): string => form.replace(/ /g, '');
  return initials(first) === compact(second) || initials(second) === compact(first);
}

/** Whether two folded forms are one name romanised two ways ("aldane gidro" / "aldane hydro", "khalvik" / "halvik"). */
export function isSpellingVariant(first: string, second: string): boolean {
  if (first === second) return false;
  const [a, b] = [first.split(' '), second.split(' ')];
  if (a.length >= 2 && b.length >= 2 && a.length === b.length) return comparePersonNames(a, b) === 'variant' && a.every((word, index) => compareNameWords(word, b[index]!) !== 'different');
  if (a.length === 1 && b.length === 1) return compareNameWords(a[0]!, b[0]!) === 'variant';
  const [joinedA, joinedB] = [transliterationKey(a.join('')), transliterationKey(b.join(''))];
  return joinedA.length >= 5 && joinedA === joinedB;
}

/**
 * The names (of places, organisations and other non-persons) an article writes, throughout, in a
 * form the other reports rarely use: at least {@link MIN_SUBSTITUTED_USES} uses and
 * {@link MIN_SUBSTITUTED_SHARE} of its mentions, where at most {@link MAX_OTHER_REPORTS_SHARE}
 * of the other reports use it as their usual form, and another form is the usual one of at least
 * {@link MIN_OTHER_REPORTS} and of twice as many. Shortenings ("Merrow" for "Merrow Dam"), initials ("CPA") and other
 * romanisations are not substitutions; people's names are left out, since full name and surname
 * alternate in every report.
 */
export function systematicSubstitutions(usage: NameUsage, article: number): Substitution[] {
  const group = usage.originOf[article] ?? String(article);
  const found: Substitution[] = [];
  for (const [entity, own] of usage.byArticle[article] ?? []) {
    if (usage.entities.get(entity)?.kind === 'person') continue;
    const [top] = formCounts(own);
    if (top === undefined || top.count < MIN_SUBSTITUTED_USES || top.count / own.total < MIN_SUBSTITUTED_SHARE) continue;
    const others = othersDominantForms(usage, entity, group);
    const usual = others.forms.find((form) => form.key !== top.key);
    if (usual === undefined || usual.count < MIN_OTHER_REPORTS) continue;
    const othersUsingForm = others.forms.find((form) => form.key === top.key)?.count ?? 0;
    if (othersUsingForm / others.groups > MAX_OTHER_REPORTS_SHARE || othersUsingForm > usual.count / 2) continue;
    if (isWordSubset(top.key, usual.key) || isInitialism(top.key, usual.key) || isSpellingVariant(top.key, usual.key)) continue;
    found.push({ entity, form: top.surface, count: top.count, total: own.total, usualForm: usual.surface, usualReports: usual.count, otherReports: others.groups });
  }
  return found;
}

/** Evidence a reader can check, e.g. "uses 'Ostravian Federal Republic' 3 of 3 times where 6 of the 8 other reports use 'Ostravia'". */
export function describeSubstitution(substitution: Substitution): string {
  return (
    `uses '${substitution.form}' ${substitution.count} of ${substitution.total} times where ` +
    `${substitution.usualReports} of the ${substitution.otherReports} other reports use '${substitution.usualForm}'`
  );
}

/** A name an article spells by another romanisation than every other report. */
export interface TransliteratedName {
  readonly form: string;
  readonly usualForm: string;
  /** How many other origin groups write the usual form. */
  readonly otherReports: number;
}

/**
 * Names the article writes in a spelling no other report uses, where that spelling is another
 * romanisation of a name other reports write ("Tomash Khalvik" / "Tomas Halvik", "Aldanegidro" /
 * "Aldane Hydro"; name-match.ts says what counts as one). Compared form by form, whatever kind
 * the entity recogniser gave each, since a foreign spelling is often typed differently. One
 * finding per name the other reports write; the fullest form of the article's spelling is shown.
 */
export function transliteratedNames(usage: NameUsage, article: number): TransliteratedName[] {
  const group = usage.originOf[article] ?? String(article);
  // Forms other reports write, bucketed so that only forms that could be romanisations of one another are compared.
  const elsewhere = new Map<string, Map<string, { surface: string; groups: Set<string> }>>();
  for (const [otherGroup, forms] of usage.formsByGroup) {
    if (otherGroup === group) continue;
    for (const [key, surface] of forms) {
      if (!isNameLike(key)) continue;
      const bucket = elsewhere.get(bucketOf(key)) ?? new Map<string, { surface: string; groups: Set<string> }>();
      elsewhere.set(bucketOf(key), bucket);
      const entry = bucket.get(key) ?? { surface, groups: new Set<string>() };
      entry.groups.add(otherGroup);
      bucket.set(key, entry);
    }
  }
  // Per spelling of the article: the form it varies that the most other reports write.
  const byForm = new Map<string, TransliteratedName>();
  for (const [key, surface] of usage.formsByArticle[article] ?? []) {
    const bucket = elsewhere.get(bucketOf(key));
    if (bucket === undefined || bucket.has(key) || !isNameLike(key)) continue;
    for (const [otherKey, other] of bucket) {
      if (!isSpellingVariant(key, otherKey)) continue;
      const known = byForm.get(key);
      if (known === undefined || other.groups.size > known.otherReports) byForm.set(key, { form: surface, usualForm: other.surface, otherReports: other.groups.size });
    }
  }
  // A surname alone and the full name it belongs to are one finding: keep the full name's.
  const keys = [...byForm.keys()];
  return keys.filter((key) => !keys.some((other) => other !== key && other.endsWith(` ${key}`))).map((key) => byForm.get(key)!);
}

/**
 * The bucket of a form: the first two consonants of its words' transliteration key run
 * together. Romanisations of one name keep their consonants (name-match.ts), so they share a
 * bucket, and a form is compared with the few others in its bucket, not with every name of the
 * story.
 */
function bucketOf(key: string): string {
  return consonantSkeleton(transliterationKey(key.replace(/ /g, ''))).slice(0, 2);
}

/** Forms long enough for a spelling comparison to mean something: two words, or one of five letters or more. */
function isNameLike(key: string): boolean {
  return key.includes(' ') || key.length >= 5;
}

/** Two spellings of one person's name in one article. */
export interface InconsistentSpelling {
  readonly first: string;
  readonly second: string;
}

/** At most this many distinct person names of an article are compared pairwise (bounds the work on huge texts). */
const MAX_COMPARED_NAMES = 200;

/**
 * Person names an article spells two ways: two full names that are romanisations of one name
 * ("Yevgeny Bazhanov" / "Evgeniy Bazhanov", not a short first name: "Josh" / "Joshua"), or a surname and a romanisation of it ("Comey" /
 * "Komi") where no other name in the article explains the second. Name forms are compared
 * pairwise, at most {@link MAX_COMPARED_NAMES} of them.
 */
export function inconsistentSpellings(analyzed: Analyzed): InconsistentSpelling[] {
  const forms = new Map<string, string>();
  for (const mention of analyzed.entities) {
    if (mention.kind !== 'person') continue;
    const surface = cleanSurface(analyzed.article.text.slice(mention.start, mention.end));
    const key = nameWords(surface).join(' ');
    if (key !== '' && !forms.has(key)) forms.set(key, surface);
    if (forms.size >= MAX_COMPARED_NAMES) break;
  }
  const keys = [...forms.keys()];
  const found: InconsistentSpelling[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const [a, b] = [keys[i]!.split(' '), keys[j]!.split(' ')];
      let variant: boolean;
      if (a.length >= 2 && b.length >= 2) variant = comparePersonNames(a, b) === 'variant' && !isShortFirstName(a, b);
      else {
        const [lastA, lastB] = [a.at(-1)!, b.at(-1)!];
        // A lone surname that is a variant of another name's surname, where its own spelling is no one's surname in full.
        variant = lastA !== lastB && compareNameWords(lastA, lastB) === 'variant' && (a.length === 1 ? !hasFullName(keys, lastA) : !hasFullName(keys, lastB));
      }
      if (variant) found.push({ first: forms.get(keys[i]!)!, second: forms.get(keys[j]!)! });
    }
  }
  return found;
}

/** Whether two names differ only by a short form of the first name ("Josh Apte" / "Joshua Apte"): a writer's choice, not a spelling. */
function isShortFirstName(first: readonly string[], second: readonly string[]): boolean {
  const [a, b] = [first[0]!, second[0]!];
  return first.at(-1) === second.at(-1) && a !== b && (a.startsWith(b) || b.startsWith(a));
}

/** Whether some full name (two words or more) among the keys ends in the surname. */
function hasFullName(keys: readonly string[], surname: string): boolean {
  return keys.some((key) => key.includes(' ') && key.endsWith(` ${surname}`));
}
