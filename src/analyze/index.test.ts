import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span } from '../core/span.js';
import { makeAnalyzed } from '../../test/helpers/analyzed.js';

/** Every annotation of the article is a non-empty span inside its text. */
function assertValidSpans(text: string, spans: Iterable<Span>): void {
  for (const span of spans) assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, `${span.start}-${span.end} of ${text.length}`);
}

function annotate(text: string) {
  const analyzed = makeAnalyzed({ id: 'bad', text, published: '2026-03-18' });
  const spans: Span[] = [...analyzed.entities, ...analyzed.numbers, ...analyzed.dates];
  for (const quote of analyzed.quotes) spans.push(quote, ...quote.content, ...(quote.cue === null ? [] : [quote.cue]), ...(quote.speaker === null ? [] : [quote.speaker]));
  assertValidSpans(text, spans);
  return analyzed;
}

describe('analyzeArticle on bad input', () => {
  it('survives unbalanced and unclosed quotation marks without a quote swallowing the article', () => {
    const text = ['Mayor Ilka Sorn said: “The water is rising and we need boats', 'Later, Sorn thanked the 40 volunteers who came on Tuesday.', '"Too late," one said. "We waited'].join('\n\n');
    const analyzed = annotate(text);
    for (const quote of analyzed.quotes) assert.ok(!text.slice(quote.start, quote.end).includes('thanked'), 'a quote crossed into the next paragraph');
  });

  it('reads text with no sentence punctuation and names in non-Latin scripts', () => {
    annotate('Министр Томаш Халвик заявил что 14 человек погибли во вторник и 6000 эвакуированы');
    annotate('沃尔达大坝 周二 决堤 至少十四人 死亡');
    annotate('mayor ilka sorn said fourteen people died and thousands left on tuesday while rescuers worked');
  });

  it('annotates a 100,000-word article with valid spans', () => {
    const paragraph = 'Interior Minister Tomas Halvik said on Tuesday that at least 14 people had died in Brennick. “We will find out who is responsible,” he told reporters. About 6,000 residents left';
    const text = Array.from({ length: 3400 }, () => paragraph).join('\n\n');
    const analyzed = annotate(text);
    assert.ok(analyzed.entities.length > 3000 && analyzed.quotes.length > 3000 && analyzed.numbers.length > 3000);
  });
});
