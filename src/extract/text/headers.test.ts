import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashContent } from '../../core/ids.js';
import type { Extracted, Fetched } from '../../core/records.js';
import { parseHeaderDate } from './dates.js';
import { extractText } from './index.js';
import { splitCredits } from './credits.js';

function fetchedText(text: string): Fetched {
  return { source: 'fixture.txt', contentHash: hashContent(text), byteLength: text.length, encoding: 'utf-8', mediaType: 'text/plain', text, diagnostics: [] };
}

function extract(text: string): Extracted {
  const result = extractText(fetchedText(text));
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.value;
}

const BODY = 'The ferry left the harbour at dawn with 120 passengers on board.\n\nIt reached the island two hours later, the operator said.';

type Expected = Partial<Pick<Extracted, 'title' | 'kicker' | 'description' | 'published' | 'updated' | 'outlet' | 'byline' | 'credits'>>;

const HEADER_CASES: readonly { name: string; text: string; expected: Expected; firstWords?: string }[] = [
  { name: 'title line', text: `Ferry returns after storm\n\n${BODY}`, expected: { title: 'Ferry returns after storm', kicker: null } },
  {
    name: 'kicker above the title, standfirst and labelled dates',
    text: `Island ferries\n\nFerry returns to Halm after three days of storms\n\nPassengers praise the crew as services resume on the northern route\n\nPUBLISHED : Monday, 9 March, 2026, 8:05am\nUPDATED : Monday, 9 March, 2026, 1:40pm\n\n${BODY}`,
    expected: {
      kicker: 'Island ferries',
      title: 'Ferry returns to Halm after three days of storms',
      description: 'Passengers praise the crew as services resume on the northern route',
      published: '2026-03-09T08:05',
      updated: '2026-03-09T13:40',
    },
  },
  {
    name: 'field block with an outlet and the title repeated in the body',
    text: `## Title: Ferry returns\n## Supertitle: Islands\n## Section: Regions\n## Date: Monday, March 9, 2026 - 09:00\n## Source: The Halm Courier\n\nFerry returns\n${BODY}`,
    expected: { title: 'Ferry returns', kicker: 'Islands', published: '2026-03-09T09:00', outlet: 'The Halm Courier' },
    firstWords: 'The ferry left',
  },
  {
    name: 'byline and updated line under the title',
    text: `Ferry returns\nBy Runa Vell and Teo Marsh\nUpdated: 9 March 2026 10:15 GMT\n\n${BODY}`,
    expected: { title: 'Ferry returns', byline: 'Runa Vell, Teo Marsh', updated: '2026-03-09T10:15Z', published: null },
  },
  {
    name: 'wire layout: byline run into the agency, reading time, rule line, contributor and rights lines',
    text: `Ferry returns\nBy RUNA VELL Associated Press\n3 min read\n\n${BODY}\n___\nAssociated Press writer Teo Marsh in Halm contributed to this report.\nCopyright 2026 The Associated Press. All rights reserved.`,
    expected: { title: 'Ferry returns', byline: 'RUNA VELL', credits: ['Associated Press'] },
  },
  {
    name: 'standfirst, a name with where it was filed from, and a dotted-time date',
    text: `Ferry returns to Halm after the storms\nOperator restores the northern route after three days of storms\nRuna Vell in Halm\nMon 9 Mar 2026 08.05 GMT\n\n${BODY}`,
    expected: { description: 'Operator restores the northern route after three days of storms', byline: 'Runa Vell', published: '2026-03-09T08:05Z' },
  },
  {
    name: 'doubled title glued to another headline',
    text: `Ferry returns to Halm. Ferry returns to Halm How the island built its pier\n\n${BODY}`,
    expected: { title: 'Ferry returns to Halm' },
  },
  { name: 'dash credit at the end', text: `Ferry returns\n\n${BODY}\n- HPA`, expected: { credits: ['HPA'], byline: null } },
  {
    name: 'name and agencies at the end',
    text: `Ferry returns\n\n${BODY}\n\nRuna Vell, Reuters, Agence France-Presse, The Halm Courier`,
    expected: { byline: 'Runa Vell', credits: ['Reuters', 'Agence France-Presse', 'The Halm Courier'] },
  },
  { name: 'bulleted byline at the end', text: `Ferry returns\n\n${BODY}\n\n  • Teo Marsh`, expected: { byline: 'Teo Marsh' } },
  {
    name: 'reporting credit in parentheses',
    text: `Ferry returns\n\n${BODY}\n(Reporting by Runa Vell; Editing by Teo Marsh)`,
    expected: { byline: 'Runa Vell, Teo Marsh' },
  },
  {
    name: 'no title: the text starts with its lead sentence',
    text: `The ferry left the harbour at dawn with 120 passengers on board, the operator said in a statement on Monday.\n\nIt reached the island two hours later.`,
    expected: { title: null },
  },
  {
    name: 'an ordinary last sentence is not a credit',
    text: `Ferry returns\n\n${BODY}\n\nThe next sailing is on Tuesday.`,
    expected: { byline: null, credits: [] },
  },
];

describe('plain-text headers', () => {
  for (const testCase of HEADER_CASES) {
    test(testCase.name, () => {
      const article = extract(testCase.text);
      for (const [key, value] of Object.entries(testCase.expected)) {
        assert.deepEqual(article[key as keyof Expected], value, key);
      }
      assert.ok(article.text.startsWith(testCase.firstWords ?? 'The ferry left'), article.text.slice(0, 40));
      assert.doesNotMatch(article.text, /Copyright|___|contributed|min read|Runa Vell/);
    });
  }

  test('header lines never stay in the body', () => {
    const article = extract(HEADER_CASES[1]?.text ?? '');
    assert.doesNotMatch(article.text, /PUBLISHED|UPDATED|Island ferries/);
  });
});

describe('header dates', () => {
  const DATES: readonly [string, string | null][] = [
    ['Thursday, 5 February, 2026, 6:57pm', '2026-02-05T18:57'],
    ['Friday, February 6, 2026 - 01:00', '2026-02-06T01:00'],
    ['6 February 2026 09:30 GMT', '2026-02-06T09:30Z'],
    ['2026-02-06T09:30:00+02:00', '2026-02-06T09:30+02:00'],
    ['06.02.2026', '2026-02-06'],
    ['February 6', null],
    ['no date here', null],
  ];
  for (const [text, expected] of DATES) test(text, () => assert.equal(parseHeaderDate(text), expected));
});

describe('credit lines', () => {
  test('people and agencies are told apart', () => {
    assert.deepEqual(splitCredits('Runa Vell, AFP, Kyodo, Meridian Wire Service'), {
      people: ['Runa Vell'],
      organisations: ['AFP', 'Kyodo', 'Meridian Wire Service'],
    });
  });
  test('prose is not a credit line', () => assert.equal(splitCredits('the ferry left at dawn'), null));
});
