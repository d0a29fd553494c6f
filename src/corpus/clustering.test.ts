import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createStoryClusterer, type ClusterInput } from './clustering.js';

/** Fictional reports: two events in Varnholt (a ferry fire, a mayoral vote) and one in Osterby (a bridge collapse). */
const ferry = (id: string, published: string | null, extra = ''): ClusterInput => ({
  id,
  published,
  title: 'Ferry fire in Varnholt harbour',
  text: `A fire broke out on the ferry Selka Dawn in Varnholt harbour, and crews evacuated the passengers. ${extra}`,
  entities: ['Selka Dawn', 'Varnholt'],
});
const vote = (id: string, published: string | null): ClusterInput => ({
  id,
  published,
  title: 'Varnholt elects Ilse Maranov as mayor',
  text: 'Voters in Varnholt elected Ilse Maranov mayor after a close count of ballots in the council election.',
  entities: ['Varnholt', 'Ilse Maranov'],
});
const bridge = (id: string, published: string | null): ClusterInput => ({
  id,
  published,
  title: 'Osterby bridge collapses',
  text: 'The Kestrel bridge in Osterby collapsed during the night; engineers blamed corroded cables.',
  entities: ['Kestrel', 'Osterby'],
});

describe('createStoryClusterer', () => {
  it('groups reports of one event and keeps other events apart', () => {
    const clusterer = createStoryClusterer();
    const decisions = [
      ferry('a1', null),
      vote('b1', null),
      ferry('a2', null, 'Firefighters from Varnholt fought the blaze for hours.'),
      bridge('c1', null),
      vote('b2', null),
      ferry('a3', null, 'The Selka Dawn was towed away.'),
    ].map((article) => clusterer.add(article));
    assert.deepEqual(
      decisions.map((decision) => decision.story),
      ['a1', 'b1', 'a1', 'c1', 'b1', 'a1'],
    );
    assert.deepEqual(
      clusterer.stories().map((story) => [story.id, story.articles]),
      [
        ['a1', ['a1', 'a2', 'a3']],
        ['b1', ['b1', 'b2']],
        ['c1', ['c1']],
      ],
    );
    assert.equal(decisions[0]?.created, true);
    assert.equal(decisions[2]?.created, false);
    assert.ok((decisions[2]?.similarity ?? 0) >= 0.2);
  });

  it('does not let a stale story attract a later report', () => {
    const clusterer = createStoryClusterer();
    clusterer.add(ferry('old', '2024-03-01T10:00:00Z'));
    const soon = clusterer.add(ferry('soon', '2024-03-02T10:00:00Z'));
    assert.equal(soon.story, 'old');
    const later = clusterer.add(ferry('later', '2024-04-20T10:00:00Z'));
    assert.equal(later.created, true);
    assert.deepEqual(later.closed, ['old']);
    assert.equal(clusterer.storyOf('old'), null);
    assert.equal(clusterer.storyOf('later'), 'later');
  });

  it('returns the same decisions after its state is exported, serialised and restored', () => {
    const first = createStoryClusterer();
    first.add(ferry('a1', null));
    first.add(vote('b1', null));
    const restored = createStoryClusterer({}, JSON.parse(JSON.stringify(first.exportState())));
    for (const article of [ferry('a2', null), bridge('c1', null), vote('b2', null)]) {
      assert.deepEqual(restored.add(article), first.add(article));
    }
    assert.deepEqual(restored.stories(), first.stories());
  });

  it('merges two stories that turn out to be one', () => {
    // A strict join threshold splits two wordings of one event; the merge test on centroids joins them.
    const clusterer = createStoryClusterer({ joinThreshold: 0.9, mergeThreshold: 0.3 });
    clusterer.add(ferry('a1', null));
    clusterer.add({ ...ferry('x1', null), title: 'Passengers rescued from burning ferry', text: 'Passengers of the Selka Dawn were rescued in Varnholt harbour.' });
    const decision = clusterer.add(ferry('a2', null, 'Passengers of the Selka Dawn were rescued.'));
    assert.deepEqual(
      decision.merges.map((merge) => [merge.from, merge.into]),
      [['x1', 'a1']],
    );
    assert.deepEqual(clusterer.stories().map((story) => story.articles.length), [3]);
  });

  it('treats a repeated id as a duplicate and survives empty or odd input', () => {
    const clusterer = createStoryClusterer();
    clusterer.add(ferry('a1', null));
    assert.equal(clusterer.add(ferry('a1', null)).duplicate, true);
    const empty = clusterer.add({ id: 'e1', published: 'not a date', title: null, text: '', entities: [] });
    assert.equal(empty.created, true);
    assert.equal(clusterer.add({ id: 't1', published: null, title: null, text: '', entities: [], terms: ['ferri', 'varnholt', 'fire'] }).story, 'a1');
    assert.throws(() => clusterer.add({ id: '', published: null, title: null, text: 'x', entities: [] }), TypeError);
    assert.throws(() => createStoryClusterer({ joinThreshold: Number.NaN }), TypeError);
  });

  it('reads a bounded number of index entries per article however many stories are open', () => {
    const clusterer = createStoryClusterer({ queryKeys: 8, postingLimit: 4 });
    for (let index = 0; index < 200; index++) {
      const decision = clusterer.add({
        id: `n${index}`,
        published: null,
        title: `Harbour report number ${index}`,
        text: `Varnholt harbour log ${index}: ships arrived and left, cargo number ${index} unloaded.`,
        entities: ['Varnholt'],
      });
      assert.ok(decision.postingsRead <= 8 * 4);
      assert.ok(decision.candidates <= 24);
    }
  });
});
