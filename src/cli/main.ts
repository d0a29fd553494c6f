#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ParallaxError } from '../core/errors.js';
import { extractCommand } from './extract.js';
import { ingestCommand } from './ingest.js';
import { searchCommand } from './search.js';
import { serveCommand } from './serve.js';
import { storiesCommand } from './stories.js';
import { rougeCommand } from './rouge.js';
import { storyCommand } from './story.js';
import { watchCommand } from './watch.js';

/** Exit codes: 0 success, 1 nothing could be done with the inputs (or an operational failure), 2 usage error. */
const EXIT_USAGE = 2;

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

/** Builds the `parallax` program. */
function makeProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('parallax')
    .description('Parallax: many news articles about one event, turned into one story you can trust')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.addCommand(storyCommand(setExitCode).exitOverride());
  program.addCommand(extractCommand(setExitCode).exitOverride());
  program.addCommand(rougeCommand(setExitCode).exitOverride());
  program.addCommand(ingestCommand(setExitCode).exitOverride());
  program.addCommand(storiesCommand().exitOverride());
  program.addCommand(searchCommand().exitOverride());
  program.addCommand(watchCommand(setExitCode).exitOverride());
  program.addCommand(serveCommand().exitOverride());
  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = makeProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (error instanceof ParallaxError) {
      process.stderr.write(`parallax: ${error.message}\n`);
      return error.code === 'usage' ? EXIT_USAGE : 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv);
