/**
 * ROUGE scores of one candidate summary against its references, reproducing ROUGE-1.5.5
 * (Lin 2004) number for number: its reading and tokenisation (./text.ts), its stemmer
 * (./porter.ts) and stopwords (./smart-common-words.ts), its measures (./measures.ts), and the
 * way it combines references and rounds (here).
 */
import { compareLcs, compareUnits, lcsComparisons, ngramCounts, roundLikeRouge, skipBigramCounts, type LcsText, type PairCounts } from './measures.js';
import { limitText, limitUnits, normaliseTokens, rougeTokens, summaryLines, type LengthLimit, type TokenOptions } from './text.js';

/** Options of {@link scoreSummary}, named after ROUGE-1.5.5's command-line flags. */
export interface RougeOptions {
  /** ROUGE-N for N = 1 … maxN (`-n`); default 2. */
  readonly maxN?: number;
  /** Porter-stem tokens longer than three characters (`-m`); default off. */
  readonly stem?: boolean;
  /** Drop ROUGE's stopwords (`-s`); default off. */
  readonly removeStopwords?: boolean;
  /** Skip-bigram maximum gap (`-2`); negative for no limit; default 4. */
  readonly skipDistance?: number;
  /** Count unigrams with the skip-bigrams (`-u`, ROUGE-SU rather than ROUGE-S); default true. */
  readonly skipUnigrams?: boolean;
  /** Score only the first this many words of each text (`-l`). */
  readonly wordLimit?: number;
  /** Score only the first this many bytes (UTF-8) of each text (`-b`). */
  readonly byteLimit?: number;
  /** Compute ROUGE-L (ROUGE's `-x` turns it off); default true. */
  readonly lcs?: boolean;
  /**
   * Combining several references (`-f`): 'average' pools the matches and counts over all
   * references (ROUGE's default, A); 'best' keeps the reference with the highest recall (B).
   */
  readonly scoring?: 'average' | 'best';
  /**
   * Jackknifing (Lin 2004, section 3): with M ≥ 2 references, score against each of the M sets
   * of M − 1 references, keeping the best reference of each set, and average the M scores.
   * ROUGE-1.5.5 no longer does this (its release notes for 1.4: "no automatic Jackknifing is
   * performed"), so it is off by default; it overrides `scoring`.
   */
  readonly jackknife?: boolean;
  /** Weight of recall in the F-measure F = PR / ((1 − α)P + αR) (`-p`); default 0.5, giving F1. */
  readonly alpha?: number;
}

/** Recall, precision and F-measure of one ROUGE measure, each rounded to five decimals as ROUGE prints them. */
export interface RougeScore {
  readonly recall: number;
  readonly precision: number;
  /** The F-measure with the chosen α: F1 at the default α = 0.5. */
  readonly f1: number;
}

/**
 * The scores of every measure computed, keyed by ROUGE's names in camel case: `rouge1` …
 * `rougeN`, `rougeL`, and the skip-bigram measure as `rougeSU4` (the default), `rougeS4`
 * without unigrams, `rougeSU*` / `rougeS*` with no gap limit. Keys are in ROUGE's print order.
 */
export interface RougeScores {
  readonly rouge1: RougeScore;
  readonly [measure: string]: RougeScore | undefined;
}

/** {@link RougeOptions} with defaults filled in and checked. */
interface Settings extends TokenOptions {
  readonly maxN: number;
  readonly skipDistance: number;
  readonly skipUnigrams: boolean;
  readonly limit: LengthLimit;
  readonly lcs: boolean;
  readonly scoring: 'average' | 'best';
  readonly jackknife: boolean;
  readonly alpha: number;
}

/**
 * ROUGE-L compares every token of each reference with every token of the candidate. Beyond
 * this many comparisons (two texts of 10,000 words) {@link scoreSummary} refuses rather than
 * run for seconds and hold as many bytes: score such texts with `lcs: false`.
 */
export const MAX_LCS_COMPARISONS = 100_000_000;

/**
 * Skip-bigrams with no gap limit (a negative `skipDistance`) or a very wide one grow with the
 * square of a text's length. Beyond this many units in one text {@link scoreSummary} refuses:
 * 4,500 words with no gap limit.
 */
export const MAX_SKIP_BIGRAMS = 10_000_000;

/** How many skip-bigrams (with unigrams, if counted) a text of `length` tokens has. */
function skipBigramTotal(length: number, maxGap: number, withUnigrams: boolean): number {
  const pairs = maxGap < 0 || maxGap + 1 >= length ? (length * (length - 1)) / 2 : (maxGap + 1) * length - ((maxGap + 1) * (maxGap + 2)) / 2;
  return Math.max(0, pairs) + (withUnigrams ? Math.max(0, length - 1) : 0);
}

function checkPositiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0)) throw new TypeError(`${name} must be a positive whole number`);
}

function resolveOptions(options: RougeOptions): Settings {
  checkPositiveInteger('maxN', options.maxN);
  checkPositiveInteger('wordLimit', options.wordLimit);
  checkPositiveInteger('byteLimit', options.byteLimit);
  if (options.wordLimit !== undefined && options.byteLimit !== undefined) throw new TypeError('give wordLimit or byteLimit, not both');
  if (options.skipDistance !== undefined && !Number.isInteger(options.skipDistance)) throw new TypeError('skipDistance must be a whole number');
  const alpha = options.alpha ?? 0.5;
  if (!(alpha >= 0 && alpha <= 1)) throw new TypeError('alpha must be between 0 and 1');
  return {
    maxN: options.maxN ?? 2,
    stem: options.stem === true,
    removeStopwords: options.removeStopwords === true,
    skipDistance: options.skipDistance ?? 4,
    skipUnigrams: options.skipUnigrams ?? true,
    limit: {
      ...(options.wordLimit === undefined ? {} : { wordLimit: options.wordLimit }),
      ...(options.byteLimit === undefined ? {} : { byteLimit: options.byteLimit }),
    },
    lcs: options.lcs ?? true,
    scoring: options.scoring ?? 'average',
    jackknife: options.jackknife === true,
    alpha,
  };
}

/** The key of the skip-bigram measure under these settings. */
function skipBigramKey(settings: Settings): string {
  return `rougeS${settings.skipUnigrams ? 'U' : ''}${settings.skipDistance < 0 ? '*' : settings.skipDistance}`;
}

/** A summary read once for n-grams and skip-bigrams and once, sentence by sentence, for ROUGE-L. */
interface PreparedText {
  readonly tokens: readonly string[];
  readonly lcs: LcsText;
}

/** Reads a text as ROUGE does; `vocabulary` numbers the words for ROUGE-L. */
function prepareText(text: string, settings: Settings, vocabulary: Map<string, number>): PreparedText {
  const lines = summaryLines(text);
  const tokens = normaliseTokens(rougeTokens(limitText(lines, settings.limit)), settings);
  const idOf = (word: string): number => {
    let id = vocabulary.get(word);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(word, id);
    }
    return id;
  };
  const units = settings.lcs ? limitUnits(lines, settings.limit).map((unit) => Int32Array.from(normaliseTokens(rougeTokens(unit), settings), idOf)) : [];
  const unigrams = new Map<number, number>();
  if (settings.lcs) {
    for (const token of tokens) {
      const id = idOf(token);
      unigrams.set(id, (unigrams.get(id) ?? 0) + 1);
    }
  }
  return { tokens, lcs: { units, unigrams, unigramTotal: tokens.length } };
}

/**
 * Combines the counts of one measure over the references as ROUGE-1.5.5 does: 'average' sums
 * hits, reference units and candidate units over all references (so precision divides by the
 * candidate's units times the number of references); 'best' keeps the first reference with the
 * highest recall. Recall and precision are rounded to five decimals before the F-measure is
 * computed from them, as ROUGE does.
 */
function combine(pairs: readonly PairCounts[], scoring: 'average' | 'best', alpha: number): RougeScore {
  let hits = 0;
  let referenceTotal = 0;
  let candidateTotal = 0;
  let bestScore = -1;
  for (const pair of pairs) {
    if (scoring === 'average') {
      hits += pair.hits;
      referenceTotal += pair.referenceTotal;
      candidateTotal += pair.candidateTotal;
    } else if (pair.rankingScore > bestScore) {
      bestScore = pair.rankingScore;
      ({ hits, referenceTotal, candidateTotal } = pair);
    }
  }
  const recall = referenceTotal === 0 ? 0 : roundLikeRouge(hits / referenceTotal);
  const precision = candidateTotal === 0 ? 0 : roundLikeRouge(hits / candidateTotal);
  const denominator = (1 - alpha) * precision + alpha * recall;
  return { recall, precision, f1: denominator > 0 ? roundLikeRouge((precision * recall) / denominator) : 0 };
}

/** The counts of every measure for one candidate–reference pair, keyed as in {@link RougeScores}. */
function compareTexts(reference: PreparedText, candidate: PreparedText, settings: Settings): Map<string, PairCounts> {
  const pairs = new Map<string, PairCounts>();
  for (let n = 1; n <= settings.maxN; n++) pairs.set(`rouge${n}`, compareUnits(ngramCounts(reference.tokens, n), ngramCounts(candidate.tokens, n)));
  if (settings.lcs) pairs.set('rougeL', compareLcs(reference.lcs, candidate.lcs));
  pairs.set(
    skipBigramKey(settings),
    compareUnits(skipBigramCounts(reference.tokens, settings.skipDistance, settings.skipUnigrams), skipBigramCounts(candidate.tokens, settings.skipDistance, settings.skipUnigrams)),
  );
  return pairs;
}

/** Scores every measure from its counts against each reference. */
function scoreMeasures(perReference: readonly Map<string, PairCounts>[], scoring: 'average' | 'best', alpha: number): Map<string, RougeScore> {
  const scores = new Map<string, RougeScore>();
  for (const key of perReference[0]?.keys() ?? []) {
    scores.set(key, combine(perReference.map((pairs) => pairs.get(key) ?? { hits: 0, referenceTotal: 0, candidateTotal: 0, rankingScore: 0 }), scoring, alpha));
  }
  return scores;
}

/** The mean of several scores of one measure, rounded as ROUGE rounds. */
function meanScore(scores: readonly RougeScore[]): RougeScore {
  const mean = (pick: (score: RougeScore) => number): number => roundLikeRouge(scores.reduce((sum, score) => sum + pick(score), 0) / scores.length);
  return { recall: mean((score) => score.recall), precision: mean((score) => score.precision), f1: mean((score) => score.f1) };
}

/**
 * ROUGE-1 … ROUGE-N, ROUGE-L and ROUGE-SU4 (by default) of a candidate summary against one or
 * more references, as ROUGE-1.5.5 computes them for one evaluation. Texts are in ROUGE's
 * one-sentence-per-line form: each line is a sentence for ROUGE-L's summary-level LCS.
 * Throws a TypeError on invalid options or no reference, and a RangeError when ROUGE-L would
 * need more than {@link MAX_LCS_COMPARISONS} token comparisons or a text more than
 * {@link MAX_SKIP_BIGRAMS} skip-bigrams.
 */
export function scoreSummary(candidate: string, references: readonly string[], options: RougeOptions = {}): RougeScores {
  const settings = resolveOptions(options);
  if (references.length === 0) throw new TypeError('scoreSummary needs at least one reference');
  const vocabulary = new Map<string, number>();
  const candidateText = prepareText(candidate, settings, vocabulary);
  const referenceTexts = references.map((reference) => prepareText(reference, settings, vocabulary));
  for (const text of [candidateText, ...referenceTexts]) {
    const units = skipBigramTotal(text.tokens.length, settings.skipDistance, settings.skipUnigrams);
    if (units > MAX_SKIP_BIGRAMS) throw new RangeError(`a text has ${units} skip-bigrams, over the limit of ${MAX_SKIP_BIGRAMS}; give a smaller skip distance`);
  }
  if (settings.lcs) {
    const comparisons = referenceTexts.reduce((sum, reference) => sum + lcsComparisons(reference.lcs, candidateText.lcs), 0);
    if (comparisons > MAX_LCS_COMPARISONS) {
      throw new RangeError(`ROUGE-L would compare ${comparisons} token pairs, over the limit of ${MAX_LCS_COMPARISONS}; score these texts without ROUGE-L (lcs: false, -x)`);
    }
  }
  const perReference = referenceTexts.map((reference) => compareTexts(reference, candidateText, settings));
  let scores: Map<string, RougeScore>;
  if (settings.jackknife && perReference.length >= 2) {
    const subsets = perReference.map((_, leftOut) => scoreMeasures(perReference.filter((__, index) => index !== leftOut), 'best', settings.alpha));
    scores = new Map([...(subsets[0]?.keys() ?? [])].map((key) => [key, meanScore(subsets.map((subset) => subset.get(key) ?? { recall: 0, precision: 0, f1: 0 }))]));
  } else {
    scores = scoreMeasures(perReference, settings.scoring, settings.alpha);
  }
  const rouge1 = scores.get('rouge1') ?? { recall: 0, precision: 0, f1: 0 };
  return { rouge1, ...Object.fromEntries(scores) };
}

/** ROUGE's printed name of a measure key: 'rouge1' → 'ROUGE-1', 'rougeSU4' → 'ROUGE-SU4'. */
export function measureName(key: string): string {
  return `ROUGE-${key.slice('rouge'.length)}`;
}
