import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import type { App } from '../build-server.js';
import { get, testServer, write } from '../test-helpers.js';

// the test home's clock is 2026-11-29 (Beijing time)
describe('PATCH/DELETE /api/agreements/:id and its payments, with undo', () => {
  let app: App;
  let home: TestHome;
  let id = '';
  const table = (t: string) =>
    home.deps.db
      .selectFrom(t as 'agreements')
      .selectAll()
      .execute();
  const view = async () =>
    ((await get(app, '/api/agreements')).json().agreements as Record<string, unknown>[]).find(
      (a) => a['id'] === id,
    );

  beforeAll(async () => {
    home = await openTestHome();
    app = await testServer(home.deps);
    const debt = await write(app, 'POST', '/api/debts', {
      lenderName: '借呗',
      lenderType: 'small-loan',
      contractDate: '2025-01-10',
      principal: '10000.00',
      received: '10000.00',
      rateText: '年化18%',
      termMonths: 12,
    });
    expect(debt.statusCode).toBe(201);
    const lenderId = (await get(app, '/api/lenders')).json().lenders[0].id as string;
    const r = await write(app, 'POST', '/api/agreements', {
      lenderId,
      agreedDate: '2026-11-01',
      firstDueDate: '2026-11-15',
      monthlyAmount: '500.00',
      count: 6,
      isConfirmedInWriting: true,
    });
    expect(r.statusCode).toBe(201);
    id = r.json().id as string;
    expect(r.json()).toMatchObject({
      firstDueDate: '2026-11-15',
      monthlyAmount: '500.00',
      count: 6,
      payments: [],
    });
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  it('edits the terms: installments rebuilt, the payment matched again', async () => {
    const paid = await write(app, 'POST', `/api/agreements/${id}/payments`, {
      paidDate: '2026-11-20',
      amount: '600.00',
    });
    expect(paid.statusCode).toBe(201);
    const r = await write(app, 'PATCH', `/api/agreements/${id}`, {
      monthlyAmount: '400.00',
      count: 5,
      notes: '第二次协商后改为每期 400',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      total: '2000.00',
      paid: '600.00',
      monthlyAmount: '400.00',
      count: 5,
      notes: '第二次协商后改为每期 400',
    });
    expect(r.json().installments.map((i: { paid: string }) => i.paid)).toEqual([
      '400.00',
      '200.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('a bad edit is 400 naming the field in Chinese and writes nothing; unknown ids are 404', async () => {
    const before = await view();
    const late = await write(app, 'PATCH', `/api/agreements/${id}`, {
      agreedDate: '2026-11-25',
      firstDueDate: '2026-12-05',
    });
    expect(late.statusCode).toBe(400);
    // a payment is recorded on 2026-11-20
    expect(late.json().error.messageZh).toMatch(/^达成日期：已记录 2026-11-20 的还款/);
    const zero = await write(app, 'PATCH', `/api/agreements/${id}`, { monthlyAmount: '0' });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.messageZh).toContain('每期金额');
    const empty = await write(app, 'PATCH', `/api/agreements/${id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.messageZh).toContain('没有要修改的内容');
    expect(await view()).toEqual(before);
    expect((await write(app, 'PATCH', '/api/agreements/nope', { count: 2 })).statusCode).toBe(404);
    expect((await write(app, 'DELETE', '/api/agreements/nope')).statusCode).toBe(404);
  });

  it('edits a payment, refuses a future date (400, 还款日期/日期 named) and an unknown payment (404)', async () => {
    const pid = ((await view())!['payments'] as { id: string }[])[0]!.id;
    const r = await write(app, 'PATCH', `/api/agreements/${id}/payments/${pid}`, {
      amount: '400.00',
      note: '银行流水更正',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      paid: '400.00',
      payments: [{ id: pid, amount: '400.00', paidDate: '2026-11-20', note: '银行流水更正' }],
    });
    const future = await write(app, 'PATCH', `/api/agreements/${id}/payments/${pid}`, {
      paidDate: '2026-12-30',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.messageZh).toMatch(/日期：/);
    expect(future.json().error.messageZh).not.toContain('date');
    const missing = await write(app, 'PATCH', `/api/agreements/${id}/payments/nope`, {
      amount: '1.00',
    });
    expect(missing.statusCode).toBe(404);
    expect((await view())!['paid']).toBe('400.00');
  });

  it('deletes a payment and undo brings it back', async () => {
    const pid = ((await view())!['payments'] as { id: string }[])[0]!.id;
    const del = await write(app, 'DELETE', `/api/agreements/${id}/payments/${pid}`);
    expect(del.statusCode).toBe(200);
    expect((await view())!['payments']).toEqual([]);
    expect((await view())!['paid']).toBe('0.00');
    const undo = await write(app, 'POST', `/api/undo/${del.json().undoId}`, {});
    expect(undo.json()).toEqual({ ok: true, kind: 'payment', id: pid });
    expect((await view())!['paid']).toBe('400.00');
  });

  it('deletes the agreement with everything under it; undo restores it exactly', async () => {
    const before = await view();
    const del = await write(app, 'DELETE', `/api/agreements/${id}`);
    expect(del.statusCode).toBe(200);
    expect(await view()).toBeUndefined();
    for (const t of ['agreement_installments', 'agreement_payments', 'agreement_allocations'])
      expect(await table(t)).toEqual([]);
    const undo = await write(app, 'POST', `/api/undo/${del.json().undoId}`, {});
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toEqual({ ok: true, kind: 'agreement', id });
    expect(await view()).toEqual(before);
  });
});
