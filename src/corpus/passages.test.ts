import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_MIN_SENTENCE_SIMILARITY,
  foldWord,
  matchSentences,
  sentenceSimilarity,
  sentenceTokens,
} from './passages.js';
import { makeAnalyzed } from '../../test/helpers/analyzed.js';
import { TRIMMED, WIRE } from '../../test/fixtures/bridge-collapse.js';

/** The comparable words of a one-sentence text. */
function words(sentence: string): string[] {
  return sentenceTokens(makeAnalyzed({ id: 'x', text: sentence }), 0);
}

describe('foldWord', () => {
  for (const [input, expected] of [
    ['emphasised', ['emphasized']],
    ['analysed', ['analyzed']],
    ['organisation', ['organization']],
    ['9,000', ['9000']],
    ['140-metre', ['140', 'metre']],
    ['bridge', ['bridge']],
  ] as const) {
    it(`${input} → ${expected.join(' ')}`, () => assert.deepEqual(foldWord(input), expected));
  }
});

describe('sentenceTokens', () => {
  const analyzed = makeAnalyzed({ id: 'w', text: WIRE });

  it('returns the folded words of one sentence only', () => {
    assert.deepEqual(sentenceTokens(analyzed, 2), 'witnesses described a loud cracking sound before the central span dropped into the river'.split(' '));
    assert.deepEqual(
      sentenceTokens(analyzed, 8).slice(0, 8),
      ['he', 'emphasized', 'that', 'the', 'structure', 'which', 'carries', '9000'],
    );
  });

  it('covers every token of the article exactly once', () => {
    const all = analyzed.sentences.flatMap((_, index) => sentenceTokens(analyzed, index));
    assert.equal(all.join(' '), analyzed.tokens.flatMap((token) => foldWord(token.norm)).join(' '));
  });

  it('rejects a sentence index out of range', () => {
    assert.throws(() => sentenceTokens(analyzed, analyzed.sentences.length), RangeError);
  });
});

describe('sentenceSimilarity', () => {
  const original = 'He emphasised that the structure -- which carries 9,000 vehicles a day -- had passed its last safety inspection in 2029.';
  const quote = '"It sounded like thunder, and then the whole middle section was just gone," said Mara Tennant, who runs a bakery.';
  for (const [name, first, second, passes] of [
    ['a word-for-word copy', original, original, true],
    ['spelling, dashes and numbers edited', original, 'He emphasized that the structure - which carries 9000 vehicles a day - had passed its last safety inspection in 2029.', true],
    ['curly quotes for straight ones', quote, '“It sounded like thunder, and then the whole middle section was just gone,” said Mara Tennant, who runs a bakery.', true],
    ['a few words changed, added and removed', original, 'He stressed that the bridge, which carries 9,000 vehicles each day, had passed its most recent safety inspection in 2029.', true],
    ['a clause cut', 'Engineers had warned the town council in a 2027 report that corrosion in the steel cables needed urgent attention, according to documents.', 'Engineers had warned the town council in a 2027 report that corrosion in the steel cables needed urgent attention.', true],
    ['a different sentence sharing a name', 'Mayor Ilse Varga said on Tuesday that the council would cooperate with the inquiry.', 'Mayor Ilse Varga opened the lantern festival on Tuesday with a speech about the harbour.', false],
    ['a paraphrase in other words', 'Witnesses described a loud cracking sound before the central span dropped into the river.', 'People nearby reported hearing a sharp crack moments before the middle section went down.', false],
  ] as const) {
    it(`${name} ${passes ? 'passes' : 'does not pass'} the default threshold`, () => {
      const similarity = sentenceSimilarity(words(first), words(second));
      assert.equal(similarity >= DEFAULT_MIN_SENTENCE_SIMILARITY, passes, `similarity ${similarity}`);
      assert.equal(similarity, sentenceSimilarity(words(second), words(first)), 'symmetric');
    });
  }

  it('gives 1 for identical word sequences', () => {
    assert.equal(sentenceSimilarity(words(original), words(original)), 1);
  });
});

describe('matchSentences', () => {
  const wire = makeAnalyzed({ id: 'wire', text: WIRE });
  const trimmed = makeAnalyzed({ id: 'trimmed', text: TRIMMED });
  const matches = matchSentences([wire, trimmed]);

  it('matches verbatim and edited sentences across articles, ordered, lower article first', () => {
    assert.ok(matches.length >= 12);
    assert.ok(matches.every((match) => match.a.article === 0 && match.b.article === 1));
    const order = matches.map((match) => [match.a.sentence, match.b.sentence]);
    assert.deepEqual(order, [...order].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
    assert.ok(matches.some((match) => match.verbatim && match.similarity === 1));
    assert.ok(matches.some((match) => !match.verbatim && match.similarity < 1));
  });

  it('finds the edited "emphasised" sentence and marks it not verbatim', () => {
    const match = matches.find((candidate) => candidate.a.sentence === 8);
    assert.ok(match !== undefined);
    assert.equal(match.verbatim, true, 'the edits fold away: emphasized, dashes, 9,000');
    assert.equal(match.b.sentence, 10);
    const edited = matches.find((candidate) => candidate.a.sentence === 2);
    assert.equal(edited?.verbatim, false, '"dropped" became "plunged"');
  });

  it('does not match within one article, nor sentences of fewer than 5 words', () => {
    const text = 'The bridge fell today.\n\nThe bridge fell today.\n\nDivers searched the river for the missing van.';
    const same = makeAnalyzed({ id: 's', text });
    assert.deepEqual(matchSentences([same]), []);
    const found = matchSentences([same, makeAnalyzed({ id: 't', text })]);
    assert.deepEqual(
      found.map((match) => [match.a.sentence, match.b.sentence]),
      [[2, 2]],
    );
  });

  it('honours minSimilarity', () => {
    assert.ok(matchSentences([wire, trimmed], { minSimilarity: 1 }).every((match) => match.similarity === 1));
  });

  it('is deterministic', () => {
    assert.deepEqual(matchSentences([wire, trimmed]), matches);
  });
});
