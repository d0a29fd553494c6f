import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Fetched, SourceHints } from '../../core/records.js';
import { fetchedFromBytes } from '../../ingest/files.js';
import { extractHtml } from './index.js';

/** A page as the pipeline would read it from a file named `name`. */
function page(html: string, hints?: SourceHints): Fetched {
  const fetched = fetchedFromBytes('page.html', Buffer.from(html));
  assert.ok('contentHash' in fetched);
  return hints === undefined ? fetched : { ...fetched, hints };
}

/** A paragraph of believable prose about a made-up town, numbered so each is distinct. */
function prose(index: number): string {
  return `Paragraph ${index}: the council in Orlen said on Monday that the new ferry pier, which cost about 4 million crowns, would open in May, after divers found the old piles had rotted through.`;
}

const ARTICLE = [1, 2, 3, 4].map((index) => `<p>${prose(index)}</p>`).join('\n');

describe('extractHtml', () => {
  test('keeps the article and its block kinds; drops scripts, navigation and the repeated headline', () => {
    const result = extractHtml(
      page(`<html><head><title>Orlen pier opens in May | Orlen Gazette</title><script>alert("x")</script></head><body>
<nav><a href="/">Home</a><a href="/news">News</a></nav>
<article><h1>Orlen pier opens in May</h1>${ARTICLE}
<h2>What comes next</h2><ul><li>${prose(5)}</li><li>${prose(6)}</li></ul><blockquote><p>${prose(7)}</p></blockquote></article>
</body></html>`),
    );
    assert.ok(result.ok);
    const { text, paragraphs, title } = result.value;
    assert.equal(title, 'Orlen pier opens in May');
    assert.ok(!text.includes('alert') && !text.includes('Home') && !text.startsWith('Orlen pier'));
    assert.deepEqual(
      paragraphs.map((block) => block.kind),
      ['paragraph', 'paragraph', 'paragraph', 'paragraph', 'heading', 'list-item', 'list-item', 'quote'],
    );
    for (const block of paragraphs) assert.equal(text.slice(block.start, block.end).trim(), text.slice(block.start, block.end));
  });

  test('a comment section longer than the article is never taken for it', () => {
    const comments = [1, 2, 3, 4, 5, 6].map((index) => `<div class="comment"><p>${prose(index + 10)} I think, honestly, and I have said so before, many times.</p></div>`).join('');
    const result = extractHtml(page(`<html><body><div class="story">${ARTICLE}</div><section id="comments">${comments}</section></body></html>`));
    assert.ok(result.ok);
    assert.ok(result.value.text.includes('Paragraph 1:') && !result.value.text.includes('Paragraph 11:'));
    assert.ok(result.value.removed.some((removed) => removed.kind === 'comments'));
  });

  test('a body split by an advertisement is read whole; teaser cards are removed', () => {
    const teasers = [1, 2, 3].map((index) => `<div class="card"><a href="/s/${index}"><h4>Other story number ${index} from the valley</h4></a><p>Short blurb.</p></div>`).join('');
    const result = extractHtml(
      page(`<html><body><main>
<div class="body-text">${ARTICLE}</div><div class="ad-slot">Advertisement</div><div class="body-text"><p>${prose(8)}</p><p>${prose(9)}</p></div>
<div class="more">${teasers}</div></main></body></html>`),
    );
    assert.ok(result.ok);
    assert.ok(result.value.text.includes('Paragraph 9:'));
    assert.ok(!result.value.text.includes('Other story') && !result.value.text.includes('Advertisement'));
  });

  test('broken markup is repaired, not refused', () => {
    const result = extractHtml(page(`<html><body><div><p>${prose(1)}<p>${prose(2)}<b>${prose(3)}</div></i><p>${prose(4)}`));
    assert.ok(result.ok);
    for (const index of [1, 2, 3, 4]) assert.ok(result.value.text.includes(`Paragraph ${index}:`), String(index));
  });

  test('a page with no article says so', () => {
    const links = Array.from({ length: 12 }, (_, index) => `<li><a href="/s/${index}">Headline number ${index} of the day</a></li>`).join('');
    for (const html of [`<html><body><ul>${links}</ul></body></html>`, '<html><body><form><input name="user"><button>Log in</button></form></body></html>', '']) {
      const result = extractHtml(page(html || '<html></html>'));
      assert.equal(result.ok, false);
      assert.ok(result.diagnostics.some((diagnostic) => diagnostic.code === 'not-an-article'));
    }
  });

  test('a page that builds its text with script falls back to its JSON-LD body', () => {
    const body = [1, 2].map(prose).join('\\n');
    const result = extractHtml(page(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier","articleBody":"${body}"}</script></head><body><div id="app"></div></body></html>`));
    assert.ok(result.ok);
    assert.ok(result.value.text.includes('Paragraph 2:'));
  });

  test("a feed's statements fill what the page leaves out, marked as the feed's", () => {
    const result = extractHtml(page(`<html><body><article>${ARTICLE}</article></body></html>`, { title: 'Pier opens', published: '2026-05-04T09:00:00Z', outlet: 'Orlen Gazette' }));
    assert.ok(result.ok);
    assert.equal(result.value.title, 'Pier opens');
    assert.equal(result.value.published, '2026-05-04T09:00:00Z');
    assert.equal(result.value.provenance.published, 'feed');
    assert.equal(result.value.outlet, 'Orlen Gazette');
  });
});
