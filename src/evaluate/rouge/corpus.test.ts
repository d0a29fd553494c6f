import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { averageScores, perlRandom, type DocumentScores } from './corpus.js';

function document(id: string, recall: number, precision: number, f1: number): DocumentScores {
  const score = { recall, precision, f1 };
  return { id, scores: { rouge1: score } };
}

const CORPUS = [document('d1', 0.2, 0.4, 0.26667), document('d2', 0.5, 0.5, 0.5), document('d3', 0.9, 0.3, 0.45), document('d10', 0.1, 0.7, 0.175)];

describe('averageScores', () => {
  test("reproduces ROUGE-1.5.5's averages and 95% intervals (numbers from its own resampling in Perl)", () => {
    const { rouge1 } = averageScores(CORPUS);
    assert.deepEqual(rouge1?.recall, { average: 0.42565, mean: 0.425, lower: 0.15, upper: 0.725 });
    assert.deepEqual(rouge1?.precision, { average: 0.47505, mean: 0.475, lower: 0.35, upper: 0.625 });
    assert.deepEqual(rouge1?.f1, { average: 0.34777, mean: 0.34792, lower: 0.22084, upper: 0.475 });
  });

  test('documents are resampled in the order of their ids, not the order given', () => {
    assert.deepEqual(averageScores([...CORPUS].reverse()), averageScores(CORPUS));
  });

  test('a different seed gives other resamples; the same seed the same ones', () => {
    assert.deepEqual(averageScores(CORPUS, { seed: 5 }), averageScores(CORPUS, { seed: 5 }));
    assert.notDeepEqual(averageScores(CORPUS, { seed: 5 }).rouge1?.recall, averageScores(CORPUS).rouge1?.recall);
  });

  test('one document: the interval is the score itself; no documents: no measures', () => {
    const { rouge1 } = averageScores([document('only', 0.3, 0.6, 0.4)]);
    assert.deepEqual(rouge1?.recall, { average: 0.3, mean: 0.3, lower: 0.3, upper: 0.3 });
    assert.deepEqual(averageScores([]), {});
  });

  test('a 100% interval spans the extreme resample means without reading past the end', () => {
    const { rouge1 } = averageScores(CORPUS, { confidence: 100, resamples: 200 });
    assert.ok(rouge1 !== undefined && rouge1.recall.lower <= rouge1.recall.average && rouge1.recall.average <= rouge1.recall.upper);
    assert.ok(Number.isFinite(rouge1?.recall.upper));
  });

  test("Perl's rand after srand", () => {
    // perl -e 'srand(0); printf "%.17g %.17g\n", rand(), rand()'
    const random = perlRandom(0);
    assert.equal(random(), 0.17082803610628972);
    assert.equal(random(), 0.7499019804849638);
    assert.equal(perlRandom(1)(), 0.041630344771878214);
  });

  test('documents scored with different measures are a programming error', () => {
    const zero = { recall: 0, precision: 0, f1: 0 };
    assert.throws(() => averageScores([{ id: 'a', scores: { rouge1: zero, rouge2: zero } }, { id: 'b', scores: { rouge1: zero } }]), TypeError);
  });
});
