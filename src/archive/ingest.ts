import { analyzeArticle } from '../analyze/index.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Analyzed, Fetched, Story } from '../core/records.js';
import { ParallaxError } from '../core/errors.js';
import { createStoryClusterer, type ClusterInput, type StoryClusterer, type StoryClustererState } from '../corpus/clustering.js';
import { extractArticle } from '../extract/index.js';
import { resolveInputs, type ResolveInputsOptions } from '../ingest/inputs.js';
import { storyFromAnalyzed, type StoryOptions } from '../pipeline/story.js';
import type { ClusteringOutcome, ClusteringStep, FactEntry, FigureEntry, Store } from '../store/store.js';

/**
 * Ingest into the archive: read the inputs, store each article (raw input, extracted record and
 * analysis, keyed by content hash, so a second run stores nothing twice), place the new articles
 * in stories with the stream clusterer (whose state the store keeps with its decisions), and
 * bring every story that changed up to date (its analysis, with the facts and figures the store
 * keeps a history of). Each step is its own transaction, and each step's leftovers (articles in
 * no story, stories not analysed since they changed) are what the next run picks up, so a run
 * killed anywhere is completed by the next one.
 */

/**
 * The version of extraction and analysis whose records the store keeps: raise it when either
 * changes what it produces, so stored articles can be found and analysed again.
 */
export const ANALYZER_VERSION = '1';

/** What one ingest run did. */
export interface IngestReport {
  readonly added: number;
  readonly duplicates: number;
  /** Stored articles an older version had analysed, analysed again from their stored input. */
  readonly reanalyzed: number;
  /** Inputs that could not be read or held no article, with the reason. */
  readonly failed: ReadonlyArray<{ readonly input: string; readonly reason: string }>;
  readonly storiesCreated: number;
  readonly storiesUpdated: number;
}

/** Options of {@link ingestInputs}. */
export interface IngestOptions extends ResolveInputsOptions {
  /** Called after each input is stored (or fails), with the count done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The run's name in the ingest log (default: the start time). */
  readonly run?: string;
}

/** The clusterer's view of a stored article: its words, names and date. */
function clusterInput(contentHash: string, analyzed: Analyzed): ClusterInput {
  const { article } = analyzed;
  return {
    id: contentHash,
    published: article.published ?? article.updated,
    title: article.title,
    text: article.text,
    entities: analyzed.entities.map(({ start, end }) => article.text.slice(start, end)),
  };
}

/**
 * A fact's key: its wording, lower-cased, so the same wording keeps its first-seen time across
 * analyses. The wording is the fact's best-supported member, so a report that joins a known fact
 * with a new detail ("the fire started in the engine room") and becomes its wording shows it as
 * new; a mere rewording that wins the same way shows too, which is noise but hides nothing.
 */
function factKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The facts and figures of an analysed story, as the store records their history. */
function storyHistory(story: Story): { facts: FactEntry[]; figures: FigureEntry[] } {
  const facts = new Map<string, FactEntry>();
  for (const fact of story.facts) facts.set(factKey(fact.text), { key: factKey(fact.text), text: fact.text });
  const figures = story.conflicts.map((conflict) => ({ key: conflict.about, about: conflict.about, value: conflict.values.map(({ value }) => value).join(' / ') }));
  return { facts: [...facts.values()], figures };
}

/** Articles stored between two clustering batches, and articles per batch: a crash re-clusters at most this many. */
const CLUSTER_BATCH = 500;

/** Stores the inputs' articles, logs what failed, and clusters the new ones every {@link CLUSTER_BATCH}. */
async function storeArticles(store: Store, fetched: readonly Fetched[], diagnostics: readonly Diagnostic[], options: IngestOptions, run: string) {
  let added = 0;
  let duplicates = 0;
  const failed: Array<{ input: string; reason: string }> = [];
  const stories = new StoryChanges();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== 'error') continue;
    failed.push({ input: diagnostic.input ?? '', reason: diagnostic.message });
    await store.logIngestFailure({ source: diagnostic.input ?? '', reason: diagnostic.message, run });
  }
  for (const [index, input] of fetched.entries()) {
    const extracted = extractArticle(input);
    if (!extracted.ok) {
      failed.push({ input: input.source, reason: extracted.reason });
      await store.logIngestFailure({ source: input.source, reason: extracted.reason, run });
    } else {
      const result = await store.addArticle({ fetched: input, analyzed: analyzeArticle(extracted.value), analyzerVersion: ANALYZER_VERSION, run });
      if (result.outcome === 'new') {
        added++;
        if (added % CLUSTER_BATCH === 0) stories.add(await placeUnassigned(store));
      } else duplicates++;
    }
    options.onProgress?.(index + 1, fetched.length);
  }
  stories.add(await placeUnassigned(store));
  return { added, duplicates, failed, stories };
}

/** The stories created and updated over several clustering batches. */
class StoryChanges {
  readonly created = new Set<string>();
  readonly updated = new Set<string>();
  readonly merged = new Set<string>();

  add(outcome: ClusteringOutcome): void {
    for (const id of outcome.created) this.created.add(id);
    for (const id of outcome.updated) if (!this.created.has(id)) this.updated.add(id);
    for (const id of outcome.merged) {
      if (!this.created.delete(id)) this.merged.add(id);
      this.updated.delete(id);
    }
  }
}

/**
 * What the archive saves with each clustering batch: the clusterer's state, and the sequence
 * of the last article placed. Articles are placed in arrival order, so every article up to it
 * is in a story, and the next batch looks only at later ones: finding the unplaced articles
 * does not read the whole archive.
 */
interface SavedClustering {
  readonly clusterer: StoryClustererState;
  readonly placedThrough: number;
}

/** The clusterer resumed from the store's saved state; a state this version cannot read starts it afresh. */
function resumeClustering(saved: unknown): { clusterer: StoryClusterer; placedThrough: number } {
  const state = saved as Partial<SavedClustering> | null;
  if (state === null || typeof state !== 'object' || state.clusterer === undefined) return { clusterer: createStoryClusterer(), placedThrough: 0 };
  const placedThrough = typeof state.placedThrough === 'number' ? state.placedThrough : 0;
  try {
    return { clusterer: createStoryClusterer({}, state.clusterer), placedThrough };
  } catch {
    // A state from another clusterer version: stories stored so far keep their articles, and
    // new articles are grouped from here on.
    return { clusterer: createStoryClusterer(), placedThrough };
  }
}

/**
 * Places every stored article that belongs to no story yet: the clusterer resumes from the
 * state saved with the last batch, and each batch's decisions are stored together with the
 * state after them ({@link Store.applyClustering}), so a run killed anywhere leaves stories and
 * state in step, and the next run places exactly the articles still unplaced.
 */
export async function placeUnassigned(store: Store): Promise<ClusteringOutcome> {
  const { clusterer, placedThrough } = resumeClustering(await store.getClustererState());
  const changes = new StoryChanges();
  for (let after = placedThrough; ; ) {
    const page = await store.listArticles({ unassigned: true, afterSequence: after, limit: CLUSTER_BATCH });
    if (page.length === 0) break;
    const articles = await store.getArticles(page.map(({ contentHash }) => contentHash));
    const steps: ClusteringStep[] = [];
    for (const { contentHash, analyzed } of articles) {
      // The clusterer merges after placing an article, then splits: the steps follow that
      // order, the article placed in the story it ends up in.
      const decision = clusterer.add(clusterInput(contentHash, analyzed));
      steps.push({ kind: 'place', article: contentHash, cluster: decision.story });
      for (const { from, into } of decision.merges) steps.push({ kind: 'merge', from, into });
      for (const { from, into, articles: moved } of decision.splits) steps.push({ kind: 'split', from, into, articles: moved });
    }
    after = page.at(-1)!.sequence;
    const saved: SavedClustering = { clusterer: clusterer.exportState(), placedThrough: after };
    changes.add(await store.applyClustering({ steps, state: saved }));
  }
  return { created: [...changes.created], updated: [...changes.updated], merged: [...changes.merged] };
}

/** Analyses a stored story again from its articles' stored analyses (nothing is saved); null for an unknown id. */
export async function analyzeStoredStory(store: Store, storyId: string, options: StoryOptions = {}): Promise<Story | null> {
  const stored = await store.getStory(storyId);
  if (stored === null) return null;
  const articles = await store.getArticles(stored.articles);
  return storyFromAnalyzed(
    articles.map(({ analyzed }) => analyzed),
    [],
    options,
  );
}

/** Analyses a stored story again and saves the result with its history. */
export async function refreshStory(store: Store, storyId: string): Promise<void> {
  const story = await analyzeStoredStory(store, storyId);
  if (story !== null) await store.saveStoryAnalysis(storyId, { story, ...storyHistory(story) });
}

/**
 * Brings every story that needs it up to date: those that gained articles, and any a killed
 * run left unanalysed. A story whose analysis fails is reported and skipped.
 */
async function refreshStories(store: Store): Promise<Array<{ input: string; reason: string }>> {
  const failed: Array<{ input: string; reason: string }> = [];
  const tried = new Set<string>();
  for (;;) {
    const due = (await store.listStories({ needsAnalysis: true, limit: 100 + tried.size })).filter(({ id }) => !tried.has(id));
    if (due.length === 0) return failed;
    for (const { id } of due) {
      tried.add(id);
      try {
        await refreshStory(store, id);
      } catch (error) {
        if (error instanceof ParallaxError) throw error;
        failed.push({ input: `story ${id}`, reason: `its analysis failed (${error instanceof Error ? error.message : String(error)})` });
      }
    }
  }
}

/**
 * Extracts and analyses again, from their stored inputs, the articles an older version of
 * Parallax analysed (no refetch); their stories then need analysis. Returns how many there were,
 * with the inputs that no longer yield an article.
 */
export async function reanalyzeStale(store: Store): Promise<{ reanalyzed: number; failed: Array<{ input: string; reason: string }> }> {
  let reanalyzed = 0;
  const failed: Array<{ input: string; reason: string }> = [];
  for (let after = 0; ; ) {
    const page = await store.listArticles({ staleFor: ANALYZER_VERSION, afterSequence: after, limit: 200 });
    if (page.length === 0) break;
    for (const { contentHash, source } of page) {
      const input = await store.getInput(contentHash);
      const extracted = input === null ? null : extractArticle(input);
      if (extracted === null || !extracted.ok) {
        failed.push({ input: source, reason: `cannot be analysed again: ${extracted === null ? 'its input is missing' : extracted.reason}` });
        continue;
      }
      await store.replaceAnalysis(contentHash, analyzeArticle(extracted.value), ANALYZER_VERSION);
      reanalyzed++;
    }
    after = page.at(-1)!.sequence;
  }
  return { reanalyzed, failed };
}

/** Reads the inputs into the archive, groups them into stories and brings the changed stories up to date. */
export async function ingestInputs(store: Store, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  const { fetched, diagnostics } = await resolveInputs(inputs, options);
  return ingestFetched(store, fetched, diagnostics, options);
}

/**
 * Stores inputs already read (`diagnostics` are the reading errors, logged as failures), groups
 * the new articles into stories and brings the changed stories up to date.
 */
export async function ingestFetched(store: Store, fetched: readonly Fetched[], diagnostics: readonly Diagnostic[], options: IngestOptions = {}): Promise<IngestReport> {
  const run = options.run ?? new Date().toISOString();
  const stale = await reanalyzeStale(store);
  const { added, duplicates, failed, stories } = await storeArticles(store, fetched, diagnostics, options, run);
  const analysisFailures = await refreshStories(store);
  return {
    added,
    duplicates,
    reanalyzed: stale.reanalyzed,
    failed: [...stale.failed, ...failed, ...analysisFailures],
    storiesCreated: stories.created.size,
    storiesUpdated: stories.updated.size,
  };
}
