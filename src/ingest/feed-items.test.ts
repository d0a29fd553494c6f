import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDiagnostic } from '../core/diagnostic.js';
import { hashContent } from '../core/ids.js';
import type { Fetched } from '../core/records.js';
import { readFeedItems } from './feed-items.js';
import { parseFeed, type Feed } from './feeds.js';

const FULL = Array.from({ length: 4 }, (_, index) => `<p>Paragraph ${index + 1}: the ferry to Quellmouth ran on its winter timetable again, the harbour board said.</p>`).join('');

function feed(): Feed {
  const parsed = parseFeed(
    `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Notes</title>
<item><title>Winter timetable</title><link>https://notes.example/timetable</link><content:encoded><![CDATA[${FULL}]]></content:encoded></item>
<item><title>Crane delivered</title><link>https://notes.example/crane</link><description>A teaser.</description></item>
<item><title>Gone</title><link>https://notes.example/gone</link><description>A teaser.</description></item>
<item><title>Nothing at all</title></item>
<item><title>Past the limit</title><link>https://notes.example/old</link></item>
</channel></rss>`,
    'https://notes.example/feed.xml',
  );
  assert.ok(parsed.ok);
  return parsed.value;
}

/** A page as a fetcher would give it, without a network. */
function page(url: string, text: string): Fetched {
  return { source: url, url, contentHash: hashContent(Buffer.from(text)), byteLength: text.length, encoding: 'utf-8', mediaType: 'text/html', text, diagnostics: [] };
}

test('full content is used as is, links are fetched, failures are diagnostics in item order, the feed is cut at maxItems', async () => {
  const fetched: string[] = [];
  let listed = -1;
  let read = 0;
  const result = await readFeedItems(feed(), 'https://notes.example/feed.xml', {
    maxItems: 4,
    fetchPage: async (url) => {
      fetched.push(url);
      return url.endsWith('/gone') ? makeDiagnostic('error', 'http-status', 'the server answered 404 Not Found', url) : page(url, '<p>The crane came by barge.</p>');
    },
    onListed: (count) => (listed = count),
    onItemRead: () => read++,
  });
  assert.deepEqual(fetched.sort(), ['https://notes.example/crane', 'https://notes.example/gone']);
  assert.deepEqual(
    result.pages.map((fetchedPage) => [fetchedPage.source, fetchedPage.hints?.title, fetchedPage.hints?.outlet]),
    [
      ['https://notes.example/timetable', 'Winter timetable', 'Harbour Notes'],
      ['https://notes.example/crane', 'Crane delivered', 'Harbour Notes'],
    ],
  );
  assert.equal(result.pages[0]?.text, FULL);
  assert.deepEqual(
    result.diagnostics.map(({ severity, code, input }) => [severity, code, input]),
    [
      ['info', 'too-large', 'https://notes.example/feed.xml'],
      ['error', 'http-status', 'https://notes.example/gone'],
      ['warning', 'no-body', 'https://notes.example/feed.xml#item-4'],
    ],
  );
  assert.equal(listed, 4);
  assert.equal(read, 4);
  assert.equal(result.skipped, 0);
});

test('items the caller does not want are skipped without a request', async () => {
  const fetched: string[] = [];
  const result = await readFeedItems(feed(), 'https://notes.example/feed.xml', {
    wanted: (item) => item.url !== 'https://notes.example/crane' && item.url !== null,
    fetchPage: async (url) => {
      fetched.push(url);
      return page(url, '<p>Fetched.</p>');
    },
  });
  assert.deepEqual(fetched.sort(), ['https://notes.example/gone', 'https://notes.example/old']);
  assert.equal(result.skipped, 2);
  assert.equal(result.pages.length, 3);
});
