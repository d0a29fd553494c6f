import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bcubed, clustersToMap, parsePublishedClusters } from '../bench/clustering.js';

describe('bcubed', () => {
  it('matches a hand computation', () => {
    // Gold {a b c} {d e}; predicted {a b} {c d e}.
    // Precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 → 11/3 / 5 = 11/15.
    // Recall per item:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 → 11/3 / 5 = 11/15.
    const gold = clustersToMap([['a', 'b', 'c'], ['d', 'e']]);
    const predicted = clustersToMap([['a', 'b'], ['c', 'd', 'e']]);
    const scores = bcubed(predicted, gold);
    assert.ok(Math.abs(scores.precision - 11 / 15) < 1e-12);
    assert.ok(Math.abs(scores.recall - 11 / 15) < 1e-12);
    assert.ok(Math.abs(scores.f1 - 11 / 15) < 1e-12);
  });

  it('counts items the prediction leaves out as singletons and ignores items outside the gold', () => {
    const gold = clustersToMap([['a', 'b']]);
    const scores = bcubed(clustersToMap([['a', 'z']]), gold);
    assert.equal(scores.precision, 1);
    assert.equal(scores.recall, 0.5);
  });

  it('gives 1 for a perfect clustering and 0 for an empty gold', () => {
    const gold = clustersToMap([['a'], ['b', 'c']]);
    assert.deepEqual(bcubed(gold, gold), { precision: 1, recall: 1, f1: 1 });
    assert.deepEqual(bcubed(gold, new Map()), { precision: 0, recall: 0, f1: 0 });
  });
});

describe('parsePublishedClusters', () => {
  it('reads arrays of ids and rejects other shapes', () => {
    assert.deepEqual(parsePublishedClusters('[["x_1ecb", 3], ["y_2ecbplus"]]'), [['x_1ecb'], ['y_2ecbplus']]);
    assert.throws(() => parsePublishedClusters('{}'), TypeError);
  });
});
