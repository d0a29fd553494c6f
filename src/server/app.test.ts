import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { analyzeArticle } from '../analyze/index.js';
import { ANALYZER_VERSION, ingestInputs } from '../archive/ingest.js';
import { hashContent } from '../core/ids.js';
import type { Fetched } from '../core/records.js';
import { extractArticle } from '../extract/index.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { TestServer } from '../../test/helpers/test-server.js';
import type { ArticleResponse, ArticlesResponse, ErrorResponse, IngestResponse, SearchResponse, StoriesResponse, StoryResponse } from './api-types.js';
import { createApp } from './app.js';
import { StoryJsonCache } from './story-cache.js';
import { WorkQueue } from './work-queue.js';

/**
 * The HTTP API, called in process (`app.request`) over an archive seeded once with the bundled
 * example. Tests run in order: those that only read come first, those that add articles last.
 */

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

let folder = '';
let store: Store;
let app: ReturnType<typeof createApp>;
let storyId = '';

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'parallax-api-test-'));
  store = await openSqliteStore(join(folder, 'archive.db'));
  const report = await ingestInputs(store, ['examples/merrow-dam']);
  assert.equal(report.failed.length, 0);
  app = createApp(store);
  const [story] = await store.listStories();
  storyId = story!.id;
});

after(async () => {
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

/** GETs a path and parses its JSON, checking the status. */
async function getJson<T>(path: string, status = 200, target = app): Promise<T> {
  const response = await target.request(path);
  assert.equal(response.status, status, `${path}: ${response.status}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  return (await response.json()) as T;
}

/** POSTs a body (JSON-encoded unless a string) to the ingest endpoint. */
function postIngest(body: unknown, target = app, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> {
  return Promise.resolve(target.request('/api/ingest', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

/** Reads an ErrorResponse and checks its status and code. */
async function expectError(response: Response, status: number, code: string): Promise<string> {
  assert.equal(response.status, status);
  const body = (await response.json()) as ErrorResponse;
  assert.equal(body.error.code, code, body.error.message);
  assert.equal(typeof body.error.message, 'string');
  return body.error.message;
}

/** Validators for the schemas of openapi.json (the Story's resolved from schema/story.schema.json). */
async function openApiValidators(): Promise<(name: string, value: unknown) => void> {
  const storySchema = JSON.parse(await readFile('schema/story.schema.json', 'utf8')) as { $id: string };
  const openapi = JSON.parse(await readFile('openapi.json', 'utf8')) as { components: unknown };
  const components = JSON.parse(JSON.stringify(openapi.components).replaceAll('./schema/story.schema.json', storySchema.$id)) as unknown;
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema(storySchema);
  ajv.addSchema({ $id: 'https://parallax.test/openapi.json', components });
  return (name, value) => {
    const validate = ajv.getSchema(`https://parallax.test/openapi.json#/components/schemas/${name}`);
    assert.ok(validate !== undefined, `openapi.json has no schema ${name}`);
    assert.ok(validate(value), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  };
}

/** An article given in full, as a reader of Fetched inputs would build it. */
function textInput(source: string, text: string): Fetched {
  const bytes = new TextEncoder().encode(text);
  return { source, contentHash: hashContent(bytes), byteLength: bytes.byteLength, encoding: 'utf-8', mediaType: 'text/plain', text, diagnostics: [] };
}

// A made-up event for the articles the tests post: two outlets' reports of one market fire.
const MARKET_FIRE_A = `Fire destroys half of Osterby's Lantern Row market

A fire that started in a bakery's storeroom before dawn on Tuesday destroyed 23 of the 48 stalls of the Lantern Row covered market in Osterby, the town's fire service said.

Crews from three stations fought the blaze for six hours. Nobody was hurt, said fire officer Mirela Dunst, because the market had not yet opened.

Traders said the market's insurance covered the building but not their stock. The town council will meet on Thursday to discuss a relief fund.`;

const MARKET_FIRE_B = `Osterby market fire: traders count their losses

Stallholders at Osterby's Lantern Row market were sorting through ash on Wednesday after a fire tore through the covered hall early on Tuesday.

The fire service said the blaze began in a bakery storeroom and destroyed 23 stalls. Fire officer Mirela Dunst said no one was injured as the market was still closed.

The town council has called a meeting for Thursday about a fund for traders whose stock was not insured.`;

test('GET /api/stories lists the stories newest first with their counts and articles', async () => {
  const body = await getJson<StoriesResponse>('/api/stories');
  assert.equal(body.since, null);
  assert.equal(body.stories.length, 1);
  const [story] = body.stories;
  assert.equal(story!.id, storyId);
  assert.equal(story!.counts.articles, 11);
  assert.equal(story!.articles.length, 11);
  assert.ok(story!.counts.outlets >= 2 && story!.counts.outlets <= 11);
  assert.equal(typeof story!.counts.independentReports, 'number');
  assert.ok(story!.counts.independentReports! < story!.counts.articles, 'copies are counted once');
  assert.equal(story!.needsAnalysis, false);
  assert.equal(story!.changes, null);
  assert.ok(story!.articles.every(({ contentHash }) => /^[0-9a-f]{64}$/.test(contentHash)));
  const limited = await getJson<StoriesResponse>('/api/stories?limit=1');
  assert.equal(limited.stories.length, 1);
});

test('GET /api/stories/{id} answers the story record, the same bytes each time', async () => {
  const response = await app.request(`/api/stories/${storyId}`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const text = await response.text();
  const body = JSON.parse(text) as StoryResponse;
  assert.equal(body.id, storyId);
  assert.equal(body.story.schemaVersion, 1);
  assert.equal(body.story.articles.length, 11);
  assert.ok(body.story.summary.length > 0);
  assert.equal(body.since, null);
  assert.equal(body.changes, null);
  assert.equal(await (await app.request(`/api/stories/${storyId}`)).text(), text);
});

test('since: stories updated since then carry what they gained, others null', async () => {
  const recent = await getJson<StoriesResponse>('/api/stories?since=1h');
  assert.ok(recent.since !== null && Date.parse(recent.since) < Date.now());
  const changes = recent.stories[0]!.changes;
  assert.ok(changes !== null && changes.facts.length > 0, 'every fact of a new story is new');
  const future = await getJson<StoriesResponse>('/api/stories?since=2099-01-01');
  assert.equal(future.since, '2099-01-01T00:00:00.000Z');
  assert.equal(future.stories[0]!.changes, null);
  const story = await getJson<StoryResponse>(`/api/stories/${storyId}?since=2d`);
  assert.ok(story.changes !== null && story.changes.facts.length > 0);
  assert.deepEqual(await getJson<StoryResponse>(`/api/stories/${storyId}?since=2099-01-01`).then(({ changes }) => changes), { facts: [], figures: [] });
  await expectError(await app.request('/api/stories?since=yesterday-ish'), 400, 'invalid-request');
  await expectError(await app.request(`/api/stories/${storyId}?since=soon`), 400, 'invalid-request');
});

test('an unknown story, article or API path is a 404 ErrorResponse', async () => {
  await expectError(await app.request('/api/stories/s99999'), 404, 'not-found');
  await expectError(await app.request('/api/stories/%3Cscript%3E'), 404, 'not-found');
  await expectError(await app.request(`/api/articles/${'0'.repeat(64)}`), 404, 'not-found');
  await expectError(await app.request('/api/articles/not-a-hash'), 404, 'not-found');
  await expectError(await app.request('/api/articles?story=s99999'), 404, 'not-found');
  await expectError(await app.request('/api/nothing-here'), 404, 'not-found');
  await expectError(await app.request('/api/stories', { method: 'DELETE' }), 404, 'not-found');
});

test('GET /api/articles pages through the articles oldest first', async () => {
  const seen: number[] = [];
  let after = 0;
  for (let pages = 0; pages < 10; pages++) {
    const page = await getJson<ArticlesResponse>(`/api/articles?limit=4&after=${after}`);
    assert.ok(page.articles.length <= 4);
    seen.push(...page.articles.map(({ sequence }) => sequence));
    if (page.next === null) break;
    assert.equal(page.next, page.articles.at(-1)!.sequence);
    after = page.next;
  }
  assert.equal(seen.length, 11);
  assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
  assert.equal(new Set(seen).size, 11);
  const ofStory = await getJson<ArticlesResponse>(`/api/articles?story=${storyId}&limit=5`);
  assert.equal(ofStory.articles.length, 5);
  assert.ok(ofStory.articles.every(({ story }) => story === storyId));
  const rest = await getJson<ArticlesResponse>(`/api/articles?story=${storyId}&after=${ofStory.next}`);
  assert.equal(rest.articles.length, 6);
  assert.equal(rest.next, null);
  await expectError(await app.request('/api/articles?limit=0'), 400, 'invalid-request');
  await expectError(await app.request('/api/articles?limit=ten'), 400, 'invalid-request');
  await expectError(await app.request('/api/articles?after=-1'), 400, 'invalid-request');
});

test('GET /api/articles/{contentHash} answers the extracted article with its removed boilerplate and story', async () => {
  const { articles } = await getJson<ArticlesResponse>('/api/articles?limit=20');
  const withRemoved = [];
  for (const { contentHash } of articles) {
    const body = await getJson<ArticleResponse>(`/api/articles/${contentHash}`);
    assert.equal(body.article.contentHash, contentHash);
    assert.equal(body.article.story, storyId);
    assert.equal(body.extracted.contentHash, contentHash);
    assert.ok(body.extracted.text.length > 0);
    assert.ok(body.sentences.length > 0 && body.sentences.every(({ end }) => end <= body.extracted.text.length));
    if (body.extracted.removed.length > 0) withRemoved.push(body);
  }
  assert.ok(withRemoved.length > 0, 'the example has boilerplate to remove');
  assert.ok(withRemoved[0]!.extracted.removed.every(({ kind, text, rule }) => kind && typeof text === 'string' && rule));
  const upper = articles[0]!.contentHash.toUpperCase();
  assert.equal((await getJson<ArticleResponse>(`/api/articles/${upper}`)).article.contentHash, articles[0]!.contentHash);
});

test('GET /api/search finds articles and stories; an empty query is a 400', async () => {
  const body = await getJson<SearchResponse>('/api/search?q=dam&limit=3');
  assert.equal(body.query, 'dam');
  assert.ok(body.articles.length > 0 && body.articles.length <= 3);
  assert.ok(body.stories.some(({ story }) => story.id === storyId));
  assert.ok(body.articles[0]!.snippet.highlights.length > 0);
  const none = await getJson<SearchResponse>('/api/search?q=zzyzxqq');
  assert.deepEqual([none.articles.length, none.stories.length], [0, 0]);
  await expectError(await app.request('/api/search'), 400, 'invalid-request');
  await expectError(await app.request('/api/search?q=%20%20'), 400, 'invalid-request');
  await expectError(await app.request('/api/search?q=dam&limit=1001'), 400, 'invalid-request');
});

test('every answer carries the security headers: pages, JSON, errors', async () => {
  const failing = createApp(storeFailingOn('listStories'), { onError: () => {} });
  const responses = [
    await app.request('/'),
    await app.request('/api/stories'),
    await app.request('/api/stories/s99999'),
    await app.request('/assets/nothing.js'),
    await app.request('/api/stories', { headers: { host: 'attacker.example' } }),
    await postIngest('{', app),
    await failing.request('/api/stories'),
  ];
  for (const response of responses) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(response.headers.get(name), value, `${name} on a ${response.status}`);
  }
});

/** The store, with one method failing as a damaged database would, its message holding article text. */
function storeFailingOn(method: keyof Store): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === method) return () => Promise.reject(new Error('Crews from three stations fought the blaze (article text)'));
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

test('an error inside a handler is a 500 ErrorResponse without stack or text, and is reported', async () => {
  const reported: string[] = [];
  const failing = createApp(storeFailingOn('getStory'), { onError: (_error, request) => reported.push(request) });
  const response = await failing.request(`/api/stories/${storyId}`);
  const message = await expectError(response, 500, 'internal');
  assert.doesNotMatch(message, /blaze|article text|at .*\.ts/);
  assert.deepEqual(reported, [`GET /api/stories/${storyId}`]);
});

test('Host guard: only localhost, 127.0.0.1 and [::1] are answered unless the app allows any host', async () => {
  for (const host of ['localhost:4477', '127.0.0.1:9', '[::1]:4477', 'LOCALHOST', '127.0.0.1']) {
    assert.equal((await app.request('/api/stories', { headers: { host } })).status, 200, host);
  }
  for (const host of ['attacker.example', 'attacker.example:4477', 'localhost.attacker.example', '127.0.0.1.nip.io', '10.0.0.5:4477', 'localhost@attacker.example', '']) {
    await expectError(await app.request('/api/stories', { headers: { host } }), 403, 'host-not-allowed');
  }
  await expectError(await app.request('http://attacker.example/api/stories'), 403, 'host-not-allowed');
  await expectError(await app.request('/', { headers: { host: 'attacker.example' } }), 403, 'host-not-allowed');
  const open = createApp(store, { allowedHosts: null });
  assert.equal((await open.request('/api/stories', { headers: { host: 'news.example.org' } })).status, 200);
});

test('GET / serves the web app shell; assets are served with their types or refused', async () => {
  const response = await app.request('/');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/i);
  const page = await response.text();
  for (const part of ['<html lang="en">', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">', '<title>Parallax</title>', '<link rel="stylesheet" href="/assets/style.css">', '<div id="app"></div>', '<script src="/assets/app.js" defer></script>', '<noscript>']) {
    assert.ok(page.includes(part), part);
  }
  assert.doesNotMatch(page, /<script>|<style>|\sstyle=|\son\w+=/, 'no inline script or style for the policy to block');
  const script = await app.request('/assets/app.js');
  if (script.status === 200) assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  else await expectError(script, 503, 'not-built');
  const style = await app.request('/assets/style.css');
  if (style.status === 200) assert.equal(style.headers.get('content-type'), 'text/css; charset=utf-8');
  for (const path of ['/assets/report.js', '/assets/../package.json', '/assets/%2e%2e%2fpackage.json', '/assets/', '/favicon.ico']) {
    assert.equal((await app.request(path)).status, 404, path);
  }
});

test('openapi.json documents exactly the routes of the app, and the answers match its schemas', async () => {
  const openapi = JSON.parse(await readFile('openapi.json', 'utf8')) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  assert.match(openapi.openapi, /^3\.1\./);
  const documented = Object.entries(openapi.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  const served = app.routes.filter(({ method }) => method !== 'ALL').map(({ method, path }) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
  assert.deepEqual([...new Set(served)].sort(), documented.sort());
  const check = await openApiValidators();
  check('StoriesResponse', await getJson('/api/stories?since=1h'));
  check('StoryResponse', await getJson(`/api/stories/${storyId}?since=1h`));
  check('ArticlesResponse', await getJson('/api/articles?limit=3'));
  const { articles } = await getJson<ArticlesResponse>('/api/articles?limit=1');
  check('ArticleResponse', await getJson(`/api/articles/${articles[0]!.contentHash}`));
  check('SearchResponse', await getJson('/api/search?q=dam'));
  check('ErrorResponse', await getJson('/api/stories/s99999', 404));
});

test('a story that gained articles since its analysis is analysed again before it is answered', async () => {
  const text = `Merrow Dam inquiry to examine spring inspection\n\nA late report on the Merrow Dam: engineers from Brennick said on Friday that the spillway gates had been inspected in the spring and that the inquiry would examine the records of that inspection.`;
  const input = textInput('late-report.txt', text);
  const extracted = extractArticle(input);
  assert.ok(extracted.ok);
  await store.addArticle({ fetched: input, analyzed: analyzeArticle(extracted.value), analyzerVersion: ANALYZER_VERSION });
  await store.addArticlesToStory(storyId, [input.contentHash]);
  assert.equal((await getJson<StoriesResponse>('/api/stories')).stories[0]!.needsAnalysis, true);
  const body = await getJson<StoryResponse>(`/api/stories/${storyId}`);
  assert.equal(body.story.articles.length, 12);
  assert.ok(body.story.articles.some(({ contentHash }) => contentHash === input.contentHash));
  assert.equal((await store.getStory(storyId))!.needsAnalysis, false);
});

test('POST /api/ingest stores posted articles, creates a story, and counts a second post as duplicates', async () => {
  const before = (await store.statistics()).stories;
  const response = await postIngest({
    articles: [
      { text: MARKET_FIRE_A, outlet: 'Osterby Herald', published: '2026-05-12T09:00:00Z', url: 'https://herald.example/market-fire' },
      { html: `<html><head><title>Osterby market fire</title></head><body><article><h1>Osterby market fire: traders count their losses</h1>${MARKET_FIRE_B.split('\n\n').slice(1).map((paragraph) => `<p>${paragraph}</p>`).join('')}</article></body></html>`, outlet: 'Coast Gazette' },
    ],
  });
  assert.equal(response.status, 200);
  const report = (await response.json()) as IngestResponse;
  assert.deepEqual([report.added, report.duplicates, report.failed], [2, 0, []]);
  assert.ok(report.storiesCreated >= 1);
  (await openApiValidators())('IngestResponse', report);
  const listed = await getJson<StoriesResponse>('/api/stories');
  assert.equal(listed.stories.length, before + report.storiesCreated);
  const fire = listed.stories.find(({ articles }) => articles.some(({ outlet }) => outlet === 'Osterby Herald'))!;
  assert.ok(fire.articles.some(({ url }) => url === 'https://herald.example/market-fire'));
  assert.equal((await getJson<StoryResponse>(`/api/stories/${fire.id}`)).story.articles.length, fire.counts.articles);
  const again = (await (await postIngest({ articles: [{ text: MARKET_FIRE_A }] })).json()) as IngestResponse;
  assert.deepEqual([again.added, again.duplicates, again.storiesCreated, again.storiesUpdated], [0, 1, 0, 0]);
});

test('POST /api/ingest adds a new report of a known event to its story', async () => {
  const fire = (await getJson<StoriesResponse>('/api/stories')).stories.find(({ articles }) => articles.some(({ outlet }) => outlet === 'Osterby Herald'))!;
  const update = `Osterby council sets up relief fund after Lantern Row market fire\n\nOsterby's town council on Thursday set up a relief fund for the traders of the Lantern Row market, two days after a fire that began in a bakery storeroom destroyed 23 of its 48 stalls.\n\nFire officer Mirela Dunst said the cause of the fire was still being investigated. Nobody was hurt in the blaze, which crews from three stations fought for six hours.`;
  const report = (await (await postIngest({ articles: [{ text: update, outlet: 'Osterby Herald' }] })).json()) as IngestResponse;
  assert.equal(report.added, 1);
  assert.deepEqual([report.storiesCreated, report.storiesUpdated], [0, 1]);
  const story = await getJson<StoryResponse>(`/api/stories/${fire.id}`);
  assert.equal(story.story.articles.length, fire.counts.articles + 1);
});

test('concurrent ingests run one after the other and lose nothing', async () => {
  const before = (await store.statistics()).articles;
  const posts = ['north', 'south', 'east'].map((side) =>
    postIngest({ articles: [{ text: `Road works close the ${side} bridge in Harlow Vale\n\nThe ${side} bridge over the river Tamsin in Harlow Vale will close for six weeks from Monday while its deck is resurfaced, the county roads office said.` }] }),
  );
  const reports = await Promise.all(posts.map(async (post) => (await (await post).json()) as IngestResponse));
  assert.deepEqual(reports.map(({ added }) => added), [1, 1, 1]);
  assert.equal((await store.statistics()).articles, before + 3);
  assert.equal((await store.statistics()).unassignedArticles, 0);
});

test('WorkQueue runs tasks one at a time in the order queued, past failures', async () => {
  const queue = new WorkQueue();
  const events: string[] = [];
  let running = 0;
  const task = (name: string, fail = false) => async () => {
    running++;
    assert.equal(running, 1);
    events.push(`start ${name}`);
    await new Promise((resolve) => setImmediate(resolve));
    events.push(`end ${name}`);
    running--;
    if (fail) throw new Error(name);
    return name;
  };
  const results = await Promise.allSettled([queue.run(task('a')), queue.run(task('b', true)), queue.run(task('c'))]);
  assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  assert.equal(queue.pending, 0);
  await queue.idle();
});

test('StoryJsonCache answers a story version from the cache and drops the least recently used beyond its size', async () => {
  const story = (await store.getStory(storyId))!.story!;
  const json = JSON.stringify(story);
  const cache = new StoryJsonCache(json.length * 2);
  assert.equal(cache.json('s1', 1, story), json);
  const copy = { ...story, title: 'changed in place' };
  assert.equal(cache.json('s1', 1, copy), json, 'one version, one JSON');
  assert.notEqual(cache.json('s1', 2, copy), json, 'a new version is serialised again');
  assert.equal(cache.size, 2);
  cache.json('s1', 1, story);
  cache.json('s2', 1, story);
  assert.equal(cache.size, 2);
  assert.equal(cache.json('s1', 2, story), JSON.stringify(story), 'the least recently used entry went');
  assert.equal(new StoryJsonCache(10).json('s1', 1, story), json, 'too large to keep, still answered');
});

test('POST /api/ingest refuses bodies over the limit (413), malformed JSON (400) and other types (415)', async () => {
  const small = createApp(store, { maxBodyBytes: 1000 });
  const big = JSON.stringify({ articles: [{ text: 'x'.repeat(2000) }] });
  await expectError(await postIngest(big, small), 413, 'body-too-large');
  await expectError(await postIngest(big, small, { 'content-type': 'application/json', 'content-length': String(big.length) }), 413, 'body-too-large');
  for (const body of ['{', '{"articles": [}', '', 'null x', "{'urls': []}"]) await expectError(await postIngest(body), 400, 'malformed-json');
  await expectError(await postIngest({ urls: ['https://example.org/'] }, app, { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
  await expectError(await postIngest({ urls: ['https://example.org/'] }, app, { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type');
  await expectError(await postIngest({ urls: ['https://example.org/'] }, app, {}), 415, 'unsupported-media-type');
  assert.equal((await postIngest({ articles: [{ text: MARKET_FIRE_A }] }, app, { 'content-type': 'Application/JSON; charset=utf-8' })).status, 200);
});

test('POST /api/ingest refuses a body that is not an IngestRequest, naming the field', async () => {
  const cases: Array<[unknown, RegExp]> = [
    [[], /body must be a JSON object/],
    ['"text"', /body must be a JSON object/],
    [{}, /at least one/],
    [{ urls: [], articles: [] }, /at least one/],
    [{ urls: 'https://example.org/' }, /urls must be an array/],
    [{ articles: { text: 'x' } }, /articles must be an array/],
    [{ urls: [5] }, /urls\[0\]/],
    [{ urls: ['https://example.org/', ''] }, /urls\[1\]/],
    [{ articles: ['some text'] }, /articles\[0\]/],
    [{ articles: [{ text: 5 }] }, /articles\[0\]\.text/],
    [{ articles: [{ title: 'Only a title' }] }, /articles\[0\] needs a non-empty "text" or "html"/],
    [{ articles: [{ text: 'x', colour: 'red' }] }, /articles\[0\]\.colour/],
    [{ articles: [{ text: 'x', published: 'the other day' }] }, /articles\[0\]\.published/],
    [{ url: ['https://example.org/'] }, /url is not a known field/],
    [{ urls: Array.from({ length: 101 }, (_, index) => `https://example.org/${index}`) }, /at most 100/],
  ];
  for (const [body, message] of cases) {
    assert.match(await expectError(await postIngest(typeof body === 'string' ? body : JSON.stringify(body)), 400, 'invalid-request'), message);
  }
});

test('POST /api/ingest refuses URLs that are not http(s), and never reads them as files', async () => {
  for (const url of ['javascript:alert(1)', 'file:///etc/passwd', '/etc/passwd', 'examples/merrow-dam', 'ftp://example.org/a', 'data:text/html,hi']) {
    assert.match(await expectError(await postIngest({ urls: [url] }), 400, 'invalid-url'), /urls\[0\] is not an http: or https: URL/);
  }
  await expectError(await postIngest({ articles: [{ text: MARKET_FIRE_A, url: 'javascript:alert(1)' }] }), 400, 'invalid-url');
});

test('POST /api/ingest refuses private, loopback and link-local URLs unless allowed, and then fetches them', async () => {
  const server = new TestServer();
  const page = `<!DOCTYPE html><html><head><title>Harbour crane toppled in storm</title><meta property="og:site_name" content="Port Ledger"></head><body><article><h1>Harbour crane toppled in storm</h1>
<p>A container crane at the port of Saltmere toppled into the harbour during a storm on Sunday night, the port authority said on Monday.</p>
<p>Nobody was on the crane when it fell. Gusts of 130 kilometres an hour were measured at the harbour mouth shortly before midnight.</p>
<p>The authority said two berths would stay closed for at least a week while divers checked the quay wall for damage.</p></article></body></html>`;
  server.route('/crane', (_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await server.start();
  try {
    const refused = ['http://127.0.0.1/x', 'http://10.0.0.1/', 'http://[::1]/', 'http://localhost:8080/a', 'http://169.254.169.254/latest/meta-data', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'http://192.168.1.1/', server.url('/crane')];
    for (const url of refused) {
      assert.match(await expectError(await postIngest({ urls: ['https://example.org/', url] }), 400, 'private-address'), /urls\[1\] points to .*--allow-private-network/);
    }
    assert.equal(server.hits.get('/crane'), undefined);
    const allowing = createApp(store, { allowPrivateNetwork: true });
    const response = await postIngest({ urls: [server.url('/crane'), server.url('/missing')] }, allowing);
    assert.equal(response.status, 200);
    const report = (await response.json()) as IngestResponse;
    assert.equal(report.added, 1);
    assert.equal(report.failed.length, 1);
    assert.doesNotMatch(JSON.stringify(report.failed), /secret body text/);
    assert.equal(server.hits.get('/crane'), 1);
    const { articles } = await getJson<SearchResponse>('/api/search?q=Saltmere crane');
    assert.ok(articles.some(({ article }) => article.url === server.url('/crane')));
  } finally {
    await server.stop();
  }
});

test('POST /api/ingest refuses requests from pages of other sites', async () => {
  const body = { articles: [{ text: MARKET_FIRE_A }] };
  await expectError(await postIngest(body, app, { 'content-type': 'application/json', origin: 'https://attacker.example' }), 403, 'cross-origin');
  await expectError(await postIngest(body, app, { 'content-type': 'application/json', origin: 'null' }), 403, 'cross-origin');
  await expectError(await postIngest(body, app, { 'content-type': 'application/json', host: '127.0.0.1:4477', origin: 'http://127.0.0.1:9999' }), 403, 'cross-origin');
  const same = await postIngest(body, app, { 'content-type': 'application/json', host: '127.0.0.1:4477', origin: 'http://127.0.0.1:4477' });
  assert.equal(same.status, 200);
});
