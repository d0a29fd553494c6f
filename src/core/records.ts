import type { Annotations, DatePrecision, DateRelation, EntityKind, NumberQualifier, QuoteKind } from './annotations.js';
import type { Diagnostic } from './diagnostic.js';
import type { Span } from './span.js';

/**
 * The records that cross stage boundaries: ingest → {@link Fetched} → extract →
 * {@link Extracted} → analyze → {@link Analyzed} → corpus + summarize → {@link Story}.
 * Records are plain, immutable, JSON-serialisable objects; links between them are ids.
 */

/** The kinds of input this version understands. */
export type MediaType = 'text/plain' | 'text/html';

/** One input, read and decoded to text. */
export interface Fetched {
  /** Where it came from: a path, a URL, or `-` for standard input. */
  readonly source: string;
  /** SHA-256 of the raw bytes. */
  readonly contentHash: string;
  readonly byteLength: number;
  /** The encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252`, …). */
  readonly encoding: string;
  readonly mediaType: MediaType;
  /** The decoded text, line endings normalised to `\n`. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The address the content was finally read from (after redirects), for web pages and feed items. */
  readonly url?: string;
  /** What a feed said about this item; used where the page itself does not say it. */
  readonly hints?: SourceHints;
}

/** Metadata stated outside the page, by the feed that listed it. */
export interface SourceHints {
  readonly title?: string;
  /** ISO 8601. */
  readonly published?: string;
  readonly updated?: string;
  readonly authors?: readonly string[];
  /** The feed's own title, usually the outlet. */
  readonly outlet?: string;
  readonly description?: string;
  readonly imageUrl?: string;
}

/** Why a passage was removed from an article's body. */
export type RemovedKind =
  | 'appeal'
  | 'comments'
  | 'video'
  | 'related'
  | 'share'
  | 'newsletter'
  | 'photo-credit'
  | 'advertisement'
  | 'copyright'
  | 'header'
  | 'credit'
  | 'navigation'
  | 'cookie-notice'
  | 'paywall'
  | 'caption'
  | 'hidden';

/** A passage removed from the body, with the rule that removed it. */
export interface Removed {
  readonly kind: RemovedKind;
  /** The removed text, as it stood in the input. */
  readonly text: string;
  /** The name of the rule that removed it. */
  readonly rule: string;
}

/** What a block of an article's body is. */
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote';

/** One block of an article's body: a span of its `text` and what kind of block it is. */
export interface Block extends Span {
  readonly kind: BlockKind;
}

/**
 * Where a metadata field was read from, most trusted first: `json-ld`, `open-graph`, `meta`
 * (other meta tags), `time` (a `<time>` element), `url`, `dateline` (the visible text),
 * `html-title` (the `<title>` element), `feed`, `text-header` (a plain-text header line),
 * `detected` (computed from the text, as the language is).
 */
export type MetadataSource =
  | 'json-ld'
  | 'open-graph'
  | 'meta'
  | 'time'
  | 'url'
  | 'dateline'
  | 'html-title'
  | 'feed'
  | 'text-header'
  | 'detected';

/** The metadata fields whose source is recorded. */
export type MetadataField = 'title' | 'published' | 'updated' | 'byline' | 'outlet' | 'description' | 'language' | 'url' | 'imageUrl';

/** One article: its canonical body text and metadata, boilerplate removed. */
export interface Extracted {
  readonly id: string;
  readonly source: string;
  readonly contentHash: string;
  readonly title: string | null;
  /** The topic line printed above a title ("Kestria floods"). */
  readonly kicker: string | null;
  /** The standfirst or description printed under a title. */
  readonly description: string | null;
  /** Publication time, ISO 8601 (date, or date and local time; an offset when stated). */
  readonly published: string | null;
  readonly updated: string | null;
  /** The publishing outlet, when the input names it. */
  readonly outlet: string | null;
  /** Agencies and outlets credited for the report ("AFP", "Reuters"). */
  readonly credits: readonly string[];
  /** The people credited as authors. */
  readonly byline: string | null;
  /** The language of the body, as an ISO 639-1 code, when it can be told. */
  readonly language: string | null;
  /** The article's canonical address, when known. */
  readonly url: string | null;
  /** The lead image's address, when the page names one. */
  readonly imageUrl: string | null;
  /** Where each metadata field that has a value was read from. */
  readonly provenance: Readonly<Partial<Record<MetadataField, MetadataSource>>>;
  /** The canonical body: blocks separated by a blank line. Every span points into it. */
  readonly text: string;
  /** The body's blocks, in order: paragraphs, headings, list items, block quotes. */
  readonly paragraphs: readonly Block[];
  readonly removed: readonly Removed[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A word token of an article's text. */
export interface Token extends Span {
  /** Lower-cased, with typographic apostrophes folded. */
  readonly norm: string;
}

/** One article with its per-article analysis: sentences, tokens, and typed annotations. */
export interface Analyzed extends Annotations {
  readonly article: Extracted;
  /** Sentences, in order; they tile the paragraphs (only white space lies between them). */
  readonly sentences: readonly Span[];
  readonly tokens: readonly Token[];
}

/** A result that is either a value or the reason there is none. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly reason: string; readonly diagnostics: readonly Diagnostic[] };

/** The version of the {@link Story} JSON contract (`schema/story.schema.json`). */
export const STORY_SCHEMA_VERSION = 1;

/** A citation: a span of one article's `text` that carries a summary sentence. */
export interface Citation {
  /** The article id. */
  readonly article: string;
  readonly start: number;
  readonly end: number;
}

/** One summary sentence with every passage that carries it. */
export interface SummarySentence {
  readonly text: string;
  readonly citations: readonly Citation[];
  /** How many independent reports (origin groups) carry it; derivative articles add none. */
  readonly independentReports: number;
  /** Ids of the conflicts whose values it states: other reports give other values, so it is not settled. */
  readonly disputed: readonly string[];
}

/** Evidence that two articles are copies of one report. */
export interface CopyEvidence {
  readonly articles: readonly [string, string];
  /** Estimated Jaccard similarity of their word 5-shingle sets (MinHash). */
  readonly shingleJaccard: number;
  /** Sentences of each article that the other carries too (verbatim or edited). */
  readonly sharedSentences: number;
  /** Of those, how many were edited (not word-for-word). */
  readonly editedSentences: number;
  /** Share of the shorter article's text found in the longer one. */
  readonly containment: number;
}

/** Articles that are copies (or edited copies) of one report. */
export interface OriginGroup {
  readonly id: string;
  /** Member article ids, earliest published first. */
  readonly articles: readonly string[];
  /** The member taken as the report's best witness: earliest published, then longest. */
  readonly representative: string;
  readonly evidence: readonly CopyEvidence[];
}

/** An article as the Story shows it. */
export interface StoryArticle extends Extracted {
  readonly sentences: readonly Span[];
  /** The id of the article's origin group. */
  readonly origin: string;
  /** Sentences that no other member of its origin group carries: what this copy added. */
  readonly added: readonly Span[];
  /** What the article's text shows about how it was made: derivative, compilation, machine-translated. */
  readonly flags: readonly ArticleFlag[];
}

/** How an article was made, when its text shows it was not an independent report. */
export type ArticleFlagKind = 'derivative' | 'compilation' | 'machine-translated';

/** A flag on an article, with the evidence a reader can check. */
export interface ArticleFlag {
  readonly kind: ArticleFlagKind;
  /** Each piece of evidence in a sentence ("9 of 14 sentences reword sentences of 3 other articles"). */
  readonly evidence: readonly string[];
  /** Article ids it was derived from, where they are in the story. */
  readonly derivedFrom: readonly string[];
  /** For a compilation: its segments in text order, each attributed where possible. */
  readonly segments: readonly CompilationSegment[];
}

/** What a stretch of a compilation is. */
export type SegmentKind = 'report' | 'repeated' | 'see-also';

/** A stretch of a compilation page and the article it matches, if any. */
export interface CompilationSegment extends Span {
  readonly kind: SegmentKind;
  /** Article id of the story article this segment rewords or copies, or null. */
  readonly source: string | null;
}

/** An entity of the story: one name for all the ways its articles write it. */
export interface StoryEntity {
  readonly id: string;
  /** The name shown: the fullest form most articles use (a country's common name). */
  readonly name: string;
  readonly kind: EntityKind;
  /** The other forms the articles use, most used first. */
  readonly aliases: readonly string[];
  /** Roles the articles give it ("interior minister"), most used first. */
  readonly roles: readonly string[];
  readonly mentions: readonly Citation[];
}

/** A quotation in one article, its speaker resolved to a story entity where the text supports one. */
export interface StoryQuote extends Citation {
  readonly kind: QuoteKind;
  /** The quoted words (parts of a split quote joined by " … "), without quotation marks. */
  readonly text: string;
  /** The spans of the quoted words in the article's text. */
  readonly content: readonly Span[];
  /** The cue as written ("said", "told reporters"), or null. */
  readonly cue: string | null;
  /** The speaker's entity id, or null when the text does not say who spoke. */
  readonly speaker: string | null;
  /** The words naming the speaker here ("he", "the minister", "Halvik"), or null. */
  readonly speakerText: string | null;
}

/** A quantity stated in one article. */
export interface StoryNumber extends Citation {
  readonly value: number;
  readonly high: number | null;
  readonly qualifier: NumberQualifier;
  readonly unit: string | null;
  /** The words naming what is counted, or null. */
  readonly counted: string | null;
  readonly countedHead: string | null;
}

/** A date stated in one article, normalised. */
export interface StoryDate extends Citation {
  readonly value: string;
  readonly precision: DatePrecision;
  readonly relation: DateRelation;
  readonly relative: boolean;
}

/** A dated event of the story, with every sentence that reports it. */
export interface TimelineEvent {
  /** ISO 8601 at its precision: "2017-05-10", "2017-05" or "2017". */
  readonly date: string;
  readonly precision: DatePrecision;
  /** The event as one of its reports words it (the sentence of the earliest listed article). */
  readonly text: string;
  /** The sentences that report it. */
  readonly citations: readonly Citation[];
  /** How many independent reports (origin groups) carry it. */
  readonly independentReports: number;
}

/** A statement that one or more articles make, in their own words: the unit of agreement. */
export interface StoryFact {
  readonly id: string;
  /** The statement as one of its reports words it (the most independently supported wording). */
  readonly text: string;
  /** The sentences that state it, in article order. */
  readonly members: readonly Citation[];
  /** The outlets of the member articles, as a reader knows them, without repeats. */
  readonly outlets: readonly string[];
  /** Distinct reports behind it: copies count once, derivative articles add nothing. */
  readonly independentReports: number;
}

/** One side of a conflict: a value and every passage that states it. */
export interface ConflictValue {
  /** The value normalised for display ("14", "19–20", "more than 300", "1989"). */
  readonly value: string;
  /** The value as the first member writes it. */
  readonly text: string;
  readonly members: readonly ConflictMember[];
  readonly outlets: readonly string[];
  readonly independentReports: number;
}

/** A passage stating a conflicting value, and whom it attributes the value to. */
export interface ConflictMember extends Citation {
  /** Who the source says gave the figure ("the UN", an entity name), or null when it states it itself. */
  readonly attribution: string | null;
}

/** Reports that give different values for the same quantity or date. */
export interface StoryConflict {
  readonly id: string;
  /** What the values measure ("deaths", "people evacuated", "year the dam was completed"). */
  readonly about: string;
  readonly kind: 'number' | 'date';
  /** Two or more values, the most independently reported first. */
  readonly values: readonly ConflictValue[];
}

/** How a variant relates to the most reported wording of its utterance. */
export type VariantKind = 'verbatim' | 'edited' | 'partial' | 'translated';

/** One wording of an utterance and the quotes that use it. */
export interface QuoteVariant {
  readonly text: string;
  readonly kind: VariantKind;
  /** The quotes (their spans) with this wording. */
  readonly members: readonly Citation[];
  readonly outlets: readonly string[];
  readonly independentReports: number;
}

/** One utterance of one speaker as different outlets quote it. */
export interface QuoteVariants {
  /** The speaker's entity id, or null when no article says who spoke. */
  readonly speaker: string | null;
  /** The speaker's name as shown (the entity name, or the article's own words). */
  readonly speakerName: string;
  /** The wordings, the most widely and independently reported first (kind `verbatim`). */
  readonly variants: readonly QuoteVariant[];
}

/** Which outlet reports which fact. */
export interface Coverage {
  /** Article ids, in story order: the columns of the matrix. */
  readonly articles: readonly string[];
  /** Per fact (in `facts` order): the ids of the articles that state it. */
  readonly matrix: readonly { readonly fact: string; readonly articles: readonly string[] }[];
  /** Per article: the facts no other independent report states, and the widely reported facts it leaves out. */
  readonly byArticle: readonly ArticleCoverage[];
}

/** One article's share of the story's facts. */
export interface ArticleCoverage {
  readonly article: string;
  /** Fact ids stated only by this article's origin group. */
  readonly unique: readonly string[];
  /** Fact ids most independent reports state that this article does not. */
  readonly missing: readonly string[];
}

/** The public contract: one story made from many articles. */
export interface Story {
  readonly schemaVersion: typeof STORY_SCHEMA_VERSION;
  readonly title: string | null;
  readonly articles: readonly StoryArticle[];
  readonly originGroups: readonly OriginGroup[];
  /** The number of origin groups: reports that are not copies of one another. */
  readonly independentReports: number;
  readonly summary: readonly SummarySentence[];
  /** People, organisations, places and other named things, most mentioned first. */
  readonly entities: readonly StoryEntity[];
  /** Quotations, by article then position. */
  readonly quotes: readonly StoryQuote[];
  readonly numbers: readonly StoryNumber[];
  readonly dates: readonly StoryDate[];
  /** Dated events, in date order, each with the sentences that report it. */
  readonly timeline: readonly TimelineEvent[];
  /** Statements grouped across articles, the most independently reported first. */
  readonly facts: readonly StoryFact[];
  /** Different values reported for the same quantity or date. */
  readonly conflicts: readonly StoryConflict[];
  /** Utterances quoted in more than one wording, grouped under their speaker. */
  readonly quoteVariants: readonly QuoteVariants[];
  readonly coverage: Coverage;
  /** Inputs that were skipped or read with warnings, and why. */
  readonly diagnostics: readonly Diagnostic[];
}
