import { Command, Option } from 'commander';
import type { ArticleSummary, Store, StorySummary } from '../store/store.js';
import { databaseOption, parsePositiveInteger, withStore } from './shared.js';
import { inert } from '../present/terminal.js';

interface StoriesCommandOptions {
  readonly db?: string;
  readonly format: 'text' | 'json';
  readonly limit: number;
}

/** A story as `parallax stories` lists it: its counts and its articles' ids and sources. */
interface StoryListing {
  readonly id: string;
  readonly title: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly counts: { readonly articles: number; readonly outlets: number; readonly independentReports: number | null };
  readonly needsAnalysis: boolean;
  readonly articles: ReadonlyArray<{
    readonly id: string;
    readonly contentHash: string;
    readonly source: string;
    readonly url: string | null;
    readonly outlet: string | null;
    readonly title: string | null;
    readonly published: string | null;
  }>;
}

/** The listing of a story, from its summary and its articles' summaries. */
function listing(story: StorySummary, articles: readonly ArticleSummary[]): StoryListing {
  const outlets = new Set(articles.map(({ outlet, url, source }) => outlet ?? url ?? source));
  return {
    id: story.id,
    title: story.title,
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    counts: { articles: story.articles.length, outlets: outlets.size, independentReports: story.independentReports },
    needsAnalysis: story.needsAnalysis,
    articles: articles.map(({ articleId, contentHash, source, url, outlet, title, published }) => ({ id: articleId, contentHash, source, url, outlet, title, published })),
  };
}

/** The newest stories with their articles. */
async function listStories(store: Store, limit: number): Promise<StoryListing[]> {
  const stories = await store.listStories({ limit });
  return Promise.all(stories.map(async (story) => listing(story, await store.getArticleSummaries(story.articles))));
}

/** One line per story: id, counts, title. */
function storyLine(story: StoryListing): string {
  const { articles, outlets, independentReports } = story.counts;
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const reports = independentReports === null ? 'not analysed yet' : plural(independentReports, 'independent report');
  return `${story.id.padEnd(6)} ${plural(articles, 'article')} · ${plural(outlets, 'outlet')} · ${reports} · ${inert(story.title ?? '(untitled)')}`;
}

/** Defines the `stories` command: the archive's stories, newest first. */
export function storiesCommand(): Command {
  const command = new Command('stories')
    .description("List the archive's stories, newest first, with their counts (JSON: with their articles' ids and sources)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--limit <n>', 'at most this many stories', parsePositiveInteger, 50);
  databaseOption(command);
  return command
    .addHelpText('after', '\nExamples:\n  parallax stories\n  parallax stories --format json --limit 10\n  parallax story --id s3 --since 2d')
    .action(async (options: StoriesCommandOptions) => {
      const stories = await withStore(options, (store) => listStories(store, options.limit), true);
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(stories, null, 2)}\n`);
      else process.stdout.write(stories.length === 0 ? 'no stories yet (parallax ingest adds articles)\n' : `${stories.map(storyLine).join('\n')}\n`);
    });
}
