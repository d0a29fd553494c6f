import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NumberMention } from '../core/annotations.js';
import { parseNumberWords } from './number-words.js';
import { countKey, findNumbers, isYearAt, singularize } from './numbers.js';

/** All quantities of one sentence (the whole text read as one sentence). */
function numbersOf(text: string): NumberMention[] {
  return findNumbers(text, [{ start: 0, end: text.length }]);
}

/** A quantity as a compact line: "span | value[..high] | qualifier | unit | counted | head". */
function describeMention(text: string, mention: NumberMention): string {
  const value = mention.high === null ? `${mention.value}` : `${mention.value}..${mention.high}`;
  const counted = mention.counted === null ? '-' : text.slice(mention.counted.start, mention.counted.end);
  return [text.slice(mention.start, mention.end), value, mention.qualifier, mention.unit ?? '-', counted, mention.countedHead ?? '-'].join(' | ');
}

/** Runs a table of sentences against the compact lines expected for them. */
function table(cases: readonly (readonly [string, readonly string[]])[]): void {
  for (const [text, expected] of cases) {
    test(text, () => {
      assert.deepEqual(numbersOf(text).map((mention) => describeMention(text, mention)), expected);
    });
  }
}

describe('findNumbers: digits, separators and scales', () => {
  table([
    ['Officials in Tarnel counted 1,500 sheep.', ['1,500 sheep | 1500 | exact | - | sheep | sheep']],
    ['The flood reached 1.500.000 people in Veldrin.', ['1.500.000 people | 1500000 | exact | - | people | person']],
    ['Orvask reported 1.500 displaced families.', ['1.500 displaced families | 1500 | exact | - | displaced families | family']],
    ['The river rose 1.500 metres in Orvask.', ['1.500 metres | 1.5 | exact | m | - | -']],
    ['Some 1 500 volunteers came to Veldrin.', ['Some 1 500 volunteers | 1500 | about | - | volunteers | volunteer']],
    ['The levee held 2.5 metres of water.', ['2.5 metres | 2.5 | exact | m | - | -']],
    ['Repairs will cost 2.5 million people their savings.', ['2.5 million people | 2500000 | exact | - | people | person']],
    ['Harlowen Bank lost 1.2bn over the year.', ['1.2bn | 1200000000 | exact | - | - | -']],
    ['Villagers in Kessavo counted 1,00,000 trees.', ['1,00,000 trees | 100000 | exact | - | trees | tree']],
  ]);
});

describe('findNumbers: currencies and percentages', () => {
  table([
    ['The ministry pledged $3 million to Braskel.', ['$3 million | 3000000 | exact | USD | - | -']],
    ['Marrow Holdings paid US$40m for the port.', ['US$40m | 40000000 | exact | USD | - | -']],
    ['The bridge in Lornby cost €5.5 million.', ['€5.5 million | 5500000 | exact | EUR | - | -']],
    ['Ticket sales in Corvend topped £20,000.', ['£20,000 | 20000 | exact | GBP | - | -']],
    ['The fund holds 300 million roubles.', ['300 million roubles | 300000000 | exact | RUB | - | -']],
    ['Prices in Veldrin rose 3.5% in a year.', ['3.5% | 3.5 | exact | percent | - | -']],
    ['Turnout was 62 per cent in Orvask.', ['62 per cent | 62 | exact | percent | - | -']],
    ['About 40 percent of the homes were flooded.', ['About 40 percent of the homes | 40 | about | percent | homes | home']],
  ]);
});

describe('findNumbers: numbers written as words and vague amounts', () => {
  table([
    ['Fourteen rescue teams reached Hollinby.', ['Fourteen rescue teams | 14 | exact | - | rescue teams | team']],
    ['Twenty-one villages near Ardovel were cut off.', ['Twenty-one villages | 21 | exact | - | villages | village']],
    ['The storm killed two hundred and fifty sheep.', ['two hundred and fifty sheep | 250 | exact | - | sheep | sheep']],
    ['A dozen boats left Pellory harbour.', ['A dozen boats | 12 | exact | - | boats | boat']],
    ['Dozens of people gathered in Marlest.', ['Dozens of people | 24 | at-least | - | people | person']],
    ['Hundreds of homes in Sandorel lost power.', ['Hundreds of homes | 200 | at-least | - | homes | home']],
    ['Tens of thousands of residents fled Ostrin.', ['Tens of thousands of residents | 20000 | at-least | - | residents | resident']],
    ['Several thousand people marched in Corvend.', ['Several thousand people | 3000 | at-least | - | people | person']],
    ['About six thousand inhabitants left Veldrin.', ['About six thousand inhabitants | 6000 | about | - | inhabitants | inhabitant']],
    ['The talks in Braskel took two hours.', ['two hours | 2 | exact | hour | - | -']],
    ['Half a million people live in Ardovel.', ['Half a million people | 500000 | exact | - | people | person']],
    ['Three and a half tonnes of grain spoiled.', ['Three and a half tonnes | 3.5 | exact | tonne | - | -']],
  ]);
  test('parseNumberWords keeps word order and stops at a list', () => {
    assert.deepEqual(parseNumberWords(['one', 'two'], 0), { value: 1, length: 1 });
    assert.deepEqual(parseNumberWords(['nineteen', 'hundred'], 0), { value: 1900, length: 2 });
    assert.deepEqual(parseNumberWords(['one', 'thousand', 'two', 'hundred', 'and', 'five'], 0), { value: 1205, length: 6 });
    assert.deepEqual(parseNumberWords(['two', 'dozen'], 0), { value: 24, length: 2 });
    assert.equal(parseNumberWords(['a', 'pair'], 0), null);
    assert.equal(parseNumberWords(['hundred'], 0), null);
  });
});

describe('findNumbers: ranges', () => {
  table([
    ['Kestor may send 1,500 to 5,000 troops.', ['1,500 to 5,000 troops | 1500..5000 | exact | - | troops | troop']],
    ['Between 200 and 300 homes were damaged.', ['Between 200 and 300 homes | 200..300 | exact | - | homes | home']],
    ['Floods hit 200-300 farms near Orvask.', ['200-300 farms | 200..300 | exact | - | farms | farm']],
    ['Floods hit 200–300 farms near Orvask.', ['200–300 farms | 200..300 | exact | - | farms | farm']],
    ['The river may rise by 40-60 centimetres.', ['40-60 centimetres | 40..60 | exact | cm | - | -']],
    ['Repairs need two or three weeks.', ['two or three weeks | 2..3 | exact | week | - | -']],
    ['It will cost $2-3 million.', ['$2-3 million | 2000000..3000000 | exact | USD | - | -']],
    ['Lornby beat Corvend 3-1 on Sunday.', []],
  ]);
});

describe('findNumbers: qualifiers', () => {
  table([
    ['More than 320 deaths were recorded in Ardovel.', ['More than 320 deaths | 320 | more-than | - | deaths | death']],
    ['Over 50 boats joined the search.', ['Over 50 boats | 50 | more-than | - | boats | boat']],
    ['Talks in Braskel went on over three days.', ['three days | 3 | exact | day | - | -']],
    ['At least 14 people died in Brennor.', ['At least 14 people | 14 | at-least | - | people | person']],
    ['No fewer than 14 lives were lost.', ['No fewer than 14 lives | 14 | at-least | - | lives | life']],
    ['Some 400 people killed in the quake were buried.', ['Some 400 people killed | 400 | about | - | people killed | person']],
    ['Around 30 villages and roughly 6,000 people were hit.', ['Around 30 villages | 30 | about | - | villages | village', 'roughly 6,000 people | 6000 | about | - | people | person']],
    ['Approximately 90 pupils were sent home.', ['Approximately 90 pupils | 90 | about | - | pupils | pupil']],
    ['Nearly 200 houses damaged or destroyed.', ['Nearly 200 houses damaged or destroyed | 200 | nearly | - | houses damaged or destroyed | house']],
    ['Almost 70 percent voted in Marlest.', ['Almost 70 percent | 70 | nearly | percent | - | -']],
    ['Up to 30 boats sank off Pellory.', ['Up to 30 boats | 30 | up-to | - | boats | boat']],
    ['As many as 50 fishermen are missing.', ['As many as 50 fishermen | 50 | up-to | - | fishermen | fisherman']],
    ['Fewer than 10 cases were confirmed.', ['Fewer than 10 cases | 10 | fewer-than | - | cases | case']],
    ['Less than 5 km of road remains open.', ['Less than 5 km | 5 | fewer-than | km | - | -']],
    ['No more than 12 guests may attend.', ['No more than 12 guests | 12 | at-most | - | guests | guest']],
    ['20 or more people were hurt.', ['20 or more people | 20 | at-least | - | people | person']],
    ['More than a dozen houses were burned.', ['More than a dozen houses | 12 | more-than | - | houses | house']],
  ]);
});

describe('findNumbers: what is counted', () => {
  table([
    ['Brennor sent 8,400 Ostravian troops.', ['8,400 Ostravian troops | 8400 | exact | - | Ostravian troops | troop']],
    ['Kessavo counts 14 dead and 20 injured.', ['14 dead | 14 | exact | - | dead | dead', '20 injured | 20 | exact | - | injured | injured']],
    ['One person died in Pellory.', ['One person | 1 | exact | - | person | person']],
    ['The US sent 3,000 US troops to Ardovel.', ['3,000 US troops | 3000 | exact | - | US troops | troop']],
    ['Rescuers pulled 12 children from the river.', ['12 children | 12 | exact | - | children | child']],
    ['Three current and former engineers spoke.', ['Three current and former engineers | 3 | exact | - | current and former engineers | engineer']],
    ['The storm damaged 40 low-lying houses.', ['40 low-lying houses | 40 | exact | - | low-lying houses | house']],
    ['The flood killed 14.', ['14 | 14 | exact | - | - | -']],
    ['Ardovel set up four “safe zones” near the river.', ['four “safe zones” | 4 | exact | - | “safe zones” | zone']],
    ['In Veldrin 14 people were hurt.', ['14 people | 14 | exact | - | people | person']],
  ]);
  test('singularize follows common English rules', () => {
    const pairs: readonly [string, string][] = [
      ['casualties', 'casualty'], ['houses', 'house'], ['churches', 'church'], ['foes', 'foe'], ['heroes', 'hero'],
      ['people', 'person'], ['lives', 'life'], ['boxes', 'box'], ['troops', 'troop'], ['news', 'news'],
    ];
    for (const [plural, singular] of pairs) assert.equal(singularize(plural), singular);
  });
});

describe('findNumbers: units and ages', () => {
  table([
    ['The briefing in Pellory lasted 40 minutes.', ['40 minutes | 40 | exact | minute | - | -']],
    ['He gave a 40-minute briefing in Orvask.', ['40-minute | 40 | exact | minute | - | -']],
    ['Brennor lies 11 km downstream.', ['11 km | 11 | exact | km | - | -']],
    ['Brennor lies 11km downstream.', ['11km | 11 | exact | km | - | -']],
    ['Close to 180mm of rain fell on Ardovel.', ['Close to 180mm | 180 | nearly | mm | - | -']],
    ['The ferry carried 20 tonnes of grain.', ['20 tonnes | 20 | exact | tonne | - | -']],
    ['It rained for four straight days in Veldrin.', ['four straight days | 4 | exact | day | - | -']],
    ['A magnitude 6.1 quake shook Kessavo.', ['6.1 | 6.1 | exact | magnitude | - | -']],
    ['A 7.8-magnitude quake shook Kessavo.', ['7.8-magnitude | 7.8 | exact | magnitude | - | -']],
    ['A 20-year-old man from Orvask was held.', ['20-year-old | 20 | exact | year | - | -']],
    ['Anna Vell, 58, runs a bakery in Marlest.', ['58 | 58 | exact | year | - | -']],
    ['The reservoir is at 12 °C today.', ['12 °C | 12 | exact | celsius | - | -']],
  ]);
});

describe('findNumbers: what is not a quantity', () => {
  table([
    ['The Tarrow dam opened in 2017.', []],
    ['It was completed in 1987 and refurbished in 2011.', []],
    ['The 2016 elections in Marlest were close.', []],
    ['The dam broke on May 10 near Orvask.', []],
    ['The dam broke on 17 March near Orvask.', []],
    ['The dam broke at 5 a.m. near Orvask.', []],
    ['Sirens sounded at 9pm and at 14:20 local time.', []],
    ['Sirens sounded at five o\'clock and at ten past five.', []],
    ['It was the first flood and the 2nd alarm.', []],
    ['Call 555-123-4567 or 0800 123 456 for help.', []],
    ['The G20 summit and COVID-19 rules were discussed.', []],
    ['Two F-16 jets flew over Marlest.', ['Two | 2 | exact | - | - | -']],
    ['Version 1.2.3 fixed the bug.', []],
    ['Flight 370 and metro line 3 were mentioned.', []],
    ['The Group of 20 met in Veldrin.', []],
    ['The dam was built in the late 1980s.', []],
    ['Veldrin is open 24/7 and scored 3:1.', []],
    ['No one knew; one of the guards left one day.', []],
    ['She built a two-storey house for a 14-member team.', []],
    ['It cost about 2000 dollars, and 1900 people came.', ['about 2000 dollars | 2000 | about | USD | - | -', '1900 people | 1900 | exact | - | people | person']],
  ]);
  test('isYearAt tells years from counts', () => {
    const text = 'In 2017, 2000 people and the 1999 report, about 1950 troops, $2015, 2020 km, since 1453.';
    const at = (digits: string): boolean => isYearAt(text, text.indexOf(digits), text.indexOf(digits) + digits.length);
    assert.equal(at('2017'), true);
    assert.equal(at('2000'), false);
    assert.equal(at('1999'), true);
    assert.equal(at('1950'), false);
    assert.equal(at('2015'), false);
    assert.equal(at('2020'), false);
    assert.equal(at('1453'), true);
  });
});

describe('countKey', () => {
  const CASES: readonly [string, string | null][] = [
    ['At least 14 people died in Brennor.', 'death'],
    ['Some 19 people killed in Orvask were named.', 'death'],
    ['The mayor spoke of some 20 dead.', 'death'],
    ['Officials confirmed 14 deaths.', 'death'],
    ['The flood killed 14 in Veldrin.', 'death'],
    ['The toll in Kessavo had risen to 19.', 'death'],
    ['Nearly 30 people were injured.', 'injured'],
    ['Eleven people were still unaccounted for.', 'missing'],
    ['About 6,000 residents of Orvask had been evacuated.', 'displaced'],
    ['Some 8,500 people have left their homes.', 'displaced'],
    ['Between 200 and 300 houses were damaged.', 'home'],
    ['Kestor sent 8,400 soldiers.', 'troop'],
    ['The talks lasted 40 minutes.', null],
    ['A 58-year-old baker from Marlest spoke.', 'age'],
  ];
  for (const [text, expected] of CASES) {
    test(text, () => {
      const [mention] = numbersOf(text);
      assert.ok(mention !== undefined);
      assert.equal(countKey(mention, text), expected);
    });
  }
});

describe('findNumbers: robustness', () => {
  test('empty text and empty or broken sentence spans', () => {
    assert.deepEqual(findNumbers('', []), []);
    assert.deepEqual(findNumbers('14 people', []), []);
    assert.deepEqual(findNumbers('14 people', [{ start: -5, end: 99 }]).length, 1);
    assert.deepEqual(findNumbers('14 people', [{ start: Number.NaN, end: 3 }, { start: 5, end: 2 }]), []);
  });

  test('sentences are read in text order and mentions never cross them', () => {
    const text = 'Ardovel lost 14 boats. Veldrin lost 20 nets.';
    const second = text.indexOf('Veldrin');
    const mentions = findNumbers(text, [{ start: second, end: text.length }, { start: 0, end: second - 1 }]);
    assert.deepEqual(mentions.map((mention) => text.slice(mention.start, mention.end)), ['14 boats', '20 nets']);
    const cut = findNumbers(text, [{ start: 0, end: text.indexOf(' boats') }]);
    assert.deepEqual(cut.map((mention) => text.slice(mention.start, mention.end)), ['14']);
  });

  test('non-Latin text, unbalanced quotes and no punctuation give valid spans', () => {
    const texts = [
      '二〇一七年五月十日，会见了。 مرحبا ١٢٣ Привет 14 людей',
      '"""“ 14 people “ and ”” 3 boats "',
      Array.from({ length: 5000 }, (_, index) => `word ${index} villages and ${index % 13} dozen`).join(' '),
    ];
    for (const text of texts) {
      for (const mention of numbersOf(text)) {
        assert.ok(mention.start >= 0 && mention.start < mention.end && mention.end <= text.length);
        if (mention.counted !== null) assert.ok(mention.counted.start >= mention.start && mention.counted.end <= mention.end);
      }
    }
  });

  test('a 100,000-word text without punctuation takes well under a few seconds', () => {
    const text = Array.from({ length: 20_000 }, (_, index) => `about ${index} people met in ${1900 + (index % 120)} for two hours`).join(' ');
    const started = performance.now();
    const mentions = numbersOf(text);
    assert.ok(performance.now() - started < 5000);
    assert.ok(mentions.length >= 20_000);
  });
});

test('countKey reads homes abandoned, moves to safety, -ing verbs and a bare count named just before', () => {
  const keyOf = (text: string, figure: string): string | null => {
    const mention = findNumbers(text, [{ start: 0, end: text.length }]).find((found) => text.slice(found.start, found.end).includes(figure));
    assert.ok(mention, figure);
    return countKey(mention, text);
  };
  assert.equal(keyOf('About 8,500 people abandoned their houses overnight.', '8,500'), 'displaced');
  assert.equal(keyOf('Roughly 6,000 residents were moved to safety.', '6,000'), 'displaced');
  assert.equal(keyOf('The blast ripped through the market, killing 12 people.', '12'), 'death');
  assert.equal(keyOf('By evening the number of perished grew to 19 people.', '19'), 'death');
  assert.equal(keyOf('He lost his life savings in the fraud and retired at the age of 61 in the village.', '61'), null);
});
