import { conceptIds, lemmaOf } from '../../analyze/lexicon.js';
import { isContentWord } from '../../analyze/stopwords.js';
import { tokenize } from '../../analyze/tokens.js';
import type { DateMention } from '../../core/annotations.js';
import type { Span } from '../../core/span.js';
import { fnv1a32 } from '../minhash.js';
import { dateDistance, linkCandidates, type ArticleView, type Comparison, type ConflictContext, type Linkable } from './evidence.js';

/**
 * Dates that disagree: two passages saying when the same event happened, with values that
 * differ at the coarser of their precisions ("the dam was completed in 1989" / "completed in
 * 1987"; "Lavrov last visited Washington in 2014" / "his first visit since 2013").
 *
 * Most events recur (a visit, a meeting, an attack), so two dates for "a visit" are usually two
 * visits. Two dates are taken for one event only when the event can happen once:
 *
 * - **a one-time event** of a thing: its completion, construction, founding, annexation,
 *   inauguration or commissioning, or a person's birth (the participle of the date's clause:
 *   "finished" is "completed", "established" is "founded");
 * - **the previous occurrence**, which the text marks as unique: "last visited in 2014", "the
 *   last visit was in 2013", "the first visit since 2013" (the previous visit was in 2013).
 *   "Set foot in" is a visit. Reports published more than 30 days apart may each be right
 *   about the last occurrence, so they are not compared;
 * - **any event** when the fact finder puts the two sentences in one fact and each dates only
 *   one event of that verb.
 *
 * In each case the two clauses must name a common entity (a name, or "the dam" when one story
 * entity is called "... Dam"), counting the noun a relative or appositive clause hangs on
 * ("Lavrov, who last set foot in Washington…"). Day dates computed from two publication dates
 * that are one day apart agree: time zones and overnight editions move "Tuesday" by a day.
 */

/** A dated event prepared for comparison. */
export interface DatedEvent extends Linkable {
  readonly article: number;
  readonly sentence: number;
  readonly date: DateMention;
  /** "once", "previous" or "fact": how the event was recognised (see the module comment). */
  readonly kind: 'once' | 'previous' | 'fact';
  readonly anchors: ReadonlySet<string>;
  readonly fact: number | null;
  /** Another date of the same event stands in its sentence. */
  readonly ambiguous: boolean;
  readonly publishedDay: number | null;
  readonly attribution: string | null;
  /** The event as the clause words it ("the Merrow Dam was completed"), or null when no short wording was found. */
  readonly wording: string | null;
  /** The event's base word ("complete", "visit"). */
  readonly event: string;
  /** The text read around the date (its sentence, within a window): copies of one report share it. */
  readonly passage: string;
}

/**
 * Participles of events that happen once to the thing they concern, with the event they name.
 * A closed list: WordNet's synonyms of these verbs reach too far for dates ("established" is a
 * synonym of "shown", "planted" of "founded").
 */
const ONE_TIME_EVENTS: ReadonlyMap<string, string> = new Map([
  ['completed', 'complete'], ['finished', 'complete'], ['built', 'build'], ['constructed', 'build'], ['erected', 'build'],
  ['founded', 'found'], ['established', 'found'], ['created', 'found'], ['formed', 'found'], ['annexed', 'annex'],
  ['inaugurated', 'inaugurate'], ['commissioned', 'commission'], ['born', 'born'],
]);

/** Words skipped between a date and the word naming its event ("completed only in", "visited Washington in"). */
const FILLER = new Set(['in', 'on', 'at', 'during', 'of', 'since', 'by', 'until', 'from', 'the', 'a', 'an', 'early', 'late', 'back', 'only', 'just', 'already', 'again', 'first', 'originally', 'fall', 'autumn', 'spring', 'summer', 'winter', 'end', 'beginning', 'middle', 'start', 'was', 'were', 'is', 'been', 'be']);

/** Verbs that name an event only with the noun after them ("last had a refurbishment", "paid a visit"). */
const LIGHT_VERBS = new Set(['have', 'has', 'had', 'make', 'made', 'pay', 'paid', 'take', 'took', 'hold', 'held', 'give', 'gave', 'get', 'got']);

/** Time words after "last" that make it a date ("last year"), not a previous occurrence. */
const TIME_AFTER_LAST = /^(?:year|month|week|night|weekend|time|autumn|fall|spring|summer|winter|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|decade|century)$/iu;

/** Prepositions that end the phrase naming a previous occurrence ("the last visit to …"). */
const PHRASE_END = new Set(['in', 'on', 'at', 'to', 'of', 'for', 'since', 'by', 'with', 'from', 'was', 'were', 'is', 'outside', 'into']);

/** Reports further apart than this may each be right about the "last" occurrence. */
const PREVIOUS_WINDOW_DAYS = 30;

/** Precision words for labels. */
const PRECISION_WORDS = { year: 'year', month: 'month', day: 'date' } as const;

/** Lower-case words of a stretch of text, in order. */
function wordsIn(text: string, start: number, end: number): string[] {
  return tokenize(text, start, end).map((token) => token.norm);
}

/** The base word of the phrase after "last" or "first" ("visited" → "visit", "set foot in" → "visit", "had a major refurbishment" → "refurbishment"), or null. */
function occurrenceWord(words: readonly string[]): string | null {
  const phrase: string[] = [];
  for (const word of words) {
    if (PHRASE_END.has(word)) break;
    phrase.push(word);
  }
  const first = phrase[0]?.replace(/['’]s$/u, '');
  if (first === undefined || TIME_AFTER_LAST.test(first)) return null;
  if (first === 'set' && phrase[1] === 'foot') return 'visit';
  const content = phrase.filter((word) => isContentWord(word));
  const word = LIGHT_VERBS.has(first) ? content.at(-1) : phrase.length > 1 && !/(?:ed|en)$/.test(first) ? content.at(-1) : first;
  return word === undefined || LIGHT_VERBS.has(word) ? null : lemmaOf(word);
}

/** The event of a date's clause, or null when the clause marks none that can be compared. */
function eventOf(view: ArticleView, date: DateMention, clause: Span): { kind: DatedEvent['kind']; event: string } | null {
  const before = wordsIn(view.text, clause.start, date.start);
  const after = wordsIn(view.text, date.end, clause.end);
  const firstAt = before.lastIndexOf('first');
  if (date.relation === 'since') {
    // "the first working visit … since 2013": the previous visit was in 2013.
    if (firstAt < 0) return null;
    const word = occurrenceWord(before.slice(firstAt + 1));
    if (word !== null && word !== 'time') return { kind: 'previous', event: word };
    const verb = before.slice(0, before.lastIndexOf('for') < 0 ? firstAt : before.lastIndexOf('for')).reverse().find((candidate) => /(?:ed|en)$/.test(candidate));
    return verb === undefined ? null : { kind: 'previous', event: lemmaOf(verb) };
  }
  if (date.relation !== 'on') return null;
  const lastAt = before.lastIndexOf('last');
  if (lastAt >= 0) {
    const word = occurrenceWord(before.slice(lastAt + 1));
    if (word !== null) return { kind: 'previous', event: word };
  }
  // The nearest word before the date that is not filler, else the first after it ("In 1989 the dam was completed").
  const nearest = [...before].reverse().find((word) => !FILLER.has(word) && isContentWord(word)) ?? null;
  const candidates = nearest === null ? after.filter((word) => /(?:ed|en)$/.test(word) || word === 'born').slice(0, 1) : [nearest];
  for (const word of candidates) {
    const once = ONE_TIME_EVENTS.get(word);
    if (once !== undefined) return { kind: 'once', event: once };
    if (/(?:ed|en)$/u.test(word) && conceptIds(lemmaOf(word)).some((id) => id.startsWith('v'))) return { kind: 'fact', event: lemmaOf(word) };
  }
  return null;
}

/** The date's span with the preposition before it ("in 1989", "since 2013"), so its clause is the one it sits in. */
function withPreposition(text: string, date: Span): Span {
  const match = /\b(?:in|on|at|during|since|by|of|from)\s+(?:the\s+)?(?:(?:fall|autumn|spring|summer|winter|end|beginning|middle|start)\s+of\s+(?:the\s+)?)?$/iu.exec(text.slice(Math.max(0, date.start - 40), date.start));
  return match === null ? date : { start: date.start - (match[0].length), end: date.end };
}

/**
 * The clause before a clause that does not open its sentence: where a relative or appositive
 * clause ("Lavrov, who last set foot…", "The dam, … completed in 1987") names its subject.
 */
function previousClause(view: ArticleView, window: Span, clause: Span): Span | null {
  if (clause.start <= window.start) return null;
  const before = view.text.slice(window.start, clause.start);
  const lastWord = /[\p{L}\p{N}][^\p{L}\p{N}]*(?:\b(?:who|which|that|and|but|when|after|before|while|since|as)\b[^\p{L}\p{N}]*)?$/iu.exec(before);
  if (lastWord === null) return null;
  const at = window.start + lastWord.index;
  const previous = view.clauseAround({ start: at, end: at + 1 });
  return { start: previous.start, end: Math.min(previous.end, clause.start) };
}

/** Text just before a clause that ends in a relative pronoun ("Lavrov, who"), or null. */
function relativePronounBefore(text: string, clause: Span): 'who' | 'which' | null {
  const match = /\b(who|which)\s*$/iu.exec(text.slice(Math.max(0, clause.start - 12), clause.start));
  return match === null ? null : (match[1]!.toLowerCase() as 'who' | 'which');
}

/**
 * The event as its clause words it, for labels: "the Merrow Dam was completed", "Lavrov last
 * set foot in Washington" (a relative clause takes the noun it hangs on). Null when longer than
 * ten words.
 */
function wordingOf(view: ArticleView, clause: Span, dateWithPreposition: Span, antecedent: Span | null): string | null {
  const { text } = view;
  let wording = text.slice(clause.start, dateWithPreposition.start).replace(/\s+/g, ' ').trim().replace(/^(?:and|but|however|then|while)\s+/iu, '');
  const pronoun = relativePronounBefore(text, clause);
  if (pronoun !== null && antecedent !== null) {
    // The noun the relative clause hangs on: the last name in the clause before, else its last word.
    const last = view.mentionsIn(antecedent).at(-1);
    const noun = last === undefined ? (text.slice(antecedent.start, antecedent.end).match(/[\p{L}\p{N}'’-]+/gu) ?? []).at(-1) ?? '' : text.slice(last.start, last.end);
    wording = pronoun === 'who' ? `${noun} ${wording}` : `${wording} ${noun}`;
  }
  wording = wording.replace(/^The\b/u, 'the').replace(/[\s,;:]+$/u, '');
  const count = wording.split(' ').length;
  return count >= 2 && count <= 10 ? wording : null;
}

/** The dated events of one article that may take part in a conflict, prepared for comparison (see the module comment). */
export function datedEvents(view: ArticleView, context: ConflictContext): DatedEvent[] {
  const { analyzed, text } = view;
  const events: DatedEvent[] = [];
  for (const date of analyzed.dates) {
    const window = view.windowOf(date);
    const dated = withPreposition(text, date);
    const clause = view.clauseAround(dated);
    const event = eventOf(view, date, clause);
    if (event === null) continue;
    const antecedent = previousClause(view, window, clause);
    const anchors = new Set([...view.anchorsIn(clause), ...(antecedent === null ? [] : view.anchorsIn(antecedent))]);
    if (anchors.size === 0) continue;
    events.push({
      article: view.index,
      sentence: date.sentence,
      date,
      kind: event.kind,
      event: event.event,
      anchors,
      fact: context.factOf(view.index, date.sentence),
      ambiguous: false,
      publishedDay: view.publishedDay,
      attribution: view.attribution(date),
      wording: wordingOf(view, clause, dated, antecedent),
      passage: text.slice(window.start, window.end),
      bucket: `${event.kind === 'fact' ? 'fact' : 'event'}:${event.kind === 'previous' ? 'last ' : ''}${event.event}`,
      signature: '',
    });
  }
  const perSentence = new Map<string, number>();
  for (const event of events) perSentence.set(`${event.sentence}|${event.bucket}`, (perSentence.get(`${event.sentence}|${event.bucket}`) ?? 0) + 1);
  return events.map((event) => {
    const ambiguous = (perSentence.get(`${event.sentence}|${event.bucket}`) ?? 0) > 1;
    const signature = JSON.stringify([event.bucket, event.date.value, event.date.precision, event.date.relative, [...event.anchors].sort(), event.fact, ambiguous, event.publishedDay, event.attribution, fnv1a32(event.passage), event.passage.length]);
    return { ...event, ambiguous, signature };
  });
}

/** Whether two sets share a member. */
function shares(first: ReadonlySet<string>, second: ReadonlySet<string>): boolean {
  for (const item of first) if (second.has(item)) return true;
  return false;
}

/** Whether two dated events of one bucket are one event, and if so whether their dates agree (see the module comment). */
export function compareDatedEvents(first: DatedEvent, second: DatedEvent): Comparison {
  if ((first.article === second.article && first.sentence === second.sentence) || first.passage === second.passage || !shares(first.anchors, second.anchors)) return 'unrelated';
  const sameFact = first.fact !== null && first.fact === second.fact;
  if (first.kind === 'fact' && (!sameFact || first.ambiguous || second.ambiguous)) return 'unrelated';
  if (first.kind === 'previous' && first.publishedDay !== null && second.publishedDay !== null && Math.abs(first.publishedDay - second.publishedDay) > PREVIOUS_WINDOW_DAYS) return 'unrelated';
  const distance = dateDistance(first.date, second.date);
  if (distance === 0) return 'agree';
  const sameDayAcrossZones = distance === 1 && first.date.precision === 'day' && second.date.precision === 'day' && (first.date.relative || second.date.relative);
  return sameDayAcrossZones ? 'agree' : 'disagree';
}

/**
 * Groups of dated events (each one event) whose dates disagree, every dating of the event
 * included. Dates of two articles are compared only when `related` says the articles report on
 * one story.
 */
export function findDateConflicts(views: readonly ArticleView[], context: ConflictContext, related: (first: number, second: number) => boolean): DatedEvent[][] {
  return linkCandidates(views.flatMap((view) => datedEvents(view, context)), (first, second) => (related(first.article, second.article) ? compareDatedEvents(first, second) : 'unrelated'));
}

/**
 * A label for what a group of datings date: the shortest wording that names its subject (a
 * capitalised name after the first word: "year the Merrow Dam was completed", not "year an
 * earth embankment completed"), else the shortest wording, else the event word.
 */
export function describeDatedEvent(events: readonly DatedEvent[], precision: DateMention['precision']): string {
  const namesSubject = (wording: string): boolean => /\p{Lu}/u.test(wording.slice(1));
  const wordings = events.map((event) => event.wording).filter((wording): wording is string => wording !== null);
  const best = wordings.sort((first, second) => Number(namesSubject(second)) - Number(namesSubject(first)) || first.split(' ').length - second.split(' ').length || first.localeCompare(second))[0];
  const first = events[0]!;
  if (best !== undefined) return `${PRECISION_WORDS[precision]} ${best}`;
  return first.kind === 'previous' ? `${PRECISION_WORDS[precision]} of the last ${first.event}` : `${PRECISION_WORDS[precision]} of ${first.event}`;
}
