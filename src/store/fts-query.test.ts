import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ftsMatchExpression, MAX_SEARCH_TERMS, parseSearchQuery } from './fts-query.js';

test('parseSearchQuery keeps words, quoted phrases and trailing-star prefixes, and drops bare syntax', () => {
  const cases: [string, ReturnType<typeof parseSearchQuery>][] = [
    ['de-escalation zones', [
      { text: 'de-escalation', phrase: false, prefix: false },
      { text: 'zones', phrase: false, prefix: false },
    ]],
    ['"river ferry" Velmora', [
      { text: 'river ferry', phrase: true, prefix: false },
      { text: 'Velmora', phrase: false, prefix: false },
    ]],
    ['harb* *', [{ text: 'harb', phrase: false, prefix: true }]],
    ['"unbalanced quote', [
      { text: 'unbalanced', phrase: false, prefix: false },
      { text: 'quote', phrase: false, prefix: false },
    ]],
    ['- ( ) : ^ …', []],
    ['   ', []],
  ];
  for (const [query, expected] of cases) assert.deepEqual(parseSearchQuery(query), expected, query);
});

test('ftsMatchExpression quotes every term, so operators typed by a user are plain words', () => {
  const terms = parseSearchQuery('ferry AND NOT NEAR(dock) title:river O"Brien');
  assert.equal(ftsMatchExpression(terms, 'all'), '"ferry" "AND" "NOT" "NEAR(dock)" "title:river" "O" "Brien"');
  assert.equal(ftsMatchExpression(parseSearchQuery('harb* dock'), 'any'), '"harb"* OR "dock"');
  assert.equal(ftsMatchExpression([], 'all'), null);
});

test('a pasted document is cut to the first MAX_SEARCH_TERMS terms', () => {
  const query = Array.from({ length: MAX_SEARCH_TERMS + 10 }, (_, index) => `word${index}`).join(' ');
  assert.equal(parseSearchQuery(query).length, MAX_SEARCH_TERMS);
});
