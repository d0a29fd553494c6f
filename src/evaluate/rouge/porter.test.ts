import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { porterStem, removePlural, removeResidualSuffix, removeVerbEnding, replaceFinalY, simplifyDerivationalSuffix, simplifyDoubleSuffix, tidyEnding } from './porter.js';

/** Each step on the examples Porter (1980) gives for it. */
const STEP_EXAMPLES: [string, (word: string) => string, [string, string][]][] = [
  ['1a', removePlural, [['caresses', 'caress'], ['ponies', 'poni'], ['ties', 'ti'], ['caress', 'caress'], ['cats', 'cat']]],
  [
    '1b',
    removeVerbEnding,
    [
      ['feed', 'feed'], ['agreed', 'agree'], ['plastered', 'plaster'], ['bled', 'bled'], ['motoring', 'motor'], ['sing', 'sing'],
      ['conflated', 'conflate'], ['troubled', 'trouble'], ['sized', 'size'], ['hopping', 'hop'], ['tanned', 'tan'], ['falling', 'fall'],
      ['hissing', 'hiss'], ['fizzed', 'fizz'], ['failing', 'fail'], ['filing', 'file'],
    ],
  ],
  ['1c', replaceFinalY, [['happy', 'happi'], ['sky', 'sky']]],
  [
    '2',
    simplifyDoubleSuffix,
    [
      ['relational', 'relate'], ['conditional', 'condition'], ['rational', 'rational'], ['valenci', 'valence'], ['hesitanci', 'hesitance'],
      ['digitizer', 'digitize'], ['conformabli', 'conformable'], ['radicalli', 'radical'], ['differentli', 'different'], ['vileli', 'vile'],
      ['analogousli', 'analogous'], ['vietnamization', 'vietnamize'], ['predication', 'predicate'], ['operator', 'operate'],
      ['feudalism', 'feudal'], ['decisiveness', 'decisive'], ['hopefulness', 'hopeful'], ['callousness', 'callous'], ['formaliti', 'formal'],
      ['sensitiviti', 'sensitive'], ['sensibiliti', 'sensible'],
    ],
  ],
  [
    '3',
    simplifyDerivationalSuffix,
    [['triplicate', 'triplic'], ['formative', 'form'], ['formalize', 'formal'], ['electriciti', 'electric'], ['electrical', 'electric'], ['hopeful', 'hope'], ['goodness', 'good']],
  ],
  [
    '4',
    removeResidualSuffix,
    [
      ['revival', 'reviv'], ['allowance', 'allow'], ['inference', 'infer'], ['airliner', 'airlin'], ['gyroscopic', 'gyroscop'], ['adjustable', 'adjust'],
      ['defensible', 'defens'], ['irritant', 'irrit'], ['replacement', 'replac'], ['adjustment', 'adjust'], ['dependent', 'depend'], ['adoption', 'adopt'],
      ['homologou', 'homolog'], ['communism', 'commun'], ['activate', 'activ'], ['angulariti', 'angular'], ['homologous', 'homolog'], ['effective', 'effect'],
      ['bowdlerize', 'bowdler'],
    ],
  ],
  ['5', tidyEnding, [['probate', 'probat'], ['rate', 'rate'], ['cease', 'ceas'], ['controll', 'control'], ['roll', 'roll']]],
];

describe('Porter stemmer as ROUGE-1.5.5 runs it', () => {
  for (const [name, step, examples] of STEP_EXAMPLES) {
    test(`step ${name} on the paper's examples`, () => {
      for (const [word, expected] of examples) assert.equal(step(word), expected, word);
    });
  }

  test('whole words', () => {
    const cases: [string, string][] = [
      ['caresses', 'caress'], ['ponies', 'poni'], ['relational', 'relat'], ['conditional', 'condit'], ['agreed', 'agre'], ['generously', 'gener'],
      ['hopefulness', 'hope'], ['electrical', 'electr'], ['sized', 'size'], ['yielding', 'yield'], ['1990s', '1990'],
    ];
    for (const [word, expected] of cases) assert.equal(porterStem(word), expected, word);
  });

  test("ROUGE's departures from the paper", () => {
    assert.equal(porterStem('archaeology'), 'archaeolog', '"logi" → "log" (the paper keeps "archaeologi")');
    assert.equal(porterStem('agreement'), 'agreem', 'step 4 tries "ent" after "ement" failed (the paper keeps "agreement")');
    assert.equal(porterStem('governmental'), 'govern', '"al", then "ment"');
  });

  test('short words and y as a consonant', () => {
    assert.equal(porterStem('is'), 'is');
    assert.equal(porterStem('yes'), 'ye');
    assert.equal(porterStem('saying'), 'sai', 'y after a vowel is a consonant, so "say" has a vowel');
    assert.equal(porterStem('crying'), 'cry', 'y after a consonant is a vowel, so "cry" loses "-ing"; "cr" has none, so the y stays');
  });
});
