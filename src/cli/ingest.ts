import { Command } from 'commander';
import { ingestInputs } from '../archive/ingest.js';
import { makeProgress } from './progress.js';
import { databaseOption, networkOptions, readNetworkOptions, withStore, type NetworkCommandOptions } from './shared.js';

interface IngestCommandOptions extends NetworkCommandOptions {
  readonly db?: string;
  readonly format: 'text' | 'json';
}

/** Runs `parallax ingest`: 0 when every input was stored (or already was), 1 when some failed and none was stored. */
async function runIngest(inputs: readonly string[], options: IngestCommandOptions): Promise<number> {
  let progress: ReturnType<typeof makeProgress> | null = null;
  const onProgress = (done: number, total: number): void => {
    progress ??= makeProgress('parallax: ingesting', total);
    progress.tick();
    if (done === total) progress.done();
  };
  const report = await withStore(options, (store) => ingestInputs(store, inputs, { ...readNetworkOptions(options), onProgress }));
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    process.stdout.write(
      `${report.added} new, ${report.duplicates} already stored, ${report.failed.length} failed; ${report.storiesCreated} stories created, ${report.storiesUpdated} updated${report.reanalyzed > 0 ? `; ${report.reanalyzed} stored articles analysed again for this version` : ''}\n`,
    );
    for (const { input, reason } of report.failed) process.stdout.write(`  failed: ${input}: ${reason}\n`);
  }
  return report.failed.length > 0 && report.added + report.duplicates === 0 ? 1 : 0;
}

/** Defines the `ingest` command. */
export function ingestCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('ingest')
    .description('Store articles in the archive (idempotent), group them into stories and bring those stories up to date')
    .argument('<inputs...>', 'article files, directories, http(s) URLs, RSS/Atom/JSON feeds, OPML lists, or - for standard input')
    .option('-f, --format <format>', 'text or json', 'text');
  databaseOption(command);
  networkOptions(command);
  return command
    .addHelpText('after', '\nExamples:\n  parallax ingest examples/merrow-dam\n  parallax ingest feeds.opml --db ~/news.db\n\nExit codes: 0 stored (or already stored), 1 nothing could be stored, 2 usage error.')
    .action(async (inputs: string[], options: IngestCommandOptions) => {
      setExitCode(await runIngest(inputs, options));
    });
}
