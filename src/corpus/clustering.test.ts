import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createStoryClusterer, type ClusterInput, type StoryClustererState } from './clustering.js';
import { strongestExclusivePair, withoutCopies } from './clustering/two-events.js';

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

/** Headlines and details a report of a ferry fire may give, the wording two such fires share. */
const FIRE_HEADLINES = [
  'Fire on the ferry {ship} in {town} harbour',
  'Passengers flee burning ferry in {town}',
  'Blaze aboard the {ship}',
  'Ferry fire in {town}: no one hurt',
  '{town} harbour closed after ferry fire',
  'Inquiry into fire on the {ship}',
];
const FIRE_DETAILS = [
  'Crews evacuated the passengers before dawn.',
  'Firefighters fought the blaze for hours.',
  'The coast guard towed the ferry to the quay.',
  'Officials opened an inquiry into the engine room.',
  'Smoke could be seen across the bay.',
  'The operator cancelled all crossings for the week.',
  'Two crew members were treated for smoke inhalation.',
  'Divers checked the hull for damage.',
];
/**
 * Reports of one fictional ferry fire: each picks a headline and two shared details by its
 * index (shifted by `offset`), and one detail only this fire has.
 */
const ferryFire =
  (town: string, ship: string, ownDetails: readonly string[], offset: number) =>
  (id: string, index: number): ClusterInput => ({
    id,
    published: null,
    title: FIRE_HEADLINES[(index + offset) % FIRE_HEADLINES.length]!.replaceAll('{town}', town).replaceAll('{ship}', ship),
    text: `A fire broke out on the ferry ${ship} in ${town}. ${FIRE_DETAILS[(index + offset) % FIRE_DETAILS.length]} ${FIRE_DETAILS[(index + offset + 3) % FIRE_DETAILS.length]} ${ownDetails[index % ownDetails.length]}`,
    entities: [ship, town],
  });
const varnholtFire = ferryFire('Varnholt', 'Selka Dawn', ['The Selka Dawn was built in a Baltic yard.', 'The mayor of Varnholt thanked the volunteers.', 'Varnholt has one ferry link to the islands.'], 0);
const osterbyFire = ferryFire('Osterby', 'Marra Queen', ['The Marra Queen had just been refitted.', 'The Osterby harbour master closed the outer basin.', 'Osterby depends on summer ferry traffic.'], 4);
/** Reports of the two fires, interleaved: v0, o0, v1, o1… */
const twoFires = (count: number): ClusterInput[] => Array.from({ length: count }, (_, index) => [varnholtFire(`v${index}`, index), osterbyFire(`o${index}`, index)]).flat();
/** Pre-tokenised input, to control exactly which terms two articles share. */
const termsOnly = (id: string, terms: string[]): ClusterInput => ({ id, published: null, title: null, text: '', entities: [], terms });

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

  it('keeps two events of one kind apart: the reports of one are split off once their names never meet', () => {
    const clusterer = createStoryClusterer();
    const stream = twoFires(8);
    const decisions = stream.map((article) => clusterer.add(article));
    // The shared wording first puts both fires in one story; the names tell them apart.
    assert.equal(decisions[3]?.story, 'v0', 'a report of the Osterby fire joined the Varnholt story');
    const splits = decisions.flatMap((decision) => decision.splits);
    assert.equal(splits.length, 1);
    assert.equal(splits[0]?.from, 'v0');
    assert.deepEqual(splits[0]?.articles, ['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
    assert.ok((splits[0]?.evidence ?? 0) >= 3);
    assert.ok(splits[0]?.words.some((word) => ['osterbi', 'marra', 'queen'].includes(word)));
    // Later reports go to their own fire, and the two stories are not merged back.
    const osterby = splits[0]!.into;
    assert.equal(clusterer.storyOf('o0'), osterby);
    assert.equal(decisions.at(-1)?.story, osterby);
    const idsOf = (prefix: string): string[] => stream.filter((article) => article.id.startsWith(prefix)).map((article) => article.id);
    assert.deepEqual(
      clusterer.stories().map((story) => [...story.articles].sort()),
      [idsOf('o'), idsOf('v')],
    );
  });

  it('does not split one event whose reports vary in their details', () => {
    const clusterer = createStoryClusterer();
    const decisions = Array.from({ length: 16 }, (_, index) => clusterer.add(varnholtFire(`v${index}`, index)));
    assert.deepEqual(decisions.flatMap((decision) => decision.splits), []);
    assert.deepEqual(clusterer.stories().map((story) => story.articles.length), [16]);
  });

  it('does not split one event told by copies of two wire reports: copies are one report', () => {
    const wire = (id: string, text: string): ClusterInput => ({ id, published: null, title: null, text, entities: ['Selka Dawn', 'Varnholt'] });
    const first = 'A fire broke out on the ferry Selka Dawn in Varnholt harbour, and crews evacuated the passengers before dawn.';
    const second = 'Firefighters battled a blaze aboard the Selka Dawn at Varnholt overnight; the coast guard towed the burning vessel to the quay.';
    const stream = Array.from({ length: 7 }, (_, index) => [wire(`a${index}`, first), ...(index < 6 ? [wire(`b${index}`, second)] : [])]).flat();
    const clusterer = createStoryClusterer();
    assert.deepEqual(stream.flatMap((article) => clusterer.add(article).splits), []);
    assert.deepEqual(clusterer.stories().map((story) => story.articles.length), [13]);
  });

  it('never splits when no members are kept', () => {
    const clusterer = createStoryClusterer({ storyMembers: 0 });
    for (const article of twoFires(8)) assert.deepEqual(clusterer.add(article).splits, []);
    assert.deepEqual(clusterer.stories().map((story) => story.articles.length), [16]);
  });

  it('folds a story of one article into a story that grew close enough for it to join (a late join)', () => {
    const stream = [
      termsOnly('fire', ['ferri', 'fire', 'harbour', 'varnholt', 'crew', 'blaze']),
      termsOnly('rescue', ['passeng', 'rescu', 'lifeboat', 'coastguard', 'varnholt', 'night']),
      termsOnly('both', ['ferri', 'fire', 'harbour', 'varnholt', 'passeng', 'rescu', 'lifeboat', 'coastguard']),
    ];
    const clusterer = createStoryClusterer();
    const decisions = stream.map((article) => clusterer.add(article));
    assert.equal(decisions[1]?.created, true, 'the rescue report found no story when it came');
    assert.equal(decisions[2]?.merges.length, 1);
    const merge = decisions[2]!.merges[0]!;
    assert.ok(merge.similarity >= 0.2 && merge.similarity < 0.5, 'below the merge threshold of two grown stories');
    assert.deepEqual(clusterer.stories().map((story) => story.articles.length), [3]);

    const strict = createStoryClusterer({ lateJoinThreshold: 2 });
    assert.deepEqual(stream.flatMap((article) => strict.add(article).merges), []);
  });

  it('makes the same decisions, splits included, after its state is saved and restored mid-stream', () => {
    const stream = twoFires(8);
    const continuous = createStoryClusterer();
    let resumed = createStoryClusterer();
    stream.forEach((article, index) => {
      if (index % 3 === 2) resumed = createStoryClusterer({}, JSON.parse(JSON.stringify(resumed.exportState())) as StoryClustererState);
      assert.deepEqual(resumed.add(article), continuous.add(article));
    });
    assert.deepEqual(resumed.exportState(), continuous.exportState());
    assert.equal(continuous.exportState().version, 2);
    assert.equal(continuous.exportState().apart.length, 1);
  });

  it('reads a version 1 state (stories without members)', () => {
    const first = createStoryClusterer();
    first.add(ferry('a1', null));
    // A version 1 state: no members in its stories, no stories kept apart.
    const { apart: _apart, ...current } = first.exportState();
    const legacy = { ...current, version: 1, stories: current.stories.map(({ members: _members, ...story }) => story) } as unknown as StoryClustererState;
    const resumed = createStoryClusterer({}, legacy);
    assert.equal(resumed.add(ferry('a2', null)).story, 'a1');
    assert.throws(() => createStoryClusterer({}, { ...legacy, version: 3 } as unknown as StoryClustererState), TypeError);
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

describe('strongestExclusivePair', () => {
  it('finds two words used by disjoint groups of reports and scores the chance of that', () => {
    const reports = [['quake', 'aceh'], ['quake', 'aceh'], ['quake', 'aceh'], ['quake', 'papua'], ['quake', 'papua'], ['quake', 'papua']];
    const pair = strongestExclusivePair(reports);
    assert.deepEqual(pair?.words, ['aceh', 'papua']);
    assert.deepEqual(pair?.first, [0, 1, 2]);
    assert.deepEqual(pair?.second, [3, 4, 5]);
    // Three of six reports use each word: C(3, 3) / C(6, 3) = 1 / 20.
    assert.ok(Math.abs((pair?.evidence ?? 0) - Math.log10(20)) < 1e-9);
  });

  it('pairs no words that meet in a report, nor forms of one word, nor words too rare, nor too few reports', () => {
    assert.equal(strongestExclusivePair([['a', 'b'], ['a'], ['a'], ['b'], ['b'], ['c']]), null);
    assert.equal(strongestExclusivePair([['acquir'], ['acquir'], ['acquir'], ['acquisit'], ['acquisit'], ['acquisit']]), null);
    assert.equal(strongestExclusivePair([['quak'], ['quak'], ['quak'], ['earthquak'], ['earthquak'], ['earthquak']]), null);
    assert.equal(strongestExclusivePair([['a'], ['a'], ['b'], ['b'], ['c'], ['c']]), null);
    assert.equal(strongestExclusivePair([['a'], ['a'], ['a'], ['b'], ['b']]), null);
  });

  it('grows more certain as more reports keep the two words apart', () => {
    const split = (size: number): number => strongestExclusivePair(Array.from({ length: 2 * size }, (_, index) => [index < size ? 'aceh' : 'papua']))?.evidence ?? 0;
    assert.ok(split(3) < split(5) && split(5) < split(7));
    assert.ok(split(7) > 3);
  });
});

describe('withoutCopies', () => {
  it('keeps the first of reports sharing most of their words', () => {
    const original = ['fire', 'ferri', 'selka', 'dawn', 'varnholt', 'crew', 'evacu'];
    const edited = [...original.slice(0, 6), 'passeng'];
    const other = ['blaze', 'selka', 'dawn', 'varnholt', 'coast', 'guard', 'tow'];
    assert.deepEqual(withoutCopies([original, other, edited, original]), [0, 1]);
    assert.deepEqual(withoutCopies([]), []);
  });
});
