import type { EntityMention } from '../../core/annotations.js';
import { firstStartingAt, type Span } from '../../core/span.js';
import { speechCue } from './cues.js';
import { mentionGenders, surnameKey, type Gender } from './gender.js';
import { DETERMINERS, PHRASE_BREAKERS, SUBJECT_PRONOUNS, isLyAdverb, type Word } from './words.js';

/**
 * Speakers: the words that name who speaks (found next to a cue) and the entity mention they
 * resolve to. A name resolves to its own mention; "he"/"she" to a person mention of that gender,
 * the previous sentences' subject first, else the most recent one; "the minister" to the most
 * recent mention whose role holds "minister"; "who" to the name before its comma. When the text
 * does not single out one mention, the speaker stays unresolved.
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

/** Words that may stand between a speaker and the cue: "he also said", "Halvik has long said", "they both said". */
const BETWEEN_SPEAKER_AND_CUE = new Set([
  'also', 'later', 'then', 'has', 'have', 'had', 'would', 'will', 'could', 'might', 'may', 'did',
  'does', 'once', 'earlier', 'again', 'further', 'first', 'himself', 'herself', 'themselves',
  'itself', 'previously', 'recently', 'reportedly', 'often', 'now', 'since', 'subsequently',
  'can', 'must', 'should', 'still', 'even', 'just', 'never', 'today', 'yesterday', 'tonight',
  'long', 'already', 'both', 'all',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Determiners that can stand alone as a speaker: "One says …, another says …", "Many said …". */
const PRONOMINAL_DETERMINERS = new Set(['one', 'another', 'both', 'many', 'some', 'most', 'several', 'all', 'few', 'others']);

/** The longest opening phrase before a subject, in characters: "On Tuesday night in Velm, …". */
const MAXIMUM_OPENING_PHRASE = 80;

/** The longest bracketed aside skipped between a speaker and the cue: "(D-Velm)", "(R)". */
const MAXIMUM_BRACKET_LENGTH = 24;

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Prepositions that may stand inside a speaker's phrase read backwards from the cue: "delegates in Velm", "a lawyer from Orlan". */
const INNER_PREPOSITIONS = new Set(['in', 'from', 'on', 'with', 'to']);

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
  if (/^\s+$/u.test(gap) || /^\s+&\s+$/u.test(gap)) return true;
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
  if (word.norm === 'and') {
    // "Halvik and Berg", "she and another reporter", "experts and officials".
    const before = words[index - 1];
    const after = words[index + 1];
    if (before === undefined || after === undefined) return false;
    const nameLike = (neighbour: Word): boolean => neighbour.capitalized || SUBJECT_PRONOUNS.has(neighbour.norm) || DETERMINERS.has(neighbour.norm);
    return (nameLike(before) || before.norm.endsWith('s')) && (nameLike(after) || after.norm.endsWith('s')) && !PHRASE_BREAKERS.has(after.norm);
  }
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
    if (word === undefined || next === undefined) break;
    if (/^\.?\)\s+$/u.test(context.text.slice(word.end, next.start))) {
      // "Orlan (D-Velm) said": the bracketed affiliation is skipped.
      const bracketStart = Math.max(0, word.end - MAXIMUM_BRACKET_LENGTH);
      const found = context.text.slice(bracketStart, word.start).lastIndexOf('(');
      if (found < 0) break;
      const opening = bracketStart + found;
      while (last >= firstIndex && (words[last]?.start ?? 0) > opening) last--;
      const before = words[last];
      if (before === undefined || !/^\s+$/u.test(context.text.slice(before.end, opening))) return null;
      return phraseEndingAt(context, words, last, firstIndex);
    }
    if (!joined(context, word, next)) break;
    const previous = words[last - 1];
    if ((WEEKDAYS.has(word.norm) && previous?.norm === 'on') || (/^(week|month|year|weekend)$/u.test(word.norm) && /^(this|last)$/u.test(previous?.norm ?? ''))) {
      // "Halvik on Tuesday said", "Halvik this week said".
      last -= 2;
      continue;
    }
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
  // "Joseph Orlan Jr. said": an abbreviation's period before the cue.
  const abbreviated = /^\.\s+$/u.test(gap) && lastWord.capitalized && lastWord.end - lastWord.start <= 3;
  if (/^\s+$/u.test(gap) || abbreviated) return phraseEndingAt(context, words, last, firstIndex);
  if (/^\.?\)\s*,\s+$/u.test(gap)) {
    // "Orlan (D-Velm), said" / "Orlan (D-Velm), a former mayor, said".
    const bracketed = phraseEndingAt(context, words, bracketStart(context, words, last), firstIndex);
    if (bracketed !== null && startsClause(context, words, bracketed, firstIndex)) return bracketed;
  }
  if (/^[.)]*\s*[,—–]\s+$/u.test(gap)) return speakerBeforeAside(context, words, last, firstIndex);
  return null;
}

/**
 * "Halvik, the interior minister, said" / "The ministry, in a statement, said": the phrase before
 * the comma that opens the aside ending at `words[asideLast]`, when it names a speaker.
 */
function speakerBeforeAside(context: SpeakerContext, words: readonly Word[], asideLast: number, firstIndex: number): Span | null {
  // Asides may follow one another ("Marta Orlan, 58, a teacher from Velm, said"): the subject is
  // the earliest phrase that opens the clause.
  const maximumAsides = 40;
  let found: Span | null = null;
  for (let index = asideLast; index > firstIndex && asideLast - index < maximumAsides; index--) {
    const word = words[index];
    const previous = words[index - 1];
    if (word === undefined || previous === undefined) break;
    const gap = context.text.slice(previous.end, word.start);
    if (/^[.)]*\s*[,—–]\s+$/u.test(gap)) {
      const speaker = phraseEndingAt(context, words, bracketStart(context, words, index - 1), firstIndex);
      if (speaker !== null && startsClause(context, words, speaker, firstIndex)) found = speaker;
    } else if (!/^[.'’]?\s+$/u.test(gap) && !/^\s+&\s+$/u.test(gap)) break;
  }
  return found;
}

/**
 * The word before a bracketed aside that ends with `words[last]` ("Orlan (D-Velm)" → "Orlan"),
 * or `last` when no bracket closes there.
 */
function bracketStart(context: SpeakerContext, words: readonly Word[], last: number): number {
  const word = words[last];
  if (word === undefined || !/^\.?\)/u.test(context.text.slice(word.end, word.end + 2))) return last;
  const from = Math.max(0, word.end - MAXIMUM_BRACKET_LENGTH);
  const found = context.text.slice(from, word.start).lastIndexOf('(');
  if (found < 0) return last;
  let index = last;
  while (index > 0 && (words[index]?.start ?? 0) > from + found) index--;
  return index;
}

/** True when nothing but an opening phrase lies between the clause start and `speaker`. */
function startsClause(context: SpeakerContext, words: readonly Word[], speaker: Span, firstIndex: number): boolean {
  const first = words[firstIndex];
  if (first === undefined) return false;
  if (speaker.start === first.start) return true;
  if (speaker.start - first.start > MAXIMUM_OPENING_PHRASE) return false;
  const before = context.text.slice(first.start, speaker.start);
  // "Yet Halvik, a former minister, said" / "On Tuesday, Halvik, …, said": one opening word, or
  // an introductory phrase closed by a comma.
  if (/^\p{L}+\s+$/u.test(before)) return true;
  return /[,:—–]\s*$/u.test(before) && !before.trimEnd().slice(0, -1).includes(',');
}

/** The speaker phrase whose last word is `words[last]`, not reaching before `words[firstIndex]`. */
export function phraseEndingAt(context: SpeakerContext, words: readonly Word[], last: number, firstIndex: number): Span | null {
  const lastWord = words[last];
  if (lastWord === undefined) return null;
  if (SUBJECT_PRONOUNS.has(lastWord.norm)) return { start: lastWord.start, end: lastWord.end };
  // "Berg, who said …": the relative pronoun stands for the name before the comma.
  if (lastWord.norm === 'who') return { start: lastWord.start, end: lastWord.end };
  // A possessive is not the speaker ("Halvik's aides said" ends at "aides").
  if (!phraseWord(words, last) || TIME_WORDS.has(lastWord.norm) || /'s$|s'$/u.test(lastWord.norm)) return null;
  if (/^\p{N}/u.test(lastWord.norm) && !NUMBER_WORDS.test(words[last - 2]?.norm ?? '')) return null;
  const maximumWords = 10;
  let first = last;
  while (first > firstIndex && last - first < maximumWords - 1) {
    const previous = words[first - 1];
    const current = words[first];
    if (previous === undefined || current === undefined || !joined(context, previous, current)) break;
    if (!phraseWord(words, first - 1) && !(INNER_PREPOSITIONS.has(previous.norm) && first < last + 1 && first > firstIndex + 1)) break;
    first--;
  }
  // The phrase is the whole run ("The Times", "Velm Sen. Marta Orlan", "half of the voters",
  // "veteran lawmakers"), less a time word before it ("Yesterday officials said").
  while (first < last && TIME_WORDS.has(words[first]?.norm ?? '')) first++;
  const firstWord = words[first];
  if (firstWord === undefined) return null;
  if (first === last && DETERMINERS.has(firstWord.norm)) return PRONOMINAL_DETERMINERS.has(firstWord.norm) ? spanOf(firstWord, lastWord) : null;
  return spanOf(firstWord, lastWord);
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

/** How many words into a clause its subject is looked for, past opening phrases. */
const MAXIMUM_SUBJECT_REACH = 40;

/**
 * The subject phrase starting at `words[start]`: a pronoun; a run of capitalised words, which
 * may hold "of" ("Former Secretary of State Marta Orlan"), naming a person or an organisation;
 * or a determiner and the few words after it that are neither cues nor past-tense verbs ("The
 * Velm senator toured …" → "The Velm senator"). Null when none starts there.
 */
function subjectAt(context: SpeakerContext, words: readonly Word[], start: number, beforeIndex: number): Span | null {
  const first = words[start];
  if (first === undefined || start >= beforeIndex) return null;
  if (SUBJECT_PRONOUNS.has(first.norm) && first.norm !== 'it') return { start: first.start, end: first.end };
  const contracted = CONTRACTED_SUBJECT.exec(first.norm);
  if (contracted?.[1] !== undefined) return { start: first.start, end: first.start + contracted[1].length };
  const determined = DETERMINERS.has(first.norm);
  if (!first.capitalized && !determined) return null;
  const fits = (index: number): boolean => {
    const word = words[index];
    const previous = words[index - 1];
    if (word === undefined || previous === undefined || index >= beforeIndex || index - start >= MAXIMUM_SUBJECT_WORDS) return false;
    if (!joined(context, previous, word) || (!phraseWord(words, index) && word.norm !== 'of')) return false;
    return determined ? !/ed$/u.test(word.norm) && index - start < 4 : word.capitalized || word.norm === 'of';
  };
  let last = start;
  while (fits(last + 1)) last++;
  while (last > start && words[last]?.norm === 'of') last--;
  const lastWord = words[last];
  if (lastWord === undefined || (determined && last === start)) return null;
  const phrase = spanOf(first, lastWord);
  if (determined) return phrase;
  // A capitalised run must name someone: not "When", "Speaking", a dateline or a place.
  const named = resolveSpeaker(context, phrase);
  return named !== null && (named.kind === 'person' || named.kind === 'organization') ? phrase : null;
}

/**
 * The subject of a clause, for a cue that shares it ("Halvik arrived and said …", "…, saying
 * …"): the subject phrase at the clause start, else the first one that follows a comma or a dash
 * (after an opening phrase: "Speaking in Velm on Tuesday, Halvik …", "VELM — Halvik …").
 */
export function subjectOfClause(context: SpeakerContext, words: readonly Word[], firstIndex: number, beforeIndex: number): Span | null {
  const atStart = subjectAt(context, words, firstIndex, beforeIndex);
  if (atStart !== null) return atStart;
  for (let index = firstIndex + 1; index < Math.min(beforeIndex, firstIndex + MAXIMUM_SUBJECT_REACH); index++) {
    const word = words[index];
    const previous = words[index - 1];
    if (word === undefined || previous === undefined || !/[,—–]\s*$/u.test(context.text.slice(previous.end, word.start))) continue;
    const subject = subjectAt(context, words, index, beforeIndex);
    if (subject !== null) return subject;
  }
  return null;
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

/** How many sentences back a pronoun looks for its antecedent (the current one included). */
const ANTECEDENT_SENTENCES = 6;

/** How far back, in characters, a pronoun or a role looks for its antecedent, whatever the sentences. */
const MAXIMUM_ANTECEDENT_DISTANCE = 3000;

const PRONOUN_GENDERS: ReadonlyMap<string, Gender> = new Map([['he', 'male'], ['she', 'female']]);

/** Most words before a mention, in its sentence, for it to count as the sentence's subject. */
const MAXIMUM_WORDS_BEFORE_SUBJECT = 5;

/** Words after which a name is an object, not the subject: "… to Halvik", "… with Berg". */
const OBJECT_MARKERS = /\b(?:to|of|with|against|for|by|from|about|at|on|in|into|over|than|and|or|like|after|before)\s+$/iu;

/**
 * The person mention that is the subject of the sentence `[start, end)` (a name among its first
 * few words, not after a preposition), outside quotations, or null.
 */
function sentenceSubject(context: SpeakerContext, start: number, end: number): EntityMention | null {
  for (let index = firstStartingAt(context.mentions, start); index < context.mentions.length; index++) {
    const mention = context.mentions[index];
    if (mention === undefined || mention.start >= end) return null;
    if (mention.kind !== 'person' || insideAny(context.quoted, mention.start)) continue;
    if (mention.start - start > MAXIMUM_ANTECEDENT_DISTANCE) return null;
    // After a quotation, its speaker is the subject: "“…,” Halvik said."
    const before = context.text.slice(start, mention.start).replace(/^.*["”»]|^.*''/su, '');
    if (before.split(/\s+/u).filter((word) => word !== '' && word !== ',').length > MAXIMUM_WORDS_BEFORE_SUBJECT || OBJECT_MARKERS.test(before)) return null;
    return mention;
  }
  return null;
}

/**
 * "He said": the subject of the nearest earlier sentence whose subject is a person of that
 * gender (the salience ranking of centering theory: a subject pronoun usually continues the
 * previous subject), within a few sentences; a subject of the other gender is passed over.
 * Failing that, the most recent person mention of that gender outside quotations, unless a more
 * recent person of unknown gender, someone else, makes it ambiguous; with no gendered candidate,
 * a lone person in the window is taken.
 */
function resolvePronoun(context: SpeakerContext, pronoun: Span, gender: Gender): EntityMention | null {
  const { text, mentions, sentences } = context;
  const sentence = sentenceIndexAt(sentences, pronoun.start);
  const windowStart = Math.max(sentences[Math.max(0, sentence - (ANTECEDENT_SENTENCES - 1))]?.start ?? 0, pronoun.start - MAXIMUM_ANTECEDENT_DISTANCE);
  for (let index = sentence; index >= 0; index--) {
    const span = sentences[index];
    if (span === undefined || span.start < windowStart) break;
    const subject = sentenceSubject(context, span.start, Math.min(span.end, pronoun.start));
    if (subject === null) continue;
    const subjectGender = context.genders.get(subject);
    if (subjectGender === gender) return subject;
    if (subjectGender === undefined) break;
  }
  let unknownKey: string | null = null;
  const people = new Set<string>();
  let lastUnknown: EntityMention | null = null;
  for (let index = firstStartingAt(mentions, pronoun.start) - 1; index >= 0; index--) {
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
 * "The minister said": the most recent mention before the phrase, within reach, whose role holds
 * the phrase's head noun.
 */
function resolveRole(context: SpeakerContext, phrase: Span): EntityMention | null {
  const words = context.text.slice(phrase.start, phrase.end).toLowerCase().split(/\s+/u);
  const head = words[words.length - 1] ?? '';
  if (words[0] !== 'the' || head.length < 3) return null;
  const matches = (mention: EntityMention): boolean => SPEAKING_KINDS.has(mention.kind) && (mention.role ?? '').split(/\s+/u).includes(head);
  const before = firstStartingAt(context.mentions, phrase.start) - 1;
  for (let index = before; index >= 0; index--) {
    const mention = context.mentions[index];
    if (mention === undefined || mention.start < phrase.start - MAXIMUM_ANTECEDENT_DISTANCE) break;
    if (matches(mention)) return mention;
  }
  return null;
}

/** "Berg, who said …": the speaking mention that ends right before the comma. */
function resolveRelative(context: SpeakerContext, relative: Span): EntityMention | null {
  const before = /,\s*$/u.exec(context.text.slice(Math.max(0, relative.start - 3), relative.start));
  if (before === null) return null;
  const comma = relative.start - before[0].length;
  const mention = context.mentions[firstStartingAt(context.mentions, comma) - 1];
  if (mention === undefined || !SPEAKING_KINDS.has(mention.kind)) return null;
  return mention.end >= comma - 1 ? mention : null;
}

/** The mention the speaker's words resolve to, or null when the text does not single one out. */
export function resolveSpeaker(context: SpeakerContext, speaker: Span): EntityMention | null {
  // A name inside the phrase is its speaker when it heads the phrase (ends it: "Interior Minister
  // Tomas Halvik", "a spokeswoman for the ministry") or opens it ("Halvik of the ministry"), not
  // when it only qualifies it ("half of Velm voters").
  let best: EntityMention | null = null;
  for (let index = Math.max(0, firstStartingAt(context.mentions, speaker.start) - 1); index < context.mentions.length; index++) {
    const mention = context.mentions[index];
    if (mention === undefined || mention.start >= speaker.end) break;
    if (mention.end <= speaker.start || !SPEAKING_KINDS.has(mention.kind)) continue;
    const heads = mention.end >= speaker.end || mention.start <= speaker.start;
    if (heads && (best === null || (best.kind !== 'person' && mention.kind === 'person'))) best = mention;
  }
  if (best !== null) return best;
  const words = context.text.slice(speaker.start, speaker.end).toLowerCase();
  if (words === 'who') return resolveRelative(context, speaker);
  const gender = PRONOUN_GENDERS.get(words);
  if (gender !== undefined) return resolvePronoun(context, speaker, gender);
  return resolveRole(context, speaker);
}
