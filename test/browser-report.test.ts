import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Story } from '../src/core/records.js';
import { renderHtmlReport } from '../src/present/html.js';
import type { StoryViewProps } from '../src/web/view/story-view.js';
import { HOSTILE_FIXTURE, HOSTILE_TEXTS } from './fixtures/hostile/index.js';
import { browserSkip, FIND_SIDEWAYS_OVERFLOW, FIND_UNSAFE_MARKUP, launchBrowser, openWatchedPage, pageTrouble, pngSize, type WatchedPage } from './helpers/browser.js';

/**
 * The self-contained HTML report (`parallax story … --format html`) in a real browser, opened
 * from disk as a reader would: the bundled example works (citations open their passages,
 * conflicts show every value, the keyboard reaches the markers, a phone does not scroll
 * sideways), and a story made of hostile articles runs nothing and shows every attack as text.
 */

/** Runs the CLI from source, as `parallax …`, and fails the test when it fails. */
function parallax(args: readonly string[]): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  assert.equal(result.status, 0, `parallax ${args.join(' ')} failed: ${result.stderr}`);
}

/** The story a report carries in its JSON data block, read from the file (so the block must be valid JSON). */
function storyOfReport(report: string): Story {
  const match = /<script type="application\/json" id="parallax-story-data">([\s\S]*?)<\/script>/.exec(report);
  assert.ok(match?.[1] !== undefined, 'the report has its story data block');
  return (JSON.parse(match[1]) as StoryViewProps).story;
}

/** The article a citation marker `[n]` names: article numbers are positions in the story, from 1. */
function articleNumbered(story: Story, number: number) {
  const article = story.articles[number - 1];
  assert.ok(article !== undefined, `the story has an article [${number}]`);
  return article;
}

/** The number in a marker's `#article-N` link. */
function markerNumber(href: string | null): number {
  const match = /^#article-(\d+)$/.exec(href ?? '');
  assert.ok(match?.[1] !== undefined, `a citation marker links to its article, not to ${String(href)}`);
  return Number(match[1]);
}

describe('the HTML report in Chromium', { skip: browserSkip() }, () => {
  let browser: Browser;
  let directory = '';
  let exampleReport = '';
  let example: Story;
  let hostileReport = '';
  let hostile: Story;
  const pages: WatchedPage[] = [];

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-browser-report-'));
    exampleReport = join(directory, 'merrow-dam.html');
    hostileReport = join(directory, 'hostile.html');
    parallax(['story', 'examples/merrow-dam', '--format', 'html', '--out', exampleReport]);
    parallax(['story', HOSTILE_FIXTURE, '--format', 'html', '--out', hostileReport]);
    example = storyOfReport(await readFile(exampleReport, 'utf8'));
    hostile = storyOfReport(await readFile(hostileReport, 'utf8'));
    browser = await launchBrowser();
  });

  after(async () => {
    for (const watched of pages) await watched.close().catch(() => undefined);
    await browser?.close();
    if (directory !== '') await rm(directory, { recursive: true, force: true });
  });

  /** Opens a report file over file://, as a reader double-clicking it would, and waits for its script to have run. */
  async function openReport(path: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
    const watched = await openWatchedPage(browser, viewport === undefined ? {} : { viewport });
    pages.push(watched);
    await watched.page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    return watched;
  }

  /** Every request of a report page is for the report file itself: it needs nothing from anywhere. */
  function assertSelfContained(watched: WatchedPage, path: string): void {
    assert.deepEqual(
      watched.record.requests.filter((url) => url !== pathToFileURL(path).href),
      [],
      'the report requests nothing but itself',
    );
  }

  test('the example report hydrates cleanly; a summary citation opens its passage, then its place in the article', async () => {
    const watched = await openReport(exampleReport);
    const { page } = watched;
    const sentenceItem = page.locator('.summary-sentences > li').first();
    const marker = sentenceItem.locator('a.cite').first();
    const number = markerNumber(await marker.getAttribute('href'));
    const article = articleNumbered(example, number);
    const sentence = example.summary[0];
    assert.ok(sentence !== undefined, 'the example has a summary');
    const cited = sentence.citations.filter((citation) => citation.article === article.id).map(({ start, end }) => article.text.slice(start, end));
    assert.ok(cited.length > 0, `the first marker [${number}] names an article the first sentence cites`);

    assert.equal(await marker.getAttribute('aria-expanded'), 'false');
    await marker.click();
    const panel = sentenceItem.locator('.passages');
    await panel.waitFor({ state: 'visible' });
    assert.equal(await marker.getAttribute('aria-expanded'), 'true', 'the marker says its passage is open');
    const marks = await panel.locator('mark').allTextContents();
    assert.ok(marks.length > 0, 'the passage highlights the cited words');
    for (const mark of marks) {
      assert.ok(article.text.includes(mark), `the highlighted "${mark}" is text of article [${number}]`);
      assert.ok(cited.some((span) => span.includes(mark)), `the highlighted "${mark}" lies in what the sentence cites`);
    }

    await panel.getByRole('button', { name: 'Show in the article' }).click();
    const body = page.locator(`#article-${number} details.article-body`);
    await page.waitForFunction((selector) => document.querySelector<HTMLDetailsElement>(selector)?.open === true, `#article-${number} details.article-body`);
    const articleMark = body.locator('mark').first();
    await articleMark.waitFor({ state: 'visible' });
    const markText = (await articleMark.textContent()) ?? '';
    assert.ok(cited.some((span) => span.includes(markText)) && markText.length > 0, 'the article marks the cited passage');
    await page.waitForFunction(
      (selector) => {
        const element = document.querySelector(selector);
        if (element === null) return false;
        const box = element.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      },
      `#article-${number} details.article-body mark`,
    );

    assert.deepEqual(pageTrouble(watched.record), [], 'no page error, console error, dialog or CSP violation');
    assertSelfContained(watched, exampleReport);
  });

  test('the example report shows each conflict with all its values side by side', async () => {
    const { page, record } = await openReport(exampleReport);
    assert.ok(example.conflicts.length > 0, 'the example has conflicts');
    assert.equal(await page.locator('.conflict').count(), example.conflicts.length);
    for (const conflict of example.conflicts) {
      const values = page.locator(`[id="${conflict.id}"] .conflict-value`);
      assert.deepEqual(
        (await values.locator('.value').allInnerTexts()).map((text) => text.trim()),
        conflict.values.map((value) => value.value),
        `${conflict.about}: every value is shown`,
      );
      const boxes = [];
      for (const value of await values.all()) {
        assert.ok(await value.isVisible(), `${conflict.about}: each value is visible`);
        const box = await value.boundingBox();
        assert.ok(box !== null);
        boxes.push(box);
      }
      // Side by side: on a wide window the values share one row, left to right.
      for (let index = 1; index < boxes.length; index++) {
        assert.ok(Math.abs(boxes[index]!.y - boxes[0]!.y) < 2, `${conflict.about}: value ${index + 1} is on the first value's row`);
        assert.ok(boxes[index]!.x > boxes[index - 1]!.x, `${conflict.about}: value ${index + 1} is right of value ${index}`);
      }
    }
    assert.deepEqual(pageTrouble(record), []);
  });

  test('a screenshot of the example report is a PNG of the window', async () => {
    const { page } = await openReport(exampleReport, { width: 1024, height: 768 });
    const path = join(directory, 'merrow-dam.png');
    await page.screenshot({ path });
    const bytes = await readFile(path);
    assert.deepEqual(pngSize(bytes), { width: 1024, height: 768 });
  });

  test('by keyboard: Tab reaches a citation marker, Enter opens its passage and Space closes it', async () => {
    const { page, record } = await openReport(exampleReport);
    let reached = false;
    for (let presses = 0; presses < 50 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('.summary-sentences a.cite') === true);
    }
    assert.ok(reached, 'a summary citation marker is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.locator('.summary-sentences .passages').first().waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'true');
    await page.keyboard.press('Space');
    await page.locator('.summary-sentences .passages').first().waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'false');
    assert.deepEqual(pageTrouble(record), []);
  });

  test('on a 375 px phone the example report does not scroll sideways; the agreement table scrolls in its own box', async () => {
    const { page, record } = await openReport(exampleReport, { width: 375, height: 800 });
    const overflow = async () => ({
      ...(await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }))),
      culprits: await page.evaluate<string[]>(FIND_SIDEWAYS_OVERFLOW),
    });
    const closed = await overflow();
    assert.ok(closed.scrollWidth <= closed.innerWidth + 1, `page ${closed.scrollWidth} px wide in a ${closed.innerWidth} px window; sticking out: ${closed.culprits.join('; ')}`);

    const table = await page.locator('.agreement .table-scroll').evaluate((box) => {
      const before = box.scrollLeft;
      box.scrollLeft = 80;
      return {
        overflowX: getComputedStyle(box).overflowX,
        right: box.getBoundingClientRect().right,
        wider: box.scrollWidth > box.clientWidth,
        scrolled: box.scrollLeft > before,
        pageScrolled: window.scrollX,
      };
    });
    assert.ok(['auto', 'scroll'].includes(table.overflowX), 'the table box scrolls');
    assert.ok(table.right <= closed.innerWidth + 1, 'the table box fits the window');
    assert.ok(table.wider && table.scrolled, 'the table is wider than a phone and scrolls inside its box');
    assert.equal(table.pageScrolled, 0, 'the page itself does not move sideways');

    // Opened passages and article texts fit too.
    await page.locator('.summary-sentences a.cite').first().click();
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    const opened = await overflow();
    assert.ok(opened.scrollWidth <= opened.innerWidth + 1, `with everything open: page ${opened.scrollWidth} px wide in a ${opened.innerWidth} px window; sticking out: ${opened.culprits.join('; ')}`);
    assert.deepEqual(pageTrouble(record), []);
  });

  /**
   * The checks every page made of hostile articles must pass: no script of theirs ran, the DOM
   * holds no element or attribute that could run one, and every link is safe.
   */
  async function assertInert(page: Page, label: string): Promise<void> {
    assert.equal(await page.evaluate(() => typeof (window as unknown as { __pwned?: unknown }).__pwned), 'undefined', `${label}: no hostile script ran`);
    assert.deepEqual(await page.evaluate<string[]>(FIND_UNSAFE_MARKUP), [], `${label}: no unsafe element, attribute or link`);
  }

  test('a report of hostile articles runs nothing and shows every attack as text', async () => {
    const watched = await openReport(hostileReport);
    const { page, record } = watched;
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));

    assert.deepEqual(
      await page.evaluate(() => [...document.scripts].map((script) => `${script.id}:${script.type}`)),
      ['parallax-story-data:application/json', ':'],
      'the only scripts are the report’s data block and its own script',
    );
    await assertInert(page, 'hostile report');

    // The report still works: a citation opens its passage.
    const marker = page.locator('.summary-sentences a.cite').first();
    await marker.click();
    await page.locator('.summary-sentences .passages').first().waitFor({ state: 'visible' });

    // Attacks in titles, outlets, bylines and article text show as the text they are.
    assert.ok((await page.title()).includes(hostile.title ?? '\u0000'), 'the window title is the story title, as text');
    for (const { file, texts } of HOSTILE_TEXTS) {
      const index = hostile.articles.findIndex((article) => article.source.endsWith(file));
      assert.ok(index >= 0, `${file} is in the story`);
      const shown = await page.locator(`#article-${index + 1}`).innerText();
      for (const text of texts) assert.ok(shown.includes(text), `${file}: "${text}" is shown as text`);
    }

    // The one article with an http(s) address links to it, safely; the others (javascript: addresses) do not link.
    const outside = page.locator('.article-list a[target="_blank"]');
    assert.equal(await outside.count(), 1, 'one "original" link, for the article with an https address');
    assert.equal(await outside.getAttribute('href'), 'https://northernsignal.example/2026/04/10/varrow-pass-landslide');
    assert.equal(await outside.getAttribute('rel'), 'noopener noreferrer');
    assert.deepEqual(
      await page.evaluate(() => [document.querySelectorAll('style').length, document.querySelectorAll('link:not([rel="icon"][href="data:,"])').length]),
      [1, 0],
      'the only style is the report’s own, and nothing is linked in but the empty icon',
    );

    await assertInert(page, 'hostile report after clicks');
    assert.deepEqual(pageTrouble(record), [], 'no page error, console error, dialog or CSP violation');
    assertSelfContained(watched, hostileReport);
  });

  test('a story whose fields extraction would have cleaned (javascript: URLs, line separators, </script> in names) renders inert too', async () => {
    // Extraction already drops javascript: addresses and normalises U+2028; the report must not rely on it.
    const attack = '</script><script>window.__pwned=1</script><!--<script>';
    const tampered: Story = {
      ...hostile,
      title: `Tampered\u2028story\u2029${attack}`,
      articles: hostile.articles.map((article, index) => ({
        ...article,
        url: ['javascript:window.__pwned=1', ' JaVaScRiPt:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', 'vbscript:x', 'https://example.org/a"onmouseover="window.__pwned=1'][index % 5] ?? null,
        source: index === 0 ? 'javascript:window.__pwned=1' : article.source,
        outlet: `Outlet ${index}\u2028${attack}`,
        byline: `Writer\u2029${attack}`,
      })),
    };
    const path = join(directory, 'tampered.html');
    await writeFile(path, renderHtmlReport(tampered));
    const watched = await openReport(path);
    const { page, record } = watched;
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    await page.locator('.summary-sentences a.cite').first().click();
    await page.locator('.summary-sentences .passages').first().waitFor({ state: 'visible' });
    assert.ok((await page.locator('h1').innerText()).includes(attack), 'the title shows as text');
    assert.ok((await page.locator('.article-list').innerText()).includes(attack), 'outlets and bylines show as text');
    await assertInert(page, 'tampered report');
    const links = await page.locator('.article-list a[target="_blank"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    assert.deepEqual(links, hostile.articles.flatMap((_, index) => (index % 5 === 4 ? ['https://example.org/a%22onmouseover=%22window.__pwned=1'] : [])), 'only the https address is a link');
    assert.deepEqual(pageTrouble(record), []);
    assertSelfContained(watched, path);
  });
});
