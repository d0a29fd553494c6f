import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWords } from '../../extract/text/lines.js';
import { countNoun, formatFigureChange, formatLanguage, formatTime, splitHighlights } from './format.js';

test('splitHighlights cuts a text at its spans, and the pieces join back to the text', () => {
  const text = 'The weir at Lowmoor gave way at dawn';
  const cases: ReadonlyArray<readonly [ReadonlyArray<{ start: number; end: number }>, Array<[string, boolean]>]> = [
    [[], [[text, false]]],
    [
      [{ start: 4, end: 8 }],
      [
        ['The ', false],
        ['weir', true],
        [' at Lowmoor gave way at dawn', false],
      ],
    ],
    // Unsorted, overlapping, touching, empty and out-of-range spans.
    [
      [
        { start: 32, end: 99 },
        { start: 12, end: 16 },
        { start: 4, end: 8 },
        { start: 6, end: 11 },
        { start: 11, end: 12 },
        { start: 20, end: 20 },
        { start: -5, end: 0 },
      ],
      [
        ['The ', false],
        ['weir at Lowm', true],
        ['oor gave way at ', false],
        ['dawn', true],
      ],
    ],
    [[{ start: 0, end: text.length }], [[text, true]]],
  ];
  for (const [spans, expected] of cases) {
    const pieces = splitHighlights(text, spans);
    assert.deepEqual(
      pieces.map((piece) => [piece.text, piece.marked]),
      expected,
      JSON.stringify(spans),
    );
    assert.equal(pieces.map((piece) => piece.text).join(''), text);
  }
});

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
