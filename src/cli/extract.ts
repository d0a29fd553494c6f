import { Command, Option } from 'commander';
import { ParallaxError } from '../core/errors.js';
import { extractArticle } from '../extract/index.js';
import { resolveInputs } from '../ingest/inputs.js';
import { renderExtracted } from '../present/extracted.js';
import { networkOptions, readNetworkOptions, reportDiagnostics, useColor, writeOutput, type NetworkCommandOptions } from './shared.js';

/** The formats `parallax extract` can print. */
export const EXTRACT_FORMATS = ['text', 'json'] as const;
type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

interface ExtractCommandOptions extends NetworkCommandOptions {
  readonly format: ExtractFormat;
  readonly out?: string;
  readonly verbose?: boolean;
  readonly color?: boolean;
}

/** Runs `parallax extract`: 0 when an article was extracted, 1 when the input holds none. */
async function runExtract(input: string, options: ExtractCommandOptions): Promise<number> {
  const { fetched, diagnostics } = await resolveInputs([input], readNetworkOptions(options));
  reportDiagnostics(diagnostics);
  if (fetched.length > 1) {
    throw new ParallaxError(
      'usage',
      `${input} is a feed or a list with ${fetched.length} articles; extract one of its pages, or run: parallax story ${input}`,
    );
  }
  const page = fetched[0];
  if (page === undefined) return 1;
  const result = extractArticle(page);
  if (!result.ok) {
    reportDiagnostics(result.diagnostics.filter((diagnostic) => !page.diagnostics.includes(diagnostic)));
    return 1;
  }
  const color = useColor(options);
  const rendered =
    options.format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : renderExtracted(result.value, { verbose: options.verbose === true, color });
  await writeOutput(rendered, options.out);
  return 0;
}

/** Defines the `extract` command; `setExitCode` receives the run's exit code. */
export function extractCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('extract')
    .description('Extract one article (main text and metadata, boilerplate removed) from a web page, a URL or a text file')
    .argument('<input>', 'an HTML or text file, an http(s) URL, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format: text for people, json for the Extracted record').choices(EXTRACT_FORMATS).default('text'))
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('-v, --verbose', 'show the text of every removed passage, not only counts')
    .option('--no-color', 'no bold or dim styles in the terminal view');
  networkOptions(command);
  return command
    .addHelpText(
      'after',
      `
Examples:
  parallax extract page.html
  parallax extract https://example.org/news/article --format json
  curl -s https://example.org/a | parallax extract -

Exit codes: 0 article extracted, 1 no article (the reason is on stderr), 2 usage error.`,
    )
    .action(async (input: string, options: ExtractCommandOptions) => {
      setExitCode(await runExtract(input, options));
    });
}
