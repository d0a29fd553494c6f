import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../view/html.js';
import { AddRoute } from './add.js';
import type { ApiClient } from './api.js';
import { ArticleRoute } from './article-page.js';
import { PageHeading, ReadyOnMount, SiteHeader } from './components.js';
import { HomeRoute } from './home.js';
import { isRouteHash, parseRoute, routeHref, type Route } from './route.js';
import { SearchRoute } from './search.js';
import { StoryRoute } from './story-page.js';
import { useDocumentTitle } from './use-api.js';
import type { VisitMemory } from './visits.js';

/** Props of {@link App}. */
export interface AppProps {
  readonly api: ApiClient;
  readonly visits: VisitMemory;
}

/**
 * The web app: the header, and the page the location hash names. On each navigation the page is
 * mounted afresh and, once it shows its content, focus moves to its main heading, so keyboard
 * and screen-reader users start reading the new page at its top.
 *
 * Hashes that are not routes (`#conflict-2`, `#timeline-event-3`: the in-page links of the
 * shared story view) move within the page and leave the route alone.
 */
export function App({ api, visits }: AppProps) {
  // On a first load at an in-page hash (a reload after following one), the page it was in is unknown: home.
  const [route, setRoute] = useState<Route>(() => (isRouteHash(location.hash) ? parseRoute(location.hash) : { page: 'home' }));
  const pageKey = routeHref(route);
  const pageKeyNow = useRef(pageKey);
  pageKeyNow.current = pageKey;
  // Only navigations move focus: on the first load the reader has not asked to go anywhere yet.
  const focusPending = useRef(false);

  useEffect(() => {
    const follow = () => {
      if (!isRouteHash(location.hash)) {
        revealInPage(location.hash.slice(1));
        return;
      }
      const next = parseRoute(location.hash);
      if (routeHref(next) === pageKeyNow.current) return;
      focusPending.current = true;
      setRoute(next);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const onReady = useCallback(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    focusMainHeading();
  }, []);

  const onSearch = useCallback((query: string) => {
    location.hash = routeHref({ page: 'search', query });
  }, []);

  const query = route.page === 'search' ? route.query : '';
  return html`<div class="app-shell">
    <${SiteHeader} query=${query} onSearch=${onSearch} />
    <main id="app-main" class="app-main" tabindex="-1" onClick=${followInPageLink}>
      <div key=${pageKey}>${renderRoute(route, { api, visits, onReady })}</div>
    </main>
    <footer class="app-footer"><p>Parallax: many articles, one cited story.</p></footer>
  </div>`;
}

/** The page of a route, with what its data wrapper needs. */
function renderRoute(route: Route, context: { api: ApiClient; visits: VisitMemory; onReady: () => void }) {
  const { api, visits, onReady } = context;
  switch (route.page) {
    case 'home':
      return html`<${HomeRoute} api=${api} visits=${visits} onReady=${onReady} />`;
    case 'story':
      return html`<${StoryRoute} api=${api} visits=${visits} storyId=${route.id} onReady=${onReady} />`;
    case 'article':
      return html`<${ArticleRoute} api=${api} contentHash=${route.contentHash} onReady=${onReady} />`;
    case 'search':
      return html`<${SearchRoute} api=${api} query=${route.query} onReady=${onReady} />`;
    case 'add':
      return html`<${AddRoute} api=${api} onReady=${onReady} />`;
    case 'not-found':
      return html`<${NotFoundRoute} onReady=${onReady} />`;
  }
}

/** The page of a hash that names no page. */
export function NotFoundPage() {
  return html`<div class="app-page">
    <${PageHeading}>Page not found<//>
    <p>This address names no page of Parallax. <a href=${routeHref({ page: 'home' })}>See all stories</a>.</p>
  </div>`;
}

function NotFoundRoute({ onReady }: { readonly onReady: () => void }) {
  useDocumentTitle('Page not found');
  return html`<${ReadyOnMount} onReady=${onReady}><${NotFoundPage} /><//>`;
}

/**
 * A plain click on an in-page link (`href="#conflict-2"`) that no handler took: moves to its
 * target without changing the hash, so the address keeps naming the story (reloadable, and
 * Back leaves the story rather than stepping through its sections).
 */
function followInPageLink(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  const href = link?.getAttribute('href') ?? '';
  if (!href.startsWith('#') || isRouteHash(href)) return;
  event.preventDefault();
  revealInPage(href.slice(1));
}

/** Scrolls to the element with this id (the part of an in-page hash after `#`) and moves focus to it. */
function revealInPage(encodedId: string): void {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return;
  }
  const target = document.getElementById(id);
  if (target === null) return;
  if (!target.matches('a[href], button, input, select, textarea, summary, [tabindex]')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/**
 * Moves focus to the page's main heading (made focusable by script if the view did not), or to
 * `<main>` when there is none, and shows the top of the page.
 */
export function focusMainHeading(): void {
  const main = document.getElementById('app-main');
  if (main === null) return;
  const target = main.querySelector<HTMLElement>('h1') ?? main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  scrollTo(0, 0);
  target.focus({ preventScroll: true });
}
