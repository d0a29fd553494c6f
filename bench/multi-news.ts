import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The Multi-News clusters of `../shared/data/multi-news-dev` (see its README), read once the
 * same way by every benchmark that uses them.
 */

/** One cluster: news documents about one event and the human-written summary. */
export interface MultiNewsCluster {
  readonly id: string;
  readonly documents: readonly string[];
  readonly summary: string;
}

/** The clusters file under a data folder, or in the folder itself; null when neither has it. */
export function multiNewsPath(dataDirectory: string): string | null {
  for (const candidate of [join(dataDirectory, 'multi-news-dev', 'clusters.jsonl.gz'), join(dataDirectory, 'clusters.jsonl.gz')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The first `limit` clusters of the file (all by default), with non-string documents left out. */
export function loadMultiNews(path: string, limit = Number.POSITIVE_INFINITY): MultiNewsCluster[] {
  const lines = gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return lines.slice(0, Number.isFinite(limit) ? limit : lines.length).map((line) => {
    const parsed = JSON.parse(line) as { id: unknown; documents: unknown; summary: unknown };
    const documents = Array.isArray(parsed.documents) ? parsed.documents.filter((document): document is string => typeof document === 'string') : [];
    return { id: String(parsed.id), documents, summary: typeof parsed.summary === 'string' ? parsed.summary : '' };
  });
}

/**
 * Published ROUGE-1 / ROUGE-2 / ROUGE-SU4 F1 on the full-length Multi-News test set
 * (../shared/data/README.md): longer inputs and summaries than this copy, so for scale only.
 */
export const MULTI_NEWS_PUBLISHED: readonly (readonly [string, number, number, number])[] = [
  ['First-3', 39.41, 11.77, 14.51],
  ['LexRank', 38.27, 12.7, 13.2],
  ['TextRank', 38.44, 13.1, 13.5],
  ['MMR', 38.77, 11.98, 12.91],
  ['Hi-MAP (neural)', 43.47, 14.89, 17.41],
  ['PEGASUS (neural)', 47.52, 18.72, 24.91],
  ['PRIMERA (neural)', 49.9, 21.1, 25.9],
];
