import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findFirst, parseMarkup, type HtmlElement, type HtmlNode } from './dom.js';
import { cleanAuthorNames } from './metadata-authors.js';
import { dateFromUrl, isSurelyBefore, parseMachineDate, parseVisibleDate, readDatelines } from './metadata-dates.js';
import { parseLenientJson, repairJson } from './metadata-jsonld.js';
import { readMetadata } from './metadata.js';

/** A page from head and body markup, as a fictional outlet would serve it. */
function page(head: string, body: string, lang = 'en'): HtmlElement {
  return parseMarkup(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

/** A JSON-LD script holding `data`. */
function jsonLd(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
}

function byId(document: HtmlElement, id: string): HtmlElement {
  const element = findFirst(document, (candidate) => candidate.attributes['id'] === id);
  assert.ok(element !== null, `no element #${id}`);
  return element;
}

const PAGE_URL = 'https://www.northbay-tribune.example/news/2031/03/14/harbour-bridge-reopens/';

/** A story body long enough to look like one. */
const STORY = `
  <p>The harbour bridge in Northbay reopened to traffic on Friday after eleven weeks of repairs, the city's transport office said.</p>
  <p>Engineers replaced two of the bridge's steel bearings and resurfaced the deck, work that was delayed by winter storms.</p>
  <p>"We are glad to have it back," said Mara Quill, who drives across it to the fish market each morning.</p>`;

describe('readMetadata: JSON-LD', () => {
  const head = [
    '<title>Harbour bridge reopens after repairs | Northbay Tribune</title>',
    '<link rel="canonical" href="/news/2031/03/14/harbour-bridge-reopens/">',
    '<meta property="og:site_name" content="Northbay Tribune">',
    jsonLd({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour bridge reopens after repairs',
      description: 'Traffic returns after eleven weeks of work.',
      datePublished: '2031-03-14T08:30:00+01:00',
      dateModified: '2031-03-14T11:05:00+01:00',
      author: [
        { '@type': 'Person', name: 'Ines Varga' },
        { '@type': 'Person', name: 'By Tomas Brell, Staff Writer' },
      ],
      publisher: { '@type': 'Organization', name: 'Northbay Tribune Media' },
      image: [{ '@type': 'ImageObject', url: '/images/bridge.jpg' }],
      inLanguage: 'en-GB',
      articleBody: 'The harbour bridge in Northbay reopened.\n\nEngineers replaced two bearings.',
    }),
  ].join('');
  const document = page(head, `<article id="story"><h1>Harbour bridge reopens after repairs</h1>${STORY}</article>`, 'en-GB');
  const metadata = readMetadata(document, PAGE_URL, byId(document, 'story'));

  test('dates come from the article node, with their offsets', () => {
    assert.deepEqual(metadata.published, { value: '2031-03-14T08:30:00+01:00', source: 'json-ld' });
    assert.deepEqual(metadata.updated, { value: '2031-03-14T11:05:00+01:00', source: 'json-ld' });
  });

  test('authors are cleaned people', () => {
    assert.deepEqual(metadata.authors, { value: ['Ines Varga', 'Tomas Brell'], source: 'json-ld' });
  });

  test('the outlet is the site name; the description, image and body hint come from the node', () => {
    assert.deepEqual(metadata.outlet, { value: 'Northbay Tribune', source: 'open-graph' });
    assert.deepEqual(metadata.description, { value: 'Traffic returns after eleven weeks of work.', source: 'json-ld' });
    assert.deepEqual(metadata.imageUrl, { value: 'https://www.northbay-tribune.example/images/bridge.jpg', source: 'json-ld' });
    assert.equal(metadata.articleBodyHint, 'The harbour bridge in Northbay reopened.\n\nEngineers replaced two bearings.');
  });

  test('the title is the headline element when it says what the JSON-LD headline says', () => {
    assert.deepEqual(metadata.title, { value: 'Harbour bridge reopens after repairs', source: 'json-ld' });
  });

  test('a relative canonical address is resolved against the page URL', () => {
    assert.deepEqual(metadata.url, { value: PAGE_URL, source: 'meta' });
  });

  test('the declared language is the primary ISO 639-1 subtag', () => {
    assert.equal(metadata.declaredLanguage, 'en');
  });

  test('the tree is left as it was', () => {
    const snapshot = (node: HtmlNode): unknown =>
      node.type === 'text' ? node.text : [node.tag, { ...node.attributes }, node.children.map(snapshot)];
    const before = JSON.stringify(snapshot(document));
    readMetadata(document, PAGE_URL, byId(document, 'story'));
    assert.equal(JSON.stringify(snapshot(document)), before);
  });
});

describe('readMetadata: JSON-LD shapes', () => {
  test('@graph with nodes that point at each other by @id', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': 'https://vell-gazette.example/#website', name: 'Vell Harbour Gazette' },
        { '@type': 'Organization', '@id': 'https://vell-gazette.example/#org', name: 'Vell Harbour Gazette Ltd' },
        {
          '@type': 'WebPage',
          '@id': 'https://vell-gazette.example/ferry-timetable/',
          url: 'https://vell-gazette.example/ferry-timetable/',
          datePublished: '2030-06-01T09:00:00+00:00',
        },
        {
          '@type': ['Article', 'NewsArticle'],
          '@id': 'https://vell-gazette.example/ferry-timetable/#article',
          isPartOf: { '@id': 'https://vell-gazette.example/ferry-timetable/' },
          headline: 'Ferry timetable changes for summer',
          datePublished: '2030-06-02T10:15:00+00:00',
          author: { '@id': 'https://vell-gazette.example/#/person/1' },
          publisher: { '@id': 'https://vell-gazette.example/#org' },
        },
        { '@type': 'Person', '@id': 'https://vell-gazette.example/#/person/1', name: 'Oskar Lind' },
      ],
    };
    const document = page(jsonLd(graph), `<h1>Ferry timetable changes for summer</h1>${STORY}`);
    const metadata = readMetadata(document, 'https://vell-gazette.example/ferry-timetable/');
    assert.deepEqual(metadata.published, { value: '2030-06-02T10:15:00Z', source: 'json-ld' });
    assert.deepEqual(metadata.authors, { value: ['Oskar Lind'], source: 'json-ld' });
    assert.deepEqual(metadata.outlet, { value: 'Vell Harbour Gazette Ltd', source: 'json-ld' });
    assert.deepEqual(metadata.title, { value: 'Ferry timetable changes for summer', source: 'json-ld' });
  });

  test('an array of scripts: the article node whose address is the page wins over a related one', () => {
    const related = {
      '@type': 'NewsArticle',
      headline: 'Last year: ferry fares rise',
      url: 'https://vell-gazette.example/fares/',
      datePublished: '2029-01-01',
    };
    const own = { '@type': 'NewsArticle', headline: 'Ferry pier closes', url: 'https://vell-gazette.example/pier/', datePublished: '2030-07-07' };
    const document = page(jsonLd([related, own]), STORY);
    const metadata = readMetadata(document, 'https://vell-gazette.example/pier/');
    assert.deepEqual(metadata.published, { value: '2030-07-07', source: 'json-ld' });
    assert.deepEqual(metadata.title, { value: 'Ferry pier closes', source: 'json-ld' });
  });

  test('broken JSON-LD is repaired (trailing commas, raw line breaks, comments); a hopeless script is skipped', () => {
    const broken = `<script type="application/ld+json">
      { "@context": "https://schema.org", // the vocabulary
        "@type": "BlogPosting",
        "headline": "Lighthouse keeper
retires after forty years",
        "datePublished": "2029-11-30T18:00:00-05:00",
        "keywords": ["lighthouse", "Vell", ],
      }
    </script>`;
    const hopeless = '<script type="application/ld+json">{ "@type": "NewsArticle", "headline": </script>';
    const document = page(hopeless + broken, STORY);
    const metadata = readMetadata(document, null);
    assert.deepEqual(metadata.published, { value: '2029-11-30T18:00:00-05:00', source: 'json-ld' });
    assert.deepEqual(metadata.title, { value: 'Lighthouse keeper retires after forty years', source: 'json-ld' });
  });

  test('image as a string, author as a string, publisher as a string', () => {
    const document = page(
      jsonLd({ '@type': 'Article', headline: 'Tide tables', image: 'https://cdn.example/tide.png', author: 'Rhea Moss and Pavel Dun', publisher: 'Tide Weekly' }),
      STORY,
    );
    const metadata = readMetadata(document, null);
    assert.deepEqual(metadata.imageUrl, { value: 'https://cdn.example/tide.png', source: 'json-ld' });
    assert.deepEqual(metadata.authors, { value: ['Rhea Moss', 'Pavel Dun'], source: 'json-ld' });
    assert.deepEqual(metadata.outlet, { value: 'Tide Weekly', source: 'json-ld' });
  });
});

describe('readMetadata: precedence of dates', () => {
  const URL_WITH_DATE = 'https://halm-post.example/2028/09/03/market-hall-fire/';
  const layers = {
    jsonLd: jsonLd({ '@type': 'NewsArticle', headline: 'Fire at the market hall', datePublished: '2028-09-03T06:00:00Z' }),
    openGraph: '<meta property="article:published_time" content="2028-09-03T07:00:00Z">',
    meta: '<meta name="pubdate" content="2028-09-03T09:00:00Z">',
    time: '<time datetime="2028-09-03T08:00:00Z" class="published">3 September 2028</time>',
    dateline: '<p class="meta">Published 3 September 2028 10:00</p>',
  };
  type Layer = keyof typeof layers;
  const build = (included: readonly Layer[], url: string | null): ReturnType<typeof readMetadata> => {
    const has = (layer: Layer): string => (included.includes(layer) ? layers[layer] : '');
    const document = page(
      has('jsonLd') + has('openGraph') + has('meta'),
      `<article id="story"><h1>Fire at the market hall</h1>${has('time')}${has('dateline')}${STORY}</article>`,
    );
    return readMetadata(document, url, byId(document, 'story'));
  };
  const all: Layer[] = ['jsonLd', 'openGraph', 'meta', 'time', 'dateline'];

  test('JSON-LD first', () => {
    assert.deepEqual(build(all, URL_WITH_DATE).published, { value: '2028-09-03T06:00:00Z', source: 'json-ld' });
  });
  test('then Open Graph', () => {
    assert.deepEqual(build(all.slice(1), URL_WITH_DATE).published, { value: '2028-09-03T07:00:00Z', source: 'open-graph' });
  });
  test('then the article’s <time>', () => {
    assert.deepEqual(build(['meta', 'time', 'dateline'], URL_WITH_DATE).published, { value: '2028-09-03T08:00:00Z', source: 'time' });
  });
  test('then other meta tags', () => {
    assert.deepEqual(build(['meta', 'dateline'], URL_WITH_DATE).published, { value: '2028-09-03T09:00:00Z', source: 'meta' });
  });
  test('then the URL, refined by a dateline of the same day', () => {
    assert.deepEqual(build([], URL_WITH_DATE).published, { value: '2028-09-03', source: 'url' });
    assert.deepEqual(build(['dateline'], URL_WITH_DATE).published, { value: '2028-09-03T10:00', source: 'dateline' });
  });
  test('then the visible dateline', () => {
    assert.deepEqual(build(['dateline'], null).published, { value: '2028-09-03T10:00', source: 'dateline' });
  });
  test('nothing stated: no date', () => {
    assert.equal(build([], null).published, null);
  });

  test('a modification date earlier than the publication is dropped', () => {
    const document = page(
      '<meta property="article:published_time" content="2028-09-03T07:00:00Z"><meta property="article:modified_time" content="2028-09-01T07:00:00Z">',
      STORY,
    );
    const metadata = readMetadata(document, null);
    assert.deepEqual(metadata.published, { value: '2028-09-03T07:00:00Z', source: 'open-graph' });
    assert.equal(metadata.updated, null);
  });

  test('a modification date is kept when it is later, even in another time zone', () => {
    const document = page(
      '<meta property="article:published_time" content="2028-09-03T23:30:00-05:00"><meta property="og:updated_time" content="2028-09-04T05:00:00Z">',
      STORY,
    );
    assert.deepEqual(readMetadata(document, null).updated, { value: '2028-09-04T05:00:00Z', source: 'open-graph' });
  });
});

describe('readMetadata: dates that belong to something else', () => {
  const comments = `
    <section id="comments" class="comments">
      <h2>Comments</h2>
      <article class="comment"><p>Great news for commuters.</p><time datetime="2031-03-16T21:00:00Z">16 March 2031</time></article>
      <article class="comment"><p>About time.</p><time datetime="2031-03-17T07:30:00Z">17 March 2031</time></article>
    </section>`;
  const related = `
    <ul class="related-stories">
      <li><a href="/a">Bridge closes for repairs</a> <time datetime="2030-12-20T10:00:00Z">20 December 2030</time></li>
      <li><a href="/b">Storms delay bridge work</a> <time datetime="2031-01-15T10:00:00Z">15 January 2031</time></li>
    </ul>`;

  test('a comment section with later times does not win over the article’s own <time>', () => {
    const document = page(
      '',
      `<main><article id="story"><h1>Harbour bridge reopens</h1><time datetime="2031-03-14T09:00:00Z">14 March 2031</time>${STORY}</article>${comments}</main>`,
    );
    assert.deepEqual(readMetadata(document, null, byId(document, 'story')).published, { value: '2031-03-14T09:00:00Z', source: 'time' });
    // Without the extractor's choice, the headline's <article> is found, and comments are still no source.
    assert.deepEqual(readMetadata(document, null).published, { value: '2031-03-14T09:00:00Z', source: 'time' });
  });

  test('when only comments and related links carry times, the article has no date', () => {
    const document = page('', `${related}<div id="story"><h1>Harbour bridge reopens</h1>${STORY}</div>${comments}<footer><p>© 2031 Northbay Tribune. Updated 1 January 2031</p></footer>`);
    assert.equal(readMetadata(document, null, byId(document, 'story')).published, null);
  });

  test('a related list placed before the article does not give its dates', () => {
    const document = page(
      '',
      `<aside>${related}</aside><div id="story"><h1>Harbour bridge reopens</h1><p class="dateline">March 14, 2031 5:42 PM ET</p>${STORY}</div>`,
    );
    const metadata = readMetadata(document, null, byId(document, 'story'));
    // chrono reads "ET" as the Eastern offset in force that day.
    assert.deepEqual(metadata.published, { value: '2031-03-14T17:42-04:00', source: 'dateline' });
  });

  test('microdata dates of a comment are not the article’s', () => {
    const document = page(
      '',
      `<div id="story"><h1>Harbour bridge reopens</h1>${STORY}</div>
       <div itemscope itemtype="https://schema.org/Comment"><meta itemprop="datePublished" content="2031-03-20"><p>Nice.</p></div>`,
    );
    assert.equal(readMetadata(document, null, byId(document, 'story')).published, null);
  });

  test('a <time> in the header just above the article body counts; "Updated" labels the modification', () => {
    const document = page(
      '',
      `<div class="story-header"><h1>Harbour bridge reopens</h1>
         <div class="story-meta">By Ines Varga · <time datetime="2031-03-14T09:00:00+01:00">14 March</time>
         · Updated <time datetime="2031-03-14T12:00:00+01:00">noon</time></div></div>
       <div id="body">${STORY}</div>`,
    );
    const metadata = readMetadata(document, null, byId(document, 'body'));
    assert.deepEqual(metadata.published, { value: '2031-03-14T09:00:00+01:00', source: 'time' });
    assert.deepEqual(metadata.updated, { value: '2031-03-14T12:00:00+01:00', source: 'time' });
    assert.deepEqual(metadata.authors, { value: ['Ines Varga'], source: 'dateline' });
  });
});

describe('readMetadata: titles', () => {
  test('the <title> is cleaned of the outlet named by og:site_name', () => {
    const document = page('<title>Council votes on new ferry | Kestria Ledger</title><meta property="og:site_name" content="Kestria Ledger">', STORY);
    const metadata = readMetadata(document, null);
    assert.deepEqual(metadata.title, { value: 'Council votes on new ferry', source: 'html-title' });
  });

  test('a site name after a dash is dropped even when no tag names it, and becomes the outlet', () => {
    const document = page('<title>Council votes on new ferry - Kestria Ledger</title>', STORY);
    const metadata = readMetadata(document, null);
    assert.deepEqual(metadata.title, { value: 'Council votes on new ferry', source: 'html-title' });
    assert.deepEqual(metadata.outlet, { value: 'Kestria Ledger', source: 'html-title' });
  });

  test('a site name that is the domain is dropped, at the start or with a section after the headline', () => {
    const prefixed = page('<title>Kestria Ledger: Council votes on new ferry</title>', STORY);
    assert.deepEqual(readMetadata(prefixed, 'https://www.kestrialedger.example/x').title, { value: 'Council votes on new ferry', source: 'html-title' });
    const sectioned = page('<title>Council votes on new ferry - Politics | KestriaLedger.example</title>', STORY);
    assert.equal(readMetadata(sectioned, 'https://kestrialedger.example/x').title?.value, 'Council votes on new ferry - Politics');
  });

  test('og:title comes first, and the <h1> text is used when it says the same without the section label', () => {
    const document = page(
      '<title>Opinion | Why the ferry matters - Kestria Ledger</title><meta property="og:title" content="Opinion | Why the ferry matters">',
      `<article><h1>Why the ferry matters</h1>${STORY}</article>`,
    );
    assert.deepEqual(readMetadata(document, null).title, { value: 'Why the ferry matters', source: 'open-graph' });
  });

  test('an og:title that differs from the <h1> is kept', () => {
    const document = page('<meta property="og:title" content="Ferry vote: what it means for you">', `<article><h1>Council votes on new ferry</h1>${STORY}</article>`);
    assert.deepEqual(readMetadata(document, null).title, { value: 'Ferry vote: what it means for you', source: 'open-graph' });
  });

  test('the masthead’s <h1> (the site’s logo) is not the headline', () => {
    const document = page(
      '<title>Council votes on new ferry – Kestria Ledger</title>',
      `<div id="header"><a href="/"><h1>Kestria Ledger</h1></a></div><div class="story"><h2>Council votes on new ferry</h2>${STORY}</div>`,
    );
    assert.deepEqual(readMetadata(document, null).title, { value: 'Council votes on new ferry', source: 'html-title' });
  });

  test('an <h1> in the article is the title when nothing else names the page', () => {
    const document = page('', `<article id="story"><h1>Council votes on new ferry</h1>${STORY}</article>`);
    assert.deepEqual(readMetadata(document, null, byId(document, 'story')).title, { value: 'Council votes on new ferry', source: 'dateline' });
  });
});

describe('readMetadata: authors', () => {
  test('meta author comes before article:author; a profile URL in article:author is no name', () => {
    const document = page('<meta name="author" content="By Ines Varga and Tomas Brell"><meta property="article:author" content="https://www.facebook.com/ines.varga">', STORY);
    assert.deepEqual(readMetadata(document, null).authors, { value: ['Ines Varga', 'Tomas Brell'], source: 'meta' });
    const profileOnly = page('<meta property="article:author" content="https://www.facebook.com/ines.varga">', STORY);
    assert.equal(readMetadata(profileOnly, null).authors, null);
  });

  test('people named anywhere are preferred to an organisation named by JSON-LD', () => {
    const document = page(
      jsonLd({ '@type': 'NewsArticle', headline: 'Storm closes port', author: { '@type': 'Organization', name: 'Kestria Ledger' } }),
      `<article id="story"><h1>Storm closes port</h1><p class="byline">By <a rel="author" href="/staff/ana">Ana Ruiz</a></p>${STORY}</article>`,
    );
    assert.deepEqual(readMetadata(document, null, byId(document, 'story')).authors, { value: ['Ana Ruiz'], source: 'meta' });
  });

  test('an organisation is the author when no person is named', () => {
    const document = page(jsonLd({ '@type': 'NewsArticle', headline: 'Storm closes port', author: { '@type': 'Organization', name: 'Meridian Wire Service' } }), STORY);
    assert.deepEqual(readMetadata(document, null).authors, { value: ['Meridian Wire Service'], source: 'json-ld' });
  });

  test('microdata authors of comments are skipped; the article’s is read from its name', () => {
    const document = page(
      '',
      `<article id="story" itemscope itemtype="https://schema.org/NewsArticle"><h1>Storm closes port</h1>
         <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Li Wei</span></span>${STORY}
         <div class="comment-list"><div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Gull Watcher</span></div></div>
       </article>`,
    );
    assert.deepEqual(readMetadata(document, null, byId(document, 'story')).authors, { value: ['Li Wei'], source: 'meta' });
  });

  test('a visible byline with a date and a role glued on', () => {
    const document = page(
      '',
      `<article id="story"><h1>Storm closes port</h1><div class="article-byline">By ANA RUIZ, Senior Correspondent Updated 10:32 a.m. May 10, 2030</div>${STORY}</article>`,
    );
    const metadata = readMetadata(document, null, byId(document, 'story'));
    assert.deepEqual(metadata.authors, { value: ['Ana Ruiz'], source: 'dateline' });
    assert.deepEqual(metadata.updated, { value: '2030-05-10T10:32', source: 'dateline' });
  });

  test('a sentence in a byline-named box gives no author', () => {
    const document = page('', `<article id="story"><h1>Storm closes port</h1><div class="author-note">The harbour master and his deputy were unavailable for comment</div>${STORY}</article>`);
    assert.equal(readMetadata(document, null, byId(document, 'story')).authors, null);
  });
});

describe('readMetadata: addresses and language', () => {
  test('relative and protocol-relative addresses are resolved, against <base> when the page has one', () => {
    const document = page(
      '<base href="https://static.kestria-ledger.example/site/"><meta property="og:image" content="img/ferry.jpg"><meta property="og:url" content="//kestria-ledger.example/ferry">',
      STORY,
    );
    const metadata = readMetadata(document, 'https://kestria-ledger.example/ferry?ref=home');
    assert.deepEqual(metadata.imageUrl, { value: 'https://static.kestria-ledger.example/site/img/ferry.jpg', source: 'open-graph' });
    assert.deepEqual(metadata.url, { value: 'https://kestria-ledger.example/ferry', source: 'open-graph' });
  });

  test('twitter:image when there is no og:image; no address without a base to resolve against', () => {
    const document = page('<meta name="twitter:image" content="/img/ferry.jpg">', STORY);
    assert.deepEqual(readMetadata(document, 'https://kestria-ledger.example/ferry').imageUrl, {
      value: 'https://kestria-ledger.example/img/ferry.jpg',
      source: 'meta',
    });
    assert.equal(readMetadata(document, null).imageUrl, null);
  });

  test('a canonical link to the home page is not the article’s address', () => {
    const document = page('<link rel="canonical" href="https://kestria-ledger.example/">', STORY);
    assert.equal(readMetadata(document, 'https://kestria-ledger.example/ferry').url, null);
  });

  test('the language falls back from <html lang> to og:locale', () => {
    const document = parseMarkup(`<html><head><meta property="og:locale" content="pt_BR"></head><body>${STORY}</body></html>`);
    assert.equal(readMetadata(document, null).declaredLanguage, 'pt');
  });
});

describe('readMetadata: pages that say nothing', () => {
  test('an empty document gives no metadata and does not throw', () => {
    const metadata = readMetadata(parseMarkup(''), 'not a url');
    assert.deepEqual(metadata, {
      title: null,
      published: null,
      updated: null,
      authors: null,
      outlet: null,
      description: null,
      url: null,
      imageUrl: null,
      declaredLanguage: null,
      articleBodyHint: null,
    });
  });
});

describe('parseMachineDate', () => {
  const CASES: readonly [string, string | null][] = [
    ['2031-03-14', '2031-03-14'],
    ['2031-03-14T08:30:00.000Z', '2031-03-14T08:30:00Z'],
    ['2031-03-14T08:30:00+0000', '2031-03-14T08:30:00Z'],
    ['2031-03-14 08:30:00 UTC', '2031-03-14T08:30:00Z'],
    ['2031-03-14T08:30-05:00', '2031-03-14T08:30-05:00'],
    ['20310314', '2031-03-14'],
    ['Fri, 14 Mar 2031 08:30:00 GMT', '2031-03-14T08:30Z'],
    ['1970-01-01T00:00:00Z', null],
    ['0000-00-00', null],
    ['2031-02-30', null],
    ['Friday', null],
  ];
  for (const [input, expected] of CASES) test(input, () => assert.equal(parseMachineDate(input), expected));

  test('visible dates in any order of their parts', () => {
    assert.equal(parseVisibleDate('Fri 6:45 PM, Mar 14, 2031'), '2031-03-14T18:45');
  });
});

describe('dateFromUrl', () => {
  const CASES: readonly [string, string | null][] = [
    ['https://a.example/2019/05/10/story/', '2019-05-10'],
    ['https://a.example/news/20190510/story', '2019-05-10'],
    ['https://a.example/news/story-20190510-abc.html', '2019-05-10'],
    ['https://a.example/2019-05-10/story', '2019-05-10'],
    ['https://a.example/news/story-20191340.html', null],
    ['https://a.example/news/story-14848164.php', null],
    ['https://a.example/2019/05/story', null],
  ];
  for (const [input, expected] of CASES) test(input, () => assert.equal(dateFromUrl(input), expected));
});

describe('readDatelines', () => {
  test('labelled and unlabelled datelines', () => {
    assert.deepEqual(readDatelines('Published 10 May 2019'), [{ kind: 'published', value: '2019-05-10' }]);
    assert.deepEqual(readDatelines('May 10, 2019 5:42 PM ET'), [{ kind: 'published', value: '2019-05-10T17:42-04:00' }]);
    assert.deepEqual(readDatelines('May 10, 2019 5:42 PM'), [{ kind: 'published', value: '2019-05-10T17:42' }]);
    assert.deepEqual(readDatelines('By Ana Ruiz | Updated: 11 May 2019'), [{ kind: 'updated', value: '2019-05-11' }]);
  });
  test('a sentence that mentions a date is no dateline', () => {
    assert.deepEqual(readDatelines('The council met on May 10, 2019 to discuss the bridge'), []);
    assert.deepEqual(readDatelines('As of 29 November 2019'), []);
    assert.deepEqual(readDatelines('© 2019 Kestria Ledger'), []);
  });
});

describe('isSurelyBefore', () => {
  test('instants with offsets, and days with a day’s tolerance when zones are unknown', () => {
    assert.equal(isSurelyBefore('2031-03-14T08:00:00Z', '2031-03-14T09:00:00+00:00'), true);
    assert.equal(isSurelyBefore('2031-03-15T01:00:00+02:00', '2031-03-14T23:30:00Z'), true);
    assert.equal(isSurelyBefore('2031-03-15T02:00:00+02:00', '2031-03-14T23:30:00Z'), false);
    assert.equal(isSurelyBefore('2031-03-13', '2031-03-14T09:00:00Z'), false);
    assert.equal(isSurelyBefore('2031-03-10', '2031-03-14'), true);
  });
});

describe('cleanAuthorNames', () => {
  const CASES: readonly [string, string[], string[]][] = [
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe'], []],
    ['By TOM ROE, Auto Writer Updated 1:39 am EST, Nov. 20, 2019', ['Tom Roe'], []],
    ['Ana Ruiz | Special to the Daily Post', ['Ana Ruiz'], []],
    ['Ana RuizMay 10, 2019', ['Ana Ruiz'], []],
    ['Ana Ruiz (Meridian Wire)', ['Ana Ruiz'], []],
    ['Ana Ruiz, Reuters', ['Ana Ruiz'], ['Reuters']],
    ['Li Wei Associated Press', ['Li Wei'], []],
    ['Ana Ruiz. Kestria Daily Post', ['Ana Ruiz'], ['Kestria Daily Post']],
    ['Jane Doe, jane@example.com, @janedoe', ['Jane Doe'], []],
    ['Jane Doe; jane doe', ['Jane Doe'], []],
    ['Ursula von der Leyen', ['Ursula von der Leyen'], []],
    ['Ana White Staff Writer', ['Ana White'], []],
    ['Jill Roe, CNN Business', ['Jill Roe'], ['CNN Business']],
    ['Hina Khan and AJ Rowe', ['Hina Khan', 'AJ Rowe'], []],
    ['AP National Security', [], ['AP National Security']],
    ['Staff Writer', [], []],
    ['admin', [], []],
    ['https://www.facebook.com/janedoe', [], []],
  ];
  for (const [input, people, organisations] of CASES) {
    test(input, () => assert.deepEqual(cleanAuthorNames(input), { people, organisations }));
  }

  test('the outlet run into a name is cut off', () => {
    assert.deepEqual(cleanAuthorNames('Ana Ruiz Kestria Ledger', { outlets: ['Kestria Ledger'] }).people, ['Ana Ruiz']);
  });

  test('strict reading gives nothing for a line that is not all names', () => {
    assert.deepEqual(cleanAuthorNames('The harbour master and his deputy', { strict: true }), { people: [], organisations: [] });
  });
});

describe('repairJson', () => {
  test('trailing commas, comments, single quotes and raw line breaks', () => {
    const repaired = repairJson(`{'a': "x\ny", /* note */ "b": [1, 2, ], // end\n}`);
    assert.deepEqual(JSON.parse(repaired), { a: 'x y', b: [1, 2] });
  });
  test('a closing brace too many', () => {
    assert.deepEqual(parseLenientJson('{"a": {"b": 1}}, "c": 2}'), { a: { b: 1 }, c: 2 });
  });
});
