// Composition root of the HTTP server: build, listen, and stop cleanly on SIGINT/SIGTERM.
import { buildServer, type App, type ServerOptions } from './build-server.js';
import type { ServerDeps } from './server-deps.js';

export interface ListenOptions {
  port: number;
  host: string;
}

/** Starts listening; returns the app and the URL to open. */
export async function startServer(
  deps: ServerDeps,
  opts: ServerOptions & ListenOptions,
): Promise<{ app: App; url: string }> {
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(opts.host);
  const allowedHosts =
    opts.allowedHosts ??
    (loopback ? ['127.0.0.1', 'localhost', '[::1]'] : [opts.host, '127.0.0.1', 'localhost']);
  const app = await buildServer(deps, { ...opts, allowedHosts });
  await app.listen({ port: opts.port, host: opts.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : opts.port;
  const shown =
    opts.host === '0.0.0.0' || opts.host === '::'
      ? '127.0.0.1'
      : opts.host.includes(':')
        ? `[${opts.host}]`
        : opts.host;
  return { app, url: `http://${shown}:${port}/` };
}

/** Resolves on Ctrl+C or SIGTERM, so the caller can close the server and the database. */
export function untilStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
