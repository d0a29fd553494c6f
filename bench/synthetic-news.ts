import type { MultiNewsCluster } from './multi-news.js';
import { seededRandom } from './shingle-score.js';

/**
 * A synthetic news stream built from real text, for scale benchmarks: the Multi-News clusters
 * become stories published day after day (50 a day), each document an article of a synthetic
 * outlet, dated within two days of its story's day. When the clusters run out they come back,
 * 30 days after the previous round ended, as new stories whose articles are recombined from
 * their cluster's sentences (the first sentence of one document, then sentences drawn from the
 * whole cluster), so the stream can be as long as needed while every article is real prose.
 */

/** One synthetic article. */
export interface SyntheticArticle {
  /** Unique in the stream: cluster, document and round. */
  readonly id: string;
  /** The gold story: cluster and round. */
  readonly story: string;
  readonly text: string;
  readonly title: string;
  readonly outlet: string;
  /** Publication time, ms since the epoch. */
  readonly publishedMs: number;
}

/** A copy of `items` in a seeded Fisher–Yates shuffle. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const SENTENCE_END = /(?<=[.!?])\s+/;
const CLUSTERS_PER_DAY = 50;
const OUTLETS = 300;
const DAY_MS = 86_400_000;

/** A headline for an article: the first words of its first sentence. */
function headline(text: string): string {
  const words = (text.split(SENTENCE_END)[0] ?? '').split(/\s+/).filter((word) => word !== '');
  return words.slice(0, 12).join(' ');
}

/**
 * The first `size` articles of the stream, a day of stories at a time, each day's articles in
 * publication order (so memory holds one day, not the stream).
 */
export function* syntheticNews(clusters: readonly MultiNewsCluster[], size: number, seed = 7): Generator<SyntheticArticle> {
  const usable = clusters.filter((cluster) => cluster.documents.length > 0);
  if (usable.length === 0) return;
  const random = seededRandom(seed);
  const start = Date.UTC(2024, 0, 1);
  const roundDays = Math.ceil(usable.length / CLUSTERS_PER_DAY) + 30;
  let produced = 0;
  for (let round = 0; produced < size; round++) {
    for (let day = 0; day * CLUSTERS_PER_DAY < usable.length && produced < size; day++) {
      const dayStart = start + (round * roundDays + day) * DAY_MS;
      const articles: SyntheticArticle[] = [];
      for (const cluster of usable.slice(day * CLUSTERS_PER_DAY, (day + 1) * CLUSTERS_PER_DAY)) {
        const sentences = round === 0 ? [] : cluster.documents.flatMap((document) => document.split(SENTENCE_END));
        cluster.documents.forEach((document, index) => {
          const text =
            round === 0 ? document : [document.split(SENTENCE_END)[0] ?? '', ...shuffled(sentences, random).slice(0, 12)].join(' ');
          articles.push({
            id: `${cluster.id}#${index}@${round}`,
            story: `${cluster.id}@${round}`,
            text,
            title: headline(text),
            outlet: `Outlet ${1 + Math.floor(random() * OUTLETS)}`,
            publishedMs: dayStart + Math.floor(random() * 2 * DAY_MS),
          });
        });
      }
      articles.sort((x, y) => x.publishedMs - y.publishedMs || (x.id < y.id ? -1 : 1));
      for (const article of articles) {
        if (produced >= size) return;
        produced++;
        yield article;
      }
    }
  }
}
