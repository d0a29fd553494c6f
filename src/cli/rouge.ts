import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ParallaxError } from '../core/errors.js';
import { averageScores, formatLikeRouge, measureName, scoreSummary, type CorpusScores, type DocumentScores, type RougeOptions, type RougeScores } from '../evaluate/rouge/index.js';
import { parsePositiveInteger, writeOutput } from './shared.js';

/** The formats `parallax rouge` can print. */
export const ROUGE_FORMATS = ['text', 'json'] as const;
type RougeFormat = (typeof ROUGE_FORMATS)[number];

interface RougeCommandOptions {
  readonly candidate?: string;
  readonly reference?: readonly string[];
  readonly candidates?: string;
  readonly references?: string;
  readonly maxN: number;
  readonly stem?: boolean;
  readonly stopwords?: boolean;
  readonly skipDistance: number;
  readonly skipUnigrams: boolean;
  readonly wordLimit?: number;
  readonly byteLimit?: number;
  readonly lcs: boolean;
  readonly scoring: 'A' | 'B';
  readonly alpha: number;
  readonly jackknife?: boolean;
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
  readonly systemId: string;
  readonly format: RougeFormat;
  readonly out?: string;
}

function parseWholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new InvalidArgumentError('expected a whole number');
  return number;
}

function parseFraction(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !(number >= 0 && number <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1');
  return number;
}

function parsePercent(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !(number >= 0 && number <= 100)) throw new InvalidArgumentError('expected a number from 0 to 100');
  return number;
}

function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The library options the command-line flags stand for. */
function scoringOptions(options: RougeCommandOptions): RougeOptions {
  return {
    maxN: options.maxN,
    stem: options.stem === true,
    removeStopwords: options.stopwords === true,
    skipDistance: options.skipDistance,
    skipUnigrams: options.skipUnigrams,
    lcs: options.lcs,
    scoring: options.scoring === 'B' ? 'best' : 'average',
    jackknife: options.jackknife === true,
    alpha: options.alpha,
    ...(options.wordLimit === undefined ? {} : { wordLimit: options.wordLimit }),
    ...(options.byteLimit === undefined ? {} : { byteLimit: options.byteLimit }),
  };
}

/** The ROUGE-1.5.5 flags that give the same scores, to say what was computed. */
function equivalentFlags(options: RougeCommandOptions): string {
  return [
    `-n ${options.maxN}`,
    options.stem === true ? '-m' : '',
    options.stopwords === true ? '-s' : '',
    `-2 ${options.skipDistance}`,
    options.skipUnigrams ? '-u' : '',
    options.wordLimit === undefined ? '' : `-l ${options.wordLimit}`,
    options.byteLimit === undefined ? '' : `-b ${options.byteLimit}`,
    options.lcs ? '' : '-x',
    `-f ${options.scoring}`,
    `-p ${options.alpha}`,
  ]
    .filter((flag) => flag !== '')
    .join(' ');
}

/** Reads a summary file; unreadable files are operational errors (exit 1). */
async function readSummary(path: string): Promise<string> {
  try {
    return (await readFile(path)).toString('utf8');
  } catch (error) {
    throw new ParallaxError('io', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
}

/** Reads a summary that must have some text, as single-pair scoring expects. */
async function readNonEmptySummary(path: string): Promise<string> {
  const text = await readSummary(path);
  if (text.trim() === '') throw new ParallaxError('io', `${path} is empty`);
  return text;
}

/** Scores, turning a refusal to score texts too long for ROUGE-L or ROUGE-S* into a message (exit 1). */
function scoreOrExplain(candidate: string, references: readonly string[], options: RougeOptions, label: string): RougeScores {
  try {
    return scoreSummary(candidate, references, options);
  } catch (error) {
    if (error instanceof RangeError) throw new ParallaxError('io', `${label}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** A plain table of one evaluation's scores. */
function renderPairText(scores: RougeScores, options: RougeCommandOptions, candidate: string, references: readonly string[]): string {
  const header = `${'measure'.padEnd(12)}${'recall'.padStart(9)}${'precision'.padStart(11)}${`F (α=${options.alpha})`.padStart(12)}`;
  const rows = Object.entries(scores).map(([key, score]) =>
    score === undefined ? '' : `${measureName(key).padEnd(12)}${formatLikeRouge(score.recall).padStart(9)}${formatLikeRouge(score.precision).padStart(11)}${formatLikeRouge(score.f1).padStart(12)}`,
  );
  const referenceLabel = references.length === 1 ? (references[0] ?? '') : `${references.length} references`;
  return [`ROUGE of ${candidate} against ${referenceLabel} (as ROUGE-1.5.5 ${equivalentFlags(options)}${options.jackknife === true ? ', jackknifed' : ''})`, '', header, ...rows, ''].join('\n');
}

/** Corpus averages in ROUGE-1.5.5's own output format. */
function renderCorpusText(average: CorpusScores, options: RougeCommandOptions): string {
  const lines: string[] = [];
  for (const [key, estimates] of Object.entries(average)) {
    lines.push('---------------------------------------------');
    for (const [tag, estimate] of [['R', estimates.recall], ['P', estimates.precision], ['F', estimates.f1]] as const) {
      lines.push(
        `${options.systemId} ${measureName(key)} Average_${tag}: ${formatLikeRouge(estimate.average)} (${options.confidence}%-conf.int. ${formatLikeRouge(estimate.lower)} - ${formatLikeRouge(estimate.upper)})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The part of a file name before its first dot, which pairs candidates with references ("d061.A.txt" → "d061"). */
function nameStem(name: string): string {
  const dot = name.indexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

/** The visible files of a directory; an unreadable directory is an operational error. */
async function listFiles(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new ParallaxError('io', `cannot read directory ${directory}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
}

/** Scores one candidate file against its reference files. */
async function runPair(candidatePath: string, referencePaths: readonly string[], options: RougeCommandOptions): Promise<number> {
  const candidate = await readNonEmptySummary(candidatePath);
  const references = await Promise.all(referencePaths.map(readNonEmptySummary));
  const scores = scoreOrExplain(candidate, references, scoringOptions(options), candidatePath);
  const rendered =
    options.format === 'json'
      ? `${JSON.stringify({ candidate: candidatePath, references: referencePaths, rouge155Flags: equivalentFlags(options), jackknife: options.jackknife === true, scores }, null, 2)}\n`
      : renderPairText(scores, options, candidatePath, referencePaths);
  await writeOutput(rendered, options.out);
  return 0;
}

/**
 * Scores every candidate in a directory against the references sharing its name stem, and
 * prints the corpus averages with ROUGE's bootstrap confidence intervals.
 */
async function runCorpus(candidateDirectory: string, referenceDirectory: string, options: RougeCommandOptions): Promise<number> {
  const candidateNames = await listFiles(candidateDirectory);
  const referenceNames = await listFiles(referenceDirectory);
  const referencesByStem = new Map<string, string[]>();
  for (const name of referenceNames) referencesByStem.set(nameStem(name), [...(referencesByStem.get(nameStem(name)) ?? []), name]);
  const candidatesByStem = new Map<string, string>();
  for (const name of candidateNames) {
    const stem = nameStem(name);
    const previous = candidatesByStem.get(stem);
    if (previous !== undefined) throw new ParallaxError('usage', `${previous} and ${name} in ${candidateDirectory} share the name ${stem}: one candidate per name`);
    candidatesByStem.set(stem, name);
  }
  for (const stem of referencesByStem.keys()) {
    if (!candidatesByStem.has(stem)) process.stderr.write(`parallax: warning: no candidate named ${stem} for its references in ${referenceDirectory}\n`);
  }

  const settings = scoringOptions(options);
  const documents: (DocumentScores & { readonly candidate: string; readonly references: readonly string[] })[] = [];
  for (const [stem, name] of candidatesByStem) {
    const referenceFiles = referencesByStem.get(stem);
    if (referenceFiles === undefined) {
      process.stderr.write(`parallax: warning: ${name}: no reference named ${stem}.* in ${referenceDirectory}; skipped\n`);
      continue;
    }
    const candidatePath = join(candidateDirectory, name);
    const referencePaths = referenceFiles.map((file) => join(referenceDirectory, file));
    const candidate = await readSummary(candidatePath);
    const references = await Promise.all(referencePaths.map(readSummary));
    for (const [path, text] of [[candidatePath, candidate], ...referencePaths.map((path, index) => [path, references[index] ?? ''])] as const) {
      if (text.trim() === '') process.stderr.write(`parallax: warning: ${path} is empty; it scores 0, as in ROUGE-1.5.5\n`);
    }
    documents.push({ id: stem, candidate: candidatePath, references: referencePaths, scores: scoreOrExplain(candidate, references, settings, candidatePath) });
  }
  if (documents.length === 0) {
    process.stderr.write(`parallax: no candidate in ${candidateDirectory} has references in ${referenceDirectory}\n`);
    return 1;
  }
  const average = averageScores(documents, { confidence: options.confidence, resamples: options.resamples, seed: options.seed, peerId: options.systemId });
  const rendered =
    options.format === 'json'
      ? `${JSON.stringify({ rouge155Flags: equivalentFlags(options), jackknife: options.jackknife === true, confidence: options.confidence, resamples: options.resamples, average, documents }, null, 2)}\n`
      : renderCorpusText(average, options);
  await writeOutput(rendered, options.out);
  process.stderr.write(`parallax: scored ${documents.length} candidate${documents.length === 1 ? '' : 's'} (${basename(candidateDirectory)})\n`);
  return 0;
}

/** Checks that the options name exactly one of the two forms, and runs it. */
async function runRouge(options: RougeCommandOptions): Promise<number> {
  const single = options.candidate !== undefined || options.reference !== undefined;
  const corpus = options.candidates !== undefined || options.references !== undefined;
  if (options.wordLimit !== undefined && options.byteLimit !== undefined) throw new ParallaxError('usage', 'give -l (words) or -b (bytes), not both');
  if (single && corpus) throw new ParallaxError('usage', 'give --candidate with --reference, or --candidates with --references, not both');
  if (options.candidate !== undefined && options.reference !== undefined) return runPair(options.candidate, options.reference, options);
  if (options.candidates !== undefined && options.references !== undefined) return runCorpus(options.candidates, options.references, options);
  if (single) throw new ParallaxError('usage', '--candidate needs at least one --reference, and --reference a --candidate');
  if (corpus) throw new ParallaxError('usage', '--candidates needs --references, and --references --candidates');
  throw new ParallaxError('usage', 'give --candidate FILE --reference FILE…, or --candidates DIR --references DIR');
}

/** Defines the `rouge` command; `setExitCode` receives the run's exit code. */
export function rougeCommand(setExitCode: (code: number) => void): Command {
  return new Command('rouge')
    .description('Score summaries with ROUGE, reproducing ROUGE-1.5.5: ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 recall, precision and F')
    .option('--candidate <file>', 'the summary to score, one sentence per line')
    .option('--reference <file>', 'a reference summary (repeat for several)', collect)
    .option('--candidates <dir>', 'a directory of summaries to score, averaged over the corpus')
    .option('--references <dir>', 'reference summaries, paired with candidates by the name before the first dot (d1.txt ↔ d1.A.txt, d1.B.txt)')
    .option('-n, --max-n <n>', 'ROUGE-N up to this N', parsePositiveInteger, 2)
    .option('-m, --stem', 'Porter-stem words longer than three letters')
    .option('-s, --stopwords', "remove ROUGE's stopwords (the SMART list)")
    .option('-2, --skip-distance <n>', 'skip-bigram maximum gap; negative for none', parseWholeNumber, 4)
    .option('-u, --skip-unigrams', 'count unigrams with skip-bigrams (ROUGE-SU; on by default)', true)
    .option('--no-skip-unigrams', 'plain skip-bigrams (ROUGE-S)')
    .option('-l, --word-limit <n>', 'score only the first n words of each summary', parsePositiveInteger)
    .option('-b, --byte-limit <n>', 'score only the first n bytes of each summary', parsePositiveInteger)
    .option('-x, --no-lcs', 'do not compute ROUGE-L')
    .addOption(new Option('-f, --scoring <formula>', 'with several references: A pools them, B keeps the best').choices(['A', 'B']).default('A'))
    .option('-p, --alpha <alpha>', 'weight of recall in F = PR/((1-α)P + αR)', parseFraction, 0.5)
    .option('--jackknife', 'average the best score over the sets leaving out one reference each (off in ROUGE-1.5.5)')
    .option('-c, --confidence <percent>', 'confidence interval of corpus averages', parsePercent, 95)
    .option('-r, --resamples <n>', 'bootstrap resamples for the interval', parsePositiveInteger, 1000)
    .option('--seed <n>', 'seed of the first resample (ROUGE uses 0)', parseWholeNumber, 0)
    .option('--system-id <id>', "the system's id in the corpus report; it also orders the resampling, as in ROUGE", '1')
    .addOption(new Option('--format <format>', 'output format').choices(ROUGE_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      `
Summaries are read as ROUGE-1.5.5 reads them: one sentence per line (ROUGE-L compares
sentences), words are ASCII letters and digits, lower-cased.

Examples:
  parallax rouge --candidate system.txt --reference human1.txt --reference human2.txt
  parallax rouge --candidate system.txt --reference human.txt -m -l 100 --format json
  parallax rouge --candidates system/ --references models/ -m -n 2 -2 4 -u

Exit codes: 0 scored, 1 an input could not be read or is empty, 2 usage error.`,
    )
    .action(async (options: RougeCommandOptions) => {
      setExitCode(await runRouge(options));
    });
}
