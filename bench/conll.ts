import type { EntityKind } from '../src/core/annotations.js';
import { firstEndingAfter, type Span } from '../src/core/span.js';

/**
 * CoNLL-2003 reading and scoring for the entity benchmark: documents of tokenised sentences with
 * IOB tags, their text rebuilt with a token → offset map, and entity-level exact-match scoring as
 * the conlleval script defines it (a predicted entity counts only when its type and its first
 * and last tokens all equal a gold entity's).
 */

/** The four CoNLL-2003 entity types. */
export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export const CONLL_TYPES: readonly ConllType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** One token of a CoNLL file: the word and its NER tag ("O", "B-PER", "I-LOC"…). */
export interface ConllToken {
  readonly word: string;
  readonly tag: string;
}

/** One document (between `-DOCSTART-` lines): its sentences, each a list of tokens. */
export interface ConllDocument {
  readonly sentences: readonly (readonly ConllToken[])[];
}

/** An entity as a run of tokens `[start, end)` of a document (token indexes run across sentences). */
export interface TokenEntity {
  readonly start: number;
  readonly end: number;
  readonly type: ConllType;
}

/**
 * Parses a CoNLL-2003 file: one `token POS chunk NER` line per token, blank lines between
 * sentences, `-DOCSTART-` lines between documents. Only the first and last columns are read.
 */
export function parseConll(content: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let sentences: ConllToken[][] = [];
  let sentence: ConllToken[] = [];
  const closeSentence = (): void => {
    if (sentence.length > 0) sentences.push(sentence);
    sentence = [];
  };
  const closeDocument = (): void => {
    closeSentence();
    if (sentences.length > 0) documents.push({ sentences });
    sentences = [];
  };
  for (const line of content.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    const word = fields[0] ?? '';
    if (word === '') closeSentence();
    else if (word === '-DOCSTART-') closeDocument();
    else sentence.push({ word, tag: fields[fields.length - 1] ?? 'O' });
  }
  closeDocument();
  return documents;
}

/**
 * The gold entities of a tag sequence. Reads IOB2 (every entity opens with `B-`) and IOB1 (`B-`
 * only between two adjacent entities of one type) alike: an `I-` tag continues the open entity
 * when the type matches and opens a new one otherwise, as conlleval does.
 */
export function entitiesFromTags(tags: readonly string[]): TokenEntity[] {
  const entities: TokenEntity[] = [];
  let open: { start: number; type: ConllType } | null = null;
  const close = (end: number): void => {
    if (open !== null) entities.push({ start: open.start, end, type: open.type });
    open = null;
  };
  tags.forEach((tag, index) => {
    const [prefix, type] = tag.split('-') as [string, string | undefined];
    if (type === undefined || !isConllType(type)) {
      close(index);
      return;
    }
    const current = open as { start: number; type: ConllType } | null;
    if (prefix === 'B' || current === null || current.type !== type) {
      close(index);
      open = { start: index, type };
    }
  });
  close(tags.length);
  return entities;
}

function isConllType(value: string): value is ConllType {
  return value === 'PER' || value === 'ORG' || value === 'LOC' || value === 'MISC';
}

/** A document's text as the recogniser sees it, with where each token and line lies. */
export interface DocumentText {
  readonly text: string;
  /** One span per token, in document order (token indexes run across sentences). */
  readonly tokens: readonly Span[];
  /** One span per sentence line: each gold sentence is its own line (and paragraph). */
  readonly lines: readonly Span[];
  /** The NER tag of each token. */
  readonly tags: readonly string[];
}

/** Rebuilds a document's text: tokens joined by single spaces, one sentence per line. */
export function documentText(document: ConllDocument): DocumentText {
  const parts: string[] = [];
  const tokens: Span[] = [];
  const lines: Span[] = [];
  const tags: string[] = [];
  let offset = 0;
  document.sentences.forEach((sentence, sentenceIndex) => {
    if (sentenceIndex > 0) {
      parts.push('\n');
      offset += 1;
    }
    const lineStart = offset;
    sentence.forEach((token, tokenIndex) => {
      if (tokenIndex > 0) {
        parts.push(' ');
        offset += 1;
      }
      parts.push(token.word);
      tokens.push({ start: offset, end: offset + token.word.length });
      tags.push(token.tag);
      offset += token.word.length;
    });
    lines.push({ start: lineStart, end: offset });
  });
  return { text: parts.join(''), tokens, lines, tags };
}

/** The CoNLL type an entity kind is scored as: events and other names are MISC. */
export function conllType(kind: EntityKind): ConllType {
  switch (kind) {
    case 'person':
      return 'PER';
    case 'organization':
      return 'ORG';
    case 'place':
      return 'LOC';
    case 'event':
    case 'other':
      return 'MISC';
  }
}

/**
 * Character-span mentions as token entities: a mention covers every token it overlaps.
 * Mentions that overlap no token are dropped. `tokens` must be sorted and disjoint.
 */
export function mentionsToTokens(mentions: readonly (Span & { readonly kind: EntityKind })[], tokens: readonly Span[]): TokenEntity[] {
  const entities: TokenEntity[] = [];
  for (const mention of mentions) {
    const first = firstEndingAfter(tokens, mention.start);
    let last = first - 1;
    while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < mention.end) last++;
    if (last >= first) entities.push({ start: first, end: last + 1, type: conllType(mention.kind) });
  }
  return entities;
}

/** True positives, predictions and gold entities of one type (or all). */
export interface Counts {
  correct: number;
  predicted: number;
  gold: number;
}

/** Precision, recall and F1 of counts (0 when undefined). */
export function prf(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.predicted === 0 ? 0 : counts.correct / counts.predicted;
  const recall = counts.gold === 0 ? 0 : counts.correct / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Counts per type and overall, accumulated over documents. */
export interface Score {
  readonly byType: Record<ConllType, Counts>;
  readonly overall: Counts;
}

export function emptyScore(): Score {
  const zero = (): Counts => ({ correct: 0, predicted: 0, gold: 0 });
  return { byType: { PER: zero(), ORG: zero(), LOC: zero(), MISC: zero() }, overall: zero() };
}

const entityKey = (entity: TokenEntity): string => `${entity.start}:${entity.end}:${entity.type}`;

/** Adds one document's exact-match counts to `score` (conlleval: span and type must both match). */
export function addToScore(score: Score, gold: readonly TokenEntity[], predicted: readonly TokenEntity[]): void {
  const goldKeys = new Set(gold.map(entityKey));
  for (const entity of gold) {
    score.byType[entity.type].gold++;
    score.overall.gold++;
  }
  for (const entity of predicted) {
    score.byType[entity.type].predicted++;
    score.overall.predicted++;
    if (goldKeys.has(entityKey(entity))) {
      score.byType[entity.type].correct++;
      score.overall.correct++;
    }
  }
}

/** What went wrong with one entity, for the error report. */
export type ErrorCategory =
  | { readonly kind: 'wrong-type'; readonly gold: ConllType; readonly predicted: ConllType }
  | { readonly kind: 'missed'; readonly gold: ConllType }
  | { readonly kind: 'spurious'; readonly predicted: ConllType }
  | { readonly kind: 'boundary'; readonly gold: ConllType; readonly predicted: ConllType };

/** One error with the gold and predicted token ranges involved (either may be null). */
export interface EntityError {
  readonly category: ErrorCategory;
  readonly gold: TokenEntity | null;
  readonly predicted: TokenEntity | null;
}

/**
 * Sorts the disagreements of one document into categories: same span with another type
 * (`wrong-type`); overlapping spans that differ (`boundary`, one per gold entity, against the
 * first overlapping prediction); gold entities no prediction overlaps (`missed`); predictions no
 * gold entity overlaps (`spurious`). Exact matches are not errors.
 */
export function categorizeErrors(gold: readonly TokenEntity[], predicted: readonly TokenEntity[]): EntityError[] {
  const errors: EntityError[] = [];
  const overlaps = (a: TokenEntity, b: TokenEntity): boolean => a.start < b.end && b.start < a.end;
  const predictedKeys = new Set(predicted.map(entityKey));
  for (const entity of gold) {
    if (predictedKeys.has(entityKey(entity))) continue;
    const sameSpan = predicted.find((candidate) => candidate.start === entity.start && candidate.end === entity.end);
    if (sameSpan !== undefined) {
      errors.push({ category: { kind: 'wrong-type', gold: entity.type, predicted: sameSpan.type }, gold: entity, predicted: sameSpan });
      continue;
    }
    const overlapping = predicted.find((candidate) => overlaps(candidate, entity));
    if (overlapping !== undefined) errors.push({ category: { kind: 'boundary', gold: entity.type, predicted: overlapping.type }, gold: entity, predicted: overlapping });
    else errors.push({ category: { kind: 'missed', gold: entity.type }, gold: entity, predicted: null });
  }
  for (const entity of predicted) {
    if (!gold.some((candidate) => overlaps(candidate, entity))) errors.push({ category: { kind: 'spurious', predicted: entity.type }, gold: null, predicted: entity });
  }
  return errors;
}
