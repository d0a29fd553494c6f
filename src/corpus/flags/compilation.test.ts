import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BRIEF, ORIGINAL, PASSENGERS, REPEATED_PARAGRAPH, ROUNDUP } from '../../../test/fixtures/ferry-fire.js';
import { makeAnalyzed, paragraphs } from '../../../test/helpers/analyzed.js';
import type { Analyzed } from '../../core/records.js';
import { findOrigins, type AnalyzedStory } from '../origins.js';
import { findCompilation, findReintroductions, findRepeats, findSeeAlso, isHeadlineLike, isSeeAlsoHeading } from './compilation.js';

function storyOf(articles: readonly Analyzed[]): AnalyzedStory {
  const origins = findOrigins(articles);
  return { articles, originOf: origins.originOf, matches: origins.matches };
}

function sentenceText(analyzed: Analyzed, index: number): string {
  const span = analyzed.sentences[index]!;
  return analyzed.article.text.slice(span.start, span.end);
}

describe('findRepeats', () => {
  it('finds a sentence that appears twice, word for word or lightly edited', () => {
    const analyzed = makeAnalyzed({
      id: 'a',
      text: paragraphs(
        'The ferry Marlin Star caught fire in the harbour of Port Alvar on Monday morning.',
        'All passengers were rescued by lifeboats within two hours.',
        'The ferry Marlin Star caught fire in the harbour of Port Alvar on Monday.',
        'All passengers were rescued by lifeboats within two hours.',
      ),
    });
    const repeats = findRepeats(analyzed);
    assert.deepEqual(
      repeats.map(({ sentence, earlier }) => [sentence, earlier]),
      [
        [2, 0],
        [3, 1],
      ],
    );
    assert.equal(repeats[1]!.similarity, 1);
  });

  it('finds nothing in a report that says each thing once', () => {
    assert.deepEqual(findRepeats(makeAnalyzed({ id: 'a', text: ORIGINAL })), []);
  });
});

describe('findReintroductions', () => {
  it('finds a person introduced again by title and full name after the surname was used', () => {
    const text = paragraphs(
      'Transport Minister Ada Renn visited Port Alvar on Monday. Renn said the ferry would be inspected.',
      'Transport Minister Ada Renn said on Tuesday that crossings would resume next week.',
    );
    assert.deepEqual(
      findReintroductions(makeAnalyzed({ id: 'a', text })).map(({ name }) => name),
      ['Ada Renn'],
    );
  });
});

describe('"See also" material', () => {
  it('reads headings and headline-like lines', () => {
    for (const heading of ['See also:', 'Related materials', 'Read more', 'More on this story']) assert.ok(isSeeAlsoHeading(heading), heading);
    assert.ok(!isSeeAlsoHeading('See also the report of the inquiry, published on Monday.'));
    assert.ok(isHeadlineLike('Passengers describe the smoke'));
    assert.ok(!isHeadlineLike('Passengers described the smoke.'));
  });

  it('finds a heading and its list in the text, and related blocks removed by extraction', () => {
    const analyzed = makeAnalyzed({ id: 'a', text: ROUNDUP });
    const { spans } = findSeeAlso(analyzed);
    assert.equal(spans.length, 1);
    assert.ok(analyzed.article.text.slice(spans[0]!.start, spans[0]!.end).startsWith('See also:'));
    assert.ok(analyzed.article.text.slice(spans[0]!.start, spans[0]!.end).endsWith('Port Alvar fish market to close for repairs'));
    const withRemoved: Analyzed = {
      ...analyzed,
      article: { ...analyzed.article, removed: [{ kind: 'related', rule: 'removeRelatedLinks', text: 'See also:\nFirst headline here\nSecond headline here' }] },
    };
    assert.deepEqual(findSeeAlso(withRemoved).removed, ["'See also:' with 2 other headlines"]);
  });
});

describe('findCompilation', () => {
  const articles = [ORIGINAL, PASSENGERS, BRIEF, ROUNDUP].map((text, index) => makeAnalyzed({ id: ['original', 'passengers', 'brief', 'roundup'][index]!, text }));
  const story = storyOf(articles);

  it('flags a page stitched from two reports, with a repeated paragraph and a "See also" list', () => {
    const flag = findCompilation(story, 3);
    assert.ok(flag !== null);
    assert.equal(flag.kind, 'compilation');
    assert.equal(flag.evidence.length, 3);
    assert.match(flag.evidence[0]!, /^1 sentence appears twice: paragraph 9 repeats paragraph 3/u);
    assert.match(flag.evidence[1]!, /^stitched from 2 reports in the story: sentences 2–4 copy original\.txt \(3 sentences\); sentences 6–8 copy passengers\.txt/u);
    assert.match(flag.evidence[2]!, /'See also:' in the text/u);
  });

  it('splits the page into attributed segments, in text order, inside the text', () => {
    const flag = findCompilation(story, 3)!;
    const page = articles[3]!;
    const text = page.article.text;
    assert.deepEqual(
      flag.segments.map(({ kind, source }) => [kind, source]),
      [
        ['report', null],
        ['report', 'original'],
        ['report', 'passengers'],
        ['repeated', null],
        ['see-also', null],
      ],
    );
    for (const [index, segment] of flag.segments.entries()) {
      assert.ok(segment.start >= 0 && segment.start < segment.end && segment.end <= text.length);
      if (index > 0) assert.ok(segment.start >= flag.segments[index - 1]!.end);
    }
    assert.equal(text.slice(flag.segments[3]!.start, flag.segments[3]!.end), REPEATED_PARAGRAPH);
    assert.ok(text.slice(flag.segments[2]!.start, flag.segments[2]!.end).startsWith('Passengers describe the smoke'), 'a heading belongs to the segment it opens');
    assert.equal(flag.segments[0]!.start, page.sentences[0]!.start);
    assert.equal(flag.segments.at(-1)!.end, page.sentences.at(-1)!.end);
  });

  it('does not flag the reports themselves', () => {
    for (const article of [0, 1, 2]) assert.equal(findCompilation(story, article), null, sentenceText(articles[article]!, 0));
  });

  it('does not flag a report for a "Read more" block alone', () => {
    const report = makeAnalyzed({ id: 'r', text: paragraphs(ORIGINAL, 'Read more:', 'Hesk islanders count the cost of a wet summer', 'New lighthouse keeper named for Cape Orm') });
    assert.equal(findCompilation(storyOf([report]), 0), null);
  });
});
