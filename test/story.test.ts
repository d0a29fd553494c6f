import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildStory } from '../src/pipeline/story.js';
import { verifyCitation } from '../src/summarize/citations.js';
import type { Story } from '../src/core/records.js';

/**
 * Invariants of a whole story, on the bundled fictional example (examples/merrow-dam, see its
 * README for what each file demonstrates).
 */
describe('story of the bundled example', () => {
  let story: Story;
  before(async () => {
    story = await buildStory(['examples/merrow-dam']);
  });

  const articleNamed = (name: string) => {
    const article = story.articles.find((candidate) => candidate.source.endsWith(name));
    assert.ok(article, name);
    return article;
  };

  test('every article is read, with a title', () => {
    assert.equal(story.articles.length, 11);
    for (const article of story.articles) assert.ok(article.title !== null && article.title.length > 0, article.source);
    assert.deepEqual(story.diagnostics, []);
  });

  test('the two runs of the wire story share one origin group; nothing else is grouped', () => {
    const first = articleNamed('01-harbour-post.txt');
    const second = articleNamed('02-corran-daily-mirror.txt');
    assert.equal(first.origin, second.origin);
    const others = story.articles.filter((article) => article !== first && article !== second);
    assert.equal(new Set(others.map((article) => article.origin)).size, others.length);
    assert.ok(!others.some((article) => article.origin === first.origin));
    assert.equal(story.independentReports, 10);
    assert.ok(first.added.length > 0 && second.added.length > 0, 'each copy adds something of its own');
  });

  test('headers become metadata', () => {
    const first = articleNamed('01-harbour-post.txt');
    assert.equal(first.kicker, 'Kestria floods');
    assert.equal(first.published, '2026-03-17T19:42');
    assert.equal(first.byline, 'Mara Quillon');
    assert.ok(first.credits.includes('CPA'));
    assert.equal(articleNamed('02-corran-daily-mirror.txt').published, '2026-03-18T01:00');
    assert.equal(articleNamed('04-federalny-kurier.txt').title, 'Ostravian rescuers reached flooded Brennick');
    assert.equal(articleNamed('06-northline-news.txt').byline, 'Ilse Maren');
  });

  test('a web page gives its metadata, each field with its source, and only its article text', () => {
    const page = articleNamed('08-valley-courier.html');
    assert.equal(page.title, 'Brennick counts the cost as floodwater starts to fall');
    assert.equal(page.published, '2026-03-18T16:05:00+01:00');
    assert.equal(page.provenance.published, 'json-ld');
    assert.equal(page.outlet, 'The Valley Courier');
    assert.equal(page.byline, 'Rosalind Kett');
    assert.equal(page.language, 'en');
    assert.equal(page.url, 'https://valleycourier.example/news/2026/03/18/brennick-counts-the-cost');
    assert.ok(page.paragraphs.some((block) => block.kind === 'heading'));
    for (const furniture of ['cookies', 'Share on Facebook', 'Sign up now', 'How the Merrow Dam was built', 'RiverWatcher', 'All rights reserved', 'Advertisement']) {
      assert.ok(!page.text.includes(furniture), furniture);
    }
    const kinds = new Set(page.removed.map((removed) => removed.kind));
    for (const kind of ['comments', 'share', 'newsletter', 'related', 'caption', 'header'] as const) assert.ok(kinds.has(kind), kind);
  });

  test('each kind of boilerplate is removed and recorded', () => {
    const kinds = new Set(story.articles.flatMap((article) => article.removed.map((removed) => removed.kind)));
    for (const kind of ['appeal', 'comments', 'video', 'related', 'share', 'newsletter', 'photo-credit'] as const) assert.ok(kinds.has(kind), kind);
  });

  test('no removed passage stays in an article text or reaches the summary', () => {
    for (const article of story.articles) {
      for (const removed of article.removed) {
        for (const line of removed.text.split('\n')) {
          if (line.trim().length < 12) continue;
          assert.ok(!article.text.includes(line.trim()), `${article.source}: ${line}`);
          for (const sentence of story.summary) assert.ok(!sentence.text.includes(line.trim()));
        }
      }
    }
  });

  test('every citation lies inside its article and carries the cited sentence', () => {
    assert.ok(story.summary.length > 0);
    const texts = new Map(story.articles.map((article) => [article.id, article.text]));
    for (const sentence of story.summary) {
      assert.ok(sentence.citations.length > 0);
      for (const citation of sentence.citations) {
        const text = texts.get(citation.article);
        assert.ok(text !== undefined && citation.start >= 0 && citation.end <= text.length && citation.start < citation.end);
        const check = verifyCitation(sentence.text, citation, text);
        assert.ok(check.ok, check.ok ? '' : check.reason);
      }
      const [own] = sentence.citations;
      assert.equal(texts.get(own?.article ?? '')?.slice(own?.start, own?.end), sentence.text, 'the first citation is the sentence itself');
    }
  });

  test('sentences tile each article body', () => {
    for (const article of story.articles) {
      let cursor = 0;
      for (const span of article.sentences) {
        assert.match(article.text.slice(cursor, span.start), /^\s*$/);
        cursor = span.end;
      }
      assert.match(article.text.slice(cursor), /^\s*$/);
    }
  });

  const entityNamed = (name: string) => {
    const entity = story.entities.find((candidate) => candidate.name === name || candidate.aliases.includes(name));
    assert.ok(entity, `an entity called ${name}`);
    return entity;
  };

  test('each person has one entity whatever the spelling; different people stay apart', () => {
    const halvik = entityNamed('Tomas Halvik');
    assert.equal(halvik.kind, 'person');
    assert.equal(halvik.name, 'Tomas Halvik');
    assert.ok(halvik.aliases.some((alias) => alias.includes('Khalvik')), halvik.aliases.join(', '));
    assert.ok(halvik.roles.includes('interior minister'));
    assert.equal(entityNamed('Evgeniya Dorn').id, entityNamed('Yevgenia Dorn').id);
    assert.notEqual(entityNamed('Ansel Brodek').id, halvik.id);
    assert.equal(entityNamed('the Ostravian Federal Republic'.replace(/^the /, '')).id, entityNamed('Ostravia').id);
    assert.equal(entityNamed('Kestria').kind, 'place');
    assert.equal(entityNamed('Kestrian Union of Civil Engineers').kind, 'organization');
    const texts = new Map(story.articles.map((article) => [article.id, article.text]));
    for (const entity of story.entities) {
      for (const mention of entity.mentions) assert.ok(mention.start < mention.end && mention.end <= (texts.get(mention.article)?.length ?? 0));
    }
  });

  test('quotes name their speaker when the text does, and only then', () => {
    const halvik = entityNamed('Tomas Halvik');
    const wire = articleNamed('01-harbour-post.txt');
    const answer = story.quotes.find((quote) => quote.article === wire.id && quote.text.includes('who is responsible'));
    assert.ok(answer, 'the minister’s quote in the wire copy');
    assert.equal(answer.kind, 'direct');
    assert.equal(answer.speaker, halvik.id);
    const byRole = story.quotes.find((quote) => quote.speakerText === 'the mayor of Brennick');
    assert.equal(byRole?.speaker, entityNamed('Jonas Telleman').id, 'a speaker named by role is the one holder of that role');
    const dorn = story.quotes.find((quote) => quote.article === wire.id && quote.text.includes('Nobody acted on them'));
    assert.equal(dorn?.speaker, entityNamed('Yevgenia Dorn').id);
    for (const quote of story.quotes) {
      const text = story.articles.find((article) => article.id === quote.article)?.text ?? '';
      for (const part of quote.content) assert.ok(part.start >= quote.start && part.end <= quote.end && part.end <= text.length);
    }
  });

  test('figures keep their qualifier, range and counted thing', () => {
    const wire = articleNamed('01-harbour-post.txt');
    const numbers = story.numbers.filter((number) => number.article === wire.id);
    const dead = numbers.find((number) => number.value === 14);
    assert.equal(dead?.qualifier, 'at-least');
    const homes = numbers.find((number) => number.value === 200);
    assert.equal(homes?.high, 300);
    assert.equal(homes?.countedHead, 'home');
    assert.ok(numbers.some((number) => number.value === 40 && number.unit === 'minute'));
  });

  test('the timeline dates the failure on 17 March 2026 from several independent reports', () => {
    const day = story.timeline.filter((event) => event.date === '2026-03-17');
    assert.ok(day.length > 0);
    const reports = new Set(day.flatMap((event) => event.citations.map((citation) => story.articles.find((article) => article.id === citation.article)?.origin)));
    assert.ok(reports.size >= 2, `${reports.size} reports date an event on 17 March`);
    const dates = story.timeline.map((event) => event.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(dates.includes('1987') && dates.includes('1989'), 'both completion years are on the timeline');
  });

  test('flags: the rewrites are derivative, the roundup a compilation, the translation machine-translated', () => {
    const kinds = (name: string) => articleNamed(name).flags.map((flag) => flag.kind);
    assert.ok(kinds('09-trendwire-daily.txt').includes('derivative'));
    assert.ok(kinds('10-newsdesk-roundup.txt').includes('compilation'));
    assert.ok(kinds('11-vjesnik-hollen.txt').includes('machine-translated'));
    for (const name of ['01-harbour-post.txt', '05-open-record.txt', '06-northline-news.txt', '08-valley-courier.html']) assert.deepEqual(kinds(name), [], name);
    for (const flag of story.articles.flatMap((article) => article.flags)) assert.ok(flag.evidence.length > 0);
  });

  test('facts: copies and derivative articles add no independent report; every sentence is in at most one fact', () => {
    const derivative = new Set(story.articles.filter((article) => article.flags.some((flag) => flag.kind === 'derivative')).map((article) => article.id));
    const originOf = new Map(story.articles.map((article) => [article.id, article.origin]));
    const seen = new Set<string>();
    for (const fact of story.facts) {
      const counted = fact.members.filter((member) => !derivative.has(member.article));
      const reports = new Set(counted.map((member) => originOf.get(member.article))).size;
      assert.equal(fact.independentReports, Math.max(reports, 1), fact.text);
      for (const member of fact.members) {
        const key = `${member.article}:${member.start}`;
        assert.ok(!seen.has(key), key);
        seen.add(key);
      }
    }
    assert.ok(story.facts.some((fact) => fact.independentReports >= 3));
    assert.equal(story.coverage.matrix.length, story.facts.length);
    assert.equal(story.coverage.byArticle.length, story.articles.length);
  });

  test('conflicts: the death toll, the completion year and the evacuated, each value with its sources', () => {
    const values = (pattern: RegExp) => story.conflicts.find((conflict) => pattern.test(conflict.about))?.values.map((value) => value.value) ?? [];
    const deaths = values(/death|dead|killed/);
    assert.ok(deaths.some((value) => value.includes('14')) && deaths.some((value) => value.includes('20')), deaths.join(' / '));
    assert.ok(story.conflicts.some((conflict) => conflict.kind === 'date' && conflict.values.some((value) => value.value.includes('1987')) && conflict.values.some((value) => value.value.includes('1989'))));
    const evacuated = values(/evacuat|displac/);
    assert.ok(evacuated.some((value) => value.includes('6,000')) && evacuated.some((value) => value.includes('8,500')), evacuated.join(' / '));
    assert.ok(!story.conflicts.some((conflict) => /minute|hour|home/.test(conflict.about)), 'a meeting’s length and a range are not conflicts');
    for (const conflict of story.conflicts) {
      assert.ok(conflict.values.length >= 2);
      for (const value of conflict.values) assert.ok(value.members.length > 0 && value.outlets.length > 0);
    }
  });

  test('quote variants: the minister’s promise in several wordings under one speaker', () => {
    const halvik = story.entities.find((entity) => entity.name === 'Tomas Halvik');
    const promise = story.quoteVariants.find((group) => group.speaker === halvik?.id && group.variants.some((variant) => /responsible/.test(variant.text)));
    assert.ok(promise);
    assert.equal(promise.variants[0]!.kind, 'verbatim');
    assert.ok(promise.variants.length >= 3);
    assert.ok(promise.variants.some((variant) => variant.kind === 'partial'));
  });

  test('the JSON output follows the published schema', async () => {
    const schema = JSON.parse(await readFile('schema/story.schema.json', 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    const valid = validate(JSON.parse(JSON.stringify(story)));
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 3)));
  });

  test('the same inputs give the same story', async () => {
    assert.deepEqual(await buildStory(['examples/merrow-dam']), story);
  });
});
