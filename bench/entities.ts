import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findEntities, loadEntityGazetteers } from '../src/analyze/entities/index.js';
import { gazetteer, Is } from '../src/analyze/entities/gazetteers.js';
import { isCapitalized, scanTokens } from '../src/analyze/entities/words.js';
import { splitSentences } from '../src/analyze/sentences.js';
import type { EntityKind, EntityMention } from '../src/core/annotations.js';
import type { Span } from '../src/core/span.js';
import {
  addToScore,
  categorizeErrors,
  CONLL_TYPES,
  documentText,
  emptyScore,
  entitiesFromTags,
  mentionsToTokens,
  parseConll,
  prf,
  type ConllDocument,
  type DocumentText,
  type EntityError,
  type Score,
  type TokenEntity,
} from './conll.js';
import { makeProgress } from '../src/cli/progress.js';

/**
 * The named-entity benchmark: CoNLL-2003 English validation (Reuters news, 216 documents), scored
 * entity by entity with the conlleval definition (type and both ends must match). Each document's
 * text is rebuilt from its tokens (joined by spaces, one gold sentence per line and paragraph),
 * split into sentences by our own splitter (the product never has gold sentences), and given to
 * `findEntities`; the gold POS and chunk columns are never read. Two baselines run in the same
 * harness: capitalised runs typed by the gazetteer alone, and compromise's people, places and
 * organisations.
 */

/** Options of the entity benchmark. */
export interface EntitiesBenchOptions {
  /** The evaluation data folder (holding `ner-conll2003/`), or that folder itself. */
  readonly dataDirectory: string;
  /** At most this many documents. */
  readonly limit: number;
}

/** A recogniser under test: text and sentence spans in, typed spans out. */
type Recognizer = (text: string, sentences: readonly Span[]) => readonly (Span & { readonly kind: EntityKind })[];

/** Published numbers (../shared/data/README.md). */
const PUBLISHED = [
  'spaCy large CPU model: F1 85.5 on OntoNotes (not CoNLL-2003), about 10k words/s',
  'fine-tuned transformers: about 92 F1 on CoNLL-2003',
];

/** Examples shown per error category. */
const EXAMPLES_SHOWN = 4;
/** Categories shown per error kind. */
const CATEGORIES_SHOWN = 8;

/** The CoNLL validation file under a data folder, or in the folder itself. */
export function resolveConllFile(dataDirectory: string): string | null {
  for (const candidate of [join(dataDirectory, 'ner-conll2003', 'valid.txt'), join(dataDirectory, 'valid.txt')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** One document ready to run: its text, our sentences, the gold entities. */
interface Prepared {
  readonly document: DocumentText;
  readonly sentences: readonly Span[];
  readonly gold: readonly TokenEntity[];
}

function prepare(document: ConllDocument): Prepared {
  const text = documentText(document);
  return { document: text, sentences: splitSentences(text.text, text.lines), gold: entitiesFromTags(text.tags) };
}

/** A system's results over all documents. */
interface Run {
  readonly name: string;
  readonly score: Score;
  readonly errors: EntityError[][];
  /** Milliseconds spent in the recogniser alone over all documents: the median of the timed passes. */
  readonly milliseconds: number;
}

/** How many untimed (JIT warm-up) and timed passes a system gets over all documents. */
interface Passes {
  readonly warmUp: number;
  readonly timed: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Runs a recogniser over every document: untimed warm-up passes (so JIT compilation is not
 * charged), then timed passes timing only the recogniser's calls; the median pass is reported,
 * which is steadier than one pass on a shared machine. The first timed pass is scored.
 */
function runSystem(name: string, recognize: Recognizer, prepared: readonly Prepared[], passes: Passes): Run {
  const warmUp = makeProgress(`${name} warm-up`, prepared.length * passes.warmUp);
  for (let pass = 0; pass < passes.warmUp; pass++) {
    for (const item of prepared) {
      recognize(item.document.text, item.sentences);
      warmUp.tick();
    }
  }
  warmUp.done();
  const score = emptyScore();
  const errors: EntityError[][] = [];
  const passMilliseconds: number[] = [];
  const progress = makeProgress(name, prepared.length * passes.timed);
  for (let pass = 0; pass < passes.timed; pass++) {
    let milliseconds = 0;
    for (const item of prepared) {
      const started = performance.now();
      const mentions = recognize(item.document.text, item.sentences);
      milliseconds += performance.now() - started;
      if (pass === 0) {
        const predicted = mentionsToTokens(mentions, item.document.tokens);
        addToScore(score, item.gold, predicted);
        errors.push(categorizeErrors(item.gold, predicted));
      }
      progress.tick();
    }
    passMilliseconds.push(milliseconds);
  }
  progress.done();
  return { name, score, errors, milliseconds: median(passMilliseconds) };
}

/**
 * Baseline: runs of capitalised words (a lone sentence-initial word skipped), typed by the
 * gazetteer alone — places, organisations and nationalities as listed, everything else a person.
 */
function capitalizedRunsBaseline(text: string, sentences: readonly Span[]): EntityMention[] {
  const lists = gazetteer();
  const starts = new Set(sentences.map((sentence) => sentence.start));
  const tokens = scanTokens(text);
  const mentions: EntityMention[] = [];
  let index = 0;
  while (index < tokens.length) {
    const first = index;
    while (index < tokens.length && isCapitalized(tokens[index] ?? tokens[first]!)) index++;
    if (index === first) {
      index++;
      continue;
    }
    const start = tokens[first]?.start ?? 0;
    if (index - first === 1 && starts.has(start)) continue;
    const key = tokens.slice(first, index).map((token) => token.key).join(' ');
    const capitals = tokens.slice(first, index).every((token) => token.shape === 'upper');
    const flags = lists.flags(key, capitals);
    const kind: EntityKind =
      flags & (Is.country | Is.region | Is.city | Is.town) ? 'place' : flags & Is.organization ? 'organization' : flags & (Is.demonym | Is.other | Is.event) ? 'other' : 'person';
    mentions.push({ start, end: tokens[index - 1]?.end ?? start, kind, role: null });
  }
  return mentions;
}

interface CompromiseMatch {
  readonly offset?: { readonly start: number; readonly length: number };
}
interface CompromiseView {
  json(options: Record<string, boolean>): CompromiseMatch[];
}
interface CompromiseDocument {
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
}

/** Baseline: compromise's people, places and organisations (it has no class for the rest). */
function compromiseBaseline(): Recognizer {
  const nlp = createRequire(import.meta.url)('compromise') as (text: string) => CompromiseDocument;
  return (text) => {
    const document = nlp(text);
    const found: (Span & { kind: EntityKind })[] = [];
    const add = (view: CompromiseView, kind: EntityKind): void => {
      for (const match of view.json({ offset: true, text: false, terms: false })) {
        if (match.offset !== undefined) found.push({ start: match.offset.start, end: match.offset.start + match.offset.length, kind });
      }
    };
    add(document.people(), 'person');
    add(document.places(), 'place');
    add(document.organizations(), 'organization');
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    // Trailing punctuation ("London.") is trimmed, and overlapping matches keep the first.
    const kept: (Span & { kind: EntityKind })[] = [];
    for (const mention of found) {
      let end = mention.end;
      while (end > mention.start && /[\s.,;:!?)"']/.test(text[end - 1] ?? '')) end--;
      const previous = kept[kept.length - 1];
      if (end > mention.start && (previous === undefined || previous.end <= mention.start)) kept.push({ ...mention, end });
    }
    return kept;
  };
}

const percent = (value: number): string => (100 * value).toFixed(1).padStart(5);

function printTable(runs: readonly Run[], tokenCount: number): void {
  const header = ['system'.padEnd(40), ...CONLL_TYPES.map((type) => `${type} P/R/F1`.padStart(18)), 'overall P/R/F1'.padStart(18), 'tokens/s'.padStart(10)];
  console.log(header.join(' '));
  for (const run of runs) {
    const cells = CONLL_TYPES.map((type) => {
      const value = prf(run.score.byType[type]);
      return `${percent(value.precision)} ${percent(value.recall)} ${percent(value.f1)}`.padStart(18);
    });
    const overall = prf(run.score.overall);
    const speed = tokenCount / (run.milliseconds / 1000);
    console.log([run.name.padEnd(40), ...cells, `${percent(overall.precision)} ${percent(overall.recall)} ${percent(overall.f1)}`.padStart(18), Math.round(speed).toLocaleString('en-US').padStart(10)].join(' '));
  }
}

/** The words of tokens `[start, end)` of a document. */
function tokenWords(document: DocumentText, entity: TokenEntity): string {
  const first = document.tokens[entity.start];
  const last = document.tokens[entity.end - 1];
  return first === undefined || last === undefined ? '' : document.text.slice(first.start, last.end);
}

/** A few words around an entity, the entity in brackets. */
function context(document: DocumentText, entity: TokenEntity): string {
  const first = document.tokens[Math.max(0, entity.start - 4)];
  const last = document.tokens[Math.min(document.tokens.length, entity.end + 4) - 1];
  const start = document.tokens[entity.start]?.start ?? 0;
  const end = document.tokens[entity.end - 1]?.end ?? start;
  if (first === undefined || last === undefined) return '';
  return `${document.text.slice(first.start, start)}[${document.text.slice(start, end)}]${document.text.slice(end, last.end)}`.replace(/\s+/g, ' ');
}

function categoryLabel(error: EntityError): string {
  const category = error.category;
  switch (category.kind) {
    case 'wrong-type':
      return `wrong type ${category.gold} → ${category.predicted}`;
    case 'boundary':
      return `boundary ${category.gold} ~ ${category.predicted}`;
    case 'missed':
      return `missed ${category.gold}`;
    case 'spurious':
      return `spurious ${category.predicted}`;
  }
}

/** Prints the errors of a run by category, most frequent first, with a few examples each. */
function printErrors(run: Run, prepared: readonly Prepared[]): void {
  const groups = new Map<string, { count: number; examples: string[] }>();
  run.errors.forEach((errors, index) => {
    const document = prepared[index]?.document;
    if (document === undefined) return;
    for (const error of errors) {
      const label = categoryLabel(error);
      const group = groups.get(label) ?? { count: 0, examples: [] };
      group.count++;
      // Spread the examples over the documents: one per document at most.
      if (group.examples.length < EXAMPLES_SHOWN && !group.examples.some((example) => example.startsWith(`#${index} `))) {
        const shown = error.gold ?? error.predicted;
        const detail = error.gold !== null && error.predicted !== null && error.category.kind === 'boundary' ? ` (predicted "${tokenWords(document, error.predicted)}")` : '';
        if (shown !== null) group.examples.push(`#${index} ${context(document, shown)}${detail}`);
      }
      groups.set(label, group);
    }
  });
  const byKind = (prefix: string): [string, { count: number; examples: string[] }][] =>
    [...groups].filter(([label]) => label.startsWith(prefix)).sort((a, b) => b[1].count - a[1].count);
  for (const [title, prefix] of [
    ['wrong type (same span), gold → predicted', 'wrong type'],
    ['boundary errors (overlapping spans that differ), gold ~ predicted', 'boundary'],
    ['missed (no prediction overlaps the gold entity), by gold type', 'missed'],
    ['spurious (no gold entity overlaps the prediction), by predicted type', 'spurious'],
  ] as const) {
    const rows = byKind(prefix);
    const total = rows.reduce((sum, [, group]) => sum + group.count, 0);
    console.log('');
    console.log(`${title}: ${total}`);
    for (const [label, group] of rows.slice(0, CATEGORIES_SHOWN)) {
      console.log(`  ${label}: ${group.count}`);
      for (const example of group.examples) console.log(`      ${example}`);
    }
  }
}

/** Runs the benchmark and prints the report; returns the process exit code. */
export function runEntitiesBench(options: EntitiesBenchOptions): number {
  const file = resolveConllFile(options.dataDirectory);
  if (file === null) {
    process.stderr.write(`bench: no ner-conll2003/valid.txt under ${options.dataDirectory}\n`);
    return 2;
  }
  const allDocuments = parseConll(readFileSync(file, 'utf8'));
  const documents = allDocuments.slice(0, options.limit);
  const prepared = documents.map(prepare);
  const tokenCount = prepared.reduce((sum, item) => sum + item.document.tokens.length, 0);
  const goldCount = prepared.reduce((sum, item) => sum + item.gold.length, 0);
  const loadMilliseconds = loadEntityGazetteers();

  const fast: Passes = { warmUp: 3, timed: 5 };
  const parallax = runSystem('Parallax findEntities', findEntities, prepared, fast);
  const runs = [
    parallax,
    runSystem('baseline: capitalised runs + gazetteer', capitalizedRunsBaseline, prepared, fast),
    runSystem('baseline: compromise alone', compromiseBaseline(), prepared, { warmUp: 1, timed: 1 }),
  ];

  const subset = documents.length < allDocuments.length ? ` (a subset of ${allDocuments.length})` : '';
  console.log(`entity benchmark: CoNLL-2003 English validation, ${documents.length} documents${subset}, ${tokenCount.toLocaleString('en-US')} tokens, ${goldCount} gold entities (${file})`);
  console.log('tags are IOB2; entity-level exact match (conlleval): P, R, F1 in percent; PER=person, ORG=organization, LOC=place, MISC=event|other');
  console.log('text rebuilt from tokens (space-joined, one gold sentence per line); sentences from our splitter over those lines; gold POS/chunk columns unused');
  console.log('');
  printTable(runs, tokenCount);
  console.log('');
  console.log('published (not run here):');
  for (const line of PUBLISHED) console.log(`  ${line}`);
  console.log('');
  console.log(`speed: time inside the recogniser only, one core, median of ${fast.timed} passes after ${fast.warmUp} warm-up passes (compromise: 1 after 1)`);
  console.log(`  gazetteers loaded once beforehand in ${loadMilliseconds.toFixed(0)} ms (not counted)`);
  console.log(`  Parallax: ${(parallax.milliseconds / documents.length).toFixed(2)} ms per document, ${((1000 * parallax.milliseconds) / tokenCount).toFixed(2)} µs per token`);
  console.log('targets: F1 ≥ 85 overall, ≥ 100,000 tokens/s');
  console.log('');
  console.log(`errors of Parallax by category (examples as "#document ... [entity] ..."):`);
  printErrors(parallax, prepared);
  return 0;
}
