import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregate, bootstrapF1, countShingles, percentile, scorePage, shingles, tokenize, type PageScore } from '../bench/shingle-score.js';

/**
 * The article-extraction metric on examples small enough to work by hand. (Lives under test/
 * because scripts/run-tests.mjs scans only src/ and test/.)
 */

describe('tokenize', () => {
  test('Unicode letters, digits and underscore; punctuation splits; case is kept', () => {
    assert.deepEqual(tokenize('Hello, wörld_1 — naïve CAFÉ 42%'), ['Hello', 'wörld_1', 'naïve', 'CAFÉ', '42']);
  });

  test('a combining mark splits a word, as in Python re', () => {
    assert.deepEqual(tokenize('cafe\u0301s'), ['cafe', 's']);
  });

  test('no words', () => {
    assert.deepEqual(tokenize(' … — '), []);
  });
});

describe('shingles', () => {
  test('word 4-grams, counted', () => {
    assert.deepEqual([...shingles('a b c d e')], [['a b c d', 1], ['b c d e', 1]]);
    assert.deepEqual(shingles('a b c d a b c d').get('a b c d'), 2);
  });

  test('a text of one to three words is one shingle; an empty text has none', () => {
    assert.deepEqual([...shingles('Two words.')], [['Two words', 1]]);
    assert.equal(shingles('').size, 0);
    assert.equal(shingles('!!').size, 0);
  });
});

describe('scorePage', () => {
  test('one of three shingles shared', () => {
    // prediction: the cat sat on | cat sat on the | sat on the mat
    // reference:  the cat sat on | cat sat on a   | sat on a mat
    const page = scorePage('the cat sat on the mat', 'the cat sat on a mat');
    assert.deepEqual([page.matched, page.predicted, page.reference], [1, 3, 3]);
    assert.equal(page.precision, 1 / 3);
    assert.equal(page.recall, 1 / 3);
    assert.equal(page.f1, 1 / 3);
  });

  test('matching is a multiset intersection', () => {
    // prediction: abcd, bcda, cdab, dabc, abcd; reference: abcd once.
    const counts = countShingles('a b c d a b c d', 'a b c d');
    assert.deepEqual(counts, { matched: 1, predicted: 5, reference: 1 });
  });

  test('case matters', () => {
    assert.equal(scorePage('The Cat sat down', 'the cat sat down').matched, 0);
  });

  test('punctuation and line breaks do not', () => {
    assert.equal(scorePage('One, two.\n\nthree — four!', 'One two three four').f1, 1);
  });

  test('empty prediction: no precision, recall 0', () => {
    const page = scorePage('', 'some reference text here');
    assert.equal(page.precision, null);
    assert.equal(page.recall, 0);
    assert.equal(page.f1, 0);
  });

  test('empty reference: precision 0, no recall', () => {
    const page = scorePage('navigation text only here', '');
    assert.equal(page.precision, 0);
    assert.equal(page.recall, null);
    assert.equal(page.f1, 0);
  });

  test('both empty: neither mean counts the page; its own F1 is 1', () => {
    const page = scorePage('', '');
    assert.deepEqual([page.precision, page.recall, page.f1], [null, null, 1]);
  });
});

function page(precision: number | null, recall: number | null): PageScore {
  return { matched: 0, predicted: 0, reference: 0, precision, recall, f1: 0 };
}

describe('aggregate', () => {
  test('P and R are means over the pages that have them; F1 is their harmonic mean', () => {
    // P = (1 + 0.5) / 2 = 0.75 (the empty prediction is left out); R = (0.5 + 0 + 1) / 3 = 0.5.
    const total = aggregate([page(1, 0.5), page(null, 0), page(0.5, 1)]);
    assert.equal(total.precision, 0.75);
    assert.equal(total.recall, 0.5);
    assert.equal(total.f1, 0.6);
    assert.equal(total.pages, 3);
  });

  test('no pages', () => {
    assert.deepEqual(aggregate([]), { precision: 0, recall: 0, f1: 0, pages: 0 });
  });
});

describe('bootstrapF1', () => {
  test('identical pages have no spread', () => {
    const spread = bootstrapF1([page(0.5, 1), page(0.5, 1), page(0.5, 1)], 200);
    assert.ok(Math.abs(spread.low - 2 / 3) < 1e-12 && Math.abs(spread.high - 2 / 3) < 1e-12);
    assert.ok(spread.std < 1e-12);
  });

  test('seeded: the same pages give the same interval, which holds the point estimate', () => {
    const pages = [page(1, 0.2), page(0.9, 0.8), page(0.3, 1), page(null, 0), page(0.7, 0.7)];
    assert.deepEqual(bootstrapF1(pages), bootstrapF1(pages));
    const spread = bootstrapF1(pages);
    const f1 = aggregate(pages).f1;
    assert.ok(spread.low < f1 && f1 < spread.high && spread.std > 0);
  });
});

test('percentile interpolates between ranks', () => {
  assert.equal(percentile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(percentile([1, 2, 3, 4], 1), 4);
  assert.equal(percentile([7], 0.95), 7);
});
