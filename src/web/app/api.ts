import type {
  ArticleResponse,
  ArticlesResponse,
  ErrorResponse,
  IngestRequest,
  IngestResponse,
  SearchResponse,
  StoriesResponse,
  StoryResponse,
} from '../../server/api-types.js';

/**
 * The web app's only way to the data: a typed client of the JSON API (`/api/…`, same origin).
 * Every call resolves, never rejects: to the answer, or to an {@link ApiFailure} that says
 * what went wrong in words a page can show (`failure.message`).
 */

/** Why a call failed: the API answered with an error, the server could not be reached, or it answered with something that is not the API's JSON. */
export type ApiFailure =
  | { readonly kind: 'api'; readonly status: number; readonly code: string; readonly message: string }
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'invalid-response'; readonly status: number; readonly message: string };

/** The outcome of one call. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure };

/** The part of `fetch` the client uses (tests pass their own). */
export type FetchFunction = (url: string, init?: RequestInit) => Promise<Response>;

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** Default: the global `fetch`. */
  readonly fetch?: FetchFunction;
  /** Prefix of every path; default `''` (the page's own origin, which the CSP's `connect-src 'self'` allows). */
  readonly baseUrl?: string;
}

/** The JSON API, one method a route. */
export interface ApiClient {
  /** `GET /api/stories`: newest first; with `since`, what each story gained since then. */
  listStories(options?: { readonly limit?: number; readonly since?: string | null }): Promise<ApiResult<StoriesResponse>>;
  /** `GET /api/stories/:id`: the story's latest analysis, and with `since` its changes since then. */
  getStory(id: string, options?: { readonly since?: string | null }): Promise<ApiResult<StoryResponse>>;
  /** `GET /api/articles`: stored articles, oldest first, paged by `after`. */
  listArticles(options?: {
    readonly story?: string;
    readonly after?: number;
    readonly limit?: number;
  }): Promise<ApiResult<ArticlesResponse>>;
  /** `GET /api/articles/:contentHash`: one stored article as extracted, with its sentences. */
  getArticle(contentHash: string): Promise<ApiResult<ArticleResponse>>;
  /** `GET /api/search`: stories and articles matching the words, with snippets. */
  search(query: string, options?: { readonly limit?: number }): Promise<ApiResult<SearchResponse>>;
  /** `POST /api/ingest`: fetches the URLs and stores the articles given as text. */
  ingest(request: IngestRequest): Promise<ApiResult<IngestResponse>>;
}

/** A client of the API at `baseUrl` (default: this page's origin). */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const fetchFunction: FetchFunction = options.fetch ?? ((url, init) => fetch(url, init));
  const baseUrl = options.baseUrl ?? '';

  function get<T>(path: string, parameters: Record<string, string | number | null | undefined> = {}) {
    return requestJson<T>(fetchFunction, `${baseUrl}${path}${formatQuery(parameters)}`, {
      method: 'GET',
      headers: { accept: 'application/json' },
    });
  }

  return {
    listStories: (query = {}) => get<StoriesResponse>('/api/stories', { limit: query.limit, since: query.since }),
    getStory: (id, query = {}) => get<StoryResponse>(`/api/stories/${encodeURIComponent(id)}`, { since: query.since }),
    listArticles: (query = {}) =>
      get<ArticlesResponse>('/api/articles', { story: query.story, after: query.after, limit: query.limit }),
    getArticle: (contentHash) => get<ArticleResponse>(`/api/articles/${encodeURIComponent(contentHash)}`),
    search: (query, searchOptions = {}) => get<SearchResponse>('/api/search', { q: query, limit: searchOptions.limit }),
    ingest: (request) =>
      requestJson<IngestResponse>(fetchFunction, `${baseUrl}/api/ingest`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify(request),
      }),
  };
}

/** `?a=1&b=x`, leaving out parameters that are null, undefined or empty; `''` when none is left. */
export function formatQuery(parameters: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** Sends one request and reads its JSON; every failure becomes an {@link ApiFailure}. */
async function requestJson<T>(fetchFunction: FetchFunction, url: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetchFunction(url, init);
  } catch {
    return {
      ok: false,
      failure: {
        kind: 'network',
        message: 'Could not reach the Parallax server. Check that parallax serve is still running, then try again.',
      },
    };
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      ok: false,
      failure: {
        kind: 'invalid-response',
        status: response.status,
        message: response.ok
          ? 'The server answered with something that is not JSON.'
          : `The server answered with an error (HTTP ${response.status}).`,
      },
    };
  }

  if (!response.ok) {
    if (isErrorResponse(body)) {
      return { ok: false, failure: { kind: 'api', status: response.status, code: body.error.code, message: body.error.message } };
    }
    return {
      ok: false,
      failure: { kind: 'invalid-response', status: response.status, message: `The server answered with an error (HTTP ${response.status}).` },
    };
  }
  if (body === null || typeof body !== 'object') {
    return { ok: false, failure: { kind: 'invalid-response', status: response.status, message: 'The server answered with unexpected JSON.' } };
  }
  // The shape is the server's promise (both sides import api-types.ts); it is not re-validated here.
  return { ok: true, value: body as T };
}

/** Whether a JSON body is the API's `{error: {code, message}}`. */
function isErrorResponse(body: unknown): body is ErrorResponse {
  if (body === null || typeof body !== 'object' || !('error' in body)) return false;
  const error: unknown = body.error;
  return (
    error !== null &&
    typeof error === 'object' &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
