// /api/plans says when a plan is feasible but unlikely to be accepted, which rates it assumed,
// the saved plan's own settings, and whether the budget changed since (issue 13 item 7); and
// /api/debts says what each true APR was computed from (issue 13 item 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import type { App } from '../build-server.js';
import { get, testServer, write } from '../test-helpers.js';

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

const lines = [
  { kind: 'income', label: '工资', monthly: '6000.00' },
  { kind: 'housing', label: '房租', monthly: '5400.00' },
];

describe('plans a lender would accept, over the API', () => {
  it('true APR basis: the typed installments, not the quoted rate; a card gets card terms', async () => {
    const loan = await write(app, 'POST', '/api/debts', {
      lenderName: '某网贷',
      lenderType: 'small-loan',
      contractDate: '2026-01-05',
      principal: '20000.00',
      received: '19000.00',
      termMonths: 12,
      installment: '1950.00',
      firstDueDate: '2026-02-05',
      rateText: '年化28%',
    });
    expect(loan.statusCode).toBe(201);
    expect(loan.json()).toMatchObject({
      aprBasis: 'installments',
      aprBasisLabel: { zh: '按您填写的每期还款计算' },
    });
    expect(loan.json().nominalApr).toBeGreaterThan(0.39);
    const card = await write(app, 'POST', '/api/debts', {
      lenderName: '某银行',
      lenderType: 'bank',
      kind: 'credit-card',
      principal: '12000.00',
      balance: '12000.00',
      termMonths: 12,
      cardInstallmentFee: '0.6%',
      statementDay: 8,
      minimumPayment: '1200.00',
    });
    expect(card.statusCode).toBe(201);
    expect(card.json()).toMatchObject({ aprBasis: 'card-terms', verdict: { level: 'ok' } });
    expect(card.json().nominalApr).toBeCloseTo(0.1303, 4);
    const summary = (await get(app, '/api/summary')).json();
    expect(summary.lenders.find((l: { name: string }) => l.name === '某网贷').aprBases).toEqual([
      'installments',
    ]);
  });

  it('a long plan is "unlikely-accepted" with the exact monthly total that brings it back', async () => {
    expect((await write(app, 'POST', '/api/budgets', { lines, buffer: '0.00' })).statusCode).toBe(
      200,
    );
    const r = await write(app, 'POST', '/api/plans', {
      capacity: '600.00',
      strategy: 'pro-rata-balance',
      concession: 'freeze-interest',
      maxTerm: 120,
    });
    expect(r.statusCode).toBe(200);
    const p = r.json();
    expect(p.feasible).toBe(true);
    expect(p.status).toBe('unlikely-accepted');
    expect(p.acceptanceFix.messageZh).toContain('大概率不会接受');
    expect(p.settings).toEqual({
      strategy: 'pro-rata-balance',
      concession: 'freeze-interest',
      maxTerm: 120,
      capacity: '600.00',
    });
    expect(p.strategyRule.zh).toContain('比例');
    expect(p.budget).toEqual({ latestCapacity: '600.00', changedSincePlan: false });
  });

  it('after a new budget, the saved plan keeps its settings and says the budget changed', async () => {
    await write(app, 'POST', '/api/budgets', {
      lines: [...lines.slice(0, 1), { kind: 'housing', label: '房租', monthly: '4000.00' }],
      buffer: '0.00',
    });
    const p = (await get(app, '/api/plans/latest')).json();
    expect(p.settings.capacity).toBe('600.00');
    expect(p.budget).toEqual({ latestCapacity: '2000.00', changedSincePlan: true });
  });
});
