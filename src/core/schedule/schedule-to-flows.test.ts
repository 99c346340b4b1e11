import { describe, expect, it } from 'vitest';
import { isoDate } from '../dates/index.js';
import { cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { buildSchedule } from './build-schedule.js';
import { solveDatedApr } from '../apr/index.js';
import { scheduleToFlows } from './schedule-to-flows.js';

describe('scheduleToFlows', () => {
  it('gives the borrower view: + received, − fees and payments, ordered by date', () => {
    const r = buildSchedule({
      principal: cents(1_000_000),
      periods: 2,
      method: 'flat-fee',
      startDate: isoDate('2024-01-15'),
      annualRatePpm: ratePpm(0),
      feeRatePerPeriodPpm: ratePpm(6_000),
    });
    if (!r.ok) throw new Error(r.error.message);
    const flows = scheduleToFlows(
      r.value,
      { date: isoDate('2024-01-15'), amount: cents(970_000) },
      [
        { date: isoDate('2024-01-20'), amount: cents(5_000) },
        { date: isoDate('2024-01-15'), amount: cents(0) },
      ],
    );
    expect(flows).toEqual([
      { date: '2024-01-15', amount: 970_000 },
      { date: '2024-01-20', amount: -5_000 },
      { date: '2024-02-15', amount: -506_000 },
      { date: '2024-03-15', amount: -506_000 },
    ]);
  });
});

describe('scheduleToFlows feeds core/apr', () => {
  it('the APR of a 等额本息 schedule built at r is r (to 0.01 %), and 等本等息 0.6 %/month costs ≈ 13.0 % APR', () => {
    for (const annual of [49_000, 180_000, 360_000]) {
      const r = buildSchedule({
        principal: cents(1_000_000),
        periods: 12,
        method: 'equal-installment',
        startDate: isoDate('2024-01-15'),
        annualRatePpm: ratePpm(annual),
      });
      if (!r.ok) throw new Error(r.error.message);
      const apr = solveDatedApr(
        scheduleToFlows(r.value, { date: isoDate('2024-01-15'), amount: cents(1_000_000) }),
      );
      if (!apr.ok) throw new Error(apr.error.message);
      expect(Math.abs(apr.value.nominalApr - annual / 1e6)).toBeLessThan(1e-4);
    }
    const flat = buildSchedule({
      principal: cents(1_000_000),
      periods: 12,
      method: 'flat-fee',
      startDate: isoDate('2024-01-15'),
      annualRatePpm: ratePpm(0),
      feeRatePerPeriodPpm: ratePpm(6_000),
    });
    if (!flat.ok) throw new Error(flat.error.message);
    const apr = solveDatedApr(
      scheduleToFlows(flat.value, { date: isoDate('2024-01-15'), amount: cents(1_000_000) }),
    );
    if (!apr.ok) throw new Error(apr.error.message);
    // the fee is charged on the original principal, so 12 × 0.6 % = 7.2 % understates the cost
    expect(apr.value.nominalApr).toBeGreaterThan(0.129);
    expect(apr.value.nominalApr).toBeLessThan(0.131);
  });
});

describe('credit-card installment, published example', () => {
  it('12,000 in 12 installments at a 0.6 %/period fee is 1,072 a month; IRR APR 13.03 %, between 0.6 % × 12 and the average-balance shortcut 13.29 % (github.com/shenweiyan/shenweiyan.github.io/discussions/139)', () => {
    // The source shows the 1,072 payment and the naive 7.2 %, then the average-balance
    // shortcut 24·a·n/(n+1) = 13.29 %. The PBOC 2021 No.3 method is the IRR: 13.03 % (simple).
    const r = buildSchedule({
      principal: cents(1_200_000),
      periods: 12,
      method: 'flat-fee',
      startDate: isoDate('2024-01-15'),
      annualRatePpm: ratePpm(0),
      feeRatePerPeriodPpm: ratePpm(6_000),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(new Set(r.value.rows.map((x) => x.payment))).toEqual(new Set([107_200]));
    const apr = solveDatedApr(
      scheduleToFlows(r.value, { date: isoDate('2024-01-15'), amount: cents(1_200_000) }),
    );
    if (!apr.ok) throw new Error(apr.error.message);
    expect(apr.value.nominalApr).toBeCloseTo(0.1303, 4);
    expect(apr.value.nominalApr).toBeGreaterThan(0.072);
    expect(apr.value.nominalApr).toBeLessThan((24 * 0.006 * 12) / 13);
  });
});
