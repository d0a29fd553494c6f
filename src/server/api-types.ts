import type { Extracted, Story } from '../core/records.js';
import type { Span } from '../core/span.js';
import type { ArticleSummary, SearchResults, StoryChanges } from '../store/store.js';

/**
 * The JSON the HTTP API answers with (documented in `openapi.json`). The server builds these
 * and the web app reads them; both import these types, so they cannot drift apart.
 */

/** A story as lists show it: its counts and its articles. */
export interface StoryListing {
  readonly id: string;
  readonly title: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly counts: { readonly articles: number; readonly outlets: number; readonly independentReports: number | null };
  readonly needsAnalysis: boolean;
  readonly articles: ReadonlyArray<{
    readonly id: string;
    readonly contentHash: string;
    readonly source: string;
    readonly url: string | null;
    readonly outlet: string | null;
    readonly title: string | null;
    readonly published: string | null;
  }>;
}

/** `GET /api/stories?limit=&since=`: newest first; with `since`, what each story gained since then. */
export interface StoriesResponse {
  readonly stories: ReadonlyArray<StoryListing & { readonly changes: StoryChanges | null }>;
  readonly since: string | null;
}

/** `GET /api/stories/{id}?since=`: the story's latest analysis (brought up to date first). */
export interface StoryResponse {
  readonly id: string;
  readonly story: Story;
  readonly since: string | null;
  readonly changes: StoryChanges | null;
}

/** `GET /api/articles?story=&after=&limit=`: stored articles, oldest first, paged by `sequence`. */
export interface ArticlesResponse {
  readonly articles: readonly ArticleSummary[];
  /** The `after` value of the next page, or null on the last page. */
  readonly next: number | null;
}

/**
 * `GET /api/articles/{contentHash}`: one stored article as it was extracted (its text, blocks,
 * metadata with provenance, and the boilerplate removed from it, with why), its sentences, and
 * its archive bookkeeping, which names its story.
 */
export interface ArticleResponse {
  readonly article: ArticleSummary;
  readonly extracted: Extracted;
  /** Its sentences, as spans of `extracted.text`. */
  readonly sentences: readonly Span[];
}

/** `GET /api/search?q=&limit=&since=`. */
export interface SearchResponse extends SearchResults {
  readonly query: string;
}

/** `POST /api/ingest` body: URLs to fetch and/or articles given as text or HTML. */
export interface IngestRequest {
  readonly urls?: readonly string[];
  readonly articles?: ReadonlyArray<{
    readonly text?: string;
    readonly html?: string;
    readonly title?: string;
    readonly url?: string;
    readonly outlet?: string;
    readonly published?: string;
  }>;
}

/** `POST /api/ingest` answer. */
export interface IngestResponse {
  readonly added: number;
  readonly duplicates: number;
  readonly failed: ReadonlyArray<{ readonly input: string; readonly reason: string }>;
  readonly storiesCreated: number;
  readonly storiesUpdated: number;
}

/** Every 4xx and 5xx answer. */
export interface ErrorResponse {
  readonly error: { readonly code: string; readonly message: string };
}
