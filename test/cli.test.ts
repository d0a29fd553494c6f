import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

/** Runs the CLI from source, as `parallax …`. */
function parallax(args: readonly string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', input: input ?? '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ARTICLE = 'Harbour wall repaired\n\nWorkers finished repairing the harbour wall in Halm on Friday, the port authority said.\n\nThe repair took six weeks and cost about 3 million crowns.\n';

describe('parallax story (command line)', () => {
  let directory = '';
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-cli-'));
    await writeFile(join(directory, 'good.txt'), ARTICLE);
    await writeFile(join(directory, 'empty.txt'), '');
    await writeFile(join(directory, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await writeFile(join(directory, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE.replace('Halm', 'Hälm'), 'utf16le')]));
    await writeFile(join(directory, 'latin.txt'), Buffer.from(ARTICLE.replace('Halm', 'H\u00e4lm'), 'latin1'));
    await writeFile(join(directory, 'huge.txt'), '');
    await truncate(join(directory, 'huge.txt'), 50 * 1024 * 1024);
  });
  after(async () => rm(directory, { recursive: true, force: true }));

  test('prints the Story record as JSON', () => {
    const { code, stdout } = parallax(['story', 'examples/merrow-dam', '--format', 'json']);
    assert.equal(code, 0);
    const story = JSON.parse(stdout) as Record<string, unknown> & { articles: Record<string, unknown>[]; summary: { citations: unknown[] }[] };
    for (const key of ['schemaVersion', 'title', 'articles', 'independentReports', 'summary']) assert.ok(key in story, key);
    for (const key of ['id', 'source', 'title', 'outlet', 'published', 'origin', 'removed', 'diagnostics', 'text']) assert.ok(key in (story.articles[0] ?? {}), key);
    assert.ok(story.summary.every((sentence) => sentence.citations.length > 0));
  });

  test('prints a terminal report with the summary, articles and removed boilerplate', () => {
    const { code, stdout } = parallax(['story', 'examples/merrow-dam', '--verbose']);
    assert.equal(code, 0);
    assert.match(stdout, /11 articles · 10 independent reports/);
    assert.match(stdout, /What independent reports agree on/);
    assert.match(stdout, /Summary\n {2}• [^\n]+[\s\S]*?\[\d\]/);
    assert.match(stdout, /Removed as boilerplate/);
    assert.match(stdout, /appeal \(removeAppeal\): Your support/);
    assert.doesNotMatch(stdout, /\u001b\[/, 'no terminal styles when stdout is not a terminal');
  });

  test('writes Markdown to a file with --out', async () => {
    const out = join(directory, 'story.md');
    const { code } = parallax(['story', join(directory, 'good.txt'), '--format', 'md', '--out', out]);
    assert.equal(code, 0);
    assert.match(await readFile(out, 'utf8'), /^# Harbour wall repaired/);
  });

  test('a focus question that matches nothing gives a warning and the whole story’s summary; --words 0 is a usage error', () => {
    const { code, stdout, stderr } = parallax(['story', '-', '--focus', 'cryptocurrency exchange', '--format', 'json'], ARTICLE);
    assert.equal(code, 0);
    assert.match(stderr, /warning: no sentence answers the focus "cryptocurrency exchange"/);
    const story = JSON.parse(stdout) as { summary: unknown[]; diagnostics: Array<{ code: string }> };
    assert.ok(story.summary.length > 0);
    assert.ok(story.diagnostics.some((diagnostic) => diagnostic.code === 'focus-unmatched'));
    const zero = parallax(['story', '-', '--words', '0'], ARTICLE);
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /positive whole number/);
  });

  test('reads one article from standard input', () => {
    const { code, stdout } = parallax(['story', '-', '--format', 'json'], ARTICLE);
    assert.equal(code, 0);
    const story = JSON.parse(stdout) as { articles: { source: string; title: string }[]; summary: unknown[] };
    assert.deepEqual(story.articles.map((article) => [article.source, article.title]), [['-', 'Harbour wall repaired']]);
    assert.ok(story.summary.length > 0, 'a single report still gets a summary');
  });

  test('bad inputs are reported with their cause and the others are still analysed', () => {
    const { code, stdout, stderr } = parallax(['story', directory, join(directory, 'missing.txt'), '--format', 'json']);
    assert.equal(code, 0);
    const story = JSON.parse(stdout) as { articles: { source: string; text: string }[]; diagnostics: { code: string; input: string }[] };
    assert.deepEqual(story.articles.map((article) => article.source.slice(directory.length + 1)).sort(), ['good.txt', 'latin.txt', 'utf16.txt']);
    assert.ok(story.articles.some((article) => article.text.includes('Hälm')));
    const codes = Object.fromEntries(story.diagnostics.map((diagnostic) => [diagnostic.input.slice(directory.length + 1), diagnostic.code]));
    assert.deepEqual(codes, {
      'binary.txt': 'binary',
      'empty.txt': 'empty',
      'huge.txt': 'too-large',
      'latin.txt': 'encoding-fallback',
      'missing.txt': 'unreadable',
    });
    assert.match(stderr, /warning: .*latin\.txt: not valid UTF-8/);
    assert.match(stderr, /error: .*huge\.txt: is 50\.0 MiB, over the 10\.0 MiB limit/);
  });

  test('exit code 1 when no article could be read', () => {
    const { code, stderr } = parallax(['story', join(directory, 'empty.txt'), join(directory, 'binary.txt')]);
    assert.equal(code, 1);
    assert.match(stderr, /no article could be read/);
  });

  const USAGE_ERRORS: readonly (readonly string[])[] = [['story'], ['story', 'x', '--format', 'pdf'], ['story', 'x', '--sentences', 'none'], ['nonsense']];
  for (const args of USAGE_ERRORS) {
    test(`exit code 2 for a usage error: ${args.join(' ')}`, () => assert.equal(parallax(args).code, 2));
  }

  test('--help describes the command', () => {
    const { code, stdout } = parallax(['story', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--format/);
    assert.match(stdout, /Exit codes/);
  });
});

describe('parallax ingest, stories, story --id, search (command line)', () => {
  let directory = '';
  let database = '';
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-archive-cli-'));
    database = join(directory, 'archive.db');
  });
  after(async () => rm(directory, { recursive: true, force: true }));

  test('ingest stores the example, stories lists it with its articles, story --id reports it with what is new', () => {
    const ingest = parallax(['ingest', 'examples/merrow-dam', '--db', database, '--format', 'json']);
    assert.equal(ingest.code, 0, ingest.stderr);
    const report = JSON.parse(ingest.stdout) as { added: number; storiesCreated: number };
    assert.ok(report.added >= 10);
    assert.ok(report.storiesCreated >= 1);

    const listed = parallax(['stories', '--db', database, '--format', 'json']);
    assert.equal(listed.code, 0);
    const stories = JSON.parse(listed.stdout) as Array<{ id: string; counts: { articles: number; outlets: number }; articles: Array<{ id: string; source: string }> }>;
    const largest = [...stories].sort((a, b) => b.counts.articles - a.counts.articles)[0]!;
    assert.ok(largest.counts.articles >= 5);
    assert.ok(largest.articles.every(({ id, source }) => id !== '' && source.startsWith('examples/merrow-dam/')));

    const report2 = parallax(['story', '--id', largest.id, '--db', database, '--since', '1h', '--format', 'md']);
    assert.equal(report2.code, 0, report2.stderr);
    assert.match(report2.stdout, /^## New since /);
    const json = JSON.parse(parallax(['story', '--id', largest.id, '--db', database, '--since', '2030-01-01', '--format', 'json']).stdout) as { changes: { facts: unknown[] } };
    assert.deepEqual(json.changes.facts, [], 'nothing is new after a future date');

    const search = parallax(['search', 'spillway', '--db', database]);
    assert.equal(search.code, 0);
    assert.match(search.stdout, /Articles \([1-9]/);
  });

  test('story --id of an unknown story exits 1; story with neither inputs nor --id, or --since without --id, is a usage error', () => {
    assert.equal(parallax(['story', '--id', 's999', '--db', database]).code, 1);
    assert.equal(parallax(['story', '--db', database]).code, 2);
    assert.equal(parallax(['story', 'examples/merrow-dam', '--since', '2d']).code, 2);
    assert.equal(parallax(['story', '--id', 's1', '--since', 'yesterday', '--db', database]).code, 2);
  });

  test('a file that is not a Parallax database is refused with its cause and left untouched', async () => {
    const notes = join(directory, 'notes.db');
    await writeFile(notes, 'shopping list: bread, milk\n'.repeat(400));
    const before = await readFile(notes);
    const result = parallax(['ingest', 'examples/merrow-dam', '--db', notes]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /not a Parallax database, or it is damaged/);
    assert.deepEqual(await readFile(notes), before);
  });
});
