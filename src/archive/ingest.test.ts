import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openSqliteStore } from '../store/sqlite.js';
import { ingestInputs } from './ingest.js';

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
