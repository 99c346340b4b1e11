// GET /api/debts gives back a credit card's own terms (so the web's edit form starts from them)
// and /api/summary says how many of a lender's debts have no balance (shown as "未填", not ¥0.00).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import type { DebtView, Summary } from '../../contracts/index.js';
import type { App } from '../build-server.js';
import { get, testServer, write } from '../test-helpers.js';

describe('card terms and unknown balances on the wire', () => {
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

  it('returns the card fields as typed and counts the debts without a balance per lender', async () => {
    const card = await write(app, 'POST', '/api/debts', {
      lenderName: '招商银行信用卡',
      lenderType: 'bank',
      kind: 'credit-card',
      principal: '30000.00',
      balance: '30000.00',
      statementDay: 5,
      minimumPayment: '1500.00',
      cardInstallmentFee: '0.6%',
    });
    expect(card.statusCode, card.body).toBe(201);
    const loan = await write(app, 'POST', '/api/debts', {
      lenderName: '某助贷平台',
      lenderType: 'guarantee-platform',
      contractDate: '2025-03-01',
      principal: '6000.00',
      lenderOfRecord: '某某消费金融有限公司',
      guarantor: '某某融资担保有限公司',
    });
    expect(loan.statusCode, loan.body).toBe(201);
    const debts = (await get(app, '/api/debts')).json().debts as DebtView[];
    expect(debts.find((d) => d.id === card.json().id)).toMatchObject({
      kind: 'credit-card',
      statementDay: 5,
      minimumPayment: '1500.00',
      cardInstallmentFee: '0.6%',
    });
    expect(debts.find((d) => d.id === loan.json().id)).toMatchObject({
      kind: 'loan',
      balance: null,
      lenderOfRecord: '某某消费金融有限公司',
      guarantor: '某某融资担保有限公司',
      statementDay: null,
      minimumPayment: null,
      cardInstallmentFee: null,
    });
    const s = (await get(app, '/api/summary')).json() as Summary;
    expect(s.totals).toMatchObject({ debts: 2, debtsWithoutBalance: 1, balance: '30000.00' });
    expect(Object.fromEntries(s.lenders.map((l) => [l.name, l.debtsWithoutBalance]))).toEqual({
      招商银行信用卡: 0,
      某助贷平台: 1,
    });
  });
});
