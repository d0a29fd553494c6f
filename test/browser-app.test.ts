import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ingestInputs } from '../src/archive/ingest.js';
import type { Story } from '../src/core/records.js';
import type { ArticleResponse, StoriesResponse, StoryResponse } from '../src/server/api-types.js';
import { createApp } from '../src/server/app.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { HOSTILE_FIXTURE, HOSTILE_TEXTS } from './fixtures/hostile/index.js';
import { browserSkip, FIND_SIDEWAYS_OVERFLOW, FIND_UNSAFE_MARKUP, launchBrowser, openWatchedPage, pageTrouble, type WatchedPage } from './helpers/browser.js';

/**
 * The web app (`parallax serve`) in a real browser: the server runs in this process on
 * 127.0.0.1 over a throwaway SQLite archive holding the bundled example and the hostile
 * articles. A reader lists the stories, opens one, follows a citation to its passage, sees the
 * conflicts, searches and opens an article found; the hostile story, its listing, its search
 * results and its articles' pages run nothing.
 */

describe('the web app in Chromium', { skip: browserSkip() }, () => {
  let browser: Browser;
  let directory = '';
  let store: Store;
  let server: ServerType | undefined;
  let base = '';
  let listing: StoriesResponse['stories'] = [];
  /** Errors that made the server answer 500, which no page may cause. */
  const serverErrors: string[] = [];
  const pages: WatchedPage[] = [];

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-browser-app-'));
    store = await openSqliteStore(join(directory, 'archive.db'));
    const example = await ingestInputs(store, ['examples/merrow-dam']);
    const hostile = await ingestInputs(store, [HOSTILE_FIXTURE]);
    assert.deepEqual([...example.failed, ...hostile.failed], [], 'every article was ingested');
    server = await new Promise<ServerType>((resolve) => {
      const app = createApp(store, { onError: (error, request) => serverErrors.push(`${request}: ${error instanceof Error ? error.message : String(error)}`) });
      const started: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    listing = ((await (await fetch(`${base}/api/stories`)).json()) as StoriesResponse).stories;
    browser = await launchBrowser();
  });

  after(async () => {
    for (const watched of pages) await watched.close().catch(() => undefined);
    await browser?.close();
    if (server !== undefined) {
      const running = server;
      if ('closeAllConnections' in running) running.closeAllConnections();
      await new Promise<void>((resolve) => running.close(() => resolve()));
    }
    await store?.close();
    if (directory !== '') await rm(directory, { recursive: true, force: true });
  });

  /** The listed story whose articles come from this folder. */
  function listedStory(folder: string): StoriesResponse['stories'][number] {
    const found = listing.filter((story) => story.articles.some((article) => article.source.startsWith(folder)));
    assert.equal(found.length, 1, `one story holds the articles of ${folder}`);
    return found[0]!;
  }

  /** A story as the API gives it. */
  async function storyOf(id: string): Promise<Story> {
    const response = await fetch(`${base}/api/stories/${encodeURIComponent(id)}`);
    assert.equal(response.status, 200);
    return ((await response.json()) as StoryResponse).story;
  }

  /** An article as the API gives it. */
  async function articleOf(contentHash: string): Promise<ArticleResponse> {
    const response = await fetch(`${base}/api/articles/${encodeURIComponent(contentHash)}`);
    assert.equal(response.status, 200);
    return (await response.json()) as ArticleResponse;
  }

  /** Waits until the page shows the article page of this content hash (not a previous one). */
  async function articleShown(page: Page, contentHash: string): Promise<void> {
    await page.waitForFunction(
      (hash) => document.querySelector('.app-article-page .app-hash')?.textContent === hash && document.querySelector('.app-article-text') !== null,
      contentHash,
    );
  }

  /** Opens a page of the app and returns it with its record; asserts the answer carries the app's Content Security Policy. */
  async function openApp(hash: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const watched = await openWatchedPage(browser, viewport === undefined ? {} : { viewport });
    pages.push(watched);
    const response = await watched.page.goto(`${base}/${hash}`, { waitUntil: 'load' });
    assert.ok(response !== null && response.ok(), 'the app answers /');
    const policy = response.headers()['content-security-policy'] ?? '';
    assert.match(policy, /(^|;)\s*script-src 'self'\s*(;|$)/, `the page's CSP allows only its own script: ${policy}`);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, 'the CSP allows no inline script or eval');
    return watched;
  }

  /** What went wrong on a page of the app ({@link pageTrouble}) and in the server. */
  function appTrouble(record: WatchedPage['record']): string[] {
    return [...pageTrouble(record), ...serverErrors.map((error) => `server error: ${error}`)];
  }

  /** Checks that no hostile script ran and the DOM holds nothing that could run one or leave unsafely. */
  async function assertInert(page: Page, label: string): Promise<void> {
    assert.equal(await page.evaluate(() => typeof (window as unknown as { __pwned?: unknown }).__pwned), 'undefined', `${label}: no hostile script ran`);
    assert.deepEqual(await page.evaluate<string[]>(FIND_UNSAFE_MARKUP), [], `${label}: no unsafe element, attribute or link`);
    assert.deepEqual(
      await page.evaluate(() => [...document.scripts].map((script) => script.src)),
      [`${base}/assets/app.js`],
      `${label}: the only script is the app's own`,
    );
  }

  test('home lists the example story with its counts; following it shows the story, a citation opens its passage, conflicts show every value', async () => {
    const listed = listedStory('examples/merrow-dam/');
    const story = await storyOf(listed.id);
    const { page, record } = await openApp('');
    const item = page.locator('.app-story-list > li').filter({ hasText: listed.title ?? 'Untitled story' });
    await item.waitFor({ state: 'visible' });
    const counts = await item.locator('.app-counts').innerText();
    assert.match(counts, new RegExp(`\\b${listed.counts.articles} articles\\b`), `the article count shows: ${counts}`);
    assert.match(counts, new RegExp(`\\b${listed.counts.outlets} outlets\\b`), `the outlet count shows: ${counts}`);
    assert.match(counts, new RegExp(`\\b${listed.counts.independentReports} independent reports\\b`), `the independent report count shows: ${counts}`);

    await item.getByRole('link', { name: listed.title ?? 'Untitled story' }).click();
    await page.waitForURL((url) => url.hash === `#/stories/${encodeURIComponent(listed.id)}`);
    const sentenceItem = page.locator('.summary-sentences > li').first();
    await sentenceItem.waitFor({ state: 'visible' });
    assert.equal(await page.locator('h1').first().innerText(), story.title);

    const marker = sentenceItem.locator('a.cite').first();
    const number = Number(/^#article-(\d+)$/.exec((await marker.getAttribute('href')) ?? '')?.[1]);
    const article = story.articles[number - 1];
    assert.ok(article !== undefined, `marker [${number}] names an article of the story`);
    await marker.click();
    const panel = sentenceItem.locator('.passages');
    await panel.waitFor({ state: 'visible' });
    const marks = await panel.locator('mark').allTextContents();
    assert.ok(marks.length > 0, 'the passage highlights the cited words');
    for (const mark of marks) assert.ok(article.text.includes(mark), `the highlighted "${mark}" is text of article [${number}]`);
    await panel.getByRole('button', { name: 'Show in the article' }).click();
    await page.locator(`#article-${number} details.article-body[open] mark`).first().waitFor({ state: 'visible' });

    assert.ok(story.conflicts.length > 0);
    for (const conflict of story.conflicts) {
      const values = (await page.locator(`[id="${conflict.id}"] .conflict-value .value`).allInnerTexts()).map((text) => text.trim());
      assert.deepEqual(values, conflict.values.map((value) => value.value), `${conflict.about}: every value is shown`);
    }
    assert.deepEqual(appTrouble(record), [], 'no page error, console error, dialog or CSP violation');
  });

  test('search from the header finds the example story and highlights the word', async () => {
    const listed = listedStory('examples/merrow-dam/');
    const { page, record } = await openApp('');
    await page.locator('.app-story-list').waitFor({ state: 'visible' });
    await page.locator('#app-search-input').fill('spillway');
    await page.locator('#app-search-input').press('Enter');
    await page.waitForURL((url) => url.hash === '#/search?q=spillway');
    const storyHit = page.locator('.app-hit').filter({ has: page.locator(`a[href="#/stories/${encodeURIComponent(listed.id)}"]`) }).first();
    await storyHit.waitFor({ state: 'visible' });
    const marked = await page.locator('.app-snippet mark').allTextContents();
    assert.ok(marked.length > 0 && marked.every((text) => /spillway/i.test(text)), `the snippets mark the word: ${marked.join(', ')}`);

    // An article found opens on its own page, with its whole text.
    const articleLink = page.locator('#app-article-hits ~ .app-hit-list a.app-article-link').first();
    const href = (await articleLink.getAttribute('href')) ?? '';
    const contentHash = decodeURIComponent(/^#\/articles\/(.+)$/.exec(href)?.[1] ?? '');
    assert.match(contentHash, /^[0-9a-f]{64}$/, `an article hit links to its page: ${href}`);
    const { article, extracted } = await articleOf(contentHash);
    await articleLink.click();
    await page.waitForURL((url) => url.hash === `#/articles/${contentHash}`);
    await articleShown(page, contentHash);
    assert.equal(await page.locator('h1').innerText(), extracted.title ?? article.title, 'the heading is the article title');
    assert.ok((await page.title()).startsWith(extracted.title ?? '\u0000'), 'so is the window title');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moved to the heading');
    const shown = (await page.locator('.app-article-text').innerText()).replace(/\s+/g, ' ');
    for (const block of extracted.paragraphs) {
      const words = extracted.text.slice(block.start, block.end).replace(/\s+/g, ' ').trim();
      assert.ok(shown.includes(words), `the text shows "${words.slice(0, 60)}…"`);
    }
    if (article.story !== null) assert.equal(await page.locator(`a[href="#/stories/${encodeURIComponent(article.story)}"]`).count(), 1, 'it links to its story');
    if (extracted.removed.length > 0) {
      await page.locator('details.app-removed > summary').click();
      assert.equal(await page.locator('details.app-removed[open] li').count(), extracted.removed.length, 'every removed passage is listed');
    }
    await page.goBack();
    await page.waitForURL((url) => url.hash === '#/search?q=spillway');
    await storyHit.waitFor({ state: 'visible' });
    assert.deepEqual(appTrouble(record), []);
  });

  test('the hostile story runs nothing in the app: on the home page, its own page, in search results and on the article pages', async () => {
    const listed = listedStory(`${HOSTILE_FIXTURE}/`);
    const story = await storyOf(listed.id);

    const home = await openApp('');
    await home.page.locator('.app-story-list').waitFor({ state: 'visible' });
    assert.ok((await home.page.locator('.app-story-list').innerText()).includes(listed.title ?? '\u0000'), 'the hostile title is listed as text');
    await assertInert(home.page, 'home');
    assert.deepEqual(appTrouble(home.record), [], 'home: no page error, console error, dialog or CSP violation');

    const watched = await openApp(`#/stories/${encodeURIComponent(listed.id)}`);
    const { page, record } = watched;
    await page.locator('.summary-sentences a.cite').first().waitFor({ state: 'visible' });
    assert.ok((await page.title()).startsWith(story.title ?? '\u0000'), 'the window title is the story title, as text');
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    await page.locator('.summary-sentences a.cite').first().click();
    await page.locator('.summary-sentences .passages').first().waitFor({ state: 'visible' });
    for (const { file, texts } of HOSTILE_TEXTS) {
      const index = story.articles.findIndex((article) => article.source.endsWith(file));
      assert.ok(index >= 0, `${file} is in the story`);
      const shown = await page.locator(`#article-${index + 1}`).innerText();
      for (const text of texts) assert.ok(shown.includes(text), `${file}: "${text}" is shown as text`);
    }
    await assertInert(page, 'hostile story');
    assert.deepEqual(appTrouble(record), [], 'story: no page error, console error, dialog or CSP violation');

    const search = await openApp('#/search?q=pwned');
    await search.page.locator('.app-hit').first().waitFor({ state: 'visible' });
    assert.ok((await search.page.locator('.app-search-page').innerText()).includes('window.__pwned=1'), 'snippets show the attack as text');
    await assertInert(search.page, 'search results');
    assert.deepEqual(appTrouble(search.record), [], 'search: no page error, console error, dialog or CSP violation');

    // Each hostile article on its own page, reached from the search results and then by address.
    const first = search.page.locator('a.app-article-link').first();
    const firstHash = decodeURIComponent(((await first.getAttribute('href')) ?? '').replace(/^#\/articles\//, ''));
    await first.click();
    await articleShown(search.page, firstHash);
    for (const { file, texts } of HOSTILE_TEXTS) {
      const member = listed.articles.find((article) => article.source.endsWith(file));
      assert.ok(member !== undefined, `${file} is listed in the story`);
      await search.page.evaluate((hash) => (location.hash = hash), `#/articles/${encodeURIComponent(member.contentHash)}`);
      await articleShown(search.page, member.contentHash);
      await search.page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      const shown = await search.page.locator('.app-article-page').innerText();
      for (const text of texts) assert.ok(shown.includes(text), `${file}: "${text}" is shown as text on its page`);
      await assertInert(search.page, `article page of ${file}`);
    }
    assert.deepEqual(appTrouble(search.record), [], 'article pages: no page error, console error, dialog or CSP violation');
  });

  test('on a 375 px phone the home page, a story page and an article page do not scroll sideways', async () => {
    const listed = listedStory('examples/merrow-dam/');
    const { page, record } = await openApp('', { width: 375, height: 800 });
    await page.locator('.app-story-list').waitFor({ state: 'visible' });
    const fits = async (label: string) => {
      const width = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      const culprits = await page.evaluate<string[]>(FIND_SIDEWAYS_OVERFLOW);
      assert.ok(width.scrollWidth <= width.innerWidth + 1, `${label}: page ${width.scrollWidth} px wide in a ${width.innerWidth} px window; sticking out: ${culprits.join('; ')}`);
    };
    await fits('home');
    await page.locator(`a[href="#/stories/${encodeURIComponent(listed.id)}"]`).first().click();
    await page.locator('.summary-sentences a.cite').first().click();
    await page.locator('.summary-sentences .passages').first().waitFor({ state: 'visible' });
    await fits('story');
    const longest = listed.articles.reduce((found, article) => (article.title !== null && article.title.length > (found.title ?? '').length ? article : found));
    await page.evaluate((hash) => (location.hash = hash), `#/articles/${encodeURIComponent(longest.contentHash)}`);
    await articleShown(page, longest.contentHash);
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    await fits('article');
    assert.deepEqual(appTrouble(record), []);
  });
});
