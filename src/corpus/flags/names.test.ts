import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeAnalyzed, paragraphs } from '../../../test/helpers/analyzed.js';
import { reconcileEntities } from '../entities.js';
import type { AnalyzedStory } from '../origins.js';
import { describeSubstitution, inconsistentSpellings, isSpellingVariant, nameUsage, systematicSubstitutions, transliteratedNames } from './names.js';

/** Five reports of an invented border flood; the fourth names the neighbour formally, the fifth romanises names its own way. */
const TEXTS = [
  paragraphs(
    'Rescue teams from Velgaria crossed into the town of Marrow Falls on Friday after the River Tiss flooded its lower streets.',
    'Interior Minister Anja Korval thanked Velgaria for its help. Velgaria has sent boats and divers, and Korval said more help would come.',
  ),
  paragraphs(
    'Velgaria sent two boats and a team of divers to Marrow Falls, where the Tiss rose by three metres overnight.',
    'Minister Anja Korval said the help from Velgaria arrived within hours. Velgaria also offered a field hospital.',
  ),
  paragraphs(
    'The flood in Marrow Falls has forced hundreds from their homes. Neighbouring Velgaria sent rescuers on Friday.',
    'Anja Korval, the interior minister, visited the town and promised new flood walls. Volunteers from Velgaria helped fill sandbags.',
  ),
  paragraphs(
    'The Velgarian Federal Republic dispatched boats to Marrow Falls on Friday as the Tiss burst its banks.',
    'Minister Anja Korval thanked the Velgarian Federal Republic for the help. Divers of the Velgarian Federal Republic searched the flooded underpass.',
  ),
  paragraphs(
    'Minister of internal affairs Anya Korwal arrived to Marrow Falls on Friday. Rescuers of Velgaria work in the town.',
    'The union chair Pieter Vrana said engineers warned about the flood walls. According to Piotr Vrana, nobody reacted.',
  ),
];

function storyOf(texts: readonly string[]): { story: AnalyzedStory; entities: ReturnType<typeof reconcileEntities> } {
  const articles = texts.map((text, index) => makeAnalyzed({ id: `r${index}`, text }));
  const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  return { story: { articles, originOf: articles.map((_, index) => `g${index}`), matches: [] }, entities };
}

describe('systematicSubstitutions', () => {
  const { story, entities } = storyOf(TEXTS);
  const usage = nameUsage(story, entities);

  it('finds a formal name used throughout where the other reports use the common one', () => {
    const [found] = systematicSubstitutions(usage, 3);
    assert.ok(found !== undefined);
    assert.equal(found.form, 'Velgarian Federal Republic');
    assert.equal(found.usualForm, 'Velgaria');
    assert.equal(found.count, 3);
    assert.match(describeSubstitution(found), /^uses 'Velgarian Federal Republic' 3 of 3 times where \d of the 4 other reports use 'Velgaria'$/u);
  });

  it('finds nothing in the reports that use the common name', () => {
    for (const article of [0, 1, 2, 4]) assert.deepEqual(systematicSubstitutions(usage, article), [], `r${article}`);
  });
});

describe('transliteratedNames', () => {
  it('finds names spelled by another romanisation than every other report', () => {
    const { story, entities } = storyOf(TEXTS);
    const found = transliteratedNames(nameUsage(story, entities), 4);
    assert.deepEqual(
      found.map(({ form, usualForm }) => [form, usualForm]),
      [['Anya Korwal', 'Anja Korval']],
    );
  });
});

describe('inconsistentSpellings', () => {
  it('finds one name spelled two ways in one article', () => {
    const analyzed = makeAnalyzed({ id: 'a', text: TEXTS[4]! });
    assert.deepEqual(
      inconsistentSpellings(analyzed).map(({ first, second }) => [first, second]),
      [['Pieter Vrana', 'Piotr Vrana']],
    );
  });

  it('does not count a short first name', () => {
    const analyzed = makeAnalyzed({ id: 'a', text: 'Joshua Lemm opened the bridge. Josh Lemm said it took a year.' });
    assert.deepEqual(inconsistentSpellings(analyzed), []);
  });
});

describe('isSpellingVariant', () => {
  it('joins romanisations and leaves different names apart', () => {
    assert.ok(isSpellingVariant('tomash khalvik', 'tomas halvik'));
    assert.ok(isSpellingVariant('aldanegidro', 'aldane hydro'));
    assert.ok(!isSpellingVariant('anna dorn', 'anna horn'));
    assert.ok(!isSpellingVariant('velgaria', 'velgaria'));
  });
});
