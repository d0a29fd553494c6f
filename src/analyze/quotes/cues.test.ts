import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { speechCue } from './cues.js';

describe('speechCue', () => {
  test('reporting verbs in their forms', () => {
    for (const form of ['said', 'says', 'saying', 'told', 'added', 'wrote', 'warned', 'insisted']) assert.equal(speechCue(form)?.reports, true, form);
  });

  test('verbs that only attribute quoted words', () => {
    for (const form of ['continued', 'called', 'quipped']) assert.equal(speechCue(form)?.reports, false, form);
  });

  test('addressee verbs and noun-like forms are marked', () => {
    assert.equal(speechCue('told')?.takesAddressee, true);
    assert.equal(speechCue('said')?.takesAddressee, false);
    assert.equal(speechCue('claims')?.nounLike, true);
    assert.equal(speechCue('claimed')?.nounLike, false);
  });

  test('other words are not cues', () => {
    for (const word of ['dam', 'statement', 'water', 'the']) assert.equal(speechCue(word), undefined, word);
  });
});
