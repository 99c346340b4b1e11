// Helpers for inject() tests: a server where TEST_SECRET is a valid session from the start, and
// requests as the signed-in web app sends them (the cookie on every request, same-origin writes).
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer, type App, type ServerOptions } from './build-server.js';
import { SESSION_COOKIE } from './security.js';
import type { ServerDeps } from './server-deps.js';

export const TEST_SECRET = 'test-secret-0123456789';

export async function testServer(deps: ServerDeps, opts: ServerOptions = {}): Promise<App> {
  const app = await buildServer(deps, { sessionSecret: TEST_SECRET, ...opts });
  await app.ready();
  return app;
}

/** A same-origin write as the web app sends it. */
export function write(
  app: App,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  extra: Partial<InjectOptions> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: {
      host: '127.0.0.1:4170',
      origin: 'http://127.0.0.1:4170',
      'sec-fetch-site': 'same-origin',
      cookie: `${SESSION_COOKIE}=${TEST_SECRET}`,
      ...extra.headers,
    },
    ...(payload === undefined ? {} : { payload: payload as NonNullable<InjectOptions['payload']> }),
  });
}

/** A cross-site write: another site's page posting to us with the victim's cookie. */
export function crossSiteWrite(
  app: App,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload: unknown = { junk: true },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: {
      host: '127.0.0.1:4170',
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
      cookie: `${SESSION_COOKIE}=${TEST_SECRET}`,
    },
    payload: payload as NonNullable<InjectOptions['payload']>,
  });
}

/** A read as the signed-in web app sends it (reads need the session too). */
export function get(
  app: App,
  url: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'GET',
    url,
    headers: { host: '127.0.0.1:4170', cookie: `${SESSION_COOKIE}=${TEST_SECRET}`, ...headers },
  });
}

/** A read without any session: what another user of the computer, or a page, would send. */
export function anonymousGet(app: App, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { host: '127.0.0.1:4170' } });
}
