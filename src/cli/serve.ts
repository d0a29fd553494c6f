import { Command, InvalidArgumentError } from 'commander';
import { ParallaxError } from '../core/errors.js';
import { createApp, LOOPBACK_HOST_NAMES } from '../server/app.js';
import { isLoopbackHost, listen, urlHost, type RunningServer } from '../server/listen.js';
import { WorkQueue } from '../server/work-queue.js';
import type { Store } from '../store/store.js';
import { databaseOption, parsePositiveInteger, withStore } from './shared.js';

interface ServeCommandOptions {
  readonly db?: string;
  readonly port: number;
  readonly host: string;
  readonly allowPrivateNetwork?: boolean;
  readonly maxBodyBytes: number;
}

/** The port `parallax serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 4477;

/** Parses `--port`: 0 (any free port) to 65535. */
function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port)');
  return port;
}

/** Why the server could not listen, in words, as a ParallaxError; other errors pass through. */
function listenError(error: unknown, options: ServeCommandOptions): unknown {
  const where = `${urlHost(options.host)}:${options.port}`;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new ParallaxError('io', `cannot listen on ${where}: the port is in use (another parallax serve?); choose another with --port`, { cause: error });
    case 'EACCES':
      return new ParallaxError('io', `cannot listen on ${where}: not permitted (ports below 1024 need privileges); choose another with --port`, { cause: error });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ParallaxError('io', `cannot listen on ${where}: ${options.host} is not an address of this machine`, { cause: error });
    default:
      return error;
  }
}

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once. */
function firstSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Serves the archive until a signal, then stops: no new connections, running writes finished, the store closed by the caller. */
async function serveStore(store: Store, options: ServeCommandOptions): Promise<void> {
  const loopback = isLoopbackHost(options.host);
  const queue = new WorkQueue();
  const app = createApp(store, {
    allowPrivateNetwork: options.allowPrivateNetwork === true,
    maxBodyBytes: options.maxBodyBytes,
    allowedHosts: loopback ? [...LOOPBACK_HOST_NAMES, urlHost(options.host)] : null,
    queue,
  });
  let server: RunningServer;
  try {
    server = await listen(app, { port: options.port, host: options.host });
  } catch (error) {
    throw listenError(error, options);
  }
  const signal = firstSignal();
  const { stories } = await store.statistics();
  if (!loopback) process.stderr.write(`parallax: listening on ${options.host}, not a loopback address: anyone who can reach this machine can read the archive and add to it\n`);
  if (options.allowPrivateNetwork === true) process.stderr.write('parallax: ingest may fetch private, loopback and link-local addresses (--allow-private-network)\n');
  process.stderr.write(`Parallax is serving ${stories} ${stories === 1 ? 'story' : 'stories'} at ${server.url}\n`);
  await signal;
  process.stderr.write('parallax: stopping\n');
  const closed = server.close();
  await queue.idle();
  server.endConnections();
  await closed;
  // A request answered during the shutdown may have queued one more write.
  await queue.idle();
}

/** Defines the `serve` command: the web app and JSON API over the archive. */
export function serveCommand(): Command {
  const command = new Command('serve')
    .description('Serve the archive: a web app of its stories and a JSON API (documented in openapi.json), on 127.0.0.1 unless --host says otherwise')
    .option('--port <port>', 'the port to listen on (0: any free port)', parsePort, DEFAULT_PORT)
    .option('--host <address>', 'the address to listen on; other than a loopback address, anyone who can reach it can use the archive', '127.0.0.1')
    .option('--allow-private-network', 'let POST /api/ingest fetch private, loopback and link-local addresses (off by default)')
    .option('--max-body-bytes <n>', 'refuse request bodies larger than this many bytes', parsePositiveInteger, 1024 * 1024);
  databaseOption(command);
  return command
    .addHelpText(
      'after',
      `
Examples:
  parallax serve                          # http://127.0.0.1:4477/
  parallax serve --port 8080 --db news.db
  parallax serve --port 0                 # any free port, printed on start
  curl http://127.0.0.1:4477/api/stories
  curl -H 'Content-Type: application/json' -d '{"urls":["https://example.org/news/a"]}' http://127.0.0.1:4477/api/ingest

Requests whose Host is not localhost, 127.0.0.1 or [::1] are refused while listening on a
loopback address (a guard against DNS rebinding). Ctrl+C stops the server.

Exit codes: 0 stopped by a signal, 1 cannot listen or open the archive, 2 usage error.`,
    )
    .action(async (options: ServeCommandOptions) => {
      await withStore(options, (store) => serveStore(store, options));
    });
}
