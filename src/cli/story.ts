import { Command, Option } from 'commander';
import type { Story } from '../core/records.js';
import { buildStory } from '../pipeline/story.js';
import { renderMarkdown } from '../present/markdown.js';
import { renderText } from '../present/text.js';
import { networkOptions, parsePositiveInteger, readNetworkOptions, reportDiagnostics, useColor, writeOutput, type NetworkCommandOptions } from './shared.js';

/** The formats `parallax story` can print. */
export const STORY_FORMATS = ['text', 'md', 'json'] as const;
type StoryFormat = (typeof STORY_FORMATS)[number];

interface StoryCommandOptions extends NetworkCommandOptions {
  readonly format: StoryFormat;
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
  }
}

/** Runs `parallax story`: returns the exit code (0 when at least one article was analysed, else 1). */
async function runStory(inputs: readonly string[], options: StoryCommandOptions): Promise<number> {
  const story = await buildStory(inputs, {
    ...readNetworkOptions(options),
    summary: {
      ...(options.sentences === undefined ? {} : { maxSentences: options.sentences }),
      ...(options.words === undefined ? {} : { maxWords: options.words }),
      ...(options.focus === undefined ? {} : { focus: options.focus }),
    },
  });
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
    .argument('<inputs...>', 'article files (.txt, .html), directories, http(s) URLs, RSS/Atom/JSON feeds, OPML lists, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(STORY_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('-v, --verbose', 'show the text of removed boilerplate, not only counts')
    .option('--sentences <n>', 'at most this many summary sentences (default 6)', parsePositiveInteger)
    .option('--words <n>', 'at most this many summary words', parsePositiveInteger)
    .option('--focus <question>', 'prefer the sentences that answer this question or topic')
    .option('--no-color', 'no bold or dim styles in the terminal report');
  networkOptions(command);
  return command
    .addHelpText(
      'after',
      `
Examples:
  parallax story examples/merrow-dam
  parallax story ./articles --format json
  parallax story a.txt b.txt --format md --out story.md
  parallax story ./articles --focus "who built the dam?" --words 120
  parallax story page1.html https://example.org/news/a feed.xml subscriptions.opml
  cat article.txt | parallax story -

Exit codes: 0 at least one article analysed (warnings on stderr), 1 none, 2 usage error.`,
    )
    .action(async (inputs: string[], options: StoryCommandOptions) => {
      setExitCode(await runStory(inputs, options));
    });
}
