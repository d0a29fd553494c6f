import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analyzed } from '../core/records.js';
import { findOrigins } from './origins.js';
import { makeAnalyzed } from '../../test/helpers/analyzed.js';
import { BUDGET, EXCERPT, FESTIVAL, LOCAL_SENTENCES, ROUNDUP, SPUN, TRIMMED, WIRE } from '../../test/fixtures/bridge-collapse.js';

const wire = makeAnalyzed({ id: 'wire', text: WIRE, published: '2031-03-04T18:20' });
const copy = makeAnalyzed({ id: 'copy', text: WIRE, published: '2031-03-04T19:00' });
const trimmed = makeAnalyzed({ id: 'trimmed', text: TRIMMED, published: '2031-03-04T19:05' });

/** The text of each span of an article. */
function texts(analyzed: Analyzed, spans: readonly { start: number; end: number }[]): string[] {
  return spans.map((span) => analyzed.article.text.slice(span.start, span.end));
}

describe('findOrigins: copies', () => {
  it('groups identical copies, with full evidence', () => {
    const origins = findOrigins([copy, wire]);
    assert.equal(origins.groups.length, 1);
    const [group] = origins.groups;
    assert.deepEqual(group, {
      id: 'origin-wire',
      articles: ['wire', 'copy'],
      representative: 'wire',
      evidence: [
        {
          articles: ['copy', 'wire'],
          shingleJaccard: 1,
          sharedSentences: wire.sentences.length,
          editedSentences: 0,
          containment: 1,
        },
      ],
    });
    assert.deepEqual(origins.originOf, ['origin-wire', 'origin-wire']);
    assert.deepEqual(origins.added, [[], []]);
  });

  it('groups a trimmed, edited copy through shared passages', () => {
    const origins = findOrigins([wire, trimmed]);
    assert.deepEqual(origins.originOf, ['origin-wire', 'origin-wire']);
    const evidence = origins.groups[0]?.evidence[0];
    assert.ok(evidence !== undefined);
    assert.ok(evidence.shingleJaccard < 0.5, 'the edits push the shingle Jaccard below its threshold');
    assert.ok(evidence.containment >= 0.8, `containment ${evidence.containment}`);
    assert.ok(evidence.sharedSentences >= 12);
    assert.ok(evidence.editedSentences > 0 && evidence.editedSentences < evidence.sharedSentences);
  });

  it('reports what each copy added', () => {
    const origins = findOrigins([wire, trimmed]);
    assert.deepEqual(texts(trimmed, origins.added[1] ?? []), LOCAL_SENTENCES);
    assert.deepEqual(texts(wire, origins.added[0] ?? []), [
      'The collapse has cut the main route between the two halves of Kelsbury, forcing drivers into a 25-kilometre detour via the Fenwick crossing.',
      'Ferry operators offered free crossings on Wednesday morning.',
      'Local schools on the western bank will stay closed until Friday, the education office said.',
      'Police asked residents to avoid the riverside paths while divers searched the wreckage.',
      'Bridges of the same design were closed for checks in three other towns in the region on Wednesday, the transport ministry said.',
    ]);
  });

  it('counts a sentence too short to match as carried when another member has it word for word', () => {
    const first = makeAnalyzed({ id: 'first', text: `${WIRE}\n\nNobody died.` });
    const second = makeAnalyzed({ id: 'second', text: `${WIRE}\n\nNobody died. More soon.` });
    const origins = findOrigins([first, second]);
    assert.deepEqual(texts(first, origins.added[0] ?? []), []);
    assert.deepEqual(texts(second, origins.added[1] ?? []), ['More soon.']);
  });
});

describe('findOrigins: not copies', () => {
  for (const [name, text] of [
    ['a rewrite of the same facts in other words', SPUN],
    ['a long roundup reusing three wire sentences', ROUNDUP],
    ['a short piece quoting two wire sentences', EXCERPT],
    ['an unrelated article', FESTIVAL],
    ['another unrelated article', BUDGET],
  ] as const) {
    it(`keeps ${name} apart`, () => {
      const other = makeAnalyzed({ id: 'other', text });
      const origins = findOrigins([wire, other]);
      assert.deepEqual(origins.originOf, ['origin-wire', 'origin-other']);
      assert.ok(origins.groups.every((group) => group.evidence.length === 0));
      assert.deepEqual(origins.added, [[], []]);
    });
  }

  it('keeps the roundup apart because of the containment threshold alone', () => {
    const roundup = makeAnalyzed({ id: 'roundup', text: ROUNDUP });
    assert.equal(findOrigins([wire, roundup]).groups.length, 2);
    assert.equal(findOrigins([wire, roundup], { minContainment: 0.1 }).groups.length, 1);
  });
});

describe('findOrigins: groups', () => {
  const corpus = [
    makeAnalyzed({ id: 'festival', text: FESTIVAL }),
    trimmed,
    makeAnalyzed({ id: 'spun', text: SPUN, published: '2031-03-04T17:00' }),
    makeAnalyzed({ id: 'roundup', text: ROUNDUP }),
    copy,
    wire,
    makeAnalyzed({ id: 'excerpt', text: EXCERPT }),
    makeAnalyzed({ id: 'budget', text: BUDGET }),
  ];

  it('orders groups by first member and members by publication', () => {
    const origins = findOrigins(corpus);
    assert.deepEqual(
      origins.groups.map((group) => [group.id, ...group.articles]),
      [
        ['origin-festival', 'festival'],
        ['origin-wire', 'wire', 'copy', 'trimmed'],
        ['origin-spun', 'spun'],
        ['origin-roundup', 'roundup'],
        ['origin-excerpt', 'excerpt'],
        ['origin-budget', 'budget'],
      ],
    );
    assert.deepEqual(origins.originOf, corpus.map((analyzed) => origins.groups.find((group) => group.articles.includes(analyzed.article.id))?.id));
    assert.equal(origins.groups[1]?.evidence.length, 3, 'every pair of the three copies is linked');
  });

  it('is deterministic', () => {
    assert.deepEqual(findOrigins(corpus), findOrigins(corpus));
  });

  for (const [name, articles, representative] of [
    ['earliest published', [['late', '2031-03-05', WIRE], ['early', '2031-03-04', TRIMMED]], 'early'],
    ['an unknown date counts as latest', [['undated', null, WIRE], ['dated', '2031-03-06', WIRE]], 'dated'],
    ['same date: the longest text', [['short', '2031-03-04', TRIMMED], ['long', '2031-03-04', WIRE]], 'long'],
    ['same date and length: input order', [['first', null, WIRE], ['second', null, WIRE]], 'first'],
  ] as const) {
    it(`chooses the representative by ${name}`, () => {
      const analyzed = articles.map(([id, published, text]) => makeAnalyzed({ id, text, published }));
      const [group] = findOrigins(analyzed).groups;
      assert.equal(group?.representative, representative);
      assert.equal(group?.id, `origin-${representative}`);
    });
  }

  it('returns empty results for no articles', () => {
    assert.deepEqual(findOrigins([]), { groups: [], originOf: [], added: [], matches: [] });
  });

  it('rejects a band count that does not divide the permutations', () => {
    assert.throws(() => findOrigins([wire], { permutations: 128, bands: 30 }), RangeError);
  });
});
