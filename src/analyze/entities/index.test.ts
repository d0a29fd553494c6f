import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EntityMention } from '../../core/annotations.js';
import { splitSentences } from '../sentences.js';
import { findEntities } from './index.js';

/** Paragraphs are the text's lines; sentences come from the project's splitter, as in the product. */
function analyze(text: string): EntityMention[] {
  const paragraphs: { start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    paragraphs.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return findEntities(text, splitSentences(text, paragraphs));
}

/** Mentions as "text/kind" or "text/kind(role)". */
function shown(text: string): string[] {
  return analyze(text).map((mention) => `${text.slice(mention.start, mention.end)}/${mention.kind}${mention.role === null ? '' : `(${mention.role})`}`);
}

/** The mention whose text is `name`, failing when there is none. */
function mentionOf(text: string, name: string): EntityMention {
  const found = analyze(text).find((mention) => text.slice(mention.start, mention.end) === name);
  assert.ok(found, `no mention "${name}" in ${JSON.stringify(shown(text))}`);
  return found;
}

/** Every span valid, in text order, none overlapping. */
function assertWellFormed(text: string, mentions: readonly EntityMention[]): void {
  let previousEnd = 0;
  for (const mention of mentions) {
    assert.ok(mention.start >= previousEnd, `overlap or disorder at ${mention.start}`);
    assert.ok(mention.start < mention.end && mention.end <= text.length, `invalid span ${mention.start}-${mention.end}`);
    previousEnd = mention.end;
  }
}

describe('findEntities: titles, honorifics and roles', () => {
  test('a capitalised title before a name is its role, not part of it', () => {
    const mention = mentionOf('Interior Minister Tomas Halvik said the dam would hold.', 'Tomas Halvik');
    assert.equal(mention.kind, 'person');
    assert.equal(mention.role, 'interior minister');
  });

  test('a lower-case role before a name', () => {
    const text = 'The decision was announced by spokesman Ilja Morrow on Tuesday.';
    assert.equal(mentionOf(text, 'Ilja Morrow').role, 'spokesman');
  });

  test('an appositive role after a name, without its possessor or article', () => {
    const text = 'Oren Tasc, Kestria’s foreign minister, met Vera Lund, the former CIA officer, in Brennick.';
    assert.equal(mentionOf(text, 'Oren Tasc').role, 'foreign minister');
    assert.equal(mentionOf(text, 'Vera Lund').role, 'former cia officer');
    assert.equal(mentionOf(text, 'CIA').kind, 'organization');
  });

  test('honorifics are left out of the mention, which is a person', () => {
    const text = 'Mr Brennick and Dr. Anna Varga spoke before Mrs. Oduya left.';
    assert.equal(mentionOf(text, 'Brennick').kind, 'person');
    assert.equal(mentionOf(text, 'Anna Varga').kind, 'person');
    assert.equal(mentionOf(text, 'Oduya').kind, 'person');
    assert.ok(!shown(text).some((entry) => entry.startsWith('Mr') || entry.startsWith('Dr')));
  });

  test('an abbreviated rank gives the role it stands for', () => {
    const mention = mentionOf('Troops loyal to Gen. Ivo Darrant crossed the river.', 'Ivo Darrant');
    assert.equal(mention.kind, 'person');
    assert.equal(mention.role, 'general');
  });

  test('a nationality before a titled name is a mention of its own', () => {
    const text = 'The talks were led by Danish Deputy Prime Minister Alena Voss.';
    assert.equal(mentionOf(text, 'Danish').kind, 'other');
    assert.equal(mentionOf(text, 'Alena Voss').role, 'deputy prime minister');
  });
});

describe('findEntities: kinds', () => {
  test('an organisation named by its head word keeps its "of" phrase', () => {
    assert.equal(mentionOf('He joined the Kestrian Union of Civil Engineers in 1990.', 'Kestrian Union of Civil Engineers').kind, 'organization');
  });

  test('company suffixes, and the company named without them later', () => {
    const text = 'Varn Holdings Inc. bought Osterby Ltd on Monday. Varn said the deal closed.';
    const mentions = shown(text);
    assert.ok(mentions.includes('Varn Holdings Inc./organization'), JSON.stringify(mentions));
    assert.ok(mentions.includes('Osterby Ltd/organization'), JSON.stringify(mentions));
  });

  test('countries, cities and nationalities from the gazetteers', () => {
    const text = 'Officials from Germany met their French counterparts in Paris and at NATO headquarters.';
    assert.equal(mentionOf(text, 'Germany').kind, 'place');
    assert.equal(mentionOf(text, 'French').kind, 'other');
    assert.equal(mentionOf(text, 'Paris').kind, 'place');
    assert.equal(mentionOf(text, 'NATO').kind, 'organization');
  });

  test('an unknown place after "in" or "the town of"', () => {
    const text = 'Water reached the town of Tavrin overnight, and crews worked in Brennick until dawn.';
    assert.equal(mentionOf(text, 'Tavrin').kind, 'place');
    assert.equal(mentionOf(text, 'Brennick').kind, 'place');
  });

  test('named events', () => {
    const text = 'Leaders gathered for the Kestria Summit before the World Cup began.';
    assert.equal(mentionOf(text, 'Kestria Summit').kind, 'event');
    assert.equal(mentionOf(text, 'World Cup').kind, 'event');
  });

  test('a surname alone is the person named in full earlier', () => {
    const text = 'Marta Quill arrived late. Quill said the bridge had failed.';
    assert.equal(mentionOf(text, 'Quill').kind, 'person');
  });

  test('one name, one kind across the article', () => {
    const text = 'Floods hit Brennick on Monday. By Tuesday Brennick was cut off, and rescuers in Brennick asked for boats.';
    const kinds = analyze(text).filter((mention) => text.slice(mention.start, mention.end) === 'Brennick').map((mention) => mention.kind);
    assert.equal(kinds.length, 3);
    assert.deepEqual(new Set(kinds), new Set(['place']));
  });
});

describe('findEntities: spans', () => {
  test('the possessive is not part of the mention', () => {
    const text = 'Halvik’s plan and Tomas Halvik\'s critics were both in the news.';
    const spans = shown(text);
    assert.ok(spans.some((entry) => entry.startsWith('Halvik/')), JSON.stringify(spans));
    assert.ok(spans.some((entry) => entry.startsWith('Tomas Halvik/')), JSON.stringify(spans));
  });

  test('a common word opening a sentence is no name, a name opening one is', () => {
    assert.deepEqual(shown('After the vote, police closed the square.'), []);
    assert.deepEqual(shown('Police said the square was closed.'), []);
    const text = 'Brennick was flooded. Halvik left Brennick at noon.';
    assert.deepEqual(analyze(text).map((mention) => text.slice(mention.start, mention.end)), ['Brennick', 'Halvik', 'Brennick']);
  });

  test('in a headline in capitals only names count', () => {
    const text = 'FLOOD WATERS CUT OFF BRENNICK AS DAM FAILS\nRescuers reached the village of Brennick on Friday.';
    const headline = analyze(text).filter((mention) => mention.end <= text.indexOf('\n'));
    assert.deepEqual(headline.map((mention) => `${text.slice(mention.start, mention.end)}/${mention.kind}`), ['BRENNICK/place']);
  });

  test('weekdays and months are no names', () => {
    assert.deepEqual(shown('The dam failed on Monday, 4 March, and again in June.'), []);
  });

  test('text in other scripts does not fail', () => {
    for (const text of ['Перед встречей Путин сказал, что Россия готова.', '普京在莫斯科说。', 'قال الرئيس في القاهرة إن المحادثات ستستمر.', 'Ελλάδα και Κύπρος.']) {
      assertWellFormed(text, analyze(text));
    }
  });

  test('bad input: unbalanced quotes, no punctuation, empty text, no sentences given', () => {
    for (const text of ['"Halvik said the Kestrian Union would', 'no punctuation at all just Brennick and Halvik talking', '', '   ', '“ ” ‘ ’ " \'', 'Mr.', 'A.', 'U.S.']) {
      assertWellFormed(text, analyze(text));
      assertWellFormed(text, findEntities(text, []));
    }
  });

  test('mentions are in text order, never overlap, and lie inside the text', () => {
    const text = [
      'KESTRIA VOTES\nInterior Minister Tomas Halvik said on Monday that the Kestrian Union of Civil Engineers, led by Dr. Anna Varga, would meet in Brennick.',
      '"We will rebuild," Halvik told Reuters. Varga, the union’s chairwoman, disagreed with the U.S. Treasury and the World Bank.',
    ].join('\n');
    const mentions = analyze(text);
    assert.ok(mentions.length > 8);
    assertWellFormed(text, mentions);
  });

  test('long stretches of capitalised words, particles or titles stay linear and are no names', () => {
    const stretches = [
      Array.from({ length: 20_000 }, (_, index) => `Kest${String.fromCharCode(97 + (index % 26))}ra`).join(' '),
      'Van de '.repeat(10_000),
      'Minister of '.repeat(10_000),
    ];
    for (const text of stretches) {
      const mentions = findEntities(text, [{ start: 0, end: text.length }]);
      assertWellFormed(text, mentions);
      assert.ok(mentions.every((mention) => mention.end - mention.start < 200));
    }
  });

  test('a 100,000-word article finishes with valid spans', () => {
    const paragraph =
      'Interior Minister Tomas Halvik said on Monday that the Kestrian Union of Civil Engineers would inspect the dam near Brennick, ' +
      'and Mr Oduya, the former CIA officer, told Reuters that Halvik’s plan was sound. ';
    const words = paragraph.split(/\s+/).length;
    const text = paragraph.repeat(Math.ceil(100_000 / words));
    const mentions = findEntities(text, splitSentences(text, [{ start: 0, end: text.length }]));
    assert.ok(mentions.length > 10_000);
    assertWellFormed(text, mentions);
  });
});
