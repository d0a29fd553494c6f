import { splitSentences } from '../src/analyze/sentences.js';
import { averageScores, scoreSummary, type DocumentScores, type RougeOptions } from '../src/evaluate/rouge/index.js';
import { MULTI_NEWS_PUBLISHED, loadMultiNews, multiNewsPath, type MultiNewsCluster } from './multi-news.js';
import { makeProgress } from '../src/cli/progress.js';

/** Options of the ROUGE benchmark. */
export interface RougeBenchOptions {
  /** The evaluation data folder, or the multi-news-dev folder itself. */
  readonly dataDirectory: string;
  readonly limit: number;
}

/** The measures reported, as ROUGE-1.5.5 names them. */
const MEASURES = ['rouge1', 'rouge2', 'rougeSU4', 'rougeL'] as const;

/** A text as ROUGE reads it: one sentence per line. */
function sentencePerLine(text: string, maxSentences = Number.POSITIVE_INFINITY): string {
  return splitSentences(text, [{ start: 0, end: text.length }])
    .slice(0, maxSentences)
    .map((span) => text.slice(span.start, span.end).replace(/\s+/g, ' ').trim())
    .join('\n');
}

/** The baselines scored, each a way to build a summary from a cluster. */
const SYSTEMS: readonly [string, (cluster: MultiNewsCluster) => string][] = [
  ['First-3 of each document', (cluster) => cluster.documents.map((document) => sentencePerLine(document, 3)).join('\n')],
  ['First-3 of the first document', (cluster) => sentencePerLine(cluster.documents[0] ?? '', 3)],
];

/** ROUGE settings compared: ROUGE-1.5.5 flags and the library options they stand for. */
const SETTINGS: readonly [string, RougeOptions][] = [
  ['-n 2 -2 4 -u', {}],
  ['-n 2 -2 4 -u -m', { stem: true }],
];

function quantiles(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms, max ${at(1).toFixed(2)} ms`;
}

/**
 * Scores baseline summaries of Multi-News clusters with the ROUGE-1.5.5 reproduction
 * (src/evaluate/rouge): corpus F with ROUGE's 95% bootstrap intervals next to the published
 * Multi-News numbers, and the time per cluster and for the bootstrap.
 */
export function runRougeBench(options: RougeBenchOptions): number {
  const path = multiNewsPath(options.dataDirectory);
  if (path === null) {
    process.stderr.write(`bench: no Multi-News clusters at ${path}\n`);
    return 1;
  }
  const clusters = loadMultiNews(path, options.limit);
  const candidates = SYSTEMS.map(([name, build]) => ({ name, summaries: clusters.map(build) }));
  const references = clusters.map((cluster) => sentencePerLine(cluster.summary));

  const rows: string[] = [];
  const timesMs: number[] = [];
  const bootstrapMs: number[] = [];
  const failures = new Map<string, number>();
  const progress = makeProgress('rouge', candidates.length * SETTINGS.length * clusters.length);
  for (const [flags, settings] of SETTINGS) {
    for (const system of candidates) {
      const documents: DocumentScores[] = [];
      system.summaries.forEach((summary, index) => {
        const started = performance.now();
        try {
          documents.push({ id: clusters[index]?.id ?? String(index), scores: scoreSummary(summary, [references[index] ?? ''], settings) });
        } catch (error) {
          const cause = error instanceof Error ? error.constructor.name : 'unknown';
          failures.set(cause, (failures.get(cause) ?? 0) + 1);
        }
        timesMs.push(performance.now() - started);
        progress.tick();
      });
      const started = performance.now();
      const average = averageScores(documents);
      bootstrapMs.push(performance.now() - started);
      const cells = MEASURES.map((key) => {
        const f = average[key]?.f1;
        return f === undefined ? '—' : `${(100 * f.average).toFixed(2)} [${(100 * f.lower).toFixed(2)}–${(100 * f.upper).toFixed(2)}]`;
      });
      rows.push(`${system.name.padEnd(32)} ${flags.padEnd(16)} ${cells.map((cell) => cell.padEnd(22)).join('')}`);
    }
  }
  progress.done();

  console.log(`ROUGE benchmark: ${clusters.length} Multi-News clusters (${path}), one human reference each`);
  console.log('scores by the ROUGE-1.5.5 reproduction (src/evaluate/rouge); each cell: ROUGE Average_F ×100 [95% bootstrap interval, 1000 resamples]');
  console.log('');
  console.log(`${'system'.padEnd(32)} ${'ROUGE-1.5.5 flags'.padEnd(16)} ${MEASURES.map((key) => key.replace('rouge', 'ROUGE-').padEnd(22)).join('')}`);
  for (const row of rows) console.log(row);
  console.log('');
  console.log('published on the full-length Multi-News (ROUGE-1 / ROUGE-2 / ROUGE-SU4 F1; this copy is shorter, and the papers do not all give their flags):');
  for (const [name, r1, r2, su4] of MULTI_NEWS_PUBLISHED) console.log(`  ${name.padEnd(30)} ${r1.toFixed(2).padStart(6)} ${r2.toFixed(2).padStart(6)} ${su4.toFixed(2).padStart(6)}`);
  console.log('');
  console.log(`time to score one cluster (ROUGE-1, -2, -L, -SU4): ${quantiles(timesMs)}; ${clusters.length} clusters take ${((timesMs.reduce((sum, ms) => sum + ms, 0) / Math.max(1, candidates.length * SETTINGS.length)) / 1000).toFixed(2)} s`);
  console.log(`bootstrap intervals over ${clusters.length} clusters (4 measures × R, P, F): ${quantiles(bootstrapMs)}`);
  console.log('');
  if (failures.size > 0) console.log(`scoring errors: ${[...failures].map(([cause, count]) => `${cause} ${count}`).join(', ')}`);
  return failures.size > 0 ? 1 : 0;
}
