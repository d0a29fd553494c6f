import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EntityKind, EntityMention, Quote } from '../../core/annotations.js';
import type { Span } from '../../core/span.js';
import { splitSentences } from '../sentences.js';
import { findQuotes } from './index.js';
import { paragraphBlocks } from '../../../test/helpers/analyzed.js';


/** Mentions of each name at every place it appears (the tests' stand-in for the entity finder). */
function mentions(text: string, names: readonly (readonly [string, EntityKind, string | null])[]): EntityMention[] {
  const found: EntityMention[] = [];
  for (const [name, kind, role] of names) {
    for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + name.length)) found.push({ start, end: start + name.length, kind, role });
  }
  return found.sort((left, right) => left.start - right.start);
}

/** A quotation as text, for comparing. */
interface Read {
  readonly kind: Quote['kind'];
  readonly content: string;
  readonly cue: string | null;
  readonly speaker: string | null;
  readonly resolved: string | null;
}

function quotesOf(text: string, names: readonly (readonly [string, EntityKind, string | null])[] = []): Read[] {
  const blocks = paragraphBlocks(text);
  const slice = (span: Span | null): string | null => (span === null ? null : text.slice(span.start, span.end));
  return findQuotes(text, blocks, splitSentences(text, blocks), mentions(text, names)).map((quote) => ({
    kind: quote.kind,
    content: quote.content.map((part) => text.slice(part.start, part.end)).join(' | '),
    cue: slice(quote.cue),
    speaker: slice(quote.speaker),
    resolved: slice(quote.speakerMention),
  }));
}

const HALVIK = ['Tomas Halvik', 'person', 'interior minister'] as const;
const BERG = ['Anna Berg', 'person', null] as const;

describe('findQuotes: direct quotations', () => {
  test('a quotation with "he said" after a named speaker', () => {
    const text = 'Interior Minister Tomas Halvik visited the dam on Monday. “Nobody acted on the warnings,” he said.';
    assert.deepEqual(quotesOf(text, [HALVIK]), [{ kind: 'direct', content: 'Nobody acted on the warnings,', cue: 'said', speaker: 'he', resolved: 'Tomas Halvik' }]);
  });

  test('"she said" resolves past a more recent man', () => {
    const text = 'Anna Berg met Tomas Halvik at the dam.\n\n“Nobody acted on them,” she said.';
    assert.deepEqual(quotesOf(text, [HALVIK, BERG]), [{ kind: 'direct', content: 'Nobody acted on them,', cue: 'said', speaker: 'she', resolved: 'Anna Berg' }]);
  });

  test('a quotation split by its attribution is one quote in two parts', () => {
    const text = '“We will rebuild,” said Tomas Halvik, the interior minister, “and we will start this week.”';
    assert.deepEqual(quotesOf(text, [HALVIK]), [
      { kind: 'direct', content: 'We will rebuild, | and we will start this week.', cue: 'said', speaker: 'Tomas Halvik', resolved: 'Tomas Halvik' },
    ]);
  });

  test('a lead-in with a colon, then a quotation over several paragraphs', () => {
    const text = 'Halvik told the council:\n\n“The first warning came in May.\n\n“The second came in June. Nobody read them.”';
    assert.deepEqual(quotesOf(text, [['Halvik', 'person', null]]), [
      { kind: 'direct', content: 'The first warning came in May. | The second came in June. Nobody read them.', cue: 'told', speaker: 'Halvik', resolved: 'Halvik' },
    ]);
  });

  test('guillemets and low-high marks', () => {
    assert.deepEqual(quotesOf('« Nous reconstruirons », a dit Berg. Anna Berg said: „Wir bauen neu auf.“', [BERG]).map((quote) => quote.content), [
      'Nous reconstruirons',
      'Wir bauen neu auf.',
    ]);
  });

  test('an unattributed quotation right after an attributed one continues it', () => {
    const text = '“The gates held,” Halvik said. “The pumps did not.”';
    assert.deepEqual(quotesOf(text, [['Halvik', 'person', null]]).map((quote) => quote.content), ['The gates held, | The pumps did not.']);
  });

  test('a quotation with no attribution keeps an unknown speaker', () => {
    const text = 'The river crested at noon.\n\n“It was the worst night of my life.”';
    assert.deepEqual(quotesOf(text), [{ kind: 'direct', content: 'It was the worst night of my life.', cue: null, speaker: null, resolved: null }]);
  });
});

describe('findQuotes: partial and indirect speech', () => {
  test('a quoted fragment inside the reporter\'s sentence is partial, with its clause', () => {
    const text = 'Halvik called the response “a disgrace” and demanded an inquiry.';
    assert.deepEqual(quotesOf(text, [['Halvik', 'person', null]]), [
      { kind: 'partial', content: 'the response “a disgrace” and demanded an inquiry', cue: 'called', speaker: 'Halvik', resolved: 'Halvik' },
    ]);
  });

  test('"X said that …" is indirect speech', () => {
    const text = 'Anna Berg said that the gates had been inspected twice.';
    assert.deepEqual(quotesOf(text, [BERG]), [{ kind: 'indirect', content: 'that the gates had been inspected twice', cue: 'said', speaker: 'Anna Berg', resolved: 'Anna Berg' }]);
  });

  test('"according to the ministry"', () => {
    const text = 'Forty homes were destroyed, according to the ministry.';
    assert.deepEqual(quotesOf(text), [{ kind: 'indirect', content: 'Forty homes were destroyed', cue: 'according to', speaker: 'the ministry', resolved: null }]);
  });

  test('"X told reporters" and a trailing attribution', () => {
    const text = 'Halvik told reporters the dam would hold. The bridge will reopen next week, officials said.';
    assert.deepEqual(quotesOf(text, [['Halvik', 'person', null]]).map((quote) => [quote.content, quote.speaker]), [
      ['the dam would hold', 'Halvik'],
      ['The bridge will reopen next week', 'officials'],
    ]);
  });

  test('a speaker named only by role resolves through the role of an earlier mention', () => {
    const text = 'Interior Minister Tomas Halvik toured Velm. The minister said the levees would be raised.';
    const [quote] = quotesOf(text, [HALVIK, ['Velm', 'place', null]]);
    assert.deepEqual([quote?.speaker, quote?.resolved], ['The minister', 'Tomas Halvik']);
  });

  test('two reports in one sentence', () => {
    const text = 'Halvik said the gates held, but Berg said the pumps failed.';
    assert.deepEqual(quotesOf(text, [['Halvik', 'person', null], ['Berg', 'person', null]]).map((quote) => [quote.content, quote.speaker]), [
      ['the gates held', 'Halvik'],
      ['the pumps failed', 'Berg'],
    ]);
  });

  test('a speaker the text does not support stays unknown', () => {
    const text = 'Orlan met Dravec at the dam. He said the gates had held.';
    const [quote] = quotesOf(text, [['Orlan', 'person', null], ['Dravec', 'person', null]]);
    assert.deepEqual([quote?.speaker, quote?.resolved], ['He', null]);
  });

  test('scare quotes and titles without a cue are not quotations', () => {
    assert.deepEqual(quotesOf('The so-called “flood tax” was debated on “Morning Velm” today.'), []);
  });
});

describe('findQuotes: reported-speech boundaries and less common forms', () => {
  const NAMES = [HALVIK, BERG, ['Halvik', 'person', null], ['Berg', 'person', null]] as const;
  const contentsOf = (text: string): (readonly [string, string | null, string | null])[] => quotesOf(text, NAMES).map((quote) => [quote.content, quote.cue, quote.speaker] as const);

  test('a comparison the reporter adds after a comma is not part of the report', () => {
    assert.deepEqual(contentsOf('Halvik said the dam had cost twelve million, compared with nine million for the old one.'), [['the dam had cost twelve million', 'said', 'Halvik']]);
  });

  test('a longer adverbial between the cue and "that" is not part of the report', () => {
    assert.deepEqual(contentsOf('Halvik said at a rally in Velm on Tuesday that the dam would hold.'), [['that the dam would hold', 'said', 'Halvik']]);
  });

  test('"has long said", "mentioned" and "repeated" are cues', () => {
    assert.deepEqual(contentsOf('Halvik has long said that the levee is too low.'), [['that the levee is too low', 'said', 'Halvik']]);
    assert.deepEqual(contentsOf('Berg mentioned that the pumps had failed twice.'), [['that the pumps had failed twice', 'mentioned', 'Berg']]);
  });

  test('a passive "asked" reports the question, its asker unknown', () => {
    assert.deepEqual(contentsOf('Asked whether the dam would hold, Halvik said it was too early to tell.'), [
      ['whether the dam would hold', 'Asked', null],
      ['it was too early to tell', 'said', 'Halvik'],
    ]);
    assert.deepEqual(contentsOf('Berg was asked about the cost of the new gates.'), [['the cost of the new gates', 'asked', null]]);
  });

  test('a subject followed by a restrictive relative clause speaks', () => {
    assert.deepEqual(contentsOf('Residents who lost their homes said the warnings came too late.'), [['the warnings came too late', 'said', 'Residents']]);
  });

  test('a quoted fragment attributed by the verb after a role, an aside or an auxiliary', () => {
    assert.deepEqual(contentsOf('Interior Minister Tomas Halvik, who leads the poll, dismissed the report as “pure fiction.”'), [
      ['the report as “pure fiction.”', 'dismissed', 'Interior Minister Tomas Halvik'],
    ]);
    assert.deepEqual(contentsOf('Berg is praising the engineers as “the real heroes” of the flood.'), [['the engineers as “the real heroes” of the flood', 'praising', 'Berg']]);
  });
});

describe('findQuotes: bad input', () => {
  test('a mark that never closes does not swallow the next paragraphs', () => {
    const text = '“The gates were open all night, Berg said.\n\nThe council met on Tuesday. It voted to rebuild the levee.';
    const quotes = findQuotes(text, paragraphBlocks(text), splitSentences(text, paragraphBlocks(text)), []);
    const firstParagraphEnd = text.indexOf('\n\n');
    for (const quote of quotes) for (const part of quote.content) assert.ok(part.end <= firstParagraphEnd);
  });

  test('100,000 words without punctuation: finishes, and every span is valid', () => {
    const vocabulary = ['the', 'minister', 'said', 'that', 'Halvik', 'told', 'reporters', 'water', '“rose', 'according', 'to', 'who', 'he'];
    const text = Array.from({ length: 100_000 }, (_, index) => vocabulary[(index * 7 + (index >> 3)) % vocabulary.length]).join(' ');
    const quotes = findQuotes(text, [{ start: 0, end: text.length }], [{ start: 0, end: text.length }], []);
    for (const quote of quotes) {
      for (const span of [quote, ...quote.content, ...(quote.cue === null ? [] : [quote.cue]), ...(quote.speaker === null ? [] : [quote.speaker])]) {
        assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length);
      }
    }
  });

  test('non-Latin scripts, empty text and no paragraphs', () => {
    assert.deepEqual(quotesOf('他说：“水退了。”').map((quote) => quote.content), ['水退了。']);
    assert.ok(Array.isArray(quotesOf('「水が引いた」と彼は言った。 Он сказал: «Вода ушла».')));
    assert.deepEqual(findQuotes('', [], [], []), []);
    assert.equal(findQuotes('“Enough,” she said.', [], [], []).length, 1);
  });

  test('mentions outside the text are ignored', () => {
    const text = '“Enough,” Halvik said.';
    const quotes = findQuotes(text, paragraphBlocks(text), [], [{ start: 500, end: 510, kind: 'person', role: null }]);
    assert.equal(quotes[0]?.speakerMention, null);
  });
});
