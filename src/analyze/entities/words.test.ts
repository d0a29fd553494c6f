import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCapitalized, scanTokens, wordKey } from './words.js';

describe('scanTokens', () => {
  const shapes = (text: string): string[] => scanTokens(text).map((token) => `${token.text}:${token.shape}`);

  test('words with their case, punctuation apart', () => {
    assert.deepEqual(shapes('Halvik met NATO officials, said P. Oduya.'), [
      'Halvik:title',
      'met:lower',
      'NATO:upper',
      'officials:lower',
      ',:punctuation',
      'said:lower',
      'P.:initial',
      'Oduya:title',
      '.:punctuation',
    ]);
  });

  test('dotted abbreviations stay whole, inner apostrophes and hyphens too', () => {
    assert.deepEqual(shapes("the U.S. envoy O'Neill of al-Rami met Chester-le-Brenn"), [
      'the:lower',
      'U.S.:dotted',
      'envoy:lower',
      "O'Neill:title",
      'of:lower',
      'al-Rami:lower',
      'met:lower',
      'Chester-le-Brenn:title',
    ]);
  });

  test('the possessive is its own token, attached or detached', () => {
    assert.deepEqual(shapes('Halvik’s plan and Brennick \'s dam'), ['Halvik:title', '’s:possessive', 'plan:lower', 'and:lower', 'Brennick:title', "'s:possessive", 'dam:lower']);
  });

  test('spans point into the text', () => {
    const text = 'Über 300 Menschen in Zürich, 东京 und Ελλάδα.';
    for (const token of scanTokens(text)) assert.equal(text.slice(token.start, token.end), token.text);
  });

  test('keys fold case, apostrophes, periods and accents', () => {
    assert.equal(wordKey('U.S.'), 'us');
    assert.equal(wordKey('Zürich'), 'zurich');
    assert.equal(wordKey('O’Neill'), "o'neill");
  });

  test('what counts as written like a name', () => {
    const [initial, upper, lower, caseless] = scanTokens('P. NATO said 东京');
    assert.ok(initial && isCapitalized(initial));
    assert.ok(upper && isCapitalized(upper));
    assert.ok(lower && !isCapitalized(lower));
    assert.ok(caseless && !isCapitalized(caseless));
  });
});
