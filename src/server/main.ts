// Composition root of the HTTP server: build, listen, and stop cleanly on SIGINT/SIGTERM.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Access } from './access.js';
import { buildServer, type App, type ServerOptions } from './build-server.js';
import { allowedHostsFor, hostForm, isLoopback, lanAddresses } from './network.js';
import type { ServerDeps } from './server-deps.js';

export interface ListenOptions {
  port: number;
  host: string;
}

/** The file in the home holding the current launch URL (0600), for when the terminal is gone. */
export const TOKEN_FILE = 'serve-token.json';

export interface StartedServer {
  app: App;
  /** the base URL, without a token */
  url: string;
  /** the URL with the one-time launch token: opening it signs this browser in */
  launchUrl: string;
  access: Access;
  /** network mode: the URLs other devices open (pairing page), one per LAN address */
  lanUrls: string[];
  /** builds the launch URL for a token (after it rotates) */
  launchUrlFor(token: string): string;
  /** the pairing page URL with a code filled in (for the QR code) */
  pairUrlFor(code: string, base?: string): string;
}

/** Starts listening; returns the app, the URL to open and (network mode) the pairing URLs. */
export async function startServer(
  deps: ServerDeps,
  opts: ServerOptions & ListenOptions,
): Promise<StartedServer> {
  const network = !isLoopback(opts.host);
  const allowedHosts = opts.allowedHosts ?? allowedHostsFor(opts.host);
  const access = opts.access ?? new Access(network, opts.sessionSecret);
  const app = await buildServer(deps, { ...opts, allowedHosts, access });
  const tokenFile = join(deps.home, TOKEN_FILE);
  app.addHook('onClose', async () => {
    rmSync(tokenFile, { force: true });
  });
  await app.listen({ port: opts.port, host: opts.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : opts.port;
  const scheme = opts.https ? 'https' : 'http';
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : hostForm(opts.host);
  const url = `${scheme}://${shown}:${port}/`;
  const launchUrlFor = (token: string) => `${url}?token=${encodeURIComponent(token)}`;
  const lanUrls = !network
    ? []
    : opts.host === '0.0.0.0' || opts.host === '::'
      ? lanAddresses()
          .filter((a) => opts.host === '::' || !a.includes(':'))
          .map((a) => `${scheme}://${hostForm(a)}:${port}/`)
      : [url];

  // the launch URL also sits in the home, readable by its owner only, as Jupyter's runtime file
  const writeTokenFile = (token: string) => {
    try {
      rmSync(tokenFile, { force: true });
      writeFileSync(
        tokenFile,
        JSON.stringify({ url: launchUrlFor(token), pid: process.pid }, null, 2) + '\n',
        { mode: 0o600, flag: 'wx' },
      );
    } catch {
      /* the printed URL still works; a read-only home must not stop the server */
    }
  };
  writeTokenFile(access.launchToken);
  const tokenRotated = access.events.tokenRotated;
  access.events.tokenRotated = (token) => {
    writeTokenFile(token);
    tokenRotated?.(token);
  };

  return {
    app,
    url,
    launchUrl: launchUrlFor(access.launchToken),
    access,
    lanUrls,
    launchUrlFor,
    pairUrlFor: (code, base = lanUrls[0] ?? url) => `${base}pair?code=${code}`,
  };
}

/** Resolves on Ctrl+C or SIGTERM, so the caller can close the server and the database. */
export function untilStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
