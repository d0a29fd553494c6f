import type { Diagnostic } from '../core/diagnostic.js';
import type { Fetched } from '../core/records.js';
import { DEFAULT_MAX_FEED_ITEMS, readFeedItems } from '../ingest/feed-items.js';
import { detectFeedKind, parseFeed, parseOpml, type Subscription } from '../ingest/feeds.js';
import { Fetcher, fetchedFromResource, isFetchableUrl, sleep, type FetchedResource, type FetchFailure, type FetchOptions, type NotModified } from '../ingest/fetch.js';
import { readInputs } from '../ingest/files.js';
import type { FeedState, Store } from '../store/store.js';
import { ingestFetched, type IngestReport } from './ingest.js';

/**
 * Following feeds: {@link watchFeeds} adds the feeds it is given to those the archive follows,
 * then polls them all, for as long as it is let run, and stores what is new in them.
 *
 * Feeds and their polling state (validators, failures, next poll time) live in the store, so a
 * stopped watch resumes where it left off. A poll is a conditional request; an unchanged feed
 * costs one 304. A changed feed is parsed, its items already read are skipped without a request,
 * and the rest are read (the item itself when it carries the whole article, else its link) and
 * stored. Items are known by their address: by the archive (an article fetched from, or
 * declaring as canonical, that address) and, within one run, by the addresses already read, which
 * covers links that redirect and items that held no article. GUIDs are not used: the store keeps
 * none, and feeds reuse them carelessly; two items with one GUID but different content are two
 * articles (the archive keys articles by their bytes).
 *
 * Politeness: one request at a time to a host, with `hostDelayMs` between them, across feed and
 * item fetches alike (the one Fetcher of a watch paces them). A failed poll backs off
 * exponentially, and honours a Retry-After longer than the Fetcher would wait.
 */

/** Default time between polls of a feed. */
export const DEFAULT_POLL_INTERVAL_MS = 15 * 60_000;
/** Default pause between two requests to one host. */
export const DEFAULT_HOST_DELAY_MS = 1000;
/** The longest wait after failures (or asked for by Retry-After), unless the interval is longer. */
export const DEFAULT_MAX_BACKOFF_MS = 24 * 60 * 60_000;
/** Feeds polled at once by default; requests to one host are still one at a time. */
const DEFAULT_CONCURRENCY = 4;
/** How many item addresses a run remembers as read; the oldest are forgotten first. */
const REMEMBERED_LINKS = 100_000;

/** Options of {@link watchFeeds}: network limits and test hooks (`now`, `sleep`, `resolveHost`, …) included. */
export interface WatchOptions extends FetchOptions {
  /**
   * Feeds to follow from now on, before polling: feed URLs, OPML lists' URLs, or OPML files
   * (whose listed feeds are followed). See {@link FollowOutcome}.
   */
  readonly follow?: readonly string[];
  /** Time between successful polls of a feed. Default 15 minutes. */
  readonly everyMs?: number;
  /** The least time between two requests to one host (a watch makes one at a time to each: `perHostConcurrency` is 1). Default 1 s. */
  readonly hostDelayMs?: number;
  /** The longest wait before polling a failing feed again. Default 24 hours (or the interval, if longer). */
  readonly maxBackoffMs?: number;
  /** At most this many items of each feed are considered, the first listed. Default 50. */
  readonly maxFeedItems?: number;
  /** Feeds polled at once. Default 4. */
  readonly concurrency?: number;
  /** Poll every due feed once, then return (for cron and tests). */
  readonly once?: boolean;
  /** Stops the watch: no new request starts, the poll in progress is abandoned unrecorded, and the watch returns. */
  readonly signal?: AbortSignal;
  /** Random numbers in [0, 1), for the backoff's jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** Called after each input of `follow` is followed (or could not be). */
  readonly onFollow?: (outcome: FollowOutcome) => void;
  /** Called after each poll. */
  readonly onPoll?: (poll: FeedPoll) => void;
}

/**
 * What became of one input of {@link WatchOptions.follow}. A new feed URL is fetched once to
 * check that it is a feed, and that response is its first poll; a feed already followed is left
 * as it is. An input that is not a feed or a list, or cannot be read, has an error, and is not
 * followed; the other inputs still are.
 */
export interface FollowOutcome {
  readonly input: string;
  /** Feeds newly followed: the input itself, or the feeds an OPML list names. */
  readonly added: readonly string[];
  /** Feeds it names that were already followed. */
  readonly known: readonly string[];
  /** Why nothing could be followed from it; null when it could. */
  readonly error: string | null;
}

/** One poll of one feed, as {@link WatchOptions.onPoll} reports it. */
export interface FeedPoll {
  readonly feed: string;
  readonly title: string | null;
  readonly at: string;
  /** `read`: the feed had changed and was read; `not-modified`: the server said it had not (304); `failed`: see `error`. */
  readonly outcome: 'read' | 'not-modified' | 'failed';
  /** Articles stored. */
  readonly added: number;
  /** Items whose bytes were already stored. */
  readonly duplicates: number;
  /** Items that could not be read or held no article, with the reason. */
  readonly failed: ReadonlyArray<{ readonly input: string; readonly reason: string }>;
  /** Items skipped without a request, because they were read before. */
  readonly skipped: number;
  readonly storiesCreated: number;
  readonly storiesUpdated: number;
  /** Why the poll failed, when it did. */
  readonly error: string | null;
  /** Failed polls in a row, this one included (0 after a success). */
  readonly failures: number;
  readonly nextPollAt: string;
}

/** What a watch did, once it returns. */
export interface WatchReport {
  readonly follows: readonly FollowOutcome[];
  /** Feeds followed when polling began; 0 means there was nothing to watch, and the watch returned at once. */
  readonly feeds: number;
  readonly polls: number;
  readonly failedPolls: number;
}


/**
 * How long to wait before polling a feed again, given its failed polls in a row (0 after a
 * success): the interval after a success; after failures, the interval doubled per failure
 * with ±10 % jitter (so feeds that failed together, in an outage, do not retry together), but
 * at least what a Retry-After asked for, and at most `maxBackoffMs` (or the interval, if longer).
 */
export function nextPollDelay(failures: number, options: { readonly everyMs: number; readonly maxBackoffMs: number; readonly random: () => number; readonly retryAfterMs?: number }): number {
  const { everyMs, random, retryAfterMs } = options;
  if (failures === 0) return everyMs;
  const cap = Math.max(options.maxBackoffMs, everyMs);
  const backoff = Math.min(cap, everyMs * 2 ** failures * (0.9 + 0.2 * random()));
  return Math.round(Math.max(backoff, Math.min(retryAfterMs ?? 0, cap)));
}

/** Settings with their defaults filled in, shared by one follow-and-watch. */
interface Watcher {
  readonly store: Store;
  readonly fetcher: Fetcher;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly everyMs: number;
  readonly maxBackoffMs: number;
  readonly maxFeedItems: number;
  readonly random: () => number;
  readonly signal: AbortSignal | undefined;
  /** The size limit for OPML files read from disk. */
  readonly fileLimits: { readonly maxBytes?: number };
  /** Item addresses read in this run (see the module comment). */
  readonly readLinks: Set<string>;
  /** Runs ingests one after another: grouping into stories reads and rewrites the whole archive's grouping. */
  readonly inTurn: <T>(work: () => Promise<T>) => Promise<T>;
  readonly onFollow: (outcome: FollowOutcome) => void;
  readonly onPoll: (poll: FeedPoll) => void;
  /** Polls made so far, and how many failed. */
  readonly tally: { polls: number; failedPolls: number };
}

function makeWatcher(store: Store, options: WatchOptions): Watcher {
  const positive = (value: number | undefined, fallback: number, name: string): number => {
    const result = value ?? fallback;
    if (!Number.isFinite(result) || result <= 0) throw new TypeError(`${name} must be a positive number`);
    return result;
  };
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    store,
    // Every request of a watch goes through this one Fetcher, which keeps each host to one
    // request at a time with a pause between: the politeness holds across feeds and items.
    fetcher: new Fetcher({ ...options, now, sleep: wait, perHostConcurrency: 1, hostDelayMs: options.hostDelayMs ?? DEFAULT_HOST_DELAY_MS }),
    now,
    sleep: wait,
    everyMs: positive(options.everyMs, DEFAULT_POLL_INTERVAL_MS, 'everyMs'),
    maxBackoffMs: positive(options.maxBackoffMs, DEFAULT_MAX_BACKOFF_MS, 'maxBackoffMs'),
    maxFeedItems: Math.floor(positive(options.maxFeedItems, DEFAULT_MAX_FEED_ITEMS, 'maxFeedItems')),
    random: options.random ?? Math.random,
    signal: options.signal,
    fileLimits: options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
    readLinks: new Set(),
    inTurn: <T>(work: () => Promise<T>): Promise<T> => {
      const result = queue.then(work);
      queue = result.catch(() => undefined);
      return result;
    },
    onFollow: options.onFollow ?? (() => {}),
    onPoll: options.onPoll ?? (() => {}),
    tally: { polls: 0, failedPolls: 0 },
  };
}

const isoTime = (ms: number): string => new Date(ms).toISOString();

/** A feed's address as the archive keeps it (normalised, so one feed is not followed twice under two spellings). */
export function feedAddress(input: string): string {
  try {
    return new URL(input.trim()).href;
  } catch {
    return input;
  }
}

/** Follows each input (see {@link FollowOutcome}). */
async function follow(watcher: Watcher, inputs: readonly string[]): Promise<FollowOutcome[]> {
  const outcomes: FollowOutcome[] = [];
  for (const input of inputs) {
    if (watcher.signal?.aborted === true) break;
    const { outcome, firstPoll } = isFetchableUrl(input) ? await followUrl(watcher, feedAddress(input)) : { outcome: await followFile(watcher, input) };
    outcomes.push(outcome);
    watcher.onFollow(outcome);
    if (firstPoll !== undefined) await answerPoll(watcher, firstPoll.feed, firstPoll.response);
  }
  return outcomes;
}

/** Follows the feeds of a subscription list. */
async function followList(watcher: Watcher, input: string, list: readonly Subscription[]): Promise<FollowOutcome> {
  const added: string[] = [];
  const known: string[] = [];
  for (const { url, title } of list) {
    const isNew = await watcher.store.addFeed(url, { at: isoTime(watcher.now()), ...(title === null ? {} : { title }) });
    (isNew ? added : known).push(url);
  }
  return { input, added, known, error: list.length === 0 ? 'the list names no feeds' : null };
}

async function followFile(watcher: Watcher, path: string): Promise<FollowOutcome> {
  const failed = (error: string): FollowOutcome => ({ input: path, added: [], known: [], error });
  const read = await readInputs([path], watcher.fileLimits);
  const file = read.fetched[0];
  if (file === undefined) return failed(read.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message ?? 'could not be read');
  if (file.source !== path) return failed('is a directory; name an OPML file or a feed URL');
  if (detectFeedKind(file.text, null) !== 'opml') return failed('is not an OPML subscription list (feeds are followed by their URL)');
  const list = parseOpml(file.text, path);
  return list.ok ? followList(watcher, path, list.value) : failed(list.diagnostics[0]?.message ?? 'is not a valid OPML list');
}

/** Follows a URL; a new feed comes with the response that is its first poll. */
async function followUrl(watcher: Watcher, url: string): Promise<{ outcome: FollowOutcome; firstPoll?: { feed: FeedState; response: FetchedResource } }> {
  const failed = (error: string) => ({ outcome: { input: url, added: [], known: [], error } });
  if ((await watcher.store.getFeed(url)) !== null) return { outcome: { input: url, added: [], known: [url], error: null } };
  const response = await watcher.fetcher.fetch(url, { signal: watcher.signal });
  if ('severity' in response) return failed(response.message);
  const kind = detectFeedKind(response.text, response.contentType);
  if (kind === 'opml') {
    const list = parseOpml(response.text, response.url);
    return list.ok ? { outcome: await followList(watcher, url, list.value) } : failed(list.diagnostics[0]?.message ?? 'is not a valid OPML list');
  }
  if (kind === null) return failed(notAFeed(response));
  await watcher.store.addFeed(url, { at: isoTime(watcher.now()) });
  const feed = await watcher.store.getFeed(url);
  const outcome = { input: url, added: [url], known: [], error: null };
  return feed === null ? { outcome } : { outcome, firstPoll: { feed, response } };
}

function notAFeed(response: FetchedResource): string {
  const what = response.contentType === '' ? 'a document' : response.contentType === 'text/html' ? 'a web page' : response.contentType;
  return `is not a feed: the server sent ${what}`;
}

/**
 * Follows `follow`'s inputs, then polls the followed feeds until stopped (or, with `once`, every
 * due feed once). Network failures are recorded on their feed and the watch goes on; a store
 * that fails (full disk, corrupt file) ends it with the store's error.
 */
export async function watchFeeds(store: Store, options: WatchOptions = {}): Promise<WatchReport> {
  const watcher = makeWatcher(store, options);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  try {
    const follows = await follow(watcher, options.follow ?? []);
    const feeds = (await store.statistics()).feeds;
    if (feeds > 0) await pollUntilStopped(watcher, concurrency, options.once === true);
    return { follows, feeds, ...watcher.tally };
  } finally {
    watcher.fetcher.close();
  }
}

/** The polling loop: the due feeds, a few at a time, then a sleep until the next is due. */
async function pollUntilStopped(watcher: Watcher, concurrency: number, once: boolean): Promise<void> {
  const { store } = watcher;
  while (watcher.signal?.aborted !== true) {
      const due = await store.listFeeds({ dueBy: isoTime(watcher.now()) });
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < due.length && watcher.signal?.aborted !== true) await pollFeed(watcher, due[next++]!);
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
      if (once) break;
      const [soonest] = await store.listFeeds({ limit: 1 });
      // Wake for the soonest feed, but at least once an interval, to see feeds added meanwhile.
      const wait = soonest === undefined ? watcher.everyMs : Math.min(watcher.everyMs, Date.parse(soonest.nextPollAt) - watcher.now());
      if (wait > 0) await watcher.sleep(wait, watcher.signal);
    }
}

/** Polls one feed with a conditional request; null when the watch was stopped meanwhile. */
async function pollFeed(watcher: Watcher, feed: FeedState): Promise<FeedPoll | null> {
  const response = await watcher.fetcher.fetch(feed.url, { etag: feed.etag, lastModified: feed.lastModified, signal: watcher.signal });
  return answerPoll(watcher, feed, response);
}

/**
 * Handles the answer to a poll and records the outcome on the feed. A stopped watch records
 * nothing: the feed stays due, and the next run polls it again (what was stored meanwhile is
 * skipped then). An unexpected error is recorded as the poll's failure, so one bad feed cannot
 * stop the watch; if the store itself is failing, recording fails too and ends the watch.
 */
async function answerPoll(watcher: Watcher, feed: FeedState, response: FetchedResource | NotModified | FetchFailure): Promise<FeedPoll | null> {
  let poll: FeedPoll | null;
  try {
    poll = await readPoll(watcher, feed, response);
  } catch (error) {
    poll = await recordFailure(watcher, feed, `could not be polled (${error instanceof Error ? error.message : String(error)})`);
  }
  if (poll !== null) {
    watcher.tally.polls++;
    if (poll.outcome === 'failed') watcher.tally.failedPolls++;
    watcher.onPoll(poll);
  }
  return poll;
}

async function readPoll(watcher: Watcher, feed: FeedState, response: FetchedResource | NotModified | FetchFailure): Promise<FeedPoll | null> {
  if (watcher.signal?.aborted === true) return null;
  if ('notModified' in response) {
    return recordSuccess(watcher, feed, { etag: response.etag, lastModified: response.lastModified, title: feed.title }, null);
  }
  if ('severity' in response) return recordFailure(watcher, feed, response.message, response.retryAfterMs);
  const kind = detectFeedKind(response.text, response.contentType);
  if (kind === null) return recordFailure(watcher, feed, notAFeed(response));
  if (kind === 'opml') return recordFailure(watcher, feed, 'is an OPML subscription list, not a feed; follow the list to follow its feeds');
  const parsed = parseFeed(response.text, response.url);
  if (!parsed.ok) return recordFailure(watcher, feed, parsed.diagnostics[0]?.message ?? 'is not a valid feed');

  const { readLinks, store, signal } = watcher;
  const read = await readFeedItems(parsed.value, feed.url, {
    maxItems: watcher.maxFeedItems,
    wanted: async (item) => item.url === null || (!readLinks.has(item.url) && (await store.findArticleByUrl(item.url)) === null),
    fetchPage: async (url): Promise<Fetched | Diagnostic> => {
      const page = await watcher.fetcher.fetch(url, { signal });
      return 'severity' in page ? page : fetchedFromResource(page);
    },
  });
  if (signal?.aborted === true) return null;
  for (const page of read.pages) remember(readLinks, page.source);
  const report = await watcher.inTurn(() => ingestFetched(store, read.pages, read.diagnostics, { run: `watch ${feed.url} ${isoTime(watcher.now())}` }));
  const validators = { etag: response.etag ?? null, lastModified: response.lastModified ?? null, title: parsed.value.title ?? feed.title };
  return recordSuccess(watcher, feed, validators, { report, skipped: read.skipped });
}

/** Adds an address to the run's memory of items read, forgetting the oldest beyond the limit. */
function remember(links: Set<string>, url: string): void {
  links.delete(url);
  links.add(url);
  if (links.size > REMEMBERED_LINKS) links.delete(links.values().next().value!);
}

async function recordSuccess(
  watcher: Watcher,
  feed: FeedState,
  state: { readonly etag: string | null | undefined; readonly lastModified: string | null | undefined; readonly title: string | null },
  read: { readonly report: IngestReport; readonly skipped: number } | null,
): Promise<FeedPoll> {
  const at = watcher.now();
  const nextPollAt = isoTime(at + nextPollDelay(0, watcher));
  // Validators left undefined (a 304 that did not repeat them) keep the stored ones.
  await watcher.store.recordFeedPoll(feed.url, {
    ok: true,
    at: isoTime(at),
    nextPollAt,
    title: state.title,
    ...(state.etag === undefined ? {} : { etag: state.etag }),
    ...(state.lastModified === undefined ? {} : { lastModified: state.lastModified }),
  });
  const report = read?.report;
  return {
    feed: feed.url,
    title: state.title,
    at: isoTime(at),
    outcome: read === null ? 'not-modified' : 'read',
    added: report?.added ?? 0,
    duplicates: report?.duplicates ?? 0,
    failed: report?.failed ?? [],
    skipped: read?.skipped ?? 0,
    storiesCreated: report?.storiesCreated ?? 0,
    storiesUpdated: report?.storiesUpdated ?? 0,
    error: null,
    failures: 0,
    nextPollAt,
  };
}

async function recordFailure(watcher: Watcher, feed: FeedState, error: string, retryAfterMs?: number): Promise<FeedPoll> {
  const at = watcher.now();
  const failures = feed.failures + 1;
  const nextPollAt = isoTime(at + nextPollDelay(failures, { ...watcher, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }));
  await watcher.store.recordFeedPoll(feed.url, { ok: false, at: isoTime(at), nextPollAt, error });
  return {
    feed: feed.url,
    title: feed.title,
    at: isoTime(at),
    outcome: 'failed',
    added: 0,
    duplicates: 0,
    failed: [],
    skipped: 0,
    storiesCreated: 0,
    storiesUpdated: 0,
    error,
    failures,
    nextPollAt,
  };
}
