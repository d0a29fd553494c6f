import { isContentWord } from '../analyze/stopwords.js';
import { tokensOfSentence } from '../analyze/tokens.js';
import type { Citation, SummarySentence } from '../core/records.js';
import type { AnalyzedStory } from '../corpus/origins.js';
import { countReportsPerWord } from '../corpus/report-frequency.js';
import { makeUnionFind } from '../corpus/union-find.js';
import { verifyCitation } from './citations.js';

/** Options for {@link summarize}. */
export interface SummarizeOptions {
  /** At most this many sentences. Default 6. */
  readonly maxSentences?: number;
  /** At most this many words in all (the sentence that crosses the budget is left out). Default none. */
  readonly maxWords?: number;
  /**
   * Two chosen sentences may share at most this share of their content words (Jaccard):
   * Maximal Marginal Relevance's redundancy cut (Carbonell & Goldstein 1998). Default 0.35.
   */
  readonly maxOverlap?: number;
}

/** A sentence of the story, with what the ranking knows of it. */
interface Candidate {
  readonly article: number;
  readonly sentence: number;
  readonly text: string;
  readonly words: number;
  readonly contentWords: ReadonlySet<string>;
  /** Index of its group of sentences saying the same thing. */
  group: number;
  score: number;
}

/** Sentence length bounds: shorter ones are fragments or datelines, longer ones run-ons. */
const MIN_WORDS = 8;
const MAX_WORDS = 60;

/**
 * Openers that make a sentence lean on the one before it ("He said…", "However, …"). Such a
 * sentence reads badly out of context, so it ranks lower (it is not excluded: it may be the
 * only witness of a fact).
 */
const DANGLING_OPENER = /^["“‘']?(?:he|she|they|it|this|that|these|those|his|her|their|its|however|but|and|also|meanwhile|still|yet|moreover|nevertheless|instead|then|there|here|such)\b/i;

/** Why a sentence cannot be in a summary: a question, a heading, a fragment or a quote alone. */
function isUnfitForSummary(text: string, words: number): boolean {
  return words < MIN_WORDS || words > MAX_WORDS || /[?:]["”’]?$/.test(text) || !/[.!"”’]$/.test(text);
}

function jaccard(first: ReadonlySet<string>, second: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of first) if (second.has(word)) shared++;
  const union = first.size + second.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * A first extractive multi-document summary. Each sentence is scored by centrality: the sum,
 * over its distinct content words, of how many independent reports (origin groups) use the
 * word, divided by the square root of its number of content words (the centroid idea of
 * Radev et al. 2004, counted over reports rather than outlets so copies do not inflate it),
 * weighted up by how many independent reports carry the sentence itself and by how early it
 * stands in its article (news puts the essentials first); words that recur within the story
 * count a little too, so a single report still gets a summary. Sentences are chosen greedily with a
 * redundancy cut (MMR). Each chosen sentence cites every passage, in any article, that carries
 * it, and each citation is verified; a sentence whose own citation fails is never shown.
 */
export function summarize(input: AnalyzedStory, options: SummarizeOptions = {}): SummarySentence[] {
  const maxSentences = options.maxSentences ?? 6;
  const maxWords = options.maxWords ?? Number.POSITIVE_INFINITY;
  const maxOverlap = options.maxOverlap ?? 0.35;
  const { articles, originOf, matches } = input;

  // Every sentence, keyed "article:sentence", so matches can find its candidate.
  const candidates: Candidate[] = [];
  const indexOf = new Map<string, number>();
  articles.forEach((analyzed, article) => {
    const text = analyzed.article.text;
    analyzed.sentences.forEach((span, sentence) => {
      const tokens = tokensOfSentence(analyzed, sentence);
      const contentWords = new Set(tokens.map((token) => token.norm).filter(isContentWord));
      const words = tokens.length;
      indexOf.set(`${article}:${sentence}`, candidates.length);
      candidates.push({ article, sentence, text: text.slice(span.start, span.end), words, contentWords, group: candidates.length, score: 0 });
    });
  });

  // Sentences that say the same thing form one group.
  const sameThing = makeUnionFind(candidates.length);
  for (const match of matches) {
    const first = indexOf.get(`${match.a.article}:${match.a.sentence}`);
    const second = indexOf.get(`${match.b.article}:${match.b.sentence}`);
    if (first !== undefined && second !== undefined) sameThing.union(first, second);
  }
  const groupMembers = new Map<number, Candidate[]>();
  for (const [index, candidate] of candidates.entries()) {
    candidate.group = sameThing.find(index);
    const members = groupMembers.get(candidate.group) ?? [];
    members.push(candidate);
    groupMembers.set(candidate.group, members);
  }
  const supportOf = (group: number): number => new Set((groupMembers.get(group) ?? []).map((member) => originOf[member.article])).size;

  // How many independent reports use each content word, and in how many sentences.
  const reportsPerWord = countReportsPerWord(articles, originOf);
  const sentencesUsing = new Map<string, number>();
  for (const candidate of candidates) {
    for (const word of candidate.contentWords) sentencesUsing.set(word, (sentencesUsing.get(word) ?? 0) + 1);
  }
  // A word's weight: the other reports that use it, plus a small share for recurring within
  // the story and a floor, so a lone report still ranks by its own topic, then by position.
  const weightOf = (word: string): number =>
    (reportsPerWord.get(word) ?? 1) - 1 + 0.25 * Math.min(1, ((sentencesUsing.get(word) ?? 1) - 1) / 3) + 0.05;

  const sentenceCounts = articles.map((analyzed) => analyzed.sentences.length);
  for (const candidate of candidates) {
    if (isUnfitForSummary(candidate.text, candidate.words) || candidate.contentWords.size === 0) continue;
    let centrality = 0;
    for (const word of candidate.contentWords) centrality += weightOf(word);
    centrality /= Math.sqrt(candidate.contentWords.size);
    const position = candidate.sentence / Math.max(1, sentenceCounts[candidate.article] ?? 1);
    const support = supportOf(candidate.group);
    candidate.score = centrality * (1 + 0.5 * (support - 1)) * (1.3 - 0.3 * position) * (DANGLING_OPENER.test(candidate.text) ? 0.5 : 1);
  }

  const ranked = candidates.filter((candidate) => candidate.score > 0).sort((a, b) => b.score - a.score || a.article - b.article || a.sentence - b.sentence);
  const chosen: Candidate[] = [];
  let wordsUsed = 0;
  for (const candidate of ranked) {
    if (chosen.length >= maxSentences) break;
    if (wordsUsed + candidate.words > maxWords) continue;
    if (chosen.some((other) => other.group === candidate.group || jaccard(other.contentWords, candidate.contentWords) > maxOverlap)) continue;
    chosen.push(candidate);
    wordsUsed += candidate.words;
  }

  // Reader order: what articles put first comes first (news leads with the essentials).
  chosen.sort(
    (a, b) =>
      a.sentence / Math.max(1, sentenceCounts[a.article] ?? 1) - b.sentence / Math.max(1, sentenceCounts[b.article] ?? 1) ||
      a.article - b.article,
  );

  const summary: SummarySentence[] = [];
  for (const candidate of chosen) {
    const members = [candidate, ...(groupMembers.get(candidate.group) ?? []).filter((member) => member !== candidate)];
    const citations: Citation[] = [];
    for (const member of members) {
      const analyzed = articles[member.article];
      const span = analyzed?.sentences[member.sentence];
      if (analyzed === undefined || span === undefined) continue;
      const citation: Citation = { article: analyzed.article.id, start: span.start, end: span.end };
      if (verifyCitation(candidate.text, citation, analyzed.article.text).ok) citations.push(citation);
    }
    if (citations[0]?.article !== articles[candidate.article]?.article.id) continue;
    const origins = new Set(citations.map((citation) => originOf[articles.findIndex((analyzed) => analyzed.article.id === citation.article)]));
    summary.push({ text: candidate.text, citations, independentReports: origins.size });
  }
  return summary;
}
