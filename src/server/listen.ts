import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

/** A server listening, with its address and the way to stop it. */
export interface RunningServer {
  /** `http://host:port/`, the port being the one actually bound (for port 0, the one the system chose). */
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections and ends idle ones; resolves when the last connection has
   * closed. Requests being answered finish first, unless {@link RunningServer.endConnections} ends them.
   */
  close(): Promise<void>;
  /** Ends every open connection at once, requests being answered too. */
  endConnections(): void;
}

/** Where to listen. */
export interface ListenOptions {
  /** 0 lets the system choose a free port. */
  readonly port: number;
  /** An address or name to bind, such as 127.0.0.1, ::1 or 0.0.0.0. */
  readonly host: string;
}

/** Whether a listening address is a loopback one (127.0.0.0/8, ::1 or localhost), reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/** A host as it is written in a URL: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * Serves a Hono app over HTTP with `@hono/node-server`. Resolves once listening; rejects with
 * the system's error (its `code` is `EADDRINUSE` when the port is taken, `EACCES` when it may
 * not be bound, `EADDRNOTAVAIL` when the host is not this machine's).
 */
export function listen(app: Hono, options: ListenOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${urlHost(options.host)}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
        endConnections: () => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        },
      });
    });
  });
}
