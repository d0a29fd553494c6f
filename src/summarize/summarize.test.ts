import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeAnalyzed, paragraphs } from '../../test/helpers/analyzed.js';
import type { StoryConflict } from '../core/records.js';
import { findFacts } from '../corpus/facts.js';
import { findOrigins } from '../corpus/origins.js';
import { verifyCitation } from './citations.js';
import { focusFound, summarize, type SummaryInput } from './summarize.js';

function inputOf(texts: readonly string[], extra: Partial<SummaryInput> = {}): SummaryInput {
  const articles = texts.map((text, index) => makeAnalyzed({ id: `a${index}`, text }));
  const origins = findOrigins(articles);
  const story = { articles, originOf: [...origins.originOf], matches: origins.matches };
  return { ...story, facts: findFacts(story), ...extra };
}

const FLOOD = paragraphs(
  'The river Varda burst its banks near the town of Holm on Tuesday after three days of rain.',
  'About two hundred homes in the lower town were flooded, the fire service of Holm said.',
  'The mayor of Holm, Ada Brin, opened the school gym as a shelter for the families.',
  'Sign up for our newsletter to get the latest news from the region every morning.',
  'He said the water would fall by Thursday if the rain stopped.',
);
const FLOOD_RETOLD = paragraphs(
  'Near Holm the Varda river burst its banks on Tuesday following three days of heavy rain.',
  'The fire service said some two hundred homes in the lower part of Holm were under water.',
  'Forecasters expect the rain to ease on Wednesday across the whole Varda valley.',
);

test('the summary covers what several reports say, cites every carrying passage, and verifies', () => {
  const input = inputOf([FLOOD, FLOOD_RETOLD]);
  const summary = summarize(input, { maxSentences: 3 });
  assert.ok(summary.length > 0);
  assert.ok(summary.some((sentence) => sentence.independentReports === 2 && sentence.citations.length === 2));
  for (const sentence of summary) {
    for (const citation of sentence.citations) {
      const article = input.articles.find((analyzed) => analyzed.article.id === citation.article)!;
      assert.ok(verifyCitation(sentence.text, citation, article.article.text).ok);
    }
    assert.doesNotMatch(sentence.text, /newsletter/, 'no boilerplate');
    assert.deepEqual(sentence.disputed, []);
  }
});

test('word and sentence budgets hold; a focus question prefers the sentences that answer it', () => {
  const input = inputOf([FLOOD, FLOOD_RETOLD]);
  const short = summarize(input, { maxWords: 25 });
  assert.ok(short.reduce((sum, sentence) => sum + sentence.text.split(/\s+/).length, 0) <= 25);
  assert.equal(summarize(input, { maxSentences: 1 }).length, 1);
  const focused = summarize(input, { maxSentences: 1, focus: 'Where did the families shelter?' });
  assert.match(focused[0]!.text, /shelter/);
  assert.equal(focusFound(input, 'shelter for families'), true);
  assert.equal(focusFound(input, 'cryptocurrency exchange'), false);
});

test('a sentence stating one side of a conflict is marked disputed', () => {
  const input = inputOf([FLOOD, FLOOD_RETOLD]);
  const retold = input.articles[1]!;
  const start = retold.article.text.indexOf('some two hundred');
  const conflict: StoryConflict = {
    id: 'conflict-1',
    about: 'homes flooded',
    kind: 'number',
    values: [
      { value: 'about 200', text: 'some two hundred', members: [{ article: 'a1', start, end: start + 16, attribution: null }], outlets: ['x'], independentReports: 1 },
      { value: '350', text: '350', members: [{ article: 'a9', start: 0, end: 3, attribution: null }], outlets: ['y'], independentReports: 1 },
    ],
  };
  const summary = summarize({ ...input, conflicts: [conflict] }, { maxSentences: 6 });
  const homes = summary.find((sentence) => /homes/.test(sentence.text));
  assert.ok(homes);
  assert.deepEqual(homes.disputed, ['conflict-1']);
});

test('bad input: one sentence, duplicates, nothing usable, a long story', () => {
  assert.equal(summarize(inputOf(['The river Varda burst its banks near the town of Holm on Tuesday.'])).length, 1);
  const copies = summarize(inputOf([FLOOD, FLOOD, FLOOD]));
  assert.ok(copies.length > 0);
  assert.equal(new Set(copies.map((sentence) => sentence.text)).size, copies.length, 'no sentence twice');
  assert.ok(copies.every((sentence) => sentence.independentReports === 1 && sentence.citations.length === 3));
  assert.deepEqual(summarize(inputOf(['Read more.', 'Share this'])), []);
  assert.deepEqual(summarize(inputOf([])), []);
});
