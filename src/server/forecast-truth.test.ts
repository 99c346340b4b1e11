// A forecast that tells the truth (issue 13, item 6). Reproduces the report: balance ¥1,200,
// salary ¥4,500 on the 10th, rent and food saved without a day, a loan due on the 5th and no
// agreement yet. Before: "未来 90 天每期都能按时还上" (rent, food and the loan were left out). Now
// every budget line and the contract's dues run through the 90 days, and the first day below zero
// names the payment at risk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../test/e2e/home.js';
import type { App } from './build-server.js';
import { get, testServer, write } from './test-helpers.js';

let app: App;
let home: TestHome;
beforeAll(async () => {
  home = await openTestHome('2026-11-29T02:00:00.000Z'); // today 2026-11-29 in Shanghai
  app = await testServer(home.deps);
  expect(
    (
      await write(app, 'POST', '/api/debts', {
        lenderName: '借呗',
        lenderType: 'small-loan',
        contractDate: '2026-06-05',
        principal: '12000.00',
        termMonths: 12,
        installment: '1100.00',
        firstDueDate: '2026-07-05',
        method: 'equal-installment',
      })
    ).statusCode,
  ).toBe(201);
  const budget = await write(app, 'POST', '/api/budgets', {
    lines: [
      { kind: 'income', label: '工资', monthly: '4500.00', dayOfMonth: 10 },
      { kind: 'housing', label: '房租', monthly: '2000.00' },
      { kind: 'food', label: '吃饭', monthly: '1500.00' },
    ],
  });
  expect(budget.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await home.close();
});

describe('GET /api/forecast counts rent, food and every debt', () => {
  it('warns on the first day below zero and names the payment at risk', async () => {
    const r = await get(app, '/api/forecast?balance=1200.00&days=90');
    expect(r.statusCode).toBe(200);
    const f = r.json();
    // rent and food (no day saved → the 1st) take ¥3,500 from ¥1,200 on 12-01: rent alone
    // takes it below zero
    expect(f.firstBelowZero).toMatchObject({
      date: '2026-12-01',
      balance: '-800.00',
      cause: '房租',
      atRisk: { lender: '借呗', amount: '1100.00', dueDate: '2026-12-05' },
    });
    expect(f.firstBelowZero.messageZh).toContain('借呗');
    expect(f.warnings.length).toBeGreaterThan(0);
    expect(f.warnings[0]).toMatchObject({ lender: '借呗', dueDate: '2026-12-05' });
    expect(f.assumedDays).toEqual(['房租', '吃饭']);
  });

  it('the balance line includes rent: it does not climb by the whole salary', async () => {
    const f = (await get(app, '/api/forecast?balance=1200.00&days=90')).json();
    const last = f.days[f.days.length - 1];
    // three paydays (12-10, 1-09 Fri, 2-10) minus three months of rent+food minus three dues
    expect(Number(last.balance)).toBeLessThan(1200 + 3 * 4500 - 3 * 3500);
  });
});
