import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeArticle } from '../analyze/index.js';
import { hashContent } from '../core/ids.js';
import { extractArticle } from '../extract/index.js';
import { openSqliteStore } from '../store/sqlite.js';
import { ANALYZER_VERSION, ingestInputs } from './ingest.js';

let directory = '';
before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'parallax-ingest-'));
  await writeFile(
    join(directory, 'a.txt'),
    'Ferry fire off Talm\n\nA fire broke out on the ferry Orla near the port of Talm on Sunday, the coastguard of Velmar said.\n\nAll 212 passengers were taken off by lifeboats, and nobody was hurt.\n',
  );
  await writeFile(
    join(directory, 'b.txt'),
    'Passengers rescued as ferry burns near Talm\n\nThe coastguard of Velmar said all 212 passengers of the ferry Orla were rescued by lifeboats after a fire near the port of Talm on Sunday.\n\nThe cause of the fire on the Orla is not yet known.\n',
  );
  await writeFile(join(directory, 'empty.txt'), '');
});
after(async () => rm(directory, { recursive: true, force: true }));

test('ingest stores articles once, groups them into an analysed story, logs failures and feeds search', async () => {
  const store = await openSqliteStore(join(directory, 'archive.db'));
  try {
    const first = await ingestInputs(store, [directory]);
    assert.equal(first.added, 2);
    assert.equal(first.duplicates, 0);
    assert.ok(first.failed.some(({ input }) => input.endsWith('empty.txt')));
    assert.ok(first.storiesCreated >= 1);
    const again = await ingestInputs(store, [directory]);
    assert.equal(again.added, 0);
    assert.equal(again.duplicates, 2);
    assert.equal(again.storiesCreated, 0);
    const stories = await store.listStories();
    assert.equal(stories.reduce((sum, story) => sum + story.articles.length, 0), 2, 'every article is in one story');
    const stored = await store.getStory(stories[0]!.id);
    assert.ok(stored?.story !== null && (stored?.story?.summary.length ?? 0) > 0);
    const results = await store.search('ferry lifeboats');
    assert.ok(results.articles.length > 0);
    assert.deepEqual(await store.verify(), []);
  } finally {
    await store.close();
  }
});

const FOLLOW_UP =
  'Ferry Orla towed into Talm after fire\n\nTugs towed the burned ferry Orla into the port of Talm on Monday, a day after the fire, the coastguard of Velmar said.\n\nInvestigators from the Velmar maritime board boarded the Orla to look for the cause of the fire, which started in the engine room, the coastguard said.\n';

test('a later run adds a new report to its story, whose analysis is brought up to date with what is new', async () => {
  const store = await openSqliteStore(join(directory, 'later.db'));
  try {
    await ingestInputs(store, [join(directory, 'a.txt'), join(directory, 'b.txt')]);
    const [before] = await store.listStories();
    assert.ok(before !== undefined);
    // Times are kept to the millisecond: let the clock move on either side of the mark.
    const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
    await tick();
    const between = new Date().toISOString();
    await tick();
    await writeFile(join(directory, 'later.txt'), FOLLOW_UP);
    const later = await ingestInputs(store, [join(directory, 'later.txt')]);
    assert.equal(later.added, 1);
    assert.equal(later.storiesCreated, 0);
    assert.equal(later.storiesUpdated, 1);
    const after = await store.getStory(before.id);
    assert.equal(after?.articles.length, 3);
    assert.equal(after?.needsAnalysis, false);
    assert.equal(after?.story?.articles.length, 3);
    const changes = await store.storyChangesSince(before.id, between);
    assert.ok(changes.facts.some(({ text }) => /engine room/.test(text)), 'the follow-up brought a new fact');
    assert.ok(!changes.facts.some(({ text }) => /lifeboats/.test(text) && !/engine/.test(text)), 'facts already known are not new');
  } finally {
    await store.close();
  }
});

test('articles a killed run stored but never placed in a story are placed and analysed by the next run', async () => {
  const store = await openSqliteStore(join(directory, 'killed.db'));
  try {
    // What a run killed between storing and clustering leaves: stored articles in no story.
    for (const text of [FOLLOW_UP]) {
      const fetched = { source: 'stored.txt', contentHash: hashContent(text), byteLength: Buffer.byteLength(text), encoding: 'utf-8', mediaType: 'text/plain' as const, text, diagnostics: [] };
      const extracted = extractArticle(fetched);
      assert.ok(extracted.ok);
      await store.addArticle({ fetched, analyzed: analyzeArticle(extracted.value), analyzerVersion: ANALYZER_VERSION });
    }
    assert.equal((await store.statistics()).unassignedArticles, 1);
    const next = await ingestInputs(store, [join(directory, 'a.txt')]);
    assert.equal(next.added, 1);
    const statistics = await store.statistics();
    assert.equal(statistics.unassignedArticles, 0);
    assert.equal(statistics.storiesNeedingAnalysis, 0);
    assert.deepEqual(await store.verify(), []);
  } finally {
    await store.close();
  }
});

test('a JSON Lines export is ingested line by line, and its bad lines are logged as failures', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const path = join(directory, 'export.jsonl');
    const line = (title: string, text: string): string => JSON.stringify({ title, text, outlet: 'Talm Gazette', published: '2031-06-01T09:00:00Z' });
    await writeFile(path, [line('Orla fire', FOLLOW_UP), '{broken', line('Orla fire, update', `${FOLLOW_UP}\nThe ferry company said services resume on Friday.\n`)].join('\n'));
    const report = await ingestInputs(store, [path]);
    assert.equal(report.added, 2);
    assert.ok(report.failed.some(({ reason }) => /line 2/.test(reason)));
    const [article] = await store.listArticles({ limit: 1 });
    assert.equal(article?.outlet, 'Talm Gazette');
  } finally {
    await store.close();
  }
});

test('articles an older version analysed are analysed again from their stored input, and their stories brought up to date', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    await ingestInputs(store, [join(directory, 'a.txt')]);
    const [article] = await store.listArticles({ limit: 1 });
    assert.ok(article !== undefined);
    const stored = await store.getArticle(article.contentHash);
    // As an older Parallax would have left it.
    await store.replaceAnalysis(article.contentHash, stored!.analyzed, 'older');
    assert.equal((await store.listStories())[0]?.needsAnalysis, true);
    const next = await ingestInputs(store, [join(directory, 'b.txt')]);
    assert.equal(next.reanalyzed, 1);
    assert.equal((await store.getArticle(article.contentHash))?.analyzerVersion, ANALYZER_VERSION);
    assert.equal((await store.statistics()).storiesNeedingAnalysis, 0);
  } finally {
    await store.close();
  }
});
