import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { splitSentences } from '../src/analyze/sentences.js';
import type { Fetched } from '../src/core/records.js';
import { fetchedFromBytes } from '../src/ingest/files.js';
import { storyFromFetched } from '../src/pipeline/story.js';
import { verifyCitation } from '../src/summarize/citations.js';
import { makeProgress } from './progress.js';
import { rougeN } from './rouge-n.js';

/** Options of the story benchmark. */
export interface StoryBenchOptions {
  readonly dataDirectory: string;
  readonly limit: number;
  readonly words: number;
}

interface Cluster {
  readonly id: string;
  readonly documents: readonly string[];
  readonly summary: string;
}

/** Multi-News numbers published for the full-length data (ROUGE-1 / ROUGE-2 F1). */
const PUBLISHED: readonly [string, number, number][] = [
  ['First-3 (Fabbri et al. 2019)', 39.41, 11.77],
  ['LexRank', 38.27, 12.7],
  ['TextRank', 38.44, 13.1],
  ['MMR', 38.77, 11.98],
  ['Hi-MAP', 43.47, 14.89],
  ['PRIMERA', 49.9, 21.1],
];

function loadClusters(dataDirectory: string, limit: number): Cluster[] {
  const path = join(dataDirectory, 'multi-news-dev', 'clusters.jsonl.gz');
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, limit).map((line) => JSON.parse(line) as Cluster);
}

/** The leading sentences of a text, up to `maxSentences` and `maxWords`. */
function leadSentences(text: string, maxSentences: number, maxWords: number): string {
  const spans = splitSentences(text, [{ start: 0, end: text.length }]);
  const chosen: string[] = [];
  let words = 0;
  for (const span of spans.slice(0, maxSentences)) {
    const sentence = text.slice(span.start, span.end);
    const count = sentence.split(/\s+/).length;
    if (words + count > maxWords && chosen.length > 0) break;
    chosen.push(sentence);
    words += count;
  }
  return chosen.join(' ');
}

interface SystemTotals {
  rouge1: number[];
  rouge2: number[];
  milliseconds: number;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Runs `parallax story` on Multi-News clusters (each document as one plain-text article):
 * summary quality (ROUGE-1/2 F1 against the human summary, next to First-3 and Lead baselines
 * at the same word budget), the share of citations that verify, copies found, and time per
 * cluster.
 */
export function runStoryBench(options: StoryBenchOptions): void {
  const clusters = loadClusters(options.dataDirectory, options.limit);
  const systems = new Map<string, SystemTotals>([
    ['Parallax', { rouge1: [], rouge2: [], milliseconds: 0 }],
    ['First-3 (first document)', { rouge1: [], rouge2: [], milliseconds: 0 }],
    [`Lead, ${options.words} words`, { rouge1: [], rouge2: [], milliseconds: 0 }],
  ]);
  let citations = 0;
  let verified = 0;
  let articles = 0;
  let independent = 0;
  let failedDocuments = 0;
  const progress = makeProgress('story', clusters.length);

  const score = (name: string, summary: string, reference: string, milliseconds: number): void => {
    const totals = systems.get(name);
    if (totals === undefined) return;
    totals.rouge1.push(rougeN(summary, reference, 1).f1);
    totals.rouge2.push(rougeN(summary, reference, 2).f1);
    totals.milliseconds += milliseconds;
  };

  for (const cluster of clusters) {
    const fetched: Fetched[] = [];
    cluster.documents.forEach((document, index) => {
      const result = fetchedFromBytes(`${cluster.id}/${index}`, Buffer.from(document, 'utf8'));
      if ('contentHash' in result) fetched.push(result);
      else failedDocuments++;
    });
    let started = performance.now();
    const story = storyFromFetched(fetched, [], { summary: { maxWords: options.words, maxSentences: 100 } });
    score('Parallax', story.summary.map((sentence) => sentence.text).join(' '), cluster.summary, performance.now() - started);
    articles += story.articles.length;
    independent += story.independentReports;
    const texts = new Map(story.articles.map((article) => [article.id, article.text]));
    for (const sentence of story.summary) {
      for (const citation of sentence.citations) {
        citations++;
        if (verifyCitation(sentence.text, citation, texts.get(citation.article)).ok) verified++;
      }
    }

    const first = cluster.documents[0] ?? '';
    started = performance.now();
    score('First-3 (first document)', leadSentences(first, 3, Number.POSITIVE_INFINITY), cluster.summary, performance.now() - started);
    started = performance.now();
    score(`Lead, ${options.words} words`, leadSentences(first, 1000, options.words), cluster.summary, performance.now() - started);
    progress.tick();
  }
  progress.done();

  const rows = [...systems.entries()].map(([name, totals]) => [
    name,
    (100 * mean(totals.rouge1)).toFixed(2),
    (100 * mean(totals.rouge2)).toFixed(2),
    (totals.milliseconds / Math.max(1, clusters.length)).toFixed(2),
  ]);
  console.log(`story benchmark: ${clusters.length} Multi-News clusters (${join(options.dataDirectory, 'multi-news-dev')}), summary budget ${options.words} words`);
  console.log('ROUGE-N F1 without stemming (bench/rouge-n.ts), same harness for every system');
  console.log('');
  console.log(`${'system'.padEnd(32)} ${'R-1'.padStart(6)} ${'R-2'.padStart(6)} ${'ms/cluster'.padStart(11)}`);
  for (const [name = '', r1 = '', r2 = '', ms = ''] of rows) console.log(`${name.padEnd(32)} ${r1.padStart(6)} ${r2.padStart(6)} ${ms.padStart(11)}`);
  console.log('');
  console.log('published on the full-length Multi-News (not this shorter copy; for scale only):');
  for (const [name, r1, r2] of PUBLISHED) console.log(`  ${name.padEnd(30)} ${r1.toFixed(2).padStart(6)} ${r2.toFixed(2).padStart(6)}`);
  console.log('');
  console.log(`citations verified: ${verified}/${citations} (${((100 * verified) / Math.max(1, citations)).toFixed(1)}%)`);
  console.log(`articles per cluster: ${(articles / Math.max(1, clusters.length)).toFixed(2)}, independent reports per cluster: ${(independent / Math.max(1, clusters.length)).toFixed(2)} (copies grouped: ${articles - independent})`);
  if (failedDocuments > 0) console.log(`documents that could not be read: ${failedDocuments}`);
}
