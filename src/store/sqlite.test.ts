import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { analyzeArticle } from '../analyze/index.js';
import { ParallaxError } from '../core/errors.js';
import { hashContent } from '../core/ids.js';
import type { Fetched, Story } from '../core/records.js';
import { extractArticle } from '../extract/index.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openSqliteStore } from './sqlite.js';
import type { NewArticle } from './store.js';

const folder = mkdtempSync(join(tmpdir(), 'parallax-store-'));
after(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
/** A fresh database path in the test folder. */
const freshPath = (): string => join(folder, `test-${++files}.db`);

function fetchedOf(text: string, source: string): Fetched {
  return { source, contentHash: hashContent(text), byteLength: Buffer.byteLength(text), encoding: 'utf-8', mediaType: 'text/plain', text, diagnostics: [] };
}

/** An article made by the real extractor and analyzer from a short invented text. */
function articleOf(text: string, source: string, at?: string): NewArticle {
  const fetched = fetchedOf(text, source);
  const extracted = extractArticle(fetched);
  assert.ok(extracted.ok);
  return { fetched, analyzed: analyzeArticle(extracted.value), analyzerVersion: 'test-1', ...(at === undefined ? {} : { at }) };
}

const FERRY = articleOf(
  'Ferry talks resume in Velmora\n\nNegotiators from Velmora and Castrel agreed on Tuesday to create two de-escalation zones along the Orvel river, officials said.\n\nThe talks will resume next week in Tessane.',
  'ferry.txt',
  '2031-03-01T10:00:00Z',
);
const HARBOUR = articleOf(
  'Harbour strike ends in Tessane\n\nDock workers in Tessane returned to work after a strike of nine days. The ferry service to Velmora restarted at noon.\n\nThe union said 340 workers had joined the strike.',
  'harbour.txt',
  '2031-03-02T10:00:00Z',
);
const ZONES = articleOf(
  'Observers sent to river zones\n\nTwelve observers will patrol the de-escalation zones on the Orvel, the Castrel foreign ministry said. Each zone covers about 40 kilometres of the river.',
  'zones.txt',
  '2031-03-03T10:00:00Z',
);

/** A minimal Story record: the store keeps it whole, whatever it holds. */
function storyOf(title: string, summary: string, independentReports: number): Story {
  return {
    schemaVersion: 1, title, articles: [], originGroups: [], independentReports,
    summary: [{ text: summary, citations: [], independentReports, disputed: [] }],
    entities: [], quotes: [], numbers: [], dates: [], timeline: [], facts: [], conflicts: [], quoteVariants: [],
    coverage: { articles: [], matrix: [], byArticle: [] }, diagnostics: [],
  };
}

/** Asserts that a promise rejects with a ParallaxError of this code whose message matches. */
async function rejectsWith(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ParallaxError, `expected a ParallaxError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });
}

test('a new file is migrated to the current schema, and reopening it changes nothing', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path);
  await store.addArticle(FERRY);
  await store.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  raw.close();
  const reopened = await openSqliteStore(path);
  assert.equal((await reopened.statistics()).articles, 1);
  assert.deepEqual(await reopened.verify(), []);
  await reopened.close();
});

test('a database of a newer schema, or of another program, is refused and left untouched', async () => {
  const newer = freshPath();
  const store = await openSqliteStore(newer);
  await store.addArticle(FERRY);
  await store.close();
  const raw = new Database(newer);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  await rejectsWith(openSqliteStore(newer), 'io', /newer Parallax/);
  const check = new Database(newer, { readonly: true });
  assert.equal((check.prepare('SELECT count(*) AS count FROM articles').get() as { count: number }).count, 1);
  check.close();

  const foreign = freshPath();
  const other = new Database(foreign);
  other.exec('CREATE TABLE recipes (name TEXT)');
  other.close();
  await rejectsWith(openSqliteStore(foreign), 'io', /another program/);
});

test('a file that is not a database, or whose pages are damaged, gives a clear error', async () => {
  const garbage = freshPath();
  writeFileSync(garbage, 'These are the minutes of the Tessane harbour board, not a database.\n'.repeat(100));
  await rejectsWith(openSqliteStore(garbage), 'io', /not a Parallax database, or it is damaged/);

  const damaged = freshPath();
  const store = await openSqliteStore(damaged);
  for (let index = 0; index < 30; index++) await store.addArticle(articleOf(`Tide table ${index}\n\nThe tide at Tessane rose ${index} centimetres above the mark on the harbour wall.`, `t${index}.txt`));
  await store.close();
  const raw = new Database(damaged);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  // Overwrite every page but the first (the header and schema) with noise.
  const bytes = readFileSync(damaged);
  for (let offset = 4096; offset < bytes.length; offset++) bytes[offset] = (offset * 7919) % 251;
  writeFileSync(damaged, bytes);
  const reopened = await openSqliteStore(damaged).catch((error: unknown) => error);
  if (reopened instanceof ParallaxError) assert.match(reopened.message, /damaged/);
  else {
    const opened = reopened as Awaited<ReturnType<typeof openSqliteStore>>;
    await rejectsWith(opened.listArticles(), 'io', /damaged/);
    await opened.close();
  }
});

test('adding the same bytes again is a duplicate: the first record and its first-seen time stay', async () => {
  const store = await openSqliteStore(freshPath());
  const first = await store.addArticle({ ...FERRY, run: 'r1' });
  assert.deepEqual(first, { outcome: 'new', contentHash: FERRY.fetched.contentHash, firstSeenAt: '2031-03-01T10:00:00.000Z' });
  const again = await store.addArticle({ ...FERRY, at: '2031-04-01T00:00:00Z', run: 'r2' });
  assert.deepEqual(again, { ...first, outcome: 'duplicate' });
  const copy = await store.addArticle({ ...FERRY, fetched: { ...FERRY.fetched, source: 'https://example.org/ferry' }, run: 'r2' });
  assert.equal(copy.outcome, 'duplicate');
  assert.equal((await store.statistics()).articles, 1);
  assert.deepEqual(
    (await store.listIngestLog()).map((entry) => [entry.run, entry.source, entry.outcome]),
    [['r2', 'https://example.org/ferry', 'duplicate'], ['r2', 'ferry.txt', 'duplicate'], ['r1', 'ferry.txt', 'new']],
  );
  await store.logIngestFailure({ source: 'https://example.org/gone', reason: 'HTTP 404', run: 'r2' });
  assert.deepEqual((await store.listIngestLog({ run: 'r2', limit: 1 }))[0]?.reason, 'HTTP 404');
  await store.close();
});

test('the stored article, its analysis and its raw input come back as they were given', async () => {
  const store = await openSqliteStore(freshPath());
  await store.addArticle(FERRY);
  await store.addArticle(HARBOUR);
  const stored = await store.getArticle(FERRY.fetched.contentHash);
  assert.deepEqual(stored?.analyzed, FERRY.analyzed);
  assert.equal(stored?.analyzerVersion, 'test-1');
  assert.deepEqual(await store.getInput(HARBOUR.fetched.contentHash), HARBOUR.fetched);
  assert.deepEqual((await store.getArticles([HARBOUR.fetched.contentHash, 'unknown', FERRY.fetched.contentHash])).map((article) => article.contentHash), [
    HARBOUR.fetched.contentHash,
    FERRY.fetched.contentHash,
  ]);
  assert.equal(await store.getArticle('unknown'), null);
  const [summary] = await store.getArticleSummaries([HARBOUR.fetched.contentHash]);
  assert.equal(summary?.title, 'Harbour strike ends in Tessane');
  assert.equal(summary?.story, null);
  await store.close();
});

test('articles are listed in arrival order, page by page, and those needing work can be found', async () => {
  const store = await openSqliteStore(freshPath());
  for (const article of [FERRY, HARBOUR, ZONES]) await store.addArticle(article);
  const firstPage = await store.listArticles({ limit: 2 });
  assert.deepEqual(firstPage.map((article) => article.source), ['ferry.txt', 'harbour.txt']);
  const nextPage = await store.listArticles({ afterSequence: firstPage.at(-1)!.sequence });
  assert.deepEqual(nextPage.map((article) => article.source), ['zones.txt']);

  await store.createStory({ articles: [FERRY.fetched.contentHash] });
  assert.deepEqual((await store.listArticles({ unassigned: true })).map((article) => article.source), ['harbour.txt', 'zones.txt']);

  // Re-analysis after an upgrade: the input is read back, analysed again, and replaced.
  assert.equal((await store.listArticles({ staleFor: 'test-2' })).length, 3);
  const input = await store.getInput(HARBOUR.fetched.contentHash);
  const extracted = extractArticle(input!);
  assert.ok(extracted.ok);
  await store.replaceAnalysis(HARBOUR.fetched.contentHash, analyzeArticle({ ...extracted.value, title: 'Tessane dock strike over' }), 'test-2');
  assert.deepEqual((await store.listArticles({ staleFor: 'test-2' })).map((article) => article.source), ['ferry.txt', 'zones.txt']);
  const replaced = await store.getArticle(HARBOUR.fetched.contentHash);
  assert.equal(replaced?.analyzed.article.title, 'Tessane dock strike over');
  assert.equal(replaced?.firstSeenAt, '2031-03-02T10:00:00.000Z');
  assert.equal((await store.search('"dock strike over"')).articles.length, 1, 'the search index follows the new title');
  await assert.rejects(store.replaceAnalysis('unknown', HARBOUR.analyzed, 'test-2'), TypeError);
  await assert.rejects(store.replaceAnalysis(FERRY.fetched.contentHash, HARBOUR.analyzed, 'test-2'), TypeError);
  await store.close();
});

test('an article is found by the address it was fetched from', async () => {
  const store = await openSqliteStore(freshPath());
  await store.addArticle({ ...FERRY, fetched: { ...FERRY.fetched, url: 'https://news.example/ferry' } });
  assert.equal((await store.findArticleByUrl('https://news.example/ferry'))?.contentHash, FERRY.fetched.contentHash);
  assert.equal(await store.findArticleByUrl('https://news.example/other'), null);
  await store.close();
});

test('stories keep their members, analysis, fact history and figure changes', async () => {
  const store = await openSqliteStore(freshPath());
  for (const article of [FERRY, HARBOUR, ZONES]) await store.addArticle(article);
  const id = await store.createStory({ articles: [FERRY.fetched.contentHash], title: 'Velmora talks', at: '2031-03-01T11:00:00Z' });
  assert.equal(await store.storyOfArticle(FERRY.fetched.contentHash), id);
  let [summary] = await store.listStories();
  assert.equal(summary?.needsAnalysis, true);

  const first = await store.saveStoryAnalysis(id, {
    story: storyOf('Velmora and Castrel agree on river zones', 'Two zones were agreed.', 1),
    facts: [{ key: 'zones-agreed', text: 'Two zones were agreed.' }],
    figures: [{ key: 'zones', about: 'zones', value: '2' }],
    at: '2031-03-01T12:00:00Z',
  });
  assert.deepEqual(first, { version: 2, newFacts: ['zones-agreed'], changedFigures: ['zones'] });
  [summary] = await store.listStories();
  assert.equal(summary?.needsAnalysis, false);
  assert.equal(summary?.title, 'Velmora and Castrel agree on river zones');

  await store.addArticlesToStory(id, [ZONES.fetched.contentHash], '2031-03-03T11:00:00Z');
  assert.equal((await store.listStories({ needsAnalysis: true })).length, 1);
  await assert.rejects(store.addArticlesToStory(id, [ZONES.fetched.contentHash]), /already belongs/);
  await assert.rejects(store.addArticlesToStory('s999', [HARBOUR.fetched.contentHash]), TypeError);

  const second = await store.saveStoryAnalysis(id, {
    story: storyOf('Velmora and Castrel agree on river zones', 'Two zones were agreed. Twelve observers will patrol them.', 2),
    facts: [
      { key: 'zones-agreed', text: 'Two zones were agreed.' },
      { key: 'observers', text: 'Twelve observers will patrol them.' },
    ],
    figures: [
      { key: 'zones', about: 'zones', value: '2' },
      { key: 'observers', about: 'observers', value: '12' },
    ],
    at: '2031-03-03T12:00:00Z',
  });
  assert.deepEqual(second, { version: 4, newFacts: ['observers'], changedFigures: ['observers'] });
  await store.saveStoryAnalysis(id, {
    story: storyOf('Velmora and Castrel agree on river zones', 'Two zones were agreed.', 2),
    facts: [],
    figures: [{ key: 'observers', about: 'observers', value: '14' }],
    at: '2031-03-04T12:00:00Z',
  });

  const changes = await store.storyChangesSince(id, '2031-03-02T00:00:00Z');
  assert.deepEqual(changes.facts, [{ key: 'observers', text: 'Twelve observers will patrol them.', firstSeenAt: '2031-03-03T12:00:00.000Z' }]);
  assert.deepEqual(
    changes.figures.map((change) => [change.key, change.previousValue, change.value]),
    [['observers', null, '12'], ['observers', '12', '14']],
  );
  const stored = await store.getStory(id);
  assert.equal(stored?.version, 5);
  assert.equal(stored?.story?.independentReports, 2);
  assert.deepEqual(stored?.articles, [FERRY.fetched.contentHash, ZONES.fetched.contentHash]);
  assert.equal(await store.getStory('s999'), null);
  assert.equal(await store.getStory('not an id'), null);
  await store.close();
});

test('merged stories pool their articles and keep the earliest history', async () => {
  const store = await openSqliteStore(freshPath());
  for (const article of [FERRY, HARBOUR, ZONES]) await store.addArticle(article);
  const ferry = await store.createStory({ articles: [FERRY.fetched.contentHash], at: '2031-03-01T11:00:00Z' });
  const zones = await store.createStory({ articles: [ZONES.fetched.contentHash, HARBOUR.fetched.contentHash], at: '2031-02-28T11:00:00Z' });
  await store.saveStoryAnalysis(ferry, { story: storyOf('Ferry', 'Zones.', 1), facts: [{ key: 'zones', text: 'Zones.' }], figures: [], at: '2031-03-01T12:00:00Z' });
  await store.saveStoryAnalysis(zones, { story: storyOf('Zones', 'Zones.', 1), facts: [{ key: 'zones', text: 'Zones.' }], figures: [], at: '2031-02-28T12:00:00Z' });
  await store.mergeStories(ferry, [zones, ferry], '2031-03-05T00:00:00Z');
  const merged = await store.getStory(ferry);
  assert.deepEqual(new Set(merged?.articles), new Set([FERRY.fetched.contentHash, ZONES.fetched.contentHash, HARBOUR.fetched.contentHash]));
  assert.equal(merged?.createdAt, '2031-02-28T11:00:00.000Z');
  assert.equal(merged?.needsAnalysis, true);
  assert.equal(await store.getStory(zones), null);
  assert.deepEqual((await store.storyChangesSince(ferry, '2000-01-01')).facts.map((fact) => fact.firstSeenAt), ['2031-02-28T12:00:00.000Z']);
  assert.equal((await store.statistics()).stories, 1);
  assert.deepEqual(await store.verify(), []);
  await store.close();
});

test('a clustering batch places articles by cluster key, merges, and saves the state with them', async () => {
  const store = await openSqliteStore(':memory:');
  for (const article of [FERRY, HARBOUR, ZONES]) await store.addArticle(article);
  const [ferry, harbour, zones] = [FERRY, HARBOUR, ZONES].map(({ fetched }) => fetched.contentHash) as [string, string, string];
  assert.equal(await store.getClustererState(), null);

  const first = await store.applyClustering({
    steps: [
      { kind: 'place', article: ferry, cluster: 'c-ferry' },
      { kind: 'place', article: harbour, cluster: 'c-harbour' },
    ],
    state: { seen: 2 },
  });
  assert.equal(first.created.length, 2);
  assert.deepEqual(first.updated, []);
  assert.deepEqual(await store.getClustererState(), { seen: 2 });

  // The zones report joins the ferry cluster, which then absorbs the harbour cluster.
  const harbourStory = await store.storyOfArticle(harbour);
  const second = await store.applyClustering({
    steps: [
      { kind: 'place', article: zones, cluster: 'c-ferry' },
      { kind: 'merge', from: 'c-harbour', into: 'c-ferry' },
    ],
    state: { seen: 3 },
  });
  const ferryStory = await store.storyOfArticle(ferry);
  assert.deepEqual(second, { created: [], updated: [ferryStory], merged: [harbourStory] });
  assert.equal(await store.storyOfArticle(harbour), ferryStory);
  assert.equal(await store.storyOfArticle(zones), ferryStory);
  assert.equal((await store.statistics()).stories, 1);
  assert.deepEqual(await store.getClustererState(), { seen: 3 });
  await store.close();
});

test('a clustering split moves articles to a new story, and the old one keeps the rest', async () => {
  const store = await openSqliteStore(':memory:');
  for (const article of [FERRY, HARBOUR, ZONES]) await store.addArticle(article);
  const [ferry, harbour, zones] = [FERRY, HARBOUR, ZONES].map(({ fetched }) => fetched.contentHash) as [string, string, string];
  await store.applyClustering({
    steps: [
      { kind: 'place', article: ferry, cluster: 'c1' },
      { kind: 'place', article: harbour, cluster: 'c1' },
    ],
    state: {},
  });
  const before = await store.storyOfArticle(ferry);
  // The zones report is placed in the story that the split then makes.
  const outcome = await store.applyClustering({
    steps: [
      { kind: 'place', article: zones, cluster: 'c1~1' },
      { kind: 'split', from: 'c1', into: 'c1~1', articles: [harbour, zones] },
    ],
    state: {},
  });
  const after = await store.storyOfArticle(harbour);
  assert.notEqual(after, before);
  assert.equal(await store.storyOfArticle(zones), after);
  assert.equal(await store.storyOfArticle(ferry), before);
  assert.deepEqual(outcome, { created: [after], updated: [before], merged: [] });
  assert.equal((await store.getStory(before!))?.needsAnalysis, true);
  await store.close();
});

test('a clustering batch that fails leaves the stories and the saved state as they were', async () => {
  const store = await openSqliteStore(':memory:');
  await store.addArticle(FERRY);
  await store.applyClustering({ steps: [{ kind: 'place', article: FERRY.fetched.contentHash, cluster: 'c1' }], state: { seen: 1 } });
  await assert.rejects(
    store.applyClustering({ steps: [{ kind: 'place', article: 'no-such-article', cluster: 'c2' }], state: { seen: 2 } }),
    TypeError,
  );
  assert.equal((await store.statistics()).stories, 1);
  assert.deepEqual(await store.getClustererState(), { seen: 1 });
  await store.close();
});

test('search ranks title matches first, marks the matched words, and takes any query safely', async () => {
  const store = await openSqliteStore(freshPath());
  for (const article of [FERRY, HARBOUR, ZONES]) await store.addArticle(article);
  const id = await store.createStory({ articles: [FERRY.fetched.contentHash] });
  await store.saveStoryAnalysis(id, { story: storyOf('River zones agreed', 'Velmora and Castrel agreed on two de-escalation zones.', 2), facts: [], figures: [] });

  const zones = await store.search('de-escalation zones');
  assert.equal(zones.match, 'all');
  assert.deepEqual(new Set(zones.articles.map((hit) => hit.article.source)), new Set(['ferry.txt', 'zones.txt']));
  assert.equal(zones.articles[0]?.article.source, 'zones.txt', 'the article with "zones" in its title ranks first');
  assert.ok(zones.articles[0]!.score >= zones.articles[1]!.score);
  assert.equal(zones.stories[0]?.story.id, id);
  for (const hit of zones.articles) {
    assert.ok(hit.snippet.highlights.length > 0);
    for (const { start, end } of hit.snippet.highlights) assert.match(hit.snippet.text.slice(start, end), /^(de-escalation|zones?)$/i);
    assert.doesNotMatch(hit.snippet.text, /[\u0002\u0003]/);
  }

  assert.deepEqual((await store.search('"strike of nine days"')).articles.map((hit) => hit.article.source), ['harbour.txt']);
  assert.deepEqual((await store.search('"nine strike days"')).articles, [], 'a quoted phrase keeps its word order');
  assert.deepEqual((await store.search('observ*')).articles.map((hit) => hit.article.source), ['zones.txt']);
  // Words that are FTS5 operators are searched as words; none of these is a syntax error.
  for (const query of ['ferry AND', 'OR', 'NEAR(ferry dock)', 'ferry NOT', '"unbalanced', 'title:ferry', '(ferry', '*', 'zone* -Castrel', "Tessane's ^dock", '""', '']) {
    await store.search(query);
  }
  assert.equal((await store.search('ferry OR', { match: 'all' })).articles.length, 0, 'OR is a required word here, which no article has');

  const anyWord = await store.search('Velmora submarine');
  assert.equal(anyWord.match, 'any', 'when no article has every word, articles with some of them are found');
  assert.ok(anyWord.articles.length >= 2);
  assert.equal((await store.search('Velmora submarine', { match: 'all' })).articles.length, 0);
  assert.equal((await store.search('Tessane', { since: '2031-03-02T00:00:00Z' })).articles.length, 1);
  await store.close();
});

test('feeds keep their validators, count failures and come due in order', async () => {
  const store = await openSqliteStore(freshPath());
  assert.equal(await store.addFeed('https://news.example/rss', { at: '2031-03-01T00:00:00Z' }), true);
  assert.equal(await store.addFeed('https://news.example/rss'), false);
  await store.recordFeedPoll('https://news.example/rss', { ok: true, at: '2031-03-01T00:00:00Z', nextPollAt: '2031-03-01T00:15:00Z', etag: '"v1"', lastModified: 'Sat, 01 Mar 2031 00:00:00 GMT' });
  const failed = await store.recordFeedPoll('https://news.example/rss', { ok: false, at: '2031-03-01T00:15:00Z', nextPollAt: '2031-03-01T00:45:00Z', error: 'connection reset' });
  assert.deepEqual([failed.failures, failed.lastError, failed.etag], [1, 'connection reset', '"v1"']);
  const recovered = await store.recordFeedPoll('https://news.example/rss', { ok: true, at: '2031-03-01T00:45:00Z', nextPollAt: '2031-03-01T01:00:00Z' });
  assert.deepEqual([recovered.failures, recovered.lastError, recovered.etag, recovered.lastSuccessAt], [0, null, '"v1"', '2031-03-01T00:45:00.000Z']);
  await store.recordFeedPoll('https://other.example/atom', { ok: false, at: '2031-03-01T00:00:00Z', nextPollAt: '2031-03-01T00:30:00Z', error: 'HTTP 503' });
  assert.deepEqual((await store.listFeeds({ dueBy: '2031-03-01T00:40:00Z' })).map((feed) => feed.url), ['https://other.example/atom']);
  assert.deepEqual((await store.listFeeds()).map((feed) => feed.url), ['https://other.example/atom', 'https://news.example/rss']);
  assert.equal(await store.removeFeed('https://other.example/atom'), true);
  assert.equal(await store.getFeed('https://other.example/atom'), null);
  await store.close();
});

test('a locked database makes writes fail with a timeout error, and reads still work', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path, { busyTimeoutMs: 50 });
  await store.addArticle(FERRY);
  const other = new Database(path);
  other.prepare('BEGIN IMMEDIATE').run();
  try {
    await rejectsWith(store.addArticle(HARBOUR), 'timeout', /locked by another process/);
    assert.equal((await store.statistics()).articles, 1);
  } finally {
    other.prepare('ROLLBACK').run();
    other.close();
  }
  assert.equal((await store.addArticle(HARBOUR)).outcome, 'new');
  await store.close();
});

test('a read-only store reads, refuses writes with a clear error, and needs an existing file', async () => {
  const path = freshPath();
  const writer = await openSqliteStore(path);
  await writer.addArticle(FERRY);
  await writer.close();
  const reader = await openSqliteStore(path, { readonly: true });
  assert.equal((await reader.search('Velmora')).articles.length, 1);
  await rejectsWith(reader.addArticle(HARBOUR), 'io', /cannot be written/);
  assert.deepEqual(await reader.verify(), []);
  await reader.close();
  await rejectsWith(openSqliteStore(freshPath(), { readonly: true }), 'io', /no database/);
  await rejectsWith(openSqliteStore(join(folder, 'missing-folder', 'x.db')), 'io', /does not exist/);
  await rejectsWith(openSqliteStore(folder), 'io', /is a folder/);
});

test('a write that fails midway leaves nothing of itself behind', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path);
  await store.addArticle(FERRY);
  const id = await store.createStory({ articles: [FERRY.fetched.contentHash] });
  // Another connection installs triggers that fail the last step of each write.
  const saboteur = new Database(path);
  saboteur.exec(`
    CREATE TRIGGER fail_analysis BEFORE INSERT ON article_analyses BEGIN SELECT RAISE(ABORT, 'interrupted'); END;
    CREATE TRIGGER fail_figures BEFORE INSERT ON story_figures BEGIN SELECT RAISE(ABORT, 'interrupted'); END;
  `);
  await assert.rejects(store.addArticle({ ...HARBOUR, run: 'broken' }), /interrupted/);
  await assert.rejects(
    store.saveStoryAnalysis(id, { story: storyOf('Half', 'Half a story.', 1), facts: [{ key: 'half', text: 'Half.' }], figures: [{ key: 'n', about: 'n', value: '1' }] }),
    /interrupted/,
  );
  saboteur.exec('DROP TRIGGER fail_analysis; DROP TRIGGER fail_figures;');
  saboteur.close();

  assert.equal(await store.getArticle(HARBOUR.fetched.contentHash), null);
  assert.equal((await store.search('Harbour strike')).articles.length, 0);
  assert.deepEqual(await store.listIngestLog({ run: 'broken' }), []);
  const story = await store.getStory(id);
  assert.deepEqual([story?.version, story?.story, story?.title], [1, null, null]);
  assert.deepEqual(await store.storyChangesSince(id, '2000-01-01'), { facts: [], figures: [] });
  assert.deepEqual(await store.verify(), []);
  assert.equal((await store.addArticle(HARBOUR)).outcome, 'new');
  await store.close();
});

test('a process killed mid-ingest leaves a consistent database with every acknowledged article', async () => {
  const path = freshPath();
  const child = join(folder, 'ingest-loop.mjs');
  const here = (relative: string): string => pathToFileURL(fileURLToPath(new URL(relative, import.meta.url))).href;
  // The child analyses one article once, then stores copies of it under new content hashes as
  // fast as it can, so the kill lands inside writes rather than inside analysis.
  writeFileSync(
    child,
    `
    const { openSqliteStore } = await import(${JSON.stringify(here('./sqlite.ts'))});
    const { extractArticle } = await import(${JSON.stringify(here('../extract/index.ts'))});
    const { analyzeArticle } = await import(${JSON.stringify(here('../analyze/index.ts'))});
    const text = 'Lighthouse relit at Corran Point\\n\\n' + 'The keepers of Corran Point relit the lamp after repairs to the lens. '.repeat(200);
    const fetched = { source: 'corran.txt', contentHash: 'template', byteLength: text.length, encoding: 'utf-8', mediaType: 'text/plain', text, diagnostics: [] };
    const analyzed = analyzeArticle(extractArticle(fetched).value);
    const store = await openSqliteStore(process.argv[2]);
    let story = null;
    for (let index = 0; ; index++) {
      const contentHash = 'hash-' + index;
      await store.addArticle({
        fetched: { ...fetched, source: 'corran-' + index + '.txt', contentHash },
        analyzed: { ...analyzed, article: { ...analyzed.article, contentHash, id: 'a' + index } },
        analyzerVersion: 'loop',
      });
      if (index % 10 === 0) story = await store.createStory({ articles: [contentHash] });
      else await store.addArticlesToStory(story, [contentHash]);
      process.stdout.write(index + '\\n');
    }
    `,
  );
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, path], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
  let acknowledged = -1;
  await new Promise<void>((resolve, reject) => {
    process_.on('error', reject);
    process_.on('exit', () => reject(new Error('the ingest loop exited before it was killed')));
    process_.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line !== '') acknowledged = Math.max(acknowledged, Number(line));
      if (acknowledged >= 60 && process_.exitCode === null && !process_.killed) {
        process_.kill('SIGKILL');
        resolve();
      }
    });
  });
  await new Promise((resolve) => process_.once('close', resolve));

  const store = await openSqliteStore(path);
  assert.deepEqual(await store.verify(), []);
  const articles = await store.listArticles({ limit: 100_000 });
  assert.ok(articles.length >= acknowledged + 1, `${articles.length} articles stored, ${acknowledged + 1} acknowledged`);
  const stored = await store.getArticles(articles.map((article) => article.contentHash));
  assert.equal(stored.length, articles.length);
  for (const article of stored) {
    assert.match(article.analyzed.article.text, /Corran Point/);
    assert.ok(article.analyzed.sentences.length > 0);
    assert.notEqual(await store.getInput(article.contentHash), null);
  }
  // Every article but possibly the very last (stored, killed before it joined its story) is in a story.
  assert.ok((await store.statistics()).unassignedArticles <= 1);
  await store.close();
});
