import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatLikeRouge, skipBigramCounts } from './measures.js';
import { MAX_LCS_COMPARISONS, MAX_SKIP_BIGRAMS, measureName, scoreSummary } from './score.js';

const CANDIDATE = 'Mara Voss opened the new bridge in Kellby';
const REFERENCE = 'The new bridge in Kellby was opened by Mara Voss';

describe('scoreSummary (hand-worked examples)', () => {
  test('ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4 of one sentence against one', () => {
    const scores = scoreSummary(CANDIDATE, [REFERENCE]);
    assert.deepEqual(Object.keys(scores), ['rouge1', 'rouge2', 'rougeL', 'rougeSU4']);
    // 8 candidate words, 10 reference words, all 8 candidate words in the reference.
    assert.deepEqual(scores.rouge1, { recall: 0.8, precision: 1, f1: 0.88889 });
    // 5 shared bigrams (mara voss, the new, new bridge, bridge in, in kellby) of 9 and 7.
    assert.deepEqual(scores.rouge2, { recall: 0.55556, precision: 0.71429, f1: 0.625 });
    // Longest common subsequence "the new bridge in kellby": 5 of 10 and of 8.
    assert.deepEqual(scores.rougeL, { recall: 0.5, precision: 0.625, f1: 0.55556 });
    assert.ok(scores.rougeSU4 !== undefined);
  });

  test('skip-bigrams with unigrams leave out the last word, as ROUGE-1.5.5 does', () => {
    // "tarn vale fell": tarn, (tarn vale), (tarn fell), vale, (vale fell) — no "fell".
    assert.equal(skipBigramCounts(['tarn', 'vale', 'fell'], 4, true).total, 5);
    const scores = scoreSummary('Tarn vale fell', ['Tarn fell vale']);
    // Shared: tarn, tarn vale, tarn fell; 3 of 5 on each side.
    assert.deepEqual(scores.rougeSU4, { recall: 0.6, precision: 0.6, f1: 0.6 });
    assert.deepEqual(scoreSummary('Tarn', ['Tarn']).rougeSU4, { recall: 0, precision: 0, f1: 0 }, 'one word has no unit');
    assert.deepEqual(Object.keys(scoreSummary('a b', ['a b'], { skipDistance: -1, skipUnigrams: false })), ['rouge1', 'rouge2', 'rougeL', 'rougeS*']);
  });

  test('the gap limit of skip-bigrams', () => {
    assert.equal(skipBigramCounts(['a', 'b', 'c', 'd'], 0, false).total, 3, 'gap 0: plain bigrams');
    assert.equal(skipBigramCounts(['a', 'b', 'c', 'd'], 1, false).total, 5);
    assert.equal(skipBigramCounts(['a', 'b', 'c', 'd'], -1, false).total, 6, 'no limit: every ordered pair');
  });

  test('ROUGE-L is the union of LCS hits over candidate sentences (Lin 2004, section 3.2)', () => {
    const reference = 'alder birch cedar dogwood elm';
    const candidate = 'alder birch fir gum hazel\nalder cedar hazel ivy elm';
    // LCS with the first sentence: alder birch; with the second: alder cedar elm; union of 4.
    assert.deepEqual(scoreSummary(candidate, [reference]).rougeL, { recall: 0.8, precision: 0.4, f1: 0.53333 });
  });

  test('ROUGE-L hits are clipped by word counts, so it never exceeds ROUGE-1', () => {
    const scores = scoreSummary('alder birch', ['alder birch\nalder birch']);
    assert.deepEqual(scores.rougeL, { recall: 0.5, precision: 1, f1: 0.66667 });
    assert.deepEqual(scores.rougeL, scores.rouge1);
  });

  test('-m stems words longer than three characters', () => {
    const candidate = 'The ponies were grazing';
    const reference = 'A pony grazes';
    assert.deepEqual(scoreSummary(candidate, [reference]).rouge1, { recall: 0, precision: 0, f1: 0 });
    // poni and graze match: 2 of 3 reference words, 2 of 4 candidate words.
    assert.deepEqual(scoreSummary(candidate, [reference], { stem: true }).rouge1, { recall: 0.66667, precision: 0.5, f1: 0.57143 });
  });

  test('-s removes stopwords and n-grams bridge the gaps', () => {
    const candidate = 'the bridge of Kellby';
    const reference = 'a bridge near Kellby';
    assert.deepEqual(scoreSummary(candidate, [reference]).rouge1, { recall: 0.5, precision: 0.5, f1: 0.5 });
    const scores = scoreSummary(candidate, [reference], { removeStopwords: true });
    assert.deepEqual(scores.rouge1, { recall: 1, precision: 1, f1: 1 });
    assert.deepEqual(scores.rouge2, { recall: 1, precision: 1, f1: 1 }, '"bridge kellby" on both sides');
  });

  test('-l and -b cut candidate and references alike before tokenisation', () => {
    assert.deepEqual(scoreSummary('one two three four five', ['three four five six'], { wordLimit: 3 }).rouge1, { recall: 0.33333, precision: 0.33333, f1: 0.33333 });
    assert.deepEqual(scoreSummary('Oskar Brann won', ['Oskar Brann lost'], { byteLimit: 8 }).rouge1, { recall: 1, precision: 1, f1: 1 }, '"oskar br" on both sides');
  });

  test('several references: pooled counts (-f A), the best one (-f B), jackknifing', () => {
    const references = ['red boat', 'red car', 'blue car'];
    // Pooled: 2 + 1 + 0 hits of 6 reference words; precision divides by 2 words × 3 references.
    assert.deepEqual(scoreSummary('red boat', references).rouge1, { recall: 0.5, precision: 0.5, f1: 0.5 });
    assert.deepEqual(scoreSummary('red boat', references, { scoring: 'best' }).rouge1, { recall: 1, precision: 1, f1: 1 });
    // Leaving out each reference in turn, the best of the other two: 0.5, 1, 1.
    assert.deepEqual(scoreSummary('red boat', references, { jackknife: true }).rouge1, { recall: 0.83333, precision: 0.83333, f1: 0.83333 });
    assert.deepEqual(scoreSummary('red boat', ['red car'], { jackknife: true }).rouge1, { recall: 0.5, precision: 0.5, f1: 0.5 }, 'one reference: nothing to leave out');
  });

  test('alpha weighs recall: F = PR / ((1 - α)P + αR)', () => {
    const score = (alpha: number): number => scoreSummary('red boat sails', ['red boat'], { alpha }).rouge1.f1;
    assert.equal(score(0.5), 0.8);
    assert.equal(score(1), 0.66667, 'α = 1: precision');
    assert.equal(score(0), 1, 'α = 0: recall');
    assert.equal(score(0.3), 0.86957);
  });

  test('empty or wordless texts score zero', () => {
    const zero = { recall: 0, precision: 0, f1: 0 };
    for (const [candidate, reference] of [['', REFERENCE], [CANDIDATE, ''], ['— … —', '\n\n'], ['', '']]) {
      const scores = scoreSummary(candidate ?? '', [reference ?? '']);
      for (const score of Object.values(scores)) assert.deepEqual(score, zero);
    }
  });


  test('bad options and limits', () => {
    assert.throws(() => scoreSummary('a', []), TypeError);
    assert.throws(() => scoreSummary('a', ['a'], { maxN: 0 }), TypeError);
    assert.throws(() => scoreSummary('a', ['a'], { wordLimit: 5, byteLimit: 5 }), TypeError);
    assert.throws(() => scoreSummary('a', ['a'], { alpha: 1.5 }), TypeError);
    const long = 'word '.repeat(10_001);
    assert.throws(() => scoreSummary(long, [long]), RangeError, `over ${MAX_LCS_COMPARISONS} comparisons`);
    assert.ok(scoreSummary(long, [long], { lcs: false }).rouge1.recall === 1);
    const wide = 'word '.repeat(5000);
    assert.throws(() => scoreSummary(wide, ['word'], { skipDistance: -1, lcs: false }), RangeError, `over ${MAX_SKIP_BIGRAMS} skip-bigrams`);
  });

  test('a long text without punctuation scores in linear time when ROUGE-L is off', () => {
    const words = Array.from({ length: 100_000 }, (_, index) => `w${index % 5000}`).join(' ');
    const started = performance.now();
    const scores = scoreSummary(words, ['w1 w2 w3 w4'], { stem: true, removeStopwords: true, lcs: false });
    assert.equal(scores.rouge1.recall, 1);
    assert.ok(performance.now() - started < 5000);
  });
});

describe("ROUGE's rounding", () => {
  test('five decimals, a tie going to the even digit as C printf does', () => {
    assert.equal(formatLikeRouge(1 / 64), '0.01562');
    assert.equal(formatLikeRouge(3 / 64), '0.04688');
    assert.equal(formatLikeRouge(2 / 3), '0.66667');
    assert.equal(formatLikeRouge(1), '1.00000');
  });

  test('measure names', () => {
    assert.equal(measureName('rouge1'), 'ROUGE-1');
    assert.equal(measureName('rougeSU4'), 'ROUGE-SU4');
  });
});
