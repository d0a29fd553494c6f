import { ParallaxError } from '../core/errors.js';
import type { Analyzed, Fetched, Story } from '../core/records.js';
import type { Span } from '../core/span.js';

/**
 * The archive's contract: what Parallax keeps between runs and how callers reach it.
 *
 * Every method returns a Promise, although the SQLite implementation ({@link openSqliteStore}
 * in `sqlite.ts`) does its work synchronously: a PostgreSQL implementation talks over a socket
 * and must be asynchronous, and callers written against Promises need no change to use it.
 * Each method is one transaction: it either happens entirely or not at all, so a process killed
 * at any point leaves the archive as it was after the last completed call.
 *
 * Articles are keyed by the SHA-256 of their raw bytes (`contentHash`): adding the same bytes
 * again is a duplicate, whatever the source. Times are ISO 8601 strings in UTC
 * (`2024-05-01T12:00:00.000Z`); a method given another parseable form stores it normalised,
 * so stored times sort as text. A method given an unknown story id, an unknown content hash
 * where one must exist, or an unparseable time throws a `TypeError` (programmer misuse);
 * operational failures (a locked, corrupt, read-only or full database) throw a
 * `ParallaxError` (`timeout` when the database stays locked, `io` otherwise).
 */
export interface Store {
  /**
   * Stores one article: its raw input, its extracted record (`analyzed.article`) and its
   * analysis, made by `analyzerVersion`, all in one transaction, with an ingest-log entry.
   * Bytes already stored are a `duplicate`: nothing is rewritten, and the log records the
   * new source.
   */
  addArticle(article: NewArticle): Promise<AddArticleResult>;

  /** One stored article with its analysis, or null when no article has this content hash. */
  getArticle(contentHash: string): Promise<StoredArticle | null>;

  /** The stored articles with these content hashes, in the order given; unknown hashes are left out. */
  getArticles(contentHashes: readonly string[]): Promise<StoredArticle[]>;

  /** The raw input an article was read from, so it can be extracted and analysed again without a refetch; null when unknown. */
  getInput(contentHash: string): Promise<Fetched | null>;

  /** Short descriptions of these articles, in the order given; unknown hashes are left out. */
  getArticleSummaries(contentHashes: readonly string[]): Promise<ArticleSummary[]>;

  /** The article read from this address (its final fetched URL or its canonical URL), or null. */
  findArticleByUrl(url: string): Promise<ArticleSummary | null>;

  /**
   * Articles in the order they were first stored, a page at a time: pass the last
   * `sequence` seen as `afterSequence` to read the next page.
   */
  listArticles(options?: ListArticlesOptions): Promise<ArticleSummary[]>;

  /**
   * Replaces an article's extracted record and analysis with ones made again from its stored
   * input (after an analyzer upgrade). The article keeps its first-seen time and its story,
   * which then needs analysis.
   */
  replaceAnalysis(contentHash: string, analyzed: Analyzed, analyzerVersion: string, at?: string): Promise<void>;

  /** Starts a story with these member articles (none may belong to a story yet) and returns its id. */
  createStory(story: NewStory): Promise<string>;

  /** Adds articles (none may belong to a story yet) to a story; the story then needs analysis. */
  addArticlesToStory(storyId: string, contentHashes: readonly string[], at?: string): Promise<void>;

  /**
   * Folds other stories into `targetId`: their articles, fact history and figure history move
   * to it, the earliest creation and first-seen times are kept, and the other stories are
   * deleted. The target then needs analysis.
   */
  mergeStories(targetId: string, otherIds: readonly string[], at?: string): Promise<void>;

  /**
   * Saves a story's new analysis and, in the same transaction, its history: facts whose key is
   * new are recorded as first seen at `at`, figures whose value differs from the last recorded
   * one are recorded as changed at `at`. Returns the keys that were new or changed.
   */
  saveStoryAnalysis(storyId: string, analysis: StoryAnalysis): Promise<SavedStoryAnalysis>;

  /**
   * The stream clusterer's state as last saved with {@link Store.applyClustering}, or null
   * before the first batch.
   */
  getClustererState(): Promise<unknown>;

  /**
   * Applies one batch of the stream clusterer's decisions and saves its state, all in one
   * transaction, so the stored stories and the saved state never disagree. Stories are found by
   * their cluster key (the clusterer's story id), and the steps are applied in order: placing
   * an article in an unknown cluster starts a story; a merge folds one story into another; a
   * split moves articles to a new story. Returns the stories created, those that changed, and
   * those merged away.
   */
  applyClustering(batch: ClusteringBatch): Promise<ClusteringOutcome>;

  /** One story with its members and latest analysis, or null when no story has this id. */
  getStory(storyId: string): Promise<StoredStory | null>;

  /** One story's summary (its version, members, whether it needs analysis) without reading its analysis; null when no story has this id. */
  getStorySummary(storyId: string): Promise<StorySummary | null>;

  /** Stories, the most recently updated first. */
  listStories(options?: ListStoriesOptions): Promise<StorySummary[]>;

  /** The id of the story an article belongs to, or null when it belongs to none (or is unknown). */
  storyOfArticle(contentHash: string): Promise<string | null>;

  /**
   * What a story gained at or after `since`: facts first seen and figures that changed, oldest
   * first. An unknown story id is a `TypeError`: look the story up with {@link Store.getStory} first.
   */
  storyChangesSince(storyId: string, since: string): Promise<StoryChanges>;

  /**
   * Full-text search over articles (title and text) and stories (title and summary), each list
   * ranked by BM25 with a snippet around the best match. The query is words and "quoted
   * phrases", all required; a word ending in `*` matches as a prefix. Search syntax typed by a
   * user (AND, OR, NEAR, parentheses, column names) is taken as plain words.
   */
  search(query: string, options?: SearchOptions): Promise<SearchResults>;

  /** Adds a feed to poll (due at once); returns false when it was already known. */
  addFeed(url: string, options?: { readonly title?: string; readonly at?: string }): Promise<boolean>;

  /** Stops following a feed; returns false when it was not known. Articles read from it stay. */
  removeFeed(url: string): Promise<boolean>;

  /** One feed's polling state, or null. */
  getFeed(url: string): Promise<FeedState | null>;

  /** Feeds, the soonest due first; with `dueBy`, only those due at or before that time. */
  listFeeds(options?: { readonly dueBy?: string; readonly limit?: number }): Promise<FeedState[]>;

  /**
   * Records the outcome of polling a feed (adding the feed if it is new): a success resets the
   * failure count and keeps the validators given, a failure counts one more and keeps its reason.
   */
  recordFeedPoll(url: string, outcome: FeedPollOutcome): Promise<FeedState>;

  /** Records an input that could not be stored (`addArticle` logs new and duplicate articles itself). */
  logIngestFailure(failure: IngestFailure): Promise<void>;

  /** The ingest log, newest first; with `run`, only that run's entries. */
  listIngestLog(options?: { readonly run?: string; readonly limit?: number }): Promise<IngestLogEntry[]>;

  /** How much the archive holds. */
  statistics(): Promise<StoreStatistics>;

  /**
   * Checks the archive: the database file's own integrity, references between records, that
   * every article has its input and analysis, and that the search index matches the text.
   * It reads the whole archive, so it takes seconds on a large one. Returns the problems
   * found, in words; an empty list means all is well. (A read-only
   * SQLite store skips the search-index check, which SQLite runs as a write.)
   */
  verify(): Promise<string[]>;

  /** Closes the store; later calls fail. Closing twice does nothing. */
  close(): Promise<void>;
}

/** What {@link Store.addArticle} stores: the input as read, and its analysis (which carries the extracted record). */
export interface NewArticle {
  readonly fetched: Fetched;
  /** The article's analysis; `analyzed.article` is its extracted record, whose `contentHash` must be `fetched.contentHash`. */
  readonly analyzed: Analyzed;
  /** The version of the extractor and analyzer that made `analyzed`, so stale analyses can be found after an upgrade. */
  readonly analyzerVersion: string;
  /** When the article was seen; default now. */
  readonly at?: string;
  /** The ingest run it belongs to, for the log (any string the caller chooses). */
  readonly run?: string;
}

/** Whether {@link Store.addArticle} stored new bytes, and when they were first seen. */
export interface AddArticleResult {
  readonly outcome: 'new' | 'duplicate';
  readonly contentHash: string;
  readonly firstSeenAt: string;
}

/** A stored article: its analysis (with the extracted record as `analyzed.article`) and its bookkeeping. */
export interface StoredArticle {
  readonly contentHash: string;
  /** Arrival order: a number that grows with every new article. */
  readonly sequence: number;
  readonly firstSeenAt: string;
  readonly analyzerVersion: string;
  readonly analyzedAt: string;
  readonly analyzed: Analyzed;
}

/** An article as lists show it: who published what, where it came from and when. */
export interface ArticleSummary {
  readonly contentHash: string;
  /** Arrival order: a number that grows with every new article; the cursor of {@link Store.listArticles}. */
  readonly sequence: number;
  /** The article id used in stories (`Extracted.id`). */
  readonly articleId: string;
  /** Where it was read from: a path, a URL, or `-`. */
  readonly source: string;
  /** The address it was finally fetched from, or else its canonical address, when known. */
  readonly url: string | null;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly firstSeenAt: string;
  readonly analyzerVersion: string;
  /** The id of its story, or null while it belongs to none. */
  readonly story: string | null;
}

/** Which articles {@link Store.listArticles} returns. */
export interface ListArticlesOptions {
  /** Only articles stored after this one (its `sequence`). */
  readonly afterSequence?: number;
  /** At most this many (default 100). */
  readonly limit?: number;
  /** Only articles that belong to no story yet: those a crash left between storing and clustering. */
  readonly unassigned?: boolean;
  /** Only articles whose analysis was made by a version other than this one: those to analyse again. */
  readonly staleFor?: string;
}

/** What {@link Store.createStory} needs. */
export interface NewStory {
  /** Content hashes of its first articles (at least one). */
  readonly articles: readonly string[];
  readonly title?: string | null;
  /** Default now. */
  readonly at?: string;
}

/**
 * One decision of the stream clusterer, on clusters named by the clusterer's story ids: an
 * article placed in a cluster (starting it when new), a cluster folded into another, or
 * articles moved out of a cluster into a new one (a story found to hold two events).
 */
export type ClusteringStep =
  | { readonly kind: 'place'; readonly article: string; readonly cluster: string }
  | { readonly kind: 'merge'; readonly from: string; readonly into: string }
  | { readonly kind: 'split'; readonly from: string; readonly into: string; readonly articles: readonly string[] };

/** What {@link Store.applyClustering} applies: a batch of the clusterer's decisions and its state after them. */
export interface ClusteringBatch {
  /** The decisions, in the order the clusterer took them. Placed articles must be in no story yet. */
  readonly steps: readonly ClusteringStep[];
  /** The clusterer's state after the batch (JSON-serialisable; the store does not read it). */
  readonly state: unknown;
  /** Default now. */
  readonly at?: string;
}

/** What {@link Store.applyClustering} changed. */
export interface ClusteringOutcome {
  readonly created: readonly string[];
  /** Stories that existed before the batch and gained or lost articles. */
  readonly updated: readonly string[];
  /** Stories, created before the batch, that were folded into others and no longer exist. */
  readonly merged: readonly string[];
}

/** A statement of a story, under a key that stays the same while the statement does. */
export interface FactEntry {
  readonly key: string;
  readonly text: string;
}

/** A reported figure of a story (a conflict's values, a count): what it measures and its value now. */
export interface FigureEntry {
  readonly key: string;
  /** What it measures, for display ("deaths"). */
  readonly about: string;
  /** Its value as shown ("14 / 19"). */
  readonly value: string;
}

/** What {@link Store.saveStoryAnalysis} saves. */
export interface StoryAnalysis {
  readonly story: Story;
  /** The story's facts now, keyed so that a fact seen before keeps its key. */
  readonly facts: readonly FactEntry[];
  /** The story's figures now. */
  readonly figures: readonly FigureEntry[];
  /** When the analysed state was reached (for example the newest member's first-seen time); default now. */
  readonly at?: string;
}

/** The outcome of {@link Store.saveStoryAnalysis}. */
export interface SavedStoryAnalysis {
  /** The story's version after the save. */
  readonly version: number;
  /** Keys of facts recorded for the first time. */
  readonly newFacts: readonly string[];
  /** Keys of figures whose value was recorded as new or changed. */
  readonly changedFigures: readonly string[];
}

/** A story as lists show it. */
export interface StorySummary {
  readonly id: string;
  readonly title: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Grows with every change: new members, a merge, a saved analysis. */
  readonly version: number;
  /** Content hashes of its articles, in the order they joined. */
  readonly articles: readonly string[];
  /** Independent reports according to its latest analysis, or null before the first. */
  readonly independentReports: number | null;
  /** True when it has no analysis yet, or gained articles since its latest one. */
  readonly needsAnalysis: boolean;
}

/** A story with its latest analysis. */
export interface StoredStory extends StorySummary {
  /** The latest saved analysis, or null before the first. */
  readonly story: Story | null;
}

/** Which stories {@link Store.listStories} returns. */
export interface ListStoriesOptions {
  /** At most this many (default 50). */
  readonly limit?: number;
  /** Only stories updated at or after this time. */
  readonly updatedSince?: string;
  /** Only stories that need analysis (to bring them up to date after a crash or a batch of arrivals). */
  readonly needsAnalysis?: boolean;
}

/** A fact with the time it first appeared in its story. */
export interface FactHistoryEntry extends FactEntry {
  readonly firstSeenAt: string;
}

/** A figure's change: its value from `changedAt`, and the value it replaced (null when it first appeared). */
export interface FigureChange extends FigureEntry {
  readonly previousValue: string | null;
  readonly changedAt: string;
}

/** What a story gained since a time. */
export interface StoryChanges {
  readonly facts: readonly FactHistoryEntry[];
  readonly figures: readonly FigureChange[];
}

/** Options of {@link Store.search}. */
export interface SearchOptions {
  /** At most this many hits of each kind (default 20, at most 1000). */
  readonly limit?: number;
  /**
   * `all`: every word and phrase must occur; `any`: at least one must. Default: `all`, then
   * `any` when no article or story holds them all, so a long query still finds something.
   */
  readonly match?: 'all' | 'any';
  /** Only articles first seen, and stories updated, at or after this time. */
  readonly since?: string;
}

/** A passage around a search match, with the matched words marked as spans of `text`. */
export interface Snippet {
  readonly text: string;
  readonly highlights: readonly Span[];
}

/** An article that matches a search. */
export interface ArticleHit {
  readonly article: ArticleSummary;
  /** Relevance, higher is better (BM25, comparable only within one result list). */
  readonly score: number;
  readonly snippet: Snippet;
}

/** A story that matches a search. */
export interface StoryHit {
  readonly story: StorySummary;
  /** Relevance, higher is better (BM25, comparable only within one result list). */
  readonly score: number;
  readonly snippet: Snippet;
}

/** The outcome of {@link Store.search}. */
export interface SearchResults {
  readonly articles: readonly ArticleHit[];
  readonly stories: readonly StoryHit[];
  /** How the terms were combined: `all` required, or `any` of them. */
  readonly match: 'all' | 'any';
}

/** A followed feed and what the next poll needs. */
export interface FeedState {
  readonly url: string;
  readonly title: string | null;
  /** Validators of the last successful response, for a conditional request. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Failed polls since the last success. */
  readonly failures: number;
  readonly nextPollAt: string;
  readonly lastPolledAt: string | null;
  readonly lastSuccessAt: string | null;
  /** Why the last poll failed, when it did. */
  readonly lastError: string | null;
  readonly addedAt: string;
}

/** The outcome of one poll of a feed, with when to poll it next (the caller's backoff policy). */
export type FeedPollOutcome =
  | {
      readonly ok: true;
      readonly at?: string;
      readonly nextPollAt: string;
      /** New validators; left out, the stored ones are kept (a 304 Not Modified response). */
      readonly etag?: string | null;
      readonly lastModified?: string | null;
      readonly title?: string | null;
    }
  | {
      readonly ok: false;
      readonly at?: string;
      readonly nextPollAt: string;
      readonly error: string;
    };

/** An input that could not be stored, and why. */
export interface IngestFailure {
  readonly source: string;
  readonly reason: string;
  readonly run?: string;
  readonly at?: string;
}

/** One line of the ingest log. */
export interface IngestLogEntry {
  readonly at: string;
  readonly run: string | null;
  readonly source: string;
  readonly outcome: 'new' | 'duplicate' | 'failed';
  readonly contentHash: string | null;
  readonly reason: string | null;
}

/** Counts of what the archive holds. */
export interface StoreStatistics {
  readonly articles: number;
  readonly stories: number;
  readonly feeds: number;
  /** Articles that belong to no story. */
  readonly unassignedArticles: number;
  /** Stories with no analysis, or with articles added since their latest. */
  readonly storiesNeedingAnalysis: number;
}

/** The database used when neither `--db` nor `PARALLAX_DB` names one. */
export const DEFAULT_STORE_PATH = './parallax.db';

/**
 * The database a command uses: `--db PATH` when given, else the `PARALLAX_DB` environment
 * variable when set and not empty, else {@link DEFAULT_STORE_PATH}. An empty `--db` is a
 * usage error rather than a silent fallback, since the user meant to name a file.
 */
export function resolveStorePath(options: { readonly db?: string; readonly env?: NodeJS.ProcessEnv } = {}): string {
  if (options.db !== undefined) {
    if (options.db.trim() === '') throw new ParallaxError('usage', '--db needs a file path');
    return options.db;
  }
  const fromEnvironment = (options.env ?? process.env)['PARALLAX_DB'];
  if (fromEnvironment !== undefined && fromEnvironment.trim() !== '') return fromEnvironment;
  return DEFAULT_STORE_PATH;
}
