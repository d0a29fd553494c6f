import type { EntityMention } from '../../core/annotations.js';
import type { Span } from '../../core/span.js';
import { speechCue } from './cues.js';
import { mentionGenders, surnameKey, type Gender } from './gender.js';
import { DETERMINERS, PHRASE_BREAKERS, SUBJECT_PRONOUNS, isLyAdverb, type Word } from './words.js';

/**
 * Speakers: the words that name who speaks (found next to a cue) and the entity mention they
 * resolve to. A name resolves to its own mention; "he"/"she" to the most recent person mention of
 * that gender; "the minister" to the most recent mention whose role holds "minister". When the
 * text does not single out one mention, the speaker stays unresolved.
 */

/** What speaker finding and resolution read of one article, built once per article. */
export interface SpeakerContext {
  readonly text: string;
  /** Entity mentions in text order. */
  readonly mentions: readonly EntityMention[];
  readonly genders: ReadonlyMap<EntityMention, Gender>;
  readonly sentences: readonly Span[];
  /** Quoted passages, in text order: names inside them are not antecedents of "he said". */
  readonly quoted: readonly Span[];
}

/** Entity kinds that can speak (a country or city stands for its government: "Russia said"). */
const SPEAKING_KINDS = new Set(['person', 'organization', 'place']);

/** Builds the per-article context. */
export function makeSpeakerContext(text: string, entities: readonly EntityMention[], sentences: readonly Span[], quoted: readonly Span[]): SpeakerContext {
  const mentions = entities
    .filter((mention) => mention.start >= 0 && mention.end <= text.length && mention.end > mention.start)
    .sort((left, right) => left.start - right.start);
  return { text, mentions, genders: mentionGenders(text, mentions), sentences, quoted };
}

/** Words that may stand between a speaker and the cue: "he also said", "Halvik has repeatedly said". */
const BETWEEN_SPEAKER_AND_CUE = new Set([
  'also', 'later', 'then', 'has', 'have', 'had', 'would', 'will', 'could', 'might', 'may', 'did',
  'does', 'once', 'earlier', 'again', 'further', 'first', 'himself', 'herself', 'themselves',
  'itself', 'previously', 'recently', 'reportedly', 'often', 'now', 'since', 'subsequently',
  'can', 'must', 'should', 'still', 'even', 'just', 'never',
]);

/** Forms of "be" that make a progressive cue ("is telling"). */
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'be', "'s", "'re"]);

/** A subject pronoun with a contracted auxiliary: "he's", "they've", "she'd", "I'm". */
const CONTRACTED_SUBJECT = /^(he|she|it|they|we|i|you)'(s|re|ve|d|ll|m)$/u;

/** Words after a name that end an inverted speaker: "said Halvik yesterday", "said Halvik on Monday". */
const TIME_WORDS = new Set([
  'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'morning', 'afternoon', 'evening', 'night', 'last', 'this', 'earlier',
  'later', 'recently', 'previously',
]);

/**
 * True when two words of one phrase touch: only spaces between, an abbreviation's period ("U.S.
 * officials", "Sen. Orlan") or a plural possessive's apostrophe ("the Halviks’ lawyer").
 */
function joined(context: SpeakerContext, left: Word, right: Word): boolean {
  const gap = context.text.slice(left.end, right.start);
  if (/^\s+$/u.test(gap)) return true;
  if (/^['’]\s+$/u.test(gap)) return left.norm.endsWith('s');
  return /^\.\s+$/u.test(gap) && left.capitalized && left.end - left.start <= 3;
}

/** Number words, for "six in 10" and "one in five" as speakers. */
const NUMBER_WORDS = /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/u;

/**
 * True when a word can belong to a speaker's noun phrase. "and" joins names ("Halvik and Berg
 * said") and "in" joins numbers ("six in 10 said"); other breakers end the phrase.
 */
function phraseWord(words: readonly Word[], index: number): boolean {
  const word = words[index];
  if (word === undefined) return false;
  if (word.norm === 'and') return words[index - 1]?.capitalized === true && words[index + 1]?.capitalized === true;
  if (word.norm === 'in') return NUMBER_WORDS.test(words[index - 1]?.norm ?? '') && NUMBER_WORDS.test(words[index + 1]?.norm ?? '');
  return !PHRASE_BREAKERS.has(word.norm) && speechCue(word.norm) === undefined && !isLyAdverb(word) && !word.norm.endsWith("n't");
}

function spanOf(first: Word, last: Word): Span {
  return { start: first.start, end: last.end };
}

/**
 * The speaker's phrase that ends right before `words[cueIndex]` (after skipping "also", "has",
 * "reportedly"…), not reaching before `words[firstIndex]`: a name, a pronoun, or a noun phrase
 * ("the interior minister", "a spokeswoman for the ministry", "officials"). When an aside
 * stands between ("Halvik, the interior minister, said"), the phrase before the aside.
 */
export function speakerBefore(context: SpeakerContext, words: readonly Word[], cueIndex: number, firstIndex: number): Span | null {
  // "is telling", "was insisting": a form of "be" before a participle cue (not "was told", a passive).
  const progressive = words[cueIndex]?.norm.endsWith('ing') === true;
  let last = cueIndex - 1;
  while (last >= firstIndex) {
    const word = words[last];
    const next = words[last + 1];
    if (word === undefined || next === undefined || !joined(context, word, next)) break;
    const skippable = BETWEEN_SPEAKER_AND_CUE.has(word.norm) || isLyAdverb(word) || (progressive && BE_FORMS.has(word.norm));
    if (!skippable) break;
    last--;
  }
  const contracted = words[last];
  if (contracted !== undefined && CONTRACTED_SUBJECT.test(contracted.norm)) {
    // "He’s predicting", "they’ve said": the pronoun before the contracted auxiliary.
    const pronoun = /^[\p{L}]+/u.exec(contracted.norm)?.[0] ?? '';
    return { start: contracted.start, end: contracted.start + pronoun.length };
  }
  if (last < firstIndex) return null;
  const lastWord = words[last];
  const afterLast = words[last + 1];
  if (lastWord === undefined || afterLast === undefined) return null;
  const gap = context.text.slice(lastWord.end, afterLast.start);
  if (/^\s+$/u.test(gap)) return phraseEndingAt(context, words, last, firstIndex);
  if (/^\s*[,—–]\s+$/u.test(gap)) return speakerBeforeAside(context, words, last, firstIndex);
  return null;
}

/**
 * "Halvik, the interior minister, said" / "The ministry, in a statement, said": the phrase before
 * the comma that opens the aside ending at `words[asideLast]`, when it names a speaker.
 */
function speakerBeforeAside(context: SpeakerContext, words: readonly Word[], asideLast: number, firstIndex: number): Span | null {
  // Asides may follow one another: "Marta Orlan, 58, a teacher from Velm, said".
  const maximumAsides = 20;
  for (let index = asideLast; index > firstIndex && asideLast - index < maximumAsides; index--) {
    const word = words[index];
    const previous = words[index - 1];
    if (word === undefined || previous === undefined) return null;
    const gap = context.text.slice(previous.end, word.start);
    if (/^\s*[,—–]\s+$/u.test(gap)) {
      const speaker = phraseEndingAt(context, words, index - 1, firstIndex);
      // The phrase must open the clause, as a subject does: "Halvik, a former minister, said".
      if (speaker !== null && startsClause(context, words, speaker, firstIndex)) return speaker;
    } else if (!/^\s+$/u.test(gap) && !/^\.\s+$/u.test(gap)) return null;
  }
  return null;
}

/** True when nothing but an opening phrase lies between the clause start and `speaker`. */
function startsClause(context: SpeakerContext, words: readonly Word[], speaker: Span, firstIndex: number): boolean {
  const first = words[firstIndex];
  if (first === undefined) return false;
  if (speaker.start === first.start) return true;
  const before = context.text.slice(first.start, speaker.start);
  // "On Tuesday, Halvik, a former minister, said": an introductory phrase closed by a comma.
  return /[,:—–]\s*$/u.test(before) && !before.trimEnd().slice(0, -1).includes(',');
}

/** The speaker phrase whose last word is `words[last]`, not reaching before `words[firstIndex]`. */
export function phraseEndingAt(context: SpeakerContext, words: readonly Word[], last: number, firstIndex: number): Span | null {
  const lastWord = words[last];
  if (lastWord === undefined) return null;
  if (SUBJECT_PRONOUNS.has(lastWord.norm)) return { start: lastWord.start, end: lastWord.end };
  // "Berg, who said …": the relative pronoun stands for the name before the comma.
  if (lastWord.norm === 'who') return /^,\s+$/u.test(context.text.slice(words[last - 1]?.end ?? 0, lastWord.start)) ? { start: lastWord.start, end: lastWord.end } : null;
  // A possessive is not the speaker ("Halvik's aides said" ends at "aides").
  if (!phraseWord(words, last) || TIME_WORDS.has(lastWord.norm) || /'s$|s'$/u.test(lastWord.norm)) return null;
  if (/^\p{N}/u.test(lastWord.norm) && !NUMBER_WORDS.test(words[last - 2]?.norm ?? '')) return null;
  const maximumWords = 10;
  let first = last;
  while (first > firstIndex && last - first < maximumWords - 1) {
    const previous = words[first - 1];
    const current = words[first];
    if (previous === undefined || current === undefined || !joined(context, previous, current) || !phraseWord(words, first - 1)) break;
    first--;
  }
  // The phrase opens at its first determiner or capitalised word: "The Times", "Texas Sen. Ted
  // Cruz", "a spokesman for the ministry"; a time word before it is not part of it.
  for (let index = first; index <= last; index++) {
    const word = words[index];
    if (word === undefined) continue;
    if (DETERMINERS.has(word.norm)) return index === last ? null : spanOf(word, lastWord);
    if (TIME_WORDS.has(word.norm)) continue;
    if (word.capitalized) return spanOf(word, lastWord);
  }
  // Lower-case words only: "officials", "55 percent of voters".
  const firstWord = words[first];
  return firstWord === undefined ? null : spanOf(firstWord, lastWord);
}

/**
 * The speaker's phrase right after the word at `firstIndex`, as in an inverted attribution ("…,”
 * said Tomas Halvik, the interior minister." / "…,” says a spokeswoman for the ministry.").
 */
export function phraseStartingAt(context: SpeakerContext, words: readonly Word[], firstIndex: number, lastIndex: number): Span | null {
  const firstWord = words[firstIndex];
  if (firstWord === undefined || firstIndex > lastIndex) return null;
  if (SUBJECT_PRONOUNS.has(firstWord.norm)) return { start: firstWord.start, end: firstWord.end };
  if (!phraseWord(words, firstIndex) || TIME_WORDS.has(firstWord.norm)) return null;
  if (!firstWord.capitalized && !DETERMINERS.has(firstWord.norm)) return null;
  const maximumWords = 8;
  let last = firstIndex;
  while (last < lastIndex && last - firstIndex < maximumWords - 1) {
    const current = words[last];
    const next = words[last + 1];
    if (current === undefined || next === undefined || !joined(context, current, next) || !phraseWord(words, last + 1) || TIME_WORDS.has(next.norm)) break;
    last++;
  }
  const lastWord = words[last];
  if (lastWord === undefined || (DETERMINERS.has(lastWord.norm) && last === firstIndex)) return null;
  return spanOf(firstWord, lastWord);
}

/** Most words of a subject read at the start of a clause. */
const MAXIMUM_SUBJECT_WORDS = 10;

/**
 * The subject at the start of a clause, for a cue that shares it ("Halvik arrived and said …",
 * "…, saying …"): a pronoun; a run of capitalised words, which may hold "of" ("Former Secretary
 * of State Marta Orlan"); or a determiner and the few words after it that are neither cues nor
 * past-tense verbs ("The Arizona senator survived …" → "The Arizona senator"). An opening
 * phrase closed by a comma ("On Tuesday, …") is skipped first.
 */
export function subjectOfClause(context: SpeakerContext, words: readonly Word[], firstIndex: number, beforeIndex: number): Span | null {
  let start = firstIndex;
  for (let index = firstIndex; index < Math.min(beforeIndex, firstIndex + MAXIMUM_SUBJECT_WORDS) - 1; index++) {
    const word = words[index];
    const next = words[index + 1];
    if (word !== undefined && next !== undefined && /^[,—–]\s+$/u.test(context.text.slice(word.end, next.start))) {
      start = index + 1;
      break;
    }
  }
  const first = words[start];
  if (first === undefined || start >= beforeIndex) return null;
  if (SUBJECT_PRONOUNS.has(first.norm)) return { start: first.start, end: first.end };
  const contracted = CONTRACTED_SUBJECT.exec(first.norm);
  if (contracted?.[1] !== undefined) return { start: first.start, end: first.start + contracted[1].length };
  let last = start;
  const fits = (index: number): boolean => {
    const word = words[index];
    const previous = words[index - 1];
    if (word === undefined || previous === undefined || index >= beforeIndex || index - start >= MAXIMUM_SUBJECT_WORDS) return false;
    if (!joined(context, previous, word) || !phraseWord(words, index) && word.norm !== 'of') return false;
    return first.capitalized && !DETERMINERS.has(first.norm) ? word.capitalized || word.norm === 'of' : !/ed$/u.test(word.norm) && index - start < 4;
  };
  if (!first.capitalized && !DETERMINERS.has(first.norm)) return null;
  while (fits(last + 1)) last++;
  while (last > start && words[last]?.norm === 'of') last--;
  const lastWord = words[last];
  if (lastWord === undefined || (DETERMINERS.has(lastWord.norm) && last === start)) return null;
  return spanOf(first, lastWord);
}

/** Index of the sentence containing `position` (the last one starting at or before it). */
function sentenceIndexAt(sentences: readonly Span[], position: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if ((sentences[middle]?.start ?? 0) <= position) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** True when `position` lies inside one of the sorted, non-overlapping spans. */
function insideAny(spans: readonly Span[], position: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const span = spans[middle];
    if (span === undefined) return false;
    if (position < span.start) high = middle - 1;
    else if (position >= span.end) low = middle + 1;
    else return true;
  }
  return false;
}

/** The index of the first mention starting at or after `position`. */
function firstMentionFrom(mentions: readonly EntityMention[], position: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((mentions[middle]?.start ?? 0) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many sentences back a pronoun or role looks for its antecedent (the current one included). */
const ANTECEDENT_SENTENCES = 6;

const PRONOUN_GENDERS: ReadonlyMap<string, Gender> = new Map([['he', 'male'], ['she', 'female']]);

/**
 * "He said": the most recent person mention before the pronoun, outside quotations and within a
 * few sentences, whose gender agrees. A more recent person of unknown gender who is someone else
 * makes it ambiguous; with no gendered candidate, a lone person in the window is taken.
 */
function resolvePronoun(context: SpeakerContext, pronoun: Span, gender: Gender): EntityMention | null {
  const { text, mentions, sentences } = context;
  const sentence = sentenceIndexAt(sentences, pronoun.start);
  const windowStart = sentences[Math.max(0, sentence - (ANTECEDENT_SENTENCES - 1))]?.start ?? 0;
  let unknownKey: string | null = null;
  const people = new Set<string>();
  let lastUnknown: EntityMention | null = null;
  for (let index = firstMentionFrom(mentions, pronoun.start) - 1; index >= 0; index--) {
    const mention = mentions[index];
    if (mention === undefined || mention.start < windowStart) break;
    if (mention.kind !== 'person' || insideAny(context.quoted, mention.start)) continue;
    const key = surnameKey(text, mention);
    const mentionGender = context.genders.get(mention);
    if (mentionGender === gender) return unknownKey === null || unknownKey === key ? mention : null;
    people.add(key);
    if (mentionGender === undefined && unknownKey === null) {
      unknownKey = key;
      lastUnknown = mention;
    }
  }
  return people.size === 1 && lastUnknown !== null ? lastUnknown : null;
}

/**
 * "The minister said": the most recent mention before the phrase, within a few sentences, whose
 * role holds the phrase's head noun; otherwise the only mention in the article with that role.
 */
function resolveRole(context: SpeakerContext, phrase: Span): EntityMention | null {
  const words = context.text.slice(phrase.start, phrase.end).toLowerCase().split(/\s+/u);
  const head = words[words.length - 1] ?? '';
  if (words[0] !== 'the' || head.length < 3) return null;
  const matches = (mention: EntityMention): boolean => SPEAKING_KINDS.has(mention.kind) && (mention.role ?? '').split(/\s+/u).includes(head);
  const before = firstMentionFrom(context.mentions, phrase.start) - 1;
  for (let index = before; index >= 0; index--) {
    const mention = context.mentions[index];
    if (mention !== undefined && matches(mention)) return mention;
  }
  return null;
}

/** "Berg, who said …": the speaking mention that ends right before the comma. */
function resolveRelative(context: SpeakerContext, relative: Span): EntityMention | null {
  const comma = context.text.lastIndexOf(',', relative.start);
  const mention = context.mentions[firstMentionFrom(context.mentions, comma) - 1];
  if (mention === undefined || !SPEAKING_KINDS.has(mention.kind)) return null;
  return /^\s*$/u.test(context.text.slice(mention.end, comma)) ? mention : null;
}

/** The mention the speaker's words resolve to, or null when the text does not single one out. */
export function resolveSpeaker(context: SpeakerContext, speaker: Span): EntityMention | null {
  let best: EntityMention | null = null;
  for (let index = Math.max(0, firstMentionFrom(context.mentions, speaker.start) - 1); index < context.mentions.length; index++) {
    const mention = context.mentions[index];
    if (mention === undefined || mention.start >= speaker.end) break;
    if (mention.end <= speaker.start || !SPEAKING_KINDS.has(mention.kind)) continue;
    if (best === null || (best.kind !== 'person' && mention.kind === 'person')) best = mention;
  }
  if (best !== null) return best;
  const words = context.text.slice(speaker.start, speaker.end).toLowerCase();
  if (words === 'who') return resolveRelative(context, speaker);
  const gender = PRONOUN_GENDERS.get(words);
  if (gender !== undefined) return resolvePronoun(context, speaker, gender);
  return resolveRole(context, speaker);
}
