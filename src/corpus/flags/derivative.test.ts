import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BRIEF, ORIGINAL, PASSENGERS, REWRITE } from '../../../test/fixtures/ferry-fire.js';
import { makeAnalyzed } from '../../../test/helpers/analyzed.js';
import type { ArticleFlag } from '../../core/records.js';
import { reconcileEntities } from '../entities.js';
import { findFacts } from '../facts.js';
import { findOrigins, type AnalyzedStory } from '../origins.js';
import { findDerivatives } from './derivative.js';

const NAMES = ['original', 'rewrite', 'passengers', 'brief'] as const;

/** The derivative flags of the ferry story, each article published when given (null: unknown). */
function derivativesOf(published: Readonly<Record<(typeof NAMES)[number], string | null>>, texts: readonly string[] = [ORIGINAL, REWRITE, PASSENGERS, BRIEF]): (ArticleFlag | null)[] {
  const articles = texts.map((text, index) => makeAnalyzed({ id: NAMES[index]!, text, published: published[NAMES[index]!] }));
  const origins = findOrigins(articles);
  const story: AnalyzedStory = { articles, originOf: origins.originOf, matches: origins.matches };
  const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  const facts = findFacts(story, { entityOf: entities.entityOf });
  return findDerivatives(
    story,
    facts,
    articles.map(() => []),
    articles.map(() => false),
  );
}

describe('findDerivatives', () => {
  it('flags the rewrite, names its source and gives the evidence', () => {
    const flags = derivativesOf({ original: '2031-06-02T09:00Z', rewrite: '2031-06-02T15:00Z', passengers: '2031-06-02T12:00Z', brief: null });
    const flag = flags[1];
    assert.ok(flag !== null && flag !== undefined);
    assert.equal(flag.kind, 'derivative');
    assert.deepEqual(flag.derivedFrom, ['original']);
    assert.match(flag.evidence[0]!, /^\d+ of 10 sentences reword sentences of another report: \d+ from original\.txt$/u);
    assert.match(flag.evidence[1]!, /^published after original\.txt .*; swaps \d+ words of original\.txt for synonyms no other report uses \(.*'chopper' for 'helicopter'/u);
  });

  it('never flags the original, nor an independent report published later that states the same facts', () => {
    const flags = derivativesOf({ original: '2031-06-02T09:00Z', rewrite: '2031-06-02T15:00Z', passengers: '2031-06-02T12:00Z', brief: '2031-06-02T18:00Z' });
    assert.equal(flags[0], null);
    assert.equal(flags[2], null);
    assert.equal(flags[3], null);
  });

  it('tells the direction from the words when no date is known', () => {
    const flags = derivativesOf({ original: null, rewrite: null, passengers: null, brief: null });
    assert.deepEqual(flags[1]?.derivedFrom, ['original']);
    assert.equal(flags[0], null);
  });

  it('flags nothing when the dates and the words disagree', () => {
    const flags = derivativesOf({ original: '2031-06-02T15:00Z', rewrite: '2031-06-02T09:00Z', passengers: null, brief: null });
    assert.deepEqual(flags, [null, null, null, null]);
  });

  it('does not flag a copy of a report: origins count it once already', () => {
    const flags = derivativesOf({ original: '2031-06-02T09:00Z', rewrite: '2031-06-02T15:00Z', passengers: null, brief: null }, [ORIGINAL, ORIGINAL, PASSENGERS, BRIEF]);
    assert.deepEqual(flags, [null, null, null, null]);
  });
});
