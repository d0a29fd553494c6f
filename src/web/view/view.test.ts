import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Story, StoryArticle } from '../../core/records.js';
import { safeHttpUrl } from './links.js';
import { MarkedText, splitHighlights } from './marked-text.js';
import { StoryView } from './story-view.js';
import { axisStretches, eventTime } from './timeline.js';

test('only absolute http(s) addresses become links', () => {
  assert.equal(safeHttpUrl('https://news.example/a?b=1'), 'https://news.example/a?b=1');
  assert.equal(safeHttpUrl(' http://news.example '), 'http://news.example/');
  for (const unsafe of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x', '/relative/path', 'articles/a.txt', '', null, undefined]) {
    assert.equal(safeHttpUrl(unsafe), null, String(unsafe));
  }
});

test('marked text marks the spans that fall in its slice, as elements around escaped text', () => {
  const text = 'The <b>river</b> rose two metres.';
  const rendered = renderToString(h(MarkedText, { text: text.slice(4), offset: 4, marks: [{ start: 0, end: 6 }, { start: 17, end: 20 }] }));
  assert.equal(rendered, '<mark>&lt;b</mark>>river&lt;/b> <mark>ros</mark>e two metres.');
  assert.equal(renderToString(h(MarkedText, { text: 'plain', marks: [] })), 'plain');
});

test('timeline dates sit at their precision: a year mid-year, a month mid-month, a day at its start', () => {
  assert.equal(new Date(eventTime({ date: '2026' })).toISOString().slice(0, 10), '2026-07-01');
  assert.equal(new Date(eventTime({ date: '2026-03' })).toISOString().slice(0, 10), '2026-03-15');
  assert.equal(new Date(eventTime({ date: '2026-03-17' })).toISOString().slice(0, 10), '2026-03-17');
  assert.ok(Number.isNaN(eventTime({ date: 'unknown' })));
});

test('a long gap in the timeline is left out of the axis, and busier stretches get more room', () => {
  const day = 86_400_000;
  const recent = Date.UTC(2026, 2, 17);
  const times = [Date.UTC(1987, 6, 1), recent, recent + day, recent + 2 * day, recent + 3 * day];
  const stretches = axisStretches(times);
  assert.equal(stretches.length, 2);
  const [old, busy] = stretches as [(typeof stretches)[number], (typeof stretches)[number]];
  assert.equal(old.from, old.to);
  assert.ok(busy.x1 - busy.x0 > 3 * (old.x1 - old.x0));
  assert.ok(busy.x0 > old.x1, 'the break leaves room between stretches');
  assert.equal(axisStretches([recent]).length, 1);
  assert.deepEqual(axisStretches([]), []);
});

/** A made-up article of a story, with only what the story view reads. */
function storyArticle(id: string, origin: string, flags: StoryArticle['flags'] = []): StoryArticle {
  const text = `Report ${id} says the ferry left port at noon.`;
  return {
    id,
    source: `${id}.txt`,
    contentHash: id.repeat(8),
    title: `Title ${id}`,
    kicker: null,
    description: null,
    published: '2031-05-02',
    updated: null,
    outlet: `Outlet ${id}`,
    credits: [],
    byline: null,
    language: 'en',
    url: null,
    imageUrl: null,
    provenance: {},
    text,
    paragraphs: [{ start: 0, end: text.length, kind: 'paragraph' }],
    removed: [],
    diagnostics: [],
    sentences: [{ start: 0, end: text.length }],
    origin,
    added: [],
    flags,
  };
}

test('the agreement table groups copies and derivative rewordings under the report they came from', () => {
  const derivative = { kind: 'derivative' as const, evidence: ['rewords 3 of 4 sentences of [1]'], derivedFrom: ['a1'], segments: [] };
  const articles = [storyArticle('a1', 'o1'), storyArticle('a2', 'o1'), storyArticle('a3', 'o3', [derivative]), storyArticle('a4', 'o4')];
  const fact = { id: 'f1', text: 'The ferry left port at noon.', members: articles.map(({ id, sentences }) => ({ article: id, ...sentences[0]! })), outlets: [], independentReports: 2 };
  const story: Story = {
    schemaVersion: 1,
    title: 'Ferry story',
    articles,
    originGroups: [
      { id: 'o1', articles: ['a1', 'a2'], representative: 'a1', evidence: [] },
      { id: 'o3', articles: ['a3'], representative: 'a3', evidence: [] },
      { id: 'o4', articles: ['a4'], representative: 'a4', evidence: [] },
    ],
    independentReports: 3,
    summary: [],
    entities: [],
    quotes: [],
    numbers: [],
    dates: [],
    timeline: [],
    facts: [fact],
    conflicts: [],
    quoteVariants: [],
    coverage: { articles: articles.map(({ id }) => id), matrix: [], byArticle: [] },
    diagnostics: [],
  };
  const rendered = renderToString(h(StoryView, { story }));
  const header = /<thead>([\s\S]*?)<\/thead>/.exec(rendered)?.[1] ?? '';
  const groups = [...header.matchAll(/<th scope="colgroup" colspan="(\d)"[^>]*>([^<]*)<\/th>/g)].map((match) => [match[1], match[2]]);
  assert.deepEqual(groups, [
    ['3', 'one report: 1 copy, 1 derived'],
    ['1', 'own report'],
  ]);
  const columns = [...header.matchAll(/<span aria-hidden="true">(.) <\/span>\[(\d)\]/g)].map((match) => `${match[1]}${match[2]}`);
  assert.deepEqual(columns, ['●1', '○2', '◇3', '●4']);
});

test('splitHighlights cuts a text at its spans, and the pieces join back to the text', () => {
  const text = 'The weir at Lowmoor gave way at dawn';
  const cases: ReadonlyArray<readonly [ReadonlyArray<{ start: number; end: number }>, Array<[string, boolean]>]> = [
    [[], [[text, false]]],
    [
      [{ start: 4, end: 8 }],
      [
        ['The ', false],
        ['weir', true],
        [' at Lowmoor gave way at dawn', false],
      ],
    ],
    // Unsorted, overlapping, touching, empty and out-of-range spans.
    [
      [
        { start: 32, end: 99 },
        { start: 12, end: 16 },
        { start: 4, end: 8 },
        { start: 6, end: 11 },
        { start: 11, end: 12 },
        { start: 20, end: 20 },
        { start: -5, end: 0 },
      ],
      [
        ['The ', false],
        ['weir at Lowm', true],
        ['oor gave way at ', false],
        ['dawn', true],
      ],
    ],
    [[{ start: 0, end: text.length }], [[text, true]]],
  ];
  for (const [spans, expected] of cases) {
    const pieces = splitHighlights(text, spans);
    assert.deepEqual(
      pieces.map((piece) => [piece.text, piece.marked]),
      expected,
      JSON.stringify(spans),
    );
    assert.equal(pieces.map((piece) => piece.text).join(''), text);
  }
});
