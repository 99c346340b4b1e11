// GET /api/this-month (本月要还, issue 13 item 5): agreement installments, contract dues and overdue
// balances in the next 30 days with what is paid, and one standing per lender from the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../test/e2e/home.js';
import type { App } from './build-server.js';
import { get, testServer, write } from './test-helpers.js';

let app: App;
let home: TestHome;
const ids: Record<string, string> = {};
beforeAll(async () => {
  home = await openTestHome('2026-11-29T02:00:00.000Z'); // today 2026-11-29
  app = await testServer(home.deps);
  const debt = (lenderName: string, extra: Record<string, unknown>) =>
    write(app, 'POST', '/api/debts', {
      lenderName,
      lenderType: 'small-loan',
      contractDate: '2026-06-05',
      principal: '12000.00',
      termMonths: 12,
      ...extra,
    });
  expect(
    (await debt('借呗', { installment: '1100.00', firstDueDate: '2026-07-05' })).statusCode,
  ).toBe(201);
  expect((await debt('花呗', { overdue: '300.00' })).statusCode).toBe(201);
  expect(
    (await debt('微粒贷', { installment: '500.00', firstDueDate: '2026-07-20' })).statusCode,
  ).toBe(201);
  expect((await debt('美团', {})).statusCode).toBe(201);
  for (const l of (await get(app, '/api/lenders')).json().lenders as { id: string; name: string }[])
    ids[l.name] = l.id;
  // 微粒贷: an agreement of 400 a month from 12-10, the first paid in part
  const ag = await write(app, 'POST', '/api/agreements', {
    lenderId: ids['微粒贷'],
    agreedDate: '2026-11-20',
    firstDueDate: '2026-12-10',
    monthlyAmount: '400.00',
    count: 6,
  });
  expect(ag.statusCode).toBe(201);
  expect(
    (
      await write(app, 'POST', `/api/agreements/${ag.json().id}/payments`, {
        paidDate: '2026-11-28',
        amount: '150.00',
      })
    ).statusCode,
  ).toBe(201);
  // 花呗: a call logged; 美团: a complaint sent
  expect(
    (
      await write(app, 'POST', '/api/contacts', {
        lenderId: ids['花呗'],
        occurredAt: '2026-11-20T10:30+08:00',
        channel: 'phone',
        direction: 'outbound',
      })
    ).statusCode,
  ).toBe(201);
  // a complaint rests on something that happened: a logged call from 美团 first
  expect(
    (
      await write(app, 'POST', '/api/contacts', {
        lenderId: ids['美团'],
        occurredAt: '2026-11-21T22:30+08:00',
        channel: 'phone',
        direction: 'inbound',
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (
      await write(app, 'POST', '/api/escalations', {
        lenderId: ids['美团'],
        channel: 'nfra-12378',
        sentDate: '2026-11-25',
      })
    ).statusCode,
  ).toBe(201);
});
afterAll(async () => {
  await app.close();
  await home.close();
});

describe('GET /api/this-month', () => {
  it('lists every amount due in the next 30 days with what is paid', async () => {
    const r = await get(app, '/api/this-month');
    expect(r.statusCode).toBe(200);
    const m = r.json();
    expect(m.endDate).toBe('2026-12-28');
    const rows = (
      m.items as { lender: string; source: string; dueDate: string; amount: string; paid: string }[]
    ).map((i) => [i.lender, i.source, i.dueDate, i.amount, i.paid]);
    expect(rows).toEqual([
      ['花呗', 'overdue', '2026-11-29', '300.00', '0.00'],
      ['借呗', 'contract', '2026-12-05', '1100.00', '0.00'],
      ['微粒贷', 'agreement', '2026-12-10', '400.00', '150.00'],
    ]);
    expect(m.totals).toEqual({ due: '1800.00', paid: '150.00', remaining: '1650.00' });
  });

  it('gives one standing per lender, derived from the log', async () => {
    const m = (await get(app, '/api/this-month')).json();
    const standing = Object.fromEntries(
      (m.lenders as { lender: string; labelZh: string }[]).map((l) => [l.lender, l.labelZh]),
    );
    expect(standing).toEqual({ 借呗: '未联系', 花呗: '协商中', 微粒贷: '已达成', 美团: '投诉中' });
  });
});
