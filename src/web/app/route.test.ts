import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleHref, isRouteHash, parseRoute, routeHref, storyHref, type Route } from './route.js';

/** A content hash as the archive names articles: 64 hexadecimal digits. */
const HASH = '9c4e1b7a'.repeat(8);

test('parseRoute reads every page from its hash', () => {
  const cases: ReadonlyArray<readonly [string, Route]> = [
    ['', { page: 'home' }],
    ['#', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/stories/s-41', { page: 'story', id: 's-41' }],
    ['#/stories/s-41/', { page: 'story', id: 's-41' }],
    ['#stories/s-41', { page: 'story', id: 's-41' }],
    ['#/stories/a%2Fb%20c', { page: 'story', id: 'a/b c' }],
    [`#/articles/${HASH}`, { page: 'article', contentHash: HASH }],
    [`#/articles/${HASH}/`, { page: 'article', contentHash: HASH }],
    [`#articles/${HASH}`, { page: 'article', contentHash: HASH }],
    ['#/articles/not%20a%20hash', { page: 'article', contentHash: 'not a hash' }],
    ['#/search?q=spillway%20cracks', { page: 'search', query: 'spillway cracks' }],
    ['#/search?q=flood+gate', { page: 'search', query: 'flood gate' }],
    ['#/search?q=%20%20', { page: 'search', query: '' }],
    ['#/search', { page: 'search', query: '' }],
    ['#/search?lang=en', { page: 'search', query: '' }],
    ['#/add', { page: 'add' }],
    ['#/add/', { page: 'add' }],
  ];
  for (const [hash, expected] of cases) assert.deepEqual(parseRoute(hash), expected, hash);
});

test('parseRoute names unknown and malformed hashes not-found', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['#/nowhere', '/nowhere'],
    ['#/stories', '/stories'],
    ['#/stories/', '/stories/'],
    ['#/stories/a/b', '/stories/a/b'],
    ['#/stories/%E0%A4%A', '/stories/%E0%A4%A'],
    ['#/add/more', '/add/more'],
    ['#/articles', '/articles'],
    ['#/articles/', '/articles/'],
    ['#/articles/%20', '/articles/%20'],
    [`#/articles/${HASH}/extra`, `/articles/${HASH}/extra`],
    ['#/articles/%E0%A4%A', '/articles/%E0%A4%A'],
    ['#/article/abc', '/article/abc'],
  ];
  for (const [hash, path] of cases) assert.deepEqual(parseRoute(hash), { page: 'not-found', path }, hash);
});

test('routeHref writes hashes that parseRoute reads back to the same route', () => {
  const routes: Route[] = [
    { page: 'home' },
    { page: 'story', id: 's-41' },
    { page: 'story', id: 'odd id/with?#&=%' },
    { page: 'article', contentHash: HASH },
    { page: 'article', contentHash: 'odd/hash?#&=%' },
    { page: 'search', query: 'dam "spillway cracks" 19%' },
    { page: 'search', query: '' },
    { page: 'add' },
  ];
  for (const route of routes) assert.deepEqual(parseRoute(routeHref(route)), route, JSON.stringify(route));
  assert.equal(storyHref('a b'), '#/stories/a%20b');
  assert.equal(articleHref(HASH), `#/articles/${HASH}`);
  assert.equal(articleHref('a/b'), '#/articles/a%2Fb');
  assert.equal(routeHref({ page: 'search', query: 'a&b' }), '#/search?q=a%26b');
});

test('isRouteHash tells pages from places in the page', () => {
  for (const hash of ['', '#', '#/', '#/stories/x', `#/articles/${HASH}`, '#/search?q=a']) assert.equal(isRouteHash(hash), true, hash);
  for (const hash of ['#conflict-2', '#timeline-event-3', '#article-1']) assert.equal(isRouteHash(hash), false, hash);
});
