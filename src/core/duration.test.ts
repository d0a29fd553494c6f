import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDuration } from './duration.js';
import { ParallaxError } from './errors.js';

const HOUR = 3_600_000;

describe('parseDuration', () => {
  test('numbers with units, alone or combined', () => {
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('15m'), 15 * 60_000);
    assert.equal(parseDuration('1h'), HOUR);
    assert.equal(parseDuration('1h30m'), 1.5 * HOUR);
    assert.equal(parseDuration(' 2D '), 48 * HOUR);
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('1.5s'), 1500);
    assert.equal(parseDuration('1w'), 7 * 24 * HOUR);
  });

  test('anything else is a usage error', () => {
    for (const text of ['', '15', 'm', '0s', '-1m', '15 m', '1y', 'soon', '1h-']) {
      assert.throws(
        () => parseDuration(text),
        (error: unknown) => error instanceof ParallaxError && error.code === 'usage',
        text,
      );
    }
  });
});
