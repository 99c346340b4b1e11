// Idempotency-Key on every create, on both dialects: the same key twice (one after the other, or
// both at once) writes one row and replies the same status and body; the same key with another
// body is a 422 that writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../app/deps.js';
import type { Instant } from '../core/dates/index.js';
import {
  DIALECTS,
  POSTGRES_PROBLEM,
  createTestDatabase,
  type TestDatabase,
} from '../../test/dialects.js';
import type { App } from './build-server.js';
import { get, testServer, write } from './test-helpers.js';
import { hostPorts } from '../../test/factories.js';

const debt = {
  lenderName: '借呗',
  lenderType: 'small-loan',
  contractDate: '2026-01-05',
  principal: '10000.00',
  received: '9000.00',
  termMonths: 12,
  installment: '1000.00',
  method: 'equal-installment',
  rateText: '日息万五',
  firstDueDate: '2026-02-05',
  balance: '8000.00',
};

let n = 0;
const newKey = () => `test-key-${process.pid}-${++n}`;
const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });

function same(a: LightMyRequestResponse, b: LightMyRequestResponse): void {
  expect(b.statusCode).toBe(a.statusCode);
  expect(b.body).toBe(a.body);
}

for (const dialect of DIALECTS) {
  const run = dialect === 'postgres' && POSTGRES_PROBLEM !== null ? describe.skip : describe;
  run(`Idempotency-Key [${dialect}]`, () => {
    let test: TestDatabase;
    let home: string;
    let app: App;
    let lenderId = '';
    let agreementId = '';
    const count = async (url: string, field: string) =>
      ((await get(app, url)).json() as Record<string, unknown[]>)[field]!.length;

    beforeAll(async () => {
      test = await createTestDatabase(dialect);
      home = mkdtempSync(join(tmpdir(), 'xieshang-idem-'));
      let id = 0;
      const deps: Deps = {
        db: test.db,
        home,
        clock: { now: () => '2026-11-29T02:00:00.000Z' as Instant },
        ids: { next: () => `id${String(++id).padStart(6, '0')}` },
        ...hostPorts(home),
      };
      app = await testServer(deps);
    });
    afterAll(async () => {
      await app?.close();
      await test?.drop();
      rmSync(home, { recursive: true, force: true });
    });

    it('debts: the same key twice stores one debt and replays the first reply', async () => {
      const key = newKey();
      const a = await write(app, 'POST', '/api/debts', debt, keyed(key));
      expect(a.statusCode).toBe(201);
      const b = await write(app, 'POST', '/api/debts', debt, keyed(key));
      same(a, b);
      expect(b.headers['idempotent-replayed']).toBe('true');
      expect((await get(app, '/api/summary')).json().totals.debts).toBe(1);
      lenderId = a.json().lenderId ?? (await get(app, '/api/lenders')).json().lenders[0].id;
    });

    it('debts: two concurrent identical requests store one debt', async () => {
      const key = newKey();
      const other = { ...debt, lenderName: '花呗' };
      const [a, b] = await Promise.all([
        write(app, 'POST', '/api/debts', other, keyed(key)),
        write(app, 'POST', '/api/debts', other, keyed(key)),
      ]);
      expect(a.statusCode).toBe(201);
      same(a, b);
      expect((await get(app, '/api/summary')).json().totals.debts).toBe(2);
    });

    it('a reused key with another body is a 422 in Chinese and writes nothing', async () => {
      const key = newKey();
      expect(
        (await write(app, 'POST', '/api/debts', { ...debt, lenderName: '微粒贷' }, keyed(key)))
          .statusCode,
      ).toBe(201);
      const r = await write(app, 'POST', '/api/debts', { ...debt, lenderName: '美团' }, keyed(key));
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('idempotency-key-reused');
      expect(r.json().error.messageZh).toMatch(/请求标识/);
      expect((await get(app, '/api/summary')).json().totals.debts).toBe(3);
    });

    it('a malformed key is a 400 and writes nothing', async () => {
      const r = await write(
        app,
        'POST',
        '/api/debts',
        { ...debt, lenderName: '京东' },
        keyed('x'.repeat(300)),
      );
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('invalid-idempotency-key');
      expect((await get(app, '/api/summary')).json().totals.debts).toBe(3);
    });

    it('without a key every request still writes (old clients keep working)', async () => {
      const body = { occurredAt: '2026-11-20T10:30+08:00', channel: 'phone', direction: 'inbound' };
      expect((await write(app, 'POST', '/api/contacts', body)).statusCode).toBe(201);
      expect((await write(app, 'POST', '/api/contacts', body)).statusCode).toBe(201);
      expect(await count('/api/contacts', 'contacts')).toBe(2);
    });

    it('contacts: same key twice → one row, same reply; concurrent → one row', async () => {
      const body = {
        occurredAt: '2026-11-21T10:30+08:00',
        channel: 'sms',
        direction: 'inbound',
        asked: '还钱',
      };
      const key = newKey();
      const a = await write(app, 'POST', '/api/contacts', body, keyed(key));
      expect(a.statusCode).toBe(201);
      same(a, await write(app, 'POST', '/api/contacts', body, keyed(key)));
      expect(await count('/api/contacts', 'contacts')).toBe(3);
      const k2 = newKey();
      const [c, d] = await Promise.all([
        write(app, 'POST', '/api/contacts', { ...body, asked: '明天' }, keyed(k2)),
        write(app, 'POST', '/api/contacts', { ...body, asked: '明天' }, keyed(k2)),
      ]);
      same(c, d);
      expect(await count('/api/contacts', 'contacts')).toBe(4);
    });

    it('evidence: same key twice → one item, same reply; concurrent → one item', async () => {
      const upload = (key: string, text: string) => {
        const fd = new FormData();
        fd.append('kind', 'screenshot');
        fd.append('file', new Blob([new TextEncoder().encode(text)]), '截图.png');
        return write(app, 'POST', '/api/evidence', fd, keyed(key));
      };
      const key = newKey();
      const a = await upload(key, 'first screenshot');
      expect(a.statusCode).toBe(201);
      same(a, await upload(key, 'first screenshot'));
      expect(await count('/api/evidence', 'items')).toBe(1);
      const k2 = newKey();
      const [c, d] = await Promise.all([upload(k2, 'second'), upload(k2, 'second')]);
      expect(c.statusCode).toBe(201);
      same(c, d);
      expect(await count('/api/evidence', 'items')).toBe(2);
    });

    it('agreements: same key twice → one agreement, same reply; concurrent → one', async () => {
      const body = {
        lenderId,
        agreedDate: '2026-11-20',
        firstDueDate: '2026-12-05',
        monthlyAmount: '500.00',
        count: 6,
        isConfirmedInWriting: false,
      };
      const key = newKey();
      const a = await write(app, 'POST', '/api/agreements', body, keyed(key));
      expect(a.statusCode).toBe(201);
      agreementId = a.json().id;
      same(a, await write(app, 'POST', '/api/agreements', body, keyed(key)));
      expect(await count('/api/agreements', 'agreements')).toBe(1);
      const k2 = newKey();
      const later = { ...body, firstDueDate: '2027-06-05' };
      const [c, d] = await Promise.all([
        write(app, 'POST', '/api/agreements', later, keyed(k2)),
        write(app, 'POST', '/api/agreements', later, keyed(k2)),
      ]);
      same(c, d);
      expect(await count('/api/agreements', 'agreements')).toBe(2);
    });

    it('payments: same key twice → one payment (one installment paid); concurrent → one', async () => {
      const url = `/api/agreements/${agreementId}/payments`;
      const body = { paidDate: '2026-11-28', amount: '500.00' };
      const key = newKey();
      const a = await write(app, 'POST', url, body, keyed(key));
      expect(a.statusCode).toBe(201);
      same(a, await write(app, 'POST', url, body, keyed(key)));
      const k2 = newKey();
      const [c, d] = await Promise.all([
        write(app, 'POST', url, { ...body, paidDate: '2026-11-29' }, keyed(k2)),
        write(app, 'POST', url, { ...body, paidDate: '2026-11-29' }, keyed(k2)),
      ]);
      same(c, d);
      const ag = (await get(app, '/api/agreements'))
        .json()
        .agreements.find((x: { id: string }) => x.id === agreementId);
      expect(ag.paid).toBe('1000.00');
    });
  });
}
