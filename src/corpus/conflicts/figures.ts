import { conceptIds, lemmaOf, SYNONYM, wordRelation } from '../../analyze/lexicon.js';
import { countKey } from '../../analyze/numbers.js';
import { isContentWord } from '../../analyze/stopwords.js';
import { tokenize } from '../../analyze/tokens.js';
import type { NumberMention } from '../../core/annotations.js';
import { firstStartingAt, type Span } from '../../core/span.js';
import { fnv1a32 } from '../minhash.js';
import { dateDistance, linkCandidates, type ArticleView, type Comparison, type ConflictContext, type Linkable, type PreciseDate } from './evidence.js';
import { displayFigure, intervalRatio, intervalsOverlap, valueInterval, type ValueInterval } from './intervals.js';

/**
 * Figures that disagree: two passages giving different values for the same quantity, "same"
 * meaning the same counted thing, the same scope and the same time frame. Each rule below
 * exists because real coverage breaks it otherwise (the examples are of the kind seen in
 * multi-outlet news).
 *
 * - **Counted thing.** Counts are keyed by `countKey` (deaths, injured, missing, displaced,
 *   arrested, rescued, or the counted noun: "troops", "homes"); measures by what they measure
 *   (a duration, a distance, an amount in one currency), converted to one unit. Left out, as
 *   they state no value to dispute: increments ("another 5", "an additional 1,500", "five
 *   more"), projections ("could reach 50", "is expected to"), figures the sentence says were
 *   superseded or are a baseline ("earlier", "initially", "a similar", "up from 9 million",
 *   "compared with", "prior to"), the whole of a proportion ("eight out of 14") and a part of
 *   a named whole ("five of the dead"), negated figures ("not 20"), ages in "at the age of",
 *   vague plurals ("dozens", "thousands"), and a toll with no counted words that the sentence
 *   does not tie to an event word or a toll noun.
 * - **Scope.** Words that narrow the counted noun make another quantity: before it ("14
 *   children", "six foreigners", "Ostravian rescue teams"), after it ("two counts of murder",
 *   "4,000 killed by the police", "13 dead, including the gunman", "two passengers seated next
 *   to her", "the state's death toll of 367"), or right after a figure the
 *   annotator read no noun for ("three family members were killed"). Words saying how a count
 *   is known ("confirmed", "official") do not narrow it. A place the figure is tied to
 *   ("residents of Brennick", "died in Lisse", "In Lisse, …") is its locus: figures of two
 *   places are different quantities; a place against no place is a part against the whole,
 *   which disagree only when the part exceeds the whole. A count "since March 2011" is another
 *   quantity than one since 2012.
 * - **Time frame.** A figure's frame is the date its sentence states ("on Tuesday", "by
 *   Wednesday"), else its article's publication day (an undated article takes the story's
 *   median publication day). Frames more than a day apart are different quantities: tolls rise,
 *   and a later figure that supersedes an earlier one is an update, not a conflict. Within a
 *   day they are one news cycle and are compared (the Merrow Dam reports give 14, 19 and some
 *   20 dead within a day: a conflict an editor needs to see). Where dates could not be
 *   resolved, sentences naming different weekdays are different frames. A figure announced as
 *   a change ("rose to", "raising the toll to", "so far", "as of") is compared only with a
 *   figure of another article whose sentence states the same day.
 * - **Evidence.** Figures of two articles are compared only when the articles report on one
 *   story (`reportOnOneStory`). Death, injury, missing, displacement, arrest and rescue tolls
 *   are then compared unless their sentences name places and none in common (and share no
 *   entity or fact); other counts need the same event verb ("52 students were taking part" is
 *   not "seven students died"; a shared nearby word when a figure has no verb) and the same
 *   fact or a shared entity; bare counts of people ("6,000 people") and measures need the same
 *   fact, the same event verb ("killing three people" is not "wounding 15 people") and a shared
 *   nearby word, and a sentence with two figures of one kind is too ambiguous to pair. Figures
 *   more than three times apart are not taken for one quantity: two reports of one count rarely
 *   differ so much, two different counts often do. Ages ("Hanne Drossel, 58,", "a 93-year-old
 *   Henry Kissinger") are compared per person, one year apart agreeing (a birthday may fall
 *   between two reports).
 * - **One article.** Two figures of one sentence are never paired (a sentence with two
 *   figures for one thing is a breakdown, a comparison or a list, not a contradiction). Two
 *   figures of different sentences of one article are paired only when the fact finder puts
 *   them in one fact or the article gives them to two different sources: news writers break a
 *   toll down by place, day and cause far more often than they contradict themselves.
 * - **Values** agree when their plausible intervals overlap (see number-intervals.ts): "more
 *   than 300" and "some 350" agree, a range agrees with a number inside it, "about 200" with
 *   213; "about 6,000" and "8,500" disagree, as do an exact 14 and an exact 19.
 */

/** How much evidence a quantity needs before two of its figures are compared (see the module comment). */
type Tier = 'toll' | 'count' | 'statement' | 'age';

/** A figure prepared for comparison. */
export interface FigureCandidate extends Linkable {
  readonly article: number;
  readonly sentence: number;
  readonly mention: NumberMention;
  readonly tier: Tier;
  /** What the figure counts or measures, for people ("deaths", "rescue teams"). */
  readonly about: string;
  /** The place entity the figure is tied to, or null. */
  readonly locus: string | null;
  /** The start of a cumulative count ("since March 2011"), or null. */
  readonly since: PreciseDate | null;
  /** The figure's time frame, and whether its sentence states it (else it is a publication day). */
  readonly frame: { readonly date: PreciseDate; readonly stated: boolean } | null;
  /** Weekdays its sentence names, where the article's dates could not be resolved. */
  readonly weekdays: ReadonlySet<string>;
  readonly anchors: ReadonlySet<string>;
  /** The places its sentence names. */
  readonly places: ReadonlySet<string>;
  /** Base forms of the content words next to the figure in its clause ("rose by … in the first hour"). */
  readonly context: ReadonlySet<string>;
  /** Base forms of the verbs that govern the figure ("killing three people" → kill). */
  readonly verbs: readonly string[];
  readonly fact: number | null;
  /** Announced as a change ("rose to 19", "so far"). */
  readonly update: boolean;
  /** Another figure of its kind stands in its sentence. */
  readonly ambiguous: boolean;
  readonly attribution: string | null;
  /** Plausible values, in the bucket's common unit. */
  readonly interval: ValueInterval;
  readonly display: string;
  /** The text read around the figure (its sentence, within a window): copies of one report share it. */
  readonly passage: string;
}

/** Count keys of what happened to people: the headline tolls of an event. */
const TOLL_LABELS: ReadonlyMap<string, string> = new Map([
  ['death', 'deaths'],
  ['injured', 'people injured'],
  ['missing', 'people missing'],
  ['displaced', 'people evacuated or displaced'],
  ['arrested', 'people arrested'],
  ['rescued', 'people rescued'],
]);

/** Counted nouns that name people (or their deaths) without narrowing who: the whole count. */
const GENERIC_HEADS: ReadonlySet<string> = new Set([
  'person', 'people', 'resident', 'inhabitant', 'individual', 'life', 'death', 'fatality', 'dead', 'victim', 'casualty', 'soul', 'other',
]);

/** Counted nouns that do not say what is counted ("three others", "two times", "one of them"). */
const EMPTY_HEADS: ReadonlySet<string> = new Set(['other', 'one', 'rest', 'time', 'way', 'thing', 'side', 'point', 'reason', 'step', 'example', 'number', 'part', 'kind', 'type']);

/** Words before a counted noun that say how the count is known, not what it counts. */
const NON_NARROWING: ReadonlySet<string> = new Set([
  'confirmed', 'confirm', 'reported', 'report', 'known', 'recorded', 'record', 'registered', 'official', 'total', 'estimated', 'estimate',
  'overall', 'documented', 'verified', 'verify', 'some', 'about', 'around', 'roughly', 'least', 'nearly', 'almost', 'approximately',
]);

/** Units by what they measure, with their size in that measure's base unit. */
const UNIT_MEASURES: ReadonlyMap<string, readonly [string, number]> = new Map([
  ['second', ['duration', 1]], ['minute', ['duration', 60]], ['hour', ['duration', 3600]], ['day', ['duration', 86_400]],
  ['week', ['duration', 604_800]], ['month', ['duration', 2_629_800]], ['year', ['duration', 31_557_600]],
  ['decade', ['duration', 315_576_000]], ['century', ['duration', 3_155_760_000]],
  ['km', ['distance', 1000]], ['m', ['distance', 1]], ['cm', ['distance', 0.01]], ['mm', ['distance', 0.001]],
  ['mile', ['distance', 1609.344]], ['foot', ['distance', 0.3048]], ['inch', ['distance', 0.0254]], ['yard', ['distance', 0.9144]],
  ['km2', ['area', 1e6]], ['m2', ['area', 1]], ['mile2', ['area', 2_589_988]], ['hectare', ['area', 1e4]], ['acre', ['area', 4046.86]],
  ['kg', ['weight', 1]], ['g', ['weight', 0.001]], ['tonne', ['weight', 1000]], ['ton', ['weight', 907.185]], ['lb', ['weight', 0.453592]],
  ['litre', ['volume', 1]], ['gallon', ['volume', 3.785]], ['m3', ['volume', 1000]], ['barrel', ['volume', 158.987]],
  ['percent', ['percentage', 1]], ['percentage-point', ['percentage points', 1]],
  ['mph', ['speed', 1.609344]], ['km/h', ['speed', 1]], ['knot', ['speed', 1.852]],
]);

/** Plural vague amounts: a floor, not a value to dispute. */
const VAGUE_AMOUNT = /\b(?:dozens|scores|hundreds|thousands|millions|billions|tens|several|(?<!as\s)many|numerous)\b/iu;

/** Words before a figure that make it an increment on another count, deny it, or make it an age or a day of a month. */
const NO_VALUE_BEFORE = /\b(?:another|additional|further|extra|other|not|no|never|age\s+of|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\s+$/iu;

/** An increment written inside the figure ("five more people"), not "more than". */
const INCREMENT_INSIDE = /\b(?:more(?!\s+than)|additional|further|extra|new)\b/iu;

/** A figure the sentence says was superseded, first reported, or belongs to another event. */
const EARLIER_CUE = /\b(?:previously|previous|earlier|initially|originally|at first|the day before|a day earlier|similar|former|at the time|back then|when\s+\p{L}+\s+had)\b/iu;

/** A figure given as the baseline another is set against ("up from 9 million", "compared with", "higher than the 14"). */
const BASELINE_CUE = /\b(?:up from|down from|compared (?:with|to)|as against|versus|prior to|before the|surpass\w*|exceed\w*)\b|\bpre-\p{L}|\bthan\s+(?:the\s+)?$/iu;

/** A figure that is the whole of a proportion ("eight out of 14", "three of the 12"): another count than its part. */
const PROPORTION_BASE = /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|half|all|most|many|some|none|each|several))\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?$/iu;

/** A figure followed by "of the …" or "out of 12": a part of a whole the text names ("five of the dead", "four of those arrested"). */
const PARTITIVE_AFTER = /^\s*(?:out\s+)?of\s+(?:(?:the|those|them|whom|these|its|their|all)\b|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred)\b)/iu;

/** A figure that is expected or feared, not reported. */
const PROJECTION_CUE = /\b(?:could|may|might|would|will|expected|expects|expect|feared|fears|fear|likely|projected|predicted|predicts|forecast|planned|plans|aims?|target|threatens?|risks?)\b/iu;

/** Verbs that announce a figure as a change ("rose to 19", "raising the toll to 21", "reached 19"). */
const CHANGE_VERB = /\b(?:rose|risen|rises?|rising|raise[sd]?|raising|climb\w*|grew|grown|grow\w*|increas\w*|jump\w*|mount\w*|reach\w*|hit|hits|surg\w*|soar\w*|brought|bring\w*|push\w*|took|tak\w*)\b/iu;

/** A count given as provisional. */
const PROVISIONAL = /\b(?:so far|to date|up to now|thus far|as of)\b/iu;

/** Place words between a locus preposition and the place: "the town of Brennick". */
const LOCUS_BEFORE = /\b(?:in|of|from|at|across|throughout|near|around|inside)\s+(?:the\s+)?(?:(?:\p{L}+\s+)?(?:town|city|village|region|province|district|state|country|area|capital|county|municipality)\s+of\s+)?$/iu;

/** A sentence that opens with its place: "In Brennick, …". */
const OPENING_LOCUS = /^\s*(?:in|at|across|throughout)\s+(?:the\s+)?$/iu;

/** An agent after a toll narrows it: "4,000 killed by the police" is not the whole death toll. */
const AGENT_AFTER = /^[^.;:,]{0,40}?\b(?:killed|shot|arrested|detained|injured|wounded|executed|rescued|evacuated)\s+by\s+(?:the\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\b/iu;

/** A toll that counts its perpetrator: "13 dead, including the gunman" against "12 killed". */
const PERPETRATOR_AFTER = /^[^.;:]{0,60}?\bincluding\s+(?:the\s+)?(?:gunman|gunmen|attacker|attackers|shooter|bomber|bombers|suspect|perpetrator|assailant|hijacker|killer)\b/iu;

/**
 * A participle after a counted noun that narrows it, followed in its phrase by the main verb
 * ("two passengers seated next to her were killed", "children living in America received"),
 * unlike a main verb ("14 people died and …").
 */
const NARROWING_PARTICIPLE = /^\s+(\p{Ll}+(?:ed|ing))\s+([^,;:.]*?)(?:\s+and\s+|[,;:.]|$)/u;

/** Participles after a counted noun that say what happened to it (the event), not which of them. */
const EVENT_PARTICIPLE = /^(?:killed|died|perished|drowned|injured|wounded|evacuated|displaced|arrested|detained|rescued|hospitali[sz]ed|confirmed|reported|affected|trapped|stranded|feared|believed|thought|estimated|said|expected)$/u;

/** An owner before a toll noun narrows it: "the state's death toll of 367", "Bihar's toll". */
const OWNER_BEFORE = /(\p{L}+)['’]s\s+(?:[\p{L}-]+\s+){0,2}(?:toll|tally|count|number|total)\s+(?:\p{L}+\s+){0,3}$/iu;

/** "of" and the words after it that narrow a counted noun ("two counts of murder"). */
const OF_PHRASE = /^\s+of\s+(?:the\s+|a\s+|an\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/iu;

/** Words after a figure that end the noun phrase it counts ("three family members were killed"). */
const PHRASE_STOP = /^(?:dead|died|die|dies|killed|injured|wounded|missing|hurt)$/u;

/** Words after a figure that say when, not what ("killed 3 overnight"). */
const TIME_WORDS = /^(?:yesterday|today|tonight|overnight|earlier|later|ago|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year)$/u;

/** Words in a clause that say a bare figure is a toll ("the number of dead had risen to 19"). */
const TOLL_NOUN = /\b(?:toll|number|tally|count|total|figure|dead|died|killed|deaths|lives|casualties|victims|injured|wounded|missing|evacuated|arrested|rescued)\b/iu;

/** Auxiliaries and adverbs between a counted noun and its verb ("had been evacuated", "have ever passed"). */
const AUXILIARIES: ReadonlySet<string> = new Set([
  'was', 'were', 'is', 'are', 'be', 'been', 'being', 'had', 'has', 'have', 'having', 'will', 'would', 'could', 'still', 'also', 'reportedly',
  'allegedly', 'ever', 'only', 'just', 'all', 'now', 'already', 'since', 'then', 'not', 'never',
]);

/** Words between a verb and the figure it governs ("killing at least three", "claimed some 14"). */
const FIGURE_LEAD: ReadonlySet<string> = new Set(['the', 'a', 'an', 'some', 'about', 'around', 'at', 'least', 'more', 'than', 'nearly', 'almost', 'over', 'up', 'to', 'as', 'many', 'roughly', 'approximately', 'no', 'fewer', 'less', 'of']);

/** Weekday names, for frames where dates could not be resolved. */
const WEEKDAYS = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu;

/** The largest ratio between two figures taken for one quantity. */
const MAX_RATIO = 3;

/** Stated or publication days further apart than this are different time frames. */
const FRAME_TOLERANCE_DAYS = 1;

/** Words on each side of a figure that say what it measures ("rose by more than two metres in the first hour"). */
const CONTEXT_WINDOW = 4;

/** Words after a figure searched for the verb it is the subject of. */
const VERB_WINDOW = 8;

/** Characters on each side of a figure read for its verbs and nearby words. */
const NEAR_CHARS = 120;

/** An ISO day from days since 1970-01-01. */
function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a lower-case word is written as a verb: a past or present participle, or an irregular past WordNet lists as a verb ("fled", "left"). */
function isVerbForm(word: string): boolean {
  if (/(?:ed|ing)$/u.test(word) && word.length > 4) return true;
  const lemma = lemmaOf(word);
  return lemma !== word && !word.endsWith('s') && conceptIds(lemma).some((id) => id.startsWith('v'));
}

/**
 * The verbs that govern a figure, as base forms: the verb right before it ("killing three
 * people", "arrested two dozen") and the verb it is the subject of ("8,500 people had left",
 * "274 people have passed", "residents … had been evacuated").
 */
function governingVerbs(text: string, mention: NumberMention, clause: Span): string[] {
  const verbs: string[] = [];
  const before = tokenize(text, Math.max(clause.start, mention.start - NEAR_CHARS), mention.start).map((token) => token.norm).reverse();
  const leading = before.find((word) => !FIGURE_LEAD.has(word));
  if (leading !== undefined && isVerbForm(leading)) verbs.push(lemmaOf(leading));
  const after = tokenize(text, mention.end, Math.min(clause.end, mention.end + NEAR_CHARS)).slice(0, VERB_WINDOW).map((token) => token.norm);
  const auxiliary = after.findIndex((word) => AUXILIARIES.has(word));
  const verb = auxiliary >= 0 ? after.slice(auxiliary).find((word) => !AUXILIARIES.has(word) && !/ly$/u.test(word)) : after.find((word) => /ed$/u.test(word) || PHRASE_STOP.test(word));
  if (verb !== undefined && (isVerbForm(verb) || PHRASE_STOP.test(verb))) verbs.push(lemmaOf(verb));
  return verbs;
}

/**
 * The noun phrase right after a figure the number annotator read no counted words for ("three
 * family members were killed" → head "member", modifiers ["family"]), up to a verb, a function
 * word or punctuation.
 */
function phraseAfter(text: string, mention: NumberMention): { head: string | null; modifiers: string[] } {
  const words: string[] = [];
  let previousEnd = mention.end;
  for (const token of tokenize(text, mention.end, Math.min(text.length, mention.end + 60))) {
    const joinedBySpace = /^\s+$/u.test(text.slice(previousEnd, token.start));
    const isNoun = conceptIds(token.norm).some((id) => id.startsWith('n'));
    if (!joinedBySpace || !isContentWord(token.norm) || !isNoun || /ed$/u.test(token.norm) || PHRASE_STOP.test(token.norm) || TIME_WORDS.test(token.norm) || words.length === 3) break;
    words.push(lemmaOf(token.norm));
    previousEnd = token.end;
  }
  return { head: words.at(-1) ?? null, modifiers: words.slice(0, -1) };
}

/**
 * What narrows a counted noun (see the module comment): the words before it, the "of" phrase
 * after it unless that names a place (a locus), a participle after it ("passengers seated
 * next to her"), an agent ("killed by the police"), a perpetrator counted in ("including the
 * gunman"), an owner of the toll ("the state's death toll"). Returns the noun's base form and
 * the narrowing words, sorted.
 */
function scopeOf(view: ArticleView, mention: NumberMention): { head: string | null; modifiers: string[] } {
  const { text } = view;
  const after = text.slice(mention.end, mention.end + 80);
  const extra: string[] = [];
  const agent = AGENT_AFTER.exec(after)?.[1];
  if (agent !== undefined) extra.push(`by ${agent.toLowerCase()}`);
  if (PERPETRATOR_AFTER.test(after)) extra.push('including the perpetrator');
  const participle = NARROWING_PARTICIPLE.exec(after);
  const mainVerbFollows = participle !== null && participle[2]!.split(/\s+/u).some((word) => AUXILIARIES.has(word.toLowerCase()) || /ed$/u.test(word));
  if (participle !== null && mainVerbFollows && !EVENT_PARTICIPLE.test(participle[1]!)) extra.push(lemmaOf(participle[1]!));
  const owner = OWNER_BEFORE.exec(text.slice(Math.max(0, mention.start - 60), mention.start))?.[1];
  if (owner !== undefined) extra.push(`of ${owner.toLowerCase()}`);
  const ofPhrase = OF_PHRASE.exec(after);
  if (ofPhrase !== null) {
    // "of Brennick" names a place (the figure's locus, read apart); "of murder" narrows the count.
    const wordsStart = mention.end + ofPhrase[0].length - ofPhrase[1]!.length;
    const named = view.analyzed.entities[firstStartingAt(view.analyzed.entities, wordsStart)];
    const words = ofPhrase[1]!.toLowerCase().split(/\s+/u);
    const stop = words.findIndex((word) => !isContentWord(word));
    const content = words.slice(0, stop < 0 ? words.length : stop);
    if (named?.start !== wordsStart && content.length > 0) extra.push(`of ${content.map(lemmaOf).join(' ')}`);
  }
  let head: string | null;
  let modifiers: string[];
  if (mention.counted === null) ({ head, modifiers } = phraseAfter(text, mention));
  else {
    // "five others were injured", "seven other people": those besides the ones already named.
    if (/\bothers?\b/iu.test(text.slice(mention.counted.start, mention.counted.end))) extra.push('other');
    head = mention.countedHead === null ? null : lemmaOf(mention.countedHead);
    const tokens = tokenize(text, mention.counted.start, mention.counted.end);
    const headAt = tokens.findIndex((token) => token.norm === mention.countedHead || lemmaOf(token.norm) === head || token.norm.startsWith(mention.countedHead ?? '\u0000'));
    modifiers = tokens
      .slice(0, Math.max(headAt, 0))
      .map((token) => token.norm)
      .filter((word) => isContentWord(word) && !NON_NARROWING.has(word) && !/\d/u.test(word))
      .map((word) => lemmaOf(word));
  }
  return { head, modifiers: [...new Set([...modifiers, ...extra])].sort() };
}

/** The place entity a figure is tied to: "residents of Brennick", "died in Lisse", or a sentence opening "In Brennick,". */
function locusOf(view: ArticleView, context: ConflictContext, mention: NumberMention, clause: Span, window: Span): string | null {
  const { analyzed, text } = view;
  const mentions = analyzed.entities;
  for (let index = firstStartingAt(mentions, mention.end); index < mentions.length; index++) {
    const place = mentions[index]!;
    if (place.start >= clause.end) break;
    if (place.kind !== 'place') continue;
    if (LOCUS_BEFORE.test(text.slice(Math.max(mention.end, place.start - 48), place.start))) {
      return context.entityOf(analyzed.article.id, place) ?? text.slice(place.start, place.end).toLowerCase();
    }
    break;
  }
  const opening = mentions[firstStartingAt(mentions, window.start)];
  if (opening !== undefined && opening.kind === 'place' && opening.end < mention.start && OPENING_LOCUS.test(text.slice(window.start, opening.start)) && /^\s*,/u.test(text.slice(opening.end, opening.end + 4))) {
    return context.entityOf(analyzed.article.id, opening) ?? text.slice(opening.start, opening.end).toLowerCase();
  }
  return null;
}

/** The person an age belongs to: "Hanne Drossel, 58," or "a 93-year-old Henry Kissinger". */
function ageOwner(view: ArticleView, context: ConflictContext, mention: NumberMention): string | null {
  const { analyzed, text } = view;
  const mentions = analyzed.entities;
  const after = mentions[firstStartingAt(mentions, mention.end)];
  if (after?.kind === 'person' && /^[\s-]*$/u.test(text.slice(mention.end, after.start)) && after.start - mention.end <= 2) return context.entityOf(analyzed.article.id, after);
  const before = mentions[firstStartingAt(mentions, mention.start) - 1];
  if (before?.kind === 'person' && /^\s*,\s*(?:aged\s+)?$/u.test(text.slice(before.end, mention.start))) return context.entityOf(analyzed.article.id, before);
  return null;
}

/** Whether the figure states no value to dispute (see the module comment). */
function statesNoValue(text: string, mention: NumberMention, clause: Span, window: Span): boolean {
  const written = text.slice(mention.start, mention.end);
  const before = text.slice(Math.max(clause.start, mention.start - 40), mention.start);
  if (VAGUE_AMOUNT.test(written) && !/\d/u.test(written)) return true;
  if (NO_VALUE_BEFORE.test(before) || PROPORTION_BASE.test(before)) return true;
  if (mention.counted === null && PARTITIVE_AFTER.test(text.slice(mention.end, mention.end + 24))) return true;
  const counted = mention.counted === null ? '' : text.slice(mention.counted.start, mention.counted.end);
  if (INCREMENT_INSIDE.test(counted) || INCREMENT_INSIDE.test(written.replace(/more\s+than/giu, ''))) return true;
  const clauseBefore = text.slice(clause.start, mention.start);
  const sentenceBefore = text.slice(Math.max(window.start, mention.start - 100), mention.start);
  return EARLIER_CUE.test(sentenceBefore) || BASELINE_CUE.test(sentenceBefore) || PROJECTION_CUE.test(clauseBefore.split(/\s+/u).slice(-6).join(' '));
}

/** What a figure counts or measures and how much evidence it needs; null when it is not comparable. */
function classify(view: ArticleView, context: ConflictContext, mention: NumberMention, clause: Span, verbs: readonly string[]): { bucket: string; tier: Tier; about: string; scale: number } | null {
  const { text } = view;
  const key = countKey(mention, text);
  if (key === 'age') {
    const owner = ageOwner(view, context, mention);
    const name = owner === null ? null : (context.nameOf?.(owner) ?? null);
    return owner === null ? null : { bucket: `age:${owner}`, tier: 'age', about: name === null ? 'age' : `age of ${name}`, scale: 1 };
  }
  if (mention.unit !== null) {
    const measure = UNIT_MEASURES.get(mention.unit) ?? (/^[A-Z]{3}$/u.test(mention.unit) ? ([`amount in ${mention.unit}`, 1] as const) : null);
    if (measure === null) return null;
    const counted = mention.counted === null ? '' : ` of ${text.slice(mention.counted.start, mention.counted.end).replace(/^of\s+/iu, '')}`;
    return { bucket: `measure:${measure[0]}${counted.toLowerCase()}`, tier: 'statement', about: `${measure[0]}${counted}`, scale: measure[1] };
  }
  if (key === null) return null;
  const { head, modifiers } = scopeOf(view, mention);
  const tollLabel = TOLL_LABELS.get(key);
  if (head !== null && EMPTY_HEADS.has(head) && (tollLabel === undefined || head !== 'other')) return null;
  if (tollLabel !== undefined) {
    // A bare figure is a toll only when the sentence says so next to it ("killed 14", "14 died", "the toll … 19").
    if (mention.counted === null && head === null && verbs.length === 0 && !TOLL_NOUN.test(text.slice(clause.start, clause.end))) return null;
    const narrowed = [...modifiers, ...(head !== null && !GENERIC_HEADS.has(head) ? [head] : [])];
    return { bucket: `toll:${key}:${narrowed.join(' ')}`, tier: 'toll', about: narrowed.length === 0 ? tollLabel : `${tollLabel} (${narrowed.join(' ')})`, scale: 1 };
  }
  const counted = mention.counted === null ? key : text.slice(mention.counted.start, mention.counted.end).replace(/\s+/gu, ' ').toLowerCase();
  const tier: Tier = head !== null && GENERIC_HEADS.has(head) ? 'statement' : 'count';
  return { bucket: `count:${key}:${modifiers.join(' ')}`, tier, about: counted, scale: 1 };
}

/** The figures of one article that may take part in a conflict, prepared for comparison (see the module comment for what is left out). */
export function figureCandidates(view: ArticleView, context: ConflictContext): FigureCandidate[] {
  const { analyzed, text } = view;
  const candidates: FigureCandidate[] = [];
  const referenceFrame = view.referenceDay === null ? null : { date: { value: isoDay(view.referenceDay), precision: 'day' as const }, stated: false };
  for (const mention of analyzed.numbers) {
    const sentenceIndex = view.sentenceOf(mention);
    const window = view.windowOf(mention);
    const clause = view.clauseAround(mention);
    if (statesNoValue(text, mention, clause, window)) continue;
    const verbs = governingVerbs(text, mention, clause);
    const kind = classify(view, context, mention, clause, verbs);
    if (kind === null) continue;
    const dates = view.datesIn(window);
    const distance = (date: Span): number => Math.abs(date.start - mention.start);
    const since = dates.filter((date) => date.relation === 'since').sort((x, y) => distance(x) - distance(y))[0] ?? null;
    const stated = dates.filter((date) => date.relation === 'on' || date.relation === 'until' || date.relation === 'before').sort((x, y) => distance(x) - distance(y))[0];
    const frame = stated !== undefined
      ? { date: { value: stated.value, precision: stated.precision }, stated: true }
      : referenceFrame;
    const interval = valueInterval(mention);
    const scaled = { low: interval.low * kind.scale, high: interval.high * kind.scale };
    // An age one year apart may be a birthday between two reports.
    const plausible = kind.tier === 'age' ? { low: scaled.low, high: scaled.high + 1 } : scaled;
    const anchors = new Set(view.anchorsIn(window));
    if (since !== null) anchors.add(`since:${since.value.slice(0, 4)}`);
    const passage = text.slice(window.start, window.end);
    const clauseTokens = tokenize(text, Math.max(clause.start, mention.start - NEAR_CHARS), Math.min(clause.end, mention.end + NEAR_CHARS)).filter((token) => !/\d/u.test(token.norm) && (token.end <= mention.start || token.start >= mention.end));
    const firstAfter = clauseTokens.findIndex((token) => token.start >= mention.end);
    const split = firstAfter < 0 ? clauseTokens.length : firstAfter;
    const nearby = [...clauseTokens.slice(Math.max(0, split - CONTEXT_WINDOW), split), ...clauseTokens.slice(split, split + CONTEXT_WINDOW)];
    const clauseBefore = text.slice(clause.start, mention.start);
    candidates.push({
      article: view.index,
      sentence: sentenceIndex,
      mention,
      tier: kind.tier,
      about: kind.about,
      locus: locusOf(view, context, mention, clause, window),
      since: since === null ? null : { value: since.value, precision: since.precision },
      frame,
      weekdays: new Set(view.publishedDay === null ? (passage.toLowerCase().match(WEEKDAYS) ?? []) : []),
      anchors,
      places: view.placesIn(window),
      context: new Set(nearby.filter((token) => isContentWord(token.norm)).map((token) => lemmaOf(token.norm))),
      verbs,
      fact: context.factOf(view.index, sentenceIndex),
      update: (CHANGE_VERB.test(clauseBefore) && /\b(?:to|at)\s+$|(?:rose|risen|reached|hit|hits|climbed|grew)\s+$/iu.test(clauseBefore)) || PROVISIONAL.test(passage),
      ambiguous: false,
      attribution: view.attribution(mention),
      interval: plausible,
      display: displayFigure(mention),
      passage,
      bucket: kind.bucket,
      signature: '',
    });
  }
  // Two figures of one kind in one sentence cannot be paired with another sentence's by kind alone.
  const perSentenceKind = new Map<string, number>();
  const kindKey = (candidate: FigureCandidate): string => `${candidate.sentence}|${candidate.bucket}`;
  for (const candidate of candidates) perSentenceKind.set(kindKey(candidate), (perSentenceKind.get(kindKey(candidate)) ?? 0) + 1);
  return candidates.map((candidate) => {
    const ambiguous = (perSentenceKind.get(kindKey(candidate)) ?? 0) > 1;
    const signature = JSON.stringify([
      candidate.bucket, candidate.display, candidate.interval, candidate.locus, candidate.since, candidate.frame, [...candidate.weekdays].sort(),
      [...candidate.anchors].sort(), candidate.verbs, candidate.fact, candidate.update, ambiguous, candidate.attribution, fnv1a32(candidate.passage), candidate.passage.length,
    ]);
    return { ...candidate, ambiguous, signature };
  });
}

/** Whether two sets share a member. */
function shares(first: ReadonlySet<string>, second: ReadonlySet<string>): boolean {
  const [small, large] = first.size <= second.size ? [first, second] : [second, first];
  for (const item of small) if (large.has(item)) return true;
  return false;
}

/** Whether two figures name the same event verb (the same base form or WordNet synonyms). */
function sameEventVerb(first: FigureCandidate, second: FigureCandidate): boolean {
  return first.verbs.some((verb) => second.verbs.some((other) => wordRelation(verb, other) >= SYNONYM));
}

/** Whether two figures are about one quantity, and if so whether their values agree (see the module comment). */
export function compareFigures(first: FigureCandidate, second: FigureCandidate): Comparison {
  if (first.article === second.article && first.sentence === second.sentence) return 'unrelated';
  const sameFact = first.fact !== null && first.fact === second.fact;
  if (first.article === second.article && !sameFact && !(first.attribution !== null && second.attribution !== null && first.attribution !== second.attribution)) return 'unrelated';
  if (first.locus !== null && second.locus !== null && first.locus !== second.locus) return 'unrelated';
  if (first.since !== null && second.since !== null && dateDistance(first.since, second.since) !== 0) return 'unrelated';
  const frameDistance = first.frame === null || second.frame === null ? null : dateDistance(first.frame.date, second.frame.date);
  if (frameDistance !== null && frameDistance > FRAME_TOLERANCE_DAYS) return 'unrelated';
  if (first.weekdays.size > 0 && second.weekdays.size > 0 && !shares(first.weekdays, second.weekdays)) return 'unrelated';
  if ((first.update || second.update) && !(first.article !== second.article && first.frame?.stated === true && second.frame?.stated === true && frameDistance === 0)) return 'unrelated';
  switch (first.tier) {
    case 'statement':
      if (!sameFact || first.ambiguous || second.ambiguous || !sameEventVerb(first, second) || !shares(first.context, second.context)) return 'unrelated';
      break;
    case 'toll':
      if (!sameFact && !shares(first.anchors, second.anchors) && first.places.size > 0 && second.places.size > 0 && !shares(first.places, second.places)) return 'unrelated';
      break;
    case 'count': {
      const sameThing = first.verbs.length > 0 && second.verbs.length > 0 ? sameEventVerb(first, second) : shares(first.context, second.context);
      if (!sameThing || (!sameFact && !shares(first.anchors, second.anchors))) return 'unrelated';
      break;
    }
    case 'age':
      // The bucket is the person: two ages of one person are one quantity.
      break;
  }
  if (intervalRatio(first.interval, second.interval) > MAX_RATIO) return 'unrelated';
  if ((first.locus === null) !== (second.locus === null)) {
    const [part, whole] = first.locus !== null ? [first, second] : [second, first];
    return part.interval.low <= whole.interval.high ? 'agree' : 'disagree';
  }
  return intervalsOverlap(first.interval, second.interval) ? 'agree' : 'disagree';
}

/**
 * Groups of figures (each a quantity) whose values disagree, every figure of the quantity
 * included. Figures of two articles are compared only when `related` says the articles report
 * on one story.
 */
export function findFigureConflicts(views: readonly ArticleView[], context: ConflictContext, related: (first: number, second: number) => boolean): FigureCandidate[][] {
  return linkCandidates(views.flatMap((view) => figureCandidates(view, context)), (first, second) => (related(first.article, second.article) ? compareFigures(first, second) : 'unrelated'));
}
