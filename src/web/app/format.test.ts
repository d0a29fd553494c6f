import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWords } from '../../extract/text/lines.js';
import { countNoun, formatFigureChange, formatLanguage, formatTime } from './format.js';

test('formatFigureChange shows the old and new value, or that the figure is new', () => {
  assert.equal(formatFigureChange({ about: 'deaths', previousValue: '14', value: '19' }), 'deaths: 14 → 19');
  assert.equal(formatFigureChange({ about: 'people evacuated', previousValue: null, value: '2,300' }), 'people evacuated: 2,300 (new)');
});

test('countNoun and formatTime', () => {
  assert.equal(countNoun(1, 'outlet'), '1 outlet');
  assert.equal(countNoun(0, 'outlet'), '0 outlets');
  assert.equal(countNoun(2, 'story', 'stories'), '2 stories');
  assert.equal(formatTime('not a time'), 'not a time');
  assert.notEqual(formatTime('2031-05-01T08:00:00.000Z'), '2031-05-01T08:00:00.000Z');
});

test('formatLanguage names a language with its code, and leaves anything else as it is', () => {
  assert.match(formatLanguage('en'), /^\S.* \(en\)$/);
  assert.equal(formatLanguage('qq'), 'qq');
  assert.equal(formatLanguage('<script>'), '<script>');
  assert.equal(formatLanguage(''), '');
});

test('the article page counts words with the extractor’s countWords', () => {
  assert.equal(countWords(''), 0);
  assert.equal(countWords('  \n '), 0);
  assert.equal(countWords('The weir held.\n\nIt rained again '), 6);
});
