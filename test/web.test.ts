import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildStory } from '../src/pipeline/story.js';

/**
 * Web inputs end to end: pages, feeds and subscription lists served by a local server on
 * 127.0.0.1 (never the internet), read by `parallax story` and `parallax extract`.
 */

/** Runs the CLI from source without blocking this process, so the test's server can answer. */
function parallax(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const HOME_PAGE = `<!DOCTYPE html><html><head><title>The Valley Courier</title></head><body>
<nav><a href="/news">News</a> <a href="/sport">Sport</a></nav>
<ul><li><a href="/a">Dam inquiry opens</a></li><li><a href="/b">Roads reopen in the valley</a></li><li><a href="/c">Markets steady</a></li></ul>
</body></html>`;

const SHORT_ITEM = 'Rescue teams from Ostravia stayed a second night in Brennick.';

/** A feed with one item that carries the whole article and one that only links to its page. */
function feed(base: string): string {
  const body = Array.from({ length: 4 }, (_, index) => `<p>Paragraph ${index + 1}: pumps ran through the night in the lower town while crews checked the spillway, the river authority said, and schools in the valley stayed shut.</p>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Courier: News</title><link>${base}/</link>
<item><title>Pumps run through the night</title><link>${base}/pumps</link><pubDate>Wed, 18 Mar 2026 21:00:00 GMT</pubDate>
<dc:creator>Rosalind Kett</dc:creator><content:encoded><![CDATA[${body}]]></content:encoded></item>
<item><title>Brennick counts the cost</title><link>${base}/article</link><pubDate>Wed, 18 Mar 2026 15:05:00 GMT</pubDate>
<description>${SHORT_ITEM}</description></item>
</channel></rss>`;
}

describe('web pages, feeds and subscription lists', () => {
  let server: Server;
  let base = '';
  let page = '';
  before(async () => {
    page = await readFile('examples/merrow-dam/08-valley-courier.html', 'utf8');
    server = createServer((request, response) => {
      const send = (status: number, type: string, body: string): void => {
        response.writeHead(status, { 'content-type': type });
        response.end(body);
      };
      switch (request.url) {
        case '/article':
          return send(200, 'text/html; charset=utf-8', page);
        case '/home':
          return send(200, 'text/html', HOME_PAGE);
        case '/feed.xml':
          return send(200, 'application/rss+xml', feed(base));
        case '/broken.xml':
          return send(200, 'application/rss+xml', '<rss><channel><title>Cut short');
        case '/list.opml':
          return send(200, 'text/x-opml', `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="News"><outline type="rss" text="Courier" xmlUrl="${base}/feed.xml"/><outline type="rss" text="Gone" xmlUrl="${base}/gone.xml"/></outline></body></opml>`);
        case '/image.png':
          return send(200, 'image/png', 'not really');
        default:
          return send(404, 'text/plain', 'not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a feed gives one article per item: full content used as is, a link fetched; feed fields fill the gaps', async () => {
    const story = await buildStory([`${base}/feed.xml`], { allowPrivateNetwork: true });
    assert.deepEqual(story.diagnostics, []);
    assert.equal(story.articles.length, 2);
    const full = story.articles.find((article) => article.source === `${base}/pumps`);
    assert.ok(full);
    assert.equal(full.title, 'Pumps run through the night');
    assert.equal(full.provenance.title, 'feed');
    assert.equal(full.byline, 'Rosalind Kett');
    assert.equal(full.outlet, 'Valley Courier: News');
    assert.equal(full.published, '2026-03-18T21:00:00Z');
    const fetched = story.articles.find((article) => article.source === `${base}/article`);
    assert.ok(fetched);
    assert.equal(fetched.outlet, 'The Valley Courier');
    assert.equal(fetched.provenance.outlet, 'open-graph');
    assert.ok(fetched.text.includes('Oskar Lind'));
    assert.ok(!fetched.text.includes(SHORT_ITEM));
  });

  test('an OPML list reads each feed it lists; a dead feed is a diagnostic and the rest still counts', async () => {
    const story = await buildStory([`${base}/list.opml`], { allowPrivateNetwork: true });
    assert.equal(story.articles.length, 2);
    assert.equal(story.diagnostics.length, 1);
    assert.equal(story.diagnostics[0]?.code, 'http-status');
    assert.equal(story.diagnostics[0]?.input, `${base}/gone.xml`);
  });

  test('bad inputs are named with their cause, and the good ones are still read', async () => {
    const story = await buildStory([`${base}/broken.xml`, `${base}/image.png`, `${base}/home`, `${base}/article`], { allowPrivateNetwork: true });
    assert.equal(story.articles.length, 1);
    const codes = new Map(story.diagnostics.map((diagnostic) => [diagnostic.input, diagnostic.code]));
    assert.equal(codes.get(`${base}/broken.xml`), 'invalid-feed');
    assert.equal(codes.get(`${base}/image.png`), 'unsupported-type');
    assert.equal(codes.get(`${base}/home`), 'not-an-article');
  });

  test('parallax extract refuses a loopback address unless --allow-private-network is given', async () => {
    const refused = await parallax(['extract', `${base}/article`]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /private-network|loopback/);
    const allowed = await parallax(['extract', `${base}/article`, '--allow-private-network', '--format', 'json']);
    assert.equal(allowed.code, 0, allowed.stderr);
    const record = JSON.parse(allowed.stdout) as { title: string; url: string; paragraphs: { kind: string }[]; removed: { kind: string }[] };
    assert.equal(record.title, 'Brennick counts the cost as floodwater starts to fall');
    assert.ok(record.paragraphs.some((block) => block.kind === 'heading'));
    assert.ok(record.removed.some((removed) => removed.kind === 'comments'));
  });

  test('parallax extract says when a page holds no article, and points a feed to story', async () => {
    const home = await parallax(['extract', `${base}/home`, '--allow-private-network']);
    assert.equal(home.code, 1);
    assert.match(home.stderr, /no article/);
    const list = await parallax(['extract', `${base}/feed.xml`, '--allow-private-network']);
    assert.equal(list.code, 2);
    assert.match(list.stderr, /parallax story/);
  });
});

describe('parallax watch (command line)', () => {
  let directory = '';
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-watch-cli-'));
  });
  after(async () => rm(directory, { recursive: true, force: true }));

  test('--once follows a feed and stores its items; a second --once requests nothing before the feed is due', async () => {
    const item = (n: number): string =>
      `<item><title>Lock gates jammed at Orsk, part ${n}</title><link>http://127.0.0.1:PORT/items/${n}</link><guid>lock-${n}</guid>` +
      `<content:encoded><![CDATA[${'<p>The lock gates at Orsk jammed on Tuesday and barges queued for six hours on the canal, the waterways office said. Engineers freed the gates by evening.</p>'.repeat(4)}<p>Part ${n}.</p>]]></content:encoded></item>`;
    let requests = 0;
    const server = createServer((request, response) => {
      requests++;
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304).end();
        return;
      }
      const port = (server.address() as AddressInfo).port;
      const body = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Canal News</title>${[1, 2].map(item).join('')}</channel></rss>`;
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(body.replaceAll('PORT', String(port)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
      const database = join(directory, 'watch.db');
      const first = await parallax(['watch', url, '--once', '--allow-private-network', '--db', database, '--format', 'json']);
      assert.equal(first.code, 0, first.stderr);
      const stories = await parallax(['stories', '--db', database, '--format', 'json']);
      const listed = JSON.parse(stories.stdout) as Array<{ counts: { articles: number } }>;
      assert.equal(listed.reduce((sum, story) => sum + story.counts.articles, 0), 2);
      const served = requests;
      const second = await parallax(['watch', '--once', '--every', '30s', '--allow-private-network', '--db', database, '--format', 'json']);
      assert.equal(second.code, 0, second.stderr);
      assert.equal(requests, served, 'the feed was just polled and is not due yet');
    } finally {
      server.close();
    }
  });
});
