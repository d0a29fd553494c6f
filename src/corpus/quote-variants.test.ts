import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuoteKind } from '../core/annotations.js';
import type { QuoteVariants, StoryQuote } from '../core/records.js';
import { buildStory } from '../pipeline/story.js';
import { makeAnalyzed, paragraphs } from '../../test/helpers/analyzed.js';
import { reconcileEntities } from './entities.js';
import { expandContraction, findQuoteVariants, type VariantContext } from './quote-variants.js';
import { storyQuotes } from './speakers.js';

/** Per article: its origin group, language and whether it is machine-translated. */
interface ArticleFacts {
  readonly origin?: string;
  readonly language?: string | null;
  readonly machineTranslated?: boolean;
}

/** A context for articles `a0`, `a1`, … whose outlets are "Outlet 0", "Outlet 1", …. */
function contextFor(facts: readonly ArticleFacts[], names: ReadonlyMap<string, string> = new Map()): VariantContext {
  return {
    articleIndex: (id) => (/^a\d+$/.test(id) && Number(id.slice(1)) < facts.length ? Number(id.slice(1)) : -1),
    originOf: facts.map((fact, index) => fact.origin ?? `o${index}`),
    outletOf: (article) => `Outlet ${article}`,
    entityName: (id) => names.get(id) ?? id,
    language: (article) => (facts[article]?.language === undefined ? 'en' : facts[article]!.language!),
    machineTranslated: (article) => facts[article]?.machineTranslated ?? false,
  };
}

/** Analyses the texts as articles a0, a1, … and finds their quote variants, speakers named. */
function variantsOfStory(texts: readonly string[], facts: readonly ArticleFacts[] = texts.map(() => ({}))): QuoteVariants[] {
  const articles = texts.map((text, index) => makeAnalyzed({ id: `a${index}`, text }));
  const entities = reconcileEntities(articles.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  const names = new Map(entities.entities.map((entity) => [entity.id, entity.name]));
  return findQuoteVariants(storyQuotes(articles, entities), contextFor(facts, names));
}

/** A quote of article `article` made by hand, its span standing for a place in that article. */
function quote(article: number, text: string, options: { kind?: QuoteKind; speaker?: string | null; speakerText?: string | null; at?: number } = {}): StoryQuote {
  const start = options.at ?? 0;
  return {
    article: `a${article}`,
    start,
    end: start + text.length,
    kind: options.kind ?? 'direct',
    text,
    content: [{ start, end: start + text.length }],
    cue: 'said',
    speaker: options.speaker === undefined ? 'e1' : options.speaker,
    speakerText: options.speakerText === undefined ? 'Sorn' : options.speakerText,
  };
}

/** Each variant as "kind: text @ articles". */
function summary(group: QuoteVariants): string[] {
  return group.variants.map((variant) => `${variant.kind}: ${variant.text} @ ${variant.members.map((member) => member.article).join(',')}`);
}

describe('findQuoteVariants', () => {
  const bridgeStory = [
    paragraphs(
      'Mayor Ilka Sorn of Tarnby spoke on Monday.',
      '"We will rebuild the old bridge before the winter comes," Sorn said. "Nobody will be left without a home."',
      '"Our schools will open again next week," Sorn added.',
    ),
    paragraphs('Tarnby mayor Ilka Sorn visited the flooded quarter.', 'Sorn promised to "rebuild the old bridge before the winter comes".'),
    paragraphs('Ilka Sorn, the mayor of Tarnby, toured the town.', '"We shall reconstruct the ancient bridge before winter arrives," she told reporters.'),
    paragraphs('The mayor of Tarnby, Ilka Sorn, met rescuers.', '"We will rebuild the bridge before winter comes," Sorn said.'),
  ];

  it('groups the wordings of one utterance under its speaker and tells their kinds apart', () => {
    const groups = variantsOfStory(bridgeStory);
    assert.equal(groups.length, 1);
    const [group] = groups;
    assert.equal(group!.speakerName, 'Ilka Sorn');
    assert.deepEqual(summary(group!), [
      'verbatim: We will rebuild the old bridge before the winter comes, … Nobody will be left without a home. @ a0',
      'translated: We shall reconstruct the ancient bridge before winter arrives, @ a2',
      'edited: We will rebuild the bridge before winter comes, @ a3',
      'partial: rebuild the old bridge before the winter comes @ a1',
    ]);
    assert.deepEqual(group!.variants[0]!.outlets, ['Outlet 0']);
  });

  it('keeps another statement of the same speaker apart', () => {
    const texts = [...bridgeStory, paragraphs('Mayor Ilka Sorn spoke again.', '"Our schools will open again in the spring," Sorn said.')];
    const groups = variantsOfStory(texts);
    assert.equal(groups.length, 2);
    assert.ok(groups.every((group) => group.variants.every((variant) => !variant.text.includes('schools') || group.variants.every((other) => other.text.includes('schools')))));
  });

  it('puts the most independently reported wording first: copies of one report count once', () => {
    const quotes = [
      quote(0, 'The dam was never inspected after the storm.'),
      quote(1, 'The dam was never inspected after the storm.'),
      quote(2, 'The dam was not inspected after the storm.'),
      quote(3, 'The dam was not inspected after the storm.'),
    ];
    const [group] = findQuoteVariants(quotes, contextFor([{ origin: 'wire' }, { origin: 'wire' }, {}, {}]));
    assert.deepEqual(
      group!.variants.map((variant) => [variant.text, variant.kind, variant.independentReports, variant.outlets.length]),
      [
        ['The dam was not inspected after the storm.', 'verbatim', 2, 2],
        ['The dam was never inspected after the storm.', 'edited', 1, 2],
      ],
    );
  });

  it('lists an utterance only when it has two wordings in two articles', () => {
    const sameEverywhere = [quote(0, 'The levee will hold through the night.'), quote(1, '"The levee will hold through the night."'), quote(2, 'the levee will hold through the night')];
    assert.deepEqual(findQuoteVariants(sameEverywhere, contextFor([{}, {}, {}])), []);
    const oneArticle = [quote(0, 'The levee will hold through the night.'), quote(0, 'The levee will hold through tonight.', { at: 100 })];
    assert.deepEqual(findQuoteVariants(oneArticle, contextFor([{}])), []);
  });

  it('treats spelling, case, punctuation and quotation marks as the same words', () => {
    const quotes = [
      quote(0, 'We must organise the “neighbourhood centre”!'),
      quote(1, 'we must organize the "neighborhood center".'),
      quote(2, 'We must organize the center.'),
    ];
    const [group] = findQuoteVariants(quotes, contextFor([{}, {}, {}]));
    assert.deepEqual(
      group!.variants.map((variant) => [variant.kind, variant.members.length]),
      [
        ['verbatim', 2],
        ['edited', 1],
      ],
    );
  });

  it('spells out contractions for comparison', () => {
    assert.deepEqual(expandContraction("won't"), ['will', 'not']);
    assert.deepEqual(expandContraction("we're"), ['we', 'are']);
    assert.deepEqual(expandContraction("it's"), ['it', 'is']);
    assert.deepEqual(expandContraction("sorn's"), ['sorn']);
  });

  it('joins reported speech only when it echoes a quotation, never two reports alone', () => {
    const quotes = [
      quote(0, 'The council has nothing to hide from the inspectors.'),
      quote(1, 'the council had nothing to hide from inspectors', { kind: 'indirect' }),
      quote(2, 'the council was open with the inspectors about everything', { kind: 'indirect' }),
      quote(3, 'The council has nothing to hide.'),
    ];
    const [group] = findQuoteVariants(quotes, contextFor([{}, {}, {}, {}]));
    assert.deepEqual(
      group!.variants.map((variant) => [variant.members[0]!.article, variant.kind]),
      [
        ['a0', 'verbatim'],
        ['a3', 'partial'],
        ['a1', 'edited'],
      ],
    );
    const reportsOnly = [quote(1, 'the council had nothing to hide from inspectors', { kind: 'indirect' }), quote(2, 'the council had nothing at all to hide from inspectors', { kind: 'indirect' })];
    assert.deepEqual(findQuoteVariants(reportsOnly, contextFor([{}, {}, {}])), []);
  });

  it('groups quotes of unknown speakers only when the words naming them match and the wording is very close', () => {
    const unknown = (article: number, text: string, speakerText: string | null) => quote(article, text, { speaker: null, speakerText });
    const close = [unknown(0, 'The water came through the doors in seconds.', 'a witness'), unknown(1, 'The water came in through the doors in seconds.', 'A witness')];
    const [group] = findQuoteVariants(close, contextFor([{}, {}]));
    assert.equal(group?.speaker, null);
    assert.equal(group?.speakerName, 'a witness');
    assert.equal(group?.variants.length, 2);
    const otherSpeakers = [unknown(0, 'The water came through the doors in seconds.', 'a witness'), unknown(1, 'The water came in through the doors in seconds.', 'a firefighter')];
    assert.deepEqual(findQuoteVariants(otherSpeakers, contextFor([{}, {}])), []);
    const loose = [unknown(0, 'The water came through the doors in seconds and we ran upstairs.', null), unknown(1, 'Water came through the doors.', null)];
    assert.deepEqual(findQuoteVariants(loose, contextFor([{}, {}])), []);
  });

  it('calls a wording from a machine-translated or other-language article translated', () => {
    const quotes = [quote(0, 'The bridge will be rebuilt before the winter.'), quote(1, 'The bridge will be rebuilt before winter.')];
    const [machine] = findQuoteVariants(quotes, contextFor([{}, { machineTranslated: true }]));
    assert.equal(machine?.variants[1]?.kind, 'translated');
    const [otherLanguage] = findQuoteVariants(quotes, contextFor([{}, { language: 'de' }]));
    assert.equal(otherLanguage?.variants[1]?.kind, 'translated');
    const [same] = findQuoteVariants(quotes, contextFor([{}, {}]));
    assert.equal(same?.variants[1]?.kind, 'edited');
  });

  it('ignores bracketed insertions when comparing', () => {
    const quotes = [quote(0, 'So, she [Orla Vane] resigned this morning?'), quote(1, 'So, she resigned this morning? I had no idea.')];
    const [group] = findQuoteVariants(quotes, contextFor([{}, {}]));
    assert.equal(group?.variants.length, 2);
  });

  it('survives bad input: a runaway quote, other scripts, empty text, unknown articles', () => {
    const runaway = quote(0, Array.from({ length: 100_000 }, (_, index) => `word${index % 500}`).join(' '));
    const quotes = [
      runaway,
      { ...runaway, article: 'a1' },
      quote(1, 'Мы восстановим мост до зимы.'),
      quote(2, 'Мы восстановим старый мост до зимы.'),
      quote(0, '我们会在冬天之前重建这座桥。', { at: 5 }),
      quote(1, '', { at: 7 }),
      quote(9, 'The bridge will be rebuilt.'),
    ];
    const started = performance.now();
    const groups = findQuoteVariants(quotes, contextFor([{}, {}, {}]));
    assert.ok(performance.now() - started < 5_000);
    assert.ok(groups.some((group) => group.variants.some((variant) => variant.text.includes('восстановим'))));
    for (const group of groups) for (const variant of group.variants) for (const member of variant.members) assert.ok(member.start < member.end);
  });

  it('takes milliseconds for 500 quotes of 50 articles', () => {
    const subjects = ['bridge', 'school', 'clinic', 'harbour', 'railway', 'library', 'market', 'stadium', 'tunnel', 'ferry'];
    const actions = ['rebuild', 'reopen', 'repair', 'inspect', 'close', 'expand', 'protect', 'fund', 'move', 'sell'];
    const times = ['before winter', 'next spring', 'this year', 'within a month', 'after the inquiry'];
    const quotes: StoryQuote[] = [];
    for (let article = 0; article < 50; article++) {
      for (let index = 0; index < 10; index++) {
        const seed = article * 7 + index * 13;
        const text = `We will ${actions[seed % 10]} the ${subjects[(seed >> 1) % 10]} ${times[seed % 5]} and ${actions[(seed >> 2) % 10]} the ${subjects[index]}.`;
        quotes.push(quote(article, text, { at: index * 200, speaker: `e${index % 4}` }));
      }
    }
    const context = contextFor(Array.from({ length: 50 }, () => ({})));
    findQuoteVariants(quotes.slice(0, 10), context);
    const started = performance.now();
    findQuoteVariants(quotes, context);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1_000, `${elapsed.toFixed(0)} ms`);
  });
});

describe('quote variants of the bundled example', () => {
  it("groups the minister's promise as the wire, the spun rewrite, a shortened and a partial quote word it", async () => {
    const story = await buildStory(['examples/merrow-dam']);
    const index = new Map(story.articles.map((article, position) => [article.id, position]));
    const names = new Map(story.entities.map((entity) => [entity.id, entity.name]));
    const groups = findQuoteVariants(story.quotes, {
      articleIndex: (id) => index.get(id) ?? -1,
      originOf: story.articles.map((article) => article.origin),
      outletOf: (article) => story.articles[article]?.outlet ?? story.articles[article]?.source ?? '',
      entityName: (id) => names.get(id) ?? id,
      language: (article) => story.articles[article]?.language ?? null,
      machineTranslated: () => false,
    });
    const fileOf = (id: string) => story.articles[index.get(id)!]!.source.split('/').pop()!.slice(0, 2);
    const minister = groups.find((group) => group.speakerName === 'Tomas Halvik');
    assert.ok(minister);
    const byFile = new Map(minister.variants.map((variant) => [variant.members.map((member) => fileOf(member.article)).join('+'), variant.kind]));
    assert.equal(minister.variants[0]?.kind, 'verbatim');
    assert.equal(byFile.get('01+02'), 'verbatim');
    assert.equal(byFile.get('03'), 'translated');
    assert.equal(byFile.get('06'), 'edited');
    assert.equal(byFile.get('07'), 'partial');
    assert.ok(!minister.variants.some((variant) => variant.text.includes('not an engineer')), 'the dam-site quote is another statement');
    const chair = groups.find((group) => group.speakerName === 'Yevgenia Dorn');
    assert.deepEqual(
      chair?.variants.map((variant) => variant.kind),
      ['verbatim', 'partial'],
    );
  });
});
