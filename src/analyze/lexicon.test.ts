import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELATED, SYNONYM, conceptIds, isCollocation, lemmaOf, wordRelation } from './lexicon.js';

test('lemmaOf finds base forms of regular and irregular words', () => {
  assert.equal(lemmaOf('meetings'), 'meeting');
  assert.equal(lemmaOf('Leaders'), 'leader');
  assert.equal(lemmaOf('went'), 'go');
  assert.equal(lemmaOf('said'), 'say');
  assert.equal(lemmaOf('children'), 'child');
  assert.equal(lemmaOf('killed'), 'kill');
  assert.equal(lemmaOf('killing'), 'kill');
  assert.equal(lemmaOf('stopped'), 'stop');
  assert.equal(lemmaOf('evacuated'), 'evacuate');
  assert.equal(lemmaOf('zorblax'), 'zorblax');
});

test('wordRelation tells the same word, synonyms and near relations apart', () => {
  assert.equal(wordRelation('killed', 'kills'), 1);
  assert.equal(wordRelation('almost', 'nearly'), SYNONYM);
  assert.equal(wordRelation('funny', 'amusing'), SYNONYM);
  assert.equal(wordRelation('rein_in', 'curb'), RELATED);
  assert.equal(wordRelation('kill', 'die'), RELATED);
  assert.equal(wordRelation('dam', 'teacher'), 0);
  assert.equal(wordRelation('zorblax', 'dam'), 0);
});

test('conceptIds and isCollocation read the WordNet index', () => {
  assert.ok(conceptIds('curb').some((id) => id.startsWith('v')));
  assert.deepEqual(conceptIds('zorblax'), []);
  assert.equal(isCollocation(['rein', 'in']), true);
  assert.equal(isCollocation(['dam', 'teacher']), false);
});
