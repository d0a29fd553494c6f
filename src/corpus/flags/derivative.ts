import type { Analyzed, ArticleFlag } from '../../core/records.js';
import type { Facts } from '../facts.js';
import type { AnalyzedStory } from '../origins.js';
import { outletName } from '../outlet.js';
import { quoteStart } from './labels.js';
import { describeSubstitution, type Substitution } from './names.js';
import {
  findAgreementErrors,
  findOddSynonyms,
  findPronounMismatches,
  findUnconnectedSentences,
  groupsUsingWords,
  type OddSynonym,
  type SentencePair,
} from './rewriting-marks.js';

/**
 * Derivative articles: articles most of whose sentences reword sentences of other reports in the
 * story (synonyms swapped, sentences reordered, stitched from several reports), or that carry
 * the marks of automated rewriting. A copy of a report (same origin group) is not derivative:
 * origins already count it once.
 *
 * Rewording is symmetric (if A rewords B, B's sentences are found in A too), so the direction
 * is decided separately for each report an article rewords, in this order:
 *
 * 1. an article published before the other (both times known) is never derived from it;
 * 2. the words: in the sentences two reports share, the rewrite is the one that swaps words for
 *    synonyms no other report uses ({@link MIN_ODD_SYNONYMS}, twice as many as the other): a
 *    report that others reworded keeps the words the other reports use;
 * 3. close paraphrase (most pairs above {@link CLOSE_REWORDING_SCORE}): the later one, or the
 *    one with more marks of rewriting (rewriting-marks.ts);
 * 4. stitched from several reports: the one with more marks; or the one with two kinds of mark
 *    more. Never the one with fewer marks, or whose words the other departs from.
 *
 * Being later and stating the same facts is not enough: an independent follow-up does that too.
 * A machine-translated article's odd words and formal names come from translation, so for it
 * only a close paraphrase published later counts.
 *
 * When neither tells, nothing is flagged: flagging the original would be worse than missing the
 * rewrite. An article whose sources are not in the story is flagged on its marks alone when it
 * has {@link MIN_MARKS_ALONE} kinds of them.
 */

/** Share of an article's comparable sentences that must reword other reports for it to be derivative: most of it. */
export const MIN_REWORDED_SHARE = 0.5;

/**
 * Share of an article's comparable sentences one report must account for to count as a source
 * (and at least {@link MIN_SOURCE_SENTENCES}): a fifth, so a page stitched from two or three
 * reports names each, while the few facts any two reports of one event share do not.
 */
export const MIN_SOURCE_SHARE = 0.2;
export const MIN_SOURCE_SENTENCES = 3;

/**
 * Share of a source's comparable sentences the article must reword: a rewrite takes up most of
 * what it rewrites (the rewrites of the tests take 60–65%), while two independent reports of one
 * event share about a third of their statements, and a long report that touches every subject
 * shares a tenth of its sentences with any shorter one.
 */
export const MIN_SOURCE_TAKEN = 0.5;

/** Reports an article may be stitched from that are named as its sources, most used first. */
const MAX_SOURCES = 3;

/*
 * Hits each mark needs: one hit of any of them is found in ordinary news (on 1,026 native texts
 * of Multi-News and the extraction benchmark, exactly one agreement error in 1.1% of texts, one
 * pronoun mismatch in 0.9%, one unconnected sentence in 10%); two or more are a pattern (0.1%,
 * 0.4% and 1.8% of those texts).
 */
/**
 * A pair score from which two sentences are a close paraphrase (the same sentence with words
 * swapped), not merely the same statement: the light rewrites of the tests score 0.66–0.98 per
 * sentence, while independent reports stating the same fact score 0.3–0.6.
 */
export const CLOSE_REWORDING_SCORE = 0.6;
/** Share of the reworded sentences that must be close paraphrases for the rewording to be close. */
export const CLOSE_REWORDING_SHARE = 0.5;

/** Agreement errors needed for the mark. */
export const MIN_AGREEMENT_ERRORS = 2;
/** Sentences with a pronoun mismatch needed for the mark. */
export const MIN_PRONOUN_MISMATCHES = 2;
/** Unconnected sentences needed for the mark. */
export const MIN_UNCONNECTED = 2;
/** Odd synonyms needed for the rewording direction: a few swaps, and twice as many as the other side's. */
export const MIN_ODD_SYNONYMS = 3;
/** Kinds of mark that flag an article on their own, when its sources are not in the story. */
export const MIN_MARKS_ALONE = 3;

/**
 * Two publication times this far apart (hours) are ordered even when one has no UTC offset: no
 * two time zones differ by more.
 */
const UNZONED_MARGIN_HOURS = 14;

/** The rewriting marks of one article: each with its evidence when it reaches its threshold, else null. */
interface Marks {
  readonly substitution: string | null;
  readonly agreement: string | null;
  readonly pronouns: string | null;
  readonly unconnected: string | null;
}

/** An article's rewriting marks, and single hits below a mark's threshold (shown only beside other evidence). */
interface ArticleMarks {
  readonly marks: Marks;
  readonly belowThreshold: readonly string[];
}

function countMarks(marks: Marks): number {
  return Object.values(marks).filter((value) => value !== null).length;
}

function quoted(items: readonly string[]): string {
  return items.slice(0, 3).map((item) => `'${item}'`).join(', ') + (items.length > 3 ? ', …' : '');
}

function marksOf(analyzed: Analyzed, substitutions: readonly Substitution[]): ArticleMarks {
  const { text } = analyzed.article;
  const agreement = findAgreementErrors(analyzed).map((span) => text.slice(span.start, span.end));
  const pronouns = findPronounMismatches(analyzed).map((item) => `${item.pronoun}' after '${item.named}`);
  const unconnected = findUnconnectedSentences(analyzed).map((index) => quoteStart(text.slice(analyzed.sentences[index]!.start, analyzed.sentences[index]!.end)));
  const described = {
    agreement: agreement.length === 0 ? null : `${agreement.length} plural subject${agreement.length === 1 ? '' : 's'} with a singular verb (${quoted(agreement)})`,
    pronouns: pronouns.length === 0 ? null : `${pronouns.length} ${pronouns.length === 1 ? 'pronoun that fits' : 'pronouns that fit'} no one just named (${quoted(pronouns)})`,
    unconnected:
      unconnected.length === 0
        ? null
        : `${unconnected.length} sentence${unconnected.length === 1 ? '' : 's'} sharing no word with the sentences around ${unconnected.length === 1 ? 'it' : 'them'} (${unconnected.slice(0, 2).join(', ')})`,
  };
  const marks: Marks = {
    substitution: substitutions.length === 0 ? null : substitutions.map(describeSubstitution).join('; '),
    agreement: agreement.length >= MIN_AGREEMENT_ERRORS ? described.agreement : null,
    pronouns: pronouns.length >= MIN_PRONOUN_MISMATCHES ? described.pronouns : null,
    unconnected: unconnected.length >= MIN_UNCONNECTED ? described.unconnected : null,
  };
  const belowThreshold = (['agreement', 'pronouns', 'unconnected'] as const).flatMap((name) => (marks[name] === null && described[name] !== null ? [`also ${described[name]}`] : []));
  return { marks, belowThreshold };
}

/** A publication time in milliseconds, and whether it states its UTC offset; null when unknown. */
function publishedAt(article: Analyzed['article']): { readonly time: number; readonly zoned: boolean } | null {
  if (article.published === null) return null;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/u.test(article.published);
  const time = Date.parse(zoned || article.published.length <= 10 ? article.published : `${article.published}Z`);
  return Number.isNaN(time) ? null : { time, zoned };
}

/** Whether `first` was clearly published after `second` (1), before it (-1), or it cannot be told (0). */
function comparePublication(first: Analyzed['article'], second: Analyzed['article']): -1 | 0 | 1 {
  const [a, b] = [publishedAt(first), publishedAt(second)];
  if (a === null || b === null) return 0;
  const margin = a.zoned && b.zoned ? 0 : UNZONED_MARGIN_HOURS * 3_600_000;
  if (a.time - b.time > margin) return 1;
  if (b.time - a.time > margin) return -1;
  return 0;
}

/** What an article rewords of one other origin group. */
interface SourceGroup {
  readonly group: string;
  /** The article's sentences that reword a sentence of the group. */
  readonly sentences: Set<number>;
  /** Per such sentence, its best pair score with the group. */
  readonly scores: Map<number, number>;
  /** Per article of the group: for each of the article's sentences that rewords one of it, the best such sentence and score. */
  readonly perArticle: Map<number, Map<number, { sentence: number; score: number }>>;
  /** The sentence pairs, for the odd-synonym comparison. */
  readonly pairs: SentencePair[];
}

/** Per article: what it rewords of each other origin group (non-verbatim fact pairs across groups). */
function rewordedGroups(story: AnalyzedStory, facts: Facts): Map<string, SourceGroup>[] {
  const byArticle = story.articles.map(() => new Map<string, SourceGroup>());
  const add = (own: number, sentence: number, other: number, otherSentence: number, score: number): void => {
    const group = story.originOf[other] ?? String(other);
    if (group === (story.originOf[own] ?? String(own))) return;
    const groups = byArticle[own]!;
    const entry = groups.get(group) ?? { group, sentences: new Set<number>(), scores: new Map<number, number>(), perArticle: new Map<number, Map<number, { sentence: number; score: number }>>(), pairs: [] };
    groups.set(group, entry);
    entry.sentences.add(sentence);
    entry.scores.set(sentence, Math.max(score, entry.scores.get(sentence) ?? 0));
    const partners = entry.perArticle.get(other) ?? new Map<number, { sentence: number; score: number }>();
    entry.perArticle.set(other, partners);
    if (score > (partners.get(sentence)?.score ?? 0)) partners.set(sentence, { sentence: otherSentence, score });
    entry.pairs.push({ own: sentence, otherArticle: other, otherSentence });
  };
  for (const pair of facts.pairs) {
    if (pair.verbatim) continue;
    add(pair.a.article, pair.a.sentence, pair.b.article, pair.b.sentence, pair.score);
    add(pair.b.article, pair.b.sentence, pair.a.article, pair.a.sentence, pair.score);
  }
  return byArticle;
}

/**
 * The reports an article rewords enough to be its sources, most reworded first. Each of the
 * article's sentences is credited to the report whose sentence it matches best; a report must be
 * credited with {@link MIN_SOURCE_SENTENCES} and {@link MIN_SOURCE_SHARE} of the article's
 * comparable sentences, so a report that merely shares a few of the facts of the one rewritten
 * is not named beside it; and the article's sentences must have, as their best partners,
 * {@link MIN_SOURCE_TAKEN} of the report's sentences (a rewrite takes up most of what it
 * rewrites, sentence for sentence), so a long report that touches every subject, and so pairs
 * with some sentence of any article, is not taken for a source.
 */
function sourcesOf(groups: ReadonlyMap<string, SourceGroup>, comparable: number, comparableOf: (article: number) => number): SourceGroup[] {
  const best = new Map<number, { group: string; score: number }>();
  for (const source of groups.values()) {
    for (const [sentence, score] of source.scores) {
      const known = best.get(sentence);
      if (known === undefined || score > known.score || (score === known.score && source.group < known.group)) best.set(sentence, { group: source.group, score });
    }
  }
  const credited = new Map<string, number>();
  for (const { group } of best.values()) credited.set(group, (credited.get(group) ?? 0) + 1);
  return [...groups.values()]
    .filter((source) => {
      const count = credited.get(source.group) ?? 0;
      const main = mainArticle(source);
      const taken = new Set([...source.perArticle.get(main)!.values()].map((partner) => partner.sentence)).size / Math.max(1, comparableOf(main));
      return count >= MIN_SOURCE_SENTENCES && count >= MIN_SOURCE_SHARE * comparable && taken >= MIN_SOURCE_TAKEN;
    })
    .sort((a, b) => (credited.get(b.group) ?? 0) - (credited.get(a.group) ?? 0) || a.group.localeCompare(b.group))
    .slice(0, MAX_SOURCES);
}

/** The article of a source group that an article rewords most (the earliest listed on a tie). */
function mainArticle(source: SourceGroup): number {
  return [...source.perArticle.entries()].sort((a, b) => b[1].size - a[1].size || a[0] - b[0])[0]![0];
}

/** The sentences of an article that state something comparable (those facts were sought for). */
function comparableSentences(facts: Facts, article: number, count: number): number {
  let comparable = 0;
  for (let sentence = 0; sentence < count; sentence++) if (facts.factOf(article, sentence) !== null) comparable++;
  return comparable;
}

/** Which way a rewording goes, with the evidence that decided it. */
interface Direction {
  readonly derived: boolean;
  readonly evidence: string | null;
}

function describeOdd(odd: readonly OddSynonym[]): string {
  const shown = odd.slice(0, 4).map((item) => `'${item.word}' for '${item.usual}'`);
  return `${shown.join(', ')}${odd.length > 4 ? ', …' : ''}`;
}

/**
 * Per article: its derivative flag, or null. `machineTranslated` tells which articles were found
 * machine-translated (their wording is not evidence of rewriting); `substitutions` gives each
 * article's systematic name substitutions (names.ts).
 */
export function findDerivatives(
  story: AnalyzedStory,
  facts: Facts,
  substitutions: readonly (readonly Substitution[])[],
  machineTranslated: readonly boolean[],
): (ArticleFlag | null)[] {
  const using = groupsUsingWords(story);
  const found = story.articles.map((analyzed, index) => marksOf(analyzed, substitutions[index] ?? []));
  const marks = found.map((article) => article.marks);
  const reworded = rewordedGroups(story, facts);

  /**
   * Whether `article` is the rewrite of `other` in the pairs they share, and why; `stitched`
   * when the article rewords more than one report.
   */
  const direction = (article: number, other: number, pairs: readonly SentencePair[], scores: readonly number[], stitched: boolean): Direction => {
    const [own, theirs] = [story.articles[article]!.article, story.articles[other]!.article];
    const order = comparePublication(own, theirs);
    if (order === -1) return { derived: false, evidence: null };
    const dated = order === 1 ? `published after ${outletName(theirs)} (${own.published} against ${theirs.published})` : null;
    const close = scores.filter((score) => score >= CLOSE_REWORDING_SCORE).length >= CLOSE_REWORDING_SHARE * scores.length;
    if (machineTranslated[article] === true) return { derived: dated !== null && close, evidence: dated };
    const reverse = pairs.map((pair) => ({ own: pair.otherSentence, otherArticle: article, otherSentence: pair.own }));
    const ownOdd = findOddSynonyms(story, article, pairs, using);
    const otherOdd = findOddSynonyms(story, other, reverse, using);
    const leans = (first: readonly OddSynonym[], second: readonly OddSynonym[]): boolean => first.length >= MIN_ODD_SYNONYMS && first.length >= 2 * second.length;
    const [ownMarks, otherMarks] = [countMarks(marks[article]!), countMarks(marks[other]!)];
    const odd = leans(ownOdd, otherOdd) ? `swaps ${ownOdd.length} words of ${outletName(theirs)} for synonyms no other report uses (${describeOdd(ownOdd)})` : null;
    const evidence = [dated, odd].filter((reason): reason is string => reason !== null).join('; ') || null;
    if (leans(otherOdd, ownOdd) || ownMarks < otherMarks) return { derived: false, evidence: null };
    const derived =
      odd !== null ||
      (close && (order === 1 || ownMarks > otherMarks)) ||
      (stitched && ownMarks > otherMarks) ||
      ownMarks >= otherMarks + 2;
    return { derived, evidence };
  };

  const comparable = story.articles.map((analyzed, article) => comparableSentences(facts, article, analyzed.sentences.length));
  return story.articles.map((_, article) => {
    const ownComparable = comparable[article]!;
    const markEvidence = Object.values(marks[article]!).filter((value): value is string => value !== null);
    const sources = sourcesOf(reworded[article]!, ownComparable, (other) => comparable[other]!);
    const derived: Array<{ readonly source: SourceGroup; readonly main: number; readonly evidence: string | null }> = [];
    for (const source of sources) {
      const main = mainArticle(source);
      const scores = [...source.perArticle.get(main)!.values()].map((partner) => partner.score);
      const decided = direction(article, main, source.pairs.filter((pair) => pair.otherArticle === main), scores, sources.length > 1);
      if (decided.derived) derived.push({ source, main, evidence: decided.evidence });
    }
    const covered = new Set(derived.flatMap(({ source }) => [...source.sentences]));
    if (ownComparable > 0 && covered.size >= MIN_REWORDED_SHARE * ownComparable) {
      const described = derived.map(({ source, main }) => `${source.sentences.size} from ${outletName(story.articles[main]!.article)}`);
      const evidence = [
        `${covered.size} of ${ownComparable} sentences reword sentences of ${derived.length === 1 ? 'another report' : `${derived.length} other reports (stitched)`}: ${described.join(', ')}`,
        ...derived.flatMap(({ evidence: reason }) => (reason === null ? [] : [reason])),
        ...markEvidence,
        ...found[article]!.belowThreshold,
      ];
      return { kind: 'derivative', evidence, derivedFrom: derived.map(({ main }) => story.articles[main]!.article.id), segments: [] };
    }
    if (machineTranslated[article] !== true && markEvidence.length >= MIN_MARKS_ALONE) {
      return {
        kind: 'derivative',
        evidence: ['carries the marks of automated rewriting; the reports it rewords are not in the story', ...markEvidence, ...found[article]!.belowThreshold],
        derivedFrom: [],
        segments: [],
      };
    }
    return null;
  });
}
