import { conceptIds, lemmaOf } from '../analyze/lexicon.js';
import { isContentWord } from '../analyze/stopwords.js';
import { tokensOfSentence } from '../analyze/tokens.js';
import type { Citation, StoryConflict, SummarySentence } from '../core/records.js';
import type { Facts } from '../corpus/facts.js';
import { countIndependentReports } from '../corpus/report-frequency.js';
import type { AnalyzedStory } from '../corpus/origins.js';
import { makeUnionFind } from '../corpus/union-find.js';
import { boilerplateReason } from './boilerplate.js';
import { verifyCitation } from './citations.js';

/** Options for {@link summarize}. */
export interface SummarizeOptions {
  /** At most this many sentences. Default 6. */
  readonly maxSentences?: number;
  /** At most this many words in all (a sentence that would cross the budget is left out). Default none. */
  readonly maxWords?: number;
  /** A question or topic: sentences that answer it are preferred (query-focused summary). */
  readonly focus?: string;
}

/** What the summarizer reads besides the articles: the story-level analysis, when there is one. */
export interface SummaryInput extends AnalyzedStory {
  /** Sentences grouped into facts; without them, the shared passages group sentences. */
  readonly facts?: Facts;
  /** Articles that add no independent report (derivative ones). */
  readonly excluded?: (article: number) => boolean;
  /** Articles whose own wording is used only when no other article carries the sentence (flagged ones). */
  readonly flagged?: (article: number) => boolean;
  /** Conflicting figures and dates: a sentence stating one side is marked disputed. */
  readonly conflicts?: readonly StoryConflict[];
}

/** A sentence of the story, with what the ranking knows of it. */
interface Candidate {
  readonly article: number;
  readonly sentence: number;
  readonly text: string;
  readonly words: number;
  /** Its concepts: content-word lemmas and lemma bigrams. */
  readonly concepts: ReadonlySet<string>;
  /** Its group of sentences stating the same thing (a fact). */
  readonly group: number;
  /** Position in its article, 0 (first) to 1 (last). */
  readonly position: number;
  /** How much the sentence answers the focus question, 0 to 1 (1 without a focus). */
  focusMatch: number;
  /** Independent reports of its group. */
  support: number;
  /** The candidate's own weight before coverage: position, self-containedness, support. */
  prior: number;
}

/** Sentence length bounds: shorter ones are fragments or datelines, longer ones run-ons. */
const MIN_WORDS = 8;
const MAX_WORDS = 60;

/**
 * Openers that make a sentence lean on the one before it ("He said…", "However, …"). Such a
 * sentence reads badly out of context, so it weighs less (it is not excluded: it may be the
 * only witness of a fact).
 */
const DANGLING_OPENER = /^["“‘']?(?:he|she|they|it|this|that|these|those|his|her|their|its|however|but|and|also|meanwhile|still|yet|moreover|nevertheless|instead|then|there|here|such)\b/i;

/** Why a sentence cannot be in a summary: a question, a heading, a fragment, boilerplate. */
function isUnfitForSummary(text: string, words: number): boolean {
  return words < MIN_WORDS || words > MAX_WORDS || /[?:]["”’]?$/.test(text) || !/[.!"”’]$/.test(text) || boilerplateReason(text) !== null;
}

/** The concepts of a sentence: lemmas of its content words and bigrams of adjacent ones. */
function conceptsOf(norms: readonly string[]): Set<string> {
  const concepts = new Set<string>();
  let previous: string | null = null;
  for (const norm of norms) {
    if (!isContentWord(norm)) {
      previous = null;
      continue;
    }
    const lemma = lemmaOf(norm);
    concepts.add(lemma);
    if (previous !== null) concepts.add(`${previous} ${lemma}`);
    previous = lemma;
  }
  return concepts;
}

/** How much of the focus question a sentence answers: the share of its content lemmas (or their first senses) found. */
function focusMatchOf(focus: ReadonlySet<string>, concepts: ReadonlySet<string>): number {
  if (focus.size === 0) return 1;
  const senses = new Set<string>();
  for (const concept of concepts) if (!concept.includes(' ')) for (const id of conceptIds(concept)) senses.add(id);
  let found = 0;
  for (const lemma of focus) if (concepts.has(lemma) || conceptIds(lemma).some((id) => senses.has(id))) found++;
  return found / focus.size;
}

/** The content lemmas of a focus question ("Who built the dam?" → build, dam). */
function focusLemmas(focus: string | undefined): Set<string> {
  const lemmas = conceptsOf((focus ?? '').toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  for (const concept of [...lemmas]) if (concept.includes(' ')) lemmas.delete(concept);
  return lemmas;
}

/** Whether any sentence of the story answers part of the focus question (shares a content lemma or one of its senses). */
export function focusFound(input: AnalyzedStory, focus: string): boolean {
  const lemmas = focusLemmas(focus);
  if (lemmas.size === 0) return false;
  return input.articles.some((analyzed) =>
    analyzed.sentences.some((_, sentence) => focusMatchOf(lemmas, conceptsOf(tokensOfSentence(analyzed, sentence).map((token) => token.norm))) > 0),
  );
}

/**
 * How a focus question reweighs a sentence: one that answers all of it counts ten times, one
 * that answers none a tenth, so a focused summary leads with answers and falls back on the
 * story's main content only when they run out.
 */
function focusFactor(match: number): number {
  return match > 0 ? 1 + 9 * match : 0.1;
}

/** Weight of a bigram concept against a word: phrases say more than words, as in concept-based summarizers. */
const BIGRAM_WEIGHT = 2;

/**
 * An extractive multi-document summary that covers the story's most widely reported content.
 *
 * Concepts are content-word lemmas and lemma bigrams; a concept weighs the number of
 * independent reports (origin groups, derivative articles left out) that use it, so what several
 * reports say outweighs what one says, and copies do not inflate it (the concept-coverage
 * objective of Gillick & Favre 2009, with report frequency in place of document frequency).
 * Sentences are chosen greedily by the weight of the concepts they add per square root of their
 * length (a standard budgeted-submodular approximation), times their prior: the independent
 * reports of their fact, their position (news leads with the essentials), a penalty for
 * sentences that lean on the one before, and, with a focus question, how much of it they answer.
 * A concept counts once, so the summary does not repeat itself, and one sentence per fact is
 * taken. Among a fact's members, an unflagged article's sentence is preferred.
 *
 * The chosen sentences are ordered for a reader: by their position in their articles, then by
 * article. Each cites every passage, in any article, that carries it (the members of its fact,
 * each proved by {@link verifyCitation}); a sentence whose own citation fails is never shown.
 * A sentence stating a value that other reports dispute lists those conflicts in `disputed`, so
 * no side of a disagreement is shown as settled.
 */
export function summarize(input: SummaryInput, options: SummarizeOptions = {}): SummarySentence[] {
  const maxSentences = options.maxSentences ?? 6;
  const maxWords = options.maxWords ?? Number.POSITIVE_INFINITY;
  const { articles, originOf } = input;
  const excluded = input.excluded ?? (() => false);
  const flagged = input.flagged ?? (() => false);
  const focus = focusLemmas(options.focus);

  const groupOf = sentenceGroups(input);
  const candidates: Candidate[] = [];
  articles.forEach((analyzed, article) => {
    const count = analyzed.sentences.length;
    analyzed.sentences.forEach((span, sentence) => {
      const norms = tokensOfSentence(analyzed, sentence).map((token) => token.norm);
      const text = analyzed.article.text.slice(span.start, span.end);
      if (isUnfitForSummary(text, norms.length)) return;
      const concepts = conceptsOf(norms);
      if (concepts.size === 0) return;
      candidates.push({
        article,
        sentence,
        text,
        words: norms.length,
        concepts,
        group: groupOf(article, sentence),
        position: count <= 1 ? 0 : sentence / (count - 1),
        focusMatch: focusMatchOf(focus, concepts),
        support: 1,
        prior: 0,
      });
    });
  });

  // Group members, for support and citations: every sentence of the group, fit or not.
  const members = new Map<number, Array<{ readonly article: number; readonly sentence: number }>>();
  articles.forEach((analyzed, article) =>
    analyzed.sentences.forEach((_, sentence) => {
      const group = groupOf(article, sentence);
      const list = members.get(group);
      if (list === undefined) members.set(group, [{ article, sentence }]);
      else list.push({ article, sentence });
    }),
  );
  const weights = conceptWeights(candidates, originOf, excluded);
  const focusUsed = focus.size > 0 && candidates.some((candidate) => candidate.focusMatch > 0);
  for (const candidate of candidates) {
    candidate.support = countIndependentReports(members.get(candidate.group) ?? [candidate], originOf, excluded);
    candidate.prior =
      (1 + 0.5 * (candidate.support - 1)) *
      (1.3 - 0.3 * candidate.position) *
      (DANGLING_OPENER.test(candidate.text) ? 0.5 : 1) *
      (flagged(candidate.article) ? 0.7 : 1) *
      (focusUsed ? focusFactor(candidate.focusMatch) : 1);
  }

  const chosen = chooseSentences(candidates, weights, maxSentences, maxWords);
  chosen.sort((a, b) => a.position - b.position || a.article - b.article || a.sentence - b.sentence);
  return chosen.flatMap((candidate) => {
    const sentence = citeSentence(input, candidate, members.get(candidate.group) ?? [], excluded);
    return sentence === null ? [] : [sentence];
  });
}

/** The group of each sentence: its fact when facts are given, else its shared-passage group. */
function sentenceGroups(input: SummaryInput): (article: number, sentence: number) => number {
  const offsets: number[] = [];
  let total = 0;
  for (const analyzed of input.articles) {
    offsets.push(total);
    total += analyzed.sentences.length;
  }
  const own = (article: number, sentence: number): number => offsets[article]! + sentence;
  const { facts } = input;
  if (facts !== undefined) return (article, sentence) => facts.factOf(article, sentence) ?? total + own(article, sentence);
  const groups = makeUnionFind(total);
  for (const { a, b } of input.matches) groups.union(own(a.article, a.sentence), own(b.article, b.sentence));
  return (article, sentence) => groups.find(own(article, sentence));
}

/**
 * Each concept's weight: the other independent reports using it, plus the logarithm of the
 * number of sentences using it (what the story keeps repeating matters, with diminishing
 * returns; a lone report's summary still follows what it repeats), plus a small floor. On
 * Multi-News (`npm run bench -- summarization`) the logarithm gave +0.25 ROUGE-2 over a capped
 * linear count. Bigrams weigh {@link BIGRAM_WEIGHT} times as much.
 */
function conceptWeights(candidates: readonly Candidate[], originOf: readonly string[], excluded: (article: number) => boolean): Map<string, number> {
  const reports = new Map<string, Set<string>>();
  const sentences = new Map<string, number>();
  for (const candidate of candidates) {
    const origin = excluded(candidate.article) ? null : (originOf[candidate.article] ?? String(candidate.article));
    for (const concept of candidate.concepts) {
      sentences.set(concept, (sentences.get(concept) ?? 0) + 1);
      if (origin === null) continue;
      const set = reports.get(concept);
      if (set === undefined) reports.set(concept, new Set([origin]));
      else set.add(origin);
    }
  }
  const weights = new Map<string, number>();
  for (const [concept, count] of sentences) {
    const reporting = reports.get(concept)?.size ?? 0;
    const weight = Math.max(0, reporting - 1) + Math.log(count) + 0.05;
    weights.set(concept, concept.includes(' ') ? BIGRAM_WEIGHT * weight : weight);
  }
  return weights;
}

/** Greedy budgeted coverage: the best gain per √length times prior, one sentence per group, each concept counted once. */
function chooseSentences(candidates: readonly Candidate[], weights: ReadonlyMap<string, number>, maxSentences: number, maxWords: number): Candidate[] {
  const covered = new Set<string>();
  const usedGroups = new Set<number>();
  const chosen: Candidate[] = [];
  let wordsUsed = 0;
  let remaining = candidates.filter((candidate) => candidate.words <= maxWords);
  while (chosen.length < maxSentences && remaining.length > 0) {
    let best: Candidate | null = null;
    let bestScore = 0;
    for (const candidate of remaining) {
      let gain = 0;
      for (const concept of candidate.concepts) if (!covered.has(concept)) gain += weights.get(concept) ?? 0;
      const score = (gain / Math.sqrt(candidate.words)) * candidate.prior;
      if (score > bestScore || (score === bestScore && best !== null && score > 0 && candidate.article * 1e6 + candidate.sentence < best.article * 1e6 + best.sentence)) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best === null || bestScore <= 0) break;
    chosen.push(best);
    wordsUsed += best.words;
    usedGroups.add(best.group);
    for (const concept of best.concepts) covered.add(concept);
    remaining = remaining.filter((candidate) => !usedGroups.has(candidate.group) && wordsUsed + candidate.words <= maxWords);
  }
  return chosen;
}

/**
 * A chosen sentence with its verified citations (its own first, then every other member of its
 * group that carries it), its independent reports and the conflicts it takes a side in; null
 * when its own citation does not verify.
 */
function citeSentence(
  input: SummaryInput,
  candidate: Candidate,
  group: ReadonlyArray<{ readonly article: number; readonly sentence: number }>,
  excluded: (article: number) => boolean,
): SummarySentence | null {
  const citations: Citation[] = [];
  const citing: Array<{ readonly article: number }> = [];
  const others = group.filter((member) => member.article !== candidate.article || member.sentence !== candidate.sentence);
  for (const member of [candidate, ...others]) {
    const analyzed = input.articles[member.article]!;
    const span = analyzed.sentences[member.sentence]!;
    const citation: Citation = { article: analyzed.article.id, start: span.start, end: span.end };
    if (!verifyCitation(candidate.text, citation, analyzed.article.text).ok) continue;
    citations.push(citation);
    citing.push(member);
  }
  if (citations[0]?.article !== input.articles[candidate.article]!.article.id) return null;
  const disputed = (input.conflicts ?? [])
    .filter((conflict) => conflict.values.some((value) => value.members.some((member) => citations.some((citation) => citation.article === member.article && citation.start <= member.start && member.end <= citation.end))))
    .map((conflict) => conflict.id);
  return { text: candidate.text, citations, independentReports: countIndependentReports(citing, input.originOf, excluded), disputed };
}
