import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DateMention } from '../core/annotations.js';
import { findDates } from './dates.js';

/** Wednesday 11 March 2026: the publication date of the tests unless one says otherwise. */
const PUBLISHED = '2026-03-11';

/** The dates of a text read as one sentence. */
function datesOf(text: string, published: string | null = PUBLISHED): DateMention[] {
  return findDates(text, [{ start: 0, end: text.length }], published);
}

/** A date as a compact line: "span | value | precision | relation | relative or absolute". */
function describeDate(text: string, date: DateMention): string {
  return [text.slice(date.start, date.end), date.value, date.precision, date.relation, date.relative ? 'relative' : 'absolute'].join(' | ');
}

/** Runs a table of sentences against the compact lines expected for them. */
function table(cases: readonly (readonly [string, readonly string[]])[], published: string | null = PUBLISHED): void {
  for (const [text, expected] of cases) {
    test(text, () => {
      assert.deepEqual(datesOf(text, published).map((date) => describeDate(text, date)), expected);
    });
  }
}

describe('findDates: weekdays, published on Wednesday 11 March 2026', () => {
  table([
    ['The minister arrived in Orvask on Wednesday.', ['Wednesday | 2026-03-11 | day | on | relative']],
    ['The dam at Veldrin broke on Tuesday.', ['Tuesday | 2026-03-10 | day | on | relative']],
    ['The envoys met in Marlest on Friday.', ['Friday | 2026-03-06 | day | on | relative']],
    ['Talks in Marlest will resume on Friday.', ['Friday | 2026-03-13 | day | on | relative']],
    ['More rain is forecast for Thursday.', ['Thursday | 2026-03-12 | day | on | relative']],
    ['They will meet again next Wednesday.', ['next Wednesday | 2026-03-18 | day | on | relative']],
    ['The ferry sank last Thursday.', ['last Thursday | 2026-03-05 | day | on | relative']],
    ['On Tuesday at 5 a.m. the levee failed.', ['Tuesday at 5 a.m. | 2026-03-10 | day | on | relative']],
    ['Rescuers worked through Tuesday night.', ['Tuesday night | 2026-03-10 | day | until | relative']],
    ['Mayor Ilse Brand said on Monday that talks will resume on Friday.', [
      'Monday | 2026-03-09 | day | on | relative',
      'Friday | 2026-03-13 | day | on | relative',
    ]],
  ]);
});

describe('findDates: months, days and relative words', () => {
  table([
    ['The reservoir was drained last month.', ['last month | 2026-02 | month | on | relative']],
    ['The Harlowen talks were held in July.', ['July | 2025-07 | month | on | relative']],
    ['The Harlowen summit will be held in July.', ['July | 2026-07 | month | on | relative']],
    ['Engineers logged cracks last October.', ['October | 2025-10 | month | on | relative']],
    ['The letter reached Orvask on 14 October.', ['14 October | 2025-10-14 | day | on | relative']],
    ['The levee opened on May 10.', ['May 10 | 2025-05-10 | day | on | relative']],
    ['Governor Pellory turns 60 on May 27.', ['May 27 | 2026-05-27 | day | on | relative']],
    ['The bridge stays closed until June.', ['June | 2026-06 | month | until | relative']],
    ['The bridge was closed until June.', ['June | 2025-06 | month | until | relative']],
    ['Repairs must end by the end of March.', ['end of March | 2026-03 | month | before | relative']],
    ['Yesterday the water in Kessavo rose.', ['Yesterday | 2026-03-10 | day | on | relative']],
    ['This morning the sirens in Kessavo fell silent.', ['This morning | 2026-03-11 | day | on | relative']],
    ['The mill in Ardovel closed two years ago.', ['two years ago | 2024 | year | on | relative']],
    ['The mill in Ardovel closed two months ago.', ['two months ago | 2026-01 | month | on | relative']],
    ['The clinic opened last year.', ['last year | 2025 | year | on | relative']],
    ['It rained in Veldrin last week.', ['last week | 2026-03 | month | on | relative']],
    ['It rained in Veldrin over the weekend.', ['weekend | 2026-03 | month | on | relative']],
    ['The river fell earlier this week.', ['this week | 2026-03 | month | on | relative']],
  ]);
  test('a week that straddles two months has no month, and is left out', () => {
    const text = 'It rained in Veldrin last week.';
    assert.deepEqual(datesOf(text, '2026-03-03'), []);
  });
  test('a date-time publication keeps its local date', () => {
    const text = 'The minister arrived in Orvask on Wednesday.';
    assert.deepEqual(datesOf(text, '2026-03-11T23:30:00-05:00').map((date) => date.value), ['2026-03-11']);
  });
});

describe('findDates: absolute dates and bare years', () => {
  table([
    ['Fighting near Ardovel has raged since March 2011.', ['March 2011 | 2011-03 | month | since | absolute']],
    ['The Tarrow dam opened on 10 May 2017.', ['10 May 2017 | 2017-05-10 | day | on | absolute']],
    ['The report was dated 17/03/2026.', ['17/03/2026 | 2026-03-17 | day | on | absolute']],
    ['The dam was completed in 1987.', ['1987 | 1987 | year | on | absolute']],
    ['It was built in 1989 and refurbished in 2011.', ['1989 | 1989 | year | on | absolute', '2011 | 2011 | year | on | absolute']],
    ['The plant in Lornby opened in mid-2015.', ['2015 | 2015 | year | on | absolute']],
    ['The mayor served from 2010 to 2015.', ['2010 | 2010 | year | since | absolute', '2015 | 2015 | year | until | absolute']],
    ['Turnout grew between 2010 and 2015.', ['2010 | 2010 | year | since | absolute', '2015 | 2015 | year | until | absolute']],
    ['The levee must be raised by 2030.', ['2030 | 2030 | year | before | absolute']],
    ['Nobody moved after 2011.', ['2011 | 2011 | year | after | absolute']],
    ['It came before the 2016 election in Marlest.', ['2016 | 2016 | year | before | absolute']],
    ['A war that has killed many since erupting in 2011.', ['2011 | 2011 | year | since | absolute']],
  ]);
});

describe('findDates: what is not a date', () => {
  table([
    ['Councillor Elena May resigned in Orvask.', []],
    ['He may resign, and she may too.', []],
    ['April Vance said the river was high.', []],
    ['Protesters march on Sunday in Veldrin.', ['Sunday | 2026-03-08 | day | on | relative']],
    ['The Sunday Courier reported it first.', []],
    ['Good Friday was calm in Marlest.', []],
    ['One day he left, and the day after he returned.', []],
    ['The sirens sounded at 5 a.m. in Kessavo.', []],
    ['The baker, who is 45, sat down.', []],
    ['The dam was built in the late 1980s.', []],
    ['He was jailed for 10 years.', []],
    ['Three days later the water fell.', []],
    ['The next day the water fell.', []],
    ['The water is falling now.', []],
    ['In the past 24 hours the river fell.', []],
    ['First visit to Marlest in 4 years.', []],
    ['The shop in Ardovel is open 24/7.', []],
    ['The form was dated 05/06/2017.', []],
    ['About 2000 people fled Lornby.', []],
    ['Rain is heavy in a normal March and April.', []],
    ['Ships leave on Fri at noon.', []],
  ]);
});

describe('findDates: without a publication date', () => {
  test('relative dates are left out, absolute ones stay', () => {
    const text = 'On Tuesday, a year after the March 2011 floods, the dam failed; it was built in 1987.';
    assert.deepEqual(datesOf(text, null).map((date) => describeDate(text, date)), [
      'March 2011 | 2011-03 | month | after | absolute',
      '1987 | 1987 | year | on | absolute',
    ]);
  });
  test('an unreadable publication date counts as none', () => {
    for (const published of ['yesterday', '2026-02-30', '', '11/03/2026']) {
      assert.deepEqual(datesOf('The dam failed on Tuesday.', published), []);
    }
  });
});

describe('findDates: sentences and robustness', () => {
  test('each date names the index of its sentence', () => {
    const text = 'The dam failed on Tuesday. Nobody was hurt. It was built in 1987.';
    const sentences = [{ start: 0, end: 26 }, { start: 27, end: 43 }, { start: 44, end: text.length }];
    assert.deepEqual(findDates(text, sentences, PUBLISHED).map((date) => date.sentence), [0, 2]);
  });

  test('empty and broken sentence spans', () => {
    assert.deepEqual(findDates('', [], PUBLISHED), []);
    assert.deepEqual(findDates('On Tuesday.', [{ start: Number.NaN, end: 4 }, { start: 9, end: 3 }], PUBLISHED), []);
    const overlapping = findDates('On Tuesday.', [{ start: 0, end: 11 }, { start: -3, end: 50 }], PUBLISHED);
    assert.equal(overlapping.length, 1);
  });

  test('non-Latin text, unbalanced quotes and no punctuation give valid spans', () => {
    const texts = [
      '二〇一七年五月十日，会见了。 مرحبا ١٢٣ Привет 10 мая 2017',
      '"""“ on Tuesday “ and ”” in 1987 "',
      Array.from({ length: 3000 }, (_, index) => `on Tuesday in ${1900 + (index % 120)} and May ${1 + (index % 28)}`).join(' '),
    ];
    for (const text of texts) {
      for (const date of datesOf(text)) assert.ok(date.start >= 0 && date.start < date.end && date.end <= text.length);
    }
  });

  test('a 100,000-word text without punctuation takes seconds, not minutes', () => {
    const text = Array.from({ length: 10_000 }, (_, index) => `the Veldrin council met on Tuesday in ${1900 + (index % 120)} about the river`).join(' ');
    const started = performance.now();
    const dates = datesOf(text);
    assert.ok(performance.now() - started < 20_000);
    assert.ok(dates.length >= 10_000);
  });
});
