import { conceptIds, lemmaOf, synonymWords } from '../../analyze/lexicon.js';
import { mentionGenders, type Gender } from '../../analyze/quotes/gender.js';
import { isContentWord } from '../../analyze/stopwords.js';
import { tokensOfSentence } from '../../analyze/tokens.js';
import type { EntityMention } from '../../core/annotations.js';
import type { Analyzed, Token } from '../../core/records.js';
import { firstStartingAt, type Span } from '../../core/span.js';
import type { AnalyzedStory } from '../origins.js';

/**
 * The marks automated rewriting ("spinning") leaves in a text, each a count a reader can check:
 *
 * - **odd synonyms**: words no other report uses, standing where the other reports agree on a
 *   synonym ("barrier" where every report says "dam", "probe" for "inquiry"): a spinner swaps
 *   words for dictionary synonyms; reporters writing independently mostly meet on the plain word;
 * - **agreement errors**: a plural subject with a singular verb ("houses was harmed", "their
 *   reports was brushed aside"), left when a spinner swaps one word of a phrase;
 * - **pronoun mismatches**: "she" where the only person just named is a man (or the reverse),
 *   left when sentences are lifted out of their context or names swapped;
 * - **unconnected sentences**: a sentence sharing no word, name or number with the sentences
 *   around it ("Rain is one of the most important sources of fresh water for farmers"), padding
 *   that spinners insert.
 *
 * Each is measured on the whole text; derivative.ts decides what a count means.
 */

/** A word an article uses where the other reports use a synonym. */
export interface OddSynonym {
  /** The article's word (base form). */
  readonly word: string;
  /** The synonym the sentence it rewords uses. */
  readonly usual: string;
  /** How many other origin groups use the synonym. */
  readonly usualReports: number;
}

/** Other reports that must use the synonym for the article's word to count as odd: two agree independently, one may be chance. */
export const MIN_USUAL_REPORTS = 2;

/** The content words (base forms) of some tokens written in lower case: names and sentence-initial capitals are left out. */
function lowerCaseLemmas(text: string, tokens: readonly Token[]): Set<string> {
  const lemmas = new Set<string>();
  for (const token of tokens) {
    if (!isContentWord(token.norm) || !/^\p{Ll}/u.test(text[token.start] ?? '')) continue;
    lemmas.add(lemmaOf(token.norm));
  }
  return lemmas;
}

/** For every content word of a story: the origin groups whose articles use it. */
export function groupsUsingWords(story: AnalyzedStory): Map<string, Set<string>> {
  const using = new Map<string, Set<string>>();
  story.articles.forEach((analyzed, index) => {
    const group = story.originOf[index] ?? String(index);
    for (const lemma of lowerCaseLemmas(analyzed.article.text, analyzed.tokens)) {
      const groups = using.get(lemma) ?? new Set<string>();
      groups.add(group);
      using.set(lemma, groups);
    }
  });
  return using;
}

/** Two sentences of different articles that state the same thing (a fact pair). */
export interface SentencePair {
  readonly own: number;
  readonly otherArticle: number;
  readonly otherSentence: number;
}

/**
 * Words swapped for synonyms in the sentences an article shares with other reports: in a pair
 * of sentences stating the same thing, a word of the article's sentence missing from the other,
 * where the other has a word missing from the article's that shares a WordNet sense with it
 * ("barrier" / "dam"). It counts as odd when no other report uses the article's word and at
 * least {@link MIN_USUAL_REPORTS} other reports use the synonym: the article departs from the
 * words the reports agree on. Each distinct word counts once.
 */
export function findOddSynonyms(story: AnalyzedStory, article: number, pairs: readonly SentencePair[], using: ReadonlyMap<string, ReadonlySet<string>>): OddSynonym[] {
  const analyzed = story.articles[article];
  if (analyzed === undefined) return [];
  const group = story.originOf[article] ?? String(article);
  const lemmasOf = (index: number, sentence: number): Set<string> => {
    const other = story.articles[index]!;
    return lowerCaseLemmas(other.article.text, tokensOfSentence(other, sentence));
  };
  const othersUsing = (word: string): number => [...(using.get(word) ?? [])].filter((other) => other !== group).length;
  const found = new Map<string, OddSynonym>();
  for (const pair of pairs) {
    const own = lemmasOf(article, pair.own);
    const other = lemmasOf(pair.otherArticle, pair.otherSentence);
    for (const word of own) {
      if (other.has(word) || found.has(word) || othersUsing(word) > 0) continue;
      const senses = new Set(conceptIds(word));
      for (const usual of other) {
        if (own.has(usual) || !conceptIds(usual).some((id) => senses.has(id))) continue;
        const usualReports = othersUsing(usual);
        if (usualReports >= MIN_USUAL_REPORTS) {
          found.set(word, { word, usual, usualReports });
          break;
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => b.usualReports - a.usualReports || a.word.localeCompare(b.word));
}

/** Words that introduce a noun phrase as the subject of a clause. */
const SUBJECT_DETERMINERS = new Set(['the', 'their', 'these', 'those', 'many', 'several', 'some', 'both', 'his', 'her', 'its', 'our', 'all', 'most', 'few', 'two', 'three', 'four', 'five', 'ten', 'hundreds', 'thousands']);

/** Singular verb forms a plural subject cannot take. */
const SINGULAR_VERBS = new Set(['was', 'is', 'has', 'does']);

/** Words before a noun phrase that make it the object of a preposition ("one of the houses was"), not the subject. */
const NOT_SUBJECT_BEFORE = new Set(['of', 'among', 'between', 'for', 'with', 'in', 'on', 'at', 'from', 'by', 'to', 'about', 'than', 'like']);

/**
 * Plural nouns of measure, which take a singular verb as an amount ("three years is a long
 * time", "these days is"), and verb forms that look like plural nouns ("says").
 */
const SINGULAR_PLURALS = new Set([
  'days', 'weeks', 'months', 'years', 'hours', 'minutes', 'seconds', 'decades', 'centuries', 'miles', 'kilometres', 'kilometers',
  'metres', 'meters', 'dollars', 'euros', 'pounds', 'percent', 'points', 'tons', 'tonnes', 'says', 'news', 'series', 'species',
]);

/** Whether a lower-case word is a plural noun: it ends in -s, its base form differs and is a WordNet noun. */
function isPluralNoun(word: string): boolean {
  if (!/[^su']s$/.test(word) || SINGULAR_PLURALS.has(word)) return false;
  const lemma = lemmaOf(word);
  return lemma !== word && conceptIds(lemma).some((id) => id.startsWith('n'));
}

/** Adjectives and numbers allowed between determiner and noun ("the 300 damaged houses"). */
const MAX_MODIFIERS = 2;

/**
 * Plural subjects with a singular verb: a determiner or number, up to {@link MAX_MODIFIERS}
 * modifiers, a plural noun, then "was"/"is"/"has"/"does" ("their reports was", "300 houses
 * was"). A noun phrase after a preposition ("one of the houses was") is not a subject and is
 * skipped. Returns the spans, from determiner to verb.
 */
export function findAgreementErrors(analyzed: Analyzed): Span[] {
  const { tokens } = analyzed;
  const { text } = analyzed.article;
  const found: Span[] = [];
  for (let verb = 2; verb < tokens.length; verb++) {
    if (!SINGULAR_VERBS.has(tokens[verb]!.norm)) continue;
    const noun = tokens[verb - 1]!;
    if (!/^\p{Ll}/u.test(text[noun.start] ?? '') || !isPluralNoun(noun.norm) || /[,;:.!?)]/u.test(text.slice(noun.end, tokens[verb]!.start))) continue;
    for (let start = verb - 2; start >= Math.max(0, verb - 2 - MAX_MODIFIERS); start--) {
      const token = tokens[start]!;
      if (/[,;:.!?(]/u.test(text.slice(token.end, tokens[start + 1]!.start))) break;
      if (!SUBJECT_DETERMINERS.has(token.norm) && !/^\d/.test(token.norm)) {
        // Only modifiers stand between determiner and noun: a function word ("the task of politicians") ends the phrase.
        if (!isContentWord(token.norm)) break;
        continue;
      }
      const before = tokens[start - 1];
      const joined = before !== undefined && !/[,;:.!?]/u.test(text.slice(before.end, token.start));
      if (joined && NOT_SUBJECT_BEFORE.has(before.norm)) break;
      found.push({ start: token.start, end: tokens[verb]!.end });
      break;
    }
  }
  return found;
}

/** Pronouns and the gender they give their referent. */
const PRONOUN_GENDERS: ReadonlyMap<string, Gender> = new Map([
  ['he', 'male'], ['him', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['her', 'female'], ['hers', 'female'], ['herself', 'female'],
]);

/** Common nouns that name a man or a woman: a pronoun may refer to one of them rather than to a named person. */
const GENDERED_NOUNS: ReadonlyMap<string, Gender> = new Map([
  ['man', 'male'], ['men', 'male'], ['boy', 'male'], ['father', 'male'], ['son', 'male'], ['husband', 'male'], ['brother', 'male'], ['grandfather', 'male'], ['king', 'male'], ['spokesman', 'male'], ['chairman', 'male'], ['businessman', 'male'], ['policeman', 'male'],
  ['woman', 'female'], ['women', 'female'], ['girl', 'female'], ['mother', 'female'], ['daughter', 'female'], ['wife', 'female'], ['sister', 'female'], ['grandmother', 'female'], ['queen', 'female'], ['spokeswoman', 'female'], ['chairwoman', 'female'], ['businesswoman', 'female'], ['policewoman', 'female'],
]);

/** A pronoun whose gender no person named just before it has. */
export interface PronounMismatch extends Span {
  readonly pronoun: string;
  /** The person named just before it, as written. */
  readonly named: string;
}

/**
 * Pronouns ("she", "his") whose gender differs from that of every person named just before them
 * (earlier in the sentence or in the sentence before), when every such person's gender is known
 * (from a first name, honorific or gendered role) and no gendered common noun ("mother",
 * "spokesman") there could be meant instead. At most one per sentence.
 */
export function findPronounMismatches(analyzed: Analyzed): PronounMismatch[] {
  const { text } = analyzed.article;
  const genders = mentionGenders(text, analyzed.entities);
  const people = analyzed.entities.filter((mention) => mention.kind === 'person');
  const found: PronounMismatch[] = [];
  let from = 0;
  analyzed.sentences.forEach((sentence, index) => {
    const previous = analyzed.sentences[index - 1];
    const windowStart = previous?.start ?? sentence.start;
    while (from < people.length && people[from]!.end <= windowStart) from++;
    const tokens = tokensOfSentence(analyzed, index);
    const windowTokens: Token[] = previous === undefined ? tokens : [...tokensOfSentence(analyzed, index - 1), ...tokens];
    for (const token of tokens) {
      const gender = PRONOUN_GENDERS.get(token.norm);
      if (gender === undefined) continue;
      const named: EntityMention[] = [];
      for (let index = from; index < people.length && people[index]!.start < token.start; index++) if (people[index]!.end <= token.start) named.push(people[index]!);
      if (named.length === 0) continue;
      const known = named.map((mention) => genders.get(mention));
      if (known.some((value) => value === undefined || value === gender)) continue;
      if (windowTokens.some((other) => other.start < token.start && GENDERED_NOUNS.get(other.norm) === gender)) continue;
      const last = named.at(-1)!;
      found.push({ start: token.start, end: token.end, pronoun: text.slice(token.start, token.end), named: text.slice(last.start, last.end) });
      break;
    }
  });
  return found;
}

/** Words a sentence needs to be judged unconnected: a short sentence shares little with anything. */
const MIN_UNCONNECTED_WORDS = 8;
/** Content words it needs: a sentence of function words says nothing to compare. */
const MIN_UNCONNECTED_CONTENT = 4;
/** Sentences compared on each side. */
const NEIGHBOURS = 2;

/**
 * Share of a sentence's content words found elsewhere in the article below which it is off the
 * article's subject: under a quarter.
 */
const MAX_SHARED_WITH_ARTICLE = 0.25;

/**
 * Sentences that share no content word (base form, or WordNet synonym) with the
 * {@link NEIGHBOURS} sentences on either side, few with the rest of the article
 * ({@link MAX_SHARED_WITH_ARTICLE}), name no one, give no number and quote no one: a statement
 * that does not follow from its neighbours or belong to the story ("Rain is one of the most
 * important sources of fresh water for farmers all over the world."). Needs neighbours on both
 * sides.
 */
export function findUnconnectedSentences(analyzed: Analyzed): number[] {
  const { text } = analyzed.article;
  const lemmasOf = analyzed.sentences.map((_, index) => new Set(tokensOfSentence(analyzed, index).filter((token) => isContentWord(token.norm)).map((token) => lemmaOf(token.norm))));
  const startsInside = (spans: readonly Span[], span: Span): boolean => (spans[firstStartingAt(spans, span.start)]?.start ?? Number.POSITIVE_INFINITY) < span.end;
  const hasAnchor = (span: Span): boolean => startsInside(analyzed.entities, span) || startsInside(analyzed.numbers, span) || /["“”«»]/u.test(text.slice(span.start, span.end));
  const articleCounts = new Map<string, number>();
  for (const lemmas of lemmasOf) for (const lemma of lemmas) articleCounts.set(lemma, (articleCounts.get(lemma) ?? 0) + 1);
  const found: number[] = [];
  for (let index = NEIGHBOURS; index + NEIGHBOURS < analyzed.sentences.length; index++) {
    const span = analyzed.sentences[index]!;
    const own = lemmasOf[index]!;
    if (tokensOfSentence(analyzed, index).length < MIN_UNCONNECTED_WORDS || own.size < MIN_UNCONNECTED_CONTENT || hasAnchor(span)) continue;
    const around = new Set<string>();
    for (let other = index - NEIGHBOURS; other <= index + NEIGHBOURS; other++) if (other !== index) for (const lemma of lemmasOf[other]!) around.add(lemma);
    const shares = [...own].some((lemma) => around.has(lemma) || [...synonymWords(lemma)].some((synonym) => around.has(synonym)));
    const elsewhere = [...own].filter((lemma) => (articleCounts.get(lemma) ?? 0) > 1).length;
    if (!shares && elsewhere < MAX_SHARED_WITH_ARTICLE * own.size) found.push(index);
  }
  return found;
}
