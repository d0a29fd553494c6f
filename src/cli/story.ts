import { Command, Option } from 'commander';
import type { Story } from '../core/records.js';
import { buildStory } from '../pipeline/story.js';
import { renderHtmlReport } from '../present/html.js';
import { renderMarkdown } from '../present/markdown.js';
import { renderText } from '../present/text.js';
import { analyzeStoredStory, refreshStory } from '../archive/ingest.js';
import { ParallaxError } from '../core/errors.js';
import { parseSince } from '../core/duration.js';
import { renderChanges } from '../present/changes.js';
import { inert } from '../present/terminal.js';
import type { SummarizeOptions } from '../summarize/summarize.js';
import {
  databaseOption,
  networkOptions,
  parsePositiveInteger,
  readNetworkOptions,
  reportDiagnostics,
  useColor,
  withStore,
  writeOutput,
  type NetworkCommandOptions,
} from './shared.js';

/** The formats `parallax story` can print. */
export const STORY_FORMATS = ['text', 'md', 'json', 'html'] as const;
type StoryFormat = (typeof STORY_FORMATS)[number];

interface StoryCommandOptions extends NetworkCommandOptions {
  readonly format: StoryFormat;
  readonly id?: string;
  readonly since?: string;
  readonly db?: string;
  readonly out?: string;
  readonly verbose?: boolean;
  readonly sentences?: number;
  readonly words?: number;
  readonly focus?: string;
  readonly color?: boolean;
}

/** Renders a story in the chosen format. */
export function renderStory(story: Story, format: StoryFormat, options: { verbose?: boolean; color?: boolean }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(story, null, 2)}\n`;
    case 'md':
      return renderMarkdown(story, options);
    case 'text':
      return renderText(story, options);
    case 'html':
      return renderHtmlReport(story);
  }
}

/** The summary options the command line asked for, or null when it asked for none. */
function summaryOptions(options: StoryCommandOptions): SummarizeOptions | null {
  const summary = {
    ...(options.sentences === undefined ? {} : { maxSentences: options.sentences }),
    ...(options.words === undefined ? {} : { maxWords: options.words }),
    ...(options.focus === undefined ? {} : { focus: options.focus }),
  };
  return Object.keys(summary).length === 0 ? null : summary;
}

/**
 * Runs `parallax story --id`: a stored story's report, its latest analysis brought up to date
 * first if it gained articles since; with `--since`, what it gained since then leads the report.
 * Returns the exit code: 0, or 1 when the archive has no such story.
 */
async function runStoredStory(id: string, options: StoryCommandOptions): Promise<number> {
  return withStore(options, async (store) => {
    const stored = await store.getStory(id);
    if (stored === null) {
      process.stderr.write(`parallax: the archive has no story ${inert(id)} (parallax stories lists them)\n`);
      return 1;
    }
    if (stored.needsAnalysis || stored.story === null) await refreshStory(store, id);
    const summary = summaryOptions(options);
    const story = summary === null ? (await store.getStory(id))?.story : await analyzeStoredStory(store, id, { summary });
    if (story === null || story === undefined) throw new ParallaxError('io', `story ${id} could not be analysed`);
    reportDiagnostics(story.diagnostics);
    const since = options.since === undefined ? null : parseSince(options.since);
    const changes = since === null ? null : await store.storyChangesSince(id, since);
    let rendered: string;
    if (options.format === 'json') rendered = `${JSON.stringify(changes === null ? story : { since, changes, story }, null, 2)}\n`;
    else if (options.format === 'html') rendered = renderHtmlReport(story, { since, changes });
    else {
      const report = renderStory(story, options.format, { verbose: options.verbose === true, color: useColor(options) });
      rendered = changes === null ? report : renderChanges(changes, since!, options.format) + report;
    }
    await writeOutput(rendered, options.out);
    return 0;
  });
}

/** Runs `parallax story`: returns the exit code (0 when at least one article was analysed, else 1). */
async function runStory(inputs: readonly string[], options: StoryCommandOptions): Promise<number> {
  if (options.id !== undefined) {
    if (inputs.length > 0) throw new ParallaxError('usage', 'give either inputs or --id, not both');
    return runStoredStory(options.id, options);
  }
  if (inputs.length === 0) throw new ParallaxError('usage', 'give the articles to read, or --id and a stored story (parallax stories lists them)');
  if (options.since !== undefined) throw new ParallaxError('usage', '--since needs --id: only stored stories keep a history');
  const summary = summaryOptions(options);
  const story = await buildStory(inputs, { ...readNetworkOptions(options), ...(summary === null ? {} : { summary }) });
  reportDiagnostics(story.diagnostics);
  if (story.articles.length === 0) {
    process.stderr.write('parallax: no article could be read from the inputs\n');
    return 1;
  }
  const color = useColor(options);
  const rendered = renderStory(story, options.format, { verbose: options.verbose === true, color });
  await writeOutput(rendered, options.out);
  return 0;
}

/** Defines the `story` command; `setExitCode` receives the run's exit code. */
export function storyCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('story')
    .description('Turn articles about one event into one cited story: summary, copies vs independent reports, boilerplate removed')
    .argument('[inputs...]', 'article files (.txt, .html), directories, http(s) URLs, RSS/Atom/JSON feeds, OPML lists, JSON Lines, or - for standard input')
    .option('--id <story-id>', 'report a story stored in the archive (see parallax stories) instead of reading inputs')
    .option('--since <when>', "with --id: lead with what is new since then, a duration back from now (2d, 12h) or a date (2026-11-20)", (value: string) => {
      parseSince(value);
      return value;
    })
    .addOption(new Option('-f, --format <format>', 'output format').choices(STORY_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('-v, --verbose', 'show the text of removed boilerplate, not only counts')
    .option('--sentences <n>', 'at most this many summary sentences (default 6)', parsePositiveInteger)
    .option('--words <n>', 'at most this many summary words', parsePositiveInteger)
    .option('--focus <question>', 'prefer the sentences that answer this question or topic')
    .option('--no-color', 'no bold or dim styles in the terminal report');
  networkOptions(command);
  databaseOption(command);
  return command
    .addHelpText(
      'after',
      `
Examples:
  parallax story examples/merrow-dam
  parallax story ./articles --format json
  parallax story a.txt b.txt --format md --out story.md
  parallax story ./articles --format html --out story.html   (one file, opens offline)
  parallax story ./articles --focus "who built the dam?" --words 120
  parallax story page1.html https://example.org/news/a feed.xml subscriptions.opml
  cat article.txt | parallax story -
  parallax story --id s12 --since 2d --format md

Exit codes: 0 at least one article analysed (warnings on stderr), 1 none, 2 usage error.`,
    )
    .action(async (inputs: string[], options: StoryCommandOptions) => {
      setExitCode(await runStory(inputs, options));
    });
}
