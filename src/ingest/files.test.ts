import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { readInputs } from './files.js';

describe('readInputs', () => {
  let directory = '';
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-files-'));
    await writeFile(join(directory, 'a.txt'), 'Ferry returns\n\nThe ferry left at dawn.');
    await writeFile(join(directory, 'empty.txt'), '');
    await writeFile(join(directory, 'big.txt'), 'x'.repeat(2048));
    await writeFile(join(directory, 'notes.md'), 'not an article');
    await mkdir(join(directory, 'nothing'));
  });
  after(async () => rm(directory, { recursive: true, force: true }));

  test('reads a directory, reporting what it cannot read', async () => {
    const { fetched, diagnostics } = await readInputs([directory], { maxBytes: 1024 });
    assert.deepEqual(fetched.map((item) => item.source), [join(directory, 'a.txt')]);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.input]).sort(), [
      ['empty', join(directory, 'empty.txt')],
      ['too-large', join(directory, 'big.txt')],
    ]);
  });

  test('a missing path and an empty directory are diagnostics, not exceptions', async () => {
    const { fetched, diagnostics } = await readInputs([join(directory, 'missing.txt'), join(directory, 'nothing'), join(directory, 'a.txt')]);
    assert.equal(fetched.length, 1);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['unreadable', 'empty-directory']);
    assert.match(diagnostics[0]?.message ?? '', /no such file/);
  });

  test('- reads one article from standard input', async () => {
    const { fetched } = await readInputs(['-'], { stdin: Readable.from([Buffer.from('Title\n\nBody text here.')]) });
    assert.equal(fetched[0]?.source, '-');
    assert.equal(fetched[0]?.text, 'Title\n\nBody text here.');
  });
});
