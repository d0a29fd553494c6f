import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Story } from '../core/records.js';
import { buildStory } from '../pipeline/story.js';
import { renderHtmlReport } from './html.js';

/** Two reports of a fictional warehouse fire whose text, title and addresses carry markup and script. */
const HOSTILE_TITLE = 'Fire at <script>window.pwned=1</script> depot "><img src=x onerror=alert(1)>';
const SHARED = [
  'A fire broke out at the Tallow Lane grain depot in Orsby on Sunday night, and forty firefighters fought it until dawn.',
  'The depot manager said <script>alert("x")</script> nobody was inside when the roof fell in.',
  'Investigators said on Monday the blaze began in a storage hall full of dried barley.',
];
const FIRST = `${HOSTILE_TITLE}\nSource: </script><script>window.pwned=2</script>\nURL: javascript:alert(1)\n\n${SHARED.join('\n\n')}\n\nCall the tip line at <a href="javascript:alert(2)">this link</a>.\n`;
const SECOND = `Orsby depot fire burns until dawn\nSource: Orsby Courier\n\n${SHARED.slice(0, 2).join('\n\n')}\n\nResidents were told to keep windows shut because of the smoke \u2028 drifting over the town.\n`;

describe('the HTML report', () => {
  let directory: string;
  let story: Story;
  let report: string;
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'parallax-report-'));
    await writeFile(join(directory, 'first.txt'), FIRST);
    await writeFile(join(directory, 'second.txt'), SECOND);
    story = await buildStory([directory]);
    report = renderHtmlReport(story);
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  test('holds only its own two script elements: the story data and the hashed script', () => {
    assert.equal(story.articles.length, 2);
    const scripts = [...report.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
    assert.deepEqual(scripts, ['<script type="application/json" id="parallax-story-data">', '<script>']);
    assert.doesNotMatch(report, /window\.pwned=\d<\/script>/);
    assert.match(report, /&lt;script>window\.pwned=1&lt;\/script>/);
  });

  test('no element gets an event handler or a script address from article text', () => {
    const markup = /<main id="parallax-story">([\s\S]*?)<\/main>/.exec(report)?.[1] ?? '';
    assert.ok(markup.length > 0);
    assert.doesNotMatch(markup, /<[a-z]+\b[^>]*\son[a-z]+=/i);
    assert.doesNotMatch(markup, /href="\s*javascript:/i);
  });

  test('its policy allows exactly the inline script and style it carries, and nothing from the network', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(report)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(policy !== undefined);
    const script = /<script>([\s\S]*)<\/script>\s*<\/body>/.exec(report)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(report)?.[1] ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.ok(policy.includes(`script-src ${hash(script)}`), policy);
    assert.ok(policy.includes(`style-src ${hash(style)}`), policy);
    assert.ok(policy.startsWith("default-src 'none'"));
    assert.doesNotMatch(report, /\b(src|href)="(https?:)?\/\//);
  });

  test('carries the story as JSON that no string in it can close', () => {
    const data = /<script type="application\/json" id="parallax-story-data">([\s\S]*?)<\/script>/.exec(report)?.[1];
    assert.ok(data !== undefined);
    assert.doesNotMatch(data, /</);
    const parsed = JSON.parse(data) as { story: Story };
    assert.deepEqual(parsed.story, JSON.parse(JSON.stringify(story)));
  });

  test('renders the view: title, summary with markers, articles', () => {
    assert.ok(report.includes(`<h1 tabindex="-1">${(story.title ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}</h1>`), story.title ?? '');
    assert.ok(report.includes('Fire at &lt;script>window.pwned=1&lt;/script> depot &quot;>&lt;img src=x onerror=alert(1)>'));
    assert.match(report, /class="cite"[^>]*href="#article-1"/);
    assert.match(report, /id="article-2"/);
  });
});
