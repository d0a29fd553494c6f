import { Command, Option } from 'commander';
import { listStoryListings } from '../archive/listing.js';
import type { StoryListing } from '../server/api-types.js';
import { databaseOption, parsePositiveInteger, withStore } from './shared.js';
import { inert } from '../present/terminal.js';

interface StoriesCommandOptions {
  readonly db?: string;
  readonly format: 'text' | 'json';
  readonly limit: number;
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
      const stories = await withStore(options, (store) => listStoryListings(store, { limit: options.limit }), true);
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(stories, null, 2)}\n`);
      else process.stdout.write(stories.length === 0 ? 'no stories yet (parallax ingest adds articles)\n' : `${stories.map(storyLine).join('\n')}\n`);
    });
}
