import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityKind, EntityMention } from '../core/annotations.js';
import { reconcileEntities, type ArticleMentions } from './entities.js';
import { compareNameWords, comparePersonNames, nameWords } from './name-match.js';

/** An article whose mentions are the given names, found in order in its text. */
function article(id: string, text: string, names: ReadonlyArray<readonly [string, EntityKind, string?]>): ArticleMentions {
  const mentions: EntityMention[] = [];
  let cursor = 0;
  for (const [name, kind, role] of names) {
    const start = text.indexOf(name, cursor);
    assert.ok(start >= 0, `${name} in ${id}`);
    mentions.push({ start, end: start + name.length, kind, role: role ?? null });
    cursor = start + name.length;
  }
  return { article: id, text, mentions };
}

function entityNamed(result: ReturnType<typeof reconcileEntities>, name: string) {
  const entity = result.entities.find((candidate) => candidate.name === name);
  assert.ok(entity, `an entity named ${name}; got ${result.entities.map((e) => e.name).join(', ')}`);
  return entity;
}

describe('name matching', () => {
  it('treats romanisations and case endings of one name as variants', () => {
    assert.equal(compareNameWords('yevgeny', 'evgeniy'), 'variant');
    assert.equal(compareNameWords('comey', 'komi'), 'variant');
    assert.equal(compareNameWords('halvik', 'khalvik'), 'variant');
    assert.equal(compareNameWords('tillerson', 'tillersona'), 'variant');
    assert.equal(compareNameWords('dorn', 'horn'), 'different');
    assert.equal(compareNameWords('marek', 'marta'), 'different');
  });

  it('ignores middle initials and matches an initial to its first name', () => {
    assert.equal(comparePersonNames(nameWords('Rex W. Tillerson'), nameWords('Rex Tillerson')), 'same');
    assert.equal(comparePersonNames(nameWords('R. Tillerson'), nameWords('Rex Tillerson')), 'same');
    assert.equal(comparePersonNames(nameWords('Ivana Brask'), nameWords('Pavel Brask')), 'different');
  });
});

describe('reconcileEntities', () => {
  it('gives one name to a person written in full, by surname and with a middle initial', () => {
    const result = reconcileEntities([
      article('a', 'Interior Minister Tomas Halvik spoke. Mr Halvik left.', [['Tomas Halvik', 'person', 'interior minister'], ['Halvik', 'person']]),
      article('b', 'Tomas J. Halvik arrived. Halvik said little.', [['Tomas J. Halvik', 'person'], ['Halvik', 'person']]),
    ]);
    const people = result.entities.filter((entity) => entity.kind === 'person');
    assert.equal(people.length, 1);
    assert.equal(people[0]?.mentions.length, 4);
    assert.ok(people[0]?.aliases.includes('Halvik'));
    assert.deepEqual(people[0]?.roles, ['interior minister']);
  });

  it('joins a transliterated spelling across articles when roles agree, not when they conflict', () => {
    const agreeing = reconcileEntities([
      article('a', 'Union head Yevgenia Dorn spoke.', [['Yevgenia Dorn', 'person', 'union head']]),
      article('b', 'Evgeniya Dorn, the union head, spoke.', [['Evgeniya Dorn', 'person', 'union head']]),
    ]);
    assert.equal(agreeing.entities.length, 1);
    const conflicting = reconcileEntities([
      article('a', 'Judge Yevgenia Dorn ruled.', [['Yevgenia Dorn', 'person', 'judge']]),
      article('b', 'Striker Evgeniya Dorn scored.', [['Evgeniya Dorn', 'person', 'striker']]),
    ]);
    assert.equal(conflicting.entities.length, 2);
  });

  it('never joins two spellings written in one article: one writer means two people', () => {
    const result = reconcileEntities([article('a', 'Marek Soltan met Marek Szoltan.', [['Marek Soltan', 'person'], ['Marek Szoltan', 'person']])]);
    assert.equal(result.entities.length, 2);
  });

  it('sends a shared surname to the nearest full name in its article, never across two people', () => {
    const result = reconcileEntities([
      article('a', 'Ivana Brask met Pavel Brask. Brask said no.', [['Ivana Brask', 'person'], ['Pavel Brask', 'person'], ['Brask', 'person']]),
      article('b', 'Ivana Brask spoke. Brask left.', [['Ivana Brask', 'person'], ['Brask', 'person']]),
    ]);
    const ivana = entityNamed(result, 'Ivana Brask');
    const pavel = entityNamed(result, 'Pavel Brask');
    assert.notEqual(ivana.id, pavel.id);
    // The surname form joins one of them only, never both.
    assert.equal(result.entities.filter((entity) => entity.kind === 'person').length, 2);
  });

  it('joins a surname spelled another way when the story has one such person', () => {
    const result = reconcileEntities([
      article('a', 'Director Jonas Comey testified.', [['Jonas Comey', 'person', 'director']]),
      article('b', 'Komi was dismissed.', [['Komi', 'person']]),
    ]);
    assert.equal(result.entities.length, 1);
    assert.equal(result.entities[0]?.name, 'Jonas Comey');
  });

  it('gives a country its common name whichever name an article uses', () => {
    const result = reconcileEntities([
      article('a', 'The Russian Federation replied.', [['Russian Federation', 'place']]),
      article('b', 'Russia replied.', [['Russia', 'place']]),
    ]);
    assert.equal(result.entities.length, 1);
    assert.equal(result.entities[0]?.name, 'Russia');
    assert.deepEqual(result.entities[0]?.aliases, ['Russian Federation']);
  });

  it('joins a formal state name the gazetteer does not know to the short name', () => {
    const result = reconcileEntities([
      article('a', 'Ostravia sent divers. Ostravia said more would come.', [['Ostravia', 'place'], ['Ostravia', 'place']]),
      article('b', 'The Ostravian Federal Republic sent divers.', [['Ostravian Federal Republic', 'place']]),
      article('c', 'The Republic of Ostravia sent divers.', [['Republic of Ostravia', 'organization']]),
    ]);
    assert.equal(result.entities.length, 1);
    assert.equal(result.entities[0]?.name, 'Ostravia');
    assert.equal(result.entities[0]?.kind, 'place');
  });

  it('joins an organisation name romanised another way or written as one word', () => {
    const result = reconcileEntities([
      article('a', 'Aldane Hydro said so.', [['Aldane Hydro', 'organization']]),
      article('b', 'Aldanegidro said so.', [['Aldanegidro', 'organization']]),
    ]);
    assert.equal(result.entities.length, 1);
    assert.equal(result.entities[0]?.name, 'Aldane Hydro');
  });

  it('joins an acronym to the organisation it abbreviates', () => {
    const result = reconcileEntities([
      article('a', 'The Kestrian Union of Civil Engineers warned.', [['Kestrian Union of Civil Engineers', 'organization']]),
      article('b', 'The Kestrian Union of Civil Engineers, or KUCE, warned.', [['Kestrian Union of Civil Engineers', 'organization'], ['KUCE', 'organization']]),
      article('c', 'The KUCE warned.', [['KUCE', 'organization']]),
    ]);
    assert.equal(result.entities.length, 1);
    assert.equal(result.entities[0]?.name, 'Kestrian Union of Civil Engineers');
    assert.equal(result.entityOf('c', { start: 4, end: 8 }), result.entities[0]?.id);
  });

  it('drops possessives and leading articles from names', () => {
    const result = reconcileEntities([
      article('a', "Halvik's office and the Aldane Hydro board.", [["Halvik's", 'person'], ['Aldane Hydro', 'organization']]),
    ]);
    assert.deepEqual(result.entities.map((entity) => entity.name).sort(), ['Aldane Hydro', 'Halvik']);
  });
});
