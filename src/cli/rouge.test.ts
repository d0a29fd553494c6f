import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Command, CommanderError } from 'commander';
import { ParallaxError } from '../core/errors.js';
import { rougeCommand } from './rouge.js';

/**
 * Runs `parallax rouge …` in process, mapping errors to exit codes as src/cli/main.ts does.
 * The report goes to a file (`--out`), since the test runner itself reports on stdout.
 */
async function rouge(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let code = 0;
  let help = '';
  let stderr = '';
  const out = join(await mkdtemp(join(tmpdir(), 'parallax-rouge-out-')), 'report');
  const output = { writeOut: (text: string) => (help += text), writeErr: (text: string) => (stderr += text) };
  const program = new Command('parallax').exitOverride().configureOutput(output);
  program.addCommand(rougeCommand((exitCode) => (code = exitCode)).exitOverride().configureOutput(output));
  const realStderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof process.stderr.write;
  try {
    await program.parseAsync(['node', 'parallax', 'rouge', ...args, '--out', out]);
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof ParallaxError) {
      stderr += `parallax: ${error.message}\n`;
      code = error.code === 'usage' ? 2 : 1;
    } else throw error;
  } finally {
    process.stderr.write = realStderr;
  }
  const report = await readFile(out, 'utf8').catch(() => '');
  await rm(dirname(out), { recursive: true, force: true });
  return { code, stdout: help + report, stderr };
}

describe('parallax rouge (command line)', () => {
  let directory = '';
  const path = (name: string): string => join(directory, name);
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-rouge-'));
    await writeFile(path('candidate.txt'), 'Mara Voss opened the new bridge in Kellby\n');
    await writeFile(path('reference.txt'), 'The new bridge in Kellby was opened by Mara Voss\n');
    await writeFile(path('other.txt'), 'Kellby has a bridge\n');
    await writeFile(path('empty.txt'), '  \n');
    await mkdir(path('system'));
    await mkdir(path('models'));
    await writeFile(path('system/d1.txt'), 'Mara Voss opened the new bridge in Kellby\n');
    await writeFile(path('system/d2.txt'), 'Floods closed the Orrin valley road\nCrews cleared it by Tuesday\n');
    await writeFile(path('system/d3.txt'), 'A summary without references\n');
    await writeFile(path('models/d1.A.txt'), 'The new bridge in Kellby was opened by Mara Voss\n');
    await writeFile(path('models/d1.B.txt'), 'Kellby has a bridge\n');
    await writeFile(path('models/d2.A.txt'), 'The Orrin valley road was closed by floods until Tuesday\n');
    await writeFile(path('models/d9.A.txt'), 'A reference without a candidate\n');
  });
  after(async () => rm(directory, { recursive: true, force: true }));

  test('scores one candidate against one reference', async () => {
    const { code, stdout } = await rouge(['--candidate', path('candidate.txt'), '--reference', path('reference.txt')]);
    assert.equal(code, 0);
    assert.match(stdout, /as ROUGE-1\.5\.5 -n 2 -2 4 -u -f A -p 0\.5/);
    assert.match(stdout, /ROUGE-1 +0\.80000 +1\.00000 +0\.88889/);
    assert.match(stdout, /ROUGE-2 +0\.55556 +0\.71429 +0\.62500/);
    assert.match(stdout, /ROUGE-L +0\.50000 +0\.62500 +0\.55556/);
    assert.match(stdout, /ROUGE-SU4 /);
  });

  test('several references, ROUGE-style flags, JSON', async () => {
    const args = ['--candidate', path('candidate.txt'), '--reference', path('reference.txt'), '--reference', path('other.txt'), '-f', 'B', '-m', '-n', '3', '-x', '--format', 'json'];
    const { code, stdout } = await rouge(args);
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as { rouge155Flags: string; scores: Record<string, { recall: number }> };
    assert.equal(result.rouge155Flags, '-n 3 -m -2 4 -u -x -f B -p 0.5');
    assert.deepEqual(Object.keys(result.scores), ['rouge1', 'rouge2', 'rouge3', 'rougeSU4']);
    assert.equal(result.scores['rouge1']?.recall, 0.8);
  });

  test('directories: pairs by name, averages with confidence intervals in ROUGE-1.5.5 format', async () => {
    const { code, stdout, stderr } = await rouge(['--candidates', path('system'), '--references', path('models'), '-m']);
    assert.equal(code, 0);
    assert.match(stdout, /^---------------------------------------------\n1 ROUGE-1 Average_R: 0\.\d{5} \(95%-conf\.int\. 0\.\d{5} - 0\.\d{5}\)\n1 ROUGE-1 Average_P: /);
    for (const name of ['ROUGE-2', 'ROUGE-L', 'ROUGE-SU4']) assert.match(stdout, new RegExp(`1 ${name} Average_F: `));
    assert.match(stderr, /d3\.txt: no reference named d3/);
    assert.match(stderr, /no candidate named d9/);
    assert.match(stderr, /scored 2 candidates/);
    const json = JSON.parse((await rouge(['--candidates', path('system'), '--references', path('models'), '--format', 'json'])).stdout) as {
      documents: { id: string; references: string[] }[];
    };
    assert.deepEqual(json.documents.map((document) => [document.id, document.references.length]), [['d1', 2], ['d2', 1]]);
  });

  test('unreadable or empty inputs exit 1', async () => {
    const missing = await rouge(['--candidate', path('missing.txt'), '--reference', path('reference.txt')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read .*missing\.txt: ENOENT/);
    const empty = await rouge(['--candidate', path('candidate.txt'), '--reference', path('empty.txt')]);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /empty\.txt is empty/);
    assert.equal((await rouge(['--candidates', path('nowhere'), '--references', path('models')])).code, 1);
  });

  test('usage errors exit 2', async () => {
    assert.equal((await rouge([])).code, 2);
    assert.equal((await rouge(['--candidate', path('candidate.txt')])).code, 2);
    assert.equal((await rouge(['--candidate', path('candidate.txt'), '--reference', path('reference.txt'), '--candidates', path('system')])).code, 2);
    assert.equal((await rouge(['--candidate', path('candidate.txt'), '--reference', path('reference.txt'), '-l', '10', '-b', '10'])).code, 2);
    assert.equal((await rouge(['--candidate', path('candidate.txt'), '--reference', path('reference.txt'), '-p', '2'])).code, 2);
    assert.equal((await rouge(['--candidate', path('candidate.txt'), '--reference', path('reference.txt'), '-f', 'C'])).code, 2);
  });

  test('--help', async () => {
    const { code, stdout } = await rouge(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--candidates <dir>/);
    assert.match(stdout, /-2, --skip-distance <n>/);
  });
});
