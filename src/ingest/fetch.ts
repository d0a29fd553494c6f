/**
 * Fetching web pages and feeds: the only code in Parallax that touches the network. It is built
 * on `node:http`/`node:https` rather than the global `fetch` because every connection's
 * resolved address must be checked (a page may not steer us into the user's private network),
 * and the check has to happen on the address actually connected to, on every redirect hop.
 * Every failure is returned as a {@link Diagnostic}, never thrown.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { makeDiagnostic, type Diagnostic, type DiagnosticCode } from '../core/diagnostic.js';
import { hashContent } from '../core/ids.js';
import type { Fetched, MediaType } from '../core/records.js';
import { parseContentType } from './charset.js';
import { decodeBytes, detectMediaType } from './decode.js';
import { DEFAULT_MAX_BYTES, formatBytes } from './files.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Options for {@link Fetcher}. */
export interface FetchOptions {
  /** Limit on one whole request (connect, headers and body), per attempt. Default 20 000 ms. */
  readonly timeoutMs?: number;
  /** Limit on the (decompressed) body and on an announced Content-Length. Default 10 MiB. */
  readonly maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  readonly maxRedirects?: number;
  /** How many times a compressed body may expand before it is taken for a bomb. Default 100. */
  readonly maxDecompressionRatio?: number;
  /** Further attempts after 429, 502, 503, 504 or a reset connection. Default 2. */
  readonly retries?: number;
  /** The first retry's delay; each later one doubles it, with jitter. Default 500 ms. */
  readonly retryBaseDelayMs?: number;
  /** The longest wait before a retry; a Retry-After asking for more ends the retries. Default 10 000 ms. */
  readonly maxRetryDelayMs?: number;
  /** Requests in flight at once to one host (name and port). Default 2. */
  readonly perHostConcurrency?: number;
  /**
   * The least time between the end of one request to a host and the start of the next, so a
   * long-running poller does not hammer a site. Spaces requests strictly with
   * `perHostConcurrency: 1`. Default 0.
   */
  readonly hostDelayMs?: number;
  /** Allow private, loopback and link-local addresses. Default false. */
  readonly allowPrivateNetwork?: boolean;
  /** Default `Parallax/<version> (+https://github.com/parallax-news/parallax)`. */
  readonly userAgent?: string;
  /** Resolves a host name to addresses. Default: the system resolver (`dns.lookup`). */
  readonly resolveHost?: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  /**
   * Says why an address may not be connected to (a phrase such as "a loopback address"), or
   * null when it may. Consulted for every connection unless `allowPrivateNetwork`.
   * Default: {@link privateAddressReason}. Tests use it to let one made-up host through.
   */
  readonly addressPolicy?: (address: string, hostname: string) => string | null;
  /** The clock, in milliseconds since the epoch. Default `Date.now`; tests pass a fake one. */
  readonly now?: () => number;
  /** Waits, waking early when the signal aborts. Default {@link sleep}; tests pass one that does not wait. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * What one request may add to a plain GET: validators from an earlier response, sent as
 * If-None-Match and If-Modified-Since so that an unchanged resource costs a 304 instead of a
 * body, and a signal that cancels the request (it then ends as a `network` diagnostic).
 */
export interface FetchRequest {
  readonly etag?: string | null | undefined;
  readonly lastModified?: string | null | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * The answer to a conditional request whose resource has not changed (304 Not Modified): no
 * body. Validators the server sent with it replace the ones the caller holds. A 304 to a
 * request that sent no validators is a server error, reported as an `http-status` diagnostic.
 */
export interface NotModified {
  readonly notModified: true;
  /** The address as the user gave it (credentials removed). */
  readonly requestedUrl: string;
  /** The address that answered, after redirects. */
  readonly url: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

/**
 * Why a fetch failed. When the last answer was a 429 or 5xx with a Retry-After (its retries
 * used up, or the wait asked for longer than `maxRetryDelayMs`), `retryAfterMs` says how long
 * the server asked callers to stay away, so a poller can schedule its next try accordingly.
 */
export interface FetchFailure extends Diagnostic {
  readonly retryAfterMs?: number;
}

/** A page or feed as the server sent it, decoded. */
export interface FetchedResource {
  /** The address as the user gave it (credentials removed). */
  readonly requestedUrl: string;
  /** The address the body was finally read from, after redirects. */
  readonly url: string;
  readonly status: number;
  /** The lower-cased type and subtype (`text/html`), or `''` when the server sent none. */
  readonly contentType: string;
  /** The body, decompressed. */
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly encoding: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly etag?: string;
  readonly lastModified?: string;
}

/** The types accepted: web pages, plain text, and feeds (which the caller parses). */
export const ACCEPTED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
  'text/x-opml',
  'application/x-opml+xml',
]);

const ACCEPT_HEADER =
  'text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/feed+json;q=0.9,application/xml;q=0.8,text/xml;q=0.8,text/x-opml;q=0.8,application/json;q=0.8,text/plain;q=0.7';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** Connection errors worth another attempt: the server or a middlebox dropped the connection. */
const RETRYABLE_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/** Below this much output the ratio is not judged: small, very repetitive pages are fine. */
const RATIO_FLOOR_BYTES = 64 * 1024;
const PRIVATE_ADDRESS_CODE = 'ERR_PARALLAX_PRIVATE_ADDRESS';

/** Whether a string is an `http:` or `https:` URL, so inputs can be told from paths. */
export function isFetchableUrl(input: string): boolean {
  if (!/^https?:\/\//i.test(input.trim())) return false;
  try {
    const url = new URL(input.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

let cachedVersion: string | undefined;

/** The package version, read from package.json beside `src/` or `dist/` (both two levels up). */
function packageVersion(): string {
  if (cachedVersion === undefined) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
      cachedVersion = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
    } catch {
      cachedVersion = '0.0.0';
    }
  }
  return cachedVersion;
}

/** The default User-Agent: names the tool and where to learn about it, as polite crawlers do. */
export function defaultUserAgent(): string {
  return `Parallax/${packageVersion()} (+https://github.com/parallax-news/parallax)`;
}

// ---------------------------------------------------------------------------------------------
// Addresses

function parseIPv4(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** The eight 16-bit groups of an IPv6 address (zone removed, embedded IPv4 tail expanded). */
function parseIPv6(address: string): number[] | null {
  let text = address.replace(/%.*$/, '').toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1] !== undefined) {
    const v4 = parseIPv4(tail[1]);
    if (v4 === null) return null;
    text = `${text.slice(0, -tail[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string | undefined): number[] => (half === undefined || half === '' ? [] : half.split(':').map((group) => parseInt(group, 16)));
  const head = parse(halves[0]);
  const rest = parse(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...rest];
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
}

/** IPv4 ranges that are not the public Internet: [first address, prefix length, description]. */
const IPV4_BLOCKED: readonly (readonly [string, number, string])[] = [
  ['0.0.0.0', 8, 'an unspecified ("this network") address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a carrier-grade NAT (shared) address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'a reserved address'],
  ['192.0.2.0', 24, 'a reserved (documentation) address'],
  ['192.88.99.0', 24, 'a reserved (relay) address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a reserved (benchmarking) address'],
  ['198.51.100.0', 24, 'a reserved (documentation) address'],
  ['203.0.113.0', 24, 'a reserved (documentation) address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['255.255.255.255', 32, 'the broadcast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];

function ipv4Reason(value: number): string | null {
  for (const [base, prefix, description] of IPV4_BLOCKED) {
    const size = 2 ** (32 - prefix);
    const start = parseIPv4(base) ?? 0;
    if (value >= start && value < start + size) return description;
  }
  return null;
}

function ipv6Reason(groups: readonly number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = g6 * 0x10000 + g7;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) {
      const reason = ipv4Reason(embedded);
      return reason === null ? null : `${reason} (IPv4-mapped)`;
    }
    if (g5 === 0) {
      if (g6 === 0 && g7 === 0) return 'the unspecified address';
      if (g6 === 0 && g7 === 1) return 'a loopback address';
      return 'a reserved (IPv4-compatible) address';
    }
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    const reason = ipv4Reason(embedded);
    return reason === null ? null : `${reason} (NAT64)`;
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'a private (local NAT64) address';
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return 'a reserved (discard) address';
  if (g0 === 0x2001 && g1 === 0xdb8) return 'a reserved (documentation) address';
  if (g0 === 0x2002) {
    const reason = ipv4Reason(g1 * 0x10000 + g2);
    return reason === null ? null : `${reason} (6to4)`;
  }
  if ((g0 & 0xfe00) === 0xfc00) return 'a unique-local address';
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0 & 0xffc0) === 0xfec0) return 'a site-local address';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address';
  return null;
}

/**
 * Why an IP address is not on the public Internet ("a loopback address"), or null when it is.
 * Covers private, loopback, link-local, unique-local, carrier-grade NAT, unspecified, multicast,
 * broadcast and reserved ranges, including IPv4 addresses wrapped in IPv6 (mapped, NAT64, 6to4).
 * Anything that is not an IP address is refused, to be safe.
 */
export function privateAddressReason(address: string): string | null {
  const version = isIP(address.replace(/%.*$/, ''));
  if (version === 4) {
    const value = parseIPv4(address);
    return value === null ? 'not a valid address' : ipv4Reason(value);
  }
  if (version === 6) {
    const groups = parseIPv6(address);
    return groups === null ? 'not a valid address' : ipv6Reason(groups);
  }
  return 'not a valid address';
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Removes credentials from a URL so they never reach a diagnostic or a record. */
function redactUrl(input: string): string {
  try {
    const url = new URL(input);
    if (url.username === '' && url.password === '') return input;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return input;
  }
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function describeStatus(status: number): string {
  const phrase = http.STATUS_CODES[status];
  return phrase === undefined ? `${status}` : `${status} ${phrase}`;
}

/** Retry-After as milliseconds from `now`: either delay-seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Waits `ms` milliseconds, or less when the signal aborts; it never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const wake = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal?.addEventListener('abort', wake, { once: true });
  });
}

/** The host part of a URL as a connection wants it: IPv6 literals without their brackets. */
function bareHostname(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Tells web content from feeds and text when the server named no type. */
function sniffContentType(text: string): string {
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith('{')) return 'application/json';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:rdf)\b/.test(head)) return 'application/xml';
  return detectMediaType(text);
}

/** A system error's code, when the thrown value carries one. */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Describes a certificate or handshake failure in words. */
function describeTlsError(code: string): string | null {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return 'the certificate has expired';
    case 'CERT_NOT_YET_VALID':
      return 'the certificate is not yet valid';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'the certificate is self-signed';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return 'the certificate is not signed by a trusted authority';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'the certificate is for another host name';
    case 'CERT_REVOKED':
      return 'the certificate has been revoked';
    case 'EPROTO':
      return 'the TLS handshake failed (is the server speaking https?)';
    default:
      return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.includes('CERT') ? `the secure connection failed (${code})` : null;
  }
}

// ---------------------------------------------------------------------------------------------
// Per-host concurrency

/**
 * Counts requests in flight per host and queues the rest, first come first served; with a
 * delay, also keeps that much time between one request's end and the next one's start.
 */
class HostSlots {
  private readonly hosts = new Map<string, { active: number; readonly waiting: (() => void)[] }>();
  /** When the last request to each host ended (one number per host fetched, so it stays small). */
  private readonly lastEnded = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly delayMs: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {}

  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    let slot = this.hosts.get(host);
    if (slot === undefined) {
      slot = { active: 0, waiting: [] };
      this.hosts.set(host, slot);
    }
    if (slot.active >= this.limit) {
      const entry = slot;
      await new Promise<void>((resolve) => entry.waiting.push(resolve));
    } else {
      slot.active++;
    }
    const ended = this.lastEnded.get(host);
    if (ended !== undefined && this.delayMs > 0) {
      const wait = ended + this.delayMs - this.now();
      if (wait > 0) await this.sleep(wait, signal);
    }
    const owned = slot;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (this.delayMs > 0) this.lastEnded.set(host, this.now());
      const next = owned.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays counted.
      if (next !== undefined) next();
      else if (--owned.active === 0) this.hosts.delete(host);
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Fetcher

/** What one attempt at one address came to. */
type Attempt =
  | { readonly kind: 'done'; readonly result: FetchedResource | NotModified | FetchFailure }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'retry'; readonly diagnostic: Diagnostic; readonly retryAfterMs?: number };

interface Settings {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly maxDecompressionRatio: number;
  readonly retries: number;
  readonly retryBaseDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly allowPrivateNetwork: boolean;
  readonly userAgent: string;
}

function positive(value: number | undefined, fallback: number, name: string, allowZero = false): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0 || (!allowZero && result === 0)) {
    throw new TypeError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`);
  }
  return result;
}

/**
 * Fetches http(s) URLs with limits on time, size, redirects and decompression, a per-host
 * concurrency cap, retries of transient failures, and refusal of non-public addresses.
 * One Fetcher keeps its own connection pool; call {@link Fetcher.close} when done with it.
 */
export class Fetcher {
  private readonly settings: Settings;
  private readonly slots: HostSlots;
  private readonly resolveHost: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  private readonly addressPolicy: (address: string, hostname: string) => string | null;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  // Own agents: a pooled connection is reused only under the policy it was checked against.
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  constructor(options: FetchOptions = {}) {
    this.settings = {
      timeoutMs: positive(options.timeoutMs, 20_000, 'timeoutMs'),
      maxBytes: positive(options.maxBytes, DEFAULT_MAX_BYTES, 'maxBytes'),
      maxRedirects: Math.floor(positive(options.maxRedirects, 5, 'maxRedirects', true)),
      maxDecompressionRatio: positive(options.maxDecompressionRatio, 100, 'maxDecompressionRatio'),
      retries: Math.floor(positive(options.retries, 2, 'retries', true)),
      retryBaseDelayMs: positive(options.retryBaseDelayMs, 500, 'retryBaseDelayMs', true),
      maxRetryDelayMs: positive(options.maxRetryDelayMs, 10_000, 'maxRetryDelayMs', true),
      allowPrivateNetwork: options.allowPrivateNetwork ?? false,
      userAgent: options.userAgent ?? defaultUserAgent(),
    };
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
    this.slots = new HostSlots(
      Math.ceil(positive(options.perHostConcurrency, 2, 'perHostConcurrency')),
      positive(options.hostDelayMs, 0, 'hostDelayMs', true),
      this.now,
      this.sleep,
    );
    this.resolveHost =
      options.resolveHost ??
      (async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 })));
    this.addressPolicy = options.addressPolicy ?? ((address) => privateAddressReason(address));
  }

  /** Closes pooled connections. The Fetcher can still be used; it opens new ones. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /**
   * Fetches one URL, following redirects. Resolves to the resource, or to a diagnostic (whose
   * `input` is the URL as given) saying in plain words why there is none; it never rejects.
   * Given a {@link FetchRequest} with validators, the request is conditional and may resolve
   * to {@link NotModified} instead.
   */
  fetch(input: string, request?: { readonly signal?: AbortSignal | undefined; readonly etag?: undefined; readonly lastModified?: undefined }): Promise<FetchedResource | FetchFailure>;
  fetch(input: string, request: FetchRequest): Promise<FetchedResource | NotModified | FetchFailure>;
  async fetch(input: string, request: FetchRequest = {}): Promise<FetchedResource | NotModified | FetchFailure> {
    try {
      return await this.follow(input, request);
    } catch (error) {
      // Nothing below should throw; if something does, the caller still gets a diagnostic.
      const detail = error instanceof Error ? error.message : String(error);
      return makeDiagnostic('error', 'network', `could not fetch (${detail})`, redactUrl(input));
    }
  }

  /** Requests a URL and follows its redirects, checking each new address. */
  private async follow(input: string, request: FetchRequest): Promise<FetchedResource | NotModified | FetchFailure> {
    const requestedUrl = redactUrl(input);
    const fail = (code: DiagnosticCode, message: string): Diagnostic => makeDiagnostic('error', code, message, requestedUrl);
    if (!isFetchableUrl(input)) return fail('unsupported-type', 'is not an http: or https: address');
    let url = new URL(input.trim());
    url.hash = '';
    const chain = [url.href];
    for (;;) {
      // After a redirect, messages name the hop that failed.
      const where = chain.length > 1 ? `redirected to ${redactUrl(url.href)}: ` : '';
      const outcome = await this.withRetries(url, requestedUrl, where, request);
      if (outcome.kind === 'done') return outcome.result;
      let next: URL;
      try {
        next = new URL(outcome.location, url);
      } catch {
        return fail('redirect', `${redactUrl(url.href)} redirected to an invalid address`);
      }
      next.hash = '';
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return fail('redirect', `${redactUrl(url.href)} redirected to a ${next.protocol} address; only http: and https: are fetched`);
      }
      const seen = chain.indexOf(next.href);
      if (seen !== -1) {
        const loop = [...chain.slice(seen), next.href].map(redactUrl).join(' → ');
        return fail('redirect', `redirect loop: ${loop}`);
      }
      if (chain.length > this.settings.maxRedirects) {
        return fail('redirect', `more than ${this.settings.maxRedirects} redirects (the last to ${redactUrl(next.href)})`);
      }
      chain.push(next.href);
      url = next;
    }
  }

  /** Makes attempts at one address until one is final, waiting between them. */
  private async withRetries(url: URL, requestedUrl: string, where: string, request: FetchRequest): Promise<Exclude<Attempt, { kind: 'retry' }>> {
    const { retries, retryBaseDelayMs, maxRetryDelayMs } = this.settings;
    for (let attempt = 0; ; attempt++) {
      const release = await this.slots.acquire(url.host, request.signal);
      let outcome: Attempt;
      try {
        outcome = await this.attempt(url, requestedUrl, where, request);
      } finally {
        release();
      }
      if (outcome.kind !== 'retry') return outcome;
      const tries = `${attempt + 1} ${attempt === 0 ? 'attempt' : 'attempts'}`;
      const { retryAfterMs } = outcome;
      const last = (extra: string): Attempt & { kind: 'done' } => ({
        kind: 'done',
        result: { ...outcome.diagnostic, message: `${outcome.diagnostic.message} (${extra})`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
      });
      if (attempt >= retries) return last(tries);
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > maxRetryDelayMs) {
        return last(`asked to retry after ${formatDuration(outcome.retryAfterMs)}; ${tries}`);
      }
      // Exponential backoff with "equal jitter": half fixed, half random, so clients spread out.
      const backoff = Math.min(maxRetryDelayMs, retryBaseDelayMs * 2 ** attempt);
      const delay = outcome.retryAfterMs ?? backoff / 2 + (Math.random() * backoff) / 2;
      await this.sleep(delay, request.signal);
    }
  }

  /** Why the address may not be connected to, or null when it may (always, on private networks). */
  private refusal(address: string, hostname: string): string | null {
    return this.settings.allowPrivateNetwork ? null : this.addressPolicy(address, hostname);
  }

  /**
   * The connection's name lookup: resolves, drops the addresses the policy refuses, and hands
   * the rest to the socket. The check thus applies to the very address connected to.
   */
  private readonly lookup: LookupFunction = (hostname: string, options: LookupOptions, callback) => {
    this.resolveHost(hostname).then(
      (resolved) => {
        const family = options.family === 4 || options.family === 6 ? options.family : null;
        const candidates = family === null ? resolved : resolved.filter((entry) => entry.family === family);
        const allowed: LookupAddress[] = [];
        let refused: string | null = null;
        for (const entry of candidates) {
          const reason = this.refusal(entry.address, hostname);
          if (reason === null) allowed.push({ address: entry.address, family: entry.family });
          else refused ??= `${hostname} resolves to ${entry.address}, ${reason}`;
        }
        const first = allowed[0];
        if (first === undefined) {
          const error: NodeJS.ErrnoException =
            refused === null
              ? Object.assign(new Error(`could not resolve host ${hostname}`), { code: 'ENOTFOUND', hostname })
              : Object.assign(new Error(refused), { code: PRIVATE_ADDRESS_CODE });
          callback(error, []);
        } else if (options.all === true) callback(null, allowed);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), []),
    );
  };

  /** One request to one address: a final result, a redirect to follow, or a failure to retry. */
  private attempt(url: URL, requestedUrl: string, where: string, fetchRequest: FetchRequest): Promise<Attempt> {
    const fail = (code: DiagnosticCode, message: string): Attempt => ({ kind: 'done', result: makeDiagnostic('error', code, message, requestedUrl) });
    const hostname = bareHostname(url);
    const { signal } = fetchRequest;
    const cancelled = `${where}the request was cancelled`;
    if (signal?.aborted === true) return Promise.resolve(fail('network', cancelled));

    if (isIP(hostname) !== 0) {
      const reason = this.refusal(hostname, hostname);
      if (reason !== null) return Promise.resolve(fail('private-address', `${where}${hostname} is ${reason}; ${PRIVATE_HINT}`));
    }

    const { timeoutMs, maxBytes, maxDecompressionRatio } = this.settings;
    return new Promise<Attempt>((resolve) => {
      let settled = false;
      let responded = false;
      const streams: Readable[] = [];
      const settle = (outcome: Attempt, abort: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (abort) {
          for (const stream of streams) stream.destroy();
          request.destroy();
        }
        resolve(outcome);
      };

      const onError = (error: unknown): void => {
        if (settled) return;
        const code = errorCode(error);
        if (code !== undefined && RETRYABLE_ERRORS.has(code)) {
          const message = responded ? `${where}the connection was reset while the body was being read` : `${where}the connection to ${url.host} was reset`;
          settle({ kind: 'retry', diagnostic: makeDiagnostic('error', 'network', message, requestedUrl) }, true);
          return;
        }
        settle(this.failureFromError(error, url, where, requestedUrl), true);
      };

      const timer = setTimeout(() => {
        const message = responded ? `the response did not finish within ${formatDuration(timeoutMs)}` : `no answer within ${formatDuration(timeoutMs)}`;
        settle(fail('timeout', `${where}${message}`), true);
      }, timeoutMs);
      const onAbort = (): void => settle(fail('network', cancelled), true);
      signal?.addEventListener('abort', onAbort, { once: true });

      const conditional = typeof fetchRequest.etag === 'string' || typeof fetchRequest.lastModified === 'string';

      const options: http.RequestOptions = {
        protocol: url.protocol,
        hostname,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
        lookup: this.lookup,
        headers: {
          'user-agent': this.settings.userAgent,
          accept: ACCEPT_HEADER,
          'accept-encoding': 'gzip, deflate, br',
          ...(typeof fetchRequest.etag === 'string' ? { 'if-none-match': fetchRequest.etag } : {}),
          ...(typeof fetchRequest.lastModified === 'string' ? { 'if-modified-since': fetchRequest.lastModified } : {}),
        },
      };
      if (url.port !== '') options.port = Number(url.port);
      let request: http.ClientRequest;
      try {
        request = (url.protocol === 'https:' ? https : http).request(options, (response) => {
          responded = true;
          streams.push(response);
          response.on('error', onError);
          this.onResponse(response, url, requestedUrl, where, conditional, maxBytes, maxDecompressionRatio, streams, settle, onError);
        });
      } catch (error) {
        // Node refuses some requests outright (an invalid header value, say): still a diagnostic.
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(this.failureFromError(error, url, where, requestedUrl));
        return;
      }
      request.on('error', onError);
      request.end();
    });
  }

  /** Decides on a response by its head, then reads its body within the limits. */
  private onResponse(
    response: http.IncomingMessage,
    url: URL,
    requestedUrl: string,
    where: string,
    conditional: boolean,
    maxBytes: number,
    maxRatio: number,
    streams: Readable[],
    settle: (outcome: Attempt, abort: boolean) => void,
    onError: (error: unknown) => void,
  ): void {
    const fail = (code: DiagnosticCode, message: string): void =>
      settle({ kind: 'done', result: makeDiagnostic('error', code, `${where}${message}`, requestedUrl) }, true);
    const status = response.statusCode ?? 0;
    if (status === 304 && conditional) {
      const etag = headerValue(response.headers.etag);
      const lastModified = headerValue(response.headers['last-modified']);
      const notModified: NotModified = {
        notModified: true,
        requestedUrl,
        url: redactUrl(url.href),
        ...(etag === undefined ? {} : { etag }),
        ...(lastModified === undefined ? {} : { lastModified }),
      };
      settle({ kind: 'done', result: notModified }, true);
      return;
    }
    const location = headerValue(response.headers.location);
    if (REDIRECT_STATUSES.has(status) && location !== undefined) {
      settle({ kind: 'redirect', location }, true);
      return;
    }
    if (status < 200 || status > 299) {
      const diagnostic = makeDiagnostic('error', 'http-status', `${where}the server answered ${describeStatus(status)}`, requestedUrl);
      if (RETRYABLE_STATUSES.has(status)) {
        const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']), this.now());
        settle(retryAfterMs === undefined ? { kind: 'retry', diagnostic } : { kind: 'retry', diagnostic, retryAfterMs }, true);
      } else {
        settle({ kind: 'done', result: diagnostic }, true);
      }
      return;
    }

    const contentTypeHeader = headerValue(response.headers['content-type']) ?? '';
    const essence = parseContentType(contentTypeHeader).essence;
    if (contentTypeHeader.trim() !== '' && !ACCEPTED_CONTENT_TYPES.has(essence)) {
      const named = essence === '' ? `an unknown type ("${contentTypeHeader.slice(0, 60)}")` : essence;
      fail('unsupported-type', `the server sent ${named}, not a web page, text or feed`);
      return;
    }
    const announced = Number(headerValue(response.headers['content-length']) ?? NaN);
    if (Number.isFinite(announced) && announced > maxBytes) {
      fail('too-large', `the server announced ${formatBytes(announced)}, over the ${formatBytes(maxBytes)} limit`);
      return;
    }

    const encoding = (headerValue(response.headers['content-encoding']) ?? '').trim().toLowerCase();
    if (encoding !== '' && encoding !== 'identity' && !['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) {
      fail('unsupported-type', `the body is compressed as "${encoding.slice(0, 40)}", which is not supported`);
      return;
    }
    const compressed = encoding !== '' && encoding !== 'identity';
    let decompressor: Transform | null = null;
    let compressedBytes = 0;
    let size = 0;
    const chunks: Buffer[] = [];

    const onOutput = (chunk: Buffer): void => {
      size += chunk.length;
      if (compressed) {
        if (size > maxBytes) {
          fail('decompression-limit', `the compressed body expanded past the ${formatBytes(maxBytes)} limit`);
          return;
        }
        if (size > RATIO_FLOOR_BYTES && size > maxRatio * compressedBytes) {
          fail(
            'decompression-limit',
            `the compressed body expanded more than ${maxRatio} times (${formatBytes(compressedBytes)} to over ${formatBytes(size)}); stopped as a likely decompression bomb`,
          );
          return;
        }
      } else if (size > maxBytes) {
        fail('too-large', `the body is over the ${formatBytes(maxBytes)} limit`);
        return;
      }
      chunks.push(chunk);
    };

    const onEnd = (): void => {
      const bytes = Buffer.concat(chunks, size);
      settle({ kind: 'done', result: this.resource(bytes, response, status, url, requestedUrl, where, contentTypeHeader, essence) }, false);
    };

    // Deflate is sent both zlib-wrapped (as the standard says) and raw (as some servers do);
    // the first two bytes tell which, so the decompressor is made on the first chunk.
    const makeDecompressor = (first: Buffer): Transform => {
      if (encoding === 'br') return createBrotliDecompress();
      if (encoding === 'deflate') {
        const header = ((first[0] ?? 0) << 8) | (first[1] ?? 0);
        return ((first[0] ?? 0) & 0x0f) === 8 && header % 31 === 0 ? createInflate() : createInflateRaw();
      }
      return createGunzip();
    };

    response.on('data', (chunk: Buffer) => {
      compressedBytes += chunk.length;
      if (!compressed) {
        onOutput(chunk);
        return;
      }
      if (compressedBytes > maxBytes) {
        fail('too-large', `the compressed body is over the ${formatBytes(maxBytes)} limit`);
        return;
      }
      if (decompressor === null) {
        const created = makeDecompressor(chunk);
        decompressor = created;
        streams.push(created);
        created.on('data', onOutput);
        created.on('end', onEnd);
        created.on('error', (error: Error) => fail('unreadable', `the compressed body is corrupt (${error.message})`));
      }
      // Respect the decompressor's pace, so compressed input cannot pile up in memory.
      if (!decompressor.write(chunk)) {
        response.pause();
        decompressor.once('drain', () => response.resume());
      }
    });
    response.on('end', () => {
      if (!compressed) onEnd();
      else if (decompressor === null) onEnd();
      else decompressor.end();
    });
    response.on('close', () => {
      if (!response.complete) onError(Object.assign(new Error('the connection closed early'), { code: 'ECONNRESET' }));
    });
  }

  /** Decodes a complete body into a resource, or says why it cannot be read as text. */
  private resource(
    bytes: Buffer,
    response: http.IncomingMessage,
    status: number,
    url: URL,
    requestedUrl: string,
    where: string,
    contentTypeHeader: string,
    essence: string,
  ): FetchedResource | Diagnostic {
    if (bytes.length === 0) return makeDiagnostic('error', 'empty', `${where}the server sent an empty body`, requestedUrl);
    const decoded = decodeBytes(bytes, requestedUrl, contentTypeHeader === '' ? {} : { contentType: contentTypeHeader });
    if (!decoded.ok) {
      const served = essence === '' ? 'the body' : `the body, served as ${essence},`;
      const message = decoded.code === 'binary' ? `${served} ${decoded.reason}` : 'the server sent only white space';
      return makeDiagnostic('error', decoded.code, `${where}${message}`, requestedUrl);
    }
    const etag = headerValue(response.headers.etag);
    const lastModified = headerValue(response.headers['last-modified']);
    return {
      requestedUrl,
      url: redactUrl(url.href),
      status,
      contentType: essence === '' ? sniffContentType(decoded.text) : essence,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      text: decoded.text,
      encoding: decoded.encoding,
      diagnostics: decoded.diagnostics,
      ...(etag === undefined ? {} : { etag }),
      ...(lastModified === undefined ? {} : { lastModified }),
    };
  }

  /** Turns a connection error into an attempt's outcome, naming the cause in plain words. */
  private failureFromError(error: unknown, url: URL, where: string, requestedUrl: string): Attempt {
    const fail = (code: DiagnosticCode, message: string): Attempt => ({
      kind: 'done',
      result: makeDiagnostic('error', code, `${where}${message}`, requestedUrl),
    });
    const code = errorCode(error) ?? '';
    const host = bareHostname(url);
    if (code === PRIVATE_ADDRESS_CODE) return fail('private-address', `${(error as Error).message}; ${PRIVATE_HINT}`);
    if (code === 'ETIMEDOUT') return fail('timeout', `the connection to ${url.host} timed out`);
    switch (code) {
      case 'ENOTFOUND':
      case 'EAI_NONAME':
      case 'EAI_NODATA':
        return fail('network', `could not resolve host ${host}`);
      case 'EAI_AGAIN':
        return fail('network', `could not resolve host ${host} (the name server did not answer)`);
      case 'ECONNREFUSED':
        return fail('network', `connection refused by ${url.host}`);
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
      case 'EHOSTDOWN':
      case 'ENETDOWN':
        return fail('network', `${host} cannot be reached (no route to the host)`);
      default:
        break;
    }
    const tls = describeTlsError(code);
    if (tls !== null) return fail('network', `secure connection to ${host} failed: ${tls}`);
    if (code.startsWith('HPE_')) return fail('network', `${url.host} sent a malformed HTTP response`);
    return fail('network', code === '' ? `could not fetch from ${url.host}` : `could not fetch from ${url.host} (${code})`);
  }
}

const PRIVATE_HINT = 'private networks are not fetched unless --allow-private-network is given';

/**
 * Turns a fetched page into the {@link Fetched} record the pipeline reads: the source is the
 * address the user gave, `url` the final one, and the hash covers the body's bytes.
 */
export function fetchedFromResource(resource: FetchedResource): Fetched {
  const mediaType: MediaType =
    resource.contentType === 'text/html' || resource.contentType === 'application/xhtml+xml'
      ? 'text/html'
      : resource.contentType === 'text/plain'
        ? 'text/plain'
        : detectMediaType(resource.text);
  return {
    source: resource.requestedUrl,
    contentHash: hashContent(resource.bytes),
    byteLength: resource.bytes.length,
    encoding: resource.encoding,
    mediaType,
    text: resource.text,
    diagnostics: resource.diagnostics,
    url: resource.url,
  };
}
