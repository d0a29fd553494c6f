import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveInputs } from './inputs.js';
import { isJsonLines, parseJsonLines } from './json-lines.js';

const LINES = [
  JSON.stringify({
    url: 'https://harbourpost.example/2031/kelm-bridge',
    title: 'Kelm bridge closed after barge strike',
    text: 'A grain barge struck the Kelm bridge on Friday night. Engineers closed the bridge to traffic while divers inspect the piers.',
    published: '2031-05-02T08:00:00Z',
    outlet: 'Harbour Post',
  }),
  '',
  'not json at all',
  JSON.stringify({ title: 'A line with a title and nothing else' }),
  JSON.stringify({ html: '<p>The river authority said the barge had lost power upstream of the Kelm bridge.</p>', published: 'someday' }),
  JSON.stringify({ url: 'ftp://files.example/bridge.txt' }),
].join('\n');

test('JSON Lines is recognised by its name, its media type or a first line that is an article record', () => {
  assert.equal(isJsonLines('', 'export.jsonl'), true);
  assert.equal(isJsonLines('', 'https://api.example/items.ndjson?page=2'), true);
  assert.equal(isJsonLines('', 'https://api.example/items', 'application/x-ndjson; charset=utf-8'), true);
  assert.equal(isJsonLines(LINES, 'stream'), true);
  assert.equal(isJsonLines('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": []\n}', 'feed.json'), false);
  assert.equal(isJsonLines('{"name": "config"}', 'settings'), false);
  assert.equal(isJsonLines('Plain article text.', 'a.txt'), false);
});

test('each usable line becomes an article with its hints, and every bad line is reported by number', () => {
  const { records, diagnostics } = parseJsonLines(LINES, 'export.jsonl');
  assert.equal(records.length, 2);
  const [first, second] = records;
  assert.equal(first?.kind, 'article');
  if (first?.kind !== 'article' || second?.kind !== 'article') return;
  assert.equal(first.fetched.url, 'https://harbourpost.example/2031/kelm-bridge');
  assert.equal(first.fetched.mediaType, 'text/plain');
  assert.deepEqual(first.fetched.hints, { title: 'Kelm bridge closed after barge strike', outlet: 'Harbour Post', published: '2031-05-02T08:00:00Z' });
  assert.equal(second.fetched.mediaType, 'text/html');
  assert.equal(second.fetched.source, 'export.jsonl#line-5');
  const messages = diagnostics.map(({ message }) => message);
  assert.ok(messages.some((message) => message.startsWith('line 3: is not a JSON object')));
  assert.ok(messages.some((message) => message.startsWith('line 4: has no "text", "html" or "url"')));
  assert.ok(messages.some((message) => message.startsWith('line 5: "published" is not a date')));
  assert.ok(messages.some((message) => message.startsWith('line 6: "url" is not an http(s) address')));
});

test('the same article on two lines has one content hash, so the archive stores it once', () => {
  const line = JSON.stringify({ text: 'The ferry to Kelm sails again on Monday.' });
  const { records } = parseJsonLines(`${line}\n${line}\n`, 'twice.jsonl');
  const hashes = records.map((record) => (record.kind === 'article' ? record.fetched.contentHash : ''));
  assert.equal(new Set(hashes).size, 1);
});

test('a JSON Lines file given as an input yields its articles, and a line with only an address is fetched', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'parallax-jsonl-'));
  try {
    const path = join(folder, 'export.jsonl');
    await writeFile(path, `${LINES}\n${JSON.stringify({ url: 'http://127.0.0.1:9/unreachable' })}\n`);
    const { fetched, diagnostics } = await resolveInputs([path], { timeoutMs: 2000, retries: 0 });
    assert.equal(fetched.length, 2);
    // The loopback address is refused (private networks are off by default), and said so.
    assert.ok(diagnostics.some(({ code, input }) => code === 'private-address' && input === 'http://127.0.0.1:9/unreachable'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
