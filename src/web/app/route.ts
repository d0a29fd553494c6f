/**
 * The web app's pages, read from and written to the URL's hash (`#/stories/abc`), so the server
 * serves one document at `/` and every page can be bookmarked, shared and reached with Back.
 */

/** A page of the web app. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'story'; readonly id: string }
  | { readonly page: 'article'; readonly contentHash: string }
  | { readonly page: 'search'; readonly query: string }
  | { readonly page: 'add' }
  | { readonly page: 'not-found'; readonly path: string };

/**
 * The page a location hash names: `''`, `#` and `#/` are home, `#/stories/<id>` a story,
 * `#/articles/<contentHash>` a stored article, `#/search?q=<words>` a search, `#/add` the add
 * page; anything else is `not-found`. (Whether an article has that hash is the server's to say.)
 * Tolerates a missing leading slash and a trailing slash (`#stories/abc/`).
 */
export function parseRoute(hash: string): Route {
  const withoutMark = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryStart = withoutMark.indexOf('?');
  const rawPath = queryStart === -1 ? withoutMark : withoutMark.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : withoutMark.slice(queryStart + 1);
  const segments = rawPath.split('/').filter((segment) => segment !== '');
  const notFound: Route = { page: 'not-found', path: rawPath };

  const decoded: string[] = [];
  for (const segment of segments) {
    try {
      decoded.push(decodeURIComponent(segment));
    } catch {
      // A malformed escape (`%E0%A4%A`) names no page.
      return notFound;
    }
  }

  const [first, second, ...rest] = decoded;
  if (first === undefined) return { page: 'home' };
  if (first === 'stories' && second !== undefined && second.trim() !== '' && rest.length === 0) {
    return { page: 'story', id: second };
  }
  if (first === 'articles' && second !== undefined && second.trim() !== '' && rest.length === 0) {
    return { page: 'article', contentHash: second };
  }
  if (first === 'search' && second === undefined) {
    return { page: 'search', query: readQueryParameter(rawQuery, 'q').trim() };
  }
  if (first === 'add' && second === undefined) return { page: 'add' };
  return notFound;
}

/**
 * Whether a hash names a page (`''`, `#`, or `#/…`) rather than a place in the current page
 * (`#conflict-2`, the in-page links of the shared story view), which must not change the page.
 */
export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

/** The hash (`#/…`) that names a route; {@link parseRoute} reads it back to an equal route. */
export function routeHref(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'story':
      return `#/stories/${encodeURIComponent(route.id)}`;
    case 'article':
      return `#/articles/${encodeURIComponent(route.contentHash)}`;
    case 'search':
      return route.query === '' ? '#/search' : `#/search?q=${encodeURIComponent(route.query)}`;
    case 'add':
      return '#/add';
    case 'not-found':
      return `#/${route.path.replace(/^\/+/, '')}`;
  }
}

/** The hash of a story's page. */
export function storyHref(id: string): string {
  return routeHref({ page: 'story', id });
}

/** The hash of a stored article's page, named by its content hash. */
export function articleHref(contentHash: string): string {
  return routeHref({ page: 'article', contentHash });
}

/** A parameter of a query string, `''` when absent or malformed. */
function readQueryParameter(query: string, name: string): string {
  try {
    return new URLSearchParams(query).get(name) ?? '';
  } catch {
    return '';
  }
}
