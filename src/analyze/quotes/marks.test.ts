import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findQuotedPassages, normalizeParagraphs } from './marks.js';
import { paragraphBlocks } from '../../../test/helpers/analyzed.js';


/** Each passage's content parts as text, joined by " | ", with "(unclosed)" when cut. */
function read(text: string): string[] {
  return findQuotedPassages(text, paragraphBlocks(text)).map(
    (passage) => passage.content.map((part) => text.slice(part.start, part.end)).join(' | ') + (passage.closed ? '' : ' (unclosed)'),
  );
}

describe('findQuotedPassages', () => {
  const CASES: readonly [string, string[]][] = [
    ['“We will rebuild,” she said.', ['We will rebuild,']],
    ['"We will rebuild," he said. "It will take years."', ['We will rebuild,', 'It will take years.']],
    ['Sie sagte: „Wir bauen neu auf“ und ging.', ['Wir bauen neu auf']],
    ['Il a dit : « Nous reconstruirons » hier.', ['Nous reconstruirons']],
    ['Han sagde »Vi bygger igen« i går.', ['Vi bygger igen']],
    ['Elle a répondu ‹ non › deux fois.', ['non']],
    ['「水が引いた」と彼は言った。', ['水が引いた']],
    ["'We won't stop,' Orlan said.", ["We won't stop,"]],
    ['‘The levee held,’ the mayor said.', ['The levee held,']],
    ["''The levee held,'' the mayor said.", ['The levee held,']],
    ['“She told me ‘never again’ twice,” he said.', ['She told me ‘never again’ twice,']],
  ];
  for (const [text, expected] of CASES) {
    test(text, () => assert.deepEqual(read(text), expected));
  }

  test('apostrophes are not quotation marks', () => {
    assert.deepEqual(read("Don't blame the '90s, said O’Brien; the voters’ choice was clear."), []);
  });

  test('a quote split by its attribution is two passages', () => {
    assert.deepEqual(read('“The water rose fast,” Halvik said, “and the pumps failed.”'), ['The water rose fast,', 'and the pumps failed.']);
  });

  test('a quotation over several paragraphs: each opens with a mark, only the last closes', () => {
    const text = '“The first warning came in May.\n\n“The second came in June.\n\n“Nobody acted,” Halvik said.';
    assert.deepEqual(read(text), ['The first warning came in May. | The second came in June. | Nobody acted,']);
  });

  test('a mark that never closes is cut at its paragraph end', () => {
    const text = 'Berg said “the gates were open all night.\n\nThe river rose. “Too late,” said Orlan.';
    assert.deepEqual(read(text), ['the gates were open all night. (unclosed)', 'Too late,']);
  });

  test('an unclosed single mark is an apostrophe, not a quotation', () => {
    assert.deepEqual(read("The 'best' plan and the 'other one"), ['best']);
  });

  test('inch marks and stray closing marks open nothing', () => {
    assert.deepEqual(read('The pipe is 6\'2" wide” and "narrow".'), ['narrow']);
  });

  test('spans are valid and in order on unbalanced marks', () => {
    const text = '“a “b” c” d “e\n\n» f « g „h “i';
    const passages = findQuotedPassages(text, paragraphBlocks(text));
    let cursor = 0;
    for (const passage of passages) {
      assert.ok(passage.start >= cursor && passage.end <= text.length && passage.start < passage.end);
      for (const part of passage.content) assert.ok(part.start >= passage.start && part.end <= passage.end && part.start < part.end);
      cursor = passage.end;
    }
  });
});

describe('normalizeParagraphs', () => {
  test('clips, sorts and de-overlaps the paragraphs; the whole text when none are given', () => {
    assert.deepEqual(normalizeParagraphs('abcdef', [{ start: 4, end: 10 }, { start: 0, end: 5 }]), [{ start: 0, end: 5 }, { start: 5, end: 6 }]);
    assert.deepEqual(normalizeParagraphs('abc', []), [{ start: 0, end: 3 }]);
  });
});
