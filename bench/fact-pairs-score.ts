import type { SentenceRef } from '../src/corpus/passages.js';

/**
 * Scoring of cross-article "same fact" decisions as pairs: every unordered pair of sentences of
 * two different articles of one story is one decision, linked or not. A system's links are
 * compared with the gold links; precision, recall and F1 are over pairs, summed over stories
 * (micro-averaged), so a story with many sentences weighs more.
 *
 * Sentences are gold sentences (the labelled units of a data set), referred to as
 * `{article, sentence}` indices; {@link pairKey} names an unordered pair of them.
 */

/** The key of an unordered pair of sentences of different articles: the lower article first. */
export function pairKey(first: SentenceRef, second: SentenceRef): string {
  const [a, b] = first.article < second.article || (first.article === second.article && first.sentence <= second.sentence) ? [first, second] : [second, first];
  return `${a.article}:${a.sentence}|${b.article}:${b.sentence}`;
}

/** The two sentences of a {@link pairKey}. */
export function parsePairKey(key: string): readonly [SentenceRef, SentenceRef] {
  const [a = '', b = ''] = key.split('|');
  const ref = (text: string): SentenceRef => {
    const [article = '0', sentence = '0'] = text.split(':');
    return { article: Number(article), sentence: Number(sentence) };
  };
  return [ref(a), ref(b)];
}

/**
 * The cross-article pairs within each group: every two members of a group that belong to
 * different articles (members of one article are never paired, nor a sentence with itself).
 */
export function crossPairsOfGroups(groups: Iterable<readonly SentenceRef[]>): Set<string> {
  const pairs = new Set<string>();
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [first, second] = [group[i]!, group[j]!];
        if (first.article !== second.article) pairs.add(pairKey(first, second));
      }
    }
  }
  return pairs;
}

/**
 * Gold pairs from per-sentence labels (`labels[article][sentence]`): two sentences of different
 * articles are linked when they carry the same label; a null label links nothing.
 */
export function goldPairsFromLabels(labels: readonly (readonly (string | null)[])[]): Set<string> {
  const groups = new Map<string, SentenceRef[]>();
  labels.forEach((sentences, article) =>
    sentences.forEach((label, sentence) => {
      if (label === null) return;
      const group = groups.get(label);
      if (group === undefined) groups.set(label, [{ article, sentence }]);
      else group.push({ article, sentence });
    }),
  );
  return crossPairsOfGroups(groups.values());
}

/** Every cross-article pair of a story whose articles have these sentence counts. */
export function allCrossPairs(sentenceCounts: readonly number[]): Set<string> {
  const everything = sentenceCounts.map((count, article) => Array.from({ length: count }, (_, sentence) => ({ article, sentence })));
  return crossPairsOfGroups([everything.flat()]);
}

/** Decisions counted against the gold links. */
export interface PairCounts {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

export const NO_COUNTS: PairCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };

/** Counts a system's predicted pairs against the gold pairs of one story. */
export function scorePairs(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): PairCounts {
  let truePositives = 0;
  for (const key of predicted) if (gold.has(key)) truePositives++;
  return { truePositives, falsePositives: predicted.size - truePositives, falseNegatives: gold.size - truePositives };
}

export function addCounts(first: PairCounts, second: PairCounts): PairCounts {
  return {
    truePositives: first.truePositives + second.truePositives,
    falsePositives: first.falsePositives + second.falsePositives,
    falseNegatives: first.falseNegatives + second.falseNegatives,
  };
}

/** Precision, recall and F1. An empty prediction has precision 1; no gold pairs, recall 1. */
export interface PairScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function precisionRecallF1(counts: PairCounts): PairScore {
  const predicted = counts.truePositives + counts.falsePositives;
  const gold = counts.truePositives + counts.falseNegatives;
  const precision = predicted === 0 ? 1 : counts.truePositives / predicted;
  const recall = gold === 0 ? 1 : counts.truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Share of gold links found, each link counted as often as it occurs: `links` holds one pair
 * key per link (ECB+ lists one per pair of coreferent event mentions, so two sentences that
 * share three events carry three links). Returned as counts, so stories can be summed.
 */
export function linkRecall(links: readonly string[], predicted: ReadonlySet<string>): { readonly found: number; readonly total: number } {
  return { found: links.filter((key) => predicted.has(key)).length, total: links.length };
}
