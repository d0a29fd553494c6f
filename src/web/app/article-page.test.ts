import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import type { Block, Extracted, Removed } from '../../core/records.js';
import type { ArticleResponse } from '../../server/api-types.js';
import type { ArticleSummary } from '../../store/store.js';
import { html } from '../view/html.js';
import { ArticleFailure, ArticlePage, articleTitle, groupBlocks, provenanceLines } from './article-page.js';

// The article, its outlet, its people and its boilerplate are made up for these tests.

const HASH = '3b7d'.repeat(16);

/** Joins blocks into an article text (a blank line between blocks) and records their spans. */
function body(blocks: ReadonlyArray<readonly [Block['kind'], string]>): { text: string; paragraphs: Block[] } {
  let text = '';
  const paragraphs: Block[] = [];
  for (const [kind, words] of blocks) {
    if (text !== '') text += '\n\n';
    paragraphs.push({ kind, start: text.length, end: text.length + words.length });
    text += words;
  }
  return { text, paragraphs };
}

const BLOCKS = [
  ['paragraph', 'The footbridge over the Ambrel at Cobbton was closed on Tuesday after an inspector found two of its cables frayed.'],
  ['heading', 'What the inspector found'],
  ['list-item', 'a frayed cable on the north side'],
  ['list-item', 'a second one near the east pier'],
  ['quote', 'We could not let anyone cross it another day, said the inspector, Ilse Marrow.'],
  ['paragraph', 'The council expects repairs to take six weeks.'],
] as const;

const REMOVED: Removed[] = [
  { kind: 'newsletter', text: 'Sign up for the Cobbton Ledger morning letter', rule: 'newsletter-signup' },
  { kind: 'share', text: 'Share this story', rule: 'share-buttons' },
  { kind: 'share', text: 'Send by e-mail', rule: 'share-buttons' },
];

function extracted(overrides: Partial<Extracted> = {}): Extracted {
  const { text, paragraphs } = body(BLOCKS);
  return {
    id: 'a-cobbton-1',
    source: 'https://ledger.example.net/2031/05/footbridge',
    contentHash: HASH,
    title: 'Cobbton footbridge shut over frayed cables',
    kicker: 'Ambrel crossings',
    description: 'Inspectors found damage on two cables.',
    published: '2031-05-06',
    updated: null,
    outlet: 'The Cobbton Ledger',
    credits: [],
    byline: 'Tamsin Hale',
    language: 'en',
    url: 'https://ledger.example.net/2031/05/footbridge',
    imageUrl: null,
    provenance: { title: 'json-ld', published: 'time', outlet: 'open-graph', byline: 'meta', language: 'detected', url: 'json-ld' },
    text,
    paragraphs,
    removed: REMOVED,
    diagnostics: [],
    ...overrides,
  };
}

function summary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    contentHash: HASH,
    sequence: 4,
    articleId: 'a-cobbton-1',
    source: 'https://ledger.example.net/2031/05/footbridge',
    url: 'https://ledger.example.net/2031/05/footbridge',
    title: 'Cobbton footbridge shut over frayed cables',
    outlet: 'The Cobbton Ledger',
    published: '2031-05-06',
    language: 'en',
    firstSeenAt: '2031-05-06T11:00:00.000Z',
    analyzerVersion: 'test',
    story: 's-bridge',
    ...overrides,
  };
}

function response(article: Partial<ArticleSummary> = {}, extractedOverrides: Partial<Extracted> = {}): ArticleResponse {
  const record = extracted(extractedOverrides);
  return { article: summary(article), extracted: record, sentences: record.paragraphs.map(({ start, end }) => ({ start, end })) };
}

const render = (vnode: ReturnType<typeof html>) => renderToString(vnode);

test('the article page shows the title, metadata, story link and the text block by block', () => {
  const page = render(html`<${ArticlePage} response=${response()} />`);
  assert.match(page, /<h1 id="app-article-title" class="app-title" tabindex="-1">Cobbton footbridge shut over frayed cables<\/h1>/);
  assert.ok(page.includes('<p class="app-kicker">Ambrel crossings</p>'));
  assert.ok(page.includes('Inspectors found damage on two cables.'));
  assert.ok(page.includes('The Cobbton Ledger · by Tamsin Hale · <time datetime="2031-05-06">'));
  assert.ok(page.includes('<dt>Byline</dt><dd>Tamsin Hale</dd>'));
  assert.match(page, /<dt>Language<\/dt><dd>[^<]*\(en\)<\/dd>/);
  assert.ok(page.includes('<dt>Published</dt><dd><time datetime="2031-05-06">'));
  assert.ok(page.includes('<a href="#/stories/s-bridge">Read it in its story</a>'));
  assert.ok(page.includes('<dt>Original address</dt><dd><a class="app-external" href="https://ledger.example.net/2031/05/footbridge" rel="noopener noreferrer">'));
  assert.ok(!page.includes('Canonical address'), 'one address when the canonical one is the same');
  assert.ok(page.includes(`<code class="app-hash">${HASH}</code>`));
  assert.ok(page.includes('datetime="2031-05-06T11:00:00.000Z"'), 'when it was first stored');

  // The text: every block in order, as its kind of element, consecutive list items in one list.
  const text = page.slice(page.indexOf('<div class="app-article-text">'));
  const expected = [
    `<p>${BLOCKS[0][1]}</p>`,
    `<h3>${BLOCKS[1][1]}</h3>`,
    `<ul><li>${BLOCKS[2][1]}</li><li>${BLOCKS[3][1]}</li></ul>`,
    `<blockquote><p>${BLOCKS[4][1]}</p></blockquote>`,
    `<p>${BLOCKS[5][1]}</p>`,
  ];
  let position = 0;
  for (const part of expected) {
    const found = text.indexOf(part, position);
    assert.ok(found >= position, `${part} follows the previous block`);
    position = found + part.length;
  }
  const words = BLOCKS.flatMap(([, words]) => words.split(' ')).length;
  assert.ok(page.includes(`${words} words · 6 sentences`), 'the word count of the whole text');
});

test('the removed boilerplate is listed on request with its kind and rule, and the provenance of each field', () => {
  const page = render(html`<${ArticlePage} response=${response()} />`);
  assert.ok(page.includes('<details class="removed app-removed"><summary>Boilerplate removed: newsletter, share ×2</summary>'));
  for (const removed of REMOVED) {
    assert.ok(
      page.includes(`<span class="removed-kind">${removed.kind}</span> <span class="removed-rule">(${removed.rule})</span> ${removed.text}</li>`),
      removed.text,
    );
  }
  assert.deepEqual(provenanceLines(extracted()), [
    { field: 'Title', source: 'the page’s JSON-LD data' },
    { field: 'Outlet', source: 'the page’s Open Graph tags' },
    { field: 'Published', source: 'a time element of the page' },
    { field: 'Byline', source: 'the page’s meta tags' },
    { field: 'Language', source: 'detected from the text' },
    { field: 'Address', source: 'the page’s JSON-LD data' },
  ]);
  assert.ok(page.includes('Where the metadata was read from'));
  assert.ok(page.includes('<dt>Published</dt><dd>a time element of the page</dd>'));

  const clean = render(html`<${ArticlePage} response=${response({}, { removed: [], provenance: {} })} />`);
  assert.ok(clean.includes('No boilerplate was removed'));
  assert.ok(!clean.includes('<details') && !clean.includes('Where the metadata was read from'));
});

test('an article in no story, without a date, byline, language or address, says so', () => {
  const page = render(
    html`<${ArticlePage}
      response=${response(
        { story: null, url: null, title: null },
        { title: null, kicker: null, description: null, published: null, byline: null, language: null, url: null, outlet: null, credits: ['Wire Service North'], source: '-' },
      )}
    />`,
  );
  assert.ok(page.includes('>Untitled article</h1>'));
  assert.equal(articleTitle(response({ title: null }, { title: null })), 'Untitled article');
  assert.ok(page.includes('<span>In no story yet.</span>'));
  assert.ok(!page.includes('href="#/stories/'));
  assert.ok(page.includes('Wire Service North · undated'), 'the credits stand for the outlet');
  assert.ok(page.includes('<dt>Credited</dt><dd>Wire Service North</dd>'));
  assert.ok(page.includes('<dt>Source</dt><dd>standard input</dd>'));
  for (const field of ['Outlet', 'Published', 'Byline', 'Language', 'Original address']) {
    assert.ok(page.includes(`<dt>${field}</dt><dd><span class="app-muted">not stated</span></dd>`), field);
  }
  assert.ok(!page.includes('href="http'), 'no outside link');

  const updatedOnly = render(html`<${ArticlePage} response=${response({}, { published: null, updated: '2031-05-07' })} />`);
  assert.ok(updatedOnly.includes('updated <time datetime="2031-05-07">'));
  const canonical = render(html`<${ArticlePage} response=${response({ url: 'https://m.ledger.example.net/f' })} />`);
  assert.ok(canonical.includes('<dt>Canonical address</dt>'));
});

test('text without recorded blocks is divided at its blank lines', () => {
  const page = render(html`<${ArticlePage} response=${response({}, { text: 'First part.\n\nSecond part.', paragraphs: [] })} />`);
  assert.ok(page.includes('<div class="app-article-text"><p>First part.</p><p>Second part.</p></div>'));
  const empty = render(html`<${ArticlePage} response=${response({}, { text: '', paragraphs: [] })} />`);
  assert.ok(empty.includes('This article has no text.'));
  assert.deepEqual(
    groupBlocks([
      { kind: 'list-item', start: 0, end: 1 },
      { kind: 'paragraph', start: 2, end: 3 },
      { kind: 'list-item', start: 4, end: 5 },
      { kind: 'list-item', start: 6, end: 7 },
    ]).map((group) => (group.kind === 'list' ? group.items.length : group.block.kind)),
    [1, 'paragraph', 2],
  );
});

test('a missing article says so; other failures show their message and a retry button', () => {
  const missing = render(html`<${ArticleFailure} contentHash="abc" failure=${{ kind: 'api', status: 404, code: 'not-found', message: 'no such article' }} />`);
  assert.ok(missing.includes('No article “abc”'));
  assert.ok(missing.includes('role="alert"'));
  assert.ok(missing.includes('tabindex="-1"'));
  assert.ok(!missing.includes('Try again'));
  const down = render(html`<${ArticleFailure} contentHash=${HASH} failure=${{ kind: 'network', message: 'Could not reach the Parallax server.' }} onRetry=${() => {}} />`);
  assert.ok(down.includes('Could not load the article'));
  assert.ok(down.includes('Could not reach the Parallax server.'));
  assert.ok(down.includes('<button class="app-button" type="button">Try again</button>'));
});

// Stranger-supplied text, as an extracted page may carry it in any field.
const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src=x onerror=alert(1)>';

/** Fails unless the markup holds no element or attribute made from the hostile text. */
function assertInert(markup: string): void {
  assert.ok(!/<script/i.test(markup), 'no <script> element');
  assert.ok(!/<img/i.test(markup), 'no <img> element');
  const tagsOnly = markup.replace(/>[^<]*</g, '><');
  assert.ok(!/\son[a-z]+=/i.test(tagsOnly), `event-handler attribute in ${tagsOnly}`);
  for (const [, href] of markup.matchAll(/href="([^"]*)"/g)) {
    assert.ok(href!.startsWith('#/') || href!.startsWith('https://') || href!.startsWith('http://'), `unsafe href ${href}`);
  }
  for (const [anchor] of markup.matchAll(/<a [^>]*href="https?:[^>]*>/g)) {
    assert.ok(anchor.includes('rel="noopener noreferrer"'), `outside link without rel: ${anchor}`);
  }
}

test('hostile titles, metadata, text, removed passages and addresses render as inert text', () => {
  const hostile = `${SCRIPT} ${IMAGE}`;
  const { text, paragraphs } = body([
    ['paragraph', `The gauge read ${SCRIPT} at noon.`],
    ['heading', IMAGE],
    ['quote', '<a href="javascript:alert(1)">timetable</a>'],
    ['list-item', `"><svg onload=alert(1)>`],
  ]);
  const page = render(
    html`<${ArticlePage}
      response=${response(
        { story: '"><script>alert(1)</script>', url: 'javascript:alert(1)', contentHash: `"><script>alert(1)</script>`, firstSeenAt: SCRIPT },
        {
          title: hostile,
          kicker: SCRIPT,
          description: IMAGE,
          outlet: `The Ledger"><script>alert(1)</script>`,
          byline: `</dd><script>alert(1)</script>`,
          credits: [IMAGE],
          published: SCRIPT,
          updated: IMAGE,
          language: SCRIPT,
          source: 'data:text/html,<script>alert(1)</script>',
          url: ' JavaScript:alert(1)',
          provenance: { title: SCRIPT as never, outlet: 'constructor' as never },
          text,
          paragraphs,
          removed: [{ kind: SCRIPT as never, rule: IMAGE, text: '<iframe src="javascript:alert(1)"></iframe>' }],
        },
      )}
    />`,
  );
  assertInert(page);
  assert.ok(!/<iframe|<svg/i.test(page), 'no frame or svg element');
  assert.ok(!page.includes('href="javascript') && !page.includes('href=" JavaScript') && !page.includes('href="data:'));
  assert.ok(page.includes('>&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)></h1>'), 'the title as text');
  assert.ok(page.includes('The gauge read &lt;script>alert(1)&lt;/script> at noon.'), 'the body as text');
  assert.ok(page.includes('<h3>&lt;img src=x onerror=alert(1)></h3>'));
  assert.ok(page.includes('<blockquote><p>&lt;a href=&quot;javascript:alert(1)&quot;>timetable&lt;/a></p></blockquote>'));
  assert.ok(page.includes('<li>&quot;>&lt;svg onload=alert(1)></li>'));
  assert.ok(page.includes('<dt>Byline</dt><dd>&lt;/dd>&lt;script>alert(1)&lt;/script></dd>'));
  assert.ok(page.includes('<span class="app-unlinked"><span class="app-address">javascript:alert(1)</span></span>'), 'a javascript: address is shown as text');
  assert.ok(page.includes('<span class="app-address"> JavaScript:alert(1)</span>'), 'the canonical javascript: address too');
  assert.ok(page.includes('<span class="app-address">data:text/html,&lt;script>alert(1)&lt;/script></span>'), 'a data: source too');
  assert.ok(page.includes('href="#/stories/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"'), 'a hostile story id stays inside the app');
  assert.ok(page.includes('<span class="removed-rule">(&lt;img src=x onerror=alert(1)>)</span> &lt;iframe src=&quot;javascript:alert(1)&quot;>&lt;/iframe></li>'));
  assert.ok(page.includes('<dt>Title</dt><dd>&lt;script>alert(1)&lt;/script></dd>'), 'an unknown provenance is shown as text');
  assert.ok(page.includes('<dt>Outlet</dt><dd>constructor</dd>'));

  const failure = render(html`<${ArticleFailure} contentHash=${hostile} failure=${{ kind: 'api', status: 404, code: 'not-found', message: hostile }} />`);
  assertInert(failure);
  assert.ok(failure.includes('No article “&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)>”'));
  const broken = render(html`<${ArticleFailure} contentHash="x" failure=${{ kind: 'api', status: 500, code: 'x', message: hostile }} />`);
  assertInert(broken);
});
