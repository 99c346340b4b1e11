// Money has limits everywhere (issue 14 item 1). Every money field of every write route and command
// gets amounts up to and past the limits (core/money: MAX_AMOUNT_CENTS per field,
// MAX_CASE_TOTAL_CENTS per case). A write answers 2xx or a 400 / exit 1 naming the field with
// nothing saved — never a 500 / exit 2 — and afterwards summary, debts, plan, letters and backup
// still work. Also: a case that already holds amounts above the limit (stored before it existed)
// still lists, sums, plans and lets the user delete.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCase } from '../src/app/cases.js';
import { MAX_AMOUNT_CENTS, MAX_CASE_TOTAL_CENTS } from '../src/core/money/index.js';
import { caseRecordedTotal } from '../src/db/repositories/case-money-repository.js';
import { createDebtRepository } from '../src/db/repositories/debt-repository.js';
import type { App } from '../src/server/build-server.js';
import { get, testServer, write } from '../src/server/test-helpers.js';
import { runCli } from './cli-harness.js';
import { openTestHome, type TestHome } from './e2e/home.js';
import { debtData, makeLender } from './factories.js';

const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
const MAX = BigInt(MAX_AMOUNT_CENTS);

/** Amounts around the limits: small, just inside, exactly at, just past, far past (13 digits). */
const amount = fc.oneof(
  fc.constantFrom(MAX, MAX + 1n, MAX - 1n, 999_999_999_999_999n, 1n, 100n),
  fc.bigInt({ min: 1n, max: 2n * MAX }),
  fc.bigInt({ min: 1n, max: 10_000_000n }),
);
const isOver = (fen: bigint) => fen > MAX;

const TABLES = [
  'debts',
  'debt_fees',
  'debt_payments',
  'agreements',
  'agreement_payments',
  'budgets',
  'plans',
] as const;

describe('money limits on every write (HTTP and CLI)', () => {
  let home: TestHome;
  let app: App;
  let lenderId: string;
  const env = () => ({ XIESHANG_HOME: home.home, HOME: home.home });

  const counts = async () => {
    const out: number[] = [];
    for (const t of TABLES)
      out.push(
        Number(
          (
            await home.deps.db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    return out.join(',');
  };

  /** One write: 2xx, or 400 with nothing saved; an amount past the limit is never accepted. */
  const http = async (
    method: 'POST' | 'PATCH',
    url: string,
    body: unknown,
    amounts: bigint[],
  ): Promise<{ ok: boolean; json: () => any }> => {
    const before = await counts();
    const r = await write(app, method, url, body);
    expect(r.statusCode, `${method} ${url} ${r.body}`).toBeLessThan(500);
    if (r.statusCode >= 400) {
      expect(r.statusCode, r.body).toBe(400);
      const e = r.json().error;
      expect(typeof e.field, r.body).toBe('string');
      expect(e.messageZh, r.body).toBeTruthy();
      expect(await counts()).toBe(before);
    } else expect(amounts.some(isOver), `accepted an amount past the limit: ${r.body}`).toBe(false);
    return { ok: r.statusCode < 400, json: () => r.json() };
  };

  const cli = async (args: string[], amounts: bigint[], stdin?: string) => {
    const before = await counts();
    const r = await runCli(args, { env: env(), cwd: home.home, ...(stdin ? { stdin } : {}) });
    expect(r.code, `${args.join(' ')}: ${r.err}`).not.toBe(2);
    if (r.code !== 0) expect(await counts()).toBe(before);
    else expect(amounts.some(isOver), `accepted past the limit: ${args.join(' ')}`).toBe(false);
    return r;
  };

  /** Everything that reads money still works. */
  const readsWork = async () => {
    // a plan first: the request letter needs a saved one, and the writes above may all have been
    // refused (then no plan was saved yet in this run)
    const plan = await write(app, 'POST', '/api/plans', { capacity: '3000.00' });
    expect(plan.statusCode, plan.body).toBe(200);
    for (const url of [
      '/api/summary',
      '/api/debts',
      '/api/agreements',
      `/api/letters/ledger-request?lenderId=${lenderId}&format=md`,
      `/api/letters/request?lenderId=${lenderId}&format=html`,
      '/api/backup',
    ]) {
      const r = await get(app, url);
      expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    }
    const s = await runCli(['summary'], { env: env(), cwd: home.home });
    expect(s.code, s.err).toBe(0);
    const c = await resolveCase(home.deps);
    expect(await caseRecordedTotal(home.deps.db, c.id)).toBeLessThanOrEqual(
      BigInt(MAX_CASE_TOTAL_CENTS),
    );
  };

  beforeAll(async () => {
    home = await openTestHome();
    app = await testServer(home.deps);
    const r = await write(app, 'POST', '/api/debts', {
      lenderName: '测试银行',
      lenderType: 'bank',
      contractDate: '2024-01-05',
      principal: '10000.00',
      rateText: '年化18%',
      termMonths: 12,
    });
    expect(r.statusCode, r.body).toBe(201);
    lenderId = r.json().lenderId;
  });
  afterAll(async () => {
    await app?.close();
    await home?.close();
  });

  it('property: amounts up to and past the limits never break a case', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(amount, { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 120 }),
        async (a, count) => {
          n += 1;
          const [p, inst, bal, od, patchBal, ld, fee, pay, monthly, buffer, cap, agr] = a as [
            bigint,
            bigint,
            bigint,
            bigint,
            bigint,
            bigint,
            bigint,
            bigint,
            bigint,
            bigint,
            bigint,
            bigint,
          ];
          // debts over HTTP: every money field
          const d = await http(
            'POST',
            '/api/debts',
            {
              lenderName: '测试银行',
              contractDate: '2024-01-05',
              principal: yuan(p),
              installment: yuan(inst),
              balance: yuan(bal),
              overdue: yuan(od),
              rateText: '日息万五',
              termMonths: 12,
            },
            [p, inst, bal, od],
          );
          if (d.ok)
            await http('PATCH', `/api/debts/${d.json().id}`, { balance: yuan(patchBal) }, [
              patchBal,
            ]);
          // debts from the CLI, with a fee and a payment
          await cli(
            [
              'debt',
              'add',
              '--lender',
              '测试银行',
              '--contract-number',
              `P-${n}`,
              '--contract-date',
              '2024-01-05',
              '--principal',
              yuan(p),
              '--liquidated-damages',
              yuan(ld),
              '--fee',
              `担保费:${yuan(fee)}:2024-01-05:前置`,
              '--payment',
              `2024-02-05:${yuan(pay)}`,
            ],
            [p, ld, fee, pay],
          );
          // budget lines and buffer, plan capacity
          await http(
            'POST',
            '/api/budgets',
            {
              lines: [
                { kind: 'income', label: '工资', monthly: yuan(monthly) },
                { kind: 'fixed', label: '房租', monthly: yuan(monthly) },
              ],
              buffer: yuan(buffer),
            },
            [monthly, buffer],
          );
          await http('POST', '/api/plans', { capacity: yuan(cap) }, [cap]);
          // agreements: per installment, the total (count × amount) and a payment
          const ag = await http(
            'POST',
            '/api/agreements',
            {
              lenderId,
              agreedDate: '2026-11-01',
              firstDueDate: '2026-12-01',
              monthlyAmount: yuan(agr),
              count,
            },
            [agr, agr * BigInt(count)],
          );
          if (ag.ok)
            await http(
              'POST',
              `/api/agreements/${ag.json().id}/payments`,
              { paidDate: '2026-11-20', amount: yuan(pay) },
              [pay],
            );
          await cli(
            ['agreement', 'add', '--lender', '测试银行', '--input', '-'],
            [agr, agr * BigInt(count)],
            JSON.stringify({
              agreedOn: '2026-11-01',
              segments: [{ count, amount: yuan(agr), firstDueOn: '2026-12-01' }],
            }),
          );
          await readsWork();
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);

  it('refuses the issue’s inputs with 400 naming the field, nothing saved', async () => {
    const r = await write(app, 'POST', '/api/debts', {
      lenderName: 'L',
      lenderType: 'bank',
      principal: '9999999999999.99',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'amount-over-limit', field: 'principal' });
    expect(r.json().error.messageZh).toContain('合同金额');
    const a = await write(app, 'POST', '/api/agreements', {
      lenderId,
      agreedDate: '2026-11-01',
      firstDueDate: '2026-12-01',
      monthlyAmount: '999999999999.99',
      count: 120,
    });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.code).toBe('amount-over-limit');
    const t = await write(app, 'POST', '/api/agreements', {
      lenderId,
      agreedDate: '2026-11-01',
      firstDueDate: '2026-12-01',
      monthlyAmount: '9000000.00',
      count: 120,
    });
    expect(t.statusCode).toBe(400);
    expect(t.json().error).toMatchObject({ code: 'amount-over-limit', field: 'total' });
    expect(t.json().error.messageZh).toContain('协议总额');
    const c = await runCli(
      ['debt', 'add', '--lender', 'L2', '--lender-type', '银行', '--principal', '9999999999999.99'],
      {
        env: env(),
        cwd: home.home,
      },
    );
    expect(c.code).toBe(1);
    expect(c.err).toContain('合同金额');
  });

  it('refuses the write that would take the case past its total, nothing saved', async () => {
    const c = await resolveCase(home.deps);
    const total = await caseRecordedTotal(home.deps.db, c.id);
    // enough debts at the per-field limit to pass the case total
    const needed = Number((BigInt(MAX_CASE_TOTAL_CENTS) - total) / MAX) + 1;
    let refused: any;
    let before = '';
    for (let i = 0; i <= needed && refused === undefined; i += 1) {
      before = await counts();
      const r = await write(app, 'POST', '/api/debts', {
        lenderName: '测试银行',
        principal: yuan(MAX),
      });
      if (r.statusCode !== 201) refused = r;
    }
    expect(refused?.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'case-total-over-limit',
      field: 'principal',
    });
    expect(refused.json().error.messageZh).toContain('合同金额');
    expect(await counts()).toBe(before);
    expect(await caseRecordedTotal(home.deps.db, c.id)).toBeLessThanOrEqual(
      BigInt(MAX_CASE_TOTAL_CENTS),
    );
  });
});

describe('a case already holding amounts past the limit (stored before it existed)', () => {
  it('lists, sums, plans and deletes instead of failing forever', async () => {
    const home = await openTestHome();
    const app = await testServer(home.deps);
    try {
      const ok = await write(app, 'POST', '/api/debts', {
        lenderName: '正常银行',
        lenderType: 'bank',
        principal: '5000.00',
        balance: '4000.00',
      });
      expect(ok.statusCode).toBe(201);
      const c = await resolveCase(home.deps);
      const l = await makeLender(home.deps.db, c.id);
      const repo = createDebtRepository(home.deps.db);
      // eleven debts of 9,999,999,999,999.99: the sum is past Number.MAX_SAFE_INTEGER fen
      const ids: string[] = [];
      for (let i = 0; i < 11; i += 1) {
        const d = debtData(c.id, l.id, {
          principal: 999_999_999_999_999 as never,
          received: null,
          balance: 999_999_999_999_999 as never,
        });
        await repo.insert(d);
        ids.push(d.id);
      }
      const s = await get(app, '/api/summary');
      expect(s.statusCode, s.body).toBe(200);
      expect(s.json().totals).toMatchObject({
        debts: 12,
        balance: '4000.00',
        principal: '5000.00',
      });
      const list = await get(app, '/api/debts');
      expect(list.statusCode).toBe(200);
      expect(list.json().debts).toHaveLength(12);
      const plan = await write(app, 'POST', '/api/plans', { capacity: '1000.00' });
      expect(plan.statusCode, plan.body).toBe(200);
      const budget = await write(app, 'POST', '/api/budgets', {
        lines: [{ kind: 'income', label: '工资', monthly: '6000.00' }],
      });
      expect(budget.statusCode, budget.body).toBe(200);
      // letters: the over-limit loans are left out; a lender with nothing else says what to fix
      const only = await get(app, `/api/letters/ledger-request?lenderId=${l.id}&format=md`);
      expect(only.statusCode, only.body).toBe(400);
      expect(only.json().error.code).toBe('amount-over-limit');
      for (const url of [
        `/api/letters/ledger-request?lenderId=${ok.json().lenderId}&format=md`,
        `/api/letters/request?lenderId=${ok.json().lenderId}&format=docx`,
        '/api/backup',
      ]) {
        const r = await get(app, url);
        expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
      }
      const cliSummary = await runCli(['summary'], {
        env: { XIESHANG_HOME: home.home, HOME: home.home },
        cwd: home.home,
      });
      expect(cliSummary.code, cliSummary.err).toBe(0);
      // a write that does not raise the total is still allowed (and deleting is)
      for (const id of ids) {
        const del = await write(app, 'DELETE', `/api/debts/${id}`);
        expect(del.statusCode, del.body).toBe(200);
      }
      expect((await get(app, '/api/debts')).json().debts).toHaveLength(1);
    } finally {
      await app.close();
      await home.close();
    }
  });
});
