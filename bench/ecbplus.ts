import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../src/core/records.js';
import { pairKey } from './fact-pairs-score.js';

/**
 * Reader of ECB+ as set up by Cybulska & Vossen and Barhom et al. (the test topics 36–45 in
 * `story-clustering-ecbplus/`): documents as tokenised sentences, the gold event mentions with
 * their cross-document coreference chains, and the list of sentences the annotators were asked
 * to annotate (`ECBplus_coreference_sentences.csv`; only those are evaluated).
 *
 * A story is the documents of one topic and one sub-topic: `36_1ecb`, `36_2ecb`… report one
 * seminal event and `36_1ecbplus`, `36_2ecbplus`… another one of the same kind, so the gold
 * event cluster is the topic number plus whether the id ends in `ecbplus`.
 *
 * Gold: two sentences of different documents of a story state the same fact when an event
 * mention of one and an event mention of the other belong to one non-singleton coreference chain.
 */

/** One sentence of a document, as the corpus numbers it. */
export interface EcbSentence {
  readonly id: number;
  readonly tokens: readonly string[];
}

export interface EcbDocument {
  /** "36_1ecb", "36_3ecbplus". */
  readonly id: string;
  /** Its sentences in order, only those selected for annotation once loaded. */
  readonly sentences: readonly EcbSentence[];
}

/** A gold event mention: where it is and which chain it belongs to. */
export interface EcbMention {
  readonly document: string;
  /** The corpus sentence id. */
  readonly sentence: number;
  readonly chain: string;
  /** Whether the annotators marked it as mentioning an event no other mention refers to. */
  readonly singleton: boolean;
}

/** The documents of one gold event, with the event mentions in them. */
export interface EcbStory {
  /** "36-ecb", "36-ecbplus". */
  readonly id: string;
  readonly documents: readonly EcbDocument[];
  readonly mentions: readonly EcbMention[];
}

/** The test corpus as read, with what was left out. */
export interface EcbCorpus {
  readonly stories: readonly EcbStory[];
  /** Corpus sentences outside the selected list, not evaluated. */
  readonly unselectedSentences: number;
  /** Gold cross-document mention links between documents of different stories: never scored. */
  readonly crossStoryLinks: number;
}

const SETUP = join('interim', 'cybulska_setup');
const CORPUS_FILE = join(SETUP, 'ECB_Test_corpus.txt');
const EVENTS_FILE = join(SETUP, 'ECB_Test_Event_gold_mentions.json');
const SELECTED_FILE = join('cltl', 'ECB+_LREC2014', 'ECBplus_coreference_sentences.csv');

/** The `story-clustering-ecbplus` folder under a data folder, or the folder itself when it is one. */
export function resolveEcbPlusDirectory(dataDirectory: string): string | null {
  for (const candidate of [join(dataDirectory, 'story-clustering-ecbplus'), dataDirectory]) {
    if (existsSync(join(candidate, CORPUS_FILE)) && existsSync(join(candidate, EVENTS_FILE))) return candidate;
  }
  return null;
}

/** The story of a document: "36_3ecbplus" → "36-ecbplus", "36_3ecb" → "36-ecb". */
export function ecbStoryId(documentId: string): string {
  const topic = documentId.split('_')[0] ?? documentId;
  return `${topic}-${documentId.endsWith('ecbplus') ? 'ecbplus' : 'ecb'}`;
}

/**
 * Parses the tab-separated corpus (document, sentence id, token index, token, coreference tag;
 * blank lines between sentences) into documents in file order with their sentences by id.
 */
export function parseEcbCorpus(text: string): EcbDocument[] {
  const documents = new Map<string, Map<number, string[]>>();
  for (const line of text.split('\n')) {
    const fields = line.replace(/\r$/, '').split('\t');
    const [document, sentenceField, , token] = fields;
    if (document === undefined || sentenceField === undefined || token === undefined || token === '') continue;
    const sentence = Number(sentenceField);
    if (!Number.isInteger(sentence)) continue;
    let sentences = documents.get(document);
    if (sentences === undefined) documents.set(document, (sentences = new Map()));
    const tokens = sentences.get(sentence);
    if (tokens === undefined) sentences.set(sentence, [token]);
    else tokens.push(token);
  }
  return [...documents].map(([id, sentences]) => ({
    id,
    sentences: [...sentences].sort((x, y) => x[0] - y[0]).map(([sentence, tokens]) => ({ id: sentence, tokens })),
  }));
}

/**
 * The selected sentences as `document:sentence` keys in the corpus's numbering. The CSV numbers
 * sentences as the ECB+ XML does, where an `ecbplus` document's sentence 0 is the address it was
 * found at; the Cybulska set-up dropped that line, so its ids there are one lower.
 */
export function parseSelectedSentences(csv: string): Set<string> {
  const keys = new Set<string>();
  for (const line of csv.split('\n').slice(1)) {
    const [topic, file, number] = line.trim().split(',');
    if (topic === undefined || file === undefined || number === undefined) continue;
    const document = `${topic}_${file}`;
    keys.add(`${document}:${Number(number) - (document.endsWith('ecbplus') ? 1 : 0)}`);
  }
  return keys;
}

interface RawMention {
  readonly coref_chain?: unknown;
  readonly doc_id?: unknown;
  readonly sent_id?: unknown;
  readonly is_singleton?: unknown;
}

/** The event mentions of `ECB_Test_Event_gold_mentions.json`; malformed entries are skipped. */
export function parseEventMentions(json: string): EcbMention[] {
  const raw = JSON.parse(json) as unknown;
  if (!Array.isArray(raw)) return [];
  return (raw as RawMention[]).flatMap((entry) =>
    typeof entry.coref_chain === 'string' && typeof entry.doc_id === 'string' && typeof entry.sent_id === 'number'
      ? [{ document: entry.doc_id, sentence: entry.sent_id, chain: entry.coref_chain, singleton: entry.is_singleton === true }]
      : [],
  );
}

/**
 * Least Jaccard overlap of two sentences' event-chain sets for the stricter gold: most of the
 * events either sentence reports are the same, as when two sentences make one statement.
 */
export const SAME_EVENTS_JACCARD = 0.5;

/** Gold links of one story, over `{article: document index, sentence: index among its sentences}`. */
export interface EcbGold {
  /** Sentence pairs of different documents sharing a non-singleton event chain. */
  readonly sentencePairs: ReadonlySet<string>;
  /**
   * The stricter gold: sentence pairs whose sets of non-singleton event chains overlap by
   * Jaccard at least {@link SAME_EVENTS_JACCARD}. Sharing any event is a loose test of "same
   * fact": nearly every selected sentence of a story mentions its seminal event.
   */
  readonly sameEventsPairs: ReadonlySet<string>;
  /** One pair key per pair of coreferent event mentions in different documents. */
  readonly mentionLinks: readonly string[];
}

/**
 * The gold links of a story's documents: for every non-singleton chain, every two of its
 * mentions in different documents link their sentences. Mentions outside the documents'
 * sentences are ignored.
 */
export function ecbGoldPairs(documents: readonly EcbDocument[], mentions: readonly EcbMention[]): EcbGold {
  const refOf = new Map<string, { article: number; sentence: number }>();
  documents.forEach((document, article) => document.sentences.forEach(({ id }, sentence) => refOf.set(`${document.id}:${id}`, { article, sentence })));
  const chains = new Map<string, Array<{ article: number; sentence: number }>>();
  for (const mention of mentions) {
    const ref = refOf.get(`${mention.document}:${mention.sentence}`);
    if (mention.singleton || ref === undefined) continue;
    const chain = chains.get(mention.chain);
    if (chain === undefined) chains.set(mention.chain, [ref]);
    else chain.push(ref);
  }
  const mentionLinks: string[] = [];
  const chainsOf = new Map<string, Set<string>>();
  for (const [chain, members] of chains) {
    for (const { article, sentence } of members) {
      const key = `${article}:${sentence}`;
      const set = chainsOf.get(key);
      if (set === undefined) chainsOf.set(key, new Set([chain]));
      else set.add(chain);
    }
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (members[i]!.article !== members[j]!.article) mentionLinks.push(pairKey(members[i]!, members[j]!));
      }
    }
  }
  const sentencePairs = new Set(mentionLinks);
  const sameEventsPairs = new Set(
    [...sentencePairs].filter((key) => {
      const [first = new Set<string>(), second = new Set<string>()] = key.split('|').map((ref) => chainsOf.get(ref));
      let shared = 0;
      for (const chain of first) if (second.has(chain)) shared++;
      return shared / (first.size + second.size - shared) >= SAME_EVENTS_JACCARD;
    }),
  );
  return { sentencePairs, sameEventsPairs, mentionLinks };
}

/** Links between documents of different stories (chains the annotators carried across sub-topics). */
function countCrossStoryLinks(mentions: readonly EcbMention[]): number {
  const storiesByChain = new Map<string, Map<string, Set<string>>>();
  for (const mention of mentions) {
    if (mention.singleton) continue;
    let stories = storiesByChain.get(mention.chain);
    if (stories === undefined) storiesByChain.set(mention.chain, (stories = new Map()));
    const story = ecbStoryId(mention.document);
    let documents = stories.get(story);
    if (documents === undefined) stories.set(story, (documents = new Set()));
    documents.add(mention.document);
  }
  let links = 0;
  for (const stories of storiesByChain.values()) {
    const sizes = [...stories.values()].map((documents) => documents.size);
    for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) links += sizes[i]! * sizes[j]!;
  }
  return links;
}

/**
 * Reads the test corpus: stories in topic order (ECB before ECB+ within a topic), each with its
 * documents (selected sentences only; documents left with none are dropped) and event mentions.
 * At most `limit` stories.
 */
export function loadEcbCorpus(directory: string, limit = Number.POSITIVE_INFINITY): EcbCorpus {
  const selectedPath = join(directory, SELECTED_FILE);
  const selected = existsSync(selectedPath) ? parseSelectedSentences(readFileSync(selectedPath, 'utf8')) : null;
  let unselectedSentences = 0;
  const documents = parseEcbCorpus(readFileSync(join(directory, CORPUS_FILE), 'utf8')).flatMap((document) => {
    const kept = document.sentences.filter(({ id }) => selected === null || selected.has(`${document.id}:${id}`));
    unselectedSentences += document.sentences.length - kept.length;
    return kept.length === 0 ? [] : [{ id: document.id, sentences: kept }];
  });
  const mentions = parseEventMentions(readFileSync(join(directory, EVENTS_FILE), 'utf8'));
  const byStory = new Map<string, EcbDocument[]>();
  for (const document of documents) {
    const story = ecbStoryId(document.id);
    const list = byStory.get(story);
    if (list === undefined) byStory.set(story, [document]);
    else list.push(document);
  }
  const topicOf = (story: string): number => Number(story.split('-')[0]);
  const stories = [...byStory]
    .sort((x, y) => topicOf(x[0]) - topicOf(y[0]) || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([id, members]) => ({ id, documents: members, mentions: mentions.filter((mention) => ecbStoryId(mention.document) === id) }));
  return { stories, unselectedSentences, crossStoryLinks: countCrossStoryLinks(mentions) };
}

/** Tokens written without a space before them: closing punctuation and English clitics. */
const ATTACH_LEFT = /^(?:[.,;:!?%)\]}]|\.\.\.|''|'s|'re|'ve|'ll|'d|'m|n't)$/i;
/** Tokens written without a space after them: opening brackets and quotes, currency signs. */
const ATTACH_RIGHT = /^(?:[([{$]|``)$/;

/** A token that starts or ends with a letter or digit. */
const WORD_START = /^[\p{L}\p{N}]/u;
const WORD_END = /[\p{L}\p{N}]$/u;

/**
 * A tokenised sentence as running text: tokens joined by spaces, except before closing
 * punctuation and clitics and after opening brackets; PTB quotes (`` '') become straight ones.
 * A hyphen between two words was split off a compound by the tokeniser ("T - Mobile",
 * "27 - year - old") and is joined back.
 */
export function detokenize(tokens: readonly string[]): string {
  let text = '';
  let glueNext = true;
  tokens.forEach((token, index) => {
    const written = token === '``' || token === "''" ? '"' : token;
    const inCompound = token === '-' && WORD_END.test(tokens[index - 1] ?? '') && WORD_START.test(tokens[index + 1] ?? '');
    text += glueNext || inCompound || ATTACH_LEFT.test(token) ? written : ` ${written}`;
    glueNext = inCompound || ATTACH_RIGHT.test(token);
  });
  return text;
}

/**
 * A document's body for analysis: one paragraph per sentence (blank lines between), so the
 * sentence splitter cannot join two gold sentences; the paragraphs are returned as blocks.
 */
export function documentBody(document: EcbDocument): { readonly text: string; readonly paragraphs: readonly Block[] } {
  const paragraphs: Block[] = [];
  let text = '';
  for (const sentence of document.sentences) {
    if (text !== '') text += '\n\n';
    const written = detokenize(sentence.tokens);
    paragraphs.push({ start: text.length, end: text.length + written.length, kind: 'paragraph' });
    text += written;
  }
  return { text, paragraphs };
}
