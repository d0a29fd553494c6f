import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApiClient, formatQuery, type FetchFunction } from './api.js';

/** A fetch that records its calls and answers each with the given status and body. */
function fakeFetch(status: number, body: string): { fetch: FetchFunction; calls: Array<{ url: string; init: RequestInit | undefined }> } {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return new Response(body, { status, headers: { 'content-type': 'application/json' } });
    },
  };
}

test('formatQuery leaves out absent and empty parameters and escapes values', () => {
  assert.equal(formatQuery({}), '');
  assert.equal(formatQuery({ limit: 5, since: null, story: undefined, q: '' }), '?limit=5');
  assert.equal(formatQuery({ since: '2031-04-02T10:00:00.000Z', q: 'a&b c' }), '?since=2031-04-02T10%3A00%3A00.000Z&q=a%26b+c');
});

test('the client asks each route at its path with its parameters', async () => {
  const { fetch, calls } = fakeFetch(200, '{}');
  const api = createApiClient({ fetch });
  await api.listStories({ limit: 10, since: '2031-04-02T10:00:00.000Z' });
  await api.listStories();
  await api.getStory('s/1', { since: null });
  await api.listArticles({ story: 's1', after: 7, limit: 20 });
  await api.getArticle('a 1');
  await api.search('flood gate', { limit: 3 });
  assert.deepEqual(
    calls.map((call) => call.url),
    [
      '/api/stories?limit=10&since=2031-04-02T10%3A00%3A00.000Z',
      '/api/stories',
      '/api/stories/s%2F1',
      '/api/articles?story=s1&after=7&limit=20',
      '/api/articles/a%201',
      '/api/search?q=flood+gate&limit=3',
    ],
  );
  assert.ok(calls.every((call) => call.init?.method === 'GET'));
});

test('ingest posts its request as JSON and returns the answer', async () => {
  const answer = { added: 2, duplicates: 1, failed: [], storiesCreated: 1, storiesUpdated: 0 };
  const { fetch, calls } = fakeFetch(200, JSON.stringify(answer));
  const result = await createApiClient({ fetch }).ingest({ urls: ['https://example.org/a'] });
  assert.deepEqual(result, { ok: true, value: answer });
  assert.equal(calls[0]?.url, '/api/ingest');
  assert.equal(calls[0]?.init?.method, 'POST');
  assert.deepEqual(JSON.parse(String(calls[0]?.init?.body)), { urls: ['https://example.org/a'] });
  assert.equal(new Headers(calls[0]?.init?.headers).get('content-type'), 'application/json');
});

test('an API error answer becomes its code and message', async () => {
  const { fetch } = fakeFetch(400, JSON.stringify({ error: { code: 'private-address', message: 'The address 10.0.0.7 is on a private network.' } }));
  const result = await createApiClient({ fetch }).ingest({ urls: ['http://10.0.0.7/'] });
  assert.deepEqual(result, {
    ok: false,
    failure: { kind: 'api', status: 400, code: 'private-address', message: 'The address 10.0.0.7 is on a private network.' },
  });
});

test('network failures, non-JSON and unexpected answers become messages, never rejections', async () => {
  const refused: FetchFunction = async () => {
    throw new TypeError('fetch failed');
  };
  const network = await createApiClient({ fetch: refused }).listStories();
  assert.equal(network.ok, false);
  assert.ok(!network.ok && network.failure.kind === 'network' && /Could not reach/.test(network.failure.message));

  const html = await createApiClient({ fetch: fakeFetch(502, '<html>Bad gateway</html>').fetch }).listStories();
  assert.ok(!html.ok && html.failure.kind === 'invalid-response' && html.failure.message.includes('HTTP 502'));

  const okButNotJson = await createApiClient({ fetch: fakeFetch(200, 'hello').fetch }).listStories();
  assert.ok(!okButNotJson.ok && okButNotJson.failure.kind === 'invalid-response');

  const errorWithoutShape = await createApiClient({ fetch: fakeFetch(500, '{"oops":true}').fetch }).listStories();
  assert.ok(!errorWithoutShape.ok && errorWithoutShape.failure.kind === 'invalid-response');

  const notAnObject = await createApiClient({ fetch: fakeFetch(200, '42').fetch }).listStories();
  assert.ok(!notAnObject.ok && notAnObject.failure.kind === 'invalid-response');
});
