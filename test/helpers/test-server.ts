import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route's answer. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A local server on 127.0.0.1 whose routes the tests define. It counts hits per path and
 * requests in flight, and keeps the last User-Agent and the If-None-Match each path was sent.
 * An unknown path is a 404 whose body must never show up in a message.
 */
export class TestServer {
  readonly hits = new Map<string, number>();
  readonly validators = new Map<string, string | undefined>();
  userAgent = '';
  active = 0;
  maxActive = 0;
  port = 0;
  private readonly routes = new Map<string, Handler>();
  private readonly server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    this.validators.set(path, request.headers['if-none-match']);
    this.userAgent = request.headers['user-agent'] ?? '';
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    response.on('close', () => this.active--);
    const handler = this.routes.get(path);
    if (handler === undefined) response.writeHead(404, { 'content-type': 'text/plain' }).end('secret body text');
    else handler(request, response);
  });

  route(path: string, handler: Handler): this {
    this.routes.set(path, handler);
    return this;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** Forgets routes and counts, for the next test. */
  reset(): void {
    this.routes.clear();
    this.hits.clear();
    this.validators.clear();
    this.maxActive = 0;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
