/**
 * The SQLite schema, as an ordered list of migrations. A database records the number of the
 * last migration applied in `PRAGMA user_version` (0 for a new file); opening it applies the
 * later ones in order, each in its own transaction with the version bump, so an interrupted
 * upgrade leaves the previous version intact. Migrations are append-only: a released one is
 * never edited, a change is a new entry.
 */
export interface Migration {
  /** 1, 2, 3…: the `user_version` the database has once this migration is applied. */
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * Why the tables look as they do:
 * - `articles` holds what lists, lookups and search read (one narrow row per article, integer
 *   key for the search index and for references); the raw input and the analysis, large and
 *   read one article at a time, live in their own tables, stored as compressed JSON.
 * - The article text is kept once, in `articles.body_text`, and the search indexes are
 *   external-content FTS5 tables over it (kept in step by triggers), so text is not stored
 *   twice and `snippet()` can read it.
 * - An article belongs to at most one story (`story_articles.article` is the key).
 * - Every column a lookup, join or order uses has an index, so the cost of one insert or one
 *   lookup grows with the logarithm of the archive, not its size.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, stories with fact and figure history, feeds, ingest log, full-text search',
    sql: `
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL,
        source TEXT NOT NULL,
        fetched_url TEXT,
        canonical_url TEXT,
        media_type TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        body_text TEXT NOT NULL,
        extracted BLOB NOT NULL
      );
      CREATE INDEX articles_article_id ON articles(article_id);
      CREATE INDEX articles_fetched_url ON articles(fetched_url) WHERE fetched_url IS NOT NULL;
      CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
      CREATE INDEX articles_first_seen ON articles(first_seen_at);
      CREATE INDEX articles_published ON articles(published);

      CREATE TABLE article_inputs (
        article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        fetched BLOB NOT NULL
      );

      CREATE TABLE article_analyses (
        article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        analyzer_version TEXT NOT NULL,
        analyzed_at TEXT NOT NULL,
        annotations BLOB NOT NULL
      );
      CREATE INDEX article_analyses_version ON article_analyses(analyzer_version);

      CREATE VIRTUAL TABLE articles_search USING fts5(
        title, body_text,
        content = 'articles', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_search(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
      END;
      CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_search(articles_search, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
      END;
      CREATE TRIGGER articles_search_update AFTER UPDATE OF title, body_text ON articles BEGIN
        INSERT INTO articles_search(articles_search, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
        INSERT INTO articles_search(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
      END;

      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        summary_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        analyzed_version INTEGER,
        independent_reports INTEGER,
        story BLOB
      );
      CREATE INDEX stories_updated ON stories(updated_at);

      CREATE TABLE story_articles (
        article INTEGER PRIMARY KEY REFERENCES articles(id),
        story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        added_at TEXT NOT NULL
      );
      CREATE INDEX story_articles_story ON story_articles(story);

      CREATE VIRTUAL TABLE stories_search USING fts5(
        title, summary_text,
        content = 'stories', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER stories_search_insert AFTER INSERT ON stories BEGIN
        INSERT INTO stories_search(rowid, title, summary_text) VALUES (new.id, new.title, new.summary_text);
      END;
      CREATE TRIGGER stories_search_delete AFTER DELETE ON stories BEGIN
        INSERT INTO stories_search(stories_search, rowid, title, summary_text) VALUES ('delete', old.id, old.title, old.summary_text);
      END;
      CREATE TRIGGER stories_search_update AFTER UPDATE OF title, summary_text ON stories BEGIN
        INSERT INTO stories_search(stories_search, rowid, title, summary_text) VALUES ('delete', old.id, old.title, old.summary_text);
        INSERT INTO stories_search(rowid, title, summary_text) VALUES (new.id, new.title, new.summary_text);
      END;

      CREATE TABLE story_facts (
        story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (story, key)
      ) WITHOUT ROWID;
      CREATE INDEX story_facts_seen ON story_facts(story, first_seen_at);

      CREATE TABLE story_figures (
        id INTEGER PRIMARY KEY,
        story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        about TEXT NOT NULL,
        value TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX story_figures_key ON story_figures(story, key, id);
      CREATE INDEX story_figures_changed ON story_figures(story, changed_at);

      CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll_at TEXT NOT NULL,
        last_polled_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        added_at TEXT NOT NULL
      );
      CREATE INDEX feeds_next_poll ON feeds(next_poll_at);

      CREATE TABLE ingest_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        run TEXT,
        source TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('new', 'duplicate', 'failed')),
        content_hash TEXT,
        reason TEXT
      );
      CREATE INDEX ingest_log_run ON ingest_log(run, id);
    `,
  },
  {
    version: 2,
    description: 'the stream clusterer: each story keyed by its cluster, and the clusterer state saved with its decisions',
    sql: `
      ALTER TABLE stories ADD COLUMN cluster_key TEXT;
      CREATE UNIQUE INDEX stories_cluster_key ON stories(cluster_key);

      CREATE TABLE clusterer_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        state BLOB NOT NULL,
        saved_at TEXT NOT NULL
      );
    `,
  },
];

/** The schema version this program writes: the last migration's. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
