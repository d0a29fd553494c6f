import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention, Quote } from '../core/annotations.js';
import type { Analyzed } from '../core/records.js';
import { makeAnalyzed } from '../../test/helpers/analyzed.js';
import { reconcileEntities } from './entities.js';
import { storyQuotes } from './speakers.js';

/** The span of the first `words` at or after `from` in `text`. */
function spanOf(text: string, words: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(words, from);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
}

/** An article with the given mentions and one reported quote whose speaker phrase is `speaker`. */
function articleWith(id: string, text: string, mentions: readonly EntityMention[], speaker: string, speakerMention: EntityMention | null): Analyzed {
  const speakerSpan = spanOf(text, speaker);
  const content = spanOf(text, 'the shelter was full');
  const quote: Quote = { start: speakerSpan.start, end: content.end, kind: 'indirect', content: [content], cue: spanOf(text, 'said'), speaker: speakerSpan, speakerMention };
  return { ...makeAnalyzed({ id, text }), entities: mentions, quotes: [quote] };
}

function resolve(articles: readonly Analyzed[]) {
  const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  const names = new Map(entities.entities.map((entity) => [entity.id, entity.name]));
  return storyQuotes(articles, entities).map((quote) => (quote.speaker === null ? null : names.get(quote.speaker)));
}

describe('storyQuotes', () => {
  const text = 'Mayor Ilka Sorn of Tarnby opened a hall. The mayor of Tarnby said the shelter was full.';
  const sorn: EntityMention = { ...spanOf(text, 'Ilka Sorn'), kind: 'person', role: 'mayor' };
  const tarnby: EntityMention = { ...spanOf(text, 'Tarnby', 40), kind: 'place', role: null };
  const firstTarnby: EntityMention = { ...spanOf(text, 'Tarnby'), kind: 'place', role: null };

  it('gives a speaker named by a role to the one person of the article holding it, not to the place', () => {
    assert.deepEqual(resolve([articleWith('a', text, [sorn, firstTarnby, tarnby], 'The mayor of Tarnby', tarnby)]), ['Ilka Sorn']);
  });

  it('leaves the speaker unknown when two people hold the role', () => {
    const two = 'Mayor Ilka Sorn met Mayor Oda Brenn. The mayor said the shelter was full.';
    const mentions: EntityMention[] = [
      { ...spanOf(two, 'Ilka Sorn'), kind: 'person', role: 'mayor' },
      { ...spanOf(two, 'Oda Brenn'), kind: 'person', role: 'mayor' },
    ];
    assert.deepEqual(resolve([articleWith('a', two, mentions, 'The mayor', null)]), [null]);
  });

  it('keeps a place as speaker when the place alone is named', () => {
    const country = 'Tarnby said the shelter was full.';
    const mention: EntityMention = { ...spanOf(country, 'Tarnby'), kind: 'place', role: null };
    assert.deepEqual(resolve([articleWith('a', country, [mention], 'Tarnby', mention)]), ['Tarnby']);
  });
});
