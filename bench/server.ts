import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInputs } from '../src/archive/ingest.js';
import { openSqliteStore } from '../src/store/sqlite.js';

/**
 * The server benchmark: a short load run against `parallax serve` on 127.0.0.1. An archive is
 * seeded with the bundled example (`examples/merrow-dam`, one story of 11 articles), the real
 * command is started on it in a child process (port 0: any free port), and a closed loop of
 * `concurrency` clients, each sending its next request as soon as its last one is answered
 * (Node's fetch, keep-alive connections), runs for `seconds` against the story endpoint and then
 * against the story list. It reports requests per second, median and 99th-percentile latency,
 * errors, and the size of each answer, then stops the server. The server has its own process, so
 * the numbers are the server's, with the load generator on the other cores.
 */

/** Options of the server benchmark. */
export interface ServerBenchOptions {
  /** Length of each endpoint's run (default 10). */
  readonly seconds: number;
  /** Requests in flight at once (default 16). */
  readonly concurrency: number;
}

/** What one endpoint's run measured. */
interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly bodyBytes: number;
}

/** The value below which `fraction` of the sorted values lie (nearest rank). */
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

/** Runs `concurrency` clients against one URL for `seconds`, each sending its next request when its last is answered. */
async function loadRun(url: string, seconds: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let bodyBytes = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < end) {
      const sent = performance.now();
      try {
        const response = await fetch(url);
        const body = await response.arrayBuffer();
        if (response.ok) bodyBytes = body.byteLength;
        else errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, requestsPerSecond: latencies.length / elapsedSeconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), bodyBytes };
}

/** Starts `parallax serve` from source on the archive and resolves with its address and a way to stop it. */
function startServer(database: string): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', database], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving \d+ stor(?:y|ies) at (http:\/\/\S+)/.exec(stderr);
      if (match !== null) {
        resolve({
          url: match[1]!,
          stop: () => {
            child.kill('SIGINT');
            return exit;
          },
        });
      }
    });
    void exit.then((code) => reject(new Error(`parallax serve exited with ${code}: ${stderr.trim()}`)));
  });
}

/** Runs the benchmark and prints its report; returns the process exit code. */
export async function runServerBench(options: ServerBenchOptions): Promise<number> {
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const folder = mkdtempSync(join(tmpdir(), 'parallax-server-bench-'));
  const database = join(folder, 'archive.db');
  try {
    const store = await openSqliteStore(database);
    let storyId: string;
    try {
      await ingestInputs(store, ['examples/merrow-dam']);
      const [summary] = await store.listStories({ limit: 1 });
      if (summary === undefined) throw new Error('the example made no story');
      storyId = summary.id;
    } finally {
      await store.close();
    }
    const server = await startServer(database);
    let results: Array<[string, LoadResult]>;
    try {
      const endpoints: Array<[string, string]> = [
        [`GET /api/stories/${storyId}`, `${server.url}api/stories/${storyId}`],
        ['GET /api/stories', `${server.url}api/stories`],
      ];
      results = [];
      for (const [label, url] of endpoints) {
        await loadRun(url, 0.5, 2); // warm-up: the story cache, the JIT, the connections
        results.push([label, await loadRun(url, options.seconds, options.concurrency)]);
      }
    } finally {
      const code = await server.stop();
      if (code !== 0) process.stderr.write(`bench: parallax serve exited with ${code}\n`);
    }
    out(`Server: parallax serve on 127.0.0.1 (its own process) over the example archive (1 story, 11 articles)`);
    out(`closed loop of ${options.concurrency} clients (Node fetch, keep-alive), ${options.seconds} s per endpoint\n`);
    out(`  ${'endpoint'.padEnd(22)} ${'requests'.padStart(9)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'answer bytes'.padStart(13)}`);
    for (const [label, result] of results) {
      out(
        `  ${label.padEnd(22)} ${String(result.requests).padStart(9)} ${result.requestsPerSecond.toFixed(0).padStart(8)} ${result.p50Ms.toFixed(2).padStart(8)} ${result.p99Ms.toFixed(2).padStart(8)} ${String(result.errors).padStart(7)} ${String(result.bodyBytes).padStart(13)}`,
      );
    }
    return results.some(([, result]) => result.errors > 0) ? 1 : 0;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
