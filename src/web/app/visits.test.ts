import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createVisitMemory, LAST_VISIT_KEY, readTime, storyViewedKey, type KeyValueStorage } from './visits.js';

/** A storage kept in a Map. */
function mapStorage(entries: Record<string, string> = {}): KeyValueStorage & { entries: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return { entries: map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value) };
}

/** A clock that gives the given times in turn. */
function clock(...times: string[]): () => Date {
  let index = 0;
  return () => new Date(times[Math.min(index++, times.length - 1)]!);
}

test('a first visit has no previous time; recording stores now', () => {
  const storage = mapStorage();
  const visits = createVisitMemory(storage, clock('2031-05-01T08:00:00.000Z'));
  assert.equal(visits.homeSince(), null);
  visits.recordHomeVisit();
  assert.equal(storage.entries.get(LAST_VISIT_KEY), '2031-05-01T08:00:00.000Z');
});

test('within one load, the previous visit stays what pages ask about, after recording too', () => {
  const storage = mapStorage({ [LAST_VISIT_KEY]: '2031-04-30T20:00:00.000Z', [storyViewedKey('s1')]: '2031-04-29T09:00:00.000Z' });
  const visits = createVisitMemory(storage, clock('2031-05-01T08:00:00.000Z', '2031-05-01T08:05:00.000Z'));
  assert.equal(visits.homeSince(), '2031-04-30T20:00:00.000Z');
  visits.recordHomeVisit();
  assert.equal(visits.homeSince(), '2031-04-30T20:00:00.000Z');
  assert.equal(visits.storySince('s1'), '2031-04-29T09:00:00.000Z');
  assert.equal(visits.storySince('s2'), null);
  visits.recordStoryView('s2');
  assert.equal(visits.storySince('s2'), null);
  assert.equal(storage.entries.get(storyViewedKey('s2')), '2031-05-01T08:05:00.000Z');

  const nextLoad = createVisitMemory(storage);
  assert.equal(nextLoad.homeSince(), '2031-05-01T08:00:00.000Z');
  assert.equal(nextLoad.storySince('s2'), '2031-05-01T08:05:00.000Z');
});

test('unreadable, edited or missing storage reads as no visit and never throws', () => {
  assert.equal(readTime(mapStorage({ [LAST_VISIT_KEY]: 'yesterday-ish' }), LAST_VISIT_KEY), null);
  assert.equal(readTime(null, LAST_VISIT_KEY), null);
  const broken: KeyValueStorage = {
    getItem: () => {
      throw new Error('denied');
    },
    setItem: () => {
      throw new Error('quota');
    },
  };
  const visits = createVisitMemory(broken);
  assert.equal(visits.homeSince(), null);
  assert.doesNotThrow(() => visits.recordHomeVisit());
  assert.doesNotThrow(() => createVisitMemory(null).recordStoryView('s1'));
});
