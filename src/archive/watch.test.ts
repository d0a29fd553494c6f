import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { DEFAULT_POLL_INTERVAL_MS, nextPollDelay, watchFeeds, type FeedPoll, type FollowOutcome, type WatchOptions } from './watch.js';
import { TestServer, type Handler } from '../../test/helpers/test-server.js';

/**
 * The watch against a local server (127.0.0.1, allowed explicitly) with a fake clock: `sleep`
 * moves the clock on instead of waiting, so nothing here depends on real time.
 */


/** Fictional articles, long enough to be read as articles. */
function paragraphs(topic: string, count = 4): string {
  return Array.from(
    { length: count },
    (_, index) =>
      `<p>${topic}, part ${index + 1}: the harbour board of Quellmouth said on Tuesday that the work would continue through the spring, and that the ferry timetable would not change before May.</p>`,
  ).join('\n');
}

function articlePage(title: string): string {
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>\n${paragraphs(title)}\n</article></body></html>`;
}

interface Item {
  readonly title: string;
  readonly link: string;
  readonly guid?: string;
  /** Full content; without it the item is a teaser and its link is fetched. */
  readonly content?: string;
}

function rss(title: string, items: readonly Item[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${item.title}</title><link>${item.link}</link>${item.guid === undefined ? '' : `<guid isPermaLink="false">${item.guid}</guid>`}
<pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>${item.content === undefined ? '<description>A short teaser.</description>' : `<content:encoded><![CDATA[${item.content}]]></content:encoded>`}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>http://quellmouth.example/</link>
${entries}
</channel></rss>`;
}


/** Serves a body with a type, and an ETag that turns a matching If-None-Match into 304. */
function withEtag(etag: string, type: string, body: () => string): Handler {
  return (request, response) => {
    if (request.headers['if-none-match'] === etag) response.writeHead(304, { etag }).end();
    else response.writeHead(200, { 'content-type': type, etag }).end(body());
  };
}

const send =
  (type: string, body: string, status = 200): Handler =>
  (_request, response) =>
    response.writeHead(status, { 'content-type': type }).end(body);

const START = Date.parse('2030-01-07T06:00:00.000Z');
const HOUR = 3_600_000;

describe('watchFeeds', () => {
  const server = new TestServer();
  let directory = '';
  let store: Store;
  let clock = START;
  let polls: FeedPoll[] = [];
  let follows: FollowOutcome[] = [];

  /** Watch options for the test server: private network allowed, fake clock, no host delay unless asked. */
  const options = (extra: WatchOptions = {}): WatchOptions => ({
    allowPrivateNetwork: true,
    retries: 0,
    timeoutMs: 5000,
    hostDelayMs: 0,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    random: () => 0.5,
    onPoll: (poll) => polls.push(poll),
    onFollow: (outcome) => follows.push(outcome),
    ...extra,
  });

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-watch-'));
    await server.start();
  });
  after(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    server.reset();
    clock = START;
    polls = [];
    follows = [];
    store = await openSqliteStore(':memory:');
  });
  afterEach(async () => store.close());

  /** The news feed: one item with its full content, one teaser whose page exists, one whose page is gone. */
  const newsItems = (): Item[] => [
    { title: 'Breakwater repairs begin', link: server.url('/articles/breakwater'), guid: 'q-1', content: paragraphs('Breakwater repairs begin') },
    { title: 'Ferry timetable kept', link: server.url('/articles/ferry'), guid: 'q-2' },
    { title: 'Lighthouse keeper retires', link: server.url('/articles/gone'), guid: 'q-3' },
  ];
  const serveNews = (items: Item[], etag = '"news-1"'): void => {
    server
      .route('/news.xml', withEtag(etag, 'application/rss+xml', () => rss('Quellmouth Gazette', items)))
      .route('/articles/ferry', send('text/html; charset=utf-8', articlePage('Ferry timetable kept')));
  };

  test('the first poll stores the items; a failing item page is logged and the rest stored; the second poll is a 304 and refetches nothing', async () => {
    serveNews(newsItems());
    const first = await watchFeeds(store, options({ follow: [server.url('/news.xml')], once: true }));
    assert.deepEqual(first.follows, [{ input: server.url('/news.xml'), added: [server.url('/news.xml')], known: [], error: null }]);
    assert.equal(first.polls, 1, 'following a new feed is its first poll; it is not due again in the same run');
    const [poll] = polls;
    assert.equal(poll?.outcome, 'read');
    assert.equal(poll?.added, 2);
    assert.deepEqual(poll?.failed, [{ input: server.url('/articles/gone'), reason: 'the server answered 404 Not Found' }]);
    assert.equal(poll?.nextPollAt, new Date(START + DEFAULT_POLL_INTERVAL_MS).toISOString());
    assert.ok((await store.findArticleByUrl(server.url('/articles/breakwater'))) !== null, 'full content is stored as is');
    assert.equal(server.hits.get('/articles/breakwater'), undefined, 'an item with its full content is not fetched');
    assert.equal(server.hits.get('/articles/ferry'), 1);
    const log = await store.listIngestLog();
    assert.ok(log.some((entry) => entry.outcome === 'failed' && entry.source === server.url('/articles/gone')));
    const feed = await store.getFeed(server.url('/news.xml'));
    assert.equal(feed?.etag, '"news-1"');
    assert.equal(feed?.title, 'Quellmouth Gazette');
    assert.equal(feed?.failures, 0);

    clock = START + DEFAULT_POLL_INTERVAL_MS;
    polls = [];
    const second = await watchFeeds(store, options({ once: true }));
    assert.equal(second.polls, 1);
    assert.equal(server.validators.get('/news.xml'), '"news-1"', 'the stored ETag is sent as If-None-Match');
    assert.equal(polls[0]?.outcome, 'not-modified');
    assert.equal(server.hits.get('/articles/ferry'), 1, 'nothing is refetched');
    assert.equal((await store.getFeed(server.url('/news.xml')))?.etag, '"news-1"', 'a 304 keeps the validators');
    assert.equal((await store.statistics()).articles, 2);
  });

  test('a changed feed: items already stored are skipped without a request, new ones are read', async () => {
    serveNews(newsItems());
    await watchFeeds(store, options({ follow: [server.url('/news.xml')], once: true }));
    const items = [{ title: 'Harbour crane delivered', link: server.url('/articles/crane'), guid: 'q-4' }, ...newsItems()];
    serveNews(items, '"news-2"');
    server.route('/articles/crane', send('text/html', articlePage('Harbour crane delivered')));
    clock += DEFAULT_POLL_INTERVAL_MS;
    polls = [];
    await watchFeeds(store, options({ once: true }));
    const [poll] = polls;
    assert.equal(poll?.outcome, 'read');
    assert.equal(poll?.added, 1);
    assert.equal(poll?.skipped, 2, 'the full-content item and the stored page');
    assert.equal(server.hits.get('/articles/ferry'), 1, 'a stored page is not fetched again');
    assert.equal(server.hits.get('/articles/gone'), 2, 'a page that failed is tried again');
    assert.equal((await store.getFeed(server.url('/news.xml')))?.etag, '"news-2"');
  });

  test('a feed that answers with a web page fails, backs off further with each failure, and the other feeds are still polled', async () => {
    serveNews(newsItems());
    server.route('/moved.xml', send('text/html; charset=utf-8', articlePage('Our new website')));
    await store.addFeed(server.url('/moved.xml'), { at: new Date(START).toISOString() });
    await store.addFeed(server.url('/news.xml'), { at: new Date(START).toISOString() });
    await watchFeeds(store, options({ once: true }));
    const failed = polls.find((poll) => poll.feed === server.url('/moved.xml'));
    assert.equal(failed?.outcome, 'failed');
    assert.equal(failed?.error, 'is not a feed: the server sent a web page');
    assert.equal(polls.find((poll) => poll.feed === server.url('/news.xml'))?.added, 2, 'the other feed is read');
    let feed = await store.getFeed(server.url('/moved.xml'));
    assert.equal(feed?.failures, 1);
    assert.equal(feed?.lastError, 'is not a feed: the server sent a web page');
    assert.equal(Date.parse(feed!.nextPollAt) - START, 2 * DEFAULT_POLL_INTERVAL_MS, 'the interval doubled (jitter at its midpoint)');

    clock = Date.parse(feed!.nextPollAt);
    await watchFeeds(store, options({ once: true }));
    feed = await store.getFeed(server.url('/moved.xml'));
    assert.equal(feed?.failures, 2);
    assert.equal(Date.parse(feed!.nextPollAt) - clock, 4 * DEFAULT_POLL_INTERVAL_MS);
    assert.equal(server.hits.get('/moved.xml'), 2, 'not polled before its backed-off time');
  });

  test('a Retry-After longer than the backoff is honoured', async () => {
    server.route('/busy.xml', (_request, response) => response.writeHead(503, { 'retry-after': String(6 * 3600) }).end());
    await store.addFeed(server.url('/busy.xml'), { at: new Date(START).toISOString() });
    await watchFeeds(store, options({ once: true }));
    const feed = await store.getFeed(server.url('/busy.xml'));
    assert.equal(feed?.failures, 1);
    assert.match(feed?.lastError ?? '', /503 Service Unavailable/);
    assert.equal(Date.parse(feed!.nextPollAt) - START, 6 * HOUR);
  });

  test('two items with one GUID but different content are two articles', async () => {
    server.route(
      '/reused-guids.xml',
      send(
        'application/rss+xml',
        rss('Quellmouth Evening', [
          { title: 'Storm closes the pier', link: server.url('/evening/pier'), guid: 'same-guid', content: paragraphs('Storm closes the pier') },
          { title: 'Pier reopens after storm', link: server.url('/evening/pier-reopens'), guid: 'same-guid', content: paragraphs('Pier reopens after storm') },
        ]),
      ),
    );
    await watchFeeds(store, options({ follow: [server.url('/reused-guids.xml')], once: true }));
    assert.equal(polls[0]?.added, 2);
    const first = await store.findArticleByUrl(server.url('/evening/pier'));
    const second = await store.findArticleByUrl(server.url('/evening/pier-reopens'));
    assert.ok(first !== null && second !== null && first.contentHash !== second.contentHash);
  });

  test('following: an OPML file adds its feeds, a web page is refused, a followed feed is not fetched again', async () => {
    serveNews(newsItems());
    server.route('/home', send('text/html', articlePage('Welcome to the Gazette')));
    const list = join(directory, 'list.opml');
    await writeFile(
      list,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="Local">
<outline type="rss" text="Gazette" xmlUrl="${server.url('/news.xml')}"/><outline type="rss" text="Evening" xmlUrl="${server.url('/evening.xml')}"/></outline></body></opml>`,
    );
    const report = await watchFeeds(store, options({ follow: [list, server.url('/home')], once: true }));
    assert.deepEqual(report.follows[0], { input: list, added: [server.url('/news.xml'), server.url('/evening.xml')], known: [], error: null });
    assert.deepEqual(report.follows[1], { input: server.url('/home'), added: [], known: [], error: 'is not a feed: the server sent a web page' });
    assert.equal(report.feeds, 2);
    assert.equal(await store.getFeed(server.url('/home')), null);
    assert.equal((await store.getFeed(server.url('/news.xml')))?.title, 'Quellmouth Gazette', 'the feed’s own title replaces the list’s');
    assert.equal((await store.getFeed(server.url('/evening.xml')))?.failures, 1, 'a listed feed that is gone fails when polled');

    const again = await watchFeeds(store, options({ follow: [server.url('/news.xml')], once: true }));
    assert.deepEqual(again.follows, [{ input: server.url('/news.xml'), added: [], known: [server.url('/news.xml')], error: null }]);
    assert.equal(again.polls, 0, 'nothing is due yet');
    assert.equal(server.hits.get('/news.xml'), 1);
  });

  test('with no feeds followed, the watch returns at once', async () => {
    const report = await watchFeeds(store, options());
    assert.deepEqual(report, { follows: [], feeds: 0, polls: 0, failedPolls: 0 });
  });

  test('one request at a time to a host, with the host delay between, across feed and item fetches', async () => {
    const sleeps: number[] = [];
    const items = ['a', 'b', 'c'].map((name) => ({ title: `Quay works ${name}`, link: server.url(`/quay/${name}`) }));
    server.route('/quay.xml', send('application/rss+xml', rss('Quay News', items)));
    for (const { title, link } of items) server.route(new URL(link).pathname, send('text/html', articlePage(title)));
    await watchFeeds(store, options({ follow: [server.url('/quay.xml')], once: true, hostDelayMs: 1500, sleep: async (ms) => void sleeps.push(ms) }));
    assert.equal(polls[0]?.added, 3);
    assert.equal(server.maxActive, 1);
    assert.deepEqual(sleeps, [1500, 1500, 1500], 'the clock stood still, so each request after the first waited the whole delay');
  });

  test('runs until stopped: sleeps until the next poll is due, polls again, stops when aborted', async () => {
    serveNews(newsItems());
    const controller = new AbortController();
    const sleeps: number[] = [];
    const report = await watchFeeds(
      store,
      options({
        follow: [server.url('/news.xml')],
        everyMs: HOUR,
        signal: controller.signal,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock += ms;
          if (sleeps.length === 2) controller.abort();
        },
      }),
    );
    assert.deepEqual(sleeps, [HOUR, HOUR]);
    assert.deepEqual(
      polls.map((poll) => poll.outcome),
      ['read', 'not-modified'],
    );
    assert.equal(report.polls, 2);
  });

  test('within a run, an item whose link redirects is not fetched again when the feed changes', async () => {
    const items = (extra: Item[]): Item[] => [...extra, { title: 'Ferry timetable kept', link: server.url('/r/ferry') }];
    let version = 1;
    server
      .route('/tracked.xml', (request, response) =>
        withEtag(`"tracked-${version}"`, 'application/rss+xml', () => rss('Tracked', items(version === 1 ? [] : [{ title: 'Harbour crane delivered', link: server.url('/articles/crane') }])))(request, response),
      )
      .route('/r/ferry', (_request, response) => response.writeHead(302, { location: '/articles/ferry' }).end())
      .route('/articles/ferry', send('text/html', articlePage('Ferry timetable kept')))
      .route('/articles/crane', send('text/html', articlePage('Harbour crane delivered')));
    const controller = new AbortController();
    await watchFeeds(
      store,
      options({
        follow: [server.url('/tracked.xml')],
        signal: controller.signal,
        sleep: async (ms) => {
          clock += ms;
          version++;
          if (version === 3) controller.abort();
        },
      }),
    );
    assert.deepEqual(
      polls.map(({ outcome, added, skipped }) => ({ outcome, added, skipped })),
      [
        { outcome: 'read', added: 1, skipped: 0 },
        { outcome: 'read', added: 1, skipped: 1 },
      ],
    );
    assert.equal(server.hits.get('/r/ferry'), 1);
    assert.equal(server.hits.get('/articles/crane'), 1);
  });

  test('stopped in the middle of a poll: nothing is recorded for it, and the feed stays due', async () => {
    const controller = new AbortController();
    server
      .route('/slow.xml', send('application/rss+xml', rss('Slow Post', [{ title: 'Tide tables', link: server.url('/slow/tides') }])))
      .route('/slow/tides', () => controller.abort());
    await store.addFeed(server.url('/slow.xml'), { at: new Date(START).toISOString() });
    const report = await watchFeeds(store, options({ signal: controller.signal }));
    assert.equal(report.polls, 0);
    const feed = await store.getFeed(server.url('/slow.xml'));
    assert.equal(feed?.lastPolledAt, null);
    assert.equal(feed?.nextPollAt, new Date(START).toISOString());
  });

  test('state survives closing and reopening the archive: a new run resumes with the stored schedule and validators', async () => {
    serveNews(newsItems());
    const path = join(directory, 'resume.db');
    const firstStore = await openSqliteStore(path);
    try {
      await watchFeeds(firstStore, options({ follow: [server.url('/news.xml')], once: true }));
    } finally {
      await firstStore.close();
    }
    const reopened = await openSqliteStore(path);
    try {
      clock = START + DEFAULT_POLL_INTERVAL_MS - 1;
      assert.equal((await watchFeeds(reopened, options({ once: true }))).polls, 0, 'not due yet');
      clock = START + DEFAULT_POLL_INTERVAL_MS;
      polls = [];
      await watchFeeds(reopened, options({ once: true }));
      assert.equal(polls[0]?.outcome, 'not-modified');
      assert.equal(server.validators.get('/news.xml'), '"news-1"');
      assert.equal((await reopened.statistics()).articles, 2);
    } finally {
      await reopened.close();
    }
  });
});

describe('nextPollDelay', () => {
  const base = { everyMs: HOUR, maxBackoffMs: 24 * HOUR, random: () => 0.5 };

  test('the interval after a success; doubled per failure, with jitter, up to the cap', () => {
    assert.equal(nextPollDelay(0, base), HOUR);
    assert.equal(nextPollDelay(1, base), 2 * HOUR);
    assert.equal(nextPollDelay(3, base), 8 * HOUR);
    assert.equal(nextPollDelay(1, { ...base, random: () => 0 }), 1.8 * HOUR);
    assert.equal(nextPollDelay(1, { ...base, random: () => 0.999999 }), Math.round(2 * HOUR * 1.099_999_8));
    assert.equal(nextPollDelay(40, base), 24 * HOUR);
  });

  test('a Retry-After is honoured when longer, within the cap', () => {
    assert.equal(nextPollDelay(1, { ...base, retryAfterMs: 5 * HOUR }), 5 * HOUR);
    assert.equal(nextPollDelay(1, { ...base, retryAfterMs: 60_000 }), 2 * HOUR);
    assert.equal(nextPollDelay(1, { ...base, retryAfterMs: 1000 * HOUR }), 24 * HOUR);
  });
});
