import { analyzeArticle } from '../analyze/index.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Analyzed, Fetched, Story } from '../core/records.js';
import { createStoryClusterer, type ClusterInput } from '../corpus/clustering.js';
import { extractArticle } from '../extract/index.js';
import { resolveInputs, type ResolveInputsOptions } from '../ingest/inputs.js';
import { storyFromFetched } from '../pipeline/story.js';
import type { FactEntry, FigureEntry, Store } from '../store/store.js';

/**
 * Ingest into the archive: read the inputs, store each article (raw input, extracted record and
 * analysis, keyed by content hash, so a second run stores nothing twice), group the stored
 * articles into stories, and bring every story that changed up to date (its analysis, with the
 * facts and figures the store keeps a history of).
 *
 * Grouping replays the stream clusterer over the stored articles in arrival order, so a run
 * that was killed between storing and grouping is completed by the next one. Replaying costs one
 * pass over the archive per run; keeping the clusterer's state in the store will remove it.
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

/** A fact's key: its words, lower-cased, so the same wording keeps its first-seen time across analyses. */
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

/** Stores the inputs' articles, logs what failed, and returns the counts. */
async function storeArticles(store: Store, fetched: readonly Fetched[], diagnostics: readonly Diagnostic[], options: IngestOptions, run: string) {
  let added = 0;
  let duplicates = 0;
  const failed: Array<{ input: string; reason: string }> = [];
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
      if (result.outcome === 'new') added++;
      else duplicates++;
    }
    options.onProgress?.(index + 1, fetched.length);
  }
  return { added, duplicates, failed };
}

/**
 * Groups every stored article into stories (see the module comment) and returns the ids of the
 * stories that were created or gained articles.
 */
async function groupIntoStories(store: Store): Promise<{ created: string[]; updated: string[] }> {
  const clusterer = createStoryClusterer();
  const storyOfArticle = new Map<string, string>();
  const storedStory = new Map<string, string | null>();
  for (let after = 0; ; ) {
    const page = await store.listArticles({ afterSequence: after, limit: 500 });
    if (page.length === 0) break;
    const stored = await store.getArticles(page.map(({ contentHash }) => contentHash));
    const byHash = new Map(stored.map((article) => [article.contentHash, article]));
    for (const summary of page) {
      storedStory.set(summary.contentHash, summary.story);
      const article = byHash.get(summary.contentHash);
      if (article === undefined) continue;
      const decision = clusterer.add(clusterInput(summary.contentHash, article.analyzed));
      storyOfArticle.set(summary.contentHash, decision.story);
      for (const { from, into } of decision.merges) {
        for (const [hash, story] of storyOfArticle) if (story === from) storyOfArticle.set(hash, into);
      }
    }
    after = page.at(-1)!.sequence;
  }
  const members = new Map<string, string[]>();
  for (const [hash, story] of storyOfArticle) members.set(story, [...(members.get(story) ?? []), hash]);

  const created: string[] = [];
  const updated = new Set<string>();
  for (const hashes of members.values()) {
    const existing = [...new Set(hashes.map((hash) => storedStory.get(hash)).filter((id): id is string => typeof id === 'string'))].sort();
    const unassigned = hashes.filter((hash) => storedStory.get(hash) === null || storedStory.get(hash) === undefined);
    if (existing.length === 0) {
      created.push(await store.createStory({ articles: unassigned }));
      continue;
    }
    const [target, ...others] = existing as [string, ...string[]];
    if (others.length > 0) await store.mergeStories(target, others);
    if (unassigned.length > 0) await store.addArticlesToStory(target, unassigned);
    if (others.length > 0 || unassigned.length > 0) updated.add(target);
  }
  return { created, updated: [...updated] };
}

/** Analyses a stored story again from its stored inputs and saves the result. */
export async function refreshStory(store: Store, storyId: string): Promise<void> {
  const stored = await store.getStory(storyId);
  if (stored === null) return;
  const inputs = (await Promise.all(stored.articles.map((hash) => store.getInput(hash)))).filter((input): input is Fetched => input !== null);
  const story = storyFromFetched(inputs, []);
  await store.saveStoryAnalysis(storyId, { story, ...storyHistory(story) });
}

/** Reads the inputs into the archive, groups them into stories and brings the changed stories up to date. */
export async function ingestInputs(store: Store, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestReport> {
  const run = options.run ?? new Date().toISOString();
  const { fetched, diagnostics } = await resolveInputs(inputs, options);
  const stored = await storeArticles(store, fetched, diagnostics, options, run);
  const { created, updated } = await groupIntoStories(store);
  for (const id of [...created, ...updated]) await refreshStory(store, id);
  return { ...stored, storiesCreated: created.length, storiesUpdated: updated.length };
}
