import { isContentWord } from '../analyze/stopwords.js';
import type { Analyzed } from '../core/records.js';

/**
 * For each content word of a story, how many independent reports (origin groups) use it.
 * Counting reports rather than articles keeps copies of one wire story from making its words
 * look central.
 */
export function countReportsPerWord(articles: readonly Analyzed[], originOf: readonly string[]): Map<string, number> {
  const reportsUsing = new Map<string, Set<string>>();
  articles.forEach((analyzed, index) => {
    const origin = originOf[index] ?? String(index);
    for (const token of analyzed.tokens) {
      if (!isContentWord(token.norm)) continue;
      const origins = reportsUsing.get(token.norm) ?? new Set<string>();
      origins.add(origin);
      reportsUsing.set(token.norm, origins);
    }
  });
  return new Map([...reportsUsing].map(([word, origins]) => [word, origins.size]));
}
