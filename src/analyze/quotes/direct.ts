import type { QuoteKind } from '../../core/annotations.js';
import type { Span } from '../../core/span.js';
import { MAXIMUM_CLAUSE_LENGTH, clauseEndAfter, clauseStartBefore } from './clauses.js';
import { speechCue } from './cues.js';
import type { QuotedPassage } from './marks.js';
import { phraseEndingAt, phraseStartingAt, resolveSpeaker, speakerBefore, subjectOfClause, type SpeakerContext } from './speakers.js';
import { PHRASE_BREAKERS, wordsIn, type Word } from './words.js';

/**
 * Direct quotations: quoted passages that stand as a sentence or more, with the attribution
 * written next to them — after the closing mark ("…,” she said." / "…,” said Halvik."), before
 * the opening mark ("Halvik said: “…”"), or between the parts of a split quote ("…,” he said,
 * “…”"). Passages that are fragments of the reporter's sentence are left to the indirect-speech
 * reader, which finds their sentence's cue and speaker.
 */

/** A quotation before its speaker is resolved. */
export interface DraftQuote extends Span {
  readonly kind: QuoteKind;
  readonly content: readonly Span[];
  readonly cue: Span | null;
  readonly speaker: Span | null;
}

/** The cue and speaker written next to a quotation, and how far they reach. */
interface Attribution {
  /** Null when the speaker is introduced by a colon alone ("… pollster Marta Orlan: “…”"). */
  readonly cue: Span | null;
  readonly speaker: Span | null;
  /** The attribution's own extent (speaker and cue). */
  readonly span: Span;
}

/** How many words may open an attribution clause before its cue: "…,” the interior ministry's spokeswoman said". */
const MAXIMUM_SPEAKER_WORDS = 9;

/** How many words may follow the cue in a lead-in before the opening mark: "told reporters on Tuesday: “…”". */
const MAXIMUM_LEAD_IN_TAIL = 4;

/** The attribution made of a cue and its speaker (if any), spanning both. */
function attribution(cue: Word | Span, speaker: Span | null): Attribution {
  const cueSpan = { start: cue.start, end: cue.end };
  const start = Math.min(cueSpan.start, speaker?.start ?? cueSpan.start);
  const end = Math.max(cueSpan.end, speaker?.end ?? cueSpan.end);
  return { cue: cueSpan, speaker, span: { start, end } };
}

/** True for "according to" at `words[index]`. */
function isAccordingTo(words: readonly Word[], index: number): boolean {
  return words[index]?.norm === 'according' && words[index + 1]?.norm === 'to';
}

/** Pronouns that can speak a quotation. */
const SPEAKING_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * "“Go back,” Halvik snapped.": after a closing mark, a speaker and a verb that is not in the
 * cue lexicon but takes the cue's place — a past-tense or present verb ending the clause
 * (nothing after it but an adverbial tail). The speaker must be a pronoun or name a person or an
 * organisation.
 */
function attributionByOtherVerb(context: SpeakerContext, words: readonly Word[]): Attribution | null {
  const first = words[0];
  if (first === undefined) return null;
  for (let index = 1; index < Math.min(words.length, MAXIMUM_SPEAKER_WORDS + 1); index++) {
    const verb = words[index];
    if (verb === undefined || verb.capitalized || !/^\p{Ll}+(?:ed|s)$/u.test(verb.norm) || PHRASE_BREAKERS.has(verb.norm)) continue;
    const speaker = speakerBefore(context, words, index, 0);
    if (speaker === null || speaker.start !== first.start) return null;
    const spoken = context.text.slice(speaker.start, speaker.end).toLowerCase();
    const named = SPEAKING_PRONOUNS.has(spoken) ? null : resolveSpeaker(context, speaker);
    if (!SPEAKING_PRONOUNS.has(spoken) && (named === null || (named.kind !== 'person' && named.kind !== 'organization'))) return null;
    const rest = words.length - index - 1;
    return rest <= 3 || /^(on|in|at|during|after|as|before|while|with|from|to)$/u.test(words[index + 1]?.norm ?? '') ? attribution(verb, speaker) : null;
  }
  return null;
}

/**
 * The attribution after a closing mark, within the clause up to `limit`: "said Halvik",
 * "according to the ministry", or a speaker then a cue ("Halvik said", "the minister told
 * reporters"). When the quotation ends its sentence ("…won.”") the attribution must end the
 * clause too ("“We won.” Halvik said."), else the words after are a new sentence.
 */
function attributionAfter(context: SpeakerContext, passage: QuotedPassage, limit: number, sentenceEnded: boolean): Attribution | null {
  const { text } = context;
  const clauseEnd = clauseEndAfter(text, passage.end, limit);
  const words = wordsIn(text, passage.end, clauseEnd);
  const first = words[0];
  if (first === undefined || !/^[\s,;:—–-]*$/u.test(text.slice(passage.end, first.start))) return null;
  let found: Attribution | null = null;
  if (isAccordingTo(words, 0)) {
    const speaker = phraseStartingAt(context, words, 2, words.length - 1);
    if (speaker !== null) found = attribution({ start: first.start, end: words[1]?.end ?? first.end }, speaker);
  } else if (speechCue(first.norm)?.nounLike === false) {
    const speaker = phraseStartingAt(context, words, 1, words.length - 1);
    if (speaker !== null) found = attribution(first, speaker);
  } else {
    for (let index = 1; index < Math.min(words.length, MAXIMUM_SPEAKER_WORDS + 1); index++) {
      const word = words[index];
      if (word === undefined || speechCue(word.norm) === undefined) continue;
      const speaker = speakerBefore(context, words, index, 0);
      if (speaker !== null && speaker.start === first.start) found = attribution(word, speaker);
      break;
    }
    found ??= attributionByOtherVerb(context, words);
  }
  if (found === null) return null;
  if (sentenceEnded && words.filter((word) => word.start >= found.span.end).length > 2) return null;
  return found;
}

/** Words before a cue that make it share its clause's subject: "…, and added: “…”". */
const COORDINATORS = new Set(['and', 'then', 'but']);

/**
 * The attribution in the lead-in that ends at `leadEnd` (an opening mark, or the colon closing
 * the paragraph before a quoted one), read from its clause start: "Halvik said:", "the minister
 * told reporters on Tuesday:", "He added that", "According to the ministry,", "…, saying:" and
 * "… and added:" (the clause's subject speaks).
 */
function attributionBefore(context: SpeakerContext, leadEnd: number, limit: number): Attribution | null {
  const { text } = context;
  const clauseStart = clauseStartBefore(text, leadEnd, limit);
  const words = wordsIn(text, clauseStart, leadEnd);
  const last = words[words.length - 1];
  if (last === undefined) return null;
  const gap = text.slice(last.end, leadEnd);
  if (!/^\s*[,:]?\s*[—–-]?\s*$/u.test(gap)) return null;
  const punctuated = /[,:—–-]/u.test(gap);
  if (isAccordingTo(words, 0) && gap.includes(',')) {
    const speaker = phraseStartingAt(context, words, 2, words.length - 1);
    const to = words[1];
    if (speaker !== null && to !== undefined && speaker.end === last.end) return attribution({ start: words[0]?.start ?? to.start, end: to.end }, speaker);
  }
  if (gap.includes(':')) {
    // "… the pollster Marta Orlan: “…”": a name right before the colon speaks.
    const named = phraseEndingAt(context, words, words.length - 1, 0);
    const mention = named === null ? null : resolveSpeaker(context, named);
    if (named !== null && mention?.kind === 'person' && mention.end >= last.end - 1) return { cue: null, speaker: named, span: named };
  }
  for (let index = words.length - 1; index >= Math.max(0, words.length - 1 - MAXIMUM_LEAD_IN_TAIL); index--) {
    const word = words[index];
    const sense = word === undefined ? undefined : speechCue(word.norm);
    if (word === undefined || sense === undefined) continue;
    const tail = words.slice(index + 1);
    const tailAllowed =
      tail.length === 0 ||
      (tail.length === 1 && tail[0]?.norm === 'that') ||
      (punctuated && tail.every((tailWord) => speechCue(tailWord.norm) === undefined)) ||
      (sense.takesAddressee && tail.length <= 3);
    if (!tailAllowed) return null;
    const sharesSubject = word.norm.endsWith('ing') || COORDINATORS.has(words[index - 1]?.norm ?? '');
    const speaker = speakerBefore(context, words, index, 0) ?? (sharesSubject && !sense.nounLike ? subjectOfClause(context, words, 0, index) : null);
    return speaker === null && (!punctuated || sense.nounLike) ? null : attribution(word, speaker);
  }
  return null;
}

/** The first letter or digit of the passage's content, or '' when it has none. */
function firstLetter(text: string, passage: QuotedPassage): string {
  const first = passage.content[0];
  if (first === undefined) return '';
  const match = /[\p{L}\p{N}]/u.exec(text.slice(first.start, Math.min(first.end, first.start + 20)));
  return match?.[0] ?? '';
}

/** The last non-space character before `index`, not reaching before `limit`; '' when none. */
function previousVisible(text: string, index: number, limit: number): string {
  for (let position = index - 1; position >= limit; position--) {
    const character = text[position] ?? '';
    if (!/\s/u.test(character)) return character;
  }
  return '';
}

/** The last word before `index` (within a clause's reach), or null. */
function previousWord(text: string, index: number): Word | null {
  const words = wordsIn(text, Math.max(0, index - 40), index);
  const last = words[words.length - 1];
  return last !== undefined && /^\s*$/u.test(text.slice(last.end, index)) ? last : null;
}

/**
 * True when the passage stands as a sentence of its own: it opens where a sentence can (a
 * paragraph start, after ".", ":", a dash, a closing mark, a comma, or a cue: "said “We…”"),
 * with a capital letter (or a script without case), and it closes with punctuation or where
 * its sentence or clause ends. Otherwise it is a fragment: "called the plan “a disaster”".
 */
function standsAsSentence(text: string, passage: QuotedPassage, paragraphStart: number): boolean {
  const letter = firstLetter(text, passage);
  if (letter === '' || /\p{Ll}/u.test(letter)) return false;
  const before = previousVisible(text, passage.start, paragraphStart);
  if (/\p{L}|\p{N}/u.test(before)) {
    const word = previousWord(text, passage.start);
    if (word === null || speechCue(word.norm) === undefined) return false;
  }
  const lastPart = passage.content[passage.content.length - 1];
  if (lastPart === undefined) return false;
  if (/[.!?…,;:—–\-。！？，：；]/u.test(text[lastPart.end - 1] ?? '')) return true;
  const after = /^\s*(\S?)/u.exec(text.slice(passage.end, passage.end + 8))?.[1] ?? '';
  return after === '' || /[.!?,;:—–\-。！？，：；]/u.test(after);
}

/**
 * True when the passage's own words end with a full stop ("…won.”"). A question or exclamation
 * mark stands where a comma would ("“Why now?” she asked."), so it does not count.
 */
function endsWithSentenceStop(text: string, passage: QuotedPassage): boolean {
  const lastPart = passage.content[passage.content.length - 1];
  return lastPart !== undefined && /[.…]/u.test(text[lastPart.end - 1] ?? '');
}

/** The paragraph holding `position`, advancing `cursor` (positions are visited in order). */
function paragraphAt(paragraphs: readonly Span[], position: number, cursor: { index: number }): Span {
  while (cursor.index < paragraphs.length - 1 && (paragraphs[cursor.index]?.end ?? 0) <= position) cursor.index++;
  return paragraphs[cursor.index] ?? { start: 0, end: position + 1 };
}

/**
 * True when the passage after an attribution continues the same quotation: "…,” he said, “…",
 * "…,” she said on Tuesday, “…", or "…,” he said. “…" when the next passage carries no
 * attribution of its own. Only a few words, and no sentence end, may stand between.
 */
function continuesSplitQuote(context: SpeakerContext, attributionEnd: number, next: QuotedPassage, nextLimit: number): boolean {
  const { text } = context;
  if (next.start - attributionEnd > MAXIMUM_CLAUSE_LENGTH / 3) return false;
  const gap = text.slice(attributionEnd, next.start);
  if (!/[,:;.—–-]\s*$/u.test(gap) || /[.!?]\s/u.test(gap.trimEnd().slice(0, -1))) return false;
  if (wordsIn(text, attributionEnd, next.start).length > 5) return false;
  return !/[.]\s*$/u.test(gap) || attributionAfter(context, next, nextLimit, endsWithSentenceStop(text, next)) === null;
}

/**
 * True when an unattributed quotation continues the attributed one before it: nothing but the
 * end of the previous attribution's sentence lies between them ("…,” he said. “…”, or the next
 * paragraph opening with the quotation). News style gives a quotation standing right after
 * another, with no attribution of its own, to the same speaker.
 */
export function continuesPrevious(text: string, previous: DraftQuote, passage: Span): boolean {
  if ((previous.cue === null && previous.speaker === null) || passage.start < previous.end || passage.start - previous.end > MAXIMUM_CLAUSE_LENGTH) return false;
  if (/["“”„«»]/u.test(text.slice(previous.end, passage.start))) return false;
  const stop = clauseEndAfter(text, previous.end, passage.start);
  return /^\s*$/u.test(text.slice(Math.min(stop + 1, passage.start), passage.start));
}

/**
 * The attribution written in the paragraph before a quotation that opens its paragraph, when
 * that paragraph ends with a colon ("Halvik told the council:" then the quoted paragraph).
 */
function attributionInPreviousParagraph(context: SpeakerContext, passage: QuotedPassage, paragraphs: readonly Span[], paragraphIndex: number, limit: number): Attribution | null {
  const { text } = context;
  const paragraph = paragraphs[paragraphIndex];
  const previous = paragraphs[paragraphIndex - 1];
  if (paragraph === undefined || previous === undefined || !/^\s*$/u.test(text.slice(paragraph.start, passage.start))) return null;
  const leadEnd = previous.start + text.slice(previous.start, previous.end).trimEnd().length;
  if (text[leadEnd - 1] !== ':' || leadEnd <= limit) return null;
  return attributionBefore(context, leadEnd, Math.max(previous.start, limit));
}

/** The result of reading the quoted passages: direct quotations, and the fragments left over. */
export interface DirectReading {
  readonly quotes: DraftQuote[];
  readonly fragments: QuotedPassage[];
}

/** Reads the quoted passages as direct quotations with their attributions, or as fragments. */
export function readDirectQuotes(context: SpeakerContext, passages: readonly QuotedPassage[], paragraphs: readonly Span[]): DirectReading {
  const { text } = context;
  const quotes: DraftQuote[] = [];
  const fragments: QuotedPassage[] = [];
  const cursor = { index: 0 };
  for (let index = 0; index < passages.length; index++) {
    const passage = passages[index];
    if (passage === undefined) continue;
    const paragraph = paragraphAt(paragraphs, passage.start, cursor);
    if (!standsAsSentence(text, passage, paragraph.start)) {
      fragments.push(passage);
      continue;
    }
    const next = passages[index + 1];
    const endParagraph = paragraphAt(paragraphs, Math.max(passage.start, passage.end - 1), { index: cursor.index });
    const afterLimit = Math.min(endParagraph.end, next?.start ?? text.length);
    const previousEnd = Math.max(quotes[quotes.length - 1]?.end ?? 0, passages[index - 1]?.end ?? 0);
    const beforeLimit = Math.max(paragraph.start, previousEnd);
    const sentenceEnded = endsWithSentenceStop(text, passage);
    const after = passage.closed ? attributionAfter(context, passage, afterLimit, sentenceEnded) : null;
    const found = after ?? attributionBefore(context, passage.start, beforeLimit) ?? attributionInPreviousParagraph(context, passage, paragraphs, cursor.index, previousEnd);
    const content = [...passage.content];
    let end = Math.max(passage.end, found?.span.end ?? 0);
    const nextLimit = next === undefined ? 0 : Math.min(paragraphAt(paragraphs, next.end - 1, { index: cursor.index }).end, passages[index + 2]?.start ?? text.length);
    if (after !== null && next !== undefined && next.start < endParagraph.end && continuesSplitQuote(context, after.span.end, next, nextLimit)) {
      content.push(...next.content);
      end = next.end;
      index++;
    }
    // An unattributed quotation right after an attributed one continues it (see `continuesPrevious`);
    // findQuotes joins it to a previous reported-speech quotation the same way, once those are read.
    const previous = quotes[quotes.length - 1];
    if (found === null && content.length === passage.content.length && previous !== undefined && continuesPrevious(text, previous, passage)) {
      quotes[quotes.length - 1] = { ...previous, end: passage.end, content: [...previous.content, ...content] };
      continue;
    }
    const start = Math.min(passage.start, found?.span.start ?? passage.start);
    const quote: DraftQuote = { start, end, kind: 'direct', content, cue: found?.cue ?? null, speaker: found?.speaker ?? null };
    if (after !== null && previous !== undefined && previous.cue === null && previous.speaker === null && passage.start - previous.end < MAXIMUM_CLAUSE_LENGTH && /^\s*$/u.test(text.slice(previous.end, passage.start))) {
      // "“…” “…,” Halvik said.": the unattributed quotation right before is Halvik's too.
      quotes[quotes.length - 1] = { ...quote, start: previous.start, content: [...previous.content, ...content] };
      continue;
    }
    quotes.push(quote);
  }
  return { quotes, fragments };
}
