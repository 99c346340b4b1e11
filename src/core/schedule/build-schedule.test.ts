import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, type IsoDate } from '../dates/index.js';
import { cents } from '../money/index.js';
import { ratePpm, type RatePpm } from '../rates/index.js';
import { buildSchedule, equalInstallmentPayment } from './build-schedule.js';
import { SCHEDULE_METHODS, type ScheduleInput, type ScheduleMethod } from './types.js';

function build(over: Partial<ScheduleInput> & { method: ScheduleMethod }) {
  const r = buildSchedule({
    principal: cents(100_000_000),
    periods: 360,
    startDate: isoDate('2024-01-15'),
    annualRatePpm: ratePpm(49_000),
    ...over,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('equal-installment 等额本息 (published calculator figures)', () => {
  it('1,000,000 at 4.9 % over 360 months pays 5307.27 a month (qiuxuequan.com/kao-shi/432722.html)', () => {
    const s = build({ method: 'equal-installment' });
    expect(s.rows[0]).toMatchObject({ payment: 530727, interest: 408333, principal: 122394 });
    expect(s.rows.slice(0, -1).every((r) => r.payment === 530727)).toBe(true);
  });

  it('1,000,000 at 4.9 % over 20 years: 6544.44, first month 4083.33 interest + 2461.11 principal (372181.com/wenda/229816.html)', () => {
    const s = build({ method: 'equal-installment', periods: 240 });
    expect(s.rows[0]).toMatchObject({ payment: 654444, interest: 408333, principal: 246111 });
    // the page's total interest 570665.6 is (unrounded payment) × 240 − P; ours sums the fen rows
    expect(Math.abs(s.totals.interest - 57_066_560)).toBeLessThan(100);
  });

  it('630,000 at 4.9 % over 30 years: 3343.58, total interest ≈ 573688.2 (vdgb.cn/wenda/220578.html)', () => {
    const s = build({ method: 'equal-installment', principal: cents(63_000_000) });
    expect(s.rows[0]!.payment).toBe(334358);
    expect(Math.abs(s.totals.interest - 57_368_820)).toBeLessThan(100);
  });

  it('300,000 at 4.9 % over 30 years: 1592.18, total interest ≈ 273184.86 (13l.net/index.php/l/1771868819402209700.html)', () => {
    const s = build({ method: 'equal-installment', principal: cents(30_000_000) });
    expect(s.rows[0]!.payment).toBe(159218);
    expect(Math.abs(s.totals.interest - 27_318_486)).toBeLessThan(100);
  });

  it('$200,000 at 6 % over 30 years: 1199.10; month 1 1000.00/199.10, month 12 988.77/210.33 (answerprime.com/200-000-mortgage-monthly-payment)', () => {
    const s = build({
      method: 'equal-installment',
      principal: cents(20_000_000),
      annualRatePpm: ratePpm(60_000),
    });
    expect(s.rows[0]).toMatchObject({
      payment: 119910,
      interest: 100000,
      principal: 19910,
      balance: 19_980_090,
    });
    expect(s.rows[1]).toMatchObject({ interest: 99900, principal: 20010, balance: 19_960_080 });
    expect(s.rows[11]).toMatchObject({ interest: 98877, principal: 21033 });
  });

  it('computes the payment exactly, not in floats (monthly rate is annual/12 as a rational)', () => {
    expect(equalInstallmentPayment(cents(100_000_000), ratePpm(49_000), 360)).toBe(530727);
    expect(equalInstallmentPayment(cents(1_200), ratePpm(0), 12)).toBe(100);
    expect(equalInstallmentPayment(cents(1_000), ratePpm(0), 3)).toBe(333);
  });

  it('the last row pays the remaining balance plus its interest', () => {
    const s = build({ method: 'equal-installment' });
    const last = s.rows.at(-1)!;
    const before = s.rows.at(-2)!;
    expect(last.principal).toBe(before.balance);
    expect(last.balance).toBe(0);
    expect(last.payment).toBe(530519);
  });
});

describe('equal-installment matches spreadsheet PMT/IPMT documentation', () => {
  const cases: [string, number, number, number, number][] = [
    [
      'Microsoft Excel PMT: 10,000 at 8 % over 10 months = 1,037.03 (support.microsoft.com/en-US/excel/functions/pmt-function)',
      1_000_000,
      80_000,
      10,
      103_703,
    ],
    [
      'Claris FileMaker PMT: 21,000 at 6.9 % over 48 months = 501.90 (help.claris.com/en/pro-help/content/pmt.html)',
      2_100_000,
      69_000,
      48,
      50_190,
    ],
    [
      'MESCIUS PMT(6%/12, 15, 5000) = 346.82 (developer.mescius.com/.../financial-functions/pmt)',
      500_000,
      60_000,
      15,
      34_682,
    ],
    [
      'Adobe FormCalc Pmt(150000, 0.0475/12, 300) = 855.176… (help.adobe.com/.../WS92d06802c76abadb-32254d55129f5ee7c98-7fb0.html)',
      15_000_000,
      47_500,
      300,
      85_518,
    ],
  ];
  for (const [title, principal, annual, n, payment] of cases) {
    it(title, () => {
      expect(equalInstallmentPayment(cents(principal), ratePpm(annual), n)).toBe(payment);
    });
  }

  it('Microsoft Excel IPMT: first-month interest on 8,000 at 10 % over 3 years is 66.67 (support.microsoft.com/en-us/excel/ipmt-function)', () => {
    const s = build({
      method: 'equal-installment',
      principal: cents(800_000),
      annualRatePpm: ratePpm(100_000),
      periods: 36,
    });
    expect(s.rows[0]!.interest).toBe(6_667);
  });
});

describe('equal-principal 等额本金', () => {
  it('1,000,000 at 4.9 % over 30 years: first 6861.11, then 11.34 less each month (common bank-calculator figure)', () => {
    const s = build({ method: 'equal-principal' });
    expect(s.rows[0]).toMatchObject({ payment: 686111, principal: 277778, interest: 408333 });
    expect(s.rows[0]!.payment - s.rows[1]!.payment).toBe(1134);
    // closed form P·r·(n+1)/2 = 737041.67; ours sums per-row halfUp interest
    expect(Math.abs(s.totals.interest - 73_704_167)).toBeLessThan(180);
  });

  it('630,000 at 4.9 % over 30 years: first 4322.50, 7.15 less each month, total interest ≈ 464336.25 (vdgb.cn/wenda/220578.html)', () => {
    const s = build({ method: 'equal-principal', principal: cents(63_000_000) });
    expect(s.rows[0]!.payment).toBe(432250);
    expect(s.rows[0]!.payment - s.rows[1]!.payment).toBe(715);
    expect(Math.abs(s.totals.interest - 46_433_625)).toBeLessThan(180);
  });

  it('gives leftover fen one each to the earliest periods', () => {
    const s = build({ method: 'equal-principal', principal: cents(1_000), periods: 3 });
    expect(s.rows.map((r) => r.principal)).toEqual([334, 333, 333]);
  });
});

describe('other methods', () => {
  it('interest-only 先息后本 charges P×r each month and all principal at the end', () => {
    const s = build({
      method: 'interest-only',
      principal: cents(1_000_000),
      periods: 12,
      annualRatePpm: ratePpm(120_000),
    });
    expect(s.rows.map((r) => r.interest)).toEqual(Array.from({ length: 12 }, () => 10_000));
    expect(s.rows.slice(0, 11).every((r) => r.principal === 0 && r.balance === 1_000_000)).toBe(
      true,
    );
    expect(s.rows[11]).toMatchObject({ payment: 1_010_000, principal: 1_000_000, balance: 0 });
  });

  it('bullet 一次性还本付息 is one payment at month n with simple interest for n months', () => {
    const s = build({
      method: 'bullet',
      principal: cents(1_000_000),
      periods: 6,
      annualRatePpm: ratePpm(180_000),
    });
    expect(s.rows).toEqual([
      {
        period: 1,
        dueDate: '2024-07-15',
        payment: 1_090_000,
        principal: 1_000_000,
        interest: 90_000,
        fee: 0,
        balance: 0,
      },
    ]);
  });

  it('flat-fee 等本等息: 10,000 over 12 periods at 0.66 % costs 66 a period, 792 in all (f8195.cn/b/257632.html)', () => {
    const s = build({
      method: 'flat-fee',
      principal: cents(1_000_000),
      periods: 12,
      annualRatePpm: ratePpm(0),
      feeRatePerPeriodPpm: ratePpm(6_600),
    });
    expect(s.rows.every((r) => r.fee === 6_600 && r.interest === 0)).toBe(true);
    expect(s.totals.fee).toBe(79_200);
    expect(s.rows[0]).toMatchObject({ principal: 83_334, payment: 89_934 });
  });

  it('interest-free 停息挂账 repays equal principal with no interest or fee', () => {
    const s = build({
      method: 'interest-free',
      principal: cents(1_000_000),
      periods: 60,
      annualRatePpm: ratePpm(0),
    });
    expect(s.totals).toEqual({ payment: 1_000_000, principal: 1_000_000, interest: 0, fee: 0 });
  });

  it('daily-rate 按日计息: 10,000 at 日息万五 costs 5 a day, 155 for a 31-day first month (yidianwenda.com/article/a948d651c160310a2dcd2e3d.html)', () => {
    const s = build({
      method: 'daily-rate',
      principal: cents(1_000_000),
      periods: 12,
      annualRatePpm: ratePpm(0),
      dailyRatePpm: ratePpm(500),
    });
    expect(s.rows[0]).toMatchObject({ dueDate: '2024-02-15', interest: 15_500 }); // 31 days
    // Feb 15 → Mar 15 2024 is 29 days on 916666 fen: 916666 × 0.0005 × 29 = 13291.657 → 13292
    expect(s.rows[1]).toMatchObject({ dueDate: '2024-03-15', interest: 13_292, balance: 833_332 });
  });

  it('anchors due dates on firstDueDate and clamps month ends (Jan 31 → Feb 29 → Mar 31)', () => {
    const s = build({
      method: 'equal-principal',
      periods: 3,
      startDate: isoDate('2024-01-10'),
      firstDueDate: isoDate('2024-01-31'),
    });
    expect(s.rows.map((r) => r.dueDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    const t = build({ method: 'equal-principal', periods: 3, startDate: isoDate('2023-12-31') });
    expect(t.rows.map((r) => r.dueDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });
});

describe('methods priced otherwise ignore annualRate', () => {
  it('interest-free and flat-fee charge no interest even when an annual rate is passed along', () => {
    const free = build({ method: 'interest-free', principal: cents(120_000), periods: 12 });
    expect(free.totals.interest).toBe(0);
    const flat = build({
      method: 'flat-fee',
      principal: cents(120_000),
      periods: 12,
      feeRatePerPeriodPpm: ratePpm(6_000),
    });
    expect(flat.totals).toMatchObject({ interest: 0, fee: 8_640 });
  });
});

describe('validation names the field', () => {
  const base: ScheduleInput = {
    principal: cents(100_000),
    periods: 12,
    method: 'equal-installment',
    startDate: isoDate('2024-01-15'),
    annualRatePpm: ratePpm(49_000),
  };
  const cases: [string, Partial<Record<keyof ScheduleInput, unknown>>, string, string][] = [
    ['zero principal', { principal: 0 }, 'principal', 'invalid-amount'],
    ['fractional principal', { principal: 1.5 }, 'principal', 'invalid-amount'],
    ['zero periods', { periods: 0 }, 'periods', 'invalid-input'],
    ['601 periods', { periods: 601 }, 'periods', 'invalid-input'],
    ['fractional periods', { periods: 2.5 }, 'periods', 'invalid-input'],
    ['unknown method', { method: 'balloon' }, 'method', 'invalid-input'],
    ['Feb 30', { startDate: '2024-02-30' }, 'startDate', 'invalid-date'],
    ['first due before start', { firstDueDate: '2024-01-01' }, 'firstDueDate', 'invalid-date'],
    ['10000 % a year', { annualRatePpm: 100_000_000 }, 'annualRate', 'rate-out-of-range'],
    ['negative rate', { annualRatePpm: -1 }, 'annualRate', 'invalid-rate'],
    ['fee on a non-flat-fee', { feeRatePerPeriodPpm: 6_000 }, 'feeRatePerPeriod', 'invalid-input'],
    ['daily rate on equal-installment', { dailyRatePpm: 500 }, 'dailyRate', 'invalid-input'],
    [
      'flat-fee without fee',
      { method: 'flat-fee', annualRatePpm: 0 },
      'feeRatePerPeriod',
      'invalid-input',
    ],
    [
      'daily-rate without a rate',
      { method: 'daily-rate', annualRatePpm: 0 },
      'dailyRate',
      'invalid-input',
    ],
    [
      '日息 3 %',
      { method: 'daily-rate', annualRatePpm: 0, dailyRatePpm: 30_000 },
      'dailyRate',
      'rate-out-of-range',
    ],
    ['due dates past 2200', { startDate: '2190-01-01', periods: 600 }, 'periods', 'invalid-input'],
  ];
  for (const [name, over, field, code] of cases) {
    it(`rejects ${name}`, () => {
      const r = buildSchedule({ ...base, ...over } as ScheduleInput);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ field, code });
        expect(r.error.messageZh).toBeTruthy();
      }
    });
  }
});

const anyInput: fc.Arbitrary<ScheduleInput> = fc
  .record({
    method: fc.constantFrom(...SCHEDULE_METHODS),
    principal: fc.integer({ min: 1, max: 100_000_000_000 }),
    periods: fc.integer({ min: 1, max: 600 }),
    day: fc.integer({ min: 0, max: 3_000 }),
    rate: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map(({ method, principal, periods, day, rate }) => {
    const startDate = new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10) as IsoDate;
    const base = { principal: cents(principal), periods, method, startDate };
    switch (method) {
      case 'flat-fee':
        return {
          ...base,
          annualRatePpm: ratePpm(0),
          feeRatePerPeriodPpm: ratePpm(Math.floor(rate / 12)),
        };
      case 'daily-rate':
        return {
          ...base,
          annualRatePpm: ratePpm(0),
          dailyRatePpm: ratePpm(Math.floor(rate / 365)),
        };
      case 'interest-free':
        return { ...base, annualRatePpm: ratePpm(0) };
      default:
        return { ...base, annualRatePpm: ratePpm(rate) };
    }
  });

describe('schedule invariants (properties)', () => {
  it('every method: principal sums to the loan, balance ends at 0 and never rises, payment = principal + interest + fee', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = buildSchedule(input);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const { rows, totals } = r.value;
        expect(totals.principal).toBe(input.principal);
        expect(rows.at(-1)!.balance).toBe(0);
        // plain checks in the loop (vitest's expect per row is slow); report the first bad row
        let prev: number = input.principal;
        const bad = rows.find((row) => {
          const wrong =
            row.payment !== row.principal + row.interest + row.fee ||
            row.principal < 0 ||
            row.interest < 0 ||
            row.fee < 0 ||
            row.balance !== prev - row.principal ||
            row.balance > prev;
          prev = row.balance;
          return wrong;
        });
        expect(bad).toBeUndefined();
        expect(totals.payment).toBe(totals.principal + totals.interest + totals.fee);
      }),
      { numRuns: 300 },
    );
  });

  it('equal-installment: all payments but the last are identical; the last differs by at most the annuity factor s(n) = ((1+r)^n−1)/r fen (= n at rate 0)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000_000 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (principal, n, annual) => {
          const r = annual / 12_000_000;
          const s = r === 0 ? n : ((1 + r) ** n - 1) / r;
          // below s(n)² fen, rounding the payment to the fen can repay the loan before month n
          fc.pre(principal >= s * s);
          const res = buildSchedule({
            principal: cents(principal),
            periods: n,
            method: 'equal-installment',
            startDate: isoDate('2024-01-31'),
            annualRatePpm: ratePpm(annual),
          });
          if (!res.ok) throw new Error(res.error.message);
          const rows = res.value.rows;
          const pay = rows[0]!.payment;
          expect(rows.slice(0, -1).every((x) => x.payment === pay)).toBe(true);
          expect(Math.abs(rows.at(-1)!.payment - pay)).toBeLessThanOrEqual(s);
          if (r === 0) expect(Math.abs(rows.at(-1)!.payment - pay)).toBeLessThan(n);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equal-installment at realistic consumer terms (≤ 24 %/yr, ≤ 36 months, ≥ ¥1,000): the last payment is within n fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 0, max: 240_000 }),
        (principal, n, annual) => {
          const res = buildSchedule({
            principal: cents(principal),
            periods: n,
            method: 'equal-installment',
            startDate: isoDate('2024-03-31'),
            annualRatePpm: ratePpm(annual) as RatePpm,
          });
          if (!res.ok) throw new Error(res.error.message);
          const rows = res.value.rows;
          expect(Math.abs(rows.at(-1)!.payment - rows[0]!.payment)).toBeLessThan(n);
        },
      ),
    );
  });

  it('higher rate never means a lower 等额本息 payment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e10 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 9_999_999 }),
        (p, n, a) => {
          expect(equalInstallmentPayment(cents(p), ratePpm(a + 1), n)).toBeGreaterThanOrEqual(
            equalInstallmentPayment(cents(p), ratePpm(a), n),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('extreme sizes', () => {
  it('rejects rather than overflows when the total repaid would pass ¥10 trillion', () => {
    const r = buildSchedule({
      principal: cents(1_000_000_000_000_000),
      periods: 600,
      method: 'bullet',
      startDate: isoDate('2024-01-01'),
      annualRatePpm: ratePpm(10_000_000),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-amount', field: 'principal' } });
  });
});
