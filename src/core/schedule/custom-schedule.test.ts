import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../dates/index.js';
import { cents, MAX_AMOUNT_CENTS } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { buildCustomSchedule } from './custom-schedule.js';
import type { CustomScheduleInput } from './types.js';

const start = isoDate('2024-01-01');
const pay = (date: string, amount: number) => ({ dueDate: isoDate(date), amount: cents(amount) });

describe('buildCustomSchedule', () => {
  it('charges simple actual/365 interest: 10,000 at 18.25 % (日息万五) for 30 days is 150 (yidianwenda.com/article/a948d651c160310a2dcd2e3d.html)', () => {
    const r = buildCustomSchedule({
      principal: cents(1_000_000),
      startDate: start,
      annualRatePpm: ratePpm(182_500),
      payments: [pay('2024-01-31', 515_000), pay('2024-03-01', 507_000)],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows[0]).toMatchObject({
      interest: 15_000,
      principal: 500_000,
      balance: 500_000,
    });
    // last row absorbs the residue: 5000 × 0.1825 × 30/365 = 75.00 interest + 5000 principal
    expect(r.value.rows[1]).toMatchObject({
      payment: 507_500,
      interest: 7_500,
      principal: 500_000,
      balance: 0,
    });
    expect(r.value.totals).toEqual({
      payment: 1_022_500,
      principal: 1_000_000,
      interest: 22_500,
      fee: 0,
    });
  });

  it('carries unpaid interest forward without capitalizing it when a payment is below the interest', () => {
    const r = buildCustomSchedule({
      principal: cents(1_000_000),
      startDate: start,
      annualRatePpm: ratePpm(182_500),
      payments: [pay('2024-01-31', 10_000), pay('2024-03-01', 520_000), pay('2024-03-31', 500_000)],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows[0]).toMatchObject({ interest: 10_000, principal: 0, balance: 1_000_000 });
    // owed on 03-01: 50 carried + 150 accrued on the unchanged 10,000 principal (not on 10,050)
    expect(r.value.rows[1]).toMatchObject({
      interest: 20_000,
      principal: 500_000,
      balance: 500_000,
    });
    expect(r.value.rows[2]).toMatchObject({
      interest: 7_500,
      principal: 500_000,
      payment: 507_500,
    });
  });
  it('rejects a payment before the last that pays off more than is owed', () => {
    const r = buildCustomSchedule({
      principal: cents(1_000_000),
      startDate: start,
      annualRatePpm: ratePpm(0),
      payments: [pay('2024-02-01', 1_000_001), pay('2024-03-01', 100)],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'payment-exceeds-balance', field: 'payments[0].amount' },
    });
  });

  it('rejects payments that add up to less than the principal (never repays)', () => {
    const r = buildCustomSchedule({
      principal: cents(1_000_000),
      startDate: start,
      annualRatePpm: ratePpm(100_000),
      payments: [pay('2024-02-01', 1_000), pay('2024-03-01', 1_000)],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'payments-do-not-repay', field: 'payments' },
    });
  });

  const base: CustomScheduleInput = {
    principal: cents(100_000),
    startDate: start,
    annualRatePpm: ratePpm(100_000),
    payments: [pay('2024-02-01', 60_000), pay('2024-03-01', 60_000)],
  };
  const cases: [string, Partial<Record<keyof CustomScheduleInput, unknown>>, string, string][] = [
    ['an empty payment list', { payments: [] }, 'payments', 'invalid-input'],
    [
      'a payment on the loan date',
      { payments: [pay('2024-01-01', 200_000)] },
      'payments[0].dueDate',
      'invalid-date',
    ],
    [
      'dates out of order',
      { payments: [pay('2024-03-01', 60_000), pay('2024-02-01', 60_000)] },
      'payments[1].dueDate',
      'invalid-date',
    ],
    [
      'a date that does not exist',
      { payments: [{ dueDate: '2024-02-30', amount: 200_000 }] },
      'payments[0].dueDate',
      'invalid-date',
    ],
    [
      'a zero amount',
      { payments: [pay('2024-02-01', 0), pay('2024-03-01', 200_000)] },
      'payments[0].amount',
      'invalid-amount',
    ],
    ['zero principal', { principal: 0 }, 'principal', 'invalid-amount'],
    ['a rate over 1000 %', { annualRatePpm: 10_000_001 }, 'annualRate', 'rate-out-of-range'],
    ['a bad start date', { startDate: '2023-02-29' }, 'startDate', 'invalid-date'],
  ];
  for (const [name, over, field, code] of cases) {
    it(`rejects ${name}`, () => {
      const r = buildCustomSchedule({ ...base, ...over } as CustomScheduleInput);
      expect(r).toMatchObject({ ok: false, error: { field, code } });
    });
  }

  it('property: principal sums to the loan, ends at 0, payment = principal + interest, balance never rises', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e10 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.array(
          fc.record({
            gap: fc.integer({ min: 1, max: 90 }),
            share: fc.integer({ min: 1, max: 1000 }),
          }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        (principal, rate, plan) => {
          // amounts: shares of 0.9 × principal, so earlier payments never overpay
          const total = plan.reduce((a, p) => a + p.share, 0);
          let day = 0;
          const payments = plan.map((p, i) => {
            day += p.gap;
            const amount =
              i === plan.length - 1
                ? principal
                : Math.max(1, Math.floor((principal * 0.9 * p.share) / total));
            return { dueDate: addDays(start, day), amount: cents(amount) };
          });
          const r = buildCustomSchedule({
            principal: cents(principal),
            startDate: start,
            annualRatePpm: ratePpm(rate),
            payments,
          });
          if (!r.ok) {
            // only legitimate rejection here: tiny principals where the 1-fen floor overpays
            expect(r.error.code).toBe('payment-exceeds-balance');
            return;
          }
          const { rows, totals } = r.value;
          expect(totals.principal).toBe(principal);
          expect(rows.at(-1)!.balance).toBe(0);
          let prev = principal;
          const bad = rows.find((row) => {
            const wrong =
              row.payment !== row.principal + row.interest ||
              row.principal < 0 ||
              row.interest < 0 ||
              row.balance !== prev - row.principal;
            prev = row.balance;
            return wrong;
          });
          expect(bad).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('extreme sizes', () => {
  it('refuses an amount above the per-amount limit rather than overflowing', () => {
    const big = cents(MAX_AMOUNT_CENTS + 1);
    const r = buildCustomSchedule({
      principal: cents(MAX_AMOUNT_CENTS),
      startDate: start,
      annualRatePpm: ratePpm(10_000_000),
      payments: [pay('2030-01-01', big), pay('2031-01-01', big)],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid-amount', field: 'payments[0].amount' },
    });
    const over = buildCustomSchedule({
      principal: big,
      startDate: start,
      annualRatePpm: ratePpm(0),
      payments: [pay('2030-01-01', big)],
    });
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'invalid-amount', field: 'principal' },
    });
  });
});
