import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Extracted, Fetched, Result } from '../src/core/records.js';
import { extractHtml } from '../src/extract/html/index.js';
import { fetchedFromBytes } from '../src/ingest/files.js';
import { makeProgress } from '../src/cli/progress.js';
import { aggregate, bootstrapF1, percentile, scorePage, tokenize, type Aggregate, type BootstrapInterval, type PageScore } from './shingle-score.js';

/**
 * The article-extraction benchmark (scrapinghub/article-extraction-benchmark, 181 pages): Parallax
 * and plain Readability.js run here on the same pages, and the published outputs of other
 * extractors, all scored by one scorer (bench/shingle-score.ts) that reproduces the published F1.
 */

/** Options of the extraction benchmark. */
export interface ExtractionBenchOptions {
  /** The evaluation data folder (holding `article-extraction/`), or that folder itself. */
  readonly dataDirectory: string;
  readonly limit: number;
  /** Where to write per-page scores as JSON. */
  readonly json?: string;
  /** Show Parallax's text against the reference for this page (id or unique id prefix) only. */
  readonly page?: string;
}

/** One benchmark page: its HTML bytes and the human reference body. */
export interface ExtractionPage {
  readonly id: string;
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly reference: string;
}

/** The extractor under test, as `extractHtml` is called. */
export type HtmlExtractor = (fetched: Fetched) => Result<Extracted>;

/** Published F1 on these 181 pages, by reference-output file name (../shared/data/README.md). */
const PUBLISHED_F1: Readonly<Record<string, number>> = {
  rs_trafilatura: 0.97,
  AutoExtract: 0.97,
  go_trafilatura: 0.96,
  trafilatura: 0.958,
  Diffbot: 0.951,
  newspaper: 0.949,
  readability_js: 0.947,
};

const PARALLAX = 'Parallax';
const READABILITY = 'Readability.js (here)';

/**
 * The `article-extraction` folder under a data folder; the folder itself when it already is one,
 * so `--data` and `PARALLAX_DATA` may name either.
 */
export function resolveExtractionDirectory(dataDirectory: string): string | null {
  const nested = join(dataDirectory, 'article-extraction');
  if (existsSync(join(nested, 'ground-truth.json'))) return nested;
  if (existsSync(join(dataDirectory, 'ground-truth.json'))) return dataDirectory;
  return null;
}

interface GroundTruthEntry {
  readonly articleBody?: string;
  readonly url?: string;
}

/** The pages in ground-truth order (the order the original iterates), at most `limit`. */
export function loadExtractionPages(directory: string, limit = Number.POSITIVE_INFINITY): ExtractionPage[] {
  const truth = JSON.parse(readFileSync(join(directory, 'ground-truth.json'), 'utf8')) as Record<string, GroundTruthEntry>;
  return Object.entries(truth)
    .slice(0, limit)
    .map(([id, entry]) => ({
      id,
      url: entry.url ?? '',
      bytes: gunzipSync(readFileSync(join(directory, 'html', `${id}.html.gz`))),
      reference: entry.articleBody ?? '',
    }));
}

/**
 * The published outputs, system → page id → text. Older files map ids to `{articleBody}`; newer
 * ones wrap that map as `{output, version}`.
 */
export function loadReferenceOutputs(directory: string): Map<string, Map<string, string>> {
  const folder = join(directory, 'reference-outputs');
  const systems = new Map<string, Map<string, string>>();
  if (!existsSync(folder)) return systems;
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.json.gz') && !file.endsWith('.json')) continue;
    const raw = readFileSync(join(folder, file));
    let parsed = JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as Record<string, unknown>;
    const wrapped = parsed['output'];
    if (typeof wrapped === 'object' && wrapped !== null && !('articleBody' in wrapped)) parsed = wrapped as Record<string, unknown>;
    const texts = new Map<string, string>();
    for (const [id, entry] of Object.entries(parsed)) {
      const body = (entry as GroundTruthEntry | null)?.articleBody;
      texts.set(id, typeof body === 'string' ? body : '');
    }
    systems.set(file.replace(/\.json(\.gz)?$/, ''), texts);
  }
  return systems;
}

/** The page as ingest would read it (as `fetchedFromBytes` builds it), with the page's address. */
export function fetchedForPage(page: ExtractionPage): Fetched {
  const result = fetchedFromBytes(`${page.id}.html`, page.bytes);
  if (!('contentHash' in result)) throw new Error(`${page.id}: ${result.message}`);
  return page.url === '' ? result : { ...result, url: page.url };
}

/** What one extractor produced on one page. */
interface Run {
  readonly text: string;
  /** Why there is no text, when the extractor failed or threw. */
  readonly failure: string | null;
}

/** Parallax's body text; a failed result or a throw scores as an empty prediction. */
export function runParallax(fetched: Fetched, extract: HtmlExtractor = extractHtml): Run {
  try {
    const result = extract(fetched);
    return result.ok ? { text: result.value.text, failure: null } : { text: '', failure: result.reason };
  } catch (error) {
    return { text: '', failure: `threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Plain Readability.js over linkedom, as its README suggests for Node: the article's `textContent`. */
function runReadability(html: string): Run {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document).parse();
    const text = article?.textContent ?? '';
    return { text, failure: article === null ? 'no article' : null };
  } catch (error) {
    return { text: '', failure: `threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Runs `work` and returns its result with the elapsed milliseconds. */
function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const value = work();
  return [value, performance.now() - started];
}

/** The measured outputs of both in-process systems on every page. */
interface Measured {
  readonly parallax: Run[];
  readonly readability: Run[];
  readonly parallaxMs: number[];
  readonly readabilityMs: number[];
}

/**
 * Runs Parallax and Readability.js on every page: one untimed warm-up pass (so JIT compilation
 * is not charged to the first pages), then a timed pass that alternates which system goes first
 * on each page, so neither one always pays for the other's garbage.
 */
function measure(fetched: readonly Fetched[], extract: HtmlExtractor): Measured {
  const warmUp = makeProgress('extraction warm-up', fetched.length);
  for (const page of fetched) {
    runParallax(page, extract);
    runReadability(page.text);
    warmUp.tick();
  }
  warmUp.done();
  const measured: Measured = { parallax: [], readability: [], parallaxMs: [], readabilityMs: [] };
  const progress = makeProgress('extraction', fetched.length);
  fetched.forEach((page, index) => {
    const first = index % 2 === 0 ? 'parallax' : 'readability';
    for (const system of first === 'parallax' ? (['parallax', 'readability'] as const) : (['readability', 'parallax'] as const)) {
      if (system === 'parallax') {
        const [run, ms] = timed(() => runParallax(page, extract));
        measured.parallax[index] = run;
        measured.parallaxMs[index] = ms;
      } else {
        const [run, ms] = timed(() => runReadability(page.text));
        measured.readability[index] = run;
        measured.readabilityMs[index] = ms;
      }
    }
    progress.tick();
  });
  progress.done();
  return measured;
}

/** One row of the results table. */
interface SystemResult {
  readonly name: string;
  readonly measuredHere: boolean;
  readonly pages: PageScore[];
  readonly total: Aggregate;
  readonly spread: BootstrapInterval;
  readonly published: number | undefined;
}

function systemResult(name: string, measuredHere: boolean, pages: PageScore[], published: number | undefined): SystemResult {
  return { name, measuredHere, pages, total: aggregate(pages), spread: bootstrapF1(pages), published };
}

function host(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const fixed = (value: number | null): string => (value === null ? '  -  ' : value.toFixed(3));

function quantiles(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, mean ${mean.toFixed(1)} ms`;
}

/**
 * Runs the benchmark and prints the table, the timings and the pages where Parallax falls
 * furthest behind the best published system; with `page`, prints that page's comparison only.
 */
export function runExtractionBench(options: ExtractionBenchOptions, extract: HtmlExtractor = extractHtml): number {
  const directory = resolveExtractionDirectory(options.dataDirectory);
  if (directory === null) {
    process.stderr.write(`bench: no article-extraction data under ${options.dataDirectory}\n`);
    return 2;
  }
  const references = loadReferenceOutputs(directory);
  if (options.page !== undefined) {
    const matches = loadExtractionPages(directory).filter((page) => page.id.startsWith(options.page ?? ''));
    const [page] = matches;
    if (page === undefined || matches.length > 1) {
      process.stderr.write(`bench: --page ${options.page} names ${matches.length === 0 ? 'no page' : `${matches.length} pages`}\n`);
      return 2;
    }
    showPage(page, references, extract);
    return 0;
  }

  const pages = loadExtractionPages(directory, options.limit);
  const fetched = pages.map(fetchedForPage);
  const measured = measure(fetched, extract);

  const score = (texts: readonly string[]): PageScore[] => texts.map((text, index) => scorePage(text, pages[index]?.reference ?? ''));
  const results: SystemResult[] = [
    systemResult(PARALLAX, true, score(measured.parallax.map((run) => run.text)), undefined),
    systemResult(READABILITY, true, score(measured.readability.map((run) => run.text)), PUBLISHED_F1['readability_js']),
  ];
  const published: SystemResult[] = [];
  for (const [name, texts] of references) {
    published.push(systemResult(name, false, score(pages.map((page) => texts.get(page.id) ?? '')), PUBLISHED_F1[name]));
  }
  published.sort((a, b) => b.total.f1 - a.total.f1);
  results.push(...published);

  const subset = pages.length < 181 ? ` (a subset: published numbers are for all 181)` : '';
  console.log(`extraction benchmark: ${pages.length} pages${subset} from ${directory}`);
  console.log('word 4-gram shingles, P and R averaged over pages, F1 = 2PR/(P+R) (bench/shingle-score.ts);');
  console.log('± is the bootstrap standard deviation of F1 over pages (1000 resamples, fixed seed), [..] its 95% interval');
  console.log('');
  console.log(`${'system'.padEnd(22)} ${'output'.padEnd(9)} ${'P'.padStart(5)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'±'.padStart(6)}  ${'95% interval'.padEnd(15)} ${'published F1'.padStart(12)}`);
  for (const result of results) {
    const label = `${result.name.padEnd(22)} ${(result.measuredHere ? 'run here' : 'published').padEnd(9)}`;
    const interval = `[${result.spread.low.toFixed(3)}, ${result.spread.high.toFixed(3)}]`;
    const publishedF1 = result.published === undefined ? '' : result.published.toFixed(3);
    console.log(
      `${label} ${result.total.precision.toFixed(3).padStart(5)} ${result.total.recall.toFixed(3).padStart(6)} ${result.total.f1.toFixed(3).padStart(6)} ${result.spread.std.toFixed(3).padStart(6)}  ${interval.padEnd(15)} ${publishedF1.padStart(12)}`,
    );
  }
  console.log('Readability.js (here) is @mozilla/readability 0.6.0 over linkedom; the published run used jsdom.');
  console.log('');
  console.log(`time per page, parsing included (warm-up pass first, order alternated per page):`);
  console.log(`  ${PARALLAX.padEnd(22)} ${quantiles(measured.parallaxMs)}`);
  console.log(`  ${READABILITY.padEnd(22)} ${quantiles(measured.readabilityMs)}`);

  const failures = measured.parallax.flatMap((run, index) => (run.failure === null ? [] : [`${pages[index]?.id.slice(0, 12)} ${run.failure}`]));
  if (failures.length > 0) {
    console.log('');
    console.log(`Parallax gave no text on ${failures.length} page(s) (scored as empty predictions):`);
    for (const failure of failures) console.log(`  ${failure}`);
  }

  printLosses(pages, results);

  if (options.json !== undefined) {
    writeFileSync(options.json, `${JSON.stringify(perPageJson(pages, results, measured), null, 2)}\n`);
    console.log('');
    console.log(`per-page scores written to ${options.json}`);
  }
  return 0;
}

/** Number of worst pages listed. */
const LOSSES_SHOWN = 15;

/**
 * Lists the pages where Parallax falls furthest below the best published output on that page:
 * the gap shows what is achievable there, so it ranks the work better than Parallax's F1 alone.
 */
function printLosses(pages: readonly ExtractionPage[], results: readonly SystemResult[]): void {
  const parallax = results.find((result) => result.name === PARALLAX);
  if (parallax === undefined) return;
  const others = results.filter((result) => !result.measuredHere);
  const rows = pages.map((page, index) => {
    const own = parallax.pages[index];
    let best = { name: '-', f1: 0 };
    for (const other of others) {
      const f1 = other.pages[index]?.f1 ?? 0;
      if (f1 > best.f1) best = { name: other.name, f1 };
    }
    return { page, own, best, gap: best.f1 - (own?.f1 ?? 0) };
  });
  rows.sort((a, b) => b.gap - a.gap || (a.own?.f1 ?? 0) - (b.own?.f1 ?? 0));
  console.log('');
  console.log(`the ${LOSSES_SHOWN} pages where Parallax is furthest below the best published output (npm run bench -- extraction --page ID):`);
  console.log(`  ${'id'.padEnd(12)} ${'host'.padEnd(28)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}  ${'best F1'.padStart(7)} best system`);
  for (const row of rows.slice(0, LOSSES_SHOWN)) {
    console.log(
      `  ${row.page.id.slice(0, 12)} ${host(row.page.url).slice(0, 28).padEnd(28)} ${fixed(row.own?.precision ?? null).padStart(5)} ${fixed(row.own?.recall ?? null).padStart(5)} ${fixed(row.own?.f1 ?? 0).padStart(5)}  ${row.best.f1.toFixed(3).padStart(7)} ${row.best.name}`,
    );
  }
}

function perPageJson(pages: readonly ExtractionPage[], results: readonly SystemResult[], measured: Measured): unknown {
  return {
    systems: Object.fromEntries(results.map((result) => [result.name, { ...result.total, f1Std: result.spread.std, f1Low: result.spread.low, f1High: result.spread.high }])),
    pages: pages.map((page, index) => ({
      id: page.id,
      url: page.url,
      parallaxMs: measured.parallaxMs[index],
      readabilityMs: measured.readabilityMs[index],
      parallaxFailure: measured.parallax[index]?.failure ?? null,
      scores: Object.fromEntries(results.map((result) => [result.name, result.pages[index]])),
    })),
  };
}

// ---- one page, side by side -------------------------------------------------------------------

/** A paragraph of a text with its `\w+` tokens and their offsets, for the page view. */
interface Paragraph {
  readonly text: string;
  readonly key: string;
  readonly tokens: readonly { readonly start: number; readonly end: number; readonly word: string }[];
}

function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\n/)
    .map((line) => line.trim())
    .map((line) => {
      const tokens = [...line.matchAll(/[\p{L}\p{N}_]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0] }));
      return { text: line, key: tokens.map((token) => token.word).join(' '), tokens };
    })
    .filter((paragraph) => paragraph.tokens.length > 0);
}

type Step = 'equal' | 'delete' | 'insert';

/** Largest table the page view fills for a longest-common-subsequence diff. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * A shortest edit script from `a` to `b` by longest common subsequence, or `null` when the
 * table would be too large (the view then falls back to whole paragraphs).
 */
function diff(a: readonly string[], b: readonly string[]): Step[] | null {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) return null;
  // lengths[i][j]: LCS of a[prefix+i..] and b[prefix+j..], filled from the end so the walk goes forward.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[prefix + i] === b[prefix + j] ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const steps: Step[] = new Array<Step>(prefix).fill('equal');
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[prefix + i] === b[prefix + j]) {
      steps.push('equal');
      i++;
      j++;
    } else if (i < n && (j === m || (lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0))) {
      steps.push('delete');
      i++;
    } else {
      steps.push('insert');
      j++;
    }
  }
  for (let k = 0; k < suffix; k++) steps.push('equal');
  return steps;
}

const clip = (text: string, length: number): string => (text.length <= length ? text : `${text.slice(0, length - 1)}…`);

/** A word-level diff of a changed stretch: `[-missed-]` words of the reference, `{+extra+}` words of Parallax's. */
function wordDiff(reference: readonly Paragraph[], predicted: readonly Paragraph[]): string | null {
  const flatten = (list: readonly Paragraph[]) => list.flatMap((paragraph) => paragraph.tokens.map((token) => ({ ...token, text: paragraph.text })));
  const a = flatten(reference);
  const b = flatten(predicted);
  const steps = diff(
    a.map((token) => token.word),
    b.map((token) => token.word),
  );
  if (steps === null) return null;
  // Inline words only help when the stretches share most of their words; else whole paragraphs read better.
  const shared = steps.filter((step) => step === 'equal').length;
  if (shared < 0.5 * Math.min(a.length, b.length)) return null;
  // Each run is shown as its source text between its first and last word, punctuation kept.
  const slice = (tokens: typeof a): string => {
    const parts: string[] = [];
    let from = 0;
    for (let k = 1; k <= tokens.length; k++) {
      const current = tokens[k];
      const previous = tokens[k - 1];
      if (previous === undefined) continue;
      if (current === undefined || current.text !== previous.text || current.start < previous.end) {
        const first = tokens[from];
        if (first !== undefined) parts.push(previous.text.slice(first.start, previous.end));
        from = k;
      }
    }
    return parts.join(' ¶ ');
  };
  const out: string[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < steps.length; ) {
    const kind = steps[k];
    let run = 0;
    while (steps[k + run] === kind) run++;
    if (kind === 'equal') {
      const words = b.slice(j, j + run);
      out.push(run > 24 ? `${slice(words.slice(0, 8))} … ${slice(words.slice(-8))}` : slice(words));
      i += run;
      j += run;
    } else if (kind === 'delete') {
      out.push(`[-${slice(a.slice(i, i + run))}-]`);
      i += run;
    } else {
      out.push(`{+${slice(b.slice(j, j + run))}+}`);
      j += run;
    }
    k += run;
  }
  return out.join(' ');
}

/**
 * Prints Parallax's text against the reference for one page, paragraph by paragraph: `  ` both
 * have it, `- ` only the reference (missed), `+ ` only Parallax (extra), `~ ` a paragraph that
 * differs in some words (word diff inline). Scores of every system on the page come first.
 */
function showPage(page: ExtractionPage, references: ReadonlyMap<string, ReadonlyMap<string, string>>, extract: HtmlExtractor): void {
  const fetched = fetchedForPage(page);
  const run = runParallax(fetched, extract);
  const own = scorePage(run.text, page.reference);
  console.log(`page ${page.id}`);
  console.log(`url  ${page.url}`);
  console.log(
    `Parallax P ${fixed(own.precision)} R ${fixed(own.recall)} F1 ${own.f1.toFixed(3)}: ${own.matched} of ${own.predicted} predicted shingles match, of ${own.reference} in the reference${run.failure === null ? '' : ` (failed: ${run.failure})`}`,
  );
  const others = [[READABILITY, runReadability(fetched.text).text] as const, ...[...references].map(([name, texts]) => [name, texts.get(page.id) ?? ''] as const)];
  console.log(others.map(([name, text]) => `${name} ${scorePage(text, page.reference).f1.toFixed(3)}`).join(', '));
  console.log(`reference ${tokenize(page.reference).length} words, Parallax ${tokenize(run.text).length} words`);
  console.log('legend: "  " in both, "- " reference only (missed), "+ " Parallax only (extra), "~ " word diff [-missed-] {+extra+}');
  console.log('');

  const reference = paragraphs(page.reference);
  const predicted = paragraphs(run.text);
  const referenceKeys = new Set(reference.map((paragraph) => paragraph.key));
  const predictedKeys = new Set(predicted.map((paragraph) => paragraph.key));
  const steps = diff(
    reference.map((paragraph) => paragraph.key),
    predicted.map((paragraph) => paragraph.key),
  ) ?? [...reference.map((): Step => 'delete'), ...predicted.map((): Step => 'insert')];

  let i = 0;
  let j = 0;
  for (let k = 0; k < steps.length; ) {
    if (steps[k] === 'equal') {
      let run = 0;
      while (steps[k + run] === 'equal') run++;
      const shown = predicted.slice(j, j + run);
      const lines = run > 6 ? [...shown.slice(0, 2), null, ...shown.slice(-2)] : shown;
      for (const line of lines) console.log(line === null ? `  … ${run - 4} more paragraphs in both …` : `  ${clip(line.text, 120)}`);
      i += run;
      j += run;
      k += run;
      continue;
    }
    // A changed stretch: the deleted and inserted paragraphs up to the next shared one.
    const missed: Paragraph[] = [];
    const extra: Paragraph[] = [];
    while (k < steps.length && steps[k] !== 'equal') {
      if (steps[k] === 'delete') missed.push(reference[i++] as Paragraph);
      else extra.push(predicted[j++] as Paragraph);
      k++;
    }
    const inline = missed.length > 0 && extra.length > 0 ? wordDiff(missed, extra) : null;
    if (inline !== null) {
      console.log(`~ ${inline}`);
      continue;
    }
    for (const paragraph of missed) console.log(`- ${paragraph.text}${predictedKeys.has(paragraph.key) ? '   (moved: Parallax has it elsewhere)' : ''}`);
    for (const paragraph of extra) console.log(`+ ${paragraph.text}${referenceKeys.has(paragraph.key) ? '   (moved: the reference has it elsewhere)' : ''}`);
  }
}
