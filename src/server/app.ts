import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ingestFetched, refreshStory, type IngestOptions } from '../archive/ingest.js';
import { listStoryListings } from '../archive/listing.js';
import { parseSince } from '../core/duration.js';
import { ParallaxError } from '../core/errors.js';
import { resolveInputs } from '../ingest/inputs.js';
import type { Store, StoryChanges } from '../store/store.js';
import { readWebAsset, type WebAsset } from '../web/assets.js';
import type { ArticleResponse, ArticlesResponse, ErrorResponse, IngestResponse, SearchResponse, StoriesResponse } from './api-types.js';
import { ApiError } from './errors.js';
import { checkIngestRequest } from './ingest-request.js';
import { APP_SHELL_HTML, SECURITY_HEADERS } from './shell.js';
import { StoryJsonCache } from './story-cache.js';
import { WorkQueue } from './work-queue.js';

/**
 * The HTTP API and the web app's files, as a Hono app over a store: routes only, no analysis
 * logic (the archive's functions do the work). `openapi.json` at the repository root documents
 * every route; a test checks that it and {@link createApp}'s routes agree.
 *
 * Safety, for a server meant to run on the user's own machine:
 * - every answer carries a Content Security Policy that allows only the app's own script,
 *   style and API, with `nosniff` and no referrer;
 * - Host check against DNS rebinding: a page on another site can make the browser resolve its
 *   own name to 127.0.0.1 and then read the local API as if it were same-origin. The browser
 *   still sends that site's name in the Host header, so, by default, only requests whose Host
 *   is `localhost`, `127.0.0.1` or `[::1]` (any port) are answered; others get 403
 *   `host-not-allowed`. `parallax serve` keeps the check when it listens on a loopback address
 *   and turns it off (`allowedHosts: null`) when `--host` names another;
 * - `POST /api/ingest` takes only `application/json`, which a page on another site cannot send
 *   without a CORS preflight this server never grants, and refuses a request whose Origin is
 *   not the server's own;
 * - ingest fetches only http(s) URLs, and refuses private, loopback and link-local addresses
 *   unless `allowPrivateNetwork` (the fetcher checks each address it connects to as well);
 * - request bodies are limited in size; errors never carry stack traces or article text.
 */

/** Host names a server listening on a loopback address answers to (any port). */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Let `POST /api/ingest` fetch private, loopback and link-local addresses. Default false. */
  readonly allowPrivateNetwork?: boolean;
  /** Request bodies larger than this get 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** URLs and articles taken by one ingest request. Default 100. */
  readonly maxIngestItems?: number;
  /**
   * Host names (no port; IPv6 in brackets) whose requests are answered; others get 403. Default
   * {@link LOOPBACK_HOST_NAMES}; null answers any Host (for a server listening on a public address).
   */
  readonly allowedHosts?: readonly string[] | null;
  /** How ingest fetches URLs: time and size limits, feed items (`allowPrivateNetwork` is the option above). */
  readonly fetch?: Omit<IngestOptions, 'allowPrivateNetwork' | 'onProgress' | 'run'>;
  /** The queue archive writes go through; pass one to wait for it on shutdown. Default a new one. */
  readonly queue?: WorkQueue;
  /** Characters of serialised stories kept for repeated requests. Default 64 Mi. */
  readonly storyCacheChars?: number;
  /** Told about each error that made a 500 answer (the answer itself says nothing of it). Default: a line on stderr. */
  readonly onError?: (error: unknown, request: string) => void;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_MAX_INGEST_ITEMS = 100;
const DEFAULT_STORY_CACHE_CHARS = 64 * 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
/** The bundled files the app serves, with their types (`report.js` is inlined in reports, not served). */
const ASSET_TYPES: ReadonlyMap<string, { readonly asset: WebAsset; readonly type: string }> = new Map([
  ['app.js', { asset: 'app.js', type: 'text/javascript; charset=utf-8' }],
  ['style.css', { asset: 'style.css', type: 'text/css; charset=utf-8' }],
]);
/** Content hashes are hex SHA-256. */
const CONTENT_HASH = /^[0-9a-f]{64}$/;

/** Answers with an {@link ErrorResponse}. */
function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  const body: ErrorResponse = { error: { code, message } };
  return c.json(body, status);
}

/** A whole-number query parameter within bounds, its default when absent; 400 when it is not one. */
function integerParameter(c: Context, name: string, bounds: { readonly min: number; readonly max: number; readonly fallback: number }): number {
  const text = c.req.query(name);
  if (text === undefined || text === '') return bounds.fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < bounds.min || value > bounds.max) {
    throw new ApiError(400, 'invalid-request', `${name} must be a whole number from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}

/** The `since` parameter as an ISO time (a duration back from now such as `2d`, or a date), or null when absent. */
function sinceParameter(c: Context): string | null {
  const text = c.req.query('since');
  if (text === undefined || text === '') return null;
  try {
    return parseSince(text);
  } catch {
    throw new ApiError(400, 'invalid-request', 'since must be a duration back from now (2d, 12h) or a date or time (2026-11-20, ISO 8601)');
  }
}

/** The host name (lower-cased, IPv6 in brackets) of a Host header value, or null when it is not a host and port. */
function hostNameOf(authority: string): string | null {
  if (authority === '' || /[/?#@\\\s]/.test(authority)) return null;
  try {
    return new URL(`http://${authority}`).hostname;
  } catch {
    return null;
  }
}

/** A Host header value or origin's host with port, normalised (lower case, default port left out), or null. */
function normalisedAuthority(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** A default `onError`: one line on stderr, the message only. */
function logError(error: unknown, request: string): void {
  process.stderr.write(`parallax serve: ${request} failed: ${error instanceof Error ? error.message : String(error)}\n`);
}

/** The HTTP API and web app over `store` (see the module comment for its routes and safety). */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const allowPrivateNetwork = options.allowPrivateNetwork ?? false;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxIngestItems = options.maxIngestItems ?? DEFAULT_MAX_INGEST_ITEMS;
  const allowedHosts = options.allowedHosts === null ? null : new Set((options.allowedHosts ?? LOOPBACK_HOST_NAMES).map((host) => host.toLowerCase()));
  const queue = options.queue ?? new WorkQueue();
  const storyJson = new StoryJsonCache(options.storyCacheChars ?? DEFAULT_STORY_CACHE_CHARS);
  const onError = options.onError ?? logError;
  const refreshing = new Map<string, Promise<void>>();

  /**
   * Brings a story's analysis up to date when it gained articles since its last one. Refreshes
   * go through the write queue, after any ingest already queued (which may refresh the story
   * itself), and concurrent requests for one story share one refresh.
   */
  const refreshOnce = (id: string): Promise<void> => {
    let running = refreshing.get(id);
    if (running === undefined) {
      running = queue
        .run(async () => {
          const stored = await store.getStory(id);
          if (stored !== null && (stored.needsAnalysis || stored.story === null)) await refreshStory(store, id);
        })
        .finally(() => refreshing.delete(id));
      refreshing.set(id, running);
    }
    return running;
  };

  /**
   * A story's up-to-date analysis as JSON, or null when there is no such story. A version
   * already serialised is answered without reading the stored analysis at all.
   */
  const currentStoryJson = async (id: string): Promise<string | null> => {
    let summary = await store.getStorySummary(id);
    if (summary !== null && summary.needsAnalysis) {
      await refreshOnce(id);
      summary = await store.getStorySummary(id);
    }
    if (summary === null) return null;
    const cached = storyJson.cached(id, summary.version);
    if (cached !== undefined) return cached;
    const stored = await store.getStory(id);
    if (stored === null) return null;
    if (stored.story === null) throw new Error(`story ${id} has no analysis after a refresh`);
    return storyJson.json(id, stored.version, stored.story);
  };

  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  if (allowedHosts !== null) {
    app.use('*', async (c, next) => {
      const header = c.req.header('host');
      const hostHeader = header === undefined ? null : hostNameOf(header.trim());
      const urlHost = new URL(c.req.url).hostname.toLowerCase();
      if ((header !== undefined && (hostHeader === null || !allowedHosts.has(hostHeader))) || !allowedHosts.has(urlHost)) {
        return errorJson(c, 403, 'host-not-allowed', `this server answers only requests addressed to ${[...allowedHosts].join(', ')} (a guard against DNS rebinding)`);
      }
      return next();
    });
  }

  app.get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(APP_SHELL_HTML);
  });

  app.get('/assets/:name', (c) => {
    const known = ASSET_TYPES.get(c.req.param('name'));
    if (known === undefined) return errorJson(c, 404, 'not-found', 'no such asset');
    let text: string;
    try {
      text = readWebAsset(known.asset);
    } catch (error) {
      if (error instanceof ParallaxError) throw new ApiError(503, 'not-built', error.message);
      throw error;
    }
    return c.body(text, 200, { 'Content-Type': known.type, 'Cache-Control': 'no-cache' });
  });

  app.get('/api/stories', async (c) => {
    const limit = integerParameter(c, 'limit', { min: 1, max: 500, fallback: 50 });
    const since = sinceParameter(c);
    const listings = await listStoryListings(store, { limit });
    const stories = await Promise.all(
      listings.map(async (listing) => ({
        ...listing,
        changes: since !== null && listing.updatedAt >= since ? await store.storyChangesSince(listing.id, since) : null,
      })),
    );
    const body: StoriesResponse = { stories, since };
    return c.json(body);
  });

  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    const since = sinceParameter(c);
    const story = await currentStoryJson(id);
    if (story === null) return errorJson(c, 404, 'not-found', 'the archive has no story with this id (GET /api/stories lists them)');
    const changes: StoryChanges | null = since === null ? null : await store.storyChangesSince(id, since);
    // The StoryResponse, written around the cached story JSON rather than serialised whole.
    const body = `{"id":${JSON.stringify(id)},"story":${story},"since":${JSON.stringify(since)},"changes":${JSON.stringify(changes)}}`;
    return c.body(body, 200, { 'Content-Type': JSON_TYPE });
  });

  app.get('/api/articles', async (c) => {
    const limit = integerParameter(c, 'limit', { min: 1, max: 500, fallback: 100 });
    const after = integerParameter(c, 'after', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const storyId = c.req.query('story');
    let page;
    if (storyId === undefined || storyId === '') {
      page = await store.listArticles({ afterSequence: after, limit: limit + 1 });
    } else {
      const story = await store.getStory(storyId);
      if (story === null) return errorJson(c, 404, 'not-found', 'the archive has no story with this id');
      const members = await store.getArticleSummaries(story.articles);
      page = members.filter(({ sequence }) => sequence > after).sort((a, b) => a.sequence - b.sequence);
    }
    const articles = page.slice(0, limit);
    const body: ArticlesResponse = { articles, next: page.length > limit ? articles.at(-1)!.sequence : null };
    return c.json(body);
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id').toLowerCase();
    if (!CONTENT_HASH.test(id)) return errorJson(c, 404, 'not-found', "articles are named by their content hash (64 hexadecimal digits, an article's contentHash)");
    const [stored, summaries] = await Promise.all([store.getArticle(id), store.getArticleSummaries([id])]);
    const summary = summaries[0];
    if (stored === null || summary === undefined) return errorJson(c, 404, 'not-found', 'the archive has no article with this content hash');
    const body: ArticleResponse = { article: summary, extracted: stored.analyzed.article, sentences: stored.analyzed.sentences };
    return c.json(body);
  });

  app.get('/api/search', async (c) => {
    const query = (c.req.query('q') ?? '').trim();
    if (query === '') return errorJson(c, 400, 'invalid-request', 'q must hold the words to search for');
    const limit = integerParameter(c, 'limit', { min: 1, max: 1000, fallback: 20 });
    const since = sinceParameter(c);
    const results = await store.search(query, { limit, ...(since === null ? {} : { since }) });
    const body: SearchResponse = { query, ...results };
    return c.json(body);
  });

  app.post(
    '/api/ingest',
    async (c, next) => {
      const origin = c.req.header('origin');
      if (origin !== undefined) {
        const requestAuthority = normalisedAuthority(`http://${c.req.header('host') ?? new URL(c.req.url).host}`);
        const originAuthority = normalisedAuthority(origin);
        if (originAuthority === null || originAuthority !== requestAuthority) return errorJson(c, 403, 'cross-origin', 'ingest requests from pages of other sites are refused');
      }
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') return errorJson(c, 415, 'unsupported-media-type', 'send the request as application/json');
      return next();
    },
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => errorJson(c, 413, 'body-too-large', `the request body is larger than ${maxBodyBytes} bytes`),
    }),
    async (c) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await c.req.text());
      } catch {
        return errorJson(c, 400, 'malformed-json', 'the request body is not valid JSON');
      }
      const request = checkIngestRequest(parsed, { maxItems: maxIngestItems, allowPrivateNetwork });
      // Fetching runs at once; storing and clustering wait their turn in the write queue.
      const read = request.urls.length === 0 ? { fetched: [], diagnostics: [] } : await resolveInputs(request.urls, { ...options.fetch, allowPrivateNetwork });
      const report = await queue.run(() =>
        ingestFetched(store, [...read.fetched, ...request.articles], [...read.diagnostics, ...request.diagnostics], { run: `api ${new Date().toISOString()}` }),
      );
      const body: IngestResponse = {
        added: report.added,
        duplicates: report.duplicates,
        failed: report.failed,
        storiesCreated: report.storiesCreated,
        storiesUpdated: report.storiesUpdated,
      };
      return c.json(body);
    },
  );

  app.notFound((c) => errorJson(c, 404, 'not-found', `nothing is served at this path${c.req.path.startsWith('/api/') ? ' (openapi.json lists the API)' : ''}`));

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorJson(c, error.status, error.code, error.message);
    if (error instanceof HTTPException && error.status < 500) return errorJson(c, error.status as ContentfulStatusCode, 'bad-request', 'the request could not be read');
    if (error instanceof ParallaxError && error.code === 'timeout') return errorJson(c, 503, 'busy', 'the archive is busy (its database stayed locked); try again');
    onError(error, `${c.req.method} ${c.req.path}`);
    return errorJson(c, 500, 'internal', 'the server failed to answer this request (its log says why)');
  });

  return app;
}
