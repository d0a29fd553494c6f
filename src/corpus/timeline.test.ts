import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DateMention } from '../core/annotations.js';
import type { Analyzed } from '../core/records.js';
import { makeAnalyzed } from '../../test/helpers/analyzed.js';
import { buildTimeline } from './timeline.js';

/** An analysed article whose dates are given: [sentence index, value, relation]. */
function withDates(id: string, text: string, dates: ReadonlyArray<readonly [number, string, DateMention['relation']?]>): Analyzed {
  const analyzed = makeAnalyzed({ id, text });
  return {
    ...analyzed,
    dates: dates.map(([sentence, value, relation]) => {
      const span = analyzed.sentences[sentence]!;
      return { start: span.start, end: span.start + 1, value, precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day', relation: relation ?? 'on', relative: false, sentence };
    }),
  };
}

describe('buildTimeline', () => {
  const first = withDates('a', 'The dam was finished in 1987. It broke on 17 March 2026. Repairs have gone on since 2011.', [
    [0, '1987'],
    [1, '2026-03-17'],
    [2, '2011', 'since'],
  ]);
  const second = withDates('b', 'It broke on 17 March 2026. A new inquiry opened in March 2026.', [
    [0, '2026-03-17'],
    [1, '2026-03'],
  ]);

  it('orders dated events, a year before the months and days inside it', () => {
    const timeline = buildTimeline({ articles: [first, second], originOf: ['o1', 'o2'], matches: [] });
    assert.deepEqual(
      timeline.map((event) => event.date),
      ['1987', '2026-03', '2026-03-17', '2026-03-17'],
    );
    assert.equal(timeline[0]?.text, 'The dam was finished in 1987.');
    assert.equal(timeline[0]?.precision, 'year');
  });

  it('leaves out dates that bound an event rather than date it', () => {
    const timeline = buildTimeline({ articles: [first], originOf: ['o1'], matches: [] });
    assert.ok(!timeline.some((event) => event.date === '2011'));
  });

  it('joins matched sentences at one date into one event citing both, counting reports not copies', () => {
    const matches = [{ a: { article: 0, sentence: 1 }, b: { article: 1, sentence: 0 }, similarity: 1, verbatim: true }];
    const independent = buildTimeline({ articles: [first, second], originOf: ['o1', 'o2'], matches });
    const event = independent.find((candidate) => candidate.date === '2026-03-17');
    assert.equal(event?.citations.length, 2);
    assert.equal(event?.independentReports, 2);
    const copies = buildTimeline({ articles: [first, second], originOf: ['o1', 'o1'], matches });
    assert.equal(copies.find((candidate) => candidate.date === '2026-03-17')?.independentReports, 1);
  });
});
