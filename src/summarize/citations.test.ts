import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyCitation } from './citations.js';

const ARTICLE = 'The ferry left at dawn. It carried 120 passengers and crew to the island of Halm.';

describe('verifyCitation', () => {
  const CASES: readonly { name: string; sentence: string; start: number; end: number; ok: boolean }[] = [
    { name: 'the exact passage', sentence: 'The ferry left at dawn.', start: 0, end: 23, ok: true },
    { name: 'an edited copy of the passage', sentence: 'The ferry departed at dawn.', start: 0, end: 23, ok: true },
    { name: 'a passage on another point', sentence: 'The ferry sank near the island of Halm.', start: 0, end: 23, ok: false },
    { name: 'a span past the end of the article', sentence: 'The ferry left at dawn.', start: 0, end: 500, ok: false },
    { name: 'an empty span', sentence: 'The ferry left at dawn.', start: 5, end: 5, ok: false },
  ];
  for (const testCase of CASES) {
    test(testCase.name, () => {
      const check = verifyCitation(testCase.sentence, { article: 'a1', start: testCase.start, end: testCase.end }, ARTICLE);
      assert.equal(check.ok, testCase.ok, check.ok ? '' : check.reason);
    });
  }
  test('an article that is not in the story', () => {
    assert.equal(verifyCitation('x', { article: 'a9', start: 0, end: 1 }, undefined).ok, false);
  });
});
