import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeArticle } from '../src/analyze/index.js';
import { countKey } from '../src/analyze/numbers.js';
import type { Analyzed, StoryConflict } from '../src/core/records.js';
import { findConflicts, type ConflictContext } from '../src/corpus/conflicts/index.js';
import { reconcileEntities } from '../src/corpus/entities.js';
import { findFacts } from '../src/corpus/facts.js';
import { intervalsOverlap, valueInterval } from '../src/corpus/conflicts/intervals.js';
import { findOrigins, type AnalyzedStory } from '../src/corpus/origins.js';
import { extractArticle } from '../src/extract/index.js';
import { fetchedFromBytes } from '../src/ingest/files.js';
import { loadMultiNews, multiNewsPath, type MultiNewsCluster } from './multi-news.js';
import { makeProgress } from '../src/cli/progress.js';

/**
 * The conflicts benchmark. No public data labels conflicting figures across news reports, so
 * this measures what can be measured, on the same inputs for Parallax and a baseline run here:
 *
 * - **the bundled example** (examples/merrow-dam): the conflicts its README lists (deaths,
 *   evacuated, completion year) found, and anything else flagged (its README also lists what
 *   must not be flagged);
 * - **the seed articles** (../shared/seeds, five real reports of one event): the two conflicts
 *   they are known to hold (the Syrian war's death toll, the year of Lavrov's last visit);
 * - **Multi-News stories** (each cluster one event, several outlets): how many conflicts are
 *   flagged per 100 stories, and the time per story, for review;
 * - **pooled stories**: the articles of several Multi-News clusters about different events put
 *   into one story. A conflict whose values come from two clusters sets figures of two events
 *   against each other, so it is false by construction: the count of those is a measure of
 *   precision that needs no labels.
 *
 * The baseline is what a plain reading of "same quantity, different value" gives: counts with
 * the same `countKey` in two articles whose values do not overlap (the same intervals as
 * Parallax), one conflict per key.
 */

/** Options of the conflicts benchmark. */
export interface ConflictsBenchOptions {
  /** The evaluation data folder (holding `multi-news-dev/`, next to `../seeds`), or the `multi-news-dev` folder itself. */
  readonly dataDirectory: string;
  /** At most this many Multi-News clusters. */
  readonly limit: number;
}

/** Clusters put together into one pooled story. */
const POOL_SIZE = 6;

/** Pooled false conflicts listed in the report. */
const SHOWN_ERRORS = 12;

/** One input document: where it came from and its bytes. */
interface Document {
  readonly source: string;
  readonly bytes: Uint8Array;
}

/** A conflict finder under test. */
type Finder = (story: AnalyzedStory, context: ConflictContext) => readonly StoryConflict[];

const PARALLAX = 'Parallax';
const BASELINE = 'same key, values apart';

/** The baseline (see the module comment): one conflict per count key whose values in two articles do not overlap. */
const baselineFinder: Finder = (story) => {
  const byKey = new Map<string, Array<{ article: number; start: number; end: number; interval: ReturnType<typeof valueInterval>; value: string }>>();
  story.articles.forEach((analyzed, article) => {
    for (const mention of analyzed.numbers) {
      const key = mention.unit === null ? countKey(mention, analyzed.article.text) : null;
      if (key === null) continue;
      const list = byKey.get(key) ?? [];
      list.push({ article, start: mention.start, end: mention.end, interval: valueInterval(mention), value: String(mention.value) });
      byKey.set(key, list);
    }
  });
  const conflicts: StoryConflict[] = [];
  for (const [key, figures] of byKey) {
    const apart = figures.some((first) => figures.some((second) => first.article !== second.article && !intervalsOverlap(first.interval, second.interval)));
    if (!apart) continue;
    const values = [...new Set(figures.map((figure) => figure.value))].map((value) => {
      const members = figures.filter((figure) => figure.value === value);
      return {
        value,
        text: value,
        members: members.map(({ article, start, end }) => ({ article: story.articles[article]!.article.id, start, end, attribution: null })),
        outlets: [],
        independentReports: new Set(members.map((member) => story.originOf[member.article])).size,
      };
    });
    conflicts.push({ id: `conflict-${conflicts.length + 1}`, about: key, kind: 'number', values });
  }
  return conflicts;
};

const FINDERS: ReadonlyArray<readonly [string, Finder]> = [
  [PARALLAX, findConflicts],
  [BASELINE, baselineFinder],
];

/** The analysed story of some documents, and the context the conflict finder reads. */
function prepareStory(documents: readonly Document[]): { story: AnalyzedStory; context: ConflictContext } {
  const articles: Analyzed[] = [];
  for (const document of documents) {
    const fetched = fetchedFromBytes(document.source, document.bytes);
    if (!('contentHash' in fetched)) continue;
    const extracted = extractArticle(fetched);
    if (extracted.ok) articles.push(analyzeArticle({ ...extracted.value, id: `${extracted.value.id}-${articles.length}` }));
  }
  const origins = findOrigins(articles);
  const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  const story: AnalyzedStory = { articles, originOf: origins.originOf, matches: origins.matches };
  const facts = findFacts(story, { entityOf: entities.entityOf });
  const names = new Map(entities.entities.map((entity) => [entity.id, entity.name]));
  return {
    story,
    context: {
      factOf: facts.factOf,
      outletOf: (article) => basename(articles[article]?.article.source ?? ''),
      entityOf: entities.entityOf,
      nameOf: (id) => names.get(id) ?? null,
    },
  };
}

/** The article documents of a folder (text and HTML files), in name order. */
function folderDocuments(folder: string): Document[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.(?:txt|html?)$/u.test(name))
    .sort()
    .map((name) => ({ source: join(folder, name), bytes: readFileSync(join(folder, name)) }));
}

/** A conflict a story is known to hold: some words of what it is about, and values each side shows. */
interface KnownConflict {
  readonly name: string;
  /** Each side: a number or year its value must show ("14", "320,000", "1989"). */
  readonly sides: readonly (readonly string[])[];
}

/** The conflicts the example's README lists. */
const EXAMPLE_CONFLICTS: readonly KnownConflict[] = [
  { name: 'deaths: at least 14 / 19 / some 20', sides: [['14'], ['19'], ['20']] },
  { name: 'evacuated: about 6,000 / 8,500', sides: [['6,000', '6000'], ['8,500', '8500']] },
  { name: 'dam completed: 1989 / 1987', sides: [['1989'], ['1987']] },
];

/** The conflicts the seed articles are known to hold. */
const SEED_CONFLICTS: readonly KnownConflict[] = [
  { name: 'Syrian war deaths: more than 320,000 / some 400,000', sides: [['320,000', '320000'], ['400,000', '400000']] },
  { name: "year of Lavrov's last visit: 2013 / 2014", sides: [['2013'], ['2014']] },
];

/** Whether a found conflict shows every side of a known one, each in a different value. */
function matches(conflict: StoryConflict, known: KnownConflict): boolean {
  const shows = (value: string, side: readonly string[]): boolean => side.some((figure) => new RegExp(`(?<![\\d,])${figure.replace(/\./gu, '\\.')}(?![\\d,])`, 'u').test(value));
  return known.sides.every((side) => conflict.values.some((value) => shows(value.value, side)));
}

/** Found and extra conflicts of one finder on one story with known conflicts. */
interface KnownScore {
  readonly found: number;
  readonly missed: readonly string[];
  readonly extra: readonly StoryConflict[];
}

function scoreKnown(conflicts: readonly StoryConflict[], known: readonly KnownConflict[]): KnownScore {
  const missed = known.filter((item) => !conflicts.some((conflict) => matches(conflict, item))).map((item) => item.name);
  const extra = conflicts.filter((conflict) => !known.some((item) => matches(conflict, item)));
  return { found: known.length - missed.length, missed, extra };
}

/** Which cluster each article of a pooled story came from, read from its source name. */
function clusterOfMember(story: AnalyzedStory, articleId: string): string {
  const source = story.articles.find((analyzed) => analyzed.article.id === articleId)?.article.source ?? '';
  return source.split('/')[0] ?? '';
}

function pad(value: string, width: number): string {
  return value.length >= width ? value : value + ' '.repeat(width - value.length);
}

function describe(conflict: StoryConflict): string {
  return `${conflict.about}: ${conflict.values.map((value) => value.value).join(' / ')}`;
}

/** Runs the benchmark and prints its report; returns the process exit code. */
export function runConflictsBench(options: ConflictsBenchOptions): number {
  const dataDirectory = options.dataDirectory;
  const out: string[] = ['Conflicts benchmark (no published numbers exist: no public data labels conflicting figures across news reports)', ''];

  // 1. The bundled example and the seeds: known conflicts.
  const knownStories: ReadonlyArray<readonly [string, readonly Document[], readonly KnownConflict[]]> = [
    ['bundled example (examples/merrow-dam)', folderDocuments('examples/merrow-dam'), EXAMPLE_CONFLICTS],
    ['seed articles (../shared/seeds)', folderDocuments(join(dataDirectory, '..', 'seeds')), SEED_CONFLICTS],
  ];
  out.push('Stories with known conflicts');
  out.push(`  ${pad('story', 40)}${pad('system', 24)}found     extra`);
  const knownDetails: string[] = [];
  for (const [name, documents, known] of knownStories) {
    if (documents.length === 0) {
      out.push(`  ${pad(name, 40)}(not found)`);
      continue;
    }
    const { story, context } = prepareStory(documents);
    for (const [system, finder] of FINDERS) {
      const score = scoreKnown(finder(story, context), known);
      out.push(`  ${pad(name, 40)}${pad(system, 24)}${pad(`${score.found}/${known.length}`, 10)}${score.extra.length}`);
      if (system === PARALLAX) {
        for (const missed of score.missed) knownDetails.push(`  missed (${name}): ${missed}`);
        for (const extra of score.extra) knownDetails.push(`  extra (${name}): ${describe(extra)}`);
      }
    }
  }
  out.push(...knownDetails, '');

  // 2. Multi-News stories, one cluster each, and pooled stories of several clusters.
  const newsPath = multiNewsPath(dataDirectory);
  const clusters = newsPath === null ? [] : loadMultiNews(newsPath, options.limit);
  if (clusters.length === 0) {
    out.push(`Multi-News clusters not found under ${dataDirectory}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  }
  const perStory = new Map<string, { conflicts: number; stories: number; milliseconds: number }>(FINDERS.map(([system]) => [system, { conflicts: 0, stories: 0, milliseconds: 0 }]));
  const pooled = new Map<string, { crossStory: number; withinStory: number; pools: number; errors: Map<string, number>; shown: string[] }>(
    FINDERS.map(([system]) => [system, { crossStory: 0, withinStory: 0, pools: 0, errors: new Map(), shown: [] }]),
  );
  let preparedMilliseconds = 0;
  const progress = makeProgress('conflicts', clusters.length);
  const documentsOf = (cluster: MultiNewsCluster): Document[] => cluster.documents.map((text, index) => ({ source: `${cluster.id}/${index}`, bytes: Buffer.from(text, 'utf8') }));
  for (let start = 0; start < clusters.length; start += POOL_SIZE) {
    const pool = clusters.slice(start, start + POOL_SIZE);
    for (const cluster of pool) {
      const started = performance.now();
      const { story, context } = prepareStory(documentsOf(cluster));
      preparedMilliseconds += performance.now() - started;
      for (const [system, finder] of FINDERS) {
        const found = performance.now();
        const conflicts = finder(story, context);
        const tally = perStory.get(system)!;
        tally.milliseconds += performance.now() - found;
        tally.conflicts += conflicts.length;
        tally.stories++;
      }
      progress.tick();
    }
    if (pool.length < 2) continue;
    const { story, context } = prepareStory(pool.flatMap(documentsOf));
    for (const [system, finder] of FINDERS) {
      const tally = pooled.get(system)!;
      tally.pools++;
      for (const conflict of finder(story, context)) {
        const sources = new Set(conflict.values.flatMap((value) => value.members.map((member) => clusterOfMember(story, member.article))));
        if (sources.size < 2) {
          tally.withinStory++;
          continue;
        }
        tally.crossStory++;
        tally.errors.set(conflict.about, (tally.errors.get(conflict.about) ?? 0) + 1);
        if (tally.shown.length < SHOWN_ERRORS) tally.shown.push(`    ${describe(conflict)} (clusters ${[...sources].join(', ')})`);
      }
    }
  }
  progress.done();

  out.push(`Multi-News: ${clusters.length} stories (one cluster each), and ${pooled.get(PARALLAX)!.pools} pooled stories of ${POOL_SIZE} clusters each`);
  out.push(`  ${pad('system', 24)}${pad('conflicts/100 stories', 24)}${pad('ms/story (finder)', 20)}${pad('pooled: false/100', 20)}pooled: within-cluster`);
  for (const [system] of FINDERS) {
    const tally = perStory.get(system)!;
    const pool = pooled.get(system)!;
    out.push(
      `  ${pad(system, 24)}${pad(((100 * tally.conflicts) / Math.max(1, tally.stories)).toFixed(1), 24)}${pad((tally.milliseconds / Math.max(1, tally.stories)).toFixed(2), 20)}` +
        `${pad(((100 * pool.crossStory) / Math.max(1, pool.pools)).toFixed(1), 20)}${pool.withinStory}`,
    );
  }
  out.push(`  (analysis of the articles, shared by both systems: ${(preparedMilliseconds / clusters.length).toFixed(0)} ms per story)`, '');
  for (const [system] of FINDERS) {
    const pool = pooled.get(system)!;
    out.push(`False conflicts across pooled stories, ${system}: ${pool.crossStory}`);
    for (const [about, count] of [...pool.errors].sort((x, y) => y[1] - x[1]).slice(0, 8)) out.push(`  ${pad(about, 40)}${count}`);
    if (system === PARALLAX) out.push(...pool.shown);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
