import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParallaxError } from '../core/errors.js';
import { DEFAULT_STORE_PATH, resolveStorePath } from './store.js';

test('resolveStorePath takes --db, then PARALLAX_DB, then ./parallax.db', () => {
  assert.equal(resolveStorePath({ db: 'archive.db', env: { PARALLAX_DB: 'other.db' } }), 'archive.db');
  assert.equal(resolveStorePath({ env: { PARALLAX_DB: '/data/news.db' } }), '/data/news.db');
  assert.equal(resolveStorePath({ env: { PARALLAX_DB: ' ' } }), DEFAULT_STORE_PATH);
  assert.equal(resolveStorePath({ env: {} }), './parallax.db');
  assert.throws(() => resolveStorePath({ db: '', env: {} }), (error: unknown) => error instanceof ParallaxError && error.code === 'usage');
});
