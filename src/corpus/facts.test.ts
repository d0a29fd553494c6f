import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeAnalyzed, paragraphs } from '../../test/helpers/analyzed.js';
import type { Analyzed } from '../core/records.js';
import { reconcileEntities } from './entities.js';
import { findFacts, storyFacts, type Facts } from './facts.js';
import { countIndependentReports } from './report-frequency.js';
import { findOrigins } from './origins.js';

function storyOf(texts: readonly string[]): { articles: Analyzed[]; originOf: string[]; facts: Facts } {
  const articles = texts.map((text, index) => makeAnalyzed({ id: `a${index}`, text }));
  const origins = findOrigins(articles);
  const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  const story = { articles, originOf: [...origins.originOf], matches: origins.matches };
  return { articles, originOf: story.originOf, facts: findFacts(story, { entityOf: entities.entityOf }) };
}

function sameFact(facts: Facts, first: readonly [number, number], second: readonly [number, number]): boolean {
  const fact = facts.factOf(...first);
  return fact !== null && fact === facts.factOf(...second);
}

test('reworded sentences of different articles are one fact; unrelated ones are not', () => {
  const { facts } = storyOf([
    paragraphs(
      'Foreign Minister Odile Varga said there was almost no trust left between Corran and Velmar.',
      'The central bank of Corran raised its main rate to curb inflation on Monday.',
      'Varga also opened a new consulate in the northern port of Selby.',
    ),
    paragraphs(
      'There is nearly no trust left between Velmar and Corran, Foreign Minister Odile Varga said.',
      'On Monday the Corran central bank lifted its main rate to rein in inflation.',
      'A storm closed the airport of Selby for six hours.',
    ),
  ]);
  assert.ok(sameFact(facts, [0, 0], [1, 0]));
  assert.ok(sameFact(facts, [0, 1], [1, 1]));
  assert.ok(!sameFact(facts, [0, 2], [1, 2]));
  assert.ok(!sameFact(facts, [0, 0], [1, 1]));
});

test('different figures for the same statement stay one fact, for the conflict finder', () => {
  const { facts } = storyOf([
    'At least 14 people died when the Orlen bridge collapsed on Friday, officials said.',
    'Officials said 19 people died when the Orlen bridge collapsed on Friday.',
  ]);
  assert.ok(sameFact(facts, [0, 0], [1, 0]));
});

test('copies of one report count once; each sentence is in one fact', () => {
  const text = paragraphs(
    'The harbour authority of Pellow closed the eastern pier after a crane fell into the water on Sunday.',
    'Nobody was hurt, a spokeswoman for the authority said.',
    'Engineers will inspect the remaining cranes of the pier this week.',
  );
  const { facts } = storyOf([text, text, text]);
  assert.equal(facts.facts.length, 3);
  for (const fact of facts.facts) {
    assert.equal(fact.members.length, 3);
    assert.equal(fact.independentReports, 1);
  }
  assert.ok(facts.pairs.every(({ verbatim }) => verbatim));
});

test('fifty copies, one article, two languages and no shared sentences all work', () => {
  const text = 'The harbour authority of Pellow closed the eastern pier after a crane fell into the water on Sunday.';
  const fifty = storyOf(Array.from({ length: 50 }, () => text));
  assert.equal(fifty.facts.facts.length, 1);
  assert.equal(fifty.facts.facts[0]!.independentReports, 1);
  assert.equal(storyOf([text]).facts.facts.length, 1);
  const mixed = storyOf([text, 'Die Hafenbehörde von Pellow schloss am Sonntag den Ostpier, nachdem ein Kran ins Wasser gefallen war.']);
  assert.ok(mixed.facts.facts.length >= 1);
  const apart = storyOf([text, 'A new violin school opened in the mountain village of Trask with twelve pupils.']);
  assert.equal(apart.facts.facts.length, 2);
  assert.equal(storyOf(['', '...']).facts.facts.length, 0);
});

test('countIndependentReports leaves out excluded articles unless only they state the fact', () => {
  const members = [
    { article: 0, sentence: 0 },
    { article: 1, sentence: 2 },
    { article: 2, sentence: 1 },
  ];
  assert.equal(countIndependentReports(members, ['o0', 'o0', 'o2']), 2);
  assert.equal(countIndependentReports(members, ['o0', 'o1', 'o2'], (article) => article === 2), 2);
  assert.equal(countIndependentReports([{ article: 2 }], ['o0', 'o1', 'o2'], (article) => article === 2), 1);
});

test('storyFacts numbers facts by independent reports and words each by an unflagged member', () => {
  const { articles, originOf, facts } = storyOf([
    'The Varda river burst its banks near Holm on Tuesday, flooding two hundred homes.',
    'Near Holm the Varda river burst its banks on Tuesday and flooded two hundred homes.',
  ]);
  const shown = storyFacts({ articles, originOf, matches: [] }, facts, {
    excluded: (article) => article === 0,
    flagged: (article) => article === 0,
    outletOf: () => 'Outlet',
  });
  assert.equal(shown[0]!.id, 'fact-1');
  assert.equal(shown[0]!.members.length, 2);
  assert.equal(shown[0]!.independentReports, 1);
  assert.ok(shown[0]!.text.startsWith('Near Holm'));
  assert.deepEqual(shown[0]!.outlets, ['Outlet']);
});
