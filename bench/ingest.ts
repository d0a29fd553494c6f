import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFetched } from '../src/archive/ingest.js';
import { hashContent } from '../src/core/ids.js';
import type { Fetched } from '../src/core/records.js';
import { makeProgress } from '../src/cli/progress.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { bcubed } from './clustering.js';
import { loadMultiNews, multiNewsPath } from './multi-news.js';
import { syntheticNews, type SyntheticArticle } from './synthetic-news.js';

/**
 * The archive-ingest benchmark: a synthetic stream of real Multi-News text (see
 * `synthetic-news.ts`) is ingested into a fresh SQLite archive, a batch at a time, the way a
 * feed poll or an import hands articles over: each batch is extracted, analysed, stored, placed
 * in stories, and every story that changed is analysed again. It is run at each size asked
 * (10,000 then 100,000 by default), each into its own new archive, and reports articles per
 * second, the time per article in each tenth of the run (flat when the cost of one article does
 * not grow with the archive), the peak memory, the archive's size, and the B-cubed score of
 * the stored stories against the synthetic stories. The target: the largest run's time per
 * article within 1.5 times the smallest's.
 */

/** Options of the ingest benchmark. */
export interface IngestBenchOptions {
  /** The evaluation data folder (holding `multi-news-dev/`). */
  readonly dataDirectory: string;
  /** Stream lengths, each ingested into a new archive (default 10,000 and 100,000). */
  readonly sizes: readonly number[];
  /** Articles handed to one ingest call (default 1,000). */
  readonly batch?: number;
}

/** What one run measured. */
interface RunResult {
  readonly size: number;
  readonly msPerArticle: number;
  readonly windows: readonly number[];
  /** Live heap after a full garbage collection at the end of each tenth, when `gc` is exposed. */
  readonly liveHeapMb: readonly number[];
  readonly peakRssMb: number;
  readonly databaseMb: number;
  readonly stories: number;
  readonly bcubed: ReturnType<typeof bcubed>;
}

/** A synthetic article as the archive receives it: plain text, with what a feed would say about it. */
function fetchedOf(article: SyntheticArticle): Fetched {
  const bytes = Buffer.from(article.text, 'utf8');
  return {
    source: `synthetic:${article.id}`,
    contentHash: hashContent(bytes),
    byteLength: bytes.byteLength,
    encoding: 'utf-8',
    mediaType: 'text/plain',
    text: article.text,
    diagnostics: [],
    hints: { title: article.title, outlet: article.outlet, published: new Date(article.publishedMs).toISOString() },
  };
}

/** Ingests `size` articles of the stream into a new archive and measures it. */
async function runOnce(clusters: Parameters<typeof syntheticNews>[0], size: number, batchSize: number): Promise<RunResult> {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-ingest-bench-'));
  const path = join(folder, 'archive.db');
  const store = await openSqliteStore(path);
  const progress = makeProgress(`ingest ${size}`, size);
  const window = Math.max(1, Math.ceil(size / 10));
  const windows: number[] = [];
  const liveHeapMb: number[] = [];
  const collect = (globalThis as { gc?: () => void }).gc;
  const gold = new Map<string, string>();
  let windowStart = performance.now();
  let inWindow = 0;
  let total = 0;
  let peakRss = 0;
  try {
    let batch: Fetched[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const started = performance.now();
      await ingestFetched(store, batch, [], { run: `bench-${size}` });
      total += performance.now() - started;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      batch = [];
    };
    for (const article of syntheticNews(clusters, size)) {
      const fetched = fetchedOf(article);
      gold.set(fetched.contentHash, article.story);
      batch.push(fetched);
      progress.tick();
      if (batch.length >= batchSize) await flush();
      if (++inWindow === window) {
        await flush();
        windows.push((performance.now() - windowStart) / inWindow);
        if (collect !== undefined) {
          collect();
          liveHeapMb.push(process.memoryUsage().heapUsed / 1e6);
        }
        windowStart = performance.now();
        inWindow = 0;
      }
    }
    await flush();
    if (inWindow > 0) windows.push((performance.now() - windowStart) / inWindow);
    progress.done();
    const predicted = new Map<string, string>();
    for (const hash of gold.keys()) predicted.set(hash, (await store.storyOfArticle(hash)) ?? `none:${hash}`);
    const { stories } = await store.statistics();
    await store.close();
    return {
      size,
      msPerArticle: total / gold.size,
      windows,
      liveHeapMb,
      peakRssMb: peakRss / 1e6,
      databaseMb: (statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0)) / 1e6,
      stories,
      bcubed: bcubed(predicted, gold),
    };
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the benchmark and prints its report; returns the process exit code. */
export async function runIngestBench(options: IngestBenchOptions): Promise<number> {
  const path = multiNewsPath(options.dataDirectory);
  if (path === null) {
    process.stderr.write(`bench: no multi-news-dev/clusters.jsonl.gz under ${options.dataDirectory}\n`);
    return 1;
  }
  const clusters = loadMultiNews(path);
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  out(`Archive ingest: synthetic streams of Multi-News text (${clusters.length} clusters recombined), ${options.batch ?? 1000} articles per ingest call, each run into a new SQLite archive`);
  const results: RunResult[] = [];
  for (const size of options.sizes) {
    const result = await runOnce(clusters, size, options.batch ?? 1000);
    results.push(result);
    out(`\n${size} articles: ${result.msPerArticle.toFixed(1)} ms per article (${(1000 / result.msPerArticle).toFixed(1)} articles per second)`);
    out(`  ms per article in each tenth of the run: ${result.windows.map((ms) => ms.toFixed(1)).join('  ')}`);
    out(`  peak memory ${result.peakRssMb.toFixed(0)} MB resident; archive ${result.databaseMb.toFixed(0)} MB, ${result.stories} stories`);
    if (result.liveHeapMb.length > 0) out(`  live heap (MB, after a full collection) at each tenth: ${result.liveHeapMb.map((mb) => mb.toFixed(0)).join('  ')}`);
    out(`  stories against the synthetic stories, B-cubed P / R / F1: ${result.bcubed.precision.toFixed(3)} / ${result.bcubed.recall.toFixed(3)} / ${result.bcubed.f1.toFixed(3)}`);
  }
  if (results.length >= 2) {
    const smallest = results[0]!;
    const largest = results.at(-1)!;
    const ratio = largest.msPerArticle / smallest.msPerArticle;
    out(`\nTime per article, ${largest.size} vs ${smallest.size} articles: ${ratio.toFixed(2)}× (target at most 1.5×: ${ratio <= 1.5 ? 'met' : 'missed'})`);
  }
  return 0;
}
