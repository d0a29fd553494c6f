import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import type { Diagnostic } from '../core/diagnostic.js';
import { hashContent } from '../core/ids.js';
import { Fetcher, fetchedFromResource, isFetchableUrl, privateAddressReason, type FetchedResource, type FetchOptions, type NotModified } from './fetch.js';
import { TestServer, type Handler } from '../../test/helpers/test-server.js';

const PAGE = '<!DOCTYPE html><html><head><title>Bridge</title></head><body><p>The bridge opened on Monday.</p></body></html>';
const JAPANESE = '新しい橋が開通した。';
// "新しい橋が開通した。" in Shift_JIS, written out byte by byte.
const JAPANESE_SJIS = [0x90, 0x56, 0x82, 0xb5, 0x82, 0xa2, 0x8b, 0xb4, 0x82, 0xaa, 0x8a, 0x4a, 0x92, 0xca, 0x82, 0xb5, 0x82, 0xbd, 0x81, 0x42];
const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>';
const FEED_ETAG = '"feed-v1"';
const FEED_LAST_MODIFIED = 'Tue, 03 Mar 2026 08:00:00 GMT';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);



const html = (body: string | Buffer, contentType = 'text/html; charset=utf-8'): Handler => (_request, response) => {
  response.writeHead(200, { 'content-type': contentType }).end(body);
};
const redirect = (location: string, status = 302): Handler => (_request, response) => {
  response.writeHead(status, { location }).end();
};

function isDiagnostic(result: FetchedResource | Diagnostic): result is Diagnostic {
  return 'code' in result;
}

function expectResource(result: FetchedResource | Diagnostic): FetchedResource {
  if (isDiagnostic(result)) assert.fail(`expected a resource, got ${result.code}: ${result.message}`);
  return result;
}

function expectDiagnostic(result: FetchedResource | Diagnostic, code: string): Diagnostic {
  if (!isDiagnostic(result)) assert.fail(`expected ${code}, got a resource from ${result.url}`);
  assert.equal(result.code, code, result.message);
  return result;
}

describe('Fetcher', () => {
  const server = new TestServer();
  const fetchers: Fetcher[] = [];
  /** A Fetcher allowed to reach the local test server, with fast retries. */
  const make = (options: FetchOptions = {}): Fetcher => {
    const fetcher = new Fetcher({ allowPrivateNetwork: true, retryBaseDelayMs: 1, timeoutMs: 2000, ...options });
    fetchers.push(fetcher);
    return fetcher;
  };
  let bomb: Buffer = Buffer.alloc(0);
  let flaky = 0;
  let reset = 0;
  /** The validators the last request to /conditional carried. */
  let sentValidators: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined } = {};
  /** Resolved when /wait-for-cancel has a request to keep waiting. */
  let cancelWaiting: () => void = () => {};

  before(async () => {
    bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    server
      .route('/page', html(PAGE))
      .route('/moved', redirect('/page', 301))
      .route('/moved-again', redirect('/moved'))
      .route('/loop-a', redirect('/loop-b'))
      .route('/loop-b', redirect('/loop-a'))
      .route('/chain', (request, response) => {
        const step = Number(new URL(request.url ?? '', 'http://x').searchParams.get('n') ?? 0);
        response.writeHead(302, { location: `/chain?n=${step + 1}` }).end();
      })
      .route('/broken', (_request, response) => response.writeHead(500, { 'content-type': 'text/html' }).end('<p>stack trace</p>'))
      .route('/flaky', (_request, response) => {
        if (flaky++ === 0) response.writeHead(503, { 'retry-after': '0' }).end('try later');
        else html(PAGE)(_request, response);
      })
      .route('/always-busy', (_request, response) => response.writeHead(503).end())
      .route('/busy-for-an-hour', (_request, response) => response.writeHead(429, { 'retry-after': '3600' }).end())
      .route('/reset', (request, response) => {
        if (reset++ === 0) request.socket.destroy();
        else html(PAGE)(request, response);
      })
      .route('/hang', () => {})
      .route('/gzip', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE));
      })
      .route('/brotli', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' }).end(brotliCompressSync(PAGE));
      })
      .route('/raw-deflate', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateRawSync(PAGE));
      })
      .route('/bomb', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
      })
      .route('/announced-large', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': 5000 }).end('x'.repeat(5000));
      })
      .route('/chunked-large', (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        for (let index = 0; index < 10; index++) response.write('y'.repeat(500));
        response.end();
      })
      .route('/image', html(PNG, 'image/png'))
      .route('/png-as-html', html(PNG, 'text/html'))
      .route('/feed', html('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>', 'application/rss+xml'))
      .route('/sjis-header', html(Buffer.concat([Buffer.from('<html><body><p>'), Buffer.from(JAPANESE_SJIS), Buffer.from('</p></body></html>')]), 'text/html; charset=Shift_JIS'))
      .route(
        '/sjis-meta',
        html(
          Buffer.concat([
            Buffer.from(`<!DOCTYPE html><html><head><!-- ${'-'.repeat(500)} --><meta charset="shift_jis"><title>t</title></head><body><p>`),
            Buffer.from(JAPANESE_SJIS),
            Buffer.from('</p></body></html>'),
          ]),
          'text/html',
        ),
      )
      .route('/slow', (_request, response) => {
        setTimeout(() => html(PAGE)(_request, response), 60);
      })
      .route('/to-loopback', (_request, response) => redirect(server.url('/page'))(_request, response))
      .route('/to-localhost', (_request, response) => redirect(server.url('/page', 'localhost'))(_request, response))
      .route('/to-ftp', redirect('ftp://files.example/page'))
      .route('/conditional', (request, response) => {
        const ifNoneMatch = request.headers['if-none-match'];
        const ifModifiedSince = request.headers['if-modified-since'];
        sentValidators = { ifNoneMatch, ifModifiedSince };
        const unchanged = ifNoneMatch !== undefined ? ifNoneMatch === FEED_ETAG : ifModifiedSince === FEED_LAST_MODIFIED;
        if (unchanged) response.writeHead(304, { etag: FEED_ETAG }).end();
        else response.writeHead(200, { 'content-type': 'application/rss+xml', etag: FEED_ETAG, 'last-modified': FEED_LAST_MODIFIED }).end(FEED);
      })
      .route('/always-304', (_request, response) => response.writeHead(304).end())
      .route('/wait-for-cancel', () => cancelWaiting());
    await server.start();
  });

  after(async () => {
    for (const fetcher of fetchers) fetcher.close();
    await server.stop();
  });

  test('fetches a page, following redirects to the final URL', async () => {
    const resource = expectResource(await make().fetch(server.url('/moved-again')));
    assert.equal(resource.requestedUrl, server.url('/moved-again'));
    assert.equal(resource.url, server.url('/page'));
    assert.equal(resource.status, 200);
    assert.equal(resource.contentType, 'text/html');
    assert.equal(resource.text, PAGE);
    assert.equal(resource.encoding, 'utf-8');
    assert.match(server.userAgent, /^Parallax\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/parallax-news\/parallax\)$/);
  });

  test('turns a resource into a Fetched record', async () => {
    const resource = expectResource(await make().fetch(server.url('/moved')));
    const fetched = fetchedFromResource(resource);
    assert.equal(fetched.source, server.url('/moved'));
    assert.equal(fetched.url, server.url('/page'));
    assert.equal(fetched.mediaType, 'text/html');
    assert.equal(fetched.contentHash, hashContent(Buffer.from(PAGE)));
    assert.equal(fetched.byteLength, Buffer.byteLength(PAGE));
  });

  test('a redirect loop is reported as one', async () => {
    const diagnostic = expectDiagnostic(await make().fetch(server.url('/loop-a')), 'redirect');
    assert.match(diagnostic.message, /redirect loop: .*\/loop-a → .*\/loop-b → .*\/loop-a/);
    assert.equal(diagnostic.input, server.url('/loop-a'));
  });

  test('too many redirects', async () => {
    const diagnostic = expectDiagnostic(await make({ maxRedirects: 3 }).fetch(server.url('/chain')), 'redirect');
    assert.match(diagnostic.message, /more than 3 redirects/);
  });

  test('a redirect to another scheme is refused', async () => {
    assert.match(expectDiagnostic(await make().fetch(server.url('/to-ftp')), 'redirect').message, /ftp:/);
  });

  test('404 and 500 name the status, never the body', async () => {
    const missing = expectDiagnostic(await make().fetch(server.url('/nowhere')), 'http-status');
    assert.equal(missing.message, 'the server answered 404 Not Found');
    const broken = expectDiagnostic(await make().fetch(server.url('/broken')), 'http-status');
    assert.equal(broken.message, 'the server answered 500 Internal Server Error');
    assert.equal(server.hits.get('/broken'), 1, '500 is not retried');
  });

  test('503 then 200: the retry succeeds', async () => {
    const resource = expectResource(await make().fetch(server.url('/flaky')));
    assert.equal(resource.text, PAGE);
    assert.equal(server.hits.get('/flaky'), 2);
  });

  test('503 every time: gives up after the retries', async () => {
    const diagnostic = expectDiagnostic(await make({ retries: 2 }).fetch(server.url('/always-busy')), 'http-status');
    assert.equal(diagnostic.message, 'the server answered 503 Service Unavailable (3 attempts)');
    assert.equal(server.hits.get('/always-busy'), 3);
  });

  test('a Retry-After past the cap ends the retries at once', async () => {
    const diagnostic = expectDiagnostic(await make().fetch(server.url('/busy-for-an-hour')), 'http-status');
    assert.match(diagnostic.message, /429 Too Many Requests \(asked to retry after 3600 s; 1 attempt\)/);
    assert.equal(server.hits.get('/busy-for-an-hour'), 1);
  });

  test('a reset connection is retried', async () => {
    expectResource(await make().fetch(server.url('/reset')));
    assert.equal(server.hits.get('/reset'), 2);
  });

  test('a server that never answers times out', async () => {
    const started = Date.now();
    const diagnostic = expectDiagnostic(await make({ timeoutMs: 150 }).fetch(server.url('/hang')), 'timeout');
    assert.equal(diagnostic.message, 'no answer within 150 ms');
    assert.ok(Date.now() - started < 5000, 'stopped early, not after reading it all');
  });

  for (const [path, name] of [
    ['/gzip', 'gzip'],
    ['/brotli', 'brotli'],
    ['/raw-deflate', 'raw deflate'],
  ] as const) {
    test(`a ${name} body is decompressed`, async () => {
      const resource = expectResource(await make().fetch(server.url(path)));
      assert.equal(resource.text, PAGE);
      assert.equal(resource.bytes.length, Buffer.byteLength(PAGE));
    });
  }

  test('a gzip bomb (50 MB of zeros) is stopped', async () => {
    const started = Date.now();
    expectDiagnostic(await make().fetch(server.url('/bomb')), 'decompression-limit');
    assert.ok(Date.now() - started < 5000, 'stopped early, not after reading it all');
  });

  test('a gzip bomb is stopped at the size limit', async () => {
    const diagnostic = expectDiagnostic(await make({ maxDecompressionRatio: 1e6 }).fetch(server.url('/bomb')), 'decompression-limit');
    assert.match(diagnostic.message, /expanded past the 10\.0 MiB limit/);
  });

  test('a gzip bomb is stopped by the ratio limit', async () => {
    const diagnostic = expectDiagnostic(await make({ maxBytes: 200 * 1024 * 1024 }).fetch(server.url('/bomb')), 'decompression-limit');
    assert.match(diagnostic.message, /more than 100 times/);
  });

  test('a Content-Length over the limit is refused before reading', async () => {
    const diagnostic = expectDiagnostic(await make({ maxBytes: 1000 }).fetch(server.url('/announced-large')), 'too-large');
    assert.match(diagnostic.message, /announced 4\.9 KiB, over the 1000 B limit/);
  });

  test('a chunked body over the limit is stopped while streaming', async () => {
    const diagnostic = expectDiagnostic(await make({ maxBytes: 1000 }).fetch(server.url('/chunked-large')), 'too-large');
    assert.match(diagnostic.message, /body is over the 1000 B limit/);
  });

  test('an image is refused, naming its type', async () => {
    assert.match(expectDiagnostic(await make().fetch(server.url('/image')), 'unsupported-type').message, /image\/png/);
  });

  test('a PNG served as text/html is binary', async () => {
    assert.match(expectDiagnostic(await make().fetch(server.url('/png-as-html')), 'binary').message, /PNG image/);
  });

  test('a feed is returned for the caller to parse', async () => {
    const resource = expectResource(await make().fetch(server.url('/feed')));
    assert.equal(resource.contentType, 'application/rss+xml');
    assert.match(resource.text, /<rss/);
  });

  test('Shift_JIS by the header charset', async () => {
    const resource = expectResource(await make().fetch(server.url('/sjis-header')));
    assert.equal(resource.encoding, 'shift_jis');
    assert.ok(resource.text.includes(JAPANESE));
  });

  test('Shift_JIS by a <meta> charset after 500 bytes', async () => {
    const resource = expectResource(await make().fetch(server.url('/sjis-meta')));
    assert.equal(resource.encoding, 'shift_jis');
    assert.ok(resource.text.includes(JAPANESE));
  });

  test('no more than perHostConcurrency requests at once to one host', async () => {
    server.maxActive = 0;
    const fetcher = make({ perHostConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, () => fetcher.fetch(server.url('/slow'))));
    for (const result of results) expectResource(result);
    assert.equal(server.maxActive, 2);
  });

  describe('conditional requests', () => {
    const isNotModified = (result: FetchedResource | NotModified | Diagnostic): result is NotModified => 'notModified' in result;

    test('the first response carries validators; sent back, they get 304 Not Modified and no body', async () => {
      const fetcher = make();
      const first = await fetcher.fetch(server.url('/conditional'), {});
      assert.ok(!isNotModified(first));
      const resource = expectResource(first);
      assert.equal(resource.etag, FEED_ETAG);
      assert.equal(resource.lastModified, FEED_LAST_MODIFIED);
      assert.deepEqual(sentValidators, { ifNoneMatch: undefined, ifModifiedSince: undefined });

      const second = await fetcher.fetch(server.url('/conditional'), { etag: resource.etag ?? null, lastModified: resource.lastModified ?? null });
      assert.deepEqual(sentValidators, { ifNoneMatch: FEED_ETAG, ifModifiedSince: FEED_LAST_MODIFIED });
      assert.deepEqual(second, { notModified: true, requestedUrl: server.url('/conditional'), url: server.url('/conditional'), etag: FEED_ETAG });
    });

    test('Last-Modified alone is sent as If-Modified-Since', async () => {
      const result = await make().fetch(server.url('/conditional'), { etag: null, lastModified: FEED_LAST_MODIFIED });
      assert.deepEqual(sentValidators, { ifNoneMatch: undefined, ifModifiedSince: FEED_LAST_MODIFIED });
      assert.ok(isNotModified(result));
    });

    test('a changed resource answers a conditional request with its new body', async () => {
      const result = await make().fetch(server.url('/conditional'), { etag: '"feed-v0"' });
      assert.ok(!isNotModified(result));
      assert.equal(expectResource(result).text, FEED);
    });

    test('a 304 to a request that sent no validators is an error status', async () => {
      const diagnostic = expectDiagnostic(await make().fetch(server.url('/always-304')), 'http-status');
      assert.equal(diagnostic.message, 'the server answered 304 Not Modified');
    });
  });

  test('a Retry-After the Fetcher will not wait for is passed on to the caller', async () => {
    const diagnostic = expectDiagnostic(await make().fetch(server.url('/busy-for-an-hour')), 'http-status');
    assert.equal((diagnostic as { retryAfterMs?: number }).retryAfterMs, 3_600_000);
  });

  test('a request in flight is cancelled by its signal', async () => {
    const controller = new AbortController();
    const waiting = new Promise<void>((resolve) => {
      cancelWaiting = resolve;
    });
    const pending = make({ timeoutMs: 60_000 }).fetch(server.url('/wait-for-cancel'), { signal: controller.signal });
    await waiting;
    controller.abort();
    const diagnostic = expectDiagnostic(await pending, 'network');
    assert.equal(diagnostic.message, 'the request was cancelled');
    const again = expectDiagnostic(await make().fetch(server.url('/page'), { signal: controller.signal }), 'network');
    assert.equal(again.message, 'the request was cancelled', 'an aborted signal sends nothing');
  });

  test('hostDelayMs spaces requests to one host, timed by the injected clock', async () => {
    const waits: number[] = [];
    let now = 1_000_000;
    const fetcher = make({
      perHostConcurrency: 1,
      hostDelayMs: 1000,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    expectResource(await fetcher.fetch(server.url('/page')));
    assert.deepEqual(waits, [], 'the first request to a host does not wait');
    now += 300;
    const both = await Promise.all([fetcher.fetch(server.url('/page')), fetcher.fetch(server.url('/page'))]);
    for (const result of both) expectResource(result);
    assert.deepEqual(waits, [700, 1000], 'each waits out the rest of the delay after the one before');
    expectResource(await fetcher.fetch(server.url('/page', 'localhost')));
    assert.deepEqual(waits, [700, 1000], 'another host does not wait');
  });

  describe('private networks', () => {
    test('a loopback IP literal is refused without a request', async () => {
      const before = server.hits.get('/page') ?? 0;
      const diagnostic = expectDiagnostic(await make({ allowPrivateNetwork: false }).fetch(server.url('/page')), 'private-address');
      assert.match(diagnostic.message, /127\.0\.0\.1 is a loopback address.*--allow-private-network/);
      assert.equal(server.hits.get('/page') ?? 0, before);
    });

    test('localhost is refused after DNS resolution', async () => {
      const before = server.hits.get('/page') ?? 0;
      const diagnostic = expectDiagnostic(await make({ allowPrivateNetwork: false }).fetch(server.url('/page', 'localhost')), 'private-address');
      assert.match(diagnostic.message, /localhost resolves to 127\.0\.0\.1, a loopback address/);
      assert.equal(server.hits.get('/page') ?? 0, before);
    });

    test('IPv6 and IPv4-mapped literals are refused', async () => {
      const fetcher = make({ allowPrivateNetwork: false });
      for (const host of ['[::1]', '[::ffff:127.0.0.1]', '[fe80::1]', '100.64.0.1', '0.0.0.0', '2130706433']) {
        expectDiagnostic(await fetcher.fetch(`http://${host}:${server.port}/page`), 'private-address');
      }
    });

    /** A made-up public name that resolves to the test server, and is let through. */
    const viaPublicName = (): Fetcher =>
      make({
        allowPrivateNetwork: false,
        resolveHost: async (hostname) => (hostname === 'news.example' || hostname === 'localhost' ? [{ address: '127.0.0.1', family: 4 }] : []),
        addressPolicy: (address, hostname) => (hostname === 'news.example' ? null : privateAddressReason(address)),
      });

    test('the injected resolver reaches the server for the allowed name', async () => {
      const resource = expectResource(await viaPublicName().fetch(server.url('/page', 'news.example')));
      assert.equal(resource.url, server.url('/page', 'news.example'));
    });

    test('a redirect to a loopback literal is refused', async () => {
      const before = server.hits.get('/page') ?? 0;
      const diagnostic = expectDiagnostic(await viaPublicName().fetch(server.url('/to-loopback', 'news.example')), 'private-address');
      assert.match(diagnostic.message, /^redirected to http:\/\/127\.0\.0\.1:\d+\/page: 127\.0\.0\.1 is a loopback address/);
      assert.equal(diagnostic.input, server.url('/to-loopback', 'news.example'));
      assert.equal(server.hits.get('/page') ?? 0, before);
    });

    test('a redirect to a name that resolves to loopback is refused', async () => {
      const diagnostic = expectDiagnostic(await viaPublicName().fetch(server.url('/to-localhost', 'news.example')), 'private-address');
      assert.match(diagnostic.message, /localhost resolves to 127\.0\.0\.1/);
    });
  });

  test('a host that does not resolve', async () => {
    const diagnostic = expectDiagnostic(await make().fetch('http://example.invalid/story'), 'network');
    assert.match(diagnostic.message, /could not resolve host example\.invalid/);
    assert.equal(diagnostic.input, 'http://example.invalid/story');
  });

  test('a refused connection', async () => {
    const closed = new TestServer();
    await closed.start();
    const port = closed.port;
    await closed.stop();
    const diagnostic = expectDiagnostic(await make().fetch(`http://127.0.0.1:${port}/`), 'network');
    assert.match(diagnostic.message, /connection refused by 127\.0\.0\.1:\d+/);
  });

  test('a TLS failure: https to a plain-http server', async () => {
    const diagnostic = expectDiagnostic(await make().fetch(`https://127.0.0.1:${server.port}/page`), 'network');
    assert.match(diagnostic.message, /^secure connection to 127\.0\.0\.1 failed: the TLS handshake failed/);
  });

  test('a request Node refuses to send is a diagnostic, not an exception', async () => {
    expectDiagnostic(await make({ userAgent: 'bad\nvalue' }).fetch(server.url('/page')), 'network');
  });

  test('credentials never reach a diagnostic', async () => {
    const diagnostic = expectDiagnostic(await make().fetch(`http://user:secret@127.0.0.1:${server.port}/nowhere`), 'http-status');
    assert.ok(!JSON.stringify(diagnostic).includes('secret'));
  });
});

describe('isFetchableUrl', () => {
  test('http and https only', () => {
    assert.equal(isFetchableUrl('https://example.com/a'), true);
    assert.equal(isFetchableUrl('HTTP://example.com'), true);
    assert.equal(isFetchableUrl('ftp://example.com/a'), false);
    assert.equal(isFetchableUrl('file:///etc/passwd'), false);
    assert.equal(isFetchableUrl('articles/a.html'), false);
    assert.equal(isFetchableUrl('http://'), false);
  });
});

describe('privateAddressReason', () => {
  const REFUSED = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fd12::1', 'fe80::1%eth0', 'ff02::1', '::ffff:192.168.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '2002:a00:1::1', 'not-an-ip'];
  const ALLOWED = ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '172.32.0.1', '100.128.0.1'];
  for (const address of REFUSED) test(`refuses ${address}`, () => assert.notEqual(privateAddressReason(address), null));
  for (const address of ALLOWED) test(`allows ${address}`, () => assert.equal(privateAddressReason(address), null));
});
