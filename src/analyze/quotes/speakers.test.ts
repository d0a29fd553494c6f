import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EntityKind, EntityMention } from '../../core/annotations.js';
import type { Span } from '../../core/span.js';
import { speechCue } from './cues.js';
import { makeSpeakerContext, phraseStartingAt, resolveSpeaker, speakerBefore } from './speakers.js';
import { wordsIn } from './words.js';

/** A mention of the `occurrence`-th appearance of `name` in `text`. */
function mention(text: string, name: string, kind: EntityKind = 'person', role: string | null = null, occurrence = 0): EntityMention {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(name, start + 1);
  assert.ok(start >= 0, `${name} is not in the text`);
  return { start, end: start + name.length, kind, role };
}

/** The whole text as one sentence. */
function oneSentence(text: string): Span[] {
  return [{ start: 0, end: text.length }];
}

/** The speaker phrase before the first cue of the text, as text. */
function speakerOf(text: string, entities: readonly EntityMention[] = []): string | null {
  const context = makeSpeakerContext(text, entities, oneSentence(text), []);
  const words = wordsIn(text, 0, text.length);
  const cue = words.findIndex((word) => speechCue(word.norm) !== undefined);
  const speaker = speakerBefore(context, words, cue, 0);
  return speaker === null ? null : text.slice(speaker.start, speaker.end);
}

describe('speakerBefore', () => {
  const CASES: readonly [string, string | null][] = [
    ['Interior Minister Tomas Halvik said the gates held.', 'Interior Minister Tomas Halvik'],
    ['Halvik, the interior minister, said the gates held.', 'Halvik'],
    ['Marta Orlan, 58, a teacher from Velm, said the water came at night.', 'Marta Orlan'],
    ['A spokeswoman for the ministry said the gates held.', 'A spokeswoman for the ministry'],
    ['Senator Orlan (D-Velm) said the gates held.', 'Senator Orlan'],
    ['He also said the gates held.', 'He'],
    ['She is telling voters the gates held.', 'She'],
    ['He’s predicting a dry summer.', 'He'],
    ['Six in 10 residents said the gates held.', 'Six in 10 residents'],
    ['The gates held, officials said.', 'officials'],
    ['Halvik’s aides said the gates held.', 'Halvik’s aides'],
    ['The report was said to be late.', null],
    ['He was told the gates held.', null],
  ];
  for (const [text, expected] of CASES) test(text, () => assert.equal(speakerOf(text), expected));
});

describe('phraseStartingAt', () => {
  test('an inverted speaker ends at the aside or the sentence end', () => {
    const text = '“The gates held,” said Tomas Halvik, the interior minister.';
    const context = makeSpeakerContext(text, [], oneSentence(text), []);
    const words = wordsIn(text, 0, text.length);
    const cue = words.findIndex((word) => word.norm === 'said');
    const speaker = phraseStartingAt(context, words, cue + 1, words.length - 1);
    assert.equal(speaker === null ? null : text.slice(speaker.start, speaker.end), 'Tomas Halvik');
  });
});

describe('resolveSpeaker', () => {
  /** The mention the speaker words (the `occurrence`-th `words`) resolve to, as text. */
  function resolve(text: string, words: string, entities: readonly EntityMention[], occurrence = 0): string | null {
    const context = makeSpeakerContext(text, entities, oneSentence(text), []);
    const speaker = mention(text, words, 'other', null, occurrence);
    const resolved = resolveSpeaker(context, speaker);
    return resolved === null ? null : text.slice(resolved.start, resolved.end);
  }

  test('a name resolves to its own mention', () => {
    const text = 'Interior Minister Tomas Halvik said the gates held.';
    assert.equal(resolve(text, 'Interior Minister Tomas Halvik', [mention(text, 'Tomas Halvik', 'person', 'interior minister')]), 'Tomas Halvik');
  });

  test('"he" resolves to the most recent man, by first name', () => {
    const text = 'Anna Berg met Tomas Halvik in Velm. He said the gates held.';
    const entities = [mention(text, 'Anna Berg'), mention(text, 'Tomas Halvik'), mention(text, 'Velm', 'place')];
    assert.equal(resolve(text, 'He', entities), 'Tomas Halvik');
  });

  test('"he" prefers the previous sentence\'s subject to a more recent man', () => {
    const text = 'Tomas Halvik met Peter Dravec at the dam. He said the gates held.';
    assert.equal(resolve(text, 'He', [mention(text, 'Tomas Halvik'), mention(text, 'Peter Dravec')]), 'Tomas Halvik');
  });

  test('the speaker after a quotation is the subject of its sentence', () => {
    const text = '“The gates held,” Peter Dravec told Tomas Halvik. He said more.';
    assert.equal(resolve(text, 'He', [mention(text, 'Peter Dravec'), mention(text, 'Tomas Halvik')]), 'Peter Dravec');
  });

  test('"she" skips a more recent man for the woman before him', () => {
    const text = 'Anna Berg met Tomas Halvik. She said the gates held.';
    assert.equal(resolve(text, 'She', [mention(text, 'Anna Berg'), mention(text, 'Tomas Halvik')]), 'Anna Berg');
  });

  test('an honorific gives the gender, and a later surname inherits it', () => {
    const text = 'Ms. Orlan met Mr. Dravec. Later Orlan spoke. She said the gates held.';
    const entities = [mention(text, 'Orlan'), mention(text, 'Dravec'), mention(text, 'Orlan', 'person', null, 1)];
    assert.equal(resolve(text, 'She', entities), 'Orlan');
  });

  test('two people of unknown gender leave "he" unresolved', () => {
    const text = 'Orlan met Dravec. He said the gates held.';
    assert.equal(resolve(text, 'He', [mention(text, 'Orlan'), mention(text, 'Dravec')]), null);
  });

  test('a lone person of unknown gender is the antecedent', () => {
    const text = 'Dravec toured the dam. He said the gates held.';
    assert.equal(resolve(text, 'He', [mention(text, 'Dravec')]), 'Dravec');
  });

  test('names inside quotations are not antecedents', () => {
    const text = 'Anna Berg spoke. “Tomas Halvik knew,” she said. He said nothing.';
    const quoted = [{ start: text.indexOf('“'), end: text.indexOf('”') + 1 }];
    const context = makeSpeakerContext(text, [mention(text, 'Anna Berg'), mention(text, 'Tomas Halvik')], oneSentence(text), quoted);
    assert.equal(resolveSpeaker(context, mention(text, 'He', 'other')), null);
  });

  test('"the minister" resolves to the mention whose role holds "minister"', () => {
    const text = 'Interior Minister Tomas Halvik visited Velm. The minister said the gates held.';
    const entities = [mention(text, 'Tomas Halvik', 'person', 'interior minister'), mention(text, 'Velm', 'place')];
    assert.equal(resolve(text, 'The minister', entities), 'Tomas Halvik');
  });

  test('a role no mention holds stays unresolved', () => {
    const text = 'Tomas Halvik visited Velm. The mayor said the gates held.';
    assert.equal(resolve(text, 'The mayor', [mention(text, 'Tomas Halvik', 'person', 'interior minister')]), null);
  });

  test('"who" resolves to the name before its comma', () => {
    const text = 'Anna Berg, who said the gates held, left.';
    assert.equal(resolve(text, 'who', [mention(text, 'Anna Berg')]), 'Anna Berg');
  });

  test('a name that only qualifies the phrase is not its speaker', () => {
    const text = 'Half of Velm voters said the gates held.';
    assert.equal(resolve(text, 'Half of Velm voters', [mention(text, 'Velm', 'place')]), null);
  });
});
