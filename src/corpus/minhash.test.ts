import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateJaccard, fnv1a32, lshCandidatePairs, minhashSignature, shingleSet } from './minhash.js';

/** A stand-in shingle set: the hashes of shingles number `from` to `to − 1`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => fnv1a32(`shingle-${from + index}`));
}

describe('fnv1a32', () => {
  // Test vectors from the FNV reference (Fowler, Noll & Vo).
  for (const [input, expected] of [
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ] as const) {
    it(`hashes ${JSON.stringify(input)}`, () => assert.equal(fnv1a32(input), expected));
  }
});

describe('shingleSet', () => {
  const words = 'the bridge fell into the river on tuesday'.split(' ');
  for (const [name, input, size, expected] of [
    ['one shingle per window', words, 5, 4],
    ['a text shorter than a shingle is one shingle', words.slice(0, 3), 5, 1],
    ['no words, no shingles', [], 5, 0],
    ['size 1 gives the distinct words', words, 1, 7],
  ] as const) {
    it(name, () => assert.equal(shingleSet(input, size).size, expected));
  }
});

describe('minhashSignature and estimateJaccard', () => {
  it('is deterministic and has one value per permutation', () => {
    const signature = minhashSignature(range(0, 50), 64);
    assert.equal(signature.length, 64);
    assert.deepEqual(signature, minhashSignature(range(0, 50), 64));
  });

  for (const [name, first, second, expected, tolerance] of [
    ['identical sets', range(0, 300), range(0, 300), 1, 0],
    ['disjoint sets', range(0, 300), range(300, 600), 0, 0.05],
    ['half overlap (J = 0.5)', range(0, 300), range(100, 400), 0.5, 0.13],
    ['J = 0.2', range(0, 300), range(200, 500), 0.2, 0.13],
    ['an empty set resembles nothing', [], [], 0, 0],
  ] as const) {
    it(`estimates ${name}`, () => {
      const estimate = estimateJaccard(minhashSignature(first), minhashSignature(second));
      assert.ok(Math.abs(estimate - expected) <= tolerance, `estimate ${estimate}, expected ${expected}`);
    });
  }

  it('rejects signatures of different lengths', () => {
    assert.throws(() => estimateJaccard(minhashSignature(range(0, 5), 8), minhashSignature(range(0, 5), 16)), RangeError);
  });
});

describe('lshCandidatePairs', () => {
  const signatures = [range(0, 300), range(300, 600), range(10, 310), range(0, 300), []].map((set) => minhashSignature(set));

  it('pairs near-duplicates and only them, sorted, smaller index first', () => {
    assert.deepEqual(lshCandidatePairs(signatures), [
      [0, 2],
      [0, 3],
      [2, 3],
    ]);
  });

  it('rejects more bands × rows than the signature holds', () => {
    assert.throws(() => lshCandidatePairs(signatures, 64, 4), RangeError);
  });
});
