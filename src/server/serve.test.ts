import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { StoriesResponse } from './api-types.js';

/** `parallax serve` as a user runs it: the CLI from source in a child process, on 127.0.0.1. */

let folder = '';

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'parallax-serve-test-'));
});

after(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Starts `parallax serve` with these arguments; collects its stderr and its exit. */
function startServe(args: readonly string[]): { child: ChildProcessWithoutNullStreams; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => stderr, exit };
}

/** Resolves with the address the server prints once it listens, or rejects when it exits first. */
function servingUrl(started: ReturnType<typeof startServe>): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = /Parallax is serving \d+ stor(?:y|ies) at (http:\/\/\S+)/.exec(started.stderr());
      if (match !== null) resolve(match[1]!);
    };
    started.child.stderr.on('data', check);
    void started.exit.then((code) => reject(new Error(`parallax serve exited with ${code}: ${started.stderr()}`)));
  });
}

test('parallax serve answers the API on 127.0.0.1 and stops cleanly on SIGINT', async () => {
  const started = startServe(['--port', '0', '--db', join(folder, 'archive.db')]);
  const url = await servingUrl(started);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.match(started.stderr(), /serving 0 stories/);
  const response = await fetch(`${url}api/stories`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(((await response.json()) as StoriesResponse).stories, []);
  const page = await fetch(url);
  assert.match(await page.text(), /<div id="app"><\/div>/);
  started.child.kill('SIGINT');
  assert.equal(await started.exit, 0);
  assert.match(started.stderr(), /stopping/);
});

test('parallax serve fails with a clear message when the port is in use', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as AddressInfo;
  try {
    const started = startServe(['--port', String(port), '--db', join(folder, 'busy.db')]);
    assert.equal(await started.exit, 1);
    assert.match(started.stderr(), new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use`));
    assert.doesNotMatch(started.stderr(), /\n\s+at /, 'no stack trace');
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
});

test('parallax serve refuses a port out of range as a usage error', async () => {
  const started = startServe(['--port', '70000', '--db', join(folder, 'unused.db')]);
  assert.equal(await started.exit, 2);
  assert.match(started.stderr(), /port number from 0 to 65535/);
});
