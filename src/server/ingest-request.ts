import { isIP } from 'node:net';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Fetched } from '../core/records.js';
import { parseFeedDate } from '../ingest/feeds.js';
import { isFetchableUrl, privateAddressReason } from '../ingest/fetch.js';
import { parseJsonLines } from '../ingest/json-lines.js';
import type { IngestRequest } from './api-types.js';
import { ApiError } from './errors.js';

/**
 * Checking a `POST /api/ingest` body: its shape (every field named when wrong), its URLs
 * (http(s) only; private, loopback and link-local addresses refused unless allowed), and the
 * posted articles turned into inputs the way JSON Lines records are, by the same code.
 */

/** The fields an article of the request may carry. */
const ARTICLE_FIELDS = ['text', 'html', 'title', 'url', 'outlet', 'published'] as const;

/** What {@link checkIngestRequest} needs to know. */
export interface IngestRequestLimits {
  /** At most this many URLs and articles together. */
  readonly maxItems: number;
  /** Whether URLs may name private, loopback and link-local addresses. */
  readonly allowPrivateNetwork: boolean;
}

/** A checked request: the URLs to fetch (trimmed) and the posted articles as inputs. */
export interface CheckedIngestRequest {
  readonly urls: readonly string[];
  readonly articles: readonly Fetched[];
  /** Warnings from reading the articles (none are errors: the request was checked first). */
  readonly diagnostics: readonly Diagnostic[];
}

/** The source name of a posted article without a URL: `api-ingest#line-N`, N its place in the request, from 1. */
export const POSTED_ARTICLE_SOURCE = 'api-ingest';

function invalid(message: string): ApiError {
  return new ApiError(400, 'invalid-request', message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why the host of a URL is not on the public Internet ("a loopback address"), or null when it
 * is, or when it is a name other than `localhost`: names are checked by the fetcher on every
 * address it connects to (redirects included), and such a refusal is reported among the
 * request's failed inputs. Literal addresses are normalised by the URL parser first, so
 * `http://2130706433/` and `http://0x7f.1/` are seen as 127.0.0.1.
 */
export function privateHostReason(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'a loopback name';
  if (isIP(host) === 0) return null;
  return privateAddressReason(host);
}

/** Checks one URL to fetch: http(s), and public unless private addresses are allowed. */
function checkUrl(value: unknown, field: string, limits: IngestRequestLimits): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${field} must be a non-empty string`);
  const url = value.trim();
  if (!isFetchableUrl(url)) throw new ApiError(400, 'invalid-url', `${field} is not an http: or https: URL; only web addresses can be fetched`);
  if (!limits.allowPrivateNetwork) {
    const reason = privateHostReason(new URL(url));
    if (reason !== null) {
      throw new ApiError(400, 'private-address', `${field} points to ${reason}; this server fetches only public addresses (start it with --allow-private-network to allow private ones)`);
    }
  }
  return url;
}

/** Checks one posted article: known fields only, all strings, with content, its URL http(s) and its date readable. */
function checkArticle(value: unknown, field: string): Record<string, string> {
  if (!isObject(value)) throw invalid(`${field} must be an object with "text" or "html"`);
  const article: Record<string, string> = {};
  for (const [key, fieldValue] of Object.entries(value)) {
    if (!(ARTICLE_FIELDS as readonly string[]).includes(key)) throw invalid(`${field}.${key} is not a known field (known: ${ARTICLE_FIELDS.join(', ')})`);
    if (typeof fieldValue !== 'string') throw invalid(`${field}.${key} must be a string`);
    article[key] = fieldValue;
  }
  if ((article['text'] ?? '').trim() === '' && (article['html'] ?? '').trim() === '') throw invalid(`${field} needs a non-empty "text" or "html"`);
  const url = article['url'];
  if (url !== undefined && !isFetchableUrl(url)) throw new ApiError(400, 'invalid-url', `${field}.url is not an http: or https: URL`);
  const published = article['published'];
  if (published !== undefined && parseFeedDate(published) === null) throw invalid(`${field}.published is not a date (ISO 8601 or RFC 822)`);
  return article;
}

/** Checks a list field: absent (an empty list) or an array. */
function checkList(value: unknown, field: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`${field} must be an array`);
  return value;
}

/**
 * Checks a parsed `POST /api/ingest` body against {@link IngestRequest}, and turns its articles
 * into inputs with the JSON Lines reader (`ingest/json-lines.ts`): each article's content hash
 * is that of its content, so the same text posted twice is stored once. Throws an
 * {@link ApiError} (400) naming the first field that is wrong.
 */
export function checkIngestRequest(body: unknown, limits: IngestRequestLimits): CheckedIngestRequest {
  if (!isObject(body)) throw invalid('the body must be a JSON object with "urls" and/or "articles"');
  for (const key of Object.keys(body)) if (key !== 'urls' && key !== 'articles') throw invalid(`${key} is not a known field (known: urls, articles)`);
  const request = body as IngestRequest;
  const urlValues = checkList(request.urls, 'urls');
  const articleValues = checkList(request.articles, 'articles');
  const count = urlValues.length + articleValues.length;
  if (count === 0) throw invalid('give at least one item in urls or articles');
  if (count > limits.maxItems) throw invalid(`urls and articles hold ${count} items together; at most ${limits.maxItems} are taken in one request`);
  const urls = urlValues.map((value, index) => checkUrl(value, `urls[${index}]`, limits));
  const articles = articleValues.map((value, index) => checkArticle(value, `articles[${index}]`));
  if (articles.length === 0) return { urls, articles: [], diagnostics: [] };
  const lines = articles.map((article) => JSON.stringify(article)).join('\n');
  const { records, diagnostics } = parseJsonLines(lines, POSTED_ARTICLE_SOURCE);
  const fetched = records.flatMap((record) => (record.kind === 'article' ? [record.fetched] : []));
  return { urls, articles: fetched, diagnostics };
}
