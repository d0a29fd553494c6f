import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryFact } from '../core/records.js';
import { buildCoverage, widelyReported } from './coverage.js';

function fact(id: string, articles: readonly string[], independentReports: number): StoryFact {
  return { id, text: id, members: articles.map((article) => ({ article, start: 0, end: 1 })), outlets: [], independentReports };
}

test('widely reported means a majority of the independent reports, and at least two', () => {
  assert.equal(widelyReported(1), 2);
  assert.equal(widelyReported(3), 2);
  assert.equal(widelyReported(4), 3);
  assert.equal(widelyReported(9), 5);
});

test('coverage lists each article’s unique facts (copies share them) and the widely reported facts it lacks', () => {
  const articles = [
    { id: 'a', origin: 'o1' },
    { id: 'b', origin: 'o1' },
    { id: 'c', origin: 'o2' },
    { id: 'd', origin: 'o3' },
  ];
  const facts = [fact('fact-1', ['a', 'c', 'd'], 3), fact('fact-2', ['c', 'd'], 2), fact('fact-3', ['a', 'b'], 1), fact('fact-4', ['d'], 1)];
  const coverage = buildCoverage(facts, articles, 3);
  assert.deepEqual(coverage.articles, ['a', 'b', 'c', 'd']);
  assert.deepEqual(coverage.matrix[0], { fact: 'fact-1', articles: ['a', 'c', 'd'] });
  assert.deepEqual(coverage.byArticle, [
    { article: 'a', unique: ['fact-3'], missing: ['fact-2'] },
    { article: 'b', unique: ['fact-3'], missing: ['fact-1', 'fact-2'] },
    { article: 'c', unique: [], missing: [] },
    { article: 'd', unique: ['fact-4'], missing: [] },
  ]);
});
