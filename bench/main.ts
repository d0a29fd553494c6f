import { runClusteringBench } from './clustering.js';
import { runConflictsBench } from './conflicts.js';
import { runEntitiesBench } from './entities.js';
import { runExtractionBench } from './extraction.js';
import { runFactsBench } from './facts.js';
import { runFlagsBench } from './flags.js';
import { runIngestBench } from './ingest.js';
import { runQuotesBench } from './quotes.js';
import { runRougeBench } from './rouge.js';
import { runServerBench } from './server.js';
import { runSummarizationBench } from './summarization.js';

const HELP = `Usage: npm run bench -- <name> [--data DIR] [--limit N] [--words N] [--sizes A,B] [--seconds N] [--concurrency N] [--json FILE] [--page ID]

Benchmarks on public data (read from ../shared/data by default):
  extraction   HTML article extraction on the 181 pages of the scrapinghub benchmark: shingle
               P/R/F1 (± bootstrap) of Parallax and Readability.js run here, next to the
               published outputs of other extractors; time per page; the pages lost most
  entities     named entities on CoNLL-2003 validation: entity-level P/R/F1 per type and
               overall next to a baseline run here and published systems; tokens per second;
               errors by category
  quotes       quotations on PolNeAR train+dev: quote-span exact and token-overlap F1, speaker
               accuracy, cue accuracy, per kind, next to a baseline run here; errors by category
  facts        same-fact sentence pairs across articles on our labelled stories and on ECB+
               event coreference: pair P/R/F1 next to baselines run here; time per story and
               how it grows with the number of sentences
  clustering   stories from a stream: ECB+ documents fed one by one, B-cubed P/R/F1 against the
               20 gold events beside the published clustering; candidates and ms per article on
               a 10,000-article Multi-News stream (--limit sets its size)
  ingest       the archive at scale: synthetic streams of Multi-News text (10,000 then 100,000
               articles; --sizes) ingested into new SQLite archives: articles per second, ms per
               article across each run, peak memory, archive size, stories' B-cubed
  conflicts    conflicting figures and dates: the known conflicts of our example, false conflicts
               in pooled unrelated Multi-News stories, next to a same-count-key baseline
  summarization  Multi-News: Parallax vs Lead-3 / LexRank / TextRank / Centroid / MMR at one word
               budget, ROUGE-1/2/SU4 F1 (stemmed) with 95% bootstrap intervals, citations
               verified, boilerplate sentences, ms per cluster and per 25-article story
  rouge        our ROUGE on Multi-News with First-3: R-1/R-2/R-SU4/R-L F1 with 95% intervals, next
               to the published First-3 scores; scoring time per cluster
  server       parallax serve on 127.0.0.1 over the bundled example: a closed loop of clients
               (--concurrency, default 16) for --seconds (default 10) against GET /api/stories/{id},
               then GET /api/stories: requests per second, p50 / p99 latency, errors, answer size
  flags        article flags on native news (Multi-News, extraction benchmark texts): false
               derivative / compilation / machine-translated rates next to one-mark baselines;
               recall on compilations built from Multi-News documents

Options:
  --data DIR    the evaluation data folder (default ../shared/data)
  --limit N     at most N items (default: all)
  --words N     summary length budget in words (summarization; default 220)
  --sizes A,B   stream lengths, each into a new archive (ingest; default 10000,100000)
  --json FILE   write per-page scores as JSON (extraction)
  --seconds N   length of each endpoint's load run (server; default 10)
  --concurrency N  requests in flight at once (server; default 16)
  --page ID     show Parallax's text against the reference on one page, by id or id prefix
                (extraction)
`;

function readOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined) throw new Error(`${name} needs a value`);
  return value;
}

async function main(args: string[]): Promise<number> {
  const [name] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  const dataDirectory = readOption(args, '--data') ?? '../shared/data';
  const limit = Number(readOption(args, '--limit') ?? Number.POSITIVE_INFINITY);
  const wordsOption = readOption(args, '--words');
  const words = Number(wordsOption ?? 1);
  if (!(limit > 0) || !(words > 0)) {
    process.stderr.write('bench: --limit and --words take positive numbers\n');
    return 2;
  }
  switch (name) {
    case 'extraction': {
      const json = readOption(args, '--json');
      const page = readOption(args, '--page');
      return runExtractionBench({ dataDirectory, limit, ...(json === undefined ? {} : { json }), ...(page === undefined ? {} : { page }) });
    }
    case 'entities':
      return runEntitiesBench({ dataDirectory, limit });
    case 'quotes':
      return runQuotesBench({ dataDirectory, limit });
    case 'facts':
      runFactsBench({ dataDirectory, limit });
      return 0;
    case 'clustering':
      return runClusteringBench({ dataDirectory, limit });
    case 'conflicts':
      return runConflictsBench({ dataDirectory, limit });
    case 'summarization':
      return runSummarizationBench({ dataDirectory, limit, ...(wordsOption === undefined ? {} : { words }) });
    case 'rouge':
      return runRougeBench({ dataDirectory, limit });
    case 'flags':
      return runFlagsBench({ dataDirectory, limit });
    case 'ingest': {
      const sizes = (readOption(args, '--sizes') ?? '10000,100000').split(',').map(Number);
      if (!sizes.every((size) => Number.isInteger(size) && size > 0)) {
        process.stderr.write('bench: --sizes takes positive whole numbers separated by commas\n');
        return 2;
      }
      return runIngestBench({ dataDirectory, sizes });
    }
    case 'server': {
      const seconds = Number(readOption(args, '--seconds') ?? 10);
      const concurrency = Number(readOption(args, '--concurrency') ?? 16);
      if (!(seconds > 0) || !Number.isInteger(concurrency) || concurrency <= 0) {
        process.stderr.write('bench: --seconds takes a positive number and --concurrency a positive whole number\n');
        return 2;
      }
      return runServerBench({ seconds, concurrency });
    }
    default:
      process.stderr.write(`bench: no benchmark named ${name}\n${HELP}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
