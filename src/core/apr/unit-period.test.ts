import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isoDate, type IsoDate } from '../dates/index.js';
import {
  chooseUnitPeriod,
  monthRuleOf,
  periodsPerYearOf,
  singlePaymentUnit,
  unitTimeOf,
  wholeMonthsBack,
} from './unit-period.js';
import { findAllRoots, polyPhi, solveDecreasing } from './root-finder.js';

const start = isoDate('2025-01-10');
const series = (n: number, at: (k: number) => IsoDate) =>
  Array.from({ length: n }, (_, k) => at(k));

describe('chooseUnitPeriod (12 CFR 1026 App. J (b)(4))', () => {
  it('picks the month for monthly payments', () => {
    const payments = series(12, (k) => addMonths(start, k + 1));
    expect(chooseUnitPeriod({ start, advances: [], payments })).toEqual({
      kind: 'month',
      months: 1,
    });
  });

  it('picks 2 weeks, not a semimonth, for payments every 14 days (ties go to the shorter, (b)(4)(i)(A))', () => {
    const payments = series(10, (k) => addDays(start, 14 * (k + 1)));
    const u = chooseUnitPeriod({ start, advances: [], payments });
    expect(u).toEqual({ kind: 'week', weeks: 2 });
    expect(periodsPerYearOf(u)).toBe(26);
  });

  it('picks the semimonth for payments on the 1st and the 16th', () => {
    const payments = series(12, (k) =>
      addDays(addMonths(isoDate('2025-02-01'), Math.floor(k / 2)), k % 2 === 0 ? 0 : 15),
    );
    expect(chooseUnitPeriod({ start, advances: [], payments })).toEqual({ kind: 'semimonth' });
  });

  it('picks the day for daily repayments (按日) and counts whole days', () => {
    const payments = series(30, (k) => addDays(start, k + 1));
    const u = chooseUnitPeriod({ start, advances: [], payments });
    expect(u).toEqual({ kind: 'day' });
    expect(
      unitTimeOf({ unit: u, start, date: addDays(start, 45), rule: monthRuleOf(payments) }),
    ).toEqual({
      n: 45,
      f: 0,
    });
  });

  it('with no common period takes the standard interval nearest the average ((b)(4)(i)(B))', () => {
    // intervals 40, 25 and 33 days: average 32.7 → a month
    const payments = [addDays(start, 40), addDays(start, 65), addDays(start, 98)];
    expect(chooseUnitPeriod({ start, advances: [], payments })).toEqual({
      kind: 'month',
      months: 1,
    });
  });
});

describe('unit-period arithmetic (App. J (b)(5))', () => {
  it('counts whole months back from the later date, odd days at the start', () => {
    const rule = monthRuleOf([isoDate('1978-04-01')]);
    expect(wholeMonthsBack(isoDate('1978-02-10'), isoDate('1978-04-01'), rule)).toEqual({
      months: 1,
      days: 19,
    });
  });

  it('uses the last day of February for a series on the 30th', () => {
    const payments = [
      isoDate('2025-01-30'),
      isoDate('2025-02-28'),
      isoDate('2025-03-30'),
      isoDate('2025-05-30'),
    ];
    const rule = monthRuleOf(payments);
    expect(wholeMonthsBack(isoDate('2024-12-30'), isoDate('2025-02-28'), rule)).toEqual({
      months: 2,
      days: 0,
    });
  });

  it('a single payment after 6 whole months has 2 unit-periods a year ((b)(5)(vi))', () => {
    expect(periodsPerYearOf(singlePaymentUnit(isoDate('2025-01-31'), isoDate('2025-07-31')))).toBe(
      2,
    );
    expect(periodsPerYearOf(singlePaymentUnit(isoDate('2025-01-31'), isoDate('2025-04-30')))).toBe(
      4,
    );
  });

  it('a single payment after 100 days has 365/100 unit-periods a year ((b)(5)(vii))', () => {
    expect(periodsPerYearOf(singlePaymentUnit(start, addDays(start, 100)))).toBe(3.65);
  });
});

describe('root finder', () => {
  const side = (c: number[], lo: number, hi: number) => ({ c: Float64Array.from(c), lo, hi });

  it('separates two roots closer than one scan cell (10% and 10.1%)', () => {
    // (w − 1.1)(w − 1.101) × 1e6 with w = 1 + i, as flows at t = 0, 1, 2
    const flows = [1_000_000, -2_201_000, 1_211_100];
    const plus = side(
      flows.map((v) => Math.max(v, 0)),
      0,
      2,
    );
    const minus = side(
      flows.map((v) => Math.max(-v, 0)),
      1,
      1,
    );
    const xs = findAllRoots(polyPhi(plus, minus), { xLo: Math.log(0.01), xHi: Math.log(101) });
    expect(xs.map((x) => Math.expm1(x))).toEqual([
      expect.closeTo(0.1, 9),
      expect.closeTo(0.101, 9),
    ]);
  });

  it('reports no root when the only root lies outside the range', () => {
    // receive 1, pay 1000 a period later: i = 999 > 100
    const ev = polyPhi(side([0, 1000], 1, 1), side([1, 0], 0, 0));
    expect(solveDecreasing(ev, { xLo: Math.log(0.01), xHi: Math.log(101) }, 0)).toEqual({
      found: false,
    });
  });

  it('converges from a poor first guess', () => {
    const ev = polyPhi(side([0, 110], 1, 1), side([100, 0], 0, 0));
    for (const x0 of [-4, 0, 4, Number.NaN]) {
      const r = solveDecreasing(ev, { xLo: Math.log(0.01), xHi: Math.log(101) }, x0);
      expect(r.found && Math.expm1(r.x)).toBeCloseTo(0.1, 12);
    }
  });
});
