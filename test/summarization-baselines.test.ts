import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { centroidSummary } from '../bench/baselines/centroid.js';
import { fitToBudget, pageRank, sentenceUnits, type Baseline } from '../bench/baselines/common.js';
import { BASELINES } from '../bench/baselines/index.js';
import { lead3 } from '../bench/baselines/lead.js';
import { lexRank } from '../bench/baselines/lexrank.js';
import { mmr } from '../bench/baselines/mmr.js';
import { textRank, textRankSimilarity } from '../bench/baselines/textrank.js';
import { bootstrapDifference, bootstrapMean } from '../bench/bootstrap.js';
import { boilerplateReason } from '../src/summarize/boilerplate.js';

/**
 * The summarization benchmark's pieces on inputs small enough to check by hand: the budget
 * rule, the bootstrap interval, and each classical baseline on a tiny invented cluster (a
 * fictional flood in a fictional town). Lives under test/ because scripts/run-tests.mjs scans
 * only src/ and test/.
 */

const FLOOD_A = [
  'Floodwater from the Tarn River covered the lower streets of Orvale on Tuesday morning.',
  'Mayor Ilse Brandvik said forty homes in Orvale were evacuated before dawn.',
  'The town bakery stayed open to feed the volunteers.',
  'Photos by staff.',
  'Officials expect the Tarn River to fall by Friday, the mayor said.',
];
const FLOOD_B = [
  'The Tarn River flooded the lower streets of Orvale on Tuesday, forcing evacuations.',
  'Forty homes in Orvale were evacuated, Mayor Ilse Brandvik said.',
  'A school gym became a shelter for the displaced families.',
  'Forecasters warned of more rain in the hills above the valley.',
];
const FLOOD_C = [
  'By Wren Halloway.',
  'Orvale residents spent Tuesday moving furniture upstairs as the Tarn River rose.',
  'The mayor, Ilse Brandvik, said the Tarn River should fall by Friday.',
  'Amateur football matches were postponed for the weekend.',
];
const CLUSTER = [FLOOD_A, FLOOD_B, FLOOD_C];
const ALL_SENTENCES = CLUSTER.flat();
/** The sentences that state the event itself: what a central sentence should be. */
const ABOUT_THE_FLOOD = new Set([FLOOD_A[0], FLOOD_A[1], FLOOD_A[4], FLOOD_B[0], FLOOD_B[1], FLOOD_C[1], FLOOD_C[2]]);
const WIDE: { words: number } = { words: 1000 };

const wordCount = (sentences: readonly string[]): number => sentences.join(' ').split(/\s+/).filter(Boolean).length;

describe('fitToBudget', () => {
  test('keeps whole sentences while they fit and cuts the one that reaches the budget', () => {
    assert.deepEqual(fitToBudget(['One two three.', 'Four five six seven.', 'Eight nine.'], { words: 5 }), ['One two three.', 'Four five']);
  });

  test('stops after the budget is reached, and is idempotent', () => {
    const once = fitToBudget(['a b c', 'd e f', 'g h'], { words: 6 });
    assert.deepEqual(once, ['a b c', 'd e f']);
    assert.deepEqual(fitToBudget(once, { words: 6 }), once);
  });

  test('a zero budget or no sentences gives nothing; blank sentences are dropped', () => {
    assert.deepEqual(fitToBudget(['Some words here.'], { words: 0 }), []);
    assert.deepEqual(fitToBudget([], { words: 10 }), []);
    assert.deepEqual(fitToBudget(['  ', 'Two words.'], { words: 10 }), ['Two words.']);
  });
});

describe('bootstrapMean', () => {
  test('a constant sample has its value as mean and both bounds', () => {
    assert.deepEqual(bootstrapMean([0.4, 0.4, 0.4, 0.4]), { mean: 0.4, low: 0.4, high: 0.4 });
  });

  test('half zeros, half ones: the interval is about ±1.96 standard errors around 0.5', () => {
    const values = Array.from({ length: 100 }, (_, index) => index % 2);
    const { mean, low, high } = bootstrapMean(values);
    assert.equal(mean, 0.5);
    // Standard error 0.05, so the 95% bounds lie near 0.40 and 0.60.
    assert.ok(low > 0.37 && low < 0.43, `low ${low}`);
    assert.ok(high > 0.57 && high < 0.63, `high ${high}`);
  });

  test('seeded: the same sample gives the same interval; another seed a slightly different one', () => {
    const values = [0.1, 0.5, 0.2, 0.9, 0.3, 0.35, 0.7];
    assert.deepEqual(bootstrapMean(values), bootstrapMean(values));
    assert.notDeepEqual(bootstrapMean(values, 1000, 1), bootstrapMean(values, 1000, 2));
  });

  test('no values gives zeros; one value gives that value', () => {
    assert.deepEqual(bootstrapMean([]), { mean: 0, low: 0, high: 0 });
    assert.deepEqual(bootstrapMean([0.25]), { mean: 0.25, low: 0.25, high: 0.25 });
  });
});

describe('bootstrapDifference', () => {
  test('a constant lead has no spread; the pairing is kept', () => {
    const first = [0.3, 0.6, 0.1, 0.8];
    const { mean, low, high } = bootstrapDifference(
      first,
      first.map((value) => value - 0.1),
    );
    assert.ok(Math.abs(mean - 0.1) < 1e-12 && Math.abs(low - 0.1) < 1e-12 && Math.abs(high - 0.1) < 1e-12);
  });

  test('samples of different sizes are refused', () => {
    assert.throws(() => bootstrapDifference([1, 2], [1]), RangeError);
  });
});

describe('sentenceUnits', () => {
  test('sentences under five words are left out, positions count every sentence', () => {
    const units = sentenceUnits(CLUSTER);
    assert.ok(!units.some((unit) => unit.text === 'Photos by staff.' || unit.text === 'By Wren Halloway.'));
    const officials = units.find((unit) => unit.text === FLOOD_A[4]);
    assert.deepEqual([officials?.document, officials?.position, officials?.documentLength], [0, 4, 5]);
  });
});

describe('pageRank', () => {
  test('the centre of a star ranks first and the scores sum to one', () => {
    const star = [
      [0, 1, 1, 1],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
    ];
    const scores = pageRank(star, 0.85);
    assert.ok(scores.slice(1).every((score) => (scores[0] ?? 0) > score));
    assert.ok(Math.abs(scores.reduce((sum, score) => sum + score, 0) - 1) < 1e-9);
  });

  test('no edges: every node equal', () => {
    assert.deepEqual(pageRank([[0, 0], [0, 0]], 0.85), [0.5, 0.5]);
  });
});

describe('textRankSimilarity', () => {
  test('shared distinct content words over the sum of the logs of the lengths', () => {
    const [first, second] = sentenceUnits([['Orvale bakery fed tired volunteers today.', 'The volunteers at Orvale slept in a gym.']]);
    assert.ok(first !== undefined && second !== undefined);
    // Shared content words: orvale, volunteers; lengths 6 and 8 words.
    assert.ok(Math.abs(textRankSimilarity(first, second) - 2 / (Math.log(6) + Math.log(8))) < 1e-12);
  });
});

describe('lead3', () => {
  test('the first three sentences of each document, documents in order, short ones passed over', () => {
    assert.deepEqual(lead3(CLUSTER, WIDE), [FLOOD_A[0], FLOOD_A[1], FLOOD_A[2], FLOOD_B[0], FLOOD_B[1], FLOOD_B[2], FLOOD_C[1], FLOOD_C[2], FLOOD_C[3]]);
  });

  test('cut at the budget', () => {
    assert.deepEqual(lead3(CLUSTER, { words: 20 }), [FLOOD_A[0], 'Mayor Ilse Brandvik said forty homes']);
  });
});

describe('the ranking baselines on a tiny cluster', () => {
  const rankers: readonly [string, Baseline][] = [
    ['LexRank', lexRank],
    ['TextRank', textRank],
    ['Centroid', centroidSummary],
    ['MMR', mmr],
  ];

  for (const [name, summarize] of rankers) {
    test(`${name}: the first sentence states the event; sentences are the cluster's, distinct, within the budget`, () => {
      const chosen = summarize(CLUSTER, { words: 40 });
      assert.ok(chosen.length >= 2, `${name} chose ${chosen.length}`);
      assert.ok(ABOUT_THE_FLOOD.has(chosen[0]), `${name} led with: ${chosen[0]}`);
      assert.ok(wordCount(chosen) <= 40);
      chosen.forEach((sentence, index) => {
        const whole = index < chosen.length - 1 ? ALL_SENTENCES.includes(sentence) : ALL_SENTENCES.some((source) => source.startsWith(sentence));
        assert.ok(whole, `${name}: ${sentence} is not from the cluster`);
      });
      assert.equal(new Set(chosen).size, chosen.length);
    });
  }

  test('a wire story printed twice is not summarised twice', () => {
    for (const [name, summarize] of rankers.filter(([name]) => name !== 'MMR')) {
      const chosen = summarize([FLOOD_A, FLOOD_A], WIDE);
      assert.equal(new Set(chosen).size, chosen.length, name);
      assert.equal(chosen.length, 4, name);
    }
  });
});

describe('every baseline', () => {
  test('nothing in, nothing out; only short sentences, nothing out', () => {
    for (const { name, summarize } of BASELINES) {
      assert.deepEqual(summarize([], WIDE), [], name);
      assert.deepEqual(summarize([['Too short.', 'Also short here.']], WIDE), [], name);
    }
  });

  test('a long cluster without punctuation stays within the budget and quick', () => {
    const words = Array.from({ length: 20_000 }, (_, index) => `word${index % 997}`).join(' ');
    for (const { name, summarize } of BASELINES) {
      const started = performance.now();
      const chosen = summarize([[words], [words.slice(0, 5000)]], { words: 50 });
      assert.ok(wordCount(chosen) <= 50, name);
      assert.ok(performance.now() - started < 2000, name);
    }
  });
});

describe('boilerplateReason', () => {
  test('page furniture is named, reporting is not', () => {
    assert.equal(boilerplateReason('© 2026 Harbour Press. All rights reserved.'), 'extractor rule removeCopyrightNotice');
    assert.equal(boilerplateReason('enlarge this image toggle caption Orvale volunteers fill sandbags'), 'image caption control');
    assert.equal(boilerplateReason('Click here to read the mayor&#39;s statement.'), 'call to action');
    assert.equal(boilerplateReason('Mayor Ilse Brandvik said forty homes were evacuated.'), null);
  });
});
