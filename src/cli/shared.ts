import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { describeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { ParallaxError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/files.js';
import type { ResolveInputsOptions } from '../ingest/inputs.js';
import { openSqliteStore } from '../store/sqlite.js';
import { resolveStorePath, type Store } from '../store/store.js';

/** What the commands that read inputs share: size, network and feed limits. */
export interface NetworkCommandOptions {
  readonly maxBytes: number;
  readonly timeout: number;
  readonly allowPrivateNetwork?: boolean;
  readonly maxFeedItems: number;
}

/** Parses a positive whole number option, or fails as a usage error. */
export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}


/** Adds the input-reading options to a command. */
export function networkOptions(command: Command): Command {
  return command
    .option('--max-bytes <n>', 'skip inputs (files, pages) larger than this many bytes', parsePositiveInteger, DEFAULT_MAX_BYTES)
    .option('--timeout <seconds>', 'give up on a web request after this many seconds', parsePositiveInteger, 20)
    .option('--max-feed-items <n>', 'read at most this many items of each feed', parsePositiveInteger, 50)
    .option('--allow-private-network', 'allow fetching private, loopback and link-local addresses (off by default)');
}

/** The resolver options the input-reading command options stand for. */
export function readNetworkOptions(options: NetworkCommandOptions): ResolveInputsOptions {
  const onProgress = progressLine();
  return {
    maxBytes: options.maxBytes,
    timeoutMs: options.timeout * 1000,
    maxFeedItems: options.maxFeedItems,
    allowPrivateNetwork: options.allowPrivateNetwork === true,
    ...(onProgress === undefined ? {} : { onProgress }),
  };
}

/** A one-line progress count on stderr while inputs are read, drawn only on a terminal. */
function progressLine(): ((done: number, total: number) => void) | undefined {
  if (process.stderr.isTTY !== true) return undefined;
  return (done, total) => {
    if (total < 2) return;
    process.stderr.write(`\rreading inputs: ${done}/${total}${done >= total ? '\n' : ''}`);
  };
}

/**
 * Whether to style output: only on a terminal, unless --no-color or NO_COLOR
 * (https://no-color.org) says otherwise, and never into a file.
 */
export function useColor(options: { readonly out?: string; readonly color?: boolean }): boolean {
  return options.out === undefined && options.color !== false && process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined;
}

/** Prints diagnostics to stderr, one per line: severity, input, cause. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    process.stderr.write(`parallax: ${describeDiagnostic(diagnostic)}\n`);
  }
}

/** Writes a rendered report to a file, or to standard output when no file is named. */
export async function writeOutput(rendered: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    process.stdout.write(rendered);
    return;
  }
  try {
    await writeFile(out, rendered);
  } catch (error) {
    throw new ParallaxError('io', `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
  process.stderr.write(`parallax: wrote ${out}\n`);
}

/** Adds `--db PATH`: the archive database (else `PARALLAX_DB`, else ./parallax.db). */
export function databaseOption(command: Command): Command {
  return command.option('--db <path>', 'the archive database (default: $PARALLAX_DB, else ./parallax.db)');
}

/** Opens the archive a command names, runs `work` on it, and closes it whatever happens. */
export async function withStore<T>(options: { readonly db?: string }, work: (store: Store) => Promise<T>, readonly = false): Promise<T> {
  const path = resolveStorePath({ ...(options.db === undefined ? {} : { db: options.db }), env: process.env });
  const store = await openSqliteStore(path, { readonly });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
