import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../test/e2e/home.js';
import type { App } from './build-server.js';
import { anonymousGet, crossSiteWrite, get, testServer, write } from './test-helpers.js';

let app: App;
let home: TestHome;
let web: string;

beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'xs-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>协商</title><div id="root"></div>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(web, '..', 'secret.txt'), 'do not serve');
  home = await openTestHome();
  app = await testServer(home.deps, { webRoot: web });
});
afterAll(async () => {
  await app.close();
  await home.close();
});

describe('security frame', () => {
  it('serves the page with secure headers but no session: fetching / signs nobody in', async () => {
    const r = await anonymousGet(app, '/');
    expect(r.statusCode).toBe(200);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect((await anonymousGet(app, '/debts')).headers['set-cookie']).toBeUndefined();
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('marks API replies as data: nothing may load or frame them, no cache keeps them', async () => {
    const r = await get(app, '/api/summary');
    expect(r.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('serves the web app for client-side routes and assets, never outside its root', async () => {
    expect((await get(app, '/debts')).body).toContain('协商');
    expect((await get(app, '/assets/app.js')).statusCode).toBe(200);
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const r = await get(app, url);
      expect([400, 404], url).toContain(r.statusCode);
      expect(r.body).not.toContain('do not serve');
    }
  });

  it('refuses a cross-site write with 403 before validating the body', async () => {
    const r = await crossSiteWrite(app, 'POST', '/api/apr', { not: 'valid' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('forbidden');
  });

  it('refuses a write without the session cookie even from the same origin', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/apr',
      headers: { host: '127.0.0.1:4170', origin: 'http://127.0.0.1:4170' },
      payload: {},
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.details.reason).toBe('session');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { host: 'evil.example' },
    });
    expect(r.statusCode).toBe(403);
  });

  it('answers unknown API routes with a 404 error body', async () => {
    const r = await get(app, '/api/nope');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('not-found');
  });

  it('serves the OpenAPI document with the calculator routes', async () => {
    const r = await get(app, '/api/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = r.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/apr');
    expect(Object.keys(doc.paths['/api/debts/{id}'] as object).sort()).toEqual([
      'delete',
      'get',
      'patch',
    ]);
  });

  it('rejects malformed JSON with 400 invalid-json', async () => {
    const r = await write(app, 'POST', '/api/apr', '{"cashflows":', {
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('invalid-json');
  });

  it('rejects an oversized JSON body with 413', async () => {
    const big = JSON.stringify({ cashflows: 'x'.repeat(3 * 1024 * 1024) });
    const r = await write(app, 'POST', '/api/apr', big, {
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('input-too-large');
  });
});
