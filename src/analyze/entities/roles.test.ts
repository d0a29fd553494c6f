import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { roleAfter, roleBefore } from './roles.js';
import { scanTokens } from './words.js';

/** The role before or after the name `name` in `text`, as text. */
function roles(text: string, name: string): { before: string | null; after: string | null } {
  const tokens = scanTokens(text);
  const start = text.indexOf(name);
  const first = tokens.findIndex((token) => token.start === start);
  const end = tokens.findIndex((token) => token.start >= start + name.length);
  return {
    before: roleBefore(text, tokens, first, 0)?.text ?? null,
    after: roleAfter(text, tokens, end < 0 ? tokens.length : end, tokens.length)?.text ?? null,
  };
}

describe('roles', () => {
  test('a role word before the name, with its modifiers', () => {
    assert.equal(roles('said spokesman Ilja Morrow', 'Ilja Morrow').before, 'spokesman');
    assert.equal(roles('the former foreign minister Oren Tasc', 'Oren Tasc').before, 'former foreign minister');
  });

  test('an appositive role after the name, without article or possessor', () => {
    assert.equal(roles('Oren Tasc, Kestria’s foreign minister, said', 'Oren Tasc').after, 'foreign minister');
    assert.equal(roles('Vera Lund, the former CIA officer, said', 'Vera Lund').after, 'former cia officer');
    assert.equal(roles('Vera Lund, a senior economist at the bank', 'Vera Lund').after, 'senior economist');
  });

  test('no role where the words after the comma are something else', () => {
    assert.deepEqual(roles('Vera Lund, who left in May, said', 'Vera Lund'), { before: null, after: null });
    assert.deepEqual(roles('Vera Lund, Oren Tasc and the minister', 'Vera Lund'), { before: null, after: null });
  });
});
