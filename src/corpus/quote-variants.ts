import { conceptIds, lemmaOf, SYNONYM, wordRelation } from '../analyze/lexicon.js';
import { findQuotedPassages } from '../analyze/quotes/marks.js';
import { isContentWord } from '../analyze/stopwords.js';
import { tokenize } from '../analyze/tokens.js';
import type { Citation, QuoteVariant, QuoteVariants, StoryQuote, VariantKind } from '../core/records.js';
import { foldWord } from './passages.js';
import { countIndependentReports } from './report-frequency.js';
import { makeUnionFind } from './union-find.js';

/**
 * Quote variants: the same utterance as different outlets and translations quote it. Quotes are
 * grouped by speaker; inside a speaker, candidate pairs come from an inverted index over the
 * quotes' content-word lemmas and WordNet senses (so "we will mend the bridge" meets "we are
 * going to repair the bridge" without comparing every pair), and each candidate pair is aligned
 * word by word.
 *
 * The alignment is a local alignment (Smith & Waterman 1981), as passim uses it to find reprinted
 * passages in newspapers (Smith, Cordell & Mullen 2013, "Infectious texts"): a word pair scores
 * its weight times how close the words are (1 the same lemma, 0.8 WordNet synonyms, 0.5 a
 * direct hypernym, from src/analyze/lexicon.ts), a gap or a changed word costs a little, so the
 * best-scoring stretch is the compact passage both quotes share, in order. Words are weighted by
 * rarity (inverse document frequency over the story's quotes), content words above function
 * words, so a shared "we will" proves little and a shared "responsible … answer" a lot.
 *
 * Two quotes are one utterance when the rules of {@link SAME_UTTERANCE_RULES} say so, tried in
 * order: one's words lie word for word inside the other (a partial quote), or nearly so, or the
 * shared passage covers most of the shorter quote with at least two content words matched.
 * Quotes are then grouped transitively (union-find), and each group's quotes with the same words
 * (after folding case, punctuation, quotation marks and British/American spelling) form one
 * wording ({@link QuoteVariant}). The canonical wording is the most independently reported
 * (distinct origin groups), then the most widely (articles); each other wording is named
 * `verbatim`, `partial`, `edited` or `translated` by {@link VARIANT_KIND_RULES}.
 *
 * Decisions:
 * - Reported (indirect) speech joins a group only when it echoes a quotation's words (a shared
 *   run of at least {@link MIN_ECHO_WORDS} words, one of them a content word) and otherwise
 *   meets the same rules; two reported sentences alone never make a group, since paraphrases of
 *   one another are not quotations. Reported speech is never the canonical wording: it is the
 *   reporter's sentence, not the speaker's words (and a group with no quotation is not listed).
 * - Quotes whose speaker is not known group only with each other, when the words naming the
 *   speaker match ("the minister" / "The minister", or none at all) and the wording is very
 *   close: the same words, or a shared passage covering {@link MIN_UNKNOWN_SPEAKER_COVER} of
 *   both. A short phrase inside a longer quote is not enough there: it may be anyone's.
 * - A group is listed only when it has two or more wordings quoted by two or more articles: a
 *   quote repeated word for word everywhere has no variants, and an article repeating or
 *   paraphrasing its own quote is the writer's, not a difference between sources. Every wording
 *   of a listed group is kept, with all its quotes and outlets.
 * - A partial quote's wording is its quoted words only: the rest of its text is the reporter's.
 */

/** What {@link findQuoteVariants} needs to know about the story's articles. */
export interface VariantContext {
  /** The index of an article id in the story, which `originOf` and the other functions take. */
  articleIndex(articleId: string): number;
  /** Per article index: its origin group (copies of one report share one). */
  readonly originOf: readonly string[];
  /** The outlet as a reader knows it. */
  outletOf(article: number): string;
  /** The display name of a story entity. */
  entityName(entityId: string): string;
  /** The article's language (ISO 639-1), or null when unknown. */
  language(article: number): string | null;
  /** Whether the article's text shows it was machine-translated. */
  machineTranslated(article: number): boolean;
}

/** The weight of a function word ("we", "will", "the") as a share of a content word's, before rarity. */
export const FUNCTION_WORD_WEIGHT = 0.25;

/**
 * The cost of a gap or a changed word in the alignment, as a share of the two quotes' mean word
 * weight: low enough to bridge a changed word between matches ("we will [find out → establish]
 * who is"), high enough that words scattered over a long quote do not add up to a match.
 */
export const GAP_COST = 0.5;

/**
 * Least share of the shorter quote's weight the shared passage must cover. An edited quote keeps
 * most of its words ("Those responsible will answer for this" inside "We will find out who is
 * responsible and they will answer for it": 0.81), a rewording or a second translation keeps its
 * order and some of its words ("We are going to discover who is accountable and they will reply
 * for it": 0.56; on the seed story, two translations of one answer: 0.46–0.57). Overlapping
 * excerpts of one long answer and paraphrases by the same speaker scored 0.33–0.40 there,
 * different statements less.
 */
export const MIN_COVER = 0.45;

/** Content words (same lemma or synonyms) the shared passage must match, besides the cover. */
export const MIN_CONTENT_MATCHES = 2;

/** A quote contained word for word in another must be this long to count as a part of it. */
export const MIN_PART_WORDS = 3;

/** Least cover of the shorter quote for it to be the longer's words but for a word or two. */
export const MIN_NEAR_PART_COVER = 0.8;

/** The shared run of words reported speech must have with a quotation to join it. */
export const MIN_ECHO_WORDS = 3;

/** Least cover, of each quote, for quotes whose speaker is not known. */
export const MIN_UNKNOWN_SPEAKER_COVER = 0.8;

/**
 * Share of the shorter wording's content weight that must be the same words (not synonyms) for
 * a variant to be `edited` rather than `translated`.
 */
export const MIN_EDITED_SHARE = 0.5;

/** Words of a quote that are aligned and indexed; a longer quote (an unclosed quotation mark) is cut there. */
export const MAX_COMPARED_WORDS = 400;

/** Characters of a quote's text read at all: far beyond any real quotation, a bound on the work for a runaway one. */
export const MAX_QUOTE_CHARACTERS = 20_000;

/** An index key shared by more quotes of one speaker than this says nothing about which belong together. */
export const MAX_POSTINGS = 64;

/** A word of a quote, ready to compare; one object per distinct word of the story. */
interface Word {
  /** The word as written, folded (case, spelling). */
  readonly surface: string;
  /** Number standing for the word's lemma, shared story-wide. */
  readonly lemma: number;
  /** Number standing for the folded surface, for the meaning-relation cache. */
  readonly form: number;
  readonly content: boolean;
}

/** One quote, prepared. */
interface PreparedQuote {
  readonly quote: StoryQuote;
  /** Its index among the quotes given, the order of the story. */
  readonly order: number;
  /** The index of its article. */
  readonly article: number;
  /** The wording as shown: the quote's text, or for a partial quote the quoted words, parts joined by " … ". */
  readonly text: string;
  /** The speaker's own words, folded: the quoted fragments of a partial quote, else the quote's parts. */
  readonly fragments: readonly (readonly string[])[];
  /** The fragments' words joined, for "verbatim" (equal) and "part of" (contained) tests. */
  readonly key: string;
  /** The key between spaces, so that a contained fragment matches whole words only. */
  readonly paddedKey: string;
  /** The words compared, contractions spelt out ("won't" → "will not"). */
  readonly words: readonly Word[];
  /** The fragments' words joined, each between spaces, for the "part of" test. */
  readonly fragmentKeys: readonly string[];
  /** The lemmas of its words, for a quick bound before aligning. */
  readonly lemmas: ReadonlySet<number>;
  /** Per WordNet sense of its content words, their positions in `words`. */
  readonly senses: ReadonlyMap<number, readonly number[]>;
  /** Per word: its weight, by rarity in the story and whether it is a content word. */
  readonly weights: Float64Array;
  /** The sum of the weights, and of the content words' weights. */
  weight: number;
  contentWeight: number;
}

/** How two quotes align: the best shared passage and what it covers. */
export interface Alignment {
  /** Matched weight of the shared passage as a share of each quote's weight. */
  readonly coverFirst: number;
  readonly coverSecond: number;
  /** Content words matched by the same lemma or a synonym. */
  readonly contentMatches: number;
  /** Share of each quote's content weight matched by the same lemma. */
  readonly sameFirst: number;
  readonly sameSecond: number;
  /** The longest run of identical words with a content word among them. */
  readonly longestRun: number;
}

/** Spelling folds beyond {@link foldWord}'s "-ise": British/American -our, -tre, -ogue, -lled, -ence. Applied to both sides, so over-folding is harmless. */
function foldSpelling(word: string): string {
  if (word.length < 5) return word;
  return word
    .replace(/^(\w{3,})our(s|ed|ing|ite|ites|able|ably|ful|less|hood|hoods|er|ers)?$/, '$1or$2')
    .replace(/^(\w{2,})tre(s)?$/, '$1ter$2')
    .replace(/^(\w{3,})ogue(s)?$/, '$1og$2')
    .replace(/^(\w*[aeiou]\w*[aeiou])ll(ed|ing|er|ers)$/, '$1l$2')
    .replace(/^(def|off|pret)ence(s)?$/, '$1ense$2');
}

/** Words whose "'s" is "is" rather than a possessive. */
const IS_CONTRACTED = new Set(['it', 'that', 'he', 'she', 'there', 'what', 'who', 'here', 'where', 'how']);

/** A word with its contraction spelt out: "won't" → ["will", "not"], "we're" → ["we", "are"], "Russia's" → ["russia"]. */
export function expandContraction(word: string): string[] {
  if (word === "won't") return ['will', 'not'];
  if (word === "can't") return ['can', 'not'];
  if (word === "let's") return ['let', 'us'];
  const match = /^(.+?)('s|n't|'re|'ve|'ll|'m|'d)$/.exec(word);
  if (match === null) return [word];
  const [, stem, ending] = match as unknown as [string, string, string];
  switch (ending) {
    case "n't":
      return [stem, 'not'];
    case "'re":
      return [stem, 'are'];
    case "'ve":
      return [stem, 'have'];
    case "'ll":
      return [stem, 'will'];
    case "'m":
      return [stem, 'am'];
    case "'d":
      return [stem, 'would'];
    default:
      return IS_CONTRACTED.has(stem) ? [stem, 'is'] : [stem];
  }
}

/** A bracketed insertion in a quotation: the editor's words, not the speaker's ("he (Vale - ed.) resigned", "[the plan]"). */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]/g;

/**
 * The speaker's own words in a quote, as fragments of text: a partial quote's text is the
 * reporter's clause around the quoted words, so only what stands between quotation marks is the
 * speaker's; a direct quote's parts and reported speech are taken whole.
 */
function speakerFragments(quote: StoryQuote): string[] {
  const text = quote.text.slice(0, MAX_QUOTE_CHARACTERS);
  const parts = text.split(' … ');
  if (quote.kind !== 'partial') return parts;
  const passages = findQuotedPassages(text, [{ start: 0, end: text.length }]).filter((passage) => passage.closed);
  const quoted = passages.flatMap((passage) => passage.content.map((span) => text.slice(span.start, span.end)));
  return quoted.some((fragment) => /[\p{L}\p{N}]/u.test(fragment)) ? quoted : parts;
}

/**
 * Story-wide numbering of lemmas, word forms and WordNet senses, and the cache of how related two
 * forms are, so the alignment compares numbers.
 */
class Vocabulary {
  private readonly lemmas = new Map<string, number>();
  private readonly forms: string[] = [];
  private readonly formIds = new Map<string, number>();
  private readonly formLemmas: string[] = [];
  private readonly formConcepts: (readonly number[])[] = [];
  private readonly conceptNumbers = new Map<string, number>();
  private readonly relations = new Map<number, number>();
  private readonly folded = new Map<string, readonly string[]>();
  private readonly words = new Map<string, readonly Word[]>();
  private readonly auxiliaries = new Map<number, Word>();

  /** The comparable words of a text: tokens folded for case, punctuation, spelling and hyphenation. */
  foldedWords(text: string): string[] {
    return tokenize(text).flatMap((token) => {
      let words = this.folded.get(token.norm);
      if (words === undefined) {
        words = foldWord(token.norm).map(foldSpelling);
        this.folded.set(token.norm, words);
      }
      return words;
    });
  }

  /** The compared words of a folded word: its contraction spelt out, each with lemma, form and whether it is a content word. */
  wordsOf(folded: string): readonly Word[] {
    let words = this.words.get(folded);
    if (words === undefined) {
      words = expandContraction(folded).map((surface): Word => {
        const lemma = lemmaOf(surface);
        return { surface, lemma: this.lemmaId(lemma), form: this.formId(surface, lemma), content: isContentWord(surface) && isContentWord(lemma) };
      });
      this.words.set(folded, words);
    }
    return words;
  }

  /** The same word as a function word ("going" in "going to", the future as "will" is). */
  asFunctionWord(word: Word): Word {
    let auxiliary = this.auxiliaries.get(word.form);
    if (auxiliary === undefined) {
      auxiliary = { ...word, content: false };
      this.auxiliaries.set(word.form, auxiliary);
    }
    return auxiliary;
  }

  /** The number of a lemma, new ones numbered in order of appearance. */
  lemmaId(lemma: string): number {
    let id = this.lemmas.get(lemma);
    if (id === undefined) {
      id = this.lemmas.size;
      this.lemmas.set(lemma, id);
    }
    return id;
  }

  /** The number of a word form, with its lemma and senses recorded the first time. */
  formId(form: string, lemma: string): number {
    let id = this.formIds.get(form);
    if (id === undefined) {
      id = this.forms.length;
      this.forms.push(form);
      this.formLemmas.push(lemma);
      this.formIds.set(form, id);
      // Senses of the lemma and, for a participle used as an adjective ("amusing"), of the form.
      const concepts = new Set([...conceptIds(lemma), ...(form === lemma ? [] : conceptIds(form))]);
      this.formConcepts.push(
        [...concepts].map((concept) => {
          let number = this.conceptNumbers.get(concept);
          if (number === undefined) {
            number = this.conceptNumbers.size;
            this.conceptNumbers.set(concept, number);
          }
          return number;
        }),
      );
    }
    return id;
  }

  /** The numbers of a form's first WordNet senses: two forms sharing one are synonyms. */
  concepts(form: number): readonly number[] {
    return this.formConcepts[form] ?? [];
  }

  /**
   * How close in meaning two content words are: {@link wordRelation} of their lemmas, or of the
   * forms as written when that is closer (a participle used as an adjective: "amusing" is a
   * synonym of "funny", its lemma "amuse" is not).
   */
  relation(first: number, second: number): number {
    // One number per unordered pair (a story has far fewer than 2^22 word forms).
    const key = first < second ? first * 4_194_304 + second : second * 4_194_304 + first;
    let relation = this.relations.get(key);
    if (relation === undefined) {
      const [formA, formB] = [this.forms[first]!, this.forms[second]!];
      const [lemmaA, lemmaB] = [this.formLemmas[first]!, this.formLemmas[second]!];
      relation = Math.max(wordRelation(lemmaA, lemmaB), formA === lemmaA && formB === lemmaB ? 0 : wordRelation(formA, formB));
      this.relations.set(key, relation);
    }
    return relation;
  }
}

/**
 * Prepares every quote that has words and belongs to a known article: fragments, verbatim key,
 * compared words with rarity weights.
 */
function prepareQuotes(quotes: readonly StoryQuote[], context: VariantContext, vocabulary: Vocabulary): PreparedQuote[] {
  const all = quotes.map((quote, order): PreparedQuote => {
    const texts = speakerFragments(quote);
    const fragments = texts.map((text) => vocabulary.foldedWords(text.replace(BRACKETED, ' '))).filter((words) => words.length > 0);
    const words = fragments
      .flat()
      .slice(0, MAX_COMPARED_WORDS)
      .flatMap((folded) => vocabulary.wordsOf(folded));
    // "going to" before a verb is the future, as "will" is: a function word.
    words.forEach((word, position) => {
      if (word.surface === 'going' && words[position + 1]?.surface === 'to') words[position] = vocabulary.asFunctionWord(word);
    });
    const senses = new Map<number, number[]>();
    words.forEach((word, position) => {
      if (!word.content) return;
      for (const sense of vocabulary.concepts(word.form)) {
        const positions = senses.get(sense);
        if (positions === undefined) senses.set(sense, [position]);
        else positions.push(position);
      }
    });
    const key = fragments.map((fragment) => fragment.join(' ')).join(' ');
    return {
      quote,
      order,
      article: context.articleIndex(quote.article),
      text: texts.join(' … '),
      fragments,
      key,
      paddedKey: ` ${key} `,
      fragmentKeys: fragments.map((fragment) => ` ${fragment.join(' ')} `),
      words,
      lemmas: new Set(words.map((word) => word.lemma)),
      senses,
      weights: new Float64Array(words.length),
      weight: 0,
      contentWeight: 0,
    };
  });
  const prepared = all.filter((quote) => quote.words.length > 0 && quote.article >= 0);
  // Rarity: inverse document frequency of each lemma over the story's quotes.
  const documentFrequency = new Map<number, number>();
  for (const { lemmas } of prepared) for (const lemma of lemmas) documentFrequency.set(lemma, (documentFrequency.get(lemma) ?? 0) + 1);
  const count = prepared.length;
  for (const quote of prepared) {
    quote.words.forEach((word, position) => {
      const weight = (word.content ? 1 : FUNCTION_WORD_WEIGHT) * Math.log(1 + count / (documentFrequency.get(word.lemma) ?? 1));
      quote.weights[position] = weight;
      quote.weight += weight;
      if (word.content) quote.contentWeight += weight;
    });
  }
  return prepared;
}

/**
 * How related each pair of content words of two quotes is, by position (`i * b.length + j`),
 * where it is not the same lemma: synonyms always (the senses they share, from the first quote's
 * index of senses), near relations only when asked for (each is a WordNet look-up, so they are
 * computed only for pairs already close).
 */
function softRelations(first: PreparedQuote, second: PreparedQuote, vocabulary: Vocabulary, nearRelations: boolean): Map<number, number> {
  const [a, b] = [first.words, second.words];
  const relations = new Map<number, number>();
  for (let j = 0; j < b.length; j++) {
    const word = b[j]!;
    if (!word.content) continue;
    for (const sense of vocabulary.concepts(word.form)) {
      for (const i of first.senses.get(sense) ?? []) if (a[i]!.lemma !== word.lemma) relations.set(i * b.length + j, SYNONYM);
    }
  }
  if (!nearRelations) return relations;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (!x.content) continue;
    for (let j = 0; j < b.length; j++) {
      const y = b[j]!;
      const at = i * b.length + j;
      if (!y.content || x.lemma === y.lemma || relations.has(at)) continue;
      const relation = vocabulary.relation(x.form, y.form);
      if (relation > 0) relations.set(at, relation);
    }
  }
  return relations;
}

/**
 * The best local alignment of two quotes' words (Smith–Waterman): a pair of words scores the
 * mean of their weights times their relation, a gap or a changed word costs {@link GAP_COST} of
 * the mean word weight. Reports what the best-scoring shared passage covers of each quote.
 * `nearRelations` adds WordNet's near relations (0.5) to the same lemmas and synonyms.
 */
function alignQuotes(first: PreparedQuote, second: PreparedQuote, vocabulary: Vocabulary, nearRelations: boolean): Alignment {
  const [a, b] = [first.words, second.words];
  const soft = softRelations(first, second, vocabulary, nearRelations);
  const columns = b.length + 1;
  const penalty = (GAP_COST * (first.weight + second.weight)) / Math.max(1, a.length + b.length);
  // Rolling rows of cells: score, matched weight of each side, content matches, same-lemma content
  // weight of each side (the best path's), then the run of identical words ending here and
  // whether that run holds a content word.
  const fields = 8;
  let previous = new Float64Array(columns * fields);
  let current = new Float64Array(columns * fields);
  let bestScore = 0;
  let bestCell = -1;
  let bestRow: Float64Array | null = null;
  let longestRun = 0;
  const [weightsA, weightsB] = [first.weights, second.weights];
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1]!;
    const weightX = weightsA[i - 1]!;
    current.fill(0);
    for (let j = 1; j <= b.length; j++) {
      const y = b[j - 1]!;
      const weightY = weightsB[j - 1]!;
      const here = j * fields;
      const diagonal = (j - 1) * fields;
      const relation = x.lemma === y.lemma ? 1 : x.content && y.content && soft.size > 0 ? (soft.get((i - 1) * b.length + j - 1) ?? 0) : 0;
      if (x.surface === y.surface) {
        const run = previous[diagonal + 6]! + 1;
        const hasContent = previous[diagonal + 7]! > 0 || x.content;
        current[here + 6] = run;
        current[here + 7] = hasContent ? 1 : 0;
        if (hasContent) longestRun = Math.max(longestRun, run);
      }
      const matchScore = relation > 0 ? (relation * (weightX + weightY)) / 2 : -penalty;
      const fromDiagonal = previous[diagonal]! + matchScore;
      const fromUp = previous[here]! - penalty;
      const fromLeft = current[diagonal]! - penalty;
      const score = Math.max(0, fromDiagonal, fromUp, fromLeft);
      if (score === 0) continue;
      current[here] = score;
      if (score === fromDiagonal) {
        const matched = relation > 0;
        current[here + 1] = previous[diagonal + 1]! + (matched ? relation * weightX : 0);
        current[here + 2] = previous[diagonal + 2]! + (matched ? relation * weightY : 0);
        current[here + 3] = previous[diagonal + 3]! + (relation >= SYNONYM && x.content && y.content ? 1 : 0);
        current[here + 4] = previous[diagonal + 4]! + (relation === 1 && x.content ? weightX : 0);
        current[here + 5] = previous[diagonal + 5]! + (relation === 1 && y.content ? weightY : 0);
      } else {
        const from = score === fromUp ? previous : current;
        const at = score === fromUp ? here : diagonal;
        for (let field = 1; field <= 5; field++) current[here + field] = from[at + field]!;
      }
      if (score > bestScore) {
        bestScore = score;
        bestCell = here;
      }
    }
    // Keep the best row's cell values before the row buffer is reused.
    if (bestCell >= 0) {
      bestRow ??= new Float64Array(fields);
      bestRow.set(current.subarray(bestCell, bestCell + fields));
      bestCell = -1;
    }
    [previous, current] = [current, previous];
  }
  const best = { matchedA: bestRow?.[1] ?? 0, matchedB: bestRow?.[2] ?? 0, content: bestRow?.[3] ?? 0, sameA: bestRow?.[4] ?? 0, sameB: bestRow?.[5] ?? 0 };
  return {
    coverFirst: first.weight > 0 ? best.matchedA / first.weight : 0,
    coverSecond: second.weight > 0 ? best.matchedB / second.weight : 0,
    contentMatches: best.content,
    sameFirst: first.contentWeight > 0 ? best.sameA / first.contentWeight : 0,
    sameSecond: second.contentWeight > 0 ? best.sameB / second.contentWeight : 0,
    longestRun,
  };
}

/** Whether every fragment of `part` stands word for word inside `whole`, and `part` is long enough to mean something. */
function isPartOf(part: PreparedQuote, whole: PreparedQuote): boolean {
  if (part.key.length >= whole.key.length || part.words.length < MIN_PART_WORDS || part.contentWeight === 0) return false;
  // Every word of a part is a word of the whole: a cheap test before searching the text.
  for (const lemma of part.lemmas) if (!whole.lemmas.has(lemma)) return false;
  return part.fragmentKeys.every((fragment) => whole.paddedKey.includes(fragment));
}

/** What the rules of {@link SAME_UTTERANCE_RULES} look at for one candidate pair. */
export interface PairEvidence {
  readonly first: { readonly kind: StoryQuote['kind']; readonly key: string };
  readonly second: { readonly kind: StoryQuote['kind']; readonly key: string };
  /** Whether either quote's speaker is unknown (then both are). */
  readonly unknownSpeaker: boolean;
  /** Whether one quote's words lie word for word inside the other's. */
  readonly contained: boolean;
  readonly alignment: Alignment;
}

/** A rule: `true` joins the pair, `false` keeps it apart, `null` leaves the decision to the next rule. */
export type UtteranceRule = (evidence: PairEvidence) => boolean | null;

/** Reported speech is joined only to a quotation, and only when it echoes its words. */
function reportedSpeechEchoes({ first, second, alignment }: PairEvidence): boolean | null {
  const reported = [first.kind, second.kind].filter((kind) => kind === 'indirect').length;
  if (reported === 0) return null;
  return reported === 2 || alignment.longestRun < MIN_ECHO_WORDS ? false : null;
}

/** The same words, or one contained in the other: a partial quote ("will find out who is responsible" inside "We will find out who is responsible and they will answer for it"). */
function sameOrContained({ first, second, contained }: PairEvidence): boolean | null {
  return first.key === second.key || contained ? true : null;
}

/**
 * The shorter quote is the longer's words but for a word or two ("So, the director resigned?" /
 * "The director resigned? I had no idea"): the shared passage covers {@link MIN_NEAR_PART_COVER} of it, with a run
 * of {@link MIN_PART_WORDS} identical words. For short quotes, which have too few content words
 * for the rule after it.
 */
function nearlyContained({ alignment }: PairEvidence): boolean | null {
  return Math.max(alignment.coverFirst, alignment.coverSecond) >= MIN_NEAR_PART_COVER && alignment.longestRun >= MIN_PART_WORDS ? true : null;
}

/**
 * Quotes whose speaker is not known join only when they are nearly the same words both ways: a
 * common phrase inside a longer quote ("we are doing everything we can") may be anyone's.
 */
function unknownSpeakerVeryClose({ first, second, unknownSpeaker, alignment }: PairEvidence): boolean | null {
  if (!unknownSpeaker) return null;
  if (first.key === second.key) return true;
  return Math.min(alignment.coverFirst, alignment.coverSecond) >= MIN_UNKNOWN_SPEAKER_COVER && alignment.contentMatches >= MIN_CONTENT_MATCHES;
}

/** The shared passage covers most of the shorter quote, with content words matched (edited, shortened or translated). */
function sharedPassageCoversShorter({ alignment }: PairEvidence): boolean {
  return Math.max(alignment.coverFirst, alignment.coverSecond) >= MIN_COVER && alignment.contentMatches >= MIN_CONTENT_MATCHES;
}

/** Whether two quotes of one speaker are one utterance: the first rule that decides, in order. */
export const SAME_UTTERANCE_RULES: readonly UtteranceRule[] = [reportedSpeechEchoes, unknownSpeakerVeryClose, sameOrContained, nearlyContained, sharedPassageCoversShorter];

function decide(evidence: PairEvidence): boolean {
  for (const rule of SAME_UTTERANCE_RULES) {
    const decision = rule(evidence);
    if (decision !== null) return decision;
  }
  return false;
}

/**
 * Least cover, with same lemmas and synonyms only, for a pair to be aligned again with WordNet's
 * near relations: a near relation (0.5) can tip a pair that is already close, not make one.
 */
export const MIN_COVER_FOR_NEAR_RELATIONS = 0.25;

/**
 * The most of a quote's weight an alignment with another could cover with the same lemmas and
 * synonyms: the weight of its words whose lemma or a sense of which the other has. Pairs below
 * {@link MIN_COVER_FOR_NEAR_RELATIONS} either way are not aligned at all.
 */
function coverBound(quote: PreparedQuote, other: PreparedQuote, vocabulary: Vocabulary): number {
  let possible = 0;
  for (let position = 0; position < quote.words.length; position++) {
    const word = quote.words[position]!;
    let found = other.lemmas.has(word.lemma);
    if (!found && word.content) for (const sense of vocabulary.concepts(word.form)) if ((found = other.senses.has(sense))) break;
    if (found) possible += quote.weights[position]!;
  }
  return quote.weight > 0 ? possible / quote.weight : 0;
}

/** Whether two quotes of one speaker are one utterance, by {@link SAME_UTTERANCE_RULES}. */
function sameUtterance(first: PreparedQuote, second: PreparedQuote, unknownSpeaker: boolean, vocabulary: Vocabulary): boolean {
  const contained = first.key === second.key || isPartOf(first, second) || isPartOf(second, first);
  const reported = first.quote.kind === 'indirect' || second.quote.kind === 'indirect';
  // Unless reported speech (which must show an echo) or an unknown speaker is involved, the same or contained words decide at once.
  if (contained && !reported && !unknownSpeaker) return true;
  if (!contained && Math.max(coverBound(first, second, vocabulary), coverBound(second, first, vocabulary)) < MIN_COVER_FOR_NEAR_RELATIONS) return false;
  const evidence: PairEvidence = {
    first: { kind: first.quote.kind, key: first.key },
    second: { kind: second.quote.kind, key: second.key },
    unknownSpeaker,
    contained,
    alignment: alignQuotes(first, second, vocabulary, false),
  };
  if (decide(evidence)) return true;
  const { coverFirst, coverSecond, contentMatches } = evidence.alignment;
  if (contentMatches < MIN_CONTENT_MATCHES || Math.max(coverFirst, coverSecond) < MIN_COVER_FOR_NEAR_RELATIONS) return false;
  return decide({ ...evidence, alignment: alignQuotes(first, second, vocabulary, true) });
}

/** Index keys of a quote: its content lemmas and their WordNet senses; its whole text when it has no content word. */
function indexKeys(quote: PreparedQuote): Set<string | number> {
  const keys = new Set<string | number>();
  for (const word of quote.words) if (word.content) keys.add(word.lemma);
  // Senses as negative numbers, apart from the lemma numbers.
  for (const sense of quote.senses.keys()) keys.add(-1 - sense);
  if (keys.size === 0 && quote.key !== '') keys.add(quote.key);
  return keys;
}

/** The speaker group a quote belongs to: its entity, or, for an unknown speaker, the words naming one. */
function speakerKey(quote: StoryQuote): string {
  if (quote.speaker !== null) return `e:${quote.speaker}`;
  const words = (quote.speakerText ?? '').toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/\s+/g, ' ').trim();
  return `t:${words}`;
}

/** Groups one speaker's quotes into utterances: candidate pairs from the index, joined by the rules. */
function clusterSpeaker(quotes: readonly PreparedQuote[], vocabulary: Vocabulary): PreparedQuote[][] {
  const unionFind = makeUnionFind(quotes.length);
  const postings = new Map<string | number, number[]>();
  quotes.forEach((quote, index) => {
    for (const key of indexKeys(quote)) {
      const list = postings.get(key);
      if (list === undefined) postings.set(key, [index]);
      else list.push(index);
    }
  });
  const compared = new Set<number>();
  const unknownSpeaker = quotes[0]?.quote.speaker === null;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTINGS) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x]!, list[y]!];
        const pair = i * quotes.length + j;
        if (compared.has(pair)) continue;
        compared.add(pair);
        if (unionFind.find(i) === unionFind.find(j)) continue;
        if (sameUtterance(quotes[i]!, quotes[j]!, unknownSpeaker, vocabulary)) unionFind.union(i, j);
      }
    }
  }
  const groups = new Map<number, PreparedQuote[]>();
  quotes.forEach((quote, index) => {
    const root = unionFind.find(index);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [quote]);
    else group.push(quote);
  });
  return [...groups.values()];
}

/** One wording of an utterance while it is being built. */
interface Wording {
  readonly members: PreparedQuote[];
  /** How complete a quotation its best member is: 2 a direct quote, 1 a partial one, 0 reported speech. */
  readonly completeness: number;
  /** Distinct origin groups and distinct articles among its members. */
  readonly independentReports: number;
  readonly articles: number;
}

const COMPLETENESS: Readonly<Record<StoryQuote['kind'], number>> = { direct: 2, partial: 1, indirect: 0 };

/** Distinct values, in first-seen order. */
function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Quotations before reported speech, then the most independently reported, then the most
 * articles, then direct quotes before partial ones (the fullest statement of the speaker's
 * words), then the earliest in the story.
 */
function compareWordings(x: Wording, y: Wording): number {
  return (
    Number(y.completeness > 0) - Number(x.completeness > 0) ||
    y.independentReports - x.independentReports ||
    y.articles - x.articles ||
    y.completeness - x.completeness ||
    x.members[0]!.order - y.members[0]!.order
  );
}

/**
 * Whether a wording differs from the canonical one by translation: every article quoting it is
 * machine-translated or in another language than the canonical wording's, or every article
 * quoting the canonical wording is machine-translated.
 */
function translatedBetween(variant: Wording, canonical: Wording, context: VariantContext): boolean {
  const reference = context.language(canonical.members[0]!.article);
  const translated = (article: number): boolean => {
    const language = context.language(article);
    return context.machineTranslated(article) || (reference !== null && language !== null && language !== reference);
  };
  return variant.members.every((member) => translated(member.article)) || canonical.members.every((member) => context.machineTranslated(member.article));
}

/** What {@link VARIANT_KIND_RULES} look at to name a wording's kind. */
export interface KindEvidence {
  /** Whether it is the canonical wording (or has its words). */
  readonly sameWords: boolean;
  /** Whether it lies word for word inside another wording of the utterance. */
  readonly partOfAnother: boolean;
  /** Whether it or the canonical wording comes from a translated article or another language. */
  readonly translatedArticle: boolean;
  /** Whether all its members are reported speech. */
  readonly reportedSpeech: boolean;
  /** Share of the shorter of it and the canonical wording's content weight matched by the same lemmas. */
  readonly sameShare: number;
}

/** A rule naming a variant's kind, or null to leave it to the next. */
export type KindRule = (evidence: KindEvidence) => VariantKind | null;

/**
 * How a wording relates to the canonical one, the first rule that answers: the same words; a
 * contiguous part of another wording; from a translation; reported speech (which joins only by
 * echoing a quotation's words, so it is that quotation recast); mostly the same words (some
 * dropped, changed or reordered).
 */
export const VARIANT_KIND_RULES: readonly KindRule[] = [
  ({ sameWords }) => (sameWords ? 'verbatim' : null),
  ({ partOfAnother }) => (partOfAnother ? 'partial' : null),
  ({ translatedArticle }) => (translatedArticle ? 'translated' : null),
  ({ reportedSpeech }) => (reportedSpeech ? 'edited' : null),
  ({ sameShare }) => (sameShare >= MIN_EDITED_SHARE ? 'edited' : null),
];

/** The kind the first of {@link VARIANT_KIND_RULES} to answer gives; `translated` (the same meaning in other words) when none does. */
function kindOf(evidence: KindEvidence): VariantKind {
  for (const rule of VARIANT_KIND_RULES) {
    const kind = rule(evidence);
    if (kind !== null) return kind;
  }
  return 'translated';
}

/** The name shown for a group's speaker: the entity's, or the words most members use. */
function speakerNameOf(members: readonly PreparedQuote[], context: VariantContext): string {
  const speaker = members[0]!.quote.speaker;
  if (speaker !== null) return context.entityName(speaker);
  const counts = new Map<string, number>();
  for (const { quote } of members) if (quote.speakerText !== null) counts.set(quote.speakerText, (counts.get(quote.speakerText) ?? 0) + 1);
  let name = 'not stated';
  let most = 0;
  for (const [text, count] of counts) if (count > most) [name, most] = [text, count];
  return name;
}

/** Builds the listed form of one utterance, or null when it has a single wording or a single article. */
function describeUtterance(members: readonly PreparedQuote[], context: VariantContext, vocabulary: Vocabulary): QuoteVariants | null {
  if (new Set(members.map((member) => member.article)).size < 2) return null;
  const byKey = new Map<string, PreparedQuote[]>();
  for (const member of members) {
    const list = byKey.get(member.key);
    if (list === undefined) byKey.set(member.key, [member]);
    else list.push(member);
  }
  if (byKey.size < 2) return null;
  const wordings: Wording[] = [...byKey.values()].map((list) => ({
    members: list,
    completeness: list.reduce((most, member) => Math.max(most, COMPLETENESS[member.quote.kind]), 0),
    independentReports: countIndependentReports(list, context.originOf),
    articles: new Set(list.map((member) => member.article)).size,
  }));
  if (wordings.every((wording) => wording.completeness === 0)) return null;
  wordings.sort(compareWordings);
  const canonical = wordings[0]!;
  const variants = wordings.map((wording): QuoteVariant => {
    const first = wording.members[0]!;
    const alignment = wording === canonical ? null : alignQuotes(first, canonical.members[0]!, vocabulary, false);
    const shorterIsVariant = first.weight <= canonical.members[0]!.weight;
    const kind = kindOf({
      sameWords: wording === canonical,
      partOfAnother: wordings.some((other) => other !== wording && isPartOf(first, other.members[0]!)),
      translatedArticle: translatedBetween(wording, canonical, context),
      reportedSpeech: wording.completeness === 0,
      sameShare: alignment === null ? 1 : shorterIsVariant ? alignment.sameFirst : alignment.sameSecond,
    });
    const members: Citation[] = wording.members.map(({ quote }) => ({ article: quote.article, start: quote.start, end: quote.end }));
    return {
      text: first.text,
      kind,
      members,
      outlets: distinct(wording.members.map((member) => context.outletOf(member.article))),
      independentReports: wording.independentReports,
    };
  });
  return { speaker: members[0]!.quote.speaker, speakerName: speakerNameOf(members, context), variants };
}

/**
 * The story's quote variants: utterances quoted in more than one wording by more than one
 * article, each under its speaker, each wording with its quotes, outlets, independent reports and
 * kind relative to the canonical (most independently reported) wording, which comes first. The
 * utterances are ordered by the independent reports behind all their wordings, then by first
 * appearance.
 */
export function findQuoteVariants(quotes: readonly StoryQuote[], context: VariantContext): QuoteVariants[] {
  const vocabulary = new Vocabulary();
  const prepared = prepareQuotes(quotes, context, vocabulary);
  const bySpeaker = new Map<string, PreparedQuote[]>();
  for (const quote of prepared) {
    const key = speakerKey(quote.quote);
    const list = bySpeaker.get(key);
    if (list === undefined) bySpeaker.set(key, [quote]);
    else list.push(quote);
  }
  const utterances: { readonly result: QuoteVariants; readonly reports: number; readonly first: number }[] = [];
  for (const speakerQuotes of bySpeaker.values()) {
    for (const members of clusterSpeaker(speakerQuotes, vocabulary)) {
      const result = describeUtterance(members, context, vocabulary);
      if (result === null) continue;
      const reports = countIndependentReports(members, context.originOf);
      utterances.push({ result, reports, first: members[0]!.order });
    }
  }
  return utterances.sort((x, y) => y.reports - x.reports || x.first - y.first).map(({ result }) => result);
}
