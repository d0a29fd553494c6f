import type { Span } from './span.js';

/**
 * Typed annotations of one article: spans into its `text` with what the analysis read there.
 * They are produced per article (src/analyze/) and reconciled across articles (src/corpus/).
 */

/**
 * The kinds of named entity. `event` is a named occurrence ("the G20 summit", "Operation
 * Sandstone"); `other` is a named thing that is none of the rest (a nationality, a language, a
 * product, a law), kept so it is not mistaken for one of them.
 */
export type EntityKind = 'person' | 'organization' | 'place' | 'event' | 'other';

/** One mention of a named entity in an article's text: the name as written. */
export interface EntityMention extends Span {
  readonly kind: EntityKind;
  /**
   * A role or title the text gives this mention, lower-cased, without articles or possessors
   * ("foreign minister" from "Russia's foreign minister", "former cia officer"), or null. Used
   * to reconcile spellings across articles and to find a speaker named only by role.
   */
  readonly role: string | null;
}

/**
 * `direct`: the speaker's words in quotation marks, standing as a sentence or more;
 * `partial`: a quoted fragment inside the reporter's sentence;
 * `indirect`: reported speech without quotation marks ("X said that …").
 */
export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** A quotation: what was said, the cue verb, and who said it as far as the text supports. */
export interface Quote extends Span {
  readonly kind: QuoteKind;
  /**
   * The words attributed to the speaker, without quotation marks. A quote split by its
   * attribution ("…," he said, "…") has several parts, in order.
   */
  readonly content: readonly Span[];
  /** The cue ("said", "told reporters", "according to"), or null when none is written. */
  readonly cue: Span | null;
  /** The words that name the speaker here: a name, a pronoun, a role ("the minister"), or null. */
  readonly speaker: Span | null;
  /**
   * The entity mention the speaker resolves to (a name in this article), or null when the text
   * does not support one. Never guessed.
   */
  readonly speakerMention: EntityMention | null;
}

/** How a number is hedged in the text. */
export type NumberQualifier = 'exact' | 'about' | 'more-than' | 'at-least' | 'fewer-than' | 'at-most' | 'nearly' | 'up-to';

/** A quantity stated in the text: "more than 320,000 deaths", "1,500 to 5,000 troops", "two hours". */
export interface NumberMention extends Span {
  /** The value, or the low end of a range. */
  readonly value: number;
  /** The high end of a range ("1,500 to 5,000"), or null. */
  readonly high: number | null;
  readonly qualifier: NumberQualifier;
  /**
   * A unit of measure, normalised: "minute", "hour", "day", "week", "month", "year", "percent",
   * "USD", "EUR", "GBP", "km", "kg"…; null for a plain count.
   */
  readonly unit: string | null;
  /** The words naming what is counted ("deaths", "people killed", "troops"), or null. */
  readonly counted: Span | null;
  /** The counted thing's head word, lower-cased and singular ("death", "troop"), or null. */
  readonly countedHead: string | null;
}

/** How precisely a date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/** How a date relates to the event of its sentence: on it, since it, until it, before or after it. */
export type DateRelation = 'on' | 'since' | 'until' | 'before' | 'after';

/** A date in the text, normalised against the article's publication date where it is relative. */
export interface DateMention extends Span {
  /** ISO 8601 at its precision: "2017-05-10", "2017-05" or "2017". */
  readonly value: string;
  readonly precision: DatePrecision;
  readonly relation: DateRelation;
  /** True when the value was computed from the publication date ("on Wednesday", "last month"). */
  readonly relative: boolean;
  /** The index of the sentence (in the article's sentences) whose event it dates. */
  readonly sentence: number;
}

/** All annotations of one article. */
export interface Annotations {
  readonly entities: readonly EntityMention[];
  readonly quotes: readonly Quote[];
  readonly numbers: readonly NumberMention[];
  readonly dates: readonly DateMention[];
}
