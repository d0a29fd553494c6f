import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeAnalyzed, paragraphs } from '../../../test/helpers/analyzed.js';
import type { AnalyzedStory } from '../origins.js';
import { findAgreementErrors, findOddSynonyms, findPronounMismatches, findUnconnectedSentences, groupsUsingWords } from './rewriting-marks.js';

function spansText(text: string, spans: readonly { start: number; end: number }[]): string[] {
  return spans.map((span) => text.slice(span.start, span.end));
}

describe('findAgreementErrors', () => {
  it('finds plural subjects with a singular verb', () => {
    const text = 'Between 40 and 50 houses was damaged. The engineers said their warnings was ignored.';
    assert.deepEqual(spansText(text, findAgreementErrors(makeAnalyzed({ id: 'a', text }))), ['50 houses was', 'their warnings was']);
  });

  it('leaves correct agreement, objects of prepositions and amounts alone', () => {
    const text = 'One of the houses was damaged. The number of boats is small. Three years is a long time. The houses were empty. The task of engineers is hard.';
    assert.deepEqual(findAgreementErrors(makeAnalyzed({ id: 'a', text })), []);
  });
});

describe('findPronounMismatches', () => {
  it('finds a pronoun whose gender no one just named has', () => {
    const text = 'Mayor Robert Hale visited the shelter on Monday. She said the town would rebuild the bridge.';
    const found = findPronounMismatches(makeAnalyzed({ id: 'a', text }));
    assert.deepEqual(
      found.map(({ pronoun, named }) => [pronoun, named]),
      [['She', 'Robert Hale']],
    );
  });

  it('accepts a pronoun that fits, or that a gendered noun explains', () => {
    const text = 'Mayor Robert Hale visited the shelter on Monday. He said the town would rebuild the bridge. Hale thanked a woman and her mother for their work.';
    assert.deepEqual(findPronounMismatches(makeAnalyzed({ id: 'a', text })), []);
  });
});

describe('findUnconnectedSentences', () => {
  it('finds a sentence that shares nothing with its neighbours or the story', () => {
    const text = paragraphs(
      'The ferry Marlin Star caught fire in the harbour of Port Alvar on Monday.',
      'All passengers were taken off the ferry by lifeboats within two hours.',
      'Chocolate is one of the most popular sweet treats enjoyed by children all over the world.',
      'Firefighters fought the fire on the ferry for most of the day.',
      'The operator suspended crossings from the harbour until the cause of the fire is known.',
    );
    const analyzed = makeAnalyzed({ id: 'a', text });
    assert.deepEqual(
      findUnconnectedSentences(analyzed).map((index) => text.slice(analyzed.sentences[index]!.start, analyzed.sentences[index]!.end)),
      ['Chocolate is one of the most popular sweet treats enjoyed by children all over the world.'],
    );
  });
});

describe('findOddSynonyms', () => {
  it('finds words swapped for synonyms no other report uses', () => {
    const texts = [
      'The ferry caught fire and the divers reached it by helicopter before the investigation began.',
      'A helicopter carried the divers to the burning ferry, and an investigation is under way.',
      'Divers from the navy searched the ferry after the helicopter landed; the investigation will take weeks.',
      'The ferryboat caught fire and the frogmen reached it by chopper before the probe began.',
    ];
    const articles = texts.map((text, index) => makeAnalyzed({ id: `r${index}`, text }));
    const story: AnalyzedStory = { articles, originOf: ['g0', 'g1', 'g2', 'g3'], matches: [] };
    const odd = findOddSynonyms(story, 3, [{ own: 0, otherArticle: 0, otherSentence: 0 }], groupsUsingWords(story));
    assert.deepEqual(
      odd.map(({ word, usual }) => [word, usual]).sort(),
      [
        ['chopper', 'helicopter'],
        ['ferryboat', 'ferry'],
        ['frogman', 'diver'],
        ['probe', 'investigation'],
      ],
    );
    assert.deepEqual(findOddSynonyms(story, 0, [{ own: 0, otherArticle: 3, otherSentence: 0 }], groupsUsingWords(story)), []);
  });
});
