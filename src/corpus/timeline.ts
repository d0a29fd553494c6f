import type { DatePrecision } from '../core/annotations.js';
import type { TimelineEvent } from '../core/records.js';
import type { AnalyzedStory } from './origins.js';
import { countIndependentReports } from './report-frequency.js';
import { makeUnionFind } from './union-find.js';

/**
 * The story's timeline: every sentence that dates its event ("on Tuesday", "in 1987") is an
 * entry at that date; the entries of different articles that state the same event at the same
 * date (sentences the passage matcher paired) become one, citing each article's sentence.
 */

/** One dated sentence. */
interface Entry {
  readonly article: number;
  readonly sentence: number;
  readonly date: string;
  readonly precision: DatePrecision;
}

/**
 * Builds the timeline. Only dates that place the event on a day, month or year count (`on`);
 * "since", "until", "before" and "after" bound an event rather than date it. Events are ordered
 * by date (a year before the months and days inside it), then by how many reports carry them.
 */
export function buildTimeline({ articles, originOf, matches }: AnalyzedStory): TimelineEvent[] {
  const entries: Entry[] = [];
  const entryAt = new Map<string, number[]>();
  articles.forEach((analyzed, article) => {
    const seen = new Set<string>();
    for (const date of analyzed.dates) {
      if (date.relation !== 'on') continue;
      const key = `${date.sentence}\u0000${date.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sentenceKey = `${article}:${date.sentence}`;
      entryAt.set(sentenceKey, [...(entryAt.get(sentenceKey) ?? []), entries.length]);
      entries.push({ article, sentence: date.sentence, date: date.value, precision: date.precision });
    }
  });
  const unionFind = makeUnionFind(entries.length);
  for (const { a, b } of matches) {
    for (const first of entryAt.get(`${a.article}:${a.sentence}`) ?? []) {
      for (const second of entryAt.get(`${b.article}:${b.sentence}`) ?? []) {
        if (entries[first]?.date === entries[second]?.date) unionFind.union(first, second);
      }
    }
  }
  const groups = new Map<number, Entry[]>();
  entries.forEach((entry, index) => {
    const root = unionFind.find(index);
    groups.set(root, [...(groups.get(root) ?? []), entry]);
  });
  const events = [...groups.values()].map((group): TimelineEvent => {
    const first = group[0]!;
    const analyzed = articles[first.article]!;
    const span = analyzed.sentences[first.sentence]!;
    return {
      date: first.date,
      precision: first.precision,
      text: analyzed.article.text.slice(span.start, span.end),
      citations: group.map(({ article, sentence }) => {
        const cited = articles[article]!;
        const sentenceSpan = cited.sentences[sentence]!;
        return { article: cited.article.id, start: sentenceSpan.start, end: sentenceSpan.end };
      }),
      independentReports: countIndependentReports(group, originOf),
    };
  });
  return events.sort((a, b) => a.date.localeCompare(b.date) || b.independentReports - a.independentReports);
}
