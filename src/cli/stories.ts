import { Command, Option } from 'commander';
import type { StorySummary } from '../store/store.js';
import { databaseOption, parsePositiveInteger, withStore } from './shared.js';
import { inert } from '../present/terminal.js';

interface StoriesCommandOptions {
  readonly db?: string;
  readonly format: 'text' | 'json';
  readonly limit: number;
}

/** One line per story: id, counts, title. */
function storyLine(story: StorySummary): string {
  const reports = story.independentReports === null ? 'not analysed yet' : `${story.independentReports} independent report${story.independentReports === 1 ? '' : 's'}`;
  return `${story.id.padEnd(6)} ${String(story.articles.length).padStart(3)} article${story.articles.length === 1 ? ' ' : 's'} · ${reports} · ${inert(story.title ?? '(untitled)')}`;
}

/** Defines the `stories` command: the archive's stories, newest first. */
export function storiesCommand(): Command {
  const command = new Command('stories')
    .description("List the archive's stories, newest first, with their counts")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--limit <n>', 'at most this many stories', parsePositiveInteger, 50);
  databaseOption(command);
  return command.action(async (options: StoriesCommandOptions) => {
    const stories = await withStore(options, (store) => store.listStories({ limit: options.limit }), true);
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(stories, null, 2)}\n`);
    else process.stdout.write(stories.length === 0 ? 'no stories yet (parallax ingest adds articles)\n' : `${stories.map(storyLine).join('\n')}\n`);
  });
}
