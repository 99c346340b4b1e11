// Budgets and plans are saved by POST and read back by GET …/latest; letters use the saved plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import type { App } from '../build-server.js';
import { crossSiteWrite, get, testServer, write } from '../test-helpers.js';

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
  { kind: 'income', label: '工资', monthly: '6000.00', dayOfMonth: 10 },
  { kind: 'housing', label: '房租', monthly: '1500.00', dayOfMonth: 5 },
  { kind: 'food', label: '吃饭', monthly: '1200.00' },
];

async function lenderId(name: string): Promise<string> {
  const ls = (await get(app, '/api/lenders')).json().lenders as { id: string; name: string }[];
  return ls.find((l) => l.name === name)!.id;
}

describe('saved budgets and plans', () => {
  it('GET /api/budgets/latest and /api/plans/latest are 404 before the first save', async () => {
    const b = await get(app, '/api/budgets/latest');
    expect(b.statusCode).toBe(404);
    expect(b.json().error).toMatchObject({ code: 'not-found', field: 'budget' });
    expect((await get(app, '/api/plans/latest')).statusCode).toBe(404);
  });

  it('a letter needing a plan says what is missing while none is saved', async () => {
    const d = await write(app, 'POST', '/api/debts', {
      lenderName: '花呗',
      lenderType: 'small-loan',
      contractDate: '2026-01-05',
      principal: '6000.00',
      termMonths: 12,
      installment: '550.00',
      rateText: '年化18%',
      firstDueDate: '2026-02-05',
      balance: '5000.00',
    });
    expect(d.statusCode).toBe(201);
    const r = await get(app, `/api/letters/request?lenderId=${await lenderId('花呗')}&format=md`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('plan');
  });

  it('POST /api/budgets saves a new version each time; GET …/latest returns the newest', async () => {
    const first = await write(app, 'POST', '/api/budgets', { lines, buffer: '300.00' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, capacity: '3000.00' });
    const second = await write(app, 'POST', '/api/budgets', {
      lines: [...lines, { kind: 'phone', label: '话费', monthly: '100.00' }],
      buffer: '300.00',
    });
    expect(second.json()).toMatchObject({ version: 2, capacity: '2900.00' });
    const latest = await get(app, '/api/budgets/latest');
    expect(latest.statusCode).toBe(200);
    expect(latest.json()).toEqual(second.json());
    expect(latest.json().lines[0]).toMatchObject({ kind: 'income', dayOfMonth: 10 });
  });

  it('POST /api/budgets with bad input saves nothing', async () => {
    const r = await write(app, 'POST', '/api/budgets', {
      lines: [{ kind: 'income', label: '', monthly: '1.00' }],
    });
    expect(r.statusCode).toBe(400);
    expect((await get(app, '/api/budgets/latest')).json().version).toBe(2);
  });

  it('a cross-site POST /api/budgets is refused before anything is saved', async () => {
    const r = await crossSiteWrite(app, 'POST', '/api/budgets', { lines, buffer: '0.00' });
    expect(r.statusCode).toBe(403);
    expect((await get(app, '/api/budgets/latest')).json().version).toBe(2);
  });

  it('POST /api/plans saves the plan; GET …/latest returns it; the letter uses it', async () => {
    const p = await write(app, 'POST', '/api/plans', { capacity: '500.00', maxTerm: 36 });
    expect(p.statusCode).toBe(200);
    expect(p.json().id).not.toBeNull();
    expect(p.json().proposals[0]).toMatchObject({ lender: '花呗', monthlyPayment: '500.00' });
    const latest = await get(app, '/api/plans/latest');
    expect(latest.json()).toEqual(p.json());

    const again = await write(app, 'POST', '/api/plans', { capacity: '400.00', maxTerm: 36 });
    expect((await get(app, '/api/plans/latest')).json().id).toBe(again.json().id);

    const id = await lenderId('花呗');
    const letter = await get(app, `/api/letters/request?lenderId=${id}&format=md`);
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain('¥400.00');
    // an explicit ?plan= (older clients) still wins
    const plan = JSON.stringify({
      monthlyPayment: '321.00',
      installments: 16,
      firstDueOn: '2027-01-01',
      endOn: '2028-04-01',
      totalPaid: '5136.00',
    });
    const old = await get(
      app,
      `/api/letters/request?lenderId=${id}&format=md&plan=${encodeURIComponent(plan)}`,
    );
    expect(old.body).toContain('¥321.00');
  });
});
