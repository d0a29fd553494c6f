import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import type { IngestResponse, SearchResponse } from '../../server/api-types.js';
import type { ArticleSummary, StoryChanges, StorySummary } from '../../store/store.js';
import { html } from '../view/html.js';
import { AddPage, buildIngestRequest, EMPTY_ADD_FORM, IngestResult, summarizeIngest } from './add.js';
import { NotFoundPage } from './app.js';
import { SiteHeader } from './components.js';
import { HomePage, selectChangedStories, type HomeStory } from './home.js';
import { EmptySearchPage, SearchPage } from './search.js';
import { StoryFailure } from './story-page.js';

// Every name, outlet and sentence here is made up for these tests.

function listedStory(id: string, overrides: Partial<HomeStory> = {}): HomeStory {
  return {
    id,
    title: `The Lowmoor weir story ${id}`,
    createdAt: '2031-04-01T09:00:00.000Z',
    updatedAt: '2031-04-02T09:00:00.000Z',
    counts: { articles: 5, outlets: 4, independentReports: 2 },
    needsAnalysis: false,
    articles: [],
    changes: null,
    ...overrides,
  };
}

function changes(facts: number, figures: StoryChanges['figures'] = []): StoryChanges {
  return {
    facts: Array.from({ length: facts }, (_, index) => ({ key: `f${index}`, text: `Fact ${index}`, firstSeenAt: '2031-04-02T08:00:00.000Z' })),
    figures,
  };
}

function storedArticle(hash: string, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    contentHash: hash,
    sequence: 1,
    articleId: `a-${hash}`,
    source: `https://news.example.org/${hash}`,
    url: `https://news.example.org/${hash}`,
    title: 'Weir keepers warned of cracks',
    outlet: 'The Lowmoor Courier',
    published: '2031-04-01',
    language: 'en',
    firstSeenAt: '2031-04-01T10:00:00.000Z',
    analyzerVersion: 'test',
    story: 's1',
    ...overrides,
  };
}

function storySummary(id: string, overrides: Partial<StorySummary> = {}): StorySummary {
  return {
    id,
    title: 'Weir gives way above Lowmoor',
    createdAt: '2031-04-01T09:00:00.000Z',
    updatedAt: '2031-04-02T09:00:00.000Z',
    version: 3,
    articles: ['h1', 'h2', 'h3'],
    independentReports: 2,
    needsAnalysis: false,
    ...overrides,
  };
}

const render = (vnode: ReturnType<typeof html>) => renderToString(vnode);
const noop = () => {};

test('home shows what changed since the last visit first: new facts and changed figures', () => {
  const stories = [
    listedStory('s3', { title: 'Ferry strike enters second week', changes: changes(0) }),
    listedStory('s2', {
      title: 'Weir gives way above Lowmoor',
      changes: changes(3, [
        { key: 'deaths', about: 'deaths', value: '19', previousValue: '14', changedAt: '2031-04-02T08:00:00.000Z' },
        { key: 'evacuated', about: 'people evacuated', value: '2,300', previousValue: null, changedAt: '2031-04-02T08:00:00.000Z' },
      ]),
    }),
    listedStory('s1', { title: 'Orchard fire contained', changes: changes(1), counts: { articles: 1, outlets: 1, independentReports: null } }),
  ];
  assert.deepEqual(
    selectChangedStories(stories).map((story) => story.id),
    ['s2', 's1'],
  );
  const page = render(html`<${HomePage} stories=${stories} lastVisit="2031-04-01T12:00:00.000Z" />`);
  const changesSection = page.slice(page.indexOf('What changed since your last visit'), page.indexOf('All stories'));
  assert.ok(changesSection.includes('3 new facts'));
  assert.ok(changesSection.includes('deaths: 14 → 19'));
  assert.ok(changesSection.includes('people evacuated: 2,300 (new)'));
  assert.ok(changesSection.includes('1 new fact<'));
  assert.ok(!changesSection.includes('Ferry strike'), 'a story without changes is not listed as changed');
  assert.ok(changesSection.includes('href="#/stories/s2"'));
  assert.ok(page.indexOf('What changed') < page.indexOf('All stories'));
  // The list: every story, in the API's order, with its counts.
  const list = page.slice(page.indexOf('All stories'));
  assert.ok(list.indexOf('Ferry strike') < list.indexOf('Weir gives way') && list.indexOf('Weir gives way') < list.indexOf('Orchard fire'));
  assert.ok(list.includes('5 articles') && list.includes('4 outlets') && list.includes('2 independent reports'));
  assert.ok(list.includes('1 article<') && list.includes('1 outlet<') && list.includes('not analysed yet'));
  assert.ok(list.includes('datetime="2031-04-02T09:00:00.000Z"'));
  assert.match(page, /<h1 class="app-title" tabindex="-1">Stories<\/h1>/);
});

test('home says plainly when this is the first visit, or when nothing changed', () => {
  const first = render(html`<${HomePage} stories=${[listedStory('s1')]} lastVisit=${null} />`);
  assert.ok(first.includes('This is your first visit'));
  assert.ok(!first.includes('What changed since your last visit'));
  const quiet = render(html`<${HomePage} stories=${[listedStory('s1', { changes: changes(0) })]} lastVisit="2031-04-01T12:00:00.000Z" />`);
  assert.ok(quiet.includes('Nothing changed since your last visit'));
});

test('an empty archive explains how to add articles', () => {
  const page = render(html`<${HomePage} stories=${[]} lastVisit=${null} />`);
  assert.ok(page.includes('The archive is empty'));
  assert.ok(page.includes('parallax ingest'));
  assert.ok(page.includes('href="#/add"'));
  assert.ok(!page.includes('All stories'));
});

test('search shows stories and articles with their matches as <mark> elements', () => {
  const response: SearchResponse = {
    query: 'weir cracks',
    match: 'all',
    stories: [{ story: storySummary('s1'), score: 3.2, snippet: { text: 'Cracks in the old weir were reported', highlights: [{ start: 0, end: 6 }, { start: 18, end: 22 }] } }],
    articles: [
      { article: storedArticle('h1'), score: 2.1, snippet: { text: 'keepers saw cracks near the weir gate', highlights: [{ start: 12, end: 18 }, { start: 28, end: 32 }] } },
      { article: storedArticle('h9', { story: null, title: 'Lone report of weir cracks' }), score: 1.4, snippet: { text: 'weir cracks again', highlights: [{ start: 0, end: 4 }] } },
    ],
  };
  const page = render(html`<${SearchPage} response=${response} />`);
  assert.ok(page.includes('<mark>Cracks</mark> in the old <mark>weir</mark> were reported'));
  assert.ok(page.includes('keepers saw <mark>cracks</mark> near the <mark>weir</mark> gate'));
  assert.ok(page.includes('<mark>weir</mark> cracks again'));
  assert.ok(page.includes('href="#/stories/s1"'));
  assert.ok(page.includes('<a class="app-article-link" href="#/articles/h1">Weir keepers warned of cracks</a>'), 'an article hit links to its page');
  assert.ok(page.includes('<a class="app-article-link" href="#/articles/h9">Lone report of weir cracks</a>'), 'also when it is in no story');
  assert.ok(page.includes('Read it in its story'));
  assert.ok(page.includes('In no story yet.'));
  assert.ok(page.includes('1 story<') && page.includes('2 articles<'));
  assert.ok(page.includes('The Lowmoor Courier'));
  assert.ok(page.includes('href="https://news.example.org/h1" rel="noopener noreferrer"'));
  assert.ok(!page.includes('hold some of them'));

  const loose = render(html`<${SearchPage} response=${{ ...response, match: 'any' }} />`);
  assert.ok(loose.includes('these hold some of them'));
  const none = render(html`<${SearchPage} response=${{ query: 'zeppelin', match: 'any', stories: [], articles: [] }} />`);
  assert.ok(none.includes('Nothing matches “zeppelin”'));
  assert.ok(render(html`<${EmptySearchPage} />`).includes('Type words in the search box'));
});

test('a missing story says so; other failures show their message and a retry button', () => {
  const missing = render(html`<${StoryFailure} storyId="s404" failure=${{ kind: 'api', status: 404, code: 'not-found', message: 'no such story' }} />`);
  assert.ok(missing.includes('No story “s404”'));
  assert.ok(missing.includes('role="alert"'));
  assert.ok(!missing.includes('Try again'));
  const down = render(html`<${StoryFailure} storyId="s1" failure=${{ kind: 'network', message: 'Could not reach the Parallax server.' }} onRetry=${noop} />`);
  assert.ok(down.includes('Could not load the story'));
  assert.ok(down.includes('Could not reach the Parallax server.'));
  assert.ok(down.includes('<button class="app-button" type="button">Try again</button>'));
});

test('the header has a home link and a labelled search form', () => {
  const header = render(html`<${SiteHeader} query="weir" onSearch=${noop} />`);
  assert.ok(header.includes('<a class="app-brand" href="#/">Parallax</a>'));
  assert.ok(header.includes('<label class="app-search-label" for="app-search-input">'));
  assert.ok(header.includes('id="app-search-input"'));
  assert.ok(header.includes('value="weir"'));
  assert.ok(header.includes('<button class="app-button" type="submit">Search</button>'));
  assert.ok(render(html`<${NotFoundPage} />`).includes('Page not found'));
});

test('the add form has a label for every field, and the request it builds', () => {
  const page = render(html`<${AddPage} values=${EMPTY_ADD_FORM} submission=${{ kind: 'idle' }} onChange=${noop} onSubmit=${noop} />`);
  for (const id of ['app-add-urls', 'app-add-title', 'app-add-outlet', 'app-add-published', 'app-add-article-url', 'app-add-text']) {
    assert.ok(page.includes(`for="${id}"`) && page.includes(`id="${id}"`), id);
  }
  assert.deepEqual(buildIngestRequest({ ...EMPTY_ADD_FORM, urls: ' https://a.example/1 \n\n\r\nhttps://a.example/2\n' }), {
    ok: true,
    request: { urls: ['https://a.example/1', 'https://a.example/2'] },
  });
  assert.deepEqual(
    buildIngestRequest({ ...EMPTY_ADD_FORM, title: ' Weir report ', outlet: 'Courier', published: '2031-04-01', text: ' The weir held. ' }),
    { ok: true, request: { articles: [{ text: 'The weir held.', title: 'Weir report', outlet: 'Courier', published: '2031-04-01' }] } },
  );
  const nothing = buildIngestRequest(EMPTY_ADD_FORM);
  assert.ok(!nothing.ok && /at least one address/.test(nothing.message));
  const titleOnly = buildIngestRequest({ ...EMPTY_ADD_FORM, title: 'Weir report' });
  assert.ok(!titleOnly.ok && /text of the article/.test(titleOnly.message));

  const refused = render(html`<${AddPage} values=${EMPTY_ADD_FORM} submission=${{ kind: 'failed', message: 'The address http://10.0.0.7/ is on a private network.' }} onChange=${noop} onSubmit=${noop} />`);
  assert.ok(refused.includes('role="alert"'));
  assert.ok(refused.includes('The address http://10.0.0.7/ is on a private network.'));
});

test('the ingest result shows counts, stories and every failure with its reason', () => {
  const response: IngestResponse = {
    added: 2,
    duplicates: 1,
    failed: [{ input: 'https://gone.example/x', reason: 'HTTP 404' }],
    storiesCreated: 1,
    storiesUpdated: 2,
  };
  assert.equal(summarizeIngest(response), 'Added 2 new articles; 1 was already stored; 1 could not be added.');
  const result = render(html`<${IngestResult} response=${response} />`);
  assert.ok(result.includes('2 articles added') && result.includes('1 already stored'));
  assert.ok(result.includes('1 story created') && result.includes('2 stories updated'));
  assert.ok(result.includes('https://gone.example/x') && result.includes('HTTP 404'));
  const done = render(html`<${AddPage} values=${EMPTY_ADD_FORM} submission=${{ kind: 'done', response }} onChange=${noop} onSubmit=${noop} />`);
  assert.ok(done.includes('role="status" aria-live="polite">Added 2 new articles'));
});

// Stranger-supplied text, as it may arrive in titles, outlets, snippets, URLs and failure reasons.
const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src=x onerror=alert(1)>';
const HOSTILE_URLS = ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/x', '/relative'];

/** Fails unless the markup holds no element or attribute made from the hostile text. */
function assertInert(markup: string): void {
  assert.ok(!/<script/i.test(markup), 'no <script> element');
  assert.ok(!/<img/i.test(markup), 'no <img> element');
  const tagsOnly = markup.replace(/>[^<]*</g, "><");
  assert.ok(!/\son[a-z]+=/i.test(tagsOnly), `event-handler attribute in ${tagsOnly}`);
  for (const [, href] of markup.matchAll(/href="([^"]*)"/g)) {
    assert.ok(href!.startsWith('#/') || href!.startsWith('https://') || href!.startsWith('http://'), `unsafe href ${href}`);
  }
  for (const [anchor] of markup.matchAll(/<a [^>]*href="https?:[^>]*>/g)) {
    assert.ok(anchor.includes('rel="noopener noreferrer"'), `outside link without rel: ${anchor}`);
  }
}

test('hostile titles, outlets, snippets and URLs render as inert text', () => {
  const hostileText = `${SCRIPT} ${IMAGE}`;
  const stories = [
    listedStory(`"><script>alert(1)</script>`, {
      title: hostileText,
      changes: changes(1, [{ key: 'k', about: SCRIPT, value: IMAGE, previousValue: SCRIPT, changedAt: '2031-04-02T08:00:00.000Z' }]),
    }),
  ];
  const home = render(html`<${HomePage} stories=${stories} lastVisit="2031-04-01T12:00:00.000Z" />`);
  assertInert(home);
  assert.ok(home.includes('&lt;script>alert(1)&lt;/script>'));
  assert.ok(home.includes('href="#/stories/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"'));

  const response: SearchResponse = {
    query: hostileText,
    match: 'all',
    stories: [{ story: storySummary('s1', { title: IMAGE }), score: 1, snippet: { text: hostileText, highlights: [{ start: 0, end: 8 }, { start: 26, end: 30 }] } }],
    articles: [
      ...HOSTILE_URLS.map((url, index) => ({
        article: storedArticle(`h${index}`, { url, title: SCRIPT, outlet: IMAGE, published: SCRIPT, story: 'javascript:alert(1)' }),
        score: 1,
        snippet: { text: IMAGE, highlights: [{ start: 1, end: 4 }] },
      })),
      { article: storedArticle('hq', { url: 'https://news.example.org/a"><script>alert(1)</script>' }), score: 1, snippet: { text: '', highlights: [] } },
    ],
  };
  const search = render(html`<${SearchPage} response=${response} />`);
  assertInert(search);
  assert.ok(search.includes('<mark>&lt;script></mark>alert(1)'));
  for (const url of ['javascript:alert(1)', 'data:text/html', 'vbscript:']) assert.ok(!search.includes(`href="${url}`), url);
  assert.ok(search.includes('href="#/stories/javascript%3Aalert(1)"'), 'a hostile story id stays inside the app');
  assert.ok(search.includes('Address: javascript:alert(1)'), 'a non-http address is shown as text');
  assert.equal((search.match(/href="https?:/g) ?? []).length, 1, 'only the one http(s) address is a link');
  assert.ok(search.includes('href="https://news.example.org/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E" rel="noopener noreferrer"'));

  const ingest = render(html`<${IngestResult} response=${{ added: 0, duplicates: 0, failed: [{ input: 'javascript:alert(1)', reason: hostileText }], storiesCreated: 0, storiesUpdated: 0 }} />`);
  assertInert(ingest);
  const failure = render(html`<${StoryFailure} storyId=${hostileText} failure=${{ kind: 'api', status: 500, code: 'x', message: hostileText }} />`);
  assertInert(failure);
  assert.ok(failure.includes('&lt;img src=x onerror=alert(1)>'));
});
