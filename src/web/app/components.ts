import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Snippet } from '../../store/store.js';
import type { ApiFailure } from './api.js';
import { html } from '../view/html.js';
import { routeHref } from './route.js';
import { OUTSIDE_LINK_REL, safeHttpUrl } from '../view/links.js';
import { formatTime } from './format.js';
import { MarkedText } from '../view/marked-text.js';

/**
 * Pieces every page uses. Text from articles (titles, outlets, snippets, URLs) only ever enters
 * the page as text children or as attributes checked here, never as markup.
 */

/** Props of {@link SiteHeader}. */
export interface SiteHeaderProps {
  /** The words of the current search, shown in the box (`''` elsewhere). */
  readonly query: string;
  /** Called with the trimmed words when the search form is submitted. */
  readonly onSearch: (query: string) => void;
}

/** The header of every page: the name, linking home, the search form and the add link. */
export function SiteHeader({ query, onSearch }: SiteHeaderProps) {
  const [words, setWords] = useState(query);
  useEffect(() => setWords(query), [query]);
  const submit = (event: Event) => {
    event.preventDefault();
    onSearch(words.trim());
  };
  return html`<header class="app-header">
    <a class="app-brand" href=${routeHref({ page: 'home' })}>Parallax</a>
    <form class="app-search" role="search" action="#/search" onSubmit=${submit}>
      <label class="app-search-label" for="app-search-input">Search stories and articles</label>
      <div class="app-search-row">
        <input
          id="app-search-input"
          class="app-input"
          type="search"
          name="q"
          autocomplete="off"
          value=${words}
          onInput=${(event: Event) => setWords((event.currentTarget as HTMLInputElement).value)}
        />
        <button class="app-button" type="submit">Search</button>
      </div>
    </form>
    <nav class="app-nav" aria-label="Pages">
      <a href=${routeHref({ page: 'home' })}>Stories</a>
      <a href=${routeHref({ page: 'add' })}>Add articles</a>
    </nav>
  </header>`;
}

/** A page's main heading: focusable by script (not by Tab), so navigation can move focus to it. */
export function PageHeading({ children }: { readonly children: ComponentChildren }) {
  return html`<h1 class="app-title" tabindex="-1">${children}</h1>`;
}

/**
 * A polite live region for loading and progress messages. Render it in the same place in every
 * state of a page, so it stays in the document and screen readers announce its changes.
 */
export function LiveStatus({ message }: { readonly message: string }) {
  return html`<p class="app-status" role="status" aria-live="polite">${message}</p>`;
}

/** An error, announced at once (`role="alert"`), with an optional retry button. */
export function ErrorMessage({ message, onRetry }: { readonly message: string; readonly onRetry?: () => void }) {
  return html`<div class="app-error" role="alert">
    <p>${message}</p>
    ${onRetry === undefined ? null : html`<button class="app-button" type="button" onClick=${onRetry}>Try again</button>`}
  </div>`;
}

/** A time, readable by people (their locale and zone) and machines (`datetime`). */
export function Time({ iso }: { readonly iso: string }) {
  return html`<time datetime=${iso}>${formatTime(iso)}</time>`;
}

/**
 * A link to an outside site, only for `http(s)` URLs (the story view's rule, `safeHttpUrl`),
 * followed without giving that site this page (`noopener`) or its address (`noreferrer`).
 * Any other URL (`javascript:`, `data:`, relative) shows its children as plain text.
 */
export function ExternalLink({ url, children }: { readonly url: string | null; readonly children: ComponentChildren }) {
  const safeUrl = safeHttpUrl(url);
  if (safeUrl === null) return html`<span class="app-unlinked">${children}</span>`;
  return html`<a class="app-external" href=${safeUrl} rel=${OUTSIDE_LINK_REL}>${children}</a>`;
}

/** A search snippet with its matches as `<mark>` elements, cut from the text by its spans. */
export function HighlightedSnippet({ snippet }: { readonly snippet: Snippet }) {
  return html`<p class="app-snippet"><${MarkedText} text=${snippet.text} marks=${snippet.highlights} /></p>`;
}

/** The title of a story or article as shown, `Untitled story` when it has none. */
export function displayTitle(title: string | null, fallback = 'Untitled story'): string {
  return title === null || title.trim() === '' ? fallback : title;
}

/** Shows its children and calls `onReady` once mounted (for pages that need no data). */
export function ReadyOnMount({ onReady, children }: { readonly onReady: () => void; readonly children?: ComponentChildren }) {
  useEffect(() => onReady(), []);
  return html`<${Fragment}>${children}<//>`;
}

/** Props of {@link LoadFailure}. */
export interface LoadFailureProps {
  /** What was asked for: "story", "article". */
  readonly noun: string;
  /** Its name as asked for (an id, a content hash). */
  readonly name: string;
  /** What to say when the archive has none by that name (a 404). */
  readonly notFound: string;
  readonly failure: ApiFailure;
  readonly onRetry?: () => void;
}

/** Why a page's story or article cannot be shown: none by that name (404), or the request failed. */
export function LoadFailure({ noun, name, notFound, failure, onRetry }: LoadFailureProps) {
  const missing = failure.kind === 'api' && failure.status === 404;
  return html`<div class="app-page">
    <${PageHeading}>${missing ? `No ${noun} “${name}”` : `Could not load the ${noun}`}<//>
    ${missing
      ? html`<div class="app-error" role="alert"><p>${notFound}</p></div>`
      : html`<${ErrorMessage} message=${failure.message} onRetry=${onRetry} />`}
    <p><a href=${routeHref({ page: 'home' })}>See all stories</a></p>
  </div>`;
}
