import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { ParallaxError } from '../core/errors.js';
import type { Analyzed, Extracted, Fetched, Story } from '../core/records.js';
import type { Span } from '../core/span.js';
import { ftsMatchExpression, parseSearchQuery, type SearchTerm } from './fts-query.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import type {
  AddArticleResult,
  ArticleHit,
  ClusteringBatch,
  ClusteringOutcome,
  ArticleSummary,
  FactHistoryEntry,
  FeedPollOutcome,
  FeedState,
  FigureChange,
  IngestFailure,
  IngestLogEntry,
  ListArticlesOptions,
  ListStoriesOptions,
  NewArticle,
  NewStory,
  SavedStoryAnalysis,
  SearchOptions,
  SearchResults,
  Snippet,
  Store,
  StoreStatistics,
  StoredArticle,
  StoredStory,
  StoryAnalysis,
  StoryChanges,
  StoryHit,
  StorySummary,
} from './store.js';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * Open for reading only: the file must exist and be at the current schema version, and
   * nothing is written (for commands that only list or search). Default false.
   */
  readonly readonly?: boolean;
  /**
   * How long a statement waits for another process's write to finish before failing with a
   * `timeout` error. Default 5000 ms: far longer than any one write of this store (one
   * article, one story), short enough that a user facing a stuck lock hears about it.
   */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating it if needed) the SQLite archive at `path`, or `:memory:` for a throwaway
 * one, and brings its schema up to date ({@link MIGRATIONS}).
 *
 * Settings, and why: WAL journal, so readers (a search) never block the writer (a running
 * ingest) and a killed writer leaves the last committed state; `synchronous = NORMAL`, which in
 * WAL mode loses no committed transaction when a process dies (only, at worst, the last ones
 * on a power cut, never consistency); foreign keys on; a busy timeout so two processes take
 * turns instead of failing at once. Write transactions start `IMMEDIATE`, taking the write lock
 * up front, so two writers wait for each other instead of deadlocking on a lock upgrade.
 *
 * Throws a `ParallaxError` (`io`) when the file is not a Parallax database or is damaged, was
 * written by a newer Parallax, cannot be created or written; (`timeout`) when it stays locked.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (typeof path !== 'string' || path.trim() === '') throw new TypeError('the database path must be a non-empty string');
  const readonly = options.readonly ?? false;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  if (!(busyTimeoutMs >= 0)) throw new TypeError('busyTimeoutMs must be zero or more');
  if (path !== ':memory:') checkLocation(path, readonly);
  let database: Database.Database;
  try {
    database = new Database(path, { readonly, fileMustExist: readonly, timeout: busyTimeoutMs });
  } catch (error) {
    throw storeError(error, path, busyTimeoutMs);
  }
  try {
    database.pragma('foreign_keys = ON');
    if (!readonly) {
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
    }
    migrate(database, path, readonly);
  } catch (error) {
    database.close();
    throw storeError(error, path, busyTimeoutMs);
  }
  return new SqliteStore(database, path, busyTimeoutMs);
}

/** Fails early, with the reason in words, where SQLite would only say "unable to open". */
function checkLocation(path: string, readonly: boolean): void {
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new ParallaxError('io', `${path} is a folder, not a database file`);
    return;
  }
  if (readonly) throw new ParallaxError('io', `there is no database at ${path} yet: ingest some articles first`);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new ParallaxError('io', `cannot create the database ${path}: the folder ${folder} does not exist`);
}

/**
 * Applies the migrations the database lacks, each in one immediate transaction that first
 * reads the version again (another process may have just upgraded it). A file at version 0
 * that already holds tables belongs to another program and is left alone.
 */
function migrate(database: Database.Database, path: string, readonly: boolean): void {
  const current = userVersion(database);
  if (current > SCHEMA_VERSION) {
    throw new ParallaxError('io', `${path} was written by a newer Parallax (schema version ${current}; this one knows up to ${SCHEMA_VERSION}): upgrade Parallax to open it`);
  }
  if (current === SCHEMA_VERSION) return;
  if (readonly) throw new ParallaxError('io', `${path} has an older schema (version ${current}): open it once for writing (for example with parallax ingest) to upgrade it`);
  for (const migration of MIGRATIONS) {
    database
      .transaction(() => {
        const version = userVersion(database);
        if (version >= migration.version) return;
        if (version === 0) {
          const tables = database.prepare("SELECT count(*) AS count FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { count: number };
          if (tables.count > 0) throw new ParallaxError('io', `${path} is an SQLite database of another program, not a Parallax archive`);
        }
        database.exec(migration.sql);
        database.pragma(`user_version = ${migration.version}`);
      })
      .immediate();
  }
}

function userVersion(database: Database.Database): number {
  return database.pragma('user_version', { simple: true }) as number;
}

/** Turns SQLite's failures into the project's errors, in words a user can act on; other errors pass through. */
function storeError(error: unknown, path: string, busyTimeoutMs: number): unknown {
  if (!(error instanceof Database.SqliteError)) {
    // better-sqlite3 reports a missing folder or an unopenable file as a plain Error at open.
    if (error instanceof Error && !(error instanceof ParallaxError) && /open database/i.test(error.message)) {
      return new ParallaxError('io', `cannot open the database ${path}: ${error.message}`, { cause: error });
    }
    return error;
  }
  const code = error.code;
  const fail = (message: string, errorCode: 'io' | 'timeout' = 'io'): ParallaxError => new ParallaxError(errorCode, message, { cause: error });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return fail(`the database ${path} is locked by another process (waited ${busyTimeoutMs} ms): try again when it has finished`, 'timeout');
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return fail(`${path} is not a Parallax database, or it is damaged`);
  if (code === 'SQLITE_FULL') return fail(`the disk holding ${path} is full: the last change was not stored, and what was stored before is intact`);
  if (code.startsWith('SQLITE_READONLY')) return fail(`${path} cannot be written: the file or its folder is read-only`);
  if (code.startsWith('SQLITE_CANTOPEN')) return fail(`cannot open the database ${path}`);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return fail(`reading or writing ${path} failed (${code})`);
  return error;
}

/**
 * Large records (raw inputs, analyses, stories) are stored as raw-deflated JSON: analyses are
 * about eight times their article's text, mostly token spans, and compress about 4.5 times
 * (measured on the example story) for half a millisecond per article.
 */
function packJson(value: unknown): Buffer {
  return deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'));
}

function unpackJson<T>(blob: Buffer, what: string): T {
  try {
    return JSON.parse(inflateRawSync(blob).toString('utf8')) as T;
  } catch (error) {
    throw new ParallaxError('io', `a stored ${what} cannot be read: the database is damaged`, { cause: error });
  }
}

/** A time given by a caller, as a normalised ISO 8601 UTC string (now when not given). */
function isoTime(value: string | undefined, name: string): string {
  if (value === undefined) return new Date().toISOString();
  const milliseconds = Date.parse(value);
  if (Number.isNaN(milliseconds)) throw new TypeError(`${name} is not a time: ${JSON.stringify(value)}`);
  return new Date(milliseconds).toISOString();
}

/** A page size given by a caller: a positive integer, at most `maximum`. */
function pageSize(value: number | undefined, fallback: number, maximum = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`limit must be a positive integer, not ${value}`);
  return Math.min(value, maximum);
}

/** Story ids are `s` and the row number: short to type (`parallax story --id s42`), opaque to callers. */
function storyIdOf(row: number): string {
  return `s${row}`;
}

function storyRowOf(id: string): number | null {
  const match = /^s([1-9]\d{0,15})$/.exec(id);
  return match === null ? null : Number(match[1]);
}

/** Marks `snippet()` puts around matched words: control characters, which article text never holds (binary input is refused). */
const HIGHLIGHT_OPEN = '\u0002';
const HIGHLIGHT_CLOSE = '\u0003';

/** Words of context a snippet shows around the matches (FTS5's limit is 64). */
const SNIPPET_TOKENS = 24;

/**
 * BM25 column weights: a word in the title counts four times a word in the body. A headline
 * names the event in a handful of words, so a query word there says more about what the
 * article is about than one more mention among hundreds of body words; four keeps a title
 * match ahead of a passing body mention without burying articles whose body is all about the
 * query. The same weights serve stories (title, summary).
 */
const TITLE_WEIGHT = 4;
const BODY_WEIGHT = 1;

/** Splits `snippet()` output into plain text and the spans of the matched words. */
function parseSnippet(marked: string): Snippet {
  const highlights: Span[] = [];
  let text = '';
  let open = -1;
  for (const character of marked) {
    if (character === HIGHLIGHT_OPEN) open = text.length;
    else if (character === HIGHLIGHT_CLOSE) {
      if (open >= 0 && text.length > open) highlights.push({ start: open, end: text.length });
      open = -1;
    } else text += character;
  }
  return { text, highlights };
}

interface ArticleSummaryRow {
  id: number;
  content_hash: string;
  article_id: string;
  source: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  first_seen_at: string;
  analyzer_version: string;
  story: number | null;
}

interface StoredArticleRow {
  id: number;
  content_hash: string;
  first_seen_at: string;
  body_text: string;
  extracted: Buffer;
  analyzer_version: string;
  analyzed_at: string;
  annotations: Buffer;
}

interface StoryRow {
  id: number;
  title: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  analyzed_version: number | null;
  independent_reports: number | null;
}

interface FeedRow {
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  next_poll_at: string;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  added_at: string;
}

interface IngestLogRow {
  at: string;
  run: string | null;
  source: string;
  outcome: IngestLogEntry['outcome'];
  content_hash: string | null;
  reason: string | null;
}

/** The columns of an {@link ArticleSummary}, from `articles a`, `article_analyses n`, `story_articles s`. */
const ARTICLE_SUMMARY_COLUMNS = `a.id, a.content_hash, a.article_id, a.source, coalesce(a.fetched_url, a.canonical_url) AS url,
  a.title, a.outlet, a.published, a.language, a.first_seen_at, n.analyzer_version, s.story`;
const ARTICLE_SUMMARY_FROM = `articles a JOIN article_analyses n ON n.article = a.id LEFT JOIN story_articles s ON s.article = a.id`;
const STORY_COLUMNS = `st.id, st.title, st.created_at, st.updated_at, st.version, st.analyzed_version, st.independent_reports`;

function articleSummaryOf(row: ArticleSummaryRow): ArticleSummary {
  return {
    contentHash: row.content_hash,
    sequence: row.id,
    articleId: row.article_id,
    source: row.source,
    url: row.url,
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    language: row.language,
    firstSeenAt: row.first_seen_at,
    analyzerVersion: row.analyzer_version,
    story: row.story === null ? null : storyIdOf(row.story),
  };
}

function feedStateOf(row: FeedRow): FeedState {
  return {
    url: row.url,
    title: row.title,
    etag: row.etag,
    lastModified: row.last_modified,
    failures: row.failures,
    nextPollAt: row.next_poll_at,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    addedAt: row.added_at,
  };
}

/** The article columns read from an extracted record. */
function extractedColumns(extracted: Extracted, fetched: Fetched | null) {
  const { text, ...rest } = extracted;
  return {
    article_id: extracted.id,
    canonical_url: extracted.url,
    title: extracted.title,
    outlet: extracted.outlet,
    published: extracted.published,
    language: extracted.language,
    body_text: text,
    extracted: packJson(rest),
    ...(fetched === null ? {} : { source: fetched.source, fetched_url: fetched.url ?? null, media_type: fetched.mediaType }),
  };
}

/** An analysis without its extracted record (stored apart, in the article row). */
function packAnnotations(analyzed: Analyzed): Buffer {
  const { article: _extracted, ...annotations } = analyzed;
  return packJson(annotations);
}

function checkAnalysis(analyzed: Analyzed, contentHash: string, analyzerVersion: string): void {
  if (analyzed.article.contentHash !== contentHash) throw new TypeError('the analysis is of other content than the article it is stored with');
  if (typeof analyzerVersion !== 'string' || analyzerVersion === '') throw new TypeError('analyzerVersion must be a non-empty string');
}

/** The {@link Store} on one better-sqlite3 connection. */
class SqliteStore implements Store {
  readonly #database: Database.Database;
  readonly #path: string;
  readonly #busyTimeoutMs: number;
  readonly #statements = new Map<string, Database.Statement>();
  /** Runs a function inside a transaction (`.immediate()` takes the write lock first). */
  readonly #transaction: Database.Transaction<(work: () => unknown) => unknown>;

  constructor(database: Database.Database, path: string, busyTimeoutMs: number) {
    this.#database = database;
    this.#path = path;
    this.#busyTimeoutMs = busyTimeoutMs;
    this.#transaction = database.transaction((work: () => unknown) => work());
  }

  /** A prepared statement, prepared once per connection. */
  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#database.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #get<T>(sql: string, ...parameters: unknown[]): T | undefined {
    return this.#statement(sql).get(...parameters) as T | undefined;
  }

  #all<T>(sql: string, ...parameters: unknown[]): T[] {
    return this.#statement(sql).all(...parameters) as T[];
  }

  #run(sql: string, ...parameters: unknown[]): Database.RunResult {
    return this.#statement(sql).run(...parameters);
  }

  /** Runs a read, turning SQLite failures into the project's errors. */
  #read<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw storeError(error, this.#path, this.#busyTimeoutMs);
    }
  }

  /** Runs a write as one immediate transaction: all of it is stored, or none. */
  #write<T>(work: () => T): T {
    return this.#read(() => this.#transaction.immediate(work) as T);
  }

  #articleRow(contentHash: string): { id: number; first_seen_at: string } | undefined {
    return this.#get('SELECT id, first_seen_at FROM articles WHERE content_hash = ?', contentHash);
  }

  #storyRow(storyId: string): StoryRow | undefined {
    const row = storyRowOf(storyId);
    return row === null ? undefined : this.#get<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories st WHERE st.id = ?`, row);
  }

  #requireStory(storyId: string): StoryRow {
    const story = this.#storyRow(storyId);
    if (story === undefined) throw new TypeError(`there is no story ${storyId}`);
    return story;
  }

  /** Row ids of articles to add to a story: each must exist and belong to no story. */
  #unassignedArticleRows(contentHashes: readonly string[]): number[] {
    return [...new Set(contentHashes)].map((contentHash) => {
      const row = this.#get<{ id: number; story: number | null }>(
        'SELECT a.id, s.story FROM articles a LEFT JOIN story_articles s ON s.article = a.id WHERE a.content_hash = ?',
        contentHash,
      );
      if (row === undefined) throw new TypeError(`there is no article ${contentHash}`);
      if (row.story !== null) throw new TypeError(`article ${contentHash} already belongs to story ${storyIdOf(row.story)}`);
      return row.id;
    });
  }

  #addMembers(story: number, articles: readonly number[], at: string): void {
    for (const article of articles) this.#run('INSERT INTO story_articles (article, story, added_at) VALUES (?, ?, ?)', article, story, at);
  }

  /** Inserts a story with its first articles; returns its row. */
  #insertStory(articles: readonly number[], at: string, title: string | null, clusterKey: string | null): number {
    const { lastInsertRowid } = this.#run(
      'INSERT INTO stories (title, created_at, updated_at, version, cluster_key) VALUES (?, ?, ?, 1, ?)',
      title,
      at,
      at,
      clusterKey,
    );
    const row = Number(lastInsertRowid);
    this.#addMembers(row, articles, at);
    return row;
  }

  /** Adds articles to a story, which then needs analysis. */
  #addToStory(story: number, articles: readonly number[], at: string): void {
    if (articles.length === 0) return;
    this.#addMembers(story, articles, at);
    this.#run('UPDATE stories SET version = version + 1, updated_at = max(updated_at, ?) WHERE id = ?', at, story);
  }

  /** Folds other stories (rows) into the target: members and history move, the earliest times are kept. */
  #merge(target: number, others: readonly number[], at: string): void {
    if (others.length === 0) return;
    const otherRows = JSON.stringify(others);
    this.#run('UPDATE story_articles SET story = ? WHERE story IN (SELECT value FROM json_each(?))', target, otherRows);
    this.#run(
      `INSERT INTO story_facts (story, key, text, first_seen_at)
       SELECT ?, key, text, first_seen_at FROM story_facts WHERE story IN (SELECT value FROM json_each(?)) ORDER BY first_seen_at
       ON CONFLICT (story, key) DO UPDATE SET first_seen_at = min(first_seen_at, excluded.first_seen_at)`,
      target,
      otherRows,
    );
    this.#run('UPDATE story_figures SET story = ? WHERE story IN (SELECT value FROM json_each(?))', target, otherRows);
    this.#run(
      `UPDATE stories SET version = version + 1, updated_at = max(updated_at, ?),
         created_at = min(created_at, (SELECT min(created_at) FROM stories WHERE id IN (SELECT value FROM json_each(?))))
       WHERE id = ?`,
      at,
      otherRows,
      target,
    );
    this.#run('DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))', otherRows);
  }

  /** Summaries of stories, with their members, in the order of the rows given. */
  #storySummaries(rows: readonly StoryRow[]): StorySummary[] {
    if (rows.length === 0) return [];
    const members = new Map<number, string[]>();
    const memberRows = this.#all<{ story: number; content_hash: string }>(
      `SELECT s.story, a.content_hash FROM story_articles s JOIN articles a ON a.id = s.article
       WHERE s.story IN (SELECT value FROM json_each(?)) ORDER BY s.story, s.added_at, s.article`,
      JSON.stringify(rows.map((row) => row.id)),
    );
    for (const { story, content_hash } of memberRows) {
      const list = members.get(story) ?? [];
      list.push(content_hash);
      members.set(story, list);
    }
    return rows.map((row) => ({
      id: storyIdOf(row.id),
      title: row.title,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
      articles: members.get(row.id) ?? [],
      independentReports: row.independent_reports,
      needsAnalysis: row.analyzed_version !== row.version,
    }));
  }

  async addArticle(article: NewArticle): Promise<AddArticleResult> {
    const { fetched, analyzed, analyzerVersion } = article;
    const contentHash = fetched.contentHash;
    checkAnalysis(analyzed, contentHash, analyzerVersion);
    const at = isoTime(article.at, 'at');
    const run = article.run ?? null;
    const logDuplicate = (firstSeenAt: string): AddArticleResult => {
      this.#run("INSERT INTO ingest_log (at, run, source, outcome, content_hash) VALUES (?, ?, ?, 'duplicate', ?)", at, run, fetched.source, contentHash);
      return { outcome: 'duplicate', contentHash, firstSeenAt };
    };
    // A duplicate costs one lookup; the compression below is done outside the write lock.
    const known = this.#read(() => this.#articleRow(contentHash));
    if (known !== undefined) return this.#write(() => logDuplicate(known.first_seen_at));
    const columns = extractedColumns(analyzed.article, fetched);
    const input = packJson(fetched);
    const annotations = packAnnotations(analyzed);
    return this.#write(() => {
      const raced = this.#articleRow(contentHash);
      if (raced !== undefined) return logDuplicate(raced.first_seen_at);
      const { lastInsertRowid } = this.#run(
        `INSERT INTO articles (content_hash, article_id, source, fetched_url, canonical_url, media_type, first_seen_at, title, outlet, published, language, body_text, extracted)
         VALUES (@content_hash, @article_id, @source, @fetched_url, @canonical_url, @media_type, @first_seen_at, @title, @outlet, @published, @language, @body_text, @extracted)`,
        { ...columns, content_hash: contentHash, first_seen_at: at },
      );
      this.#run('INSERT INTO article_inputs (article, fetched) VALUES (?, ?)', lastInsertRowid, input);
      this.#run('INSERT INTO article_analyses (article, analyzer_version, analyzed_at, annotations) VALUES (?, ?, ?, ?)', lastInsertRowid, analyzerVersion, at, annotations);
      this.#run("INSERT INTO ingest_log (at, run, source, outcome, content_hash) VALUES (?, ?, ?, 'new', ?)", at, run, fetched.source, contentHash);
      return { outcome: 'new', contentHash, firstSeenAt: at };
    });
  }

  async getArticle(contentHash: string): Promise<StoredArticle | null> {
    return (await this.getArticles([contentHash]))[0] ?? null;
  }

  async getArticles(contentHashes: readonly string[]): Promise<StoredArticle[]> {
    const rows = this.#read(() =>
      this.#all<StoredArticleRow>(
        `SELECT a.id, a.content_hash, a.first_seen_at, a.body_text, a.extracted, n.analyzer_version, n.analyzed_at, n.annotations
         FROM articles a JOIN article_analyses n ON n.article = a.id WHERE a.content_hash IN (SELECT value FROM json_each(?))`,
        JSON.stringify(contentHashes),
      ),
    );
    const byHash = new Map(rows.map((row) => [row.content_hash, row]));
    return contentHashes.flatMap((contentHash) => {
      const row = byHash.get(contentHash);
      if (row === undefined) return [];
      const extracted: Extracted = { ...unpackJson<Omit<Extracted, 'text'>>(row.extracted, 'extracted record'), text: row.body_text };
      const annotations = unpackJson<Omit<Analyzed, 'article'>>(row.annotations, 'analysis');
      return [
        {
          contentHash,
          sequence: row.id,
          firstSeenAt: row.first_seen_at,
          analyzerVersion: row.analyzer_version,
          analyzedAt: row.analyzed_at,
          analyzed: { ...annotations, article: extracted },
        },
      ];
    });
  }

  async getInput(contentHash: string): Promise<Fetched | null> {
    const row = this.#read(() =>
      this.#get<{ fetched: Buffer }>('SELECT i.fetched FROM articles a JOIN article_inputs i ON i.article = a.id WHERE a.content_hash = ?', contentHash),
    );
    return row === undefined ? null : unpackJson<Fetched>(row.fetched, 'input');
  }

  async getArticleSummaries(contentHashes: readonly string[]): Promise<ArticleSummary[]> {
    const rows = this.#read(() =>
      this.#all<ArticleSummaryRow>(
        `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM ${ARTICLE_SUMMARY_FROM} WHERE a.content_hash IN (SELECT value FROM json_each(?))`,
        JSON.stringify(contentHashes),
      ),
    );
    const byHash = new Map(rows.map((row) => [row.content_hash, articleSummaryOf(row)]));
    return contentHashes.flatMap((contentHash) => byHash.get(contentHash) ?? []);
  }

  async findArticleByUrl(url: string): Promise<ArticleSummary | null> {
    const row = this.#read(() =>
      this.#get<ArticleSummaryRow>(
        `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM ${ARTICLE_SUMMARY_FROM}
         WHERE a.id = coalesce((SELECT min(id) FROM articles WHERE fetched_url = @url), (SELECT min(id) FROM articles WHERE canonical_url = @url))`,
        { url },
      ),
    );
    return row === undefined ? null : articleSummaryOf(row);
  }

  async listArticles(options: ListArticlesOptions = {}): Promise<ArticleSummary[]> {
    const limit = pageSize(options.limit, 100);
    const after = options.afterSequence ?? 0;
    const unassigned = options.unassigned === true ? 1 : 0;
    const rows = this.#read(() =>
      options.staleFor === undefined
        ? this.#all<ArticleSummaryRow>(
            `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM ${ARTICLE_SUMMARY_FROM}
             WHERE a.id > ? AND (? = 0 OR s.story IS NULL) ORDER BY a.id LIMIT ?`,
            after,
            unassigned,
            limit,
          )
        : // Stale articles are found through the version index (as two ranges, which SQLite
          // can search where it cannot search "<>"), not by reading every article.
          this.#all<ArticleSummaryRow>(
            `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM ${ARTICLE_SUMMARY_FROM}
             WHERE a.id IN (SELECT article FROM article_analyses WHERE analyzer_version < ? OR analyzer_version > ?)
               AND a.id > ? AND (? = 0 OR s.story IS NULL) ORDER BY a.id LIMIT ?`,
            options.staleFor,
            options.staleFor,
            after,
            unassigned,
            limit,
          ),
    );
    return rows.map(articleSummaryOf);
  }

  async replaceAnalysis(contentHash: string, analyzed: Analyzed, analyzerVersion: string, at?: string): Promise<void> {
    checkAnalysis(analyzed, contentHash, analyzerVersion);
    const analyzedAt = isoTime(at, 'at');
    const columns = extractedColumns(analyzed.article, null);
    const annotations = packAnnotations(analyzed);
    this.#write(() => {
      const article = this.#articleRow(contentHash);
      if (article === undefined) throw new TypeError(`there is no article ${contentHash}`);
      this.#run(
        `UPDATE articles SET article_id = @article_id, canonical_url = @canonical_url, title = @title, outlet = @outlet, published = @published,
           language = @language, body_text = @body_text, extracted = @extracted WHERE id = @id`,
        { ...columns, id: article.id },
      );
      this.#run('UPDATE article_analyses SET analyzer_version = ?, analyzed_at = ?, annotations = ? WHERE article = ?', analyzerVersion, analyzedAt, annotations, article.id);
      // Its story was analysed from the old record: it needs analysis again.
      this.#run('UPDATE stories SET version = version + 1 WHERE id = (SELECT story FROM story_articles WHERE article = ?)', article.id);
    });
  }

  async createStory(story: NewStory): Promise<string> {
    if (story.articles.length === 0) throw new TypeError('a story needs at least one article');
    const at = isoTime(story.at, 'at');
    return this.#write(() => storyIdOf(this.#insertStory(this.#unassignedArticleRows(story.articles), at, story.title ?? null, null)));
  }

  async addArticlesToStory(storyId: string, contentHashes: readonly string[], at?: string): Promise<void> {
    const addedAt = isoTime(at, 'at');
    if (contentHashes.length === 0) return;
    this.#write(() => this.#addToStory(this.#requireStory(storyId).id, this.#unassignedArticleRows(contentHashes), addedAt));
  }

  async mergeStories(targetId: string, otherIds: readonly string[], at?: string): Promise<void> {
    const mergedAt = isoTime(at, 'at');
    this.#write(() => {
      const target = this.#requireStory(targetId);
      const others = [...new Set(otherIds)].map((id) => this.#requireStory(id).id).filter((row) => row !== target.id);
      this.#merge(target.id, others, mergedAt);
    });
  }

  async getClustererState(): Promise<unknown> {
    const row = this.#read(() => this.#get<{ state: Buffer }>('SELECT state FROM clusterer_state WHERE id = 1'));
    return row === undefined ? null : unpackJson<unknown>(row.state, 'clusterer state');
  }

  async applyClustering(batch: ClusteringBatch): Promise<ClusteringOutcome> {
    const at = isoTime(batch.at, 'at');
    const state = packJson(batch.state);
    return this.#write(() => {
      const created = new Set<number>();
      const updated = new Set<number>();
      const merged = new Set<number>();
      const storyOfCluster = (key: string): number | undefined => this.#get<{ id: number }>('SELECT id FROM stories WHERE cluster_key = ?', key)?.id;
      const changed = (story: number): void => {
        if (!created.has(story)) updated.add(story);
      };
      for (const step of batch.steps) {
        if (step.kind === 'place') {
          const rows = this.#unassignedArticleRows([step.article]);
          const story = storyOfCluster(step.cluster);
          if (story === undefined) created.add(this.#insertStory(rows, at, null, step.cluster));
          else {
            this.#addToStory(story, rows, at);
            changed(story);
          }
        } else if (step.kind === 'merge') {
          const source = storyOfCluster(step.from);
          if (source === undefined) continue;
          const target = storyOfCluster(step.into);
          if (target === undefined) {
            // The surviving cluster has no story here yet: the merged one takes its key.
            this.#run('UPDATE stories SET cluster_key = ? WHERE id = ?', step.into, source);
            continue;
          }
          this.#merge(target, [source], at);
          changed(target);
          if (!created.delete(source)) merged.add(source);
          updated.delete(source);
        } else {
          const source = storyOfCluster(step.from);
          if (source === undefined) continue;
          const moving = this.#all<{ article: number }>(
            `SELECT s.article FROM story_articles s JOIN articles a ON a.id = s.article
             WHERE s.story = ? AND a.content_hash IN (SELECT value FROM json_each(?))`,
            source,
            JSON.stringify(step.articles),
          ).map(({ article }) => article);
          if (moving.length === 0) continue;
          this.#run('DELETE FROM story_articles WHERE story = ? AND article IN (SELECT value FROM json_each(?))', source, JSON.stringify(moving));
          this.#run('UPDATE stories SET version = version + 1, updated_at = max(updated_at, ?) WHERE id = ?', at, source);
          changed(source);
          const target = storyOfCluster(step.into);
          if (target === undefined) created.add(this.#insertStory(moving, at, null, step.into));
          else {
            this.#addToStory(target, moving, at);
            changed(target);
          }
        }
      }
      this.#run(
        'INSERT INTO clusterer_state (id, state, saved_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at',
        state,
        at,
      );
      return { created: [...created].map(storyIdOf), updated: [...updated].map(storyIdOf), merged: [...merged].map(storyIdOf) };
    });
  }


  async saveStoryAnalysis(storyId: string, analysis: StoryAnalysis): Promise<SavedStoryAnalysis> {
    const at = isoTime(analysis.at, 'at');
    const { story } = analysis;
    const summaryText = story.summary.map((sentence) => sentence.text).join(' ');
    const packed = packJson(story);
    // One entry per key: the last one given wins.
    const figures = [...new Map(analysis.figures.map((figure) => [figure.key, figure])).values()];
    return this.#write(() => {
      const row = this.#requireStory(storyId);
      this.#run(
        `UPDATE stories SET title = coalesce(?, title), summary_text = ?, story = ?, independent_reports = ?,
           version = version + 1, analyzed_version = version + 1, updated_at = max(updated_at, ?) WHERE id = ?`,
        story.title,
        summaryText,
        packed,
        story.independentReports,
        at,
        row.id,
      );
      const newFacts: string[] = [];
      for (const fact of analysis.facts) {
        const { changes } = this.#run('INSERT INTO story_facts (story, key, text, first_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', row.id, fact.key, fact.text, at);
        if (changes > 0) newFacts.push(fact.key);
      }
      const changedFigures: string[] = [];
      for (const figure of figures) {
        const latest = this.#get<{ value: string }>('SELECT value FROM story_figures WHERE story = ? AND key = ? ORDER BY id DESC LIMIT 1', row.id, figure.key);
        if (latest?.value === figure.value) continue;
        this.#run('INSERT INTO story_figures (story, key, about, value, changed_at) VALUES (?, ?, ?, ?, ?)', row.id, figure.key, figure.about, figure.value, at);
        changedFigures.push(figure.key);
      }
      return { version: row.version + 1, newFacts, changedFigures };
    });
  }

  async getStory(storyId: string): Promise<StoredStory | null> {
    const found = this.#read(() => {
      const row = this.#storyRow(storyId);
      if (row === undefined) return null;
      const { story } = this.#get<{ story: Buffer | null }>('SELECT story FROM stories WHERE id = ?', row.id)!;
      return { summary: this.#storySummaries([row])[0]!, story };
    });
    if (found === null) return null;
    return { ...found.summary, story: found.story === null ? null : unpackJson<Story>(found.story, 'story') };
  }

  async getStorySummary(storyId: string): Promise<StorySummary | null> {
    return this.#read(() => {
      const row = this.#storyRow(storyId);
      return row === undefined ? null : this.#storySummaries([row])[0]!;
    });
  }

  async listStories(options: ListStoriesOptions = {}): Promise<StorySummary[]> {
    const limit = pageSize(options.limit, 50);
    const since = options.updatedSince === undefined ? '' : isoTime(options.updatedSince, 'updatedSince');
    return this.#read(() =>
      this.#storySummaries(
        this.#all<StoryRow>(
          `SELECT ${STORY_COLUMNS} FROM stories st WHERE st.updated_at >= ? AND (? = 0 OR st.analyzed_version IS NOT st.version)
           ORDER BY st.updated_at DESC, st.id DESC LIMIT ?`,
          since,
          options.needsAnalysis === true ? 1 : 0,
          limit,
        ),
      ),
    );
  }

  async storyOfArticle(contentHash: string): Promise<string | null> {
    const row = this.#read(() =>
      this.#get<{ story: number }>('SELECT s.story FROM articles a JOIN story_articles s ON s.article = a.id WHERE a.content_hash = ?', contentHash),
    );
    return row === undefined ? null : storyIdOf(row.story);
  }

  async storyChangesSince(storyId: string, since: string): Promise<StoryChanges> {
    const from = isoTime(since, 'since');
    return this.#read(() => {
      const story = this.#requireStory(storyId);
      const facts = this.#all<{ key: string; text: string; first_seen_at: string }>(
        'SELECT key, text, first_seen_at FROM story_facts WHERE story = ? AND first_seen_at >= ? ORDER BY first_seen_at, key',
        story.id,
        from,
      ).map(({ key, text, first_seen_at }): FactHistoryEntry => ({ key, text, firstSeenAt: first_seen_at }));
      const figures = this.#all<{ key: string; about: string; value: string; previous: string | null; changed_at: string }>(
        `SELECT key, about, value, previous, changed_at FROM (
           SELECT id, key, about, value, changed_at, lag(value) OVER (PARTITION BY key ORDER BY id) AS previous FROM story_figures WHERE story = ?
         ) WHERE changed_at >= ? ORDER BY changed_at, id`,
        story.id,
        from,
      ).map(({ key, about, value, previous, changed_at }): FigureChange => ({ key, about, value, previousValue: previous, changedAt: changed_at }));
      return { facts, figures };
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    const limit = pageSize(options.limit, 20, 1000);
    const since = options.since === undefined ? '' : isoTime(options.since, 'since');
    const terms = parseSearchQuery(query);
    const match = options.match ?? 'all';
    const results = this.#searchWith(terms, match, since, limit);
    const found = results.articles.length > 0 || results.stories.length > 0;
    if (options.match === undefined && !found && terms.length > 1) return this.#searchWith(terms, 'any', since, limit);
    return results;
  }

  #searchWith(terms: readonly SearchTerm[], match: 'all' | 'any', since: string, limit: number): SearchResults {
    const expression = ftsMatchExpression(terms, match);
    if (expression === null) return { articles: [], stories: [], match };
    return this.#read(() => {
      const articleRows = this.#all<ArticleSummaryRow & { rank: number; snippet: string }>(
        `SELECT ${ARTICLE_SUMMARY_COLUMNS}, bm25(articles_search, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS rank,
           snippet(articles_search, -1, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS snippet
         FROM articles_search JOIN articles a ON a.id = articles_search.rowid
           JOIN article_analyses n ON n.article = a.id LEFT JOIN story_articles s ON s.article = a.id
         WHERE articles_search MATCH ? AND a.first_seen_at >= ? ORDER BY rank LIMIT ?`,
        expression,
        since,
        limit,
      );
      const storyRows = this.#all<StoryRow & { rank: number; snippet: string }>(
        `SELECT ${STORY_COLUMNS}, bm25(stories_search, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS rank,
           snippet(stories_search, -1, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS snippet
         FROM stories_search JOIN stories st ON st.id = stories_search.rowid
         WHERE stories_search MATCH ? AND st.updated_at >= ? ORDER BY rank LIMIT ?`,
        expression,
        since,
        limit,
      );
      const stories = this.#storySummaries(storyRows);
      // SQLite's bm25() is negative, lower is better; scores are turned round so higher is better.
      const articles = articleRows.map((row): ArticleHit => ({ article: articleSummaryOf(row), score: -row.rank, snippet: parseSnippet(row.snippet) }));
      const storyHits = storyRows.map((row, index): StoryHit => ({ story: stories[index]!, score: -row.rank, snippet: parseSnippet(row.snippet) }));
      return { articles, stories: storyHits, match };
    });
  }

  async addFeed(url: string, options: { readonly title?: string; readonly at?: string } = {}): Promise<boolean> {
    if (typeof url !== 'string' || url === '') throw new TypeError('a feed needs a URL');
    const at = isoTime(options.at, 'at');
    return this.#write(
      () => this.#run('INSERT INTO feeds (url, title, next_poll_at, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', url, options.title ?? null, at, at).changes > 0,
    );
  }

  async removeFeed(url: string): Promise<boolean> {
    return this.#write(() => this.#run('DELETE FROM feeds WHERE url = ?', url).changes > 0);
  }

  async getFeed(url: string): Promise<FeedState | null> {
    const row = this.#read(() => this.#get<FeedRow>('SELECT * FROM feeds WHERE url = ?', url));
    return row === undefined ? null : feedStateOf(row);
  }

  async listFeeds(options: { readonly dueBy?: string; readonly limit?: number } = {}): Promise<FeedState[]> {
    const limit = pageSize(options.limit, 1000);
    const dueBy = options.dueBy === undefined ? null : isoTime(options.dueBy, 'dueBy');
    return this.#read(() =>
      this.#all<FeedRow>('SELECT * FROM feeds WHERE ? IS NULL OR next_poll_at <= ? ORDER BY next_poll_at, url LIMIT ?', dueBy, dueBy, limit).map(feedStateOf),
    );
  }

  async recordFeedPoll(url: string, outcome: FeedPollOutcome): Promise<FeedState> {
    if (typeof url !== 'string' || url === '') throw new TypeError('a feed needs a URL');
    const at = isoTime(outcome.at, 'at');
    const nextPollAt = isoTime(outcome.nextPollAt, 'nextPollAt');
    return this.#write(() => {
      this.#run('INSERT INTO feeds (url, next_poll_at, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', url, nextPollAt, at);
      const feed = this.#get<FeedRow>('SELECT * FROM feeds WHERE url = ?', url)!;
      const next: FeedRow = outcome.ok
        ? {
            ...feed,
            title: outcome.title ?? feed.title,
            etag: outcome.etag === undefined ? feed.etag : outcome.etag,
            last_modified: outcome.lastModified === undefined ? feed.last_modified : outcome.lastModified,
            failures: 0,
            next_poll_at: nextPollAt,
            last_polled_at: at,
            last_success_at: at,
            last_error: null,
          }
        : { ...feed, failures: feed.failures + 1, next_poll_at: nextPollAt, last_polled_at: at, last_error: outcome.error };
      this.#run(
        `UPDATE feeds SET title = @title, etag = @etag, last_modified = @last_modified, failures = @failures, next_poll_at = @next_poll_at,
           last_polled_at = @last_polled_at, last_success_at = @last_success_at, last_error = @last_error WHERE url = @url`,
        next,
      );
      return feedStateOf(next);
    });
  }

  async logIngestFailure(failure: IngestFailure): Promise<void> {
    const at = isoTime(failure.at, 'at');
    this.#write(() =>
      this.#run("INSERT INTO ingest_log (at, run, source, outcome, reason) VALUES (?, ?, ?, 'failed', ?)", at, failure.run ?? null, failure.source, failure.reason),
    );
  }

  async listIngestLog(options: { readonly run?: string; readonly limit?: number } = {}): Promise<IngestLogEntry[]> {
    const limit = pageSize(options.limit, 100);
    const rows = this.#read(() =>
      options.run === undefined
        ? this.#all<IngestLogRow>('SELECT at, run, source, outcome, content_hash, reason FROM ingest_log ORDER BY id DESC LIMIT ?', limit)
        : this.#all<IngestLogRow>('SELECT at, run, source, outcome, content_hash, reason FROM ingest_log WHERE run = ? ORDER BY id DESC LIMIT ?', options.run, limit),
    );
    return rows.map((row) => ({ at: row.at, run: row.run, source: row.source, outcome: row.outcome, contentHash: row.content_hash, reason: row.reason }));
  }

  async statistics(): Promise<StoreStatistics> {
    return this.#read(() => {
      const count = (sql: string): number => this.#get<{ count: number }>(sql)!.count;
      return {
        articles: count('SELECT count(*) AS count FROM articles'),
        stories: count('SELECT count(*) AS count FROM stories'),
        feeds: count('SELECT count(*) AS count FROM feeds'),
        unassignedArticles: count('SELECT count(*) AS count FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article = a.id)'),
        storiesNeedingAnalysis: count('SELECT count(*) AS count FROM stories WHERE analyzed_version IS NOT version'),
      };
    });
  }

  async verify(): Promise<string[]> {
    return this.#read(() => {
      const problems: string[] = [];
      const integrity = this.#database.pragma('integrity_check') as { integrity_check: string }[];
      for (const { integrity_check: message } of integrity) if (message !== 'ok') problems.push(`database file: ${message}`);
      const references = this.#database.pragma('foreign_key_check') as { table: string; parent: string }[];
      for (const { table, parent } of references) problems.push(`a row of ${table} refers to a missing row of ${parent}`);
      const missing = (table: string, what: string): void => {
        const { count } = this.#get<{ count: number }>(`SELECT count(*) AS count FROM articles a WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.article = a.id)`)!;
        if (count > 0) problems.push(`${count} article(s) without their ${what}`);
      };
      missing('article_inputs', 'input');
      missing('article_analyses', 'analysis');
      // FTS5's integrity check is written as an insert, which a read-only connection refuses.
      for (const index of this.#database.readonly ? [] : ['articles_search', 'stories_search']) {
        try {
          this.#database.prepare(`INSERT INTO ${index} (${index}, rank) VALUES ('integrity-check', 1)`).run();
        } catch (error) {
          if (!(error instanceof Database.SqliteError)) throw error;
          problems.push(`search index ${index} does not match the stored text (${error.code})`);
        }
      }
      return problems;
    });
  }

  async close(): Promise<void> {
    if (this.#database.open) this.#database.close();
  }
}
