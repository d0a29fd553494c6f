import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  detectFeedKind,
  hintsForItem,
  itemHasFullContent,
  parseFeed,
  parseFeedDate,
  parseOpml,
  type Feed,
  type FeedItem,
} from './feeds.js';

// Every outlet, person and event below is invented for these tests.

const RSS_2 = `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand for the tests -->
<rss version="2.0"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>The Halm Courier &#8211; Local</title>
    <link>https://courier.example/</link>
    <atom:link rel="self" href="https://feeds.courier.example/local.xml" type="application/rss+xml"/>
    <description>News from the island of Halm</description>
    <lastBuildDate>Wed, 18 Mar 2026 07:00:00 GMT</lastBuildDate>
    <dc:creator>Courier Desk</dc:creator>
    <item>
      <title>Ferry &amp;amp; pier &lt;em&gt;reopen&lt;/em&gt; after storm</title>
      <link>/2026/03/ferry-returns</link>
      <guid isPermaLink="false">courier-ferry-0317</guid>
      <pubDate>Tue, 17 Mar 2026 09:30:00 GMT</pubDate>
      <author>desk@courier.example (Ines Marrow)</author>
      <dc:creator>Tomas Vell</dc:creator>
      <description>&lt;p&gt;The Halm ferry sailed again on Tuesday.&lt;/p&gt;&lt;p&gt;Repairs took a week.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>The Halm ferry sailed again on Tuesday morning, a week after the storm tore loose the pier's mooring posts.</p>
<p>Harbour master Edda Lind said the crossing took forty minutes & passed without trouble.</p>]]></content:encoded>
      <media:content url="/media/ferry-small.jpg" medium="image" width="320"/>
      <media:content url="/media/ferry-large.jpg" medium="image" width="1280"/>
      <media:content url="/media/ferry.mp4" medium="video"/>
    </item>
    <item>
      <title>Weir works delayed</title>
      <guid>https://courier.example/2026/03/weir-delay</guid>
      <pubDate>Mon, 16 Mar 2026 18:05:00 EST</pubDate>
      <description>Contractors wait for lower water.</description>
      <enclosure url="https://cdn.courier.example/weir.png" type="image/png" length="1024"/>
    </item>
    <item>
      <title>Market hall vote</title>
      <link>https://courier.example/2026/03/market-hall</link>
      <pubDate>16 Mar 2026 10:00 +0100</pubDate>
      <author>press@courier.example</author>
      <media:thumbnail url="https://cdn.courier.example/hall-thumb.jpg"/>
    </item>
    <item>
      <title>Undated notice</title>
      <link>https://courier.example/notice</link>
      <pubDate>sometime next week</pubDate>
    </item>
  </channel>
</rss>`;

const RSS_1 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://kestria-radio.example/">
    <title>Kestria Valley Radio</title>
    <link>https://kestria-radio.example/</link>
    <description>Bulletins</description>
    <items><rdf:Seq><rdf:li rdf:resource="https://kestria-radio.example/b/41"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://kestria-radio.example/b/41">
    <title>Snow closes the upper pass</title>
    <link>https://kestria-radio.example/b/41</link>
    <description>Ploughs are out since dawn.</description>
    <dc:date>2026-02-03T06:15:00+01:00</dc:date>
    <dc:creator>Rhea Osk</dc:creator>
  </item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://merrow-post.example/">
  <title type="html">Merrow &lt;b&gt;Post&lt;/b&gt;</title>
  <link href="https://merrow-post.example/feed.atom" rel="self"/>
  <link href="/" rel="alternate" type="text/html"/>
  <updated>2026-03-17T12:00:00Z</updated>
  <author><name>Merrow Post Staff</name></author>
  <id>urn:uuid:6a1e0b52-0000-4000-8000-000000000001</id>
  <entry>
    <title>Reservoir level rises</title>
    <link href="news/reservoir" rel="alternate" type="text/html"/>
    <link href="news/reservoir.json" rel="alternate" type="application/json"/>
    <id>tag:merrow-post.example,2026:reservoir</id>
    <published>2026-03-17T08:00:00+01:00</published>
    <updated>2026-03-17T10:30:00+01:00</updated>
    <summary type="text">Gauges at the dam show a 40 cm rise.</summary>
    <content type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml"><p>Gauges at the <em>Merrow</em> dam rose overnight.</p><p>Engineers opened one sluice.<br/>No roads are closed.</p></div>
    </content>
  </entry>
  <entry xml:base="sport/">
    <title type="html">Rowing &amp;amp; rain</title>
    <link href="regatta"/>
    <id>tag:merrow-post.example,2026:regatta</id>
    <updated>2026-03-16T16:45:00Z</updated>
    <author><name>Lio Brand</name><email>lio@merrow-post.example</email></author>
    <content type="html">&lt;p&gt;The spring regatta went ahead in the rain.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain note</title>
    <link rel="alternate" href="notes/1"/>
    <id>tag:merrow-post.example,2026:note-1</id>
    <updated>not a date</updated>
    <content type="text">A short note.

With two paragraphs.</content>
  </entry>
</feed>`;

const ATOM_PREFIXED = `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">
  <atom:title>Prefixed Gazette</atom:title>
  <atom:entry>
    <atom:title>Lighthouse keeper retires</atom:title>
    <atom:link href="https://gazette.example/keeper"/>
    <atom:id>gazette-keeper</atom:id>
    <atom:published>2026-01-05T09:00:00-05:00</atom:published>
  </atom:entry>
</atom:feed>`;

const JSON_FEED_11 = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Orrin Weekly',
  home_page_url: 'https://orrin-weekly.example/',
  feed_url: 'https://orrin-weekly.example/feed.json',
  authors: [{ name: 'Orrin Weekly Newsroom' }],
  items: [
    {
      id: 'orrin-bridge',
      url: '/bridge-vote',
      title: 'Bridge toll vote passes',
      summary: 'Councillors back the toll 7 to 2.',
      content_html: '<p>The council of Orrin voted seven to two for a toll on the new bridge.</p>',
      date_published: '2026-03-10T19:00:00-08:00',
      date_modified: '2026-03-11T08:00:00Z',
      image: 'https://orrin-weekly.example/img/bridge.jpg',
      authors: [{ name: 'Pia Stroud' }, { url: 'https://orrin-weekly.example/staff/anon' }],
    },
    { id: 42, content_text: 'A notice with no title.', date_published: 'yesterday' },
    'not an item',
  ],
});

const JSON_FEED_10 = JSON.stringify({
  version: 'https://jsonfeed.org/version/1',
  title: 'Tessel Notes',
  author: { name: 'Mara Tessel' },
  items: [{ id: '1', url: 'https://tessel.example/1', title: 'Kiln fired', content_text: 'The kiln was fired.', author: { name: 'Jon Alder' } }],
});

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="Local">
      <outline text="Halm Courier" title="The Halm Courier" type="rss" xmlUrl="https://feeds.courier.example/local.xml" htmlUrl="https://courier.example/"/>
      <outline text="Regional">
        <outline text="Kestria Radio" type="rss" xmlurl="https://kestria-radio.example/rss"/>
        <outline text="Defunct Gazette" type="rss" xmlUrl="https://gone.invalid/feed"/>
      </outline>
    </outline>
    <outline text="Broken entry" type="rss" xmlUrl=""/>
    <outline text="Mail link" type="rss" xmlUrl="mailto:editor@example.org"/>
    <outline text="Orrin &amp; Co" type="rss" xmlUrl="https://orrin-weekly.example/feed.json"/>
    <outline text="Orrin again" type="rss" xmlUrl="https://orrin-weekly.example/feed.json"/>
    <outline text="Relative" type="rss" xmlUrl="/feeds/relative.xml"/>
  </body>
</opml>`;

const HTML_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Halm Courier</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
<body><p>The ferry sailed again on Tuesday.<br>More soon.</p></body></html>`;

const PLAIN_TEXT = 'Ferry returns to Halm\n\nThe ferry sailed again on Tuesday, a week after the storm.';

function parsed(text: string, source: string): Feed {
  const result = parseFeed(text, source);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.value;
}

function item(feed: Feed, index: number): FeedItem {
  const found = feed.items[index];
  assert.ok(found !== undefined, `item ${index}`);
  return found;
}

describe('detectFeedKind', () => {
  const CASES: readonly { name: string; text: string; contentType?: string; kind: ReturnType<typeof detectFeedKind> }[] = [
    { name: 'RSS 2.0 after a declaration and a comment', text: RSS_2, kind: 'rss' },
    { name: 'RSS 1.0 (rdf:RDF)', text: RSS_1, kind: 'rss' },
    { name: 'Atom', text: ATOM, kind: 'atom' },
    { name: 'prefixed Atom', text: ATOM_PREFIXED, kind: 'atom' },
    { name: 'JSON Feed 1.1', text: JSON_FEED_11, kind: 'json-feed' },
    { name: 'JSON Feed 1.0 behind a byte-order mark', text: `\ufeff${JSON_FEED_10}`, kind: 'json-feed' },
    { name: 'OPML', text: OPML, kind: 'opml' },
    { name: 'an HTML page', text: HTML_PAGE, kind: null },
    { name: 'an HTML page labelled as RSS', text: HTML_PAGE, contentType: 'application/rss+xml', kind: null },
    { name: 'plain text', text: PLAIN_TEXT, kind: null },
    { name: 'plain text labelled text/plain', text: PLAIN_TEXT, contentType: 'text/plain; charset=utf-8', kind: null },
    { name: 'ordinary JSON', text: '{"status":"ok","items":[]}', contentType: 'application/json', kind: null },
    { name: 'other XML', text: '<?xml version="1.0"?><catalog><book/></catalog>', contentType: 'application/xml', kind: null },
    { name: 'an Atom document labelled RSS (content wins)', text: ATOM, contentType: 'application/rss+xml', kind: 'atom' },
    { name: 'a broken document labelled Atom', text: '<?xml version="1.0"?><oops/>', contentType: 'application/atom+xml', kind: 'atom' },
    { name: 'JSON labelled feed+json', text: '{"title":"x"}', contentType: 'application/feed+json', kind: 'json-feed' },
    { name: 'empty text', text: '   ', kind: null },
  ];
  for (const testCase of CASES) {
    test(testCase.name, () => assert.equal(detectFeedKind(testCase.text, testCase.contentType), testCase.kind));
  }
});

describe('parseFeedDate', () => {
  const CASES: readonly [string, string | null][] = [
    ['Tue, 17 Mar 2026 09:30:00 GMT', '2026-03-17T09:30:00Z'],
    ['Tue, 17 Mar 2026 09:30:00 EST', '2026-03-17T09:30:00-05:00'],
    ['Tue, 17 Mar 2026 09:30:00 PDT', '2026-03-17T09:30:00-07:00'],
    ['Tue, 17 Mar 2026 09:30:00 +0100', '2026-03-17T09:30:00+01:00'],
    ['17 Mar 2026 09:30 -0330', '2026-03-17T09:30:00-03:30'],
    ['Tue, 7 March 2026 9:05:00 UT', '2026-03-07T09:05:00Z'],
    ['Tue, 17 Mar 26 09:30:00 GMT', '2026-03-17T09:30:00Z'],
    ['Tue, 17 Mar 2026 09:30:00', '2026-03-17T09:30:00'],
    ['Tue, 17 Mar 2026 09:30:00 XYZ', '2026-03-17T09:30:00'],
    ['2026-03-17T09:30:00Z', '2026-03-17T09:30:00Z'],
    ['2026-03-17T09:30:00.250+01:00', '2026-03-17T09:30:00+01:00'],
    ['2026-03-17T09:30+00:00', '2026-03-17T09:30:00Z'],
    ['2026-03-17', '2026-03-17'],
    ['Tue Mar 17 2026 09:30:00 GMT+0100', '2026-03-17T09:30:00+01:00'],
    ['Tue, 31 Feb 2026 09:30:00 GMT', null],
    ['yesterday', null],
    ['2026-13-01T00:00:00Z', null],
    ['soon', null],
    ['', null],
  ];
  for (const [text, expected] of CASES) test(JSON.stringify(text), () => assert.equal(parseFeedDate(text), expected));
});

describe('parseFeed: RSS 2.0', () => {
  const feed = parsed(RSS_2, 'https://feeds.courier.example/local.xml');

  test('reads the channel, ignoring the atom:link to the feed itself', () => {
    assert.equal(feed.kind, 'rss');
    assert.equal(feed.title, 'The Halm Courier – Local');
    assert.equal(feed.url, 'https://courier.example/');
    assert.equal(feed.updated, '2026-03-18T07:00:00Z');
    assert.deepEqual(feed.authors, ['Courier Desk']);
    assert.equal(feed.items.length, 4);
  });

  test('decodes double-escaped entities and strips tags from titles', () => {
    assert.equal(item(feed, 0).title, 'Ferry & pier reopen after storm');
  });

  test('resolves relative links and images against the feed URL', () => {
    assert.equal(item(feed, 0).url, 'https://feeds.courier.example/2026/03/ferry-returns');
    assert.equal(item(feed, 0).imageUrl, 'https://feeds.courier.example/media/ferry-large.jpg');
  });

  test('keeps CDATA content:encoded as HTML and the description as plain text', () => {
    const first = item(feed, 0);
    assert.match(first.contentHtml ?? '', /^<p>The Halm ferry sailed again on Tuesday morning/);
    assert.match(first.contentHtml ?? '', /forty minutes & passed/);
    assert.equal(first.description, 'The Halm ferry sailed again on Tuesday. Repairs took a week.');
    assert.equal(first.contentText, null);
  });

  test('reads ids, dates and authors', () => {
    const [first, second, third, fourth] = [item(feed, 0), item(feed, 1), item(feed, 2), item(feed, 3)];
    assert.equal(first.id, 'courier-ferry-0317');
    assert.equal(first.published, '2026-03-17T09:30:00Z');
    assert.deepEqual(first.authors, ['Tomas Vell', 'Ines Marrow']);
    assert.equal(second.published, '2026-03-16T18:05:00-05:00');
    assert.equal(third.published, '2026-03-16T10:00:00+01:00');
    assert.deepEqual(third.authors, [], 'a bare e-mail address is not a name');
    assert.equal(fourth.published, null, 'an unreadable date is null, not a failure');
  });

  test('takes a permalink guid as the link, and image enclosures and thumbnails as images', () => {
    assert.equal(item(feed, 1).url, 'https://courier.example/2026/03/weir-delay');
    assert.equal(item(feed, 1).imageUrl, 'https://cdn.courier.example/weir.png');
    assert.equal(item(feed, 2).imageUrl, 'https://cdn.courier.example/hall-thumb.jpg');
  });

  test('read from a file, relative links resolve against the channel link', () => {
    const fromFile = parsed(RSS_2, 'feeds/local.xml');
    assert.equal(item(fromFile, 0).url, 'https://courier.example/2026/03/ferry-returns');
  });

  test('relative links with nothing to resolve against are dropped', () => {
    const bare = parsed('<rss><channel><title>T</title><item><title>A</title><link>/a</link></item></channel></rss>', 'local.xml');
    assert.equal(item(bare, 0).url, null);
  });

  test('a doctype with an internal subset is not text outside the root', () => {
    const withSubset = parsed('<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY mdash "&#8212;">\n]>\n<rss><channel><title>Subset</title></channel></rss>', 'subset.xml');
    assert.equal(withSubset.title, 'Subset');
    assert.equal(detectFeedKind('<!DOCTYPE rss [ <!ENTITY a "b"> ]><rss/>'), 'rss');
  });

  test('a feed with no items is a feed', () => {
    const empty = parsed('<rss version="2.0"><channel><title>Quiet Times</title></channel></rss>', 'quiet.xml');
    assert.deepEqual(empty.items, []);
    assert.equal(empty.title, 'Quiet Times');
  });

  test('matches namespaces by URI and names case-insensitively', () => {
    const odd = parsed(
      `<rss xmlns:c="http://purl.org/rss/1.0/modules/content/"><channel><item>
        <TITLE>Odd prefixes</TITLE><PubDate>Tue, 17 Mar 2026 09:30:00 GMT</PubDate>
        <c:encoded>&lt;p&gt;Escaped body&lt;/p&gt;</c:encoded><DC:Creator>Undeclared Prefix</DC:Creator>
      </item></channel></rss>`,
      'odd.xml',
    );
    const only = item(odd, 0);
    assert.equal(only.title, 'Odd prefixes');
    assert.equal(only.published, '2026-03-17T09:30:00Z');
    assert.equal(only.contentHtml, '<p>Escaped body</p>');
    assert.deepEqual(only.authors, ['Undeclared Prefix']);
  });
});

describe('parseFeed: RSS 1.0', () => {
  test('reads items that sit beside the channel', () => {
    const feed = parsed(RSS_1, 'https://kestria-radio.example/rss');
    assert.equal(feed.kind, 'rss');
    assert.equal(feed.title, 'Kestria Valley Radio');
    assert.equal(feed.items.length, 1);
    const only = item(feed, 0);
    assert.equal(only.title, 'Snow closes the upper pass');
    assert.equal(only.url, 'https://kestria-radio.example/b/41');
    assert.equal(only.id, 'https://kestria-radio.example/b/41');
    assert.equal(only.published, '2026-02-03T06:15:00+01:00');
    assert.deepEqual(only.authors, ['Rhea Osk']);
  });
});

describe('parseFeed: Atom', () => {
  const feed = parsed(ATOM, 'merrow.atom');

  test('reads the feed, resolving links against xml:base', () => {
    assert.equal(feed.kind, 'atom');
    assert.equal(feed.title, 'Merrow Post');
    assert.equal(feed.url, 'https://merrow-post.example/');
    assert.equal(feed.updated, '2026-03-17T12:00:00Z');
    assert.deepEqual(feed.authors, ['Merrow Post Staff']);
    assert.equal(item(feed, 0).url, 'https://merrow-post.example/news/reservoir');
    assert.equal(item(feed, 1).url, 'https://merrow-post.example/sport/regatta');
  });

  test('writes xhtml content back out as HTML, without the wrapping div', () => {
    const first = item(feed, 0);
    assert.equal(first.contentHtml, '<p>Gauges at the <em>Merrow</em> dam rose overnight.</p><p>Engineers opened one sluice.<br>No roads are closed.</p>');
    assert.equal(first.description, 'Gauges at the dam show a 40 cm rise.');
    assert.equal(first.published, '2026-03-17T08:00:00+01:00');
    assert.equal(first.updated, '2026-03-17T10:30:00+01:00');
    assert.equal(first.id, 'tag:merrow-post.example,2026:reservoir');
    assert.deepEqual(first.authors, []);
  });

  test('reads html and text content and html titles', () => {
    const [second, third] = [item(feed, 1), item(feed, 2)];
    assert.equal(second.title, 'Rowing & rain');
    assert.equal(second.contentHtml, '<p>The spring regatta went ahead in the rain.</p>');
    assert.deepEqual(second.authors, ['Lio Brand']);
    assert.equal(third.contentHtml, null);
    assert.equal(third.contentText, 'A short note.\n\nWith two paragraphs.');
    assert.equal(third.updated, null);
  });

  test('reads Atom written with an atom: prefix', () => {
    const prefixed = parsed(ATOM_PREFIXED, 'https://gazette.example/feed');
    assert.equal(prefixed.kind, 'atom');
    assert.equal(prefixed.title, 'Prefixed Gazette');
    assert.equal(item(prefixed, 0).url, 'https://gazette.example/keeper');
    assert.equal(item(prefixed, 0).published, '2026-01-05T09:00:00-05:00');
  });
});

describe('parseFeed: JSON Feed', () => {
  test('version 1.1: authors, relative URLs, skipped non-objects', () => {
    const result = parseFeed(JSON_FEED_11, 'https://orrin-weekly.example/feed.json');
    assert.ok(result.ok);
    const feed = result.value;
    assert.equal(feed.kind, 'json-feed');
    assert.equal(feed.title, 'Orrin Weekly');
    assert.equal(feed.url, 'https://orrin-weekly.example/');
    assert.deepEqual(feed.authors, ['Orrin Weekly Newsroom']);
    assert.equal(feed.items.length, 2);
    const [first, second] = [item(feed, 0), item(feed, 1)];
    assert.equal(first.url, 'https://orrin-weekly.example/bridge-vote');
    assert.deepEqual(first.authors, ['Pia Stroud']);
    assert.equal(first.published, '2026-03-10T19:00:00-08:00');
    assert.equal(first.updated, '2026-03-11T08:00:00Z');
    assert.equal(first.description, 'Councillors back the toll 7 to 2.');
    assert.equal(first.imageUrl, 'https://orrin-weekly.example/img/bridge.jpg');
    assert.equal(second.id, '42');
    assert.equal(second.contentText, 'A notice with no title.');
    assert.equal(second.published, null);
    assert.deepEqual(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['invalid-feed', 'warning']]);
  });

  test('version 1.0: a single author', () => {
    const feed = parsed(JSON_FEED_10, 'tessel.json');
    assert.deepEqual(feed.authors, ['Mara Tessel']);
    assert.deepEqual(item(feed, 0).authors, ['Jon Alder']);
  });
});

describe('parseFeed: invalid feeds', () => {
  const CASES: readonly { name: string; text: string; cause: RegExp }[] = [
    { name: 'plain text', text: PLAIN_TEXT, cause: /not XML/ },
    { name: 'an HTML page', text: HTML_PAGE, cause: /HTML page/ },
    { name: 'an XML document with another root', text: '<?xml version="1.0"?><catalog><book/></catalog>', cause: /root element <catalog>/ },
    { name: 'an OPML list', text: OPML, cause: /OPML/ },
    { name: 'a feed cut short', text: RSS_2.slice(0, RSS_2.indexOf('Weir works')), cause: /never closed/ },
    { name: 'mismatched tags', text: '<rss><channel><item><title>A</item></title></channel></rss>', cause: /<\/item> does not match <title>/ },
    { name: 'a stray end tag', text: '<rss><channel></channel></rss></channel>', cause: /closes no element/ },
    { name: 'two roots', text: '<rss><channel/></rss><rss/>', cause: /second root/ },
    { name: 'text after the root', text: '<rss><channel/></rss> trailing words', cause: /outside the root/ },
    { name: 'invalid JSON', text: '{"version": "https://jsonfeed.org/version/1.1", "items": [', cause: /not valid JSON/ },
    { name: 'JSON that is not a JSON Feed', text: '{"version": "2", "items": []}', cause: /not a JSON Feed/ },
    { name: 'a JSON array', text: '[1, 2]', cause: /not a JSON Feed/ },
    { name: 'JSON Feed items that are not a list', text: '{"version": "https://jsonfeed.org/version/1.1", "items": {}}', cause: /not a list/ },
    { name: 'an empty text', text: '', cause: /empty/ },
  ];
  for (const testCase of CASES) {
    test(testCase.name, () => {
      const result = parseFeed(testCase.text, 'https://feeds.example/broken');
      assert.equal(result.ok, false);
      assert.equal(result.diagnostics.length, 1);
      const [diagnostic] = result.diagnostics;
      assert.equal(diagnostic?.code, 'invalid-feed');
      assert.equal(diagnostic?.severity, 'error');
      assert.equal(diagnostic?.input, 'https://feeds.example/broken');
      assert.match(diagnostic?.message ?? '', testCase.cause);
    });
  }

  test('a JSON syntax error does not quote the input', () => {
    const result = parseFeed('{"title": "Secret draft headline" oops}', 'draft.json');
    assert.equal(result.ok, false);
    assert.doesNotMatch(result.diagnostics[0]?.message ?? '', /Secret/);
  });
});

describe('parseOpml', () => {
  test('reads nested folders, skipping unusable entries and duplicates', () => {
    const result = parseOpml(OPML, 'https://me.example/subscriptions.opml');
    assert.ok(result.ok);
    assert.deepEqual(result.value, [
      { url: 'https://feeds.courier.example/local.xml', title: 'The Halm Courier' },
      { url: 'https://kestria-radio.example/rss', title: 'Kestria Radio' },
      { url: 'https://gone.invalid/feed', title: 'Defunct Gazette' },
      { url: 'https://orrin-weekly.example/feed.json', title: 'Orrin & Co' },
      { url: 'https://me.example/feeds/relative.xml', title: 'Relative' },
    ]);
    assert.equal(result.diagnostics.length, 1);
    assert.match(result.diagnostics[0]?.message ?? '', /skipped 2 outline/);
  });

  test('an empty list is a list', () => {
    const result = parseOpml('<opml version="2.0"><head/><body/></opml>', 'empty.opml');
    assert.ok(result.ok);
    assert.deepEqual(result.value, []);
  });

  test('a feed or broken XML is not a subscription list', () => {
    for (const text of [RSS_2, '<opml><body><outline xmlUrl="https://a.example/"></body></opml>', JSON_FEED_11]) {
      const result = parseOpml(text, 'list.opml');
      assert.equal(result.ok, false);
      assert.equal(result.diagnostics[0]?.code, 'invalid-feed');
      assert.equal(result.diagnostics[0]?.input, 'list.opml');
    }
  });
});

describe('hintsForItem', () => {
  const feed = parsed(ATOM, 'https://merrow-post.example/feed.atom');

  test("the item's own fields come first", () => {
    assert.deepEqual(hintsForItem(feed, item(feed, 1)), {
      title: 'Rowing & rain',
      updated: '2026-03-16T16:45:00Z',
      authors: ['Lio Brand'],
      outlet: 'Merrow Post',
    });
  });

  test("the feed's authors and title fill in where the item is silent, never its dates", () => {
    assert.deepEqual(hintsForItem(feed, item(feed, 0)), {
      title: 'Reservoir level rises',
      published: '2026-03-17T08:00:00+01:00',
      updated: '2026-03-17T10:30:00+01:00',
      authors: ['Merrow Post Staff'],
      outlet: 'Merrow Post',
      description: 'Gauges at the dam show a 40 cm rise.',
    });
  });

  test('omits what neither says', () => {
    const bare: Feed = { kind: 'rss', title: null, url: null, published: '2026-01-01', updated: null, authors: [], items: [] };
    const blank: FeedItem = {
      url: null, title: null, published: null, updated: null, authors: [], description: null,
      contentHtml: null, contentText: null, imageUrl: 'https://img.example/a.jpg', id: null,
    };
    assert.deepEqual(hintsForItem(bare, blank), { imageUrl: 'https://img.example/a.jpg' });
  });
});

describe('itemHasFullContent', () => {
  const blank: FeedItem = {
    url: null, title: null, published: null, updated: null, authors: [], description: null,
    contentHtml: null, contentText: null, imageUrl: null, id: null,
  };
  const sentence = 'The Halm ferry crossed the sound in forty minutes on its first run since the storm. ';

  test('long content is an article', () => {
    assert.equal(itemHasFullContent({ ...blank, contentHtml: `<p>${sentence.repeat(7)}</p>` }), true);
  });

  test('three real paragraphs are an article, however short', () => {
    assert.equal(itemHasFullContent({ ...blank, contentHtml: `<p>${sentence}</p><p>${sentence}</p><p>${sentence}</p>` }), true);
  });

  test('plain-text content counts its paragraphs too', () => {
    assert.equal(itemHasFullContent({ ...blank, contentText: `${sentence}\n\n${sentence}\n\n${sentence}` }), true);
  });

  test('a teaser is not', () => {
    assert.equal(itemHasFullContent({ ...blank, contentHtml: `<p>${sentence}</p><p><a href="/x">Continue reading…</a></p>` }), false);
    assert.equal(itemHasFullContent({ ...blank, contentHtml: `<p>${sentence.repeat(8)} The harbour master said [&#8230;]</p>` }), false);
    assert.equal(itemHasFullContent({ ...blank, contentHtml: '<p>Short.</p><p>Also short.</p><p>Tiny.</p>' }), false);
  });

  test('a description alone is not content', () => {
    assert.equal(itemHasFullContent({ ...blank, description: sentence.repeat(10) }), false);
  });

  test('a full item parsed from a feed', () => {
    const feed = parsed(RSS_2, 'https://feeds.courier.example/local.xml');
    assert.equal(itemHasFullContent(item(feed, 0)), false, 'two paragraphs and under 500 characters');
    assert.equal(itemHasFullContent(item(feed, 1)), false, 'no content at all');
  });
});
