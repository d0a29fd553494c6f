import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_HOST_DELAY_MS, DEFAULT_POLL_INTERVAL_MS, feedAddress, watchFeeds, type FeedPoll, type FollowOutcome } from '../archive/watch.js';
import { parseDuration } from '../core/duration.js';
import { ParallaxError } from '../core/errors.js';
import { inert } from '../present/terminal.js';
import type { FeedState } from '../store/store.js';
import { databaseOption, networkOptions, readNetworkOptions, withStore, type NetworkCommandOptions } from './shared.js';

interface WatchCommandOptions extends NetworkCommandOptions {
  readonly db?: string;
  readonly format: 'text' | 'json';
  /** Milliseconds, parsed from --every. */
  readonly every: number;
  /** Milliseconds, parsed from --host-delay. */
  readonly hostDelay: number;
  readonly once?: boolean;
  readonly list?: boolean;
  readonly remove: string[];
}

/** Polling a feed more often than this is not polite, whatever the feed's size. */
const MIN_INTERVAL_MS = 30_000;

/** A commander parser for a duration option, at least `minimumMs` long. */
function durationArgument(minimumMs: number, minimumText: string): (value: string) => number {
  return (value) => {
    let ms: number;
    try {
      ms = parseDuration(value);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
    }
    if (ms < minimumMs) throw new InvalidArgumentError(`must be at least ${minimumText}`);
    return ms;
  };
}

/** A time as the poll lines show it: UTC to the second. */
function shortTime(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line (and one more per failed item) on stderr for a poll. */
function describePoll(poll: FeedPoll): string {
  const next = `next poll ${shortTime(poll.nextPollAt)}`;
  const feed = inert(poll.feed);
  if (poll.outcome === 'not-modified') return `parallax: ${feed}: not modified; ${next}\n`;
  if (poll.outcome === 'failed') return `parallax: ${feed}: failed${poll.failures > 1 ? ` (${poll.failures} in a row)` : ''}: ${inert(poll.error ?? '')}; ${next}\n`;
  const counts = `${poll.added} new, ${poll.duplicates} already stored, ${poll.failed.length} failed, ${poll.skipped} seen before`;
  const failures = poll.failed.map(({ input, reason }) => `  failed: ${inert(input)}: ${inert(reason)}\n`).join('');
  return `parallax: ${feed}: ${counts}; ${next}\n${failures}`;
}

function describeFollow(outcome: FollowOutcome): string {
  const input = inert(outcome.input);
  if (outcome.error !== null) return `parallax: cannot follow ${input}: ${inert(outcome.error)}\n`;
  if (outcome.added.length === 1 && outcome.added[0] === outcome.input) return `parallax: now following ${input}\n`;
  if (outcome.added.length === 0 && outcome.known.length === 1 && outcome.known[0] === outcome.input) return '';
  const known = outcome.known.length === 0 ? '' : ` (${outcome.known.length} already followed)`;
  return `parallax: following ${plural(outcome.added.length, 'new feed')} from ${input}${known}\n`;
}

function describeFeed(feed: FeedState): string {
  const failing = feed.failures === 0 ? '' : ` · ${plural(feed.failures, 'failure')}: ${inert(feed.lastError ?? '')}`;
  return `${inert(feed.url)} · ${inert(feed.title ?? '(untitled)')} · next poll ${shortTime(feed.nextPollAt)}${failing}`;
}

/** `--list` and `--remove`: 1 when a feed to remove was not followed. */
async function manageFeeds(options: WatchCommandOptions): Promise<number> {
  return withStore(
    options,
    async (store) => {
      let code = 0;
      for (const url of options.remove) {
        const removed = await store.removeFeed(feedAddress(url));
        process.stderr.write(removed ? `parallax: stopped following ${inert(url)}\n` : `parallax: ${inert(url)} was not followed\n`);
        if (!removed) code = 1;
      }
      if (options.list === true) {
        const feeds = await store.listFeeds();
        if (options.format === 'json') process.stdout.write(`${JSON.stringify(feeds, null, 2)}\n`);
        else process.stdout.write(feeds.length === 0 ? 'no feeds followed (parallax watch URL follows one)\n' : `${feeds.map(describeFeed).join('\n')}\n`);
      }
      return code;
    },
    options.remove.length === 0,
  );
}

/**
 * Runs `parallax watch`: follows the feeds given, then polls until Ctrl-C (or once, with
 * --once). 0 when all went well or the watch was stopped; 1 when an input could not be
 * followed, or every poll of --once failed; 2 (a usage error) when there is nothing to watch.
 */
async function runWatch(inputs: readonly string[], options: WatchCommandOptions): Promise<number> {
  if (options.list === true || options.remove.length > 0) {
    if (inputs.length > 0) throw new ParallaxError('usage', '--list and --remove take no feeds to follow; run them on their own');
    return manageFeeds(options);
  }
  const json = options.format === 'json';
  const controller = new AbortController();
  const stop = (): void => {
    // A second Ctrl-C quits at once: every write is its own transaction, so the archive stays whole.
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write('parallax: stopping after the current request (Ctrl-C again quits at once)\n');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    // readNetworkOptions also makes a progress line for reading inputs, which a watch does not draw.
    const { onProgress: _progress, ...network } = readNetworkOptions(options);
    const report = await withStore(options, (store) =>
      watchFeeds(store, {
        ...network,
        follow: inputs,
        everyMs: options.every,
        hostDelayMs: options.hostDelay,
        once: options.once === true,
        signal: controller.signal,
        onFollow: (outcome) => process.stderr.write(describeFollow(outcome)),
        onPoll: (poll) => (json ? process.stdout.write(`${JSON.stringify(poll)}\n`) : process.stderr.write(describePoll(poll))),
      }),
    );
    const followFailed = report.follows.some((outcome) => outcome.error !== null);
    if (report.feeds === 0) {
      if (inputs.length === 0) throw new ParallaxError('usage', 'no feeds are followed yet: name feed URLs or OPML lists to follow');
      return 1;
    }
    if (options.once === true && !json && report.polls === 0) process.stderr.write('parallax: no feed was due\n');
    return followFailed || (options.once === true && report.polls > 0 && report.failedPolls === report.polls) ? 1 : 0;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Defines the `watch` command. */
export function watchCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('watch')
    .description('Follow RSS/Atom/JSON feeds: poll them politely and store their new articles, until stopped')
    .argument('[feeds...]', 'feed URLs, OPML lists (URLs or files) whose feeds to follow; none: the feeds already followed')
    .addOption(
      new Option('--every <duration>', 'time between polls of a feed, like 30s, 15m, 1h (at least 30s)').argParser(durationArgument(MIN_INTERVAL_MS, '30s')).default(DEFAULT_POLL_INTERVAL_MS, '15m'),
    )
    .addOption(new Option('--host-delay <duration>', 'least time between two requests to one site').argParser(durationArgument(1, '1ms')).default(DEFAULT_HOST_DELAY_MS, '1s'))
    .option('--once', 'poll the feeds that are due once, then exit (for cron)')
    .option('--list', 'list the followed feeds with their state, and exit')
    .addOption(
      new Option('--remove <url>', 'stop following a feed (repeatable), and exit').argParser((value: string, previous: string[]) => [...previous, value]).default([] as string[], 'none'),
    )
    .addOption(new Option('-f, --format <format>', 'text: a line per poll on stderr; json: a JSON object per poll on stdout').choices(['text', 'json']).default('text'));
  databaseOption(command);
  networkOptions(command);
  return command
    .addHelpText(
      'after',
      `
Examples:
  parallax watch https://news.example/feed.xml --every 30m
  parallax watch subscriptions.opml --db ~/news.db
  parallax watch                 resume: poll the feeds the archive already follows
  parallax watch --once          from cron: poll the feeds that are due, then exit
  parallax watch --list
  parallax watch --remove https://news.example/feed.xml

Feeds and their polling state stay in the archive, so a stopped watch resumes where it left off.
Unchanged feeds cost a 304 (conditional requests); items already stored are not fetched again;
a failing feed is polled less and less often (doubling, up to a day). Ctrl-C stops cleanly.

Exit codes: 0 ok (or stopped), 1 a feed or list could not be followed, or every poll of --once failed,
2 usage error (or no feeds to watch).`,
    )
    .action(async (inputs: string[], options: WatchCommandOptions) => {
      setExitCode(await runWatch(inputs, options));
    });
}
