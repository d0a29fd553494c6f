import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { separateGluedSentences, splitLines } from './lines.js';

describe('lines', () => {
  const GLUE: readonly [string, string][] = [
    ['the crew was praised.The ferry left', 'the crew was praised. The ferry left'],
    ['what we can cover.”The mayor said', 'what we can cover.” The mayor said'],
    ['troops to the U.S.Army base', 'troops to the U.S.Army base'],
    ['in Washington, D.C.Later that day', 'in Washington, D.C.Later that day'],
    ['version 2.5 of the plan', 'version 2.5 of the plan'],
  ];
  for (const [input, expected] of GLUE) test(`glue: ${input}`, () => assert.equal(separateGluedSentences(input), expected));

  test('a paragraph broken mid-sentence is joined again', () => {
    const lines = splitLines('The inspection came ahead of a\n\nplanned repair of the wall.\n\nNext paragraph.');
    assert.deepEqual(
      lines.map((line) => line.text),
      ['The inspection came ahead of a planned repair of the wall.', 'Next paragraph.'],
    );
  });

  test('single-newline paragraphs stay apart; indentation is kept', () => {
    const lines = splitLines('First paragraph ends here.\nSecond one too.\n    Indented item');
    assert.deepEqual(lines.map((line) => [line.text, line.indent]), [
      ['First paragraph ends here.', 0],
      ['Second one too.', 0],
      ['Indented item', 4],
    ]);
  });
});
