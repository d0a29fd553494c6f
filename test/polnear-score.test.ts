import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentScores, goldKind, isQuotation, lineParagraphs, parseBrat, scoreArticle, type GoldAttribution, type Prediction } from '../bench/polnear.js';

const TEXT = 'Halvik said the dam held. Berg hopes the rain stops. “We are safe,” Orlan said.';

/** The span of the `occurrence`-th appearance of `words` in TEXT. */
function at(words: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = TEXT.indexOf(words, start + 1);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
}

/** BRAT standoff for the three attributions of TEXT (one of them a belief, outside the subset). */
function annotation(): string {
  const line = (id: string, type: string, words: string, occurrence = 0): string => {
    const span = at(words, occurrence);
    return `${id}\t${type} ${span.start} ${span.end}\t${words}`;
  };
  return [
    line('T1', 'Source', 'Halvik'),
    line('T2', 'Cue', 'said'),
    line('T3', 'Content', 'the dam held'),
    'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1',
    line('T4', 'Source', 'Berg'),
    line('T5', 'Cue', 'hopes'),
    line('T6', 'Content', 'the rain stops'),
    'E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4',
    line('T7', 'Content', '“We are safe,”'),
    line('T8', 'Cue', 'said', 1),
    line('T9', 'Source', 'Orlan'),
    '#1\tAnnotatorNotes T9\ta note',
    'E3\tAttribution:T8 Content:T7 Cue:T8 Source:T9',
  ].join('\n');
}

function prediction(content: string, speaker: string | null, cue: string | null, kind: Prediction['kind'] = 'indirect'): Prediction {
  return { kind, content: [at(content)], cue: cue === null ? null : at(cue), speaker: speaker === null ? null : at(speaker), speakerMention: null };
}

describe('parseBrat', () => {
  test('reads text-bound annotations and their events, discontinuous spans included', () => {
    const gold = parseBrat(`${annotation()}\nT10\tContent 0 6;12 15\tHalvik\nthe\nE4\tAttribution:T2 Content:T10 Cue:T2`);
    assert.equal(gold.length, 4);
    assert.deepEqual(gold[0]?.content, [at('the dam held')]);
    assert.deepEqual(gold[3]?.content, [{ start: 0, end: 6 }, { start: 12, end: 15 }]);
    assert.equal(gold[3]?.source, null);
  });
});

describe('the subset and the scorer', () => {
  const gold: GoldAttribution[] = parseBrat(annotation());

  test('speech cues and quotation marks are in the subset; beliefs are not', () => {
    assert.deepEqual(gold.map((attribution) => isQuotation(TEXT, attribution)), [true, false, true]);
    assert.deepEqual(gold.map((attribution) => goldKind(TEXT, attribution)), ['indirect', 'indirect', 'direct']);
  });

  test('exact, overlap, speaker and cue; a prediction on a belief is counted neither way', () => {
    const predictions = [
      prediction('the dam held', 'Halvik', 'said'),
      prediction('the rain stops', 'Berg', 'hopes'),
      prediction('We are', null, null, 'direct'),
    ];
    const score = scoreArticle(TEXT, gold, predictions, []);
    assert.equal(score.matched.length, 2);
    assert.equal(score.outsideSubset.length, 1);
    assert.equal(score.spurious.length, 0);
    const [first, second] = score.matched;
    assert.deepEqual([first?.exact, first?.speakerCorrect, first?.cueCorrect], [true, true, true]);
    assert.deepEqual([second?.exact, second?.speakerCorrect, second?.cueCorrect, second?.overlap, second?.goldTokens], [false, false, false, 2, 3]);
    const scores = contentScores([score]);
    assert.deepEqual([scores.exact.precision, scores.exact.recall], [0.5, 0.5]);
    assert.equal(scores.overlap.precision, 1);
    assert.equal(scores.overlap.recall, (1 + 2 / 3) / 2);
  });

  test('a second prediction on a matched quotation is a duplicate; one on nothing is spurious', () => {
    const predictions = [prediction('the dam held', 'Halvik', 'said'), prediction('dam', null, null), prediction('rain', null, null)];
    const score = scoreArticle(TEXT, gold, predictions, []);
    assert.deepEqual([score.matched.length, score.duplicates.length, score.outsideSubset.length, score.spurious.length], [1, 1, 1, 0]);
    assert.equal(scoreArticle(TEXT, gold, [prediction('Halvik', null, null)], []).spurious.length, 1);
  });
});

describe('lineParagraphs', () => {
  test('non-blank lines are the paragraphs', () => {
    assert.deepEqual(lineParagraphs('Title\n\nOne.\nTwo.\n'), [{ start: 0, end: 5 }, { start: 7, end: 11 }, { start: 12, end: 16 }]);
  });
});
