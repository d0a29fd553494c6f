import { firstEndingAfter, firstStartingAt, type Span } from '../../core/span.js';
import { speechCue } from './cues.js';
import type { DraftQuote } from './direct.js';
import type { QuotedPassage } from './marks.js';
import { phraseEndingAt, phraseStartingAt, resolveSpeaker, speakerBefore, subjectOfClause, type SpeakerContext } from './speakers.js';
import { DETERMINERS, PHRASE_BREAKERS, isLyAdverb, wordsIn, type Word } from './words.js';

/**
 * Reported speech without quotation marks, read from a sentence's words around a reporting cue:
 * "Halvik said (that) …", "…, Halvik said.", "…, said Halvik.", "The plan, Halvik said, …",
 * "According to the ministry, …", "…, according to the ministry.", "…, saying (that) …" and
 * "… and said …" after the sentence's subject, "Berg, who said …, …". When the reported words
 * hold a quoted fragment ("called the plan “a disaster”"), the quotation is `partial`; otherwise
 * it is `indirect`.
 */

/** Fewest words a reported clause must have: "…, he said" after "Yes" is no report. */
const MINIMUM_CONTENT_WORDS = 3;

/** Most words that may follow a trailing attribution before the sentence ends: "…, Halvik said on Tuesday night." */
const MAXIMUM_TRAILING_WORDS = 6;

/** Words right before a speaker that make it the subject of a new clause: "But Halvik said …", "…, when she said …". */
const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'yet', 'while', 'although', 'though', 'because', 'however', 'meanwhile', 'still', 'now', 'also', 'as', 'when', 'after', 'before', 'since', 'if', 'until', 'whereas', 'where']);

/** Words before a cue that make it share the sentence's subject: "Halvik arrived and said …", "…, then says …". */
const COORDINATORS = new Set(['and', 'then', 'but']);

/** How far a trailing adverbial is read for a "that" or a cue that would make it a report of its own. */
const MAXIMUM_TAIL_WORDS = 12;

/** Most words of the source named after "according to". */
const MAXIMUM_SOURCE_WORDS = 15;

/** Words that open the adverbial tail of a trailing attribution: "…, Halvik said on Tuesday in a statement." */
const TAIL_OPENERS = new Set([
  'on', 'in', 'at', 'during', 'after', 'before', 'to', 'from', 'while', 'when', 'last', 'this',
  'earlier', 'later', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'as', 'via', 'by', 'with', 'late', 'early',
]);

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Documents and occasions named in "said in a statement", "told the Herald in an interview". */
const OCCASIONS = new Set(['statement', 'interview', 'speech', 'letter', 'tweet', 'post', 'email', 'e-mail', 'release', 'op-ed', 'essay', 'memo', 'filing', 'briefing', 'conference', 'call', 'video', 'message']);

/** Words that end a content before a second report in the same sentence: "…, but Berg said …". */
const REPORT_JOINERS = /(?:[,;—–](?:["”’»]|'')?\s*(?:and|but|while|whereas|although|though|yet)?|\s(?:and|but|while|whereas))\s*$/u;

/** Relative words before a speaker: "…, which officials said will open in May". */
const RELATIVE_OPENERS = new Set(['which', 'what', 'whom']);

/** Words before a participle cue that give it the sentence's subject: "by saying", "before claiming". */
const PARTICIPLE_OPENERS = new Set(['by', 'after', 'before', 'while', 'when', 'in', 'without']);

/** A stretch of a sentence read for reported speech (the sentence less its direct quotations). */
export interface Segment extends Span {
  /**
   * The speaker of the direct quotation this segment follows in its sentence ("…,” he said,
   * adding that …"), or null.
   */
  readonly previousSpeaker: Span | null;
}

/**
 * True when the text between two positions holds a comma (or a dash) and nothing else but spaces
 * and a closing quotation mark ("…,” Halvik said").
 */
function commaBetween(text: string, from: number, to: number): boolean {
  return /^(?:["”’»]|'')?\s*[,—–](?:["”’»]|'')?\s*$/u.test(text.slice(from, to));
}

/** A content span trimmed of white space and of the punctuation at its ends (", " / "."). */
function contentSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,;:—–-]/u.test(text[start] ?? '')) start++;
  while (end > start && /[\s,;:.!?—–-]/u.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

/** The number of the segment's words inside a span. */
function wordCount(words: readonly Word[], span: Span): number {
  const first = firstStartingAt(words, span.start);
  const after = firstStartingAt(words, span.end);
  const last = words[after - 1];
  return after - first - (last !== undefined && after > first && last.end > span.end ? 1 : 0);
}

/** How far a relative clause or an "As …," lead is read for its closing comma, in characters. */
const MAXIMUM_CLAUSE_REACH = 300;

/** The next comma within reach of `from` (before `end`), or -1. */
function nextComma(text: string, from: number, end: number): number {
  const limit = Math.min(end, from + MAXIMUM_CLAUSE_REACH);
  for (let index = from; index < limit; index++) if (text[index] === ',') return index;
  return -1;
}

/** The text just before `end`, for tests anchored at its end (bounded, so each test is cheap). */
function textBefore(text: string, start: number, end: number): string {
  return text.slice(Math.max(start, end - 16), end);
}

/**
 * The index of the first word after a time or occasion adverbial starting at `index`: "on
 * Tuesday", "Friday", "last week", "in a statement", "in an interview"; `index` when none.
 */
function skipAdverbials(words: readonly Word[], index: number): number {
  let position = index;
  for (let guard = 0; guard < 4; guard++) {
    const word = words[position]?.norm ?? '';
    const next = words[position + 1]?.norm ?? '';
    const third = words[position + 2]?.norm ?? '';
    if (WEEKDAYS.has(word) || word === 'yesterday' || word === 'today' || word === 'tonight' || word === 'earlier' || word === 'later') position += 1;
    else if (word === 'on' && (WEEKDAYS.has(next) || words[position + 1]?.capitalized === true)) position += 2;
    else if (/^(morning|afternoon|evening|night)$/u.test(word) && position > index) position += 1;
    else if ((word === 'last' || word === 'this') && /^(week|month|year|night|weekend|morning|spring|summer|fall|autumn|winter)$/u.test(next)) position += 2;
    else if ((word === 'in' || word === 'during') && (next === 'a' || next === 'an' || next === 'the') && OCCASIONS.has(third)) position += 3;
    else break;
  }
  return position;
}

/**
 * Where the reported clause starts after the cue at `words[cueIndex]`: after a colon, after the
 * addressee of "told"/"asked"/"warned", after a time or occasion adverbial ("said on Tuesday in
 * a statement"), at a "that" right there (which belongs to the content, as PARC and PolNeAR
 * annotate it).
 */
function reportedClauseStart(context: SpeakerContext, words: readonly Word[], cueIndex: number, addressee: boolean): number {
  const cue = words[cueIndex];
  if (cue === undefined) return 0;
  if (/^\s*:/u.test(context.text.slice(cue.end, words[cueIndex + 1]?.start ?? cue.end + 1))) return cue.end;
  let index = cueIndex + 1;
  if (addressee && words[index]?.norm !== 'that') {
    // "told reporters the plan had failed": the addressee is a pronoun, a name, or a short phrase.
    const object = phraseStartingAt(context, words, index, Math.min(words.length - 1, index + 2));
    const objectWord = words[index];
    if (object !== null) index = firstStartingAt(words, object.end);
    else if (objectWord !== undefined && /^(him|her|them|us|me|you|reporters|journalists)$/u.test(objectWord.norm)) index++;
  }
  index = skipAdverbials(words, index);
  const next = words[index];
  if (next?.norm === 'that') return next.start;
  const opened = openingOfLongerLead(words, index);
  if (opened !== null) return opened;
  return words[index - 1]?.end ?? cue.end;
}

/** How many words a lead between the cue and the reported clause may have: "said at a rally in Velm on Tuesday that …". */
const MAXIMUM_LEAD_WORDS = 12;

/** Prepositions that open an adverbial (or the addressee) between a cue and what was said. */
const LEAD_PREPOSITIONS = new Set(['in', 'at', 'on', 'during', 'with', 'to', 'from', 'after', 'before', 'while', 'for', 'over', 'via', 'through']);

/**
 * Where the reported clause starts when a longer adverbial stands between the cue and it ("said
 * during a rally in Velm on Tuesday that …", "said repeatedly that …"): the first "that" within
 * reach, when the word after the cue opens such an adverbial (a preposition or an "-ly" adverb)
 * and no other cue comes first. Null when there is no such lead.
 */
function openingOfLongerLead(words: readonly Word[], index: number): number | null {
  const first = words[index];
  if (first === undefined || !(LEAD_PREPOSITIONS.has(first.norm) || isLyAdverb(first))) return null;
  for (let position = index + 1; position < Math.min(words.length - 1, index + MAXIMUM_LEAD_WORDS); position++) {
    const word = words[position];
    if (word === undefined || speechCue(word.norm) !== undefined) return null;
    if (word.norm === 'that') return word.start;
  }
  return null;
}

/**
 * True when the words from `from` to the segment's end can close an attribution that follows
 * what was said: none, an adverbial that reports nothing itself ("on Tuesday in an interview",
 * not "in a statement that …"), or the addressee of "told" ("…, Halvik told reporters.").
 */
function isAdverbialTail(words: readonly Word[], from: number, addressee: boolean): boolean {
  if (from >= words.length) return true;
  const first = words[from];
  if (first === undefined) return true;
  // "…, Halvik told The Velm Herald on Tuesday."
  if (addressee && words.length - from <= 5) return true;
  if (!TAIL_OPENERS.has(first.norm)) return false;
  for (let index = from; index < Math.min(words.length, from + MAXIMUM_TAIL_WORDS); index++) {
    const word = words[index];
    if (word === undefined || word.norm === 'that' || speechCue(word.norm)?.reports === true) return false;
  }
  return true;
}

/** How many words after a cue are searched for a closing ", according to …". */
const MAXIMUM_REPORT_WORDS = 60;

/**
 * Words that, after a comma, open the reporter's own addition to a report rather than more of
 * what was said: a contrast with others ("…, while 9 percent disagreed"), a comparison ("…,
 * compared with …").
 */
const REPORTER_ADDITIONS = new Set(['while', 'whereas', 'compared', 'however']);

/**
 * Where the report read from the cue at `words[index]` ends: before a later ", according to …"
 * (which attributes the sentence to someone else) or a comma opening the reporter's own addition
 * (see {@link REPORTER_ADDITIONS}), else at the segment's end.
 */
function reportEnd(text: string, words: readonly Word[], index: number, segment: Span): number {
  for (let position = index + 1; position < Math.min(words.length - 1, index + MAXIMUM_REPORT_WORDS); position++) {
    const word = words[position];
    const previous = words[position - 1];
    if (word === undefined || previous === undefined || !/,/u.test(text.slice(previous.end, word.start))) continue;
    if (word.norm === 'according' && words[position + 1]?.norm === 'to') return previous.end;
    if (REPORTER_ADDITIONS.has(word.norm) && position - index > MINIMUM_CONTENT_WORDS) return previous.end;
  }
  return segment.end;
}

/** Words that open a sentence without belonging to what was said: "But the levee held, Halvik said." */
const SENTENCE_CONNECTIVES = /^(?:but|and|so|yet|still|or|also|however)\b[\s,]*/iu;

/** A content span that starts a sentence, less a connective at its start. */
function withoutConnective(text: string, span: Span | null): Span | null {
  if (span === null) return null;
  const connective = SENTENCE_CONNECTIVES.exec(text.slice(span.start, Math.min(span.end, span.start + 12)));
  return connective === null || span.start + connective[0].length >= span.end ? span : { start: span.start + connective[0].length, end: span.end };
}

/** A report found in a segment, before its kind is known. */
interface Report {
  readonly content: Span[];
  readonly cue: Span;
  readonly speaker: Span | null;
}

/** True when a span of the reported words holds a quoted fragment. */
type FragmentTest = (span: Span) => boolean;

/** The source named after "according to": the words up to a comma or the segment's end. */
function sourceAfter(context: SpeakerContext, words: readonly Word[], index: number): Span | null {
  const first = words[index];
  if (first === undefined) return null;
  let last = index;
  while (last + 1 < words.length && last - index < MAXIMUM_SOURCE_WORDS - 1) {
    const current = words[last];
    const next = words[last + 1];
    if (current === undefined || next === undefined || /[,;:.!?()—–]/u.test(context.text.slice(current.end, next.start))) break;
    last++;
  }
  return { start: first.start, end: words[last]?.end ?? first.end };
}

/** "According to the ministry, …" / "…, according to the ministry." / "…, according to the ministry, …". */
function readAccordingTo(context: SpeakerContext, words: readonly Word[], index: number, segment: Span): Report | null {
  const { text } = context;
  const according = words[index];
  const to = words[index + 1];
  if (according === undefined || to === undefined) return null;
  const speaker = sourceAfter(context, words, index + 2);
  if (speaker === null) return null;
  const cue = { start: according.start, end: to.end };
  const after = contentSpan(text, speaker.end, segment.end);
  const followedByComma = /^\s*,/u.test(text.slice(speaker.end, Math.min(segment.end, speaker.end + 3)));
  const afterComma = /,\s*$/u.test(textBefore(text, segment.start, according.start));
  if (index === 0 || (/[,:—–]\s*$/u.test(textBefore(text, segment.start, according.start)) && index <= 2)) {
    // "According to the ministry, …" (perhaps after "But" or a dateline).
    return after === null || !followedByComma ? null : { content: [after], cue, speaker };
  }
  const before = withoutConnective(text, contentSpan(text, segment.start, according.start));
  if (before === null) return null;
  const parenthetical = afterComma && followedByComma;
  return { content: parenthetical && after !== null ? [before, after] : [before], cue, speaker };
}

/**
 * "The plan, Halvik said, will fail." / "The plan will fail, Halvik said on Tuesday.": the
 * speaker stands after a comma, and the cue is followed by a comma or ends the sentence.
 */
function readTrailing(context: SpeakerContext, words: readonly Word[], index: number, segment: Span, speaker: Span, addressee: boolean): Report | null {
  const { text } = context;
  const word = words[index];
  if (word === undefined) return null;
  const cue = { start: word.start, end: word.end };
  const first = withoutConnective(text, contentSpan(text, segment.start, speaker.start));
  if (first === null) return null;
  const afterCue = words[index + 1];
  if (afterCue !== undefined && commaBetween(text, word.end, afterCue.start) && speechCue(afterCue.norm) === undefined && !isAdverbialTail(words, index + 1, false)) {
    const second = contentSpan(text, word.end, segment.end);
    return { content: second === null ? [first] : [first, second], cue, speaker };
  }
  if (afterCue === undefined || isAdverbialTail(words, index + 1, addressee) || commaBetween(text, word.end, afterCue.start)) return { content: [first], cue, speaker };
  return null;
}

/**
 * "…, said Halvik." / "…, said Halvik, the interior minister." / "…, says a spokeswoman on
 * Tuesday.": an inverted attribution closing the sentence after a comma.
 */
function readInverted(context: SpeakerContext, words: readonly Word[], index: number, segment: Span): Report | null {
  const { text } = context;
  const word = words[index];
  const previous = words[index - 1];
  if (word === undefined || previous === undefined || !commaBetween(text, previous.end, word.start)) return null;
  const speaker = phraseStartingAt(context, words, index + 1, words.length - 1);
  if (speaker === null) return null;
  const after = firstStartingAt(words, speaker.end);
  const next = words[after];
  // After the name: the sentence's end, an aside ("…, the interior minister"), or an adverbial.
  if (next !== undefined && !/^\s*,/u.test(text.slice(speaker.end, Math.min(next.start, speaker.end + 3))) && !isAdverbialTail(words, after, false)) return null;
  const content = withoutConnective(text, contentSpan(text, segment.start, word.start));
  return content === null ? null : { content: [content], cue: { start: word.start, end: word.end }, speaker };
}

/** Words before a passive "asked" with no subject of its own: "When asked whether …", "He was asked what …". */
const PASSIVE_MARKERS = new Set(['when', 'after', 'if', 'once', 'was', 'were', 'is', 'are', 'being', 'been']);

/** Words that open the question reported after a passive "asked": "asked whether …", "asked about …". */
const QUESTION_OPENERS = new Set(['if', 'whether', 'what', 'who', 'whom', 'which', 'how', 'why', 'when', 'where', 'about']);

/**
 * "Asked whether the dam would hold, Halvik said …" / "She was asked about the levee.": a
 * question put to someone, reported with a passive "asked". The content is the question (from
 * its "whether"/"what"/… or after "about") up to the next comma; whoever asked it is not named,
 * so the speaker is unknown.
 */
function readPassiveQuestion(context: SpeakerContext, words: readonly Word[], index: number, segment: Span): Report | null {
  const word = words[index];
  const previous = words[index - 1];
  if (word === undefined || word.norm !== 'asked' || (previous !== undefined && !PASSIVE_MARKERS.has(previous.norm) && !commaBetween(context.text, previous.end, word.start))) return null;
  let position = skipAdverbials(words, index + 1);
  let opener = words[position];
  // "asked specifically whether …"
  while (opener !== undefined && isLyAdverb(opener)) opener = words[++position];
  if (opener === undefined || !QUESTION_OPENERS.has(opener.norm) || position - index > MAXIMUM_TRAILING_WORDS) return null;
  const start = opener.norm === 'about' ? opener.end : opener.start;
  const comma = nextComma(context.text, start, segment.end);
  const content = contentSpan(context.text, start, comma < 0 ? segment.end : comma);
  return content === null ? null : { content: [content], cue: { start: word.start, end: word.end }, speaker: null };
}

/** Relative words that open a restrictive clause after a subject: "voters who backed Halvik said …". */
const RESTRICTIVE_RELATIVES = new Set(['who', 'that']);

/**
 * The subject of a clause when a restrictive relative clause stands between it and the cue
 * ("Residents who lost their homes said …", "Several officials who spoke with the Herald said
 * …"): the phrase ending right before the first "who"/"that" before `before`, when it opens the
 * sentence (after at most two words, or an opening phrase closed by a comma) and no comma lies
 * inside the relative clause.
 */
function subjectBeforeRelative(context: SpeakerContext, words: readonly Word[], before: number): Span | null {
  for (let index = 1; index < before; index++) {
    const word = words[index];
    const previous = words[index - 1];
    if (word === undefined || previous === undefined) return null;
    if (!/^\s+$/u.test(context.text.slice(previous.end, word.start))) {
      if (!/^,\s+$/u.test(context.text.slice(previous.end, word.start)) || index > MAXIMUM_TRAILING_WORDS) return null;
      continue;
    }
    if (!RESTRICTIVE_RELATIVES.has(word.norm)) continue;
    const subject = phraseEndingAt(context, words, index - 1, 0);
    if (subject === null) return null;
    const subjectFirst = firstStartingAt(words, subject.start);
    // At most two words before the phrase ("Yet some voters", "Current and former officials"), or an opening phrase.
    const opens = subjectFirst <= 2 || /[,—–]\s*$/u.test(context.text.slice(words[subjectFirst - 1]?.end ?? 0, subject.start));
    return opens && !/[,;:]/u.test(context.text.slice(word.end, words[before]?.start ?? word.end)) ? subject : null;
  }
  return null;
}

/** Reads the report around the cue at `words[index]`, or null when the cue does not attribute here. */
function readAt(context: SpeakerContext, words: readonly Word[], index: number, segment: Segment, holdsFragment: FragmentTest): Report | null {
  const { text } = context;
  const word = words[index];
  const sense = word === undefined ? undefined : speechCue(word.norm);
  if (word === undefined || sense === undefined) return null;
  const cue = { start: word.start, end: word.end };
  const question = readPassiveQuestion(context, words, index, segment);
  if (question !== null) return question;
  // "adding to her lead", "responding to critics": the verb's other sense, not a report.
  if (words[index + 1]?.norm === 'to' && /^(add|respond|repl|speak|talk)/u.test(word.norm)) return null;
  const previous = words[index - 1];
  const participle = word.norm.endsWith('ing');
  const afterQuote = previous === undefined && segment.previousSpeaker !== null && /^[\s,;—–]*$/u.test(text.slice(segment.start, word.start));
  const sharesSubject =
    afterQuote ||
    (previous !== undefined && (participle ? commaBetween(text, previous.end, word.start) || PARTICIPLE_OPENERS.has(previous.norm) : COORDINATORS.has(previous.norm)));
  if (!sense.nounLike && sharesSubject) {
    // "…, saying (that) …", "… by saying …", "… and said (that) …": the sentence's subject speaks;
    // "“…,” he said, adding that …": the quotation's speaker does.
    const content = contentSpan(text, reportedClauseStart(context, words, index, sense.takesAddressee), reportEnd(text, words, index, segment));
    if (content === null || (!sense.reports && !holdsFragment(content))) return null;
    return { content: [content], cue, speaker: afterQuote ? segment.previousSpeaker : subjectOfClause(context, words, 0, index) };
  }
  const speaker = speakerBefore(context, words, index, 0);
  if (speaker === null) return sense.nounLike || participle ? null : readInverted(context, words, index, segment);
  const speakerFirst = firstStartingAt(words, speaker.start);
  const beforeSpeaker = words[speakerFirst - 1];
  const relative = text.slice(speaker.start, speaker.end).toLowerCase() === 'who' || RELATIVE_OPENERS.has(words[speakerFirst - 1]?.norm ?? '');
  if (relative) {
    // "Berg, who said the dam was safe, …" / "the wall, which he said Velm would pay for, …": the
    // report ends with the relative clause.
    const comma = nextComma(text, word.end, segment.end);
    const content = contentSpan(text, reportedClauseStart(context, words, index, sense.takesAddressee), comma < 0 ? segment.end : comma);
    return content === null ? null : { content: [content], cue, speaker };
  }
  if (beforeSpeaker !== undefined && commaBetween(text, beforeSpeaker.end, speaker.start)) {
    const trailing = readTrailing(context, words, index, segment, speaker, sense.takesAddressee);
    if (trailing !== null) return trailing;
  }
  // "Halvik said (that) …", "On Tuesday, Halvik said …", "…, when Halvik said …": the speaker is the subject.
  const opener = words[speakerFirst - 1];
  const lead = textBefore(text, segment.start, speaker.start);
  // One opening word is allowed too: "Yesterday officials said", "In Velm, about half said".
  const isSubject = speakerFirst <= 1 || /[,:—–―](?:["”’»]|'')?\s*(?:\p{L}+\s+)?$/u.test(lead) || (opener !== undefined && CLAUSE_OPENERS.has(opener.norm));
  if (!isSubject) {
    // "Officials who spoke with the Herald said …": the subject is the phrase the relative clause follows.
    const subject = subjectBeforeRelative(context, words, speakerFirst);
    const content = subject === null ? null : contentSpan(text, reportedClauseStart(context, words, index, sense.takesAddressee), reportEnd(text, words, index, segment));
    return subject === null || content === null || !sense.reports ? null : { content: [content], cue, speaker: subject };
  }
  if (opener?.norm === 'as') {
    // "As Halvik said, …": what follows the comma is the report.
    const comma = nextComma(text, word.end, segment.end);
    if (comma < 0 || firstStartingAt(words, comma) - index > MAXIMUM_TRAILING_WORDS) return null;
    const content = contentSpan(text, comma + 1, segment.end);
    return content === null ? null : { content: [content], cue, speaker };
  }
  const content = contentSpan(text, reportedClauseStart(context, words, index, sense.takesAddressee), reportEnd(text, words, index, segment));
  if (content === null || (!sense.reports && !holdsFragment(content))) return null;
  return { content: [content], cue, speaker };
}

/** Pronouns that name a person or group as a subject. */
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * A quoted fragment with no speech cue around it, attributed by the sentence's own verb: "Berg
 * accused the council of “gross negligence”", "He dubbed the plan “a fantasy”". The subject must
 * be a person or an organisation (a pronoun, or a phrase that resolves to such a mention), and
 * the verb is the word right after it; the content is what follows the verb.
 */
function readEvaluative(context: SpeakerContext, words: readonly Word[], fragment: Span, segment: Span): Report | null {
  const fragmentIndex = firstStartingAt(words, fragment.start);
  const speaker = subjectOfClause(context, words, 0, fragmentIndex);
  if (speaker === null) return null;
  const spoken = context.text.slice(speaker.start, speaker.end).toLowerCase();
  const resolved = PERSONAL_PRONOUNS.has(spoken) ? null : resolveSpeaker(context, speaker);
  if (!PERSONAL_PRONOUNS.has(spoken) && (resolved === null || (resolved.kind !== 'person' && resolved.kind !== 'organization'))) return null;
  let verbIndex = firstStartingAt(words, speaker.end);
  while (verbIndex < fragmentIndex && /^(also|later|has|have|had|once|again|then|even)$/u.test(words[verbIndex]?.norm ?? '')) verbIndex++;
  const verb = words[verbIndex];
  if (verb === undefined || verbIndex >= fragmentIndex || verb.capitalized || !/^\p{Ll}+$/u.test(verb.norm) || PHRASE_BREAKERS.has(verb.norm) || DETERMINERS.has(verb.norm)) return null;
  if (!/^\s+$/u.test(context.text.slice(words[verbIndex - 1]?.end ?? speaker.end, verb.start))) return null;
  const content = contentSpan(context.text, verb.end, segment.end);
  return content === null ? null : { content: [content], cue: { start: verb.start, end: verb.end }, speaker };
}

/** How many words before a quoted fragment are searched for the verb that attributes it. */
const MAXIMUM_VERB_REACH = 30;

/** True when a speaker phrase names someone who can speak: a personal pronoun, or a person or organisation mention. */
function namesSpeaker(context: SpeakerContext, speaker: Span): boolean {
  if (PERSONAL_PRONOUNS.has(context.text.slice(speaker.start, speaker.end).toLowerCase())) return true;
  const resolved = resolveSpeaker(context, speaker);
  return resolved !== null && (resolved.kind === 'person' || resolved.kind === 'organization');
}

/**
 * The same reading as {@link readEvaluative} when the subject is more than a bare name: a role
 * before it ("Campaign chair Marta Orlan dismissed the plan as “absurd”"), an aside after it
 * ("Halvik, who leads the poll, mocked Berg for “a tough night”"), or an auxiliary before the
 * verb ("Halvik is praising Berg as “a fair rival”", "Berg has hailed the vote as “historic”"). The
 * verb is the first word before the fragment whose speaker phrase (read as for "X said") opens
 * the clause and names a person, an organisation, or is a personal pronoun.
 */
function readEvaluativeAfterPhrase(context: SpeakerContext, words: readonly Word[], fragment: Span, segment: Span): Report | null {
  const fragmentIndex = firstStartingAt(words, fragment.start);
  for (let verbIndex = 1; verbIndex < Math.min(fragmentIndex, MAXIMUM_VERB_REACH); verbIndex++) {
    const verb = words[verbIndex];
    if (verb === undefined || !/^\p{Ll}+(?:ed|s|ing)$/u.test(verb.norm) || PHRASE_BREAKERS.has(verb.norm)) continue;
    const speaker = speakerBefore(context, words, verbIndex, 0);
    // A verb inside an aside ("Halvik, who leads the poll, …") is not the sentence's verb.
    if (speaker === null || context.text.slice(speaker.start, speaker.end).toLowerCase() === 'who') continue;
    const speakerFirst = firstStartingAt(words, speaker.start);
    const opensClause = speakerFirst === 0 || (speakerFirst === 1 && words[0]?.capitalized === true) || /[,—–]\s*$/u.test(textBefore(context.text, segment.start, speaker.start));
    if (!opensClause || !namesSpeaker(context, speaker)) continue;
    const content = contentSpan(context.text, verb.end, segment.end);
    return content === null ? null : { content: [content], cue: { start: verb.start, end: verb.end }, speaker };
  }
  return null;
}

/** A quoted fragment's attribution by its sentence's own verb (see {@link readEvaluative}). */
function evaluativeOf(context: SpeakerContext, words: readonly Word[], fragment: Span, segment: Span): Report | null {
  return readEvaluative(context, words, fragment, segment) ?? readEvaluativeAfterPhrase(context, words, fragment, segment);
}

/** Every span of a report: content, cue and speaker. */
function partsOf(report: Report): Span[] {
  return [...report.content, report.cue, ...(report.speaker === null ? [] : [report.speaker])];
}

function overlaps(left: Span, right: Span): boolean {
  return left.start < right.end && right.start < left.end;
}

/**
 * Keeps the reports of one segment that do not collide, in cue order. A report whose cue and
 * speaker fall inside an earlier report's content is a second report in the same sentence when
 * a clause boundary opens it ("Halvik said the dam held, but Berg said …"): the earlier content
 * ends there. Otherwise it is reported speech inside the earlier report, and is dropped (the
 * earlier content already holds it).
 */
function keepCompatible(text: string, words: readonly Word[], reports: readonly Report[]): Report[] {
  const kept: Report[] = [];
  for (const report of reports) {
    const previous = kept[kept.length - 1];
    if (previous === undefined) {
      kept.push(report);
      continue;
    }
    const parts = partsOf(report);
    const lastContent = previous.content[previous.content.length - 1];
    // Where the second report opens: its speaker, unless that is the sentence's subject, named
    // before the first report ("Halvik said …, adding …").
    const speakerStart = report.speaker === null || report.speaker.start < (lastContent?.start ?? 0) ? report.cue.start : report.speaker.start;
    const opening = Math.min(speakerStart, report.cue.start);
    const collides = partsOf(previous).some((part) => parts.some((other) => overlaps(part, other)));
    if (!collides) {
      kept.push(report);
      continue;
    }
    if (lastContent === undefined || opening <= lastContent.start || report.content.some((part) => part.start < opening)) continue;
    if (!REPORT_JOINERS.test(textBefore(text, lastContent.start, opening))) continue;
    const shortened = contentSpan(text, lastContent.start, opening);
    if (shortened === null || wordCount(words, shortened) < MINIMUM_CONTENT_WORDS) {
      // Nothing of the earlier report is left before the second: the second is the report.
      kept[kept.length - 1] = report;
      continue;
    }
    const trimmed = text.slice(shortened.start, shortened.end).replace(/[\s,;]*(?:and|but|while|whereas|although|though|yet)$/u, '');
    kept[kept.length - 1] = { ...previous, content: [...previous.content.slice(0, -1), { start: shortened.start, end: shortened.start + trimmed.length }] };
    kept.push(report);
  }
  return kept;
}

/**
 * The reported speech of each segment (sentences with direct quotations cut out): every cue is
 * read with a bounded look around it, and the reports that do not collide are kept.
 */
export function readIndirectQuotes(context: SpeakerContext, segments: readonly Segment[], fragments: readonly QuotedPassage[]): DraftQuote[] {
  const quotes: DraftQuote[] = [];
  let fragmentIndex = 0;
  for (const segment of segments) {
    while (fragmentIndex < fragments.length && (fragments[fragmentIndex]?.end ?? 0) <= segment.start) fragmentIndex++;
    const inSegment: QuotedPassage[] = [];
    for (let index = fragmentIndex; index < fragments.length; index++) {
      const fragment = fragments[index];
      if (fragment === undefined || fragment.start >= segment.end) break;
      inSegment.push(fragment);
    }
    const holdsFragment = (span: Span): boolean => {
      const index = firstEndingAfter(inSegment, span.start);
      const fragment = inSegment[index];
      return fragment !== undefined && fragment.start < span.end;
    };
    const words = wordsIn(context.text, segment.start, segment.end);
    const reports: Report[] = [];
    for (let index = 0; index < words.length; index++) {
      const word = words[index];
      if (word === undefined) continue;
      let report: Report | null = null;
      if (word.norm === 'according' && words[index + 1]?.norm === 'to') report = readAccordingTo(context, words, index, segment);
      else if (speechCue(word.norm) !== undefined) report = readAt(context, words, index, segment, holdsFragment);
      // A report holding a quoted fragment may be short: "called Halvik “reckless.”"
      if (report !== null && (report.content.some(holdsFragment) || report.content.reduce((sum, part) => sum + wordCount(words, part), 0) >= MINIMUM_CONTENT_WORDS)) reports.push(report);
    }
    const kept = keepCompatible(context.text, words, reports);
    const unattributed = inSegment.filter((fragment) => !kept.some((report) => report.content.some((part) => overlaps(part, fragment))));
    const evaluative = unattributed.length === 0 || kept.length > 0 ? null : evaluativeOf(context, words, unattributed[0] ?? segment, segment);
    if (evaluative !== null) kept.push(evaluative);
    for (const report of kept) {
      const spans = partsOf(report);
      quotes.push({
        start: Math.min(...spans.map((span) => span.start)),
        end: Math.max(...spans.map((span) => span.end)),
        kind: report.content.some(holdsFragment) ? 'partial' : 'indirect',
        content: report.content,
        cue: report.cue,
        speaker: report.speaker,
      });
    }
  }
  return quotes;
}
