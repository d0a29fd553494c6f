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

/** Distinct origin groups among the members, leaving out the excluded articles unless only they report it. */
export function countIndependentReports(members: readonly { readonly article: number }[], originOf: readonly string[], excluded: (article: number) => boolean = () => false): number {
  const counted = members.filter(({ article }) => !excluded(article));
  if (counted.length === 0) return members.length === 0 ? 0 : 1;
  return new Set(counted.map(({ article }) => originOf[article] ?? String(article))).size;
}
