import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makeAnalyzed, paragraphs, type TestArticle } from '../../../test/helpers/analyzed.js';
import { analyzeArticle } from '../../analyze/index.js';
import type { Analyzed, StoryConflict } from '../../core/records.js';
import type { Span } from '../../core/span.js';
import { extractArticle } from '../../extract/index.js';
import { resolveInputs } from '../../ingest/inputs.js';
import { findConflicts, type ConflictContext } from './index.js';
import { reconcileEntities } from '../entities.js';
import { findFacts } from '../facts.js';
import { findOrigins } from '../origins.js';
import { displayFigure, granularity, intervalsOverlap, valueInterval } from './intervals.js';
import type { AnalyzedStory } from '../origins.js';

/** A story of test articles, each its own report unless `origins` groups them. */
function storyOf(articles: readonly TestArticle[], origins?: readonly string[]): AnalyzedStory {
  const analyzed = articles.map((article) => makeAnalyzed({ published: '2026-03-17T12:00', ...article }));
  return { articles: analyzed, originOf: origins ?? articles.map((article) => article.id), matches: [] };
}

/** A context whose entities are names as written (lower-cased) and whose facts are given as [article, sentence] groups. */
function contextOf(story: AnalyzedStory, facts: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = []): ConflictContext {
  const factIndex = new Map<string, number>();
  facts.forEach((members, index) => {
    for (const [article, sentence] of members) factIndex.set(`${article}:${sentence}`, index);
  });
  const texts = new Map(story.articles.map((analyzed: Analyzed) => [analyzed.article.id, analyzed.article.text]));
  return {
    factOf: (article, sentence) => factIndex.get(`${article}:${sentence}`) ?? null,
    outletOf: (article) => `Outlet ${String.fromCharCode(65 + article)}`,
    entityOf: (article: string, span: Span) => `name:${(texts.get(article) ?? '').slice(span.start, span.end).toLowerCase()}`,
    nameOf: (entity) => entity.replace(/^name:/, '').replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()),
  };
}

/** Conflicts of test articles. */
function conflictsOf(articles: readonly TestArticle[], facts: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = []): StoryConflict[] {
  const story = storyOf(articles);
  return findConflicts(story, contextOf(story, facts));
}

/** The values of each conflict, for compact assertions. */
function valuesOf(conflicts: readonly StoryConflict[]): string[][] {
  return conflicts.map((conflict) => conflict.values.map((value) => value.value));
}

describe('plausible intervals of figures', () => {
  it('reads the granularity of a figure from its last non-zero digit', () => {
    assert.deepEqual([300, 320_000, 14, 2.5, 2_500_000, 0].map(granularity), [100, 10_000, 1, 0.1, 100_000, 1]);
  });

  const agree = (first: Parameters<typeof valueInterval>[0], second: Parameters<typeof valueInterval>[0]): boolean => intervalsOverlap(valueInterval(first), valueInterval(second));
  const figure = (value: number, qualifier: Parameters<typeof valueInterval>[0]['qualifier'] = 'exact', high: number | null = null) => ({ value, high, qualifier });

  const cases: ReadonlyArray<readonly [string, ReturnType<typeof figure>, ReturnType<typeof figure>, boolean]> = [
    ['"more than 300" and "some 350"', figure(300, 'more-than'), figure(350, 'about'), true],
    ['"about 6,000" and "8,500"', figure(6000, 'about'), figure(8500), false],
    ['a range and a number inside it', figure(200, 'exact', 300), figure(250), true],
    ['"about 200" and 213', figure(200, 'about'), figure(213), true],
    ['exact 14 and exact 19', figure(14), figure(19), false],
    ['"at least 14" and 19', figure(14, 'at-least'), figure(19), false],
    ['"some 20" and 19', figure(20, 'about'), figure(19), true],
    ['"more than 320,000" and "some 400,000"', figure(320_000, 'more-than'), figure(400_000, 'about'), false],
    ['a round 8,000 and 8,400', figure(8000), figure(8400), true],
    ['"nearly 20" and 19', figure(20, 'nearly'), figure(19), true],
    ['"fewer than 100" and 12', figure(100, 'fewer-than'), figure(12), true],
  ];
  for (const [name, first, second, expected] of cases) {
    it(`${name} ${expected ? 'agree' : 'disagree'}`, () => assert.equal(agree(first, second), expected));
  }

  it('shows a figure with its qualifier, range and unit', () => {
    assert.equal(displayFigure({ value: 14, high: null, qualifier: 'at-least', unit: null }), 'at least 14');
    assert.equal(displayFigure({ value: 200, high: 300, qualifier: 'exact', unit: null }), '200–300');
    assert.equal(displayFigure({ value: 40, high: null, qualifier: 'exact', unit: 'minute' }), '40 minutes');
    assert.equal(displayFigure({ value: 3_000_000, high: null, qualifier: 'about', unit: 'USD' }), 'about USD 3,000,000');
    assert.equal(displayFigure({ value: 5, high: null, qualifier: 'exact', unit: 'percent' }), '5%');
  });
});

describe('findConflicts: figures', () => {
  it('finds two tolls of one event, with every value, its outlets, reports and sources', () => {
    const conflicts = conflictsOf([
      { id: 'a', text: 'At least 14 people were killed when the Orlen Bridge collapsed in Tarsk on Tuesday.' },
      { id: 'b', text: 'The collapse of the Orlen Bridge in Tarsk killed 19 people, according to the regional governor.' },
      { id: 'c', text: 'No fewer than 14 people died in Tarsk after the Orlen Bridge fell into the river on Tuesday.' },
    ]);
    assert.equal(conflicts.length, 1);
    const [conflict] = conflicts;
    assert.equal(conflict?.id, 'conflict-1');
    assert.equal(conflict?.kind, 'number');
    assert.equal(conflict?.about, 'deaths');
    assert.deepEqual(valuesOf(conflicts), [['at least 14', '19']]);
    const [fourteen, nineteen] = conflict!.values;
    assert.equal(fourteen?.independentReports, 2);
    assert.deepEqual(fourteen?.outlets, ['Outlet A', 'Outlet C']);
    assert.equal(fourteen?.text, 'At least 14 people');
    assert.deepEqual(nineteen?.members.map((member) => member.attribution), ['the regional governor']);
    assert.deepEqual(fourteen?.members.map((member) => member.attribution), [null, null]);
  });

  it('cites the exact span of each figure', () => {
    const story = storyOf([
      { id: 'a', text: 'At least 14 people were killed in Tarsk on Tuesday.' },
      { id: 'b', text: 'Officials said 19 people were killed in Tarsk on Tuesday.' },
    ]);
    const [conflict] = findConflicts(story, contextOf(story));
    for (const value of conflict!.values) {
      for (const member of value.members) {
        const text = story.articles.find((analyzed) => analyzed.article.id === member.article)!.article.text;
        assert.ok(0 <= member.start && member.start < member.end && member.end <= text.length);
        assert.match(text.slice(member.start, member.end), /\d/);
      }
    }
  });

  it('does not set "more than 300" against "some 350", or a range against a number inside it', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'More than 300 people were evacuated from Tarsk on Tuesday. Between 200 and 300 homes were damaged in Tarsk.' },
        { id: 'b', text: 'Some 350 people were evacuated from Tarsk on Tuesday. The storm damaged 250 homes in Tarsk.' },
      ]),
      [],
    );
  });

  it('sets "about 6,000" against 8,500 evacuated', () => {
    const conflicts = conflictsOf([
      { id: 'a', text: 'About 6,000 residents of Tarsk were evacuated on Tuesday.' },
      { id: 'b', text: 'The governor said 8,500 residents of Tarsk were evacuated on Tuesday.' },
    ]);
    assert.deepEqual(valuesOf(conflicts), [['about 6,000', '8,500']]);
    assert.equal(conflicts[0]?.about, 'people evacuated or displaced');
  });

  it('does not compare the durations of two different events of one day', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'Minister Ana Sorel held a 40-minute meeting with the mayor of Tarsk on Tuesday.' },
        { id: 'b', text: 'Minister Ana Sorel spent two hours in talks at the Orlen Bridge on Tuesday.' },
      ]),
      [],
    );
  });

  it('compares the durations of one statement (one fact) in one unit', () => {
    const articles = [
      { id: 'a', text: 'The talks between Ana Sorel and Piet Lund in Tarsk lasted 40 minutes.' },
      { id: 'b', text: 'The talks between Ana Sorel and Piet Lund in Tarsk lasted two hours.' },
    ];
    assert.deepEqual(conflictsOf(articles), []);
    assert.deepEqual(valuesOf(conflictsOf(articles, [[[0, 0], [1, 0]]])), [['40 minutes', '2 hours']]);
    assert.deepEqual(conflictsOf([articles[0]!, { id: 'b', text: 'The talks between Ana Sorel and Piet Lund in Tarsk lasted 2,400 seconds.' }], [[[0, 0], [1, 0]]]), []);
  });

  it('keeps a narrower count apart from the whole: children, foreigners, police officers', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'At least 19 people were killed in Tarsk on Tuesday.' },
        { id: 'b', text: 'Fourteen children were killed in Tarsk on Tuesday.' },
        { id: 'c', text: 'Six foreigners were killed in Tarsk on Tuesday.' },
        { id: 'd', text: 'Three police officers were killed in Tarsk on Tuesday.' },
      ]),
      [],
    );
  });

  it('treats a figure for one place against the whole as a part, which may not exceed it', () => {
    const whole = { id: 'a', text: 'Governor Ana Sorel said 19 people died in the floods on Tuesday.' };
    assert.deepEqual(conflictsOf([whole, { id: 'b', text: paragraphs('Governor Ana Sorel flew to Lisse.', 'Twelve people died in Lisse on Tuesday.') }]), []);
    assert.deepEqual(valuesOf(conflictsOf([whole, { id: 'b', text: paragraphs('Governor Ana Sorel flew to Lisse.', 'The mayor said 25 people died in Lisse on Tuesday.') }])), [['19', '25']]);
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'Nine people died in Lisse on Tuesday.' },
        { id: 'b', text: 'Fifteen people died in Tarsk on Tuesday.' },
      ]),
      [],
    );
  });

  it('does not take a later toll for a conflict: days apart, or announced as a rise', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'At least 14 people died in Tarsk, officials said.', published: '2026-03-17T12:00' },
        { id: 'b', text: 'Officials said 19 people have died in Tarsk.', published: '2026-03-21T12:00' },
      ]),
      [],
    );
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'At least 14 people died in Tarsk, officials said.', published: '2026-03-17T12:00' },
        { id: 'b', text: 'The number of people killed in Tarsk has risen to 19.', published: '2026-03-18T08:00' },
      ]),
      [],
    );
  });

  it('leaves out increments, projections, earlier figures, proportions, parts and vague amounts', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'At least 14 people died in Tarsk on Tuesday.' },
        {
          id: 'b',
          text: paragraphs(
            'Another 5 people died in Tarsk on Tuesday.',
            'The toll in Tarsk could reach 30 people killed.',
            'Officials had initially said 10 people died in Tarsk.',
            'Eight out of 12 people on the bus died.',
            'Nine of the dead were found near the river in Tarsk.',
            'Dozens of people died in Tarsk on Tuesday.',
          ),
        },
      ]),
      [],
    );
  });

  it('finds a contradiction inside one article when it gives the figures to two sources', () => {
    const conflicts = conflictsOf([
      { id: 'a', text: paragraphs('Police said 20 protesters were arrested in Tarsk on Tuesday.', 'The organisers of the march said 45 protesters were arrested in Tarsk on Tuesday.') },
    ]);
    assert.deepEqual(valuesOf(conflicts).map((values) => [...values].sort()), [['20', '45']]);
    assert.deepEqual(
      conflicts[0]!.values.flatMap((value) => value.members.map((member) => member.attribution)).sort(),
      ['Police', 'The organisers of the march'],
    );
    assert.deepEqual(
      conflictsOf([{ id: 'a', text: paragraphs('At least 20 people died in the floods on Tuesday.', 'Police said 12 people died in Lisse on Tuesday.') }]),
      [],
    );
  });

  it('does not compare articles that share no entity and no fact: they may report two events', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'Nine people were killed in a bus crash on Tuesday, Ana Sorel said.' },
        { id: 'b', text: 'Fifteen people were killed in a fire on Tuesday, Piet Lund said.' },
      ]),
      [],
    );
  });

  it('compares the ages of one person, a year apart agreeing', () => {
    const conflicts = conflictsOf([
      { id: 'a', text: 'The baker Hanne Drossel, 58, lost her shop in Tarsk.' },
      { id: 'b', text: 'In Tarsk, Hanne Drossel, 61, watched the water rise.' },
      { id: 'c', text: 'Hanne Drossel, 59, said the water in Tarsk came at dawn.' },
    ]);
    assert.deepEqual(valuesOf(conflicts).map((values) => [...values].sort()), [['58 years', '59 years', '61 years']]);
    assert.equal(conflicts[0]?.about, 'age of Hanne Drossel');
  });

  it('never sets two figures of one sentence against each other', () => {
    assert.deepEqual(conflictsOf([{ id: 'a', text: 'Police said 20 people were arrested in Tarsk, while organisers said 45 people were arrested.' }]), []);
  });

  it('names the source: "according to", a speaker, "put the toll at"', () => {
    const conflicts = conflictsOf([
      { id: 'a', text: 'At least 14 people died in Tarsk on Tuesday, according to the Red Crescent.' },
      { id: 'b', text: 'Governor Ana Sorel put the number of dead in Tarsk at 19 on Tuesday.' },
      { id: 'c', text: '"We have counted 25 dead in Tarsk," Piet Lund said on Tuesday.' },
    ]);
    const sources = conflicts[0]!.values.flatMap((value) => value.members.map((member) => member.attribution));
    assert.deepEqual(sources.sort(), ['Ana Sorel', 'Piet Lund', 'Red Crescent']);
  });

  it('handles a story of one article, an empty story, and articles with no figures', () => {
    assert.deepEqual(conflictsOf([{ id: 'a', text: 'At least 14 people died in Tarsk on Tuesday.' }]), []);
    assert.deepEqual(conflictsOf([]), []);
    assert.deepEqual(conflictsOf([{ id: 'a', text: 'No figures here' }, { id: 'b', text: '“Unbalanced quotes and no punctuation' }]), []);
  });

  it('collapses fifty copies of one report into one value with fifty members, quickly', () => {
    const copies = Array.from({ length: 50 }, (_, index) => ({ id: `copy-${index}`, text: 'At least 14 people were killed in Tarsk on Tuesday, officials said.' }));
    const articles = [...copies, { id: 'other', text: 'The governor said 19 people were killed in Tarsk on Tuesday.' }];
    const story = storyOf(articles, [...copies.map(() => 'wire'), 'other']);
    const started = performance.now();
    const conflicts = findConflicts(story, contextOf(story));
    assert.ok(performance.now() - started < 2000);
    assert.equal(conflicts.length, 1);
    const [wire, other] = conflicts[0]!.values;
    assert.equal(wire?.members.length, 50);
    assert.equal(wire?.independentReports, 1);
    assert.equal(other?.value, '19');
  });

  it('reads a 100,000-word text with no punctuation in bounded time, and returns valid spans', () => {
    const words = Array.from({ length: 10_000 }, (_, index) => `the council of Tarsk counted ${index + 3} boats and ${index * 2 + 5} people killed near the river`);
    const text = words.join(' ');
    const story = storyOf([{ id: 'long', text }, { id: 'short', text: 'Officials said 19 people were killed in Tarsk on Tuesday.' }]);
    const started = performance.now();
    const conflicts = findConflicts(story, contextOf(story));
    assert.ok(performance.now() - started < 15_000);
    for (const member of conflicts.flatMap((conflict) => conflict.values.flatMap((value) => value.members))) {
      const length = story.articles.find((analyzed) => analyzed.article.id === member.article)!.article.text.length;
      assert.ok(0 <= member.start && member.start < member.end && member.end <= length);
    }
  });

  it('reads non-Latin scripts and unbalanced quotation marks without failing', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'В Тарске погибли 14 человек. “Мы считаем 19 погибших, сказал мэр' },
        { id: 'b', text: '塔尔斯克有19人死亡。' },
      ]),
      [],
    );
  });
});

describe('findConflicts: dates', () => {
  it('sets two years of one completion against each other, and names the event', () => {
    const conflicts = conflictsOf([
      { id: 'a', text: 'The Orlen Bridge in Tarsk was completed in 1989 and repainted in 2011.' },
      { id: 'b', text: 'The bridge, a steel arch finished in 1987, carried most traffic into Tarsk.' },
    ]);
    assert.equal(conflicts.length, 1);
    assert.equal(conflicts[0]?.kind, 'date');
    assert.equal(conflicts[0]?.about, 'year the Orlen Bridge in Tarsk was completed');
    assert.deepEqual(valuesOf(conflicts), [['1989', '1987']]);
  });

  it('does not set two visits against each other, but does the last one', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'Ana Sorel visited Velmora in 2013.' },
        { id: 'b', text: 'Ana Sorel visited Velmora in 2014.' },
      ]),
      [],
    );
    const conflicts = conflictsOf([
      { id: 'a', text: 'Ana Sorel, who last visited Velmora in August 2013, arrived on Tuesday.' },
      { id: 'b', text: 'It was the first visit by Ana Sorel to Velmora since 2014.' },
    ]);
    assert.deepEqual(valuesOf(conflicts), [['2013', '2014']]);
    assert.equal(conflicts[0]?.about, 'year Ana Sorel last visited Velmora');
  });

  it('finds a contradiction about one event inside one article', () => {
    assert.deepEqual(
      valuesOf(conflictsOf([{ id: 'a', text: paragraphs('The Orlen Bridge was completed in 1989.', 'Traffic has crossed the Orlen Bridge, completed in 1991, ever since.') }])),
      [['1989', '1991']],
    );
  });

  it('lets publication-relative days one day apart agree (time zones)', () => {
    assert.deepEqual(
      conflictsOf(
        [
          { id: 'a', text: 'The Orlen Bridge collapsed on Tuesday.', published: '2026-03-17T23:30' },
          { id: 'b', text: 'The Orlen Bridge collapsed on Wednesday.', published: '2026-03-18T07:00' },
        ],
        [[[0, 0], [1, 0]]],
      ),
      [],
    );
  });

  it('sets two days of one stated fact against each other', () => {
    const conflicts = conflictsOf(
      [
        { id: 'a', text: 'The Orlen Bridge collapsed on 10 March 2026.' },
        { id: 'b', text: 'The Orlen Bridge collapsed on 14 March 2026.' },
      ],
      [[[0, 0], [1, 0]]],
    );
    assert.deepEqual(valuesOf(conflicts), [['10 March 2026', '14 March 2026']]);
  });

  it('does not read a decade as a date that disagrees with a year', () => {
    assert.deepEqual(
      conflictsOf([
        { id: 'a', text: 'The Orlen Bridge was completed in 1989.' },
        { id: 'b', text: 'The Orlen Bridge was completed in the late 1980s.' },
      ]),
      [],
    );
  });
});

describe('findConflicts: ordering', () => {
  it('puts the conflict with the most reports first and numbers them in that order', () => {
    const conflicts = conflictsOf([
      { id: 'a', text: paragraphs('At least 14 people were killed in Tarsk on Tuesday.', 'The Orlen Bridge was completed in 1989.') },
      { id: 'b', text: paragraphs('Officials said 19 people were killed in Tarsk on Tuesday.', 'The Orlen Bridge was completed in 1987.') },
      { id: 'c', text: 'The governor said 25 people were killed in Tarsk on Tuesday.' },
    ]);
    assert.deepEqual(
      conflicts.map((conflict) => [conflict.id, conflict.kind]),
      [
        ['conflict-1', 'number'],
        ['conflict-2', 'date'],
      ],
    );
  });
});

describe('findConflicts on the bundled example (examples/merrow-dam, see its README)', () => {
  let conflicts: StoryConflict[] = [];
  before(async () => {
    const { fetched } = await resolveInputs(['examples/merrow-dam']);
    const articles = fetched.flatMap((input) => {
      const result = extractArticle(input);
      return result.ok ? [analyzeArticle(result.value)] : [];
    });
    const origins = findOrigins(articles);
    const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
    const story: AnalyzedStory = { articles, originOf: origins.originOf, matches: origins.matches };
    const facts = findFacts(story, { entityOf: entities.entityOf });
    const names = new Map(entities.entities.map((entity) => [entity.id, entity.name]));
    conflicts = findConflicts(story, {
      factOf: facts.factOf,
      outletOf: (article) => articles[article]?.article.outlet ?? articles[article]?.article.source ?? '',
      entityOf: entities.entityOf,
      nameOf: (id) => names.get(id) ?? null,
    });
  });

  const conflictAbout = (about: string): StoryConflict => {
    const conflict = conflicts.find((candidate) => candidate.about === about);
    assert.ok(conflict, `a conflict about ${about}`);
    return conflict;
  };

  it('finds the death toll conflict: at least 14, 19, some 20, each with its source', () => {
    const deaths = conflictAbout('deaths');
    assert.deepEqual(deaths.values.map((value) => value.value).sort(), ['19', 'about 20', 'at least 14']);
    const sources = new Set(deaths.values.flatMap((value) => value.members.map((member) => member.attribution)));
    assert.ok(sources.has('Ansel Brodek'));
    assert.ok(sources.has('the mayor of Brennick'));
  });

  it('finds the evacuation conflict: about 6,000 against 8,500', () => {
    assert.deepEqual(conflictAbout('people evacuated or displaced').values.map((value) => value.value).sort(), ['8,500', 'about 6,000']);
  });

  it('finds the completion year conflict: 1989 against 1987', () => {
    const year = conflicts.find((conflict) => conflict.kind === 'date');
    assert.deepEqual(year?.values.map((value) => value.value).sort(), ['1987', '1989']);
    assert.match(year?.about ?? '', /completed/);
  });

  it('flags none of the non-conflicts: the 40-minute briefing and the three hours, the range of homes', () => {
    assert.equal(conflicts.length, 3);
    const shown = conflicts.flatMap((conflict) => conflict.values.map((value) => value.value));
    assert.ok(!shown.some((value) => /minute|hour|200–300/.test(value)));
  });
});
