import { createHash } from 'node:crypto';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { escapeHtml } from '../core/escape-html.js';
import type { Story } from '../core/records.js';
import type { StoryChanges } from '../store/store.js';
import { readWebAsset } from '../web/assets.js';
import { StoryView, type StoryViewProps } from '../web/view/story-view.js';

/**
 * JSON that can sit inside a `<script type="application/json">` element: every `<` is written
 * `\u003c`, so no string in it can close the element, and the line separators JavaScript once
 * refused are escaped too.
 */
function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The CSP source for inline content: `'sha256-…'` of its exact text. */
function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Fails if bundled text could end its own element early (it never should: the bundles are ours). */
function assertInlinable(text: string, element: 'script' | 'style'): string {
  if (text.toLowerCase().includes(`</${element}`)) throw new Error(`the bundled ${element} holds "</${element}" and cannot be inlined`);
  return text;
}

/**
 * The HTML report: one self-contained file that opens offline. The story view is rendered to
 * HTML (readable without script); the inline script, allowed by its hash and nothing else,
 * makes citation markers open their passages. The policy forbids every other script, style,
 * connection, frame and form, so article text can only ever be text.
 */
export function renderHtmlReport(story: Story, context: { since?: string | null; changes?: StoryChanges | null } = {}): string {
  const props: StoryViewProps = { story, since: context.since ?? null, changes: context.changes ?? null };
  const body = renderToString(h(StoryView, props));
  const style = assertInlinable(readWebAsset('style.css'), 'style');
  const script = assertInlinable(readWebAsset('report.js'), 'script');
  const policy = [
    "default-src 'none'",
    `style-src ${sha256Source(style)}`,
    `script-src ${sha256Source(script)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Parallax">
<link rel="icon" href="data:,">
<title>${escapeHtml(story.title ?? 'Untitled story')} · Parallax</title>
<style>${style}</style>
</head>
<body>
<main id="parallax-story">${body}</main>
<script type="application/json" id="parallax-story-data">${jsonForScriptElement(props)}</script>
<script>${script}</script>
</body>
</html>
`;
}
