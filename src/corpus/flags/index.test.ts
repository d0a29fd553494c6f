import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makeAnalyzed } from '../../../test/helpers/analyzed.js';
import { analyzeArticle } from '../../analyze/index.js';
import type { Analyzed, ArticleFlag, Extracted } from '../../core/records.js';
import { extractArticle } from '../../extract/index.js';
import { resolveInputs } from '../../ingest/inputs.js';
import { reconcileEntities } from '../entities.js';
import { findFacts } from '../facts.js';
import { findOrigins, type AnalyzedStory } from '../origins.js';
import { flagArticles } from './index.js';

/** Runs the story steps the flags need, then the flags. */
function flagsOf(articles: readonly Analyzed[]): { story: AnalyzedStory; flags: ArticleFlag[][] } {
  const origins = findOrigins(articles);
  const story: AnalyzedStory = { articles, originOf: origins.originOf, matches: origins.matches };
  const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  return { story, flags: flagArticles(story, findFacts(story, { entityOf: entities.entityOf }), entities) };
}

/**
 * The bundled example (examples/merrow-dam, see its README): a spun rewrite (03), a translation
 * (04), a machine rewrite stitched from two reports (09), a compilation page (10) and a machine
 * translation (11); the others are reports in their own right.
 */
describe('flagArticles on the bundled example', () => {
  let story: AnalyzedStory;
  let flags: ArticleFlag[][];
  before(async () => {
    const { fetched } = await resolveInputs(['examples/merrow-dam'], {});
    const extracted = fetched.flatMap((input): Extracted[] => {
      const result = extractArticle(input);
      return result.ok ? [result.value] : [];
    });
    ({ story, flags } = flagsOf(extracted.map(analyzeArticle)));
  });

  const file = (index: number): string => story.articles[index]!.article.source.split('/').at(-1)!;

  it('flags each article as its README says it was made', () => {
    const kinds = Object.fromEntries(story.articles.map((_, index) => [file(index), flags[index]!.map((flag) => flag.kind)]));
    assert.deepEqual(kinds, {
      '01-harbour-post.txt': [],
      '02-corran-daily-mirror.txt': [],
      '03-newspulse-hub.txt': ['derivative'],
      '04-federalny-kurier.txt': ['machine-translated'],
      '05-open-record.txt': [],
      '06-northline-news.txt': [],
      '07-panorama-portal.txt': [],
      '08-valley-courier.html': [],
      '09-trendwire-daily.txt': ['derivative'],
      '10-newsdesk-roundup.txt': ['compilation'],
      '11-vjesnik-hollen.txt': ['machine-translated'],
    });
  });

  it('names what a derivative was derived from', () => {
    const derivedFrom = (index: number): string[] => flags[index]![0]!.derivedFrom.map((id) => file(story.articles.findIndex((analyzed) => analyzed.article.id === id)));
    assert.deepEqual(derivedFrom(2), ['01-harbour-post.txt']);
    assert.deepEqual(derivedFrom(8), ['05-open-record.txt', '08-valley-courier.html']);
  });

  it('gives evidence for every flag, and segments inside the text', () => {
    flags.forEach((articleFlags, index) => {
      for (const flag of articleFlags) {
        assert.ok(flag.evidence.length > 0);
        for (const segment of flag.segments) assert.ok(segment.start >= 0 && segment.start < segment.end && segment.end <= story.articles[index]!.article.text.length);
      }
    });
  });
});

describe('flagArticles on bad input', () => {
  it('runs on text without punctuation, in another script, with unbalanced quotes, and returns valid spans', () => {
    const words = 'the river rose and the town was flooded while rescuers searched the streets';
    const texts = [
      Array.from({ length: 3000 }, (_, index) => words.split(' ')[index % 14]).join(' '),
      'Река вышла из берегов, и город был затоплен. Спасатели искали людей на улицах. '.repeat(50),
      '"The water came at night. He said "we ran and '.repeat(200),
      '',
    ];
    const articles = texts.map((text, index) => makeAnalyzed({ id: `bad${index}`, text }));
    const { flags } = flagsOf(articles);
    assert.equal(flags.length, 4);
    flags.forEach((articleFlags, index) => {
      for (const flag of articleFlags) for (const segment of flag.segments) assert.ok(segment.start >= 0 && segment.start < segment.end && segment.end <= texts[index]!.length);
    });
  });
});
