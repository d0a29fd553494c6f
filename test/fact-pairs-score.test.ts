import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  detokenize,
  documentBody,
  ecbGoldPairs,
  ecbStoryId,
  parseEcbCorpus,
  parseEventMentions,
  parseSelectedSentences,
  type EcbDocument,
  type EcbMention,
} from '../bench/ecbplus.js';
import {
  NO_COUNTS,
  addCounts,
  allCrossPairs,
  crossPairsOfGroups,
  goldPairsFromLabels,
  linkRecall,
  pairKey,
  parsePairKey,
  precisionRecallF1,
  scorePairs,
} from '../bench/fact-pairs-score.js';

/**
 * The facts benchmark's pair scorer and its ECB+ gold builder, on examples small enough to work
 * by hand. (Lives under test/ because scripts/run-tests.mjs scans only src/ and test/.)
 */

describe('pairKey', () => {
  test('unordered: the lower article first', () => {
    assert.equal(pairKey({ article: 2, sentence: 0 }, { article: 0, sentence: 3 }), '0:3|2:0');
    assert.equal(pairKey({ article: 0, sentence: 3 }, { article: 2, sentence: 0 }), '0:3|2:0');
    assert.deepEqual(parsePairKey('0:3|2:0'), [
      { article: 0, sentence: 3 },
      { article: 2, sentence: 0 },
    ]);
  });
});

describe('gold pairs from labels', () => {
  test('same label in different articles links; same article, null and unique labels do not', () => {
    const gold = goldPairsFromLabels([
      ['strike', 'pay', null],
      ['pay', 'strike', 'strike'],
      [null, 'weather'],
    ]);
    assert.deepEqual([...gold].sort(), ['0:0|1:1', '0:0|1:2', '0:1|1:0']);
  });

  test('three articles sharing one label give three pairs', () => {
    assert.equal(goldPairsFromLabels([['quake'], ['quake'], ['quake']]).size, 3);
  });

  test('groups pair only members of different articles', () => {
    const pairs = crossPairsOfGroups([
      [
        { article: 0, sentence: 0 },
        { article: 0, sentence: 1 },
        { article: 1, sentence: 4 },
      ],
    ]);
    assert.deepEqual([...pairs].sort(), ['0:0|1:4', '0:1|1:4']);
  });

  test('all cross-article pairs of articles with 2, 3 and 1 sentences: 6 + 2 + 3', () => {
    assert.equal(allCrossPairs([2, 3, 1]).size, 11);
    assert.equal(allCrossPairs([4]).size, 0);
  });
});

describe('scorePairs and precisionRecallF1', () => {
  test('two of three predictions right, two of four gold links found', () => {
    const gold = new Set(['0:0|1:0', '0:1|1:1', '0:2|1:2', '0:3|1:3']);
    const predicted = new Set(['0:0|1:0', '0:1|1:1', '0:0|1:1']);
    const counts = scorePairs(predicted, gold);
    assert.deepEqual(counts, { truePositives: 2, falsePositives: 1, falseNegatives: 2 });
    const { precision, recall, f1 } = precisionRecallF1(counts);
    assert.equal(precision, 2 / 3);
    assert.equal(recall, 0.5);
    // 2PR / (P + R) = (2 · 2/3 · 1/2) / (2/3 + 1/2) = (2/3) / (7/6) = 4/7
    assert.ok(Math.abs(f1 - 4 / 7) < 1e-12);
  });

  test('counts add up over stories (micro-average)', () => {
    const first = scorePairs(new Set(['a']), new Set(['a', 'b']));
    const second = scorePairs(new Set(['c', 'd']), new Set<string>());
    const total = addCounts(addCounts(NO_COUNTS, first), second);
    assert.deepEqual(total, { truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    const { precision, recall } = precisionRecallF1(total);
    assert.equal(precision, 1 / 3);
    assert.equal(recall, 1 / 2);
  });

  test('empty prediction: precision 1, recall 0, F1 0; nothing to find: recall 1', () => {
    assert.deepEqual(precisionRecallF1({ truePositives: 0, falsePositives: 0, falseNegatives: 3 }), { precision: 1, recall: 0, f1: 0 });
    assert.equal(precisionRecallF1(NO_COUNTS).recall, 1);
  });

  test('link recall counts every link, so a pair carrying two links counts twice', () => {
    assert.deepEqual(linkRecall(['0:0|1:0', '0:0|1:0', '0:1|1:1'], new Set(['0:0|1:0'])), { found: 2, total: 3 });
  });
});

describe('ECB+ reader', () => {
  test('corpus lines: documents in file order, sentences by id, odd extra columns tolerated', () => {
    const corpus = ['9_1ecb\t1\t0\tMayor\tHUM1', '9_1ecb\t1\t1\tresigns\tACT7', '', '9_1ecb\t0\t0\tResignation\tACT7', '', '9_2ecbplus\t0\t0\tnews\t\tACT9', ''].join('\n');
    assert.deepEqual(parseEcbCorpus(corpus), [
      {
        id: '9_1ecb',
        sentences: [
          { id: 0, tokens: ['Resignation'] },
          { id: 1, tokens: ['Mayor', 'resigns'] },
        ],
      },
      { id: '9_2ecbplus', sentences: [{ id: 0, tokens: ['news'] }] },
    ]);
  });

  test('selected sentences: ecbplus ids are one lower (the address line was dropped)', () => {
    const selected = parseSelectedSentences('Topic,File,Sentence Number\n9,1ecb,2\n9,4ecbplus,1\n9,4ecbplus,3\n');
    assert.deepEqual([...selected].sort(), ['9_1ecb:2', '9_4ecbplus:0', '9_4ecbplus:2']);
  });

  test('story ids: topic plus ecb or ecbplus', () => {
    assert.equal(ecbStoryId('12_3ecb'), '12-ecb');
    assert.equal(ecbStoryId('12_3ecbplus'), '12-ecbplus');
  });

  test('event mentions: malformed entries skipped', () => {
    const json = JSON.stringify([{ coref_chain: 'ACT1', doc_id: '9_1ecb', sent_id: 2, is_singleton: false }, { doc_id: '9_1ecb' }]);
    assert.deepEqual(parseEventMentions(json), [{ document: '9_1ecb', sentence: 2, chain: 'ACT1', singleton: false }]);
  });

  test('detokenize: punctuation, clitics, brackets and PTB quotes', () => {
    assert.equal(detokenize(['The', 'mayor', "'s", 'aide', '(', 'Ola', ')', 'said', ',', '``', 'no', "''", '.']), 'The mayor\'s aide (Ola) said, "no".');
    assert.equal(detokenize(['It', 'cost', '$', '5', 'million', ';', 'they', 'did', "n't", 'pay', '!']), "It cost $5 million; they didn't pay!");
    assert.equal(detokenize(['A', '27', '-', 'year', '-', 'old', 'left', '-', '-', 'quietly']), 'A 27-year-old left - - quietly');
  });

  test('document body: one paragraph per sentence, spans point at the sentences', () => {
    const document: EcbDocument = {
      id: '9_1ecb',
      sentences: [
        { id: 0, tokens: ['Mayor', 'quits'] },
        { id: 3, tokens: ['She', 'left', '.'] },
      ],
    };
    const { text, paragraphs } = documentBody(document);
    assert.equal(text, 'Mayor quits\n\nShe left.');
    assert.deepEqual(
      paragraphs.map(({ start, end }) => text.slice(start, end)),
      ['Mayor quits', 'She left.'],
    );
  });
});

describe('ECB+ gold pairs', () => {
  // Three documents of one story: A = 9_1ecb, B = 9_2ecb, C = 9_3ecb.
  const documents: EcbDocument[] = [
    { id: '9_1ecb', sentences: [{ id: 0, tokens: ['x'] }, { id: 4, tokens: ['y'] }] },
    { id: '9_2ecb', sentences: [{ id: 1, tokens: ['z'] }] },
    { id: '9_3ecb', sentences: [{ id: 0, tokens: ['w'] }, { id: 2, tokens: ['v'] }] },
  ];
  const mention = (document: string, sentence: number, chain: string, singleton = false): EcbMention => ({ document, sentence, chain, singleton });
  const mentions: EcbMention[] = [
    mention('9_1ecb', 0, 'RESIGN'),
    mention('9_1ecb', 4, 'RESIGN'),
    mention('9_2ecb', 1, 'RESIGN'),
    mention('9_2ecb', 1, 'ELECT'),
    mention('9_3ecb', 2, 'ELECT'),
    mention('9_3ecb', 0, 'RESIGN', true), // a singleton links nothing
    mention('9_3ecb', 0, 'PARADE'), // a chain within one document links nothing across
    mention('9_3ecb', 2, 'PARADE'),
    mention('9_3ecb', 7, 'RESIGN'), // not a loaded sentence: ignored
  ];

  test('sentences sharing a non-singleton chain across documents are linked', () => {
    const gold = ecbGoldPairs(documents, mentions);
    // RESIGN: A0, A1, B0 → A0–B0, A1–B0 (A0–A1 is one document). ELECT: B0, C1 → B0–C1.
    assert.deepEqual([...gold.sentencePairs].sort(), ['0:0|1:0', '0:1|1:0', '1:0|2:1']);
    assert.deepEqual([...gold.mentionLinks].sort(), ['0:0|1:0', '0:1|1:0', '1:0|2:1']);
  });

  test('a sentence pair sharing two chains carries two mention links', () => {
    const gold = ecbGoldPairs(documents, [...mentions, mention('9_1ecb', 0, 'ELECT')]);
    assert.equal(gold.mentionLinks.filter((key) => key === '0:0|1:0').length, 2);
    assert.equal(gold.sentencePairs.size, 4);
  });

  test('stricter gold: chain sets overlapping by Jaccard >= 0.5', () => {
    const gold = ecbGoldPairs(documents, mentions);
    // Chain sets: A0 {RESIGN}, A1 {RESIGN}, B0 {RESIGN, ELECT}, C1 {ELECT, PARADE}.
    // A0–B0 1/2, A1–B0 1/2, B0–C1 1/3.
    assert.deepEqual([...gold.sameEventsPairs].sort(), ['0:0|1:0', '0:1|1:0']);
  });
});
