import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { limitText, limitUnits, normaliseTokens, perlWhitespaceFields, rougeTokens, summaryLines } from './text.js';

describe('reading a summary as ROUGE-1.5.5 does', () => {
  test('lines: split at newlines, empty ones dropped, a carriage return kept', () => {
    assert.deepEqual(summaryLines('First line.\r\n\nSecond line.\n'), ['First line.\r', 'Second line.']);
  });

  test("Perl's split on whitespace: a leading empty field, no trailing ones", () => {
    assert.deepEqual(perlWhitespaceFields('  Tova sailed  home '), ['', 'Tova', 'sailed', 'home']);
    assert.deepEqual(perlWhitespaceFields('   '), []);
    assert.deepEqual(perlWhitespaceFields('U.S.-led -- talks'), ['U.S.-led', '--', 'talks']);
  });

  test('tokens: ASCII letters and digits, lower-cased; everything else separates', () => {
    assert.deepEqual(rougeTokens('The U.S.-led talks in Zürich drew 1,200 people'), ['the', 'u', 's', 'led', 'talks', 'in', 'z', 'rich', 'drew', '1', '200', 'people']);
    assert.deepEqual(rougeTokens('“Москва” — ok'), ['ok']);
  });

  test('-l counts whitespace-separated words, cuts inside the sentence that reaches the limit, and stops', () => {
    const lines = ['Halvard Port reopened its ferry dock.', 'Crews worked for six weeks.', 'Traffic resumes Monday.'];
    assert.equal(limitText(lines, { wordLimit: 8 }), 'Halvard Port reopened its ferry dock. Crews worked');
    assert.deepEqual(limitUnits(lines, { wordLimit: 8 }), ['Halvard Port reopened its ferry dock.', 'Crews worked']);
    assert.equal(limitText([' Halvard Port reopened'], { wordLimit: 2 }), ' Halvard', 'a leading space counts one empty word');
  });

  test('-b counts UTF-8 bytes of the lines without separators, cutting mid-word or mid-character', () => {
    assert.deepEqual(rougeTokens(limitText(['café bar'], { byteLimit: 7 })), ['caf', 'b']);
    assert.equal(limitText(['ab', 'cd', 'ef'], { byteLimit: 3 }), 'ab c');
  });

  test('-b for ROUGE-L keeps every sentence shorter than the limit, as ROUGE-1.5.5 does', () => {
    assert.deepEqual(limitUnits(['ab', 'cd', 'ef'], { byteLimit: 3 }), ['ab', 'cd', 'ef']);
    assert.deepEqual(limitUnits(['ab', 'cdefg', 'hi'], { byteLimit: 3 }), ['ab', 'cde']);
  });

  test('-s drops stopwords before -m stems tokens longer than three characters', () => {
    assert.deepEqual(normaliseTokens(['the', 'ponies', 'were', 'its', 'cats', 'grazing'], { stem: true, removeStopwords: true }), ['poni', 'cat', 'graze']);
    assert.deepEqual(normaliseTokens(['its', 'cats'], { stem: true, removeStopwords: false }), ['its', 'cat']);
  });
});
