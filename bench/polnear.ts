import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityMention, Quote } from '../src/core/annotations.js';
import type { Span } from '../src/core/span.js';
import { tokenize } from '../src/analyze/tokens.js';

/**
 * PolNeAR (Newell, Margolin & Ruths, LREC 2018) read from its BRAT standoff files, and the
 * scorer of the quotes benchmark: which gold attributions are quotations, how predictions are
 * matched to them, and the per-token credit used for content overlap.
 */

/** One gold attribution: content, cue and source spans (each possibly discontinuous). */
export interface GoldAttribution {
  readonly id: string;
  readonly content: readonly Span[];
  readonly cue: readonly Span[];
  /** Null for PolNeAR's `Attribution-no-source`. */
  readonly source: readonly Span[] | null;
}

/** One PolNeAR article: its text, paragraphs (its non-blank lines) and gold attributions. */
export interface PolnearArticle {
  /** File name without extension, e.g. `nyt_2016-05-02_…`. */
  readonly name: string;
  readonly split: string;
  readonly text: string;
  readonly paragraphs: readonly Span[];
  readonly attributions: readonly GoldAttribution[];
}

/**
 * The `quote-attribution-polnear` folder under a data folder; the folder itself when it already
 * is one (it holds `train/attributions`).
 */
export function resolvePolnearDirectory(dataDirectory: string): string | null {
  const nested = join(dataDirectory, 'quote-attribution-polnear');
  if (existsSync(join(nested, 'train', 'attributions'))) return nested;
  if (existsSync(join(dataDirectory, 'train', 'attributions'))) return dataDirectory;
  return null;
}

/** Parses "10 20;30 40" into spans. */
function parseOffsets(offsets: string): Span[] {
  return offsets.split(';').flatMap((range) => {
    const [start, end] = range.trim().split(/\s+/u).map(Number);
    return start !== undefined && end !== undefined && Number.isFinite(start) && Number.isFinite(end) && end > start ? [{ start, end }] : [];
  });
}

/**
 * The attributions of one `.ann` file: text-bound annotations (`T3\tContent 120 211\t…`, whose
 * text may run over several lines) tied by events (`E1\tAttribution:T4 Content:T3 Cue:T2
 * Source:T1`, with `Content2` for a second content). Lines of other kinds are ignored.
 */
export function parseBrat(ann: string): GoldAttribution[] {
  const bound = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const textBound = /^(T\d+)\t\S+ ([\d ;]+)\t/u.exec(line);
    if (textBound?.[1] !== undefined && textBound[2] !== undefined) bound.set(textBound[1], parseOffsets(textBound[2]));
    else if (/^E\d+\t/u.test(line)) events.push(line);
  }
  const attributions: GoldAttribution[] = [];
  for (const line of events) {
    const [id = '', argumentsText = ''] = line.split('\t');
    const roles = new Map<string, Span[]>();
    for (const argument of argumentsText.trim().split(/\s+/u)) {
      const [role, reference] = argument.split(':');
      if (role === undefined || reference === undefined) continue;
      const name = role.replace(/\d+$/u, '');
      roles.set(name, [...(roles.get(name) ?? []), ...(bound.get(reference) ?? [])]);
    }
    const content = roles.get('Content') ?? [];
    if (content.length === 0) continue;
    attributions.push({ id, content, cue: roles.get('Cue') ?? [], source: roles.get('Source') ?? null });
  }
  return attributions;
}

/** The paragraphs of a PolNeAR text: its non-blank lines. */
export function lineParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') paragraphs.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return paragraphs;
}

/**
 * The articles of the given splits, at most `limit`, in file-name order. Annotation files are
 * named after their text file plus an annotator suffix (`…_4e07.ann`); where several annotators
 * annotated one article, the first file in name order is read.
 */
export function loadPolnearArticles(directory: string, splits: readonly string[], limit = Number.POSITIVE_INFINITY): PolnearArticle[] {
  const articles: PolnearArticle[] = [];
  for (const split of splits) {
    const annotationFolder = join(directory, split, 'attributions');
    const textFolder = join(directory, split, 'text');
    if (!existsSync(annotationFolder) || !existsSync(textFolder)) continue;
    const annotationsByArticle = new Map<string, string>();
    for (const file of readdirSync(annotationFolder).sort()) {
      const name = /^(.*)_[0-9a-f]+\.ann$/u.exec(file)?.[1];
      if (name !== undefined && !annotationsByArticle.has(name)) annotationsByArticle.set(name, file);
    }
    for (const file of readdirSync(textFolder).sort()) {
      if (articles.length >= limit) return articles;
      const name = file.replace(/\.txt$/u, '');
      const annotation = annotationsByArticle.get(name);
      if (annotation === undefined) continue;
      const text = readFileSync(join(textFolder, file), 'utf8');
      const attributions = parseBrat(readFileSync(join(annotationFolder, annotation), 'utf8')).filter((gold) =>
        [...gold.content, ...gold.cue, ...(gold.source ?? [])].every((span) => span.end <= text.length),
      );
      articles.push({ name, split, text, paragraphs: lineParagraphs(text), attributions });
    }
  }
  return articles;
}

/**
 * Verbs of saying, a fixed and general list (not tuned to the corpus): a gold attribution whose
 * cue holds one of their forms, or "according to", is speech.
 */
const SPEECH_VERBS = [
  'say', 'tell', 'add', 'state', 'claim', 'announce', 'explain', 'note', 'write', 'tweet', 'declare',
  'insist', 'argue', 'warn', 'reply', 'respond', 'comment', 'ask', 'answer', 'acknowledge', 'admit',
  'concede', 'confirm', 'deny', 'assert', 'stress', 'emphasize', 'complain', 'allege', 'testify',
  'recall', 'reveal', 'contend', 'counter', 'predict', 'promise', 'vow', 'pledge', 'report',
  'suggest', 'point out', 'boast', 'joke', 'quip', 'shout', 'yell', 'exclaim', 'whisper', 'remark',
  'observe', 'continue', 'conclude', 'caution', 'charge', 'retort', 'proclaim', 'speak', 'talk',
  'mention', 'repeat',
];

/** Irregular forms of the verbs above. */
const IRREGULAR_FORMS: Readonly<Record<string, readonly string[]>> = {
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  speak: ['spoke', 'spoken'],
};

/** Verbs that double their final consonant: "admitted", "quipping". */
const DOUBLED_FINAL = new Set(['admit', 'quip']);

/** A verb's regular forms: "-s", "-ed", "-ing", with the usual spelling changes. */
function verbForms(verb: string): string[] {
  const forms = [verb, ...(IRREGULAR_FORMS[verb] ?? [])];
  if (/[^aeiou]y$/u.test(verb)) forms.push(`${verb.slice(0, -1)}ies`, `${verb.slice(0, -1)}ied`, `${verb}ing`);
  else if (verb.endsWith('e')) forms.push(`${verb}s`, `${verb}d`, `${verb.slice(0, -1)}ing`);
  else if (/(s|sh|ch|x)$/u.test(verb)) forms.push(`${verb}es`, `${verb}ed`, `${verb}ing`);
  else if (DOUBLED_FINAL.has(verb)) forms.push(`${verb}s`, `${verb}${verb.slice(-1)}ed`, `${verb}${verb.slice(-1)}ing`);
  else forms.push(`${verb}s`, `${verb}ed`, `${verb}ing`);
  return forms;
}

/** Every form of the speech verbs (phrasal verbs keep their particle: "pointed out"). */
const SPEECH_FORMS: ReadonlySet<string> = new Set(
  SPEECH_VERBS.flatMap((verb) => {
    const [head = verb, ...particle] = verb.split(' ');
    return verbForms(head).map((form) => [form, ...particle].join(' '));
  }),
);

/** Double quotation marks, including two apostrophes ('') as some plain-text feeds write them. */
const QUOTATION_MARKS = /["“”„«»]|''/u;

/**
 * The subset scored: a gold attribution is a quotation when its content holds a double
 * quotation mark, or its cue holds a form of a verb of saying (or "according to"). Beliefs,
 * perceptions and other non-speech attributions ("hopes", "ratcheting up his critique of") are
 * outside it.
 */
export function isQuotation(text: string, gold: GoldAttribution): boolean {
  if (gold.content.some((span) => QUOTATION_MARKS.test(text.slice(span.start, span.end)))) return true;
  const cue = gold.cue.map((span) => text.slice(span.start, span.end).toLowerCase().replace(/’/gu, "'")).join(' ');
  if (/\baccording to\b/u.test(cue)) return true;
  const words = cue.split(/[^\p{L}']+/u).filter((word) => word !== '');
  return words.some((word, index) => SPEECH_FORMS.has(word) || SPEECH_FORMS.has(`${word} ${words[index + 1] ?? ''}`));
}

/** The form of a gold quotation, to report recall by kind as predictions are reported by kind. */
export function goldKind(text: string, gold: GoldAttribution): Quote['kind'] {
  const content = gold.content.map((span) => text.slice(span.start, span.end)).join(' ').trim();
  if (!QUOTATION_MARKS.test(content)) return 'indirect';
  return /^(["“„«]|'')/u.test(content) ? 'direct' : 'partial';
}

/** A prediction as the scorer needs it (our quotes, or the baseline's). */
export type Prediction = Pick<Quote, 'kind' | 'content' | 'cue' | 'speaker' | 'speakerMention'>;

/** The word tokens (indexes into the article's tokens) inside the spans: punctuation and marks do not count. */
export function tokenIndexes(tokenStarts: readonly number[], tokenEnds: readonly number[], spans: readonly Span[]): Set<number> {
  const indexes = new Set<number>();
  for (const span of spans) {
    let low = 0;
    let high = tokenStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((tokenEnds[middle] ?? 0) <= span.start) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < tokenStarts.length && (tokenStarts[index] ?? 0) < span.end; index++) indexes.add(index);
  }
  return indexes;
}

function overlapCount(left: ReadonlySet<number>, right: ReadonlySet<number>): number {
  let count = 0;
  for (const index of left) if (right.has(index)) count++;
  return count;
}

function spansOverlap(left: readonly Span[], right: readonly Span[]): boolean {
  return left.some((a) => right.some((b) => a.start < b.end && b.start < a.end));
}

/** A prediction matched to a subset gold quotation, with what was judged about it. */
export interface MatchedPair {
  readonly prediction: Prediction;
  readonly gold: GoldAttribution;
  readonly overlap: number;
  readonly predictedTokens: number;
  readonly goldTokens: number;
  /** Same word tokens: the content is right up to punctuation and quotation marks. */
  readonly exact: boolean;
  /** Null when the gold quotation has no source. */
  readonly speakerCorrect: boolean | null;
  /** Null when the gold quotation has no cue. */
  readonly cueCorrect: boolean | null;
}

/** How one article's predictions compare with its gold quotations. */
export interface ArticleScore {
  readonly matched: readonly MatchedPair[];
  readonly missed: readonly GoldAttribution[];
  /** Predictions overlapping no gold attribution at all. */
  readonly spurious: readonly Prediction[];
  /** Predictions overlapping a subset gold quotation already matched to another prediction. */
  readonly duplicates: readonly Prediction[];
  /** Predictions overlapping only gold attributions outside the subset: counted neither right nor wrong. */
  readonly outsideSubset: readonly Prediction[];
  /** How many gold attributions are in the subset. */
  readonly goldCount: number;
}

/**
 * The name key of a mention (its last word, lower-cased), so "Tomas Halvik" and "Halvik" are the
 * same entity for the speaker check.
 */
function nameKey(text: string, span: Span): string {
  const words = text.slice(span.start, span.end).toLowerCase().replace(/’/gu, "'").replace(/'s$/u, '').split(/\s+/u);
  return words[words.length - 1] ?? '';
}

/**
 * Whether the predicted speaker is the gold source: its words overlap the source, or the mention
 * it resolves to overlaps the source or shares its name with a mention inside the source.
 */
function judgeSpeaker(text: string, prediction: Prediction, source: readonly Span[], entities: readonly EntityMention[]): boolean {
  if (prediction.speaker !== null && spansOverlap([prediction.speaker], source)) return true;
  const mention = prediction.speakerMention;
  if (mention === null) return false;
  if (spansOverlap([mention], source)) return true;
  const key = nameKey(text, mention);
  return entities.some((entity) => spansOverlap([entity], source) && nameKey(text, entity) === key);
}

/**
 * Scores one article. Predictions are matched one-to-one to subset gold quotations, greedily by
 * the number of shared content tokens; an unmatched prediction is a duplicate when it overlaps a
 * matched subset quotation, is outside the subset (not counted) when it overlaps only
 * attributions outside the subset, and is spurious otherwise.
 */
export function scoreArticle(text: string, gold: readonly GoldAttribution[], predictions: readonly Prediction[], entities: readonly EntityMention[]): ArticleScore {
  const tokens = tokenize(text);
  const starts = tokens.map((token) => token.start);
  const ends = tokens.map((token) => token.end);
  const subset = gold.filter((attribution) => isQuotation(text, attribution));
  const others = gold.filter((attribution) => !isQuotation(text, attribution));
  const goldTokens = subset.map((attribution) => tokenIndexes(starts, ends, attribution.content));
  const otherTokens = others.map((attribution) => tokenIndexes(starts, ends, attribution.content));
  const predictedTokens = predictions.map((prediction) => tokenIndexes(starts, ends, prediction.content));
  const candidates: { prediction: number; gold: number; overlap: number }[] = [];
  predictedTokens.forEach((predicted, predictionIndex) => {
    goldTokens.forEach((goldSet, goldIndex) => {
      const overlap = overlapCount(predicted, goldSet);
      if (overlap > 0) candidates.push({ prediction: predictionIndex, gold: goldIndex, overlap });
    });
  });
  candidates.sort((left, right) => right.overlap - left.overlap);
  const predictionTaken = new Set<number>();
  const goldTaken = new Set<number>();
  const matched: MatchedPair[] = [];
  for (const candidate of candidates) {
    if (predictionTaken.has(candidate.prediction) || goldTaken.has(candidate.gold)) continue;
    predictionTaken.add(candidate.prediction);
    goldTaken.add(candidate.gold);
    const prediction = predictions[candidate.prediction];
    const attribution = subset[candidate.gold];
    const predicted = predictedTokens[candidate.prediction];
    const goldSet = goldTokens[candidate.gold];
    if (prediction === undefined || attribution === undefined || predicted === undefined || goldSet === undefined) continue;
    matched.push({
      prediction,
      gold: attribution,
      overlap: candidate.overlap,
      predictedTokens: predicted.size,
      goldTokens: goldSet.size,
      exact: candidate.overlap === predicted.size && candidate.overlap === goldSet.size,
      speakerCorrect: attribution.source === null || attribution.source.length === 0 ? null : judgeSpeaker(text, prediction, attribution.source, entities),
      cueCorrect: attribution.cue.length === 0 ? null : prediction.cue !== null && spansOverlap([prediction.cue], attribution.cue),
    });
  }
  const spurious: Prediction[] = [];
  const duplicates: Prediction[] = [];
  const outsideSubset: Prediction[] = [];
  predictions.forEach((prediction, index) => {
    if (predictionTaken.has(index)) return;
    const predicted = predictedTokens[index] ?? new Set<number>();
    if (goldTokens.some((goldSet) => overlapCount(predicted, goldSet) > 0)) duplicates.push(prediction);
    else if (otherTokens.some((otherSet) => overlapCount(predicted, otherSet) > 0)) outsideSubset.push(prediction);
    else spurious.push(prediction);
  });
  const missed = subset.filter((_, index) => !goldTaken.has(index));
  return { matched, missed, spurious, duplicates, outsideSubset, goldCount: subset.length };
}

/** Precision, recall and F1 of the content, exact and by token overlap, over many articles. */
export interface ContentScores {
  readonly exact: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly overlap: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly predicted: number;
  readonly gold: number;
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Content scores. Exact: a match with the same word tokens. Token overlap (the per-token credit
 * of PARC 3.0 and Citron): each matched prediction earns shared/predicted tokens of precision
 * credit and shared/gold tokens of recall credit; P and R are the credits over the number of
 * counted predictions (matched + duplicates + spurious) and of subset gold quotations.
 */
export function contentScores(scores: readonly Pick<ArticleScore, 'matched' | 'spurious' | 'duplicates' | 'goldCount'>[]): ContentScores {
  let predicted = 0;
  let gold = 0;
  let exact = 0;
  let precisionCredit = 0;
  let recallCredit = 0;
  for (const score of scores) {
    predicted += score.matched.length + score.spurious.length + score.duplicates.length;
    gold += score.goldCount;
    for (const pair of score.matched) {
      if (pair.exact) exact++;
      precisionCredit += pair.predictedTokens === 0 ? 0 : pair.overlap / pair.predictedTokens;
      recallCredit += pair.goldTokens === 0 ? 0 : pair.overlap / pair.goldTokens;
    }
  }
  const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
  const exactPrecision = ratio(exact, predicted);
  const exactRecall = ratio(exact, gold);
  const overlapPrecision = ratio(precisionCredit, predicted);
  const overlapRecall = ratio(recallCredit, gold);
  return {
    exact: { precision: exactPrecision, recall: exactRecall, f1: f1(exactPrecision, exactRecall) },
    overlap: { precision: overlapPrecision, recall: overlapRecall, f1: f1(overlapPrecision, overlapRecall) },
    predicted,
    gold,
  };
}
