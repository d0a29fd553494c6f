import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gazetteer, Is, phraseKey } from './gazetteers.js';

describe('gazetteer', () => {
  const lists = gazetteer();
  const has = (name: string, flag: number, capitals = false): boolean => (lists.flags(phraseKey(name), capitals) & flag) !== 0;

  test('countries, their demonyms and capitals, cities, regions', () => {
    assert.ok(has('Germany', Is.country));
    assert.ok(has('United States', Is.country));
    assert.ok(has('German', Is.demonym));
    assert.ok(has('Paris', Is.city));
    assert.ok(has('Zürich', Is.city) && has('Zurich', Is.city));
    assert.ok(has('California', Is.region));
  });

  test('organisations, first names, common words', () => {
    assert.ok(has('NATO', Is.organization));
    assert.ok(has('World Bank', Is.organization));
    assert.ok(has('Marta', Is.firstName));
    assert.ok(has('victory', Is.common));
    assert.ok(!has('Brennick', ~0));
  });

  test('abbreviations that are also common words count only in capitals', () => {
    assert.ok(has('WHO', Is.organization, true));
    assert.ok(!has('who', Is.organization, false));
  });

  test('loads once', () => {
    assert.equal(gazetteer(), lists);
    assert.ok(lists.loadMilliseconds > 0);
  });
});
