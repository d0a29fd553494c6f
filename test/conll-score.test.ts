import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addToScore, categorizeErrors, documentText, emptyScore, entitiesFromTags, mentionsToTokens, parseConll, prf } from '../bench/conll.js';

/** A two-document file in the CoNLL-2003 layout, about invented people and places. */
const SAMPLE = [
  '-DOCSTART- -X- -X- O',
  '',
  'Tomas NNP B-NP B-PER',
  'Halvik NNP I-NP I-PER',
  'visited VBD B-VP O',
  'Brennick NNP B-NP B-LOC',
  '. . O O',
  '',
  'Kestrian JJ B-NP B-MISC',
  'Union NNP I-NP B-ORG',
  'officials NNS I-NP O',
  'agreed VBD B-VP O',
  '. . O O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Oduya NNP B-NP B-PER',
  'left VBD B-VP O',
  '',
].join('\n');

describe('CoNLL reading', () => {
  test('documents, sentences and tags', () => {
    const documents = parseConll(SAMPLE);
    assert.equal(documents.length, 2);
    assert.equal(documents[0]?.sentences.length, 2);
    assert.deepEqual(documents[1]?.sentences[0]?.map((token) => token.tag), ['B-PER', 'O']);
  });

  test('IOB2 and IOB1 entities: B- opens, I- continues the same type, a new type opens', () => {
    assert.deepEqual(entitiesFromTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG']), [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
    assert.deepEqual(entitiesFromTags(['I-PER', 'I-PER', 'O', 'I-MISC']), [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'MISC' },
    ]);
  });

  test('the text is rebuilt with a token map, one sentence per line', () => {
    const [document] = parseConll(SAMPLE);
    assert.ok(document);
    const rebuilt = documentText(document);
    assert.equal(rebuilt.text, 'Tomas Halvik visited Brennick .\nKestrian Union officials agreed .');
    assert.equal(rebuilt.lines.length, 2);
    assert.equal(rebuilt.text.slice(rebuilt.tokens[3]?.start, rebuilt.tokens[3]?.end), 'Brennick');
  });

  test('a mention covers every token it overlaps', () => {
    const [document] = parseConll(SAMPLE);
    assert.ok(document);
    const rebuilt = documentText(document);
    // "omas Halv" overlaps "Tomas" and "Halvik".
    assert.deepEqual(mentionsToTokens([{ start: 1, end: 10, kind: 'person' }], rebuilt.tokens), [{ start: 0, end: 2, type: 'PER' }]);
    assert.deepEqual(mentionsToTokens([{ start: 31, end: 39, kind: 'event' }], rebuilt.tokens), [{ start: 5, end: 6, type: 'MISC' }]);
  });
});

describe('CoNLL scoring', () => {
  const gold = entitiesFromTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-MISC', 'B-ORG']);

  test('exact match of span and type, per type and overall (conlleval)', () => {
    const score = emptyScore();
    addToScore(score, gold, [
      { start: 0, end: 2, type: 'PER' }, // correct
      { start: 3, end: 4, type: 'ORG' }, // right span, wrong type
      { start: 5, end: 7, type: 'MISC' }, // wrong boundary
    ]);
    assert.deepEqual(score.overall, { correct: 1, predicted: 3, gold: 4 });
    assert.deepEqual(score.byType.PER, { correct: 1, predicted: 1, gold: 1 });
    assert.deepEqual(score.byType.LOC, { correct: 0, predicted: 0, gold: 1 });
    const overall = prf(score.overall);
    assert.equal(overall.precision, 1 / 3);
    assert.equal(overall.recall, 1 / 4);
    assert.ok(Math.abs(overall.f1 - (2 * (1 / 3) * (1 / 4)) / (1 / 3 + 1 / 4)) < 1e-12);
    assert.deepEqual(prf({ correct: 0, predicted: 0, gold: 0 }), { precision: 0, recall: 0, f1: 0 });
  });

  test('errors sorted into wrong type, boundary, missed and spurious', () => {
    const errors = categorizeErrors(gold, [
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'ORG' },
      { start: 5, end: 7, type: 'MISC' },
      { start: 2, end: 3, type: 'PER' },
    ]);
    const kinds = errors.map((error) => error.category.kind).sort();
    assert.deepEqual(kinds, ['boundary', 'boundary', 'spurious', 'wrong-type']);
    assert.deepEqual(errors.find((error) => error.category.kind === 'wrong-type')?.category, { kind: 'wrong-type', gold: 'LOC', predicted: 'ORG' });
    assert.deepEqual(categorizeErrors(gold, []).map((error) => error.category.kind), ['missed', 'missed', 'missed', 'missed']);
  });
});
