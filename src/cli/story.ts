import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Story } from '../core/records.js';
import { ParallaxError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/files.js';
import { buildStory } from '../pipeline/story.js';
import { renderMarkdown } from '../present/markdown.js';
import { renderText } from '../present/text.js';

/** The formats `parallax story` can print. */
export const STORY_FORMATS = ['text', 'md', 'json'] as const;
type StoryFormat = (typeof STORY_FORMATS)[number];

interface StoryCommandOptions {
  readonly format: StoryFormat;
  readonly out?: string;
  readonly verbose?: boolean;
  readonly sentences?: number;
  readonly words?: number;
  readonly maxBytes: number;
  readonly color?: boolean;
}

/** Parses a positive whole number option, or fails as a usage error. */
export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
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
    maxBytes: options.maxBytes,
    summary: {
      ...(options.sentences === undefined ? {} : { maxSentences: options.sentences }),
      ...(options.words === undefined ? {} : { maxWords: options.words }),
    },
  });
  for (const diagnostic of story.diagnostics) {
    process.stderr.write(`parallax: ${diagnostic.severity}: ${diagnostic.input ?? ''}: ${diagnostic.message}\n`);
  }
  if (story.articles.length === 0) {
    process.stderr.write('parallax: no article could be read from the inputs\n');
    return 1;
  }
  // Styles only on a terminal, unless --no-color or NO_COLOR (https://no-color.org) says otherwise.
  const color =
    options.out === undefined && options.color !== false && process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined;
  const rendered = renderStory(story, options.format, { verbose: options.verbose === true, color });
  if (options.out === undefined) process.stdout.write(rendered);
  else {
    try {
      await writeFile(options.out, rendered);
    } catch (error) {
      throw new ParallaxError('io', `cannot write ${options.out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
    }
    process.stderr.write(`parallax: wrote ${options.out}\n`);
  }
  return 0;
}

/** Defines the `story` command; `setExitCode` receives the run's exit code. */
export function storyCommand(setExitCode: (code: number) => void): Command {
  return new Command('story')
    .description('Turn articles about one event into one cited story: summary, copies vs independent reports, boilerplate removed')
    .argument('<inputs...>', 'article files, directories of .txt files, or - for one article on standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(STORY_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('-v, --verbose', 'show the text of removed boilerplate, not only counts')
    .option('--sentences <n>', 'at most this many summary sentences (default 6)', parsePositiveInteger)
    .option('--words <n>', 'at most this many summary words', parsePositiveInteger)
    .option('--max-bytes <n>', 'skip inputs larger than this many bytes', parsePositiveInteger, DEFAULT_MAX_BYTES)
    .option('--no-color', 'no bold or dim styles in the terminal report')
    .addHelpText(
      'after',
      `
Examples:
  parallax story examples/merrow-dam
  parallax story ./articles --format json
  parallax story a.txt b.txt --format md --out story.md
  cat article.txt | parallax story -

Exit codes: 0 at least one article analysed (warnings on stderr), 1 none, 2 usage error.`,
    )
    .action(async (inputs: string[], options: StoryCommandOptions) => {
      setExitCode(await runStory(inputs, options));
    });
}
