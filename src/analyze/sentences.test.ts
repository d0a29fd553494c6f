import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

function paragraphSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    spans.push({ start, end: start + part.length });
    start += part.length + 2;
  }
  return spans;
}

describe('splitSentences', () => {
  const CASES: readonly [string, string[]][] = [
    ['Mr. Vell met Dr. Marsh on Jan. 5. They talked.', ['Mr. Vell met Dr. Marsh on Jan. 5.', 'They talked.']],
    ['“We will rebuild,” she said. “It will take years.” The crowd cheered.', ['“We will rebuild,” she said.', '“It will take years.”', 'The crowd cheered.']],
    ['The U.S. envoy arrived. He left at noon.', ['The U.S. envoy arrived.', 'He left at noon.']],
    ['No final stop here', ['No final stop here']],
  ];
  for (const [text, expected] of CASES) {
    test(text, () => {
      const spans = splitSentences(text, paragraphSpans(text));
      assert.deepEqual(spans.map((span) => text.slice(span.start, span.end)), expected);
    });
  }

  test('sentences tile the paragraphs: only white space lies outside them', () => {
    const text = 'One. Two “three.” Four!\n\nFive? Six, seven… eight.\n\nNine Mr. Ten.';
    const spans = splitSentences(text, paragraphSpans(text));
    let cursor = 0;
    for (const span of spans) {
      assert.match(text.slice(cursor, span.start), /^\s*$/);
      assert.ok(span.end > span.start);
      cursor = span.end;
    }
    assert.match(text.slice(cursor), /^\s*$/);
  });
});

describe('tokenize', () => {
  test('keeps numbers, abbreviations and hyphenated words whole', () => {
    const text = 'About 1,500 troops, business-like talks; Lavrov’s U.S visit.';
    assert.deepEqual(tokenize(text).map((token) => token.norm), ['about', '1,500', 'troops', 'business-like', 'talks', "lavrov's", 'u.s', 'visit']);
    for (const token of tokenize(text)) assert.equal(text.slice(token.start, token.end).toLowerCase().replace(/’/g, "'"), token.norm);
  });
});
