import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import type { App } from '../build-server.js';
import { get as signedInGet, testServer, write } from '../test-helpers.js';
import { acceptsGzip } from './case-views.js';

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['*', true],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
    [['deflate', 'gzip'], true],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('GET /api/summary encodings', () => {
  let app: App;
  let home: TestHome;
  beforeAll(async () => {
    home = await openTestHome();
    app = await testServer(home.deps);
    const r = await write(app, 'POST', '/api/debts', {
      lenderName: '借呗',
      lenderType: 'small-loan',
      contractDate: '2025-01-10',
      principal: '10000.00',
      received: '9000.00',
      rateText: '日息万五',
      termMonths: 12,
    });
    expect(r.statusCode).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  it('sends the same JSON gzipped when the client accepts gzip, plain otherwise', async () => {
    const get = (enc?: string) =>
      signedInGet(app, '/api/summary', enc === undefined ? {} : { 'accept-encoding': enc });
    const plain = await get();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.json().totals.debts).toBe(1);
    const zipped = await get('gzip, deflate, br');
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/^application\/json/);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    const refused = await get('gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });
});

describe('DELETE /api/debts/:id and POST /api/undo/:undoId', () => {
  let app: App;
  let home: TestHome;
  beforeAll(async () => {
    home = await openTestHome();
    app = await testServer(home.deps);
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  it('deletes with an undo id; undo brings the debt back once, then answers 409', async () => {
    const created = await write(app, 'POST', '/api/debts', {
      lenderName: '分期乐',
      lenderType: 'small-loan',
      contractDate: '2025-03-01',
      principal: '6000.00',
      received: '6000.00',
      rateText: '年化24%',
      termMonths: 12,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const del = await write(app, 'DELETE', `/api/debts/${id}`);
    expect(del.statusCode).toBe(200);
    const undoId = del.json().undoId as string;
    expect(typeof undoId).toBe('string');
    expect((await signedInGet(app, '/api/debts')).json().debts).toEqual([]);
    const undone = await write(app, 'POST', `/api/undo/${undoId}`, {});
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toEqual({ ok: true, kind: 'debt', id });
    const after = (await signedInGet(app, '/api/debts')).json().debts as { id: string }[];
    expect(after.map((d) => d.id)).toEqual([id]);
    const again = await write(app, 'POST', `/api/undo/${undoId}`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.messageZh).toContain('已经撤销');
  });
});
