import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents, type Cents } from '../money/index.js';
import { addDays, addMonths, isoDate, type IsoDate } from '../dates/index.js';
import { solveDatedApr, solvePeriodicApr, type DatedFlow } from './index.js';
import { analyzeDatedFlows, solveUnitPeriodApr, type UnitFlow } from './solve-apr.js';

const yuan = (y: number): Cents => cents(Math.round(y * 100));

function mustOk<T, E>(r: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Published APRs are correct to two decimals in percent (App. J (c) preamble): ±0.005 points. */
const expectPercent = (rate: number, published: number) =>
  expect(Math.abs(rate * 100 - published)).toBeLessThanOrEqual(0.005);

// Reg Z Appendix J (c)(1)–(c)(6), 12 CFR 1026 (CFPB; the 17 examples as unit-period series:
// amount, count, whole periods t of the first payment, fraction f), transcribed from the CFR
// page images; every example is a single advance at t = 0.
const APPENDIX_J: {
  id: string;
  advance: number;
  series: [amount: number, count: number, t: number, f: number][];
  ppy: number;
  apr: number;
}[] = [
  {
    id: '(c)(1)(i) monthly, regular first period',
    advance: 5000,
    series: [[230, 24, 1, 0]],
    ppy: 12,
    apr: 9.69,
  },
  {
    id: '(c)(1)(ii) monthly, long first period',
    advance: 6000,
    series: [[200, 36, 1, 19 / 30]],
    ppy: 12,
    apr: 11.82,
  },
  {
    id: '(c)(1)(iii) semimonthly, short first period',
    advance: 5000,
    series: [[219.17, 24, 0, 6 / 15]],
    ppy: 24,
    apr: 10.34,
  },
  {
    id: '(c)(1)(iv) quarterly, long first period',
    advance: 10000,
    series: [[385, 40, 1, 39 / 90]],
    ppy: 4,
    apr: 8.97,
  },
  {
    id: '(c)(1)(v) weekly, long first period',
    advance: 500,
    series: [[17.6, 30, 4, 4 / 7]],
    ppy: 52,
    apr: 14.96,
  },
  {
    id: '(c)(2)(i) monthly, irregular first payment',
    advance: 5000,
    series: [
      [250, 1, 1, 0],
      [230, 23, 2, 0],
    ],
    ppy: 12,
    apr: 10.08,
  },
  {
    id: '(c)(2)(ii) 4-weekly, long first period, irregular first payment',
    advance: 400,
    series: [
      [39.5, 1, 1, 5 / 28],
      [38.31, 11, 2, 5 / 28],
    ],
    ppy: 13,
    apr: 28.5,
  },
  {
    id: '(c)(3)(i) monthly, irregular final payment',
    advance: 5000,
    series: [
      [230, 23, 1, 0],
      [280, 1, 24, 0],
    ],
    ppy: 12,
    apr: 10.5,
  },
  {
    id: '(c)(3)(ii) biweekly, short first period, irregular final',
    advance: 200,
    series: [
      [9.5, 19, 0, 8 / 14],
      [30, 1, 19, 8 / 14],
    ],
    ppy: 26,
    apr: 12.22,
  },
  {
    id: '(c)(4)(i) monthly, irregular first and final',
    advance: 5000,
    series: [
      [250, 1, 1, 0],
      [230, 22, 2, 0],
      [280, 1, 24, 0],
    ],
    ppy: 12,
    apr: 10.9,
  },
  {
    id: '(c)(4)(ii) bimonthly, short first period, irregular first and final',
    advance: 8000,
    series: [
      [449.36, 1, 0, 52 / 60],
      [465, 18, 1, 52 / 60],
      [200, 1, 19, 52 / 60],
    ],
    ppy: 6,
    apr: 7.3,
  },
  {
    id: '(c)(5)(i) single payment, term 255 days',
    advance: 1000,
    series: [[1080, 1, 1, 0]],
    ppy: 365 / 255,
    apr: 11.45,
  },
  {
    id: '(c)(5)(ii) single payment, term 6 months',
    advance: 1000,
    series: [[1044, 1, 1, 0]],
    ppy: 2,
    apr: 8.8,
  },
  {
    id: '(c)(5)(iii) single payment, term 18 months',
    advance: 1000,
    series: [[1135.19, 1, 1, 6 / 12]],
    ppy: 1,
    apr: 8.76,
  },
  {
    id: '(c)(5)(iv) single payment, term 2 years',
    advance: 1000,
    series: [[1240, 1, 2, 0]],
    ppy: 1,
    apr: 11.36,
  },
  {
    id: '(c)(6)(i) skipped payments, every 4 weeks',
    advance: 2135,
    series: [
      [100, 9, 0, 26 / 28],
      [100, 6, 10, 12 / 28],
      [100, 6, 16, 26 / 28],
      [100, 3, 23, 12 / 28],
    ],
    ppy: 13,
    apr: 12.0,
  },
  {
    id: '(c)(6)(ii) skipped payments plus single payments, monthly',
    advance: 7350,
    series: [
      [1000, 3, 6, 12 / 30],
      [2000, 1, 12, 12 / 30],
      [750, 3, 18, 12 / 30],
      [1000, 1, 22, 29 / 30],
    ],
    ppy: 12,
    apr: 10.22,
  },
];

describe('solveUnitPeriodApr: Reg Z Appendix J general equation (b)(8)', () => {
  for (const ex of APPENDIX_J) {
    it(`12 CFR 1026 App. J ${ex.id} → ${ex.apr}%`, () => {
      const flows: UnitFlow[] = [{ n: 0, f: 0, amount: yuan(ex.advance) }];
      for (const [amount, count, t, f] of ex.series)
        for (let k = 0; k < count; k++) flows.push({ n: t + k, f, amount: -yuan(amount) });
      const r = mustOk(solveUnitPeriodApr({ periodsPerYear: ex.ppy, flows }));
      expectPercent(r.nominalApr, ex.apr);
      expect(r.nominalApr).toBeCloseTo(r.periodicRate * ex.ppy, 14);
    });
  }
});

/** Dated flows: an advance on `start`, then payments (yuan) on the given dates. */
function dated(start: string, advance: number, payments: [string, number][]): DatedFlow[] {
  return [
    { date: isoDate(start), amount: yuan(advance) },
    ...payments.map(([d, a]) => ({ date: isoDate(d), amount: yuan(-a) })),
  ];
}

function monthly(first: string, count: number, amount: number, step = 1): [string, number][] {
  return Array.from({ length: count }, (_, k) => [addMonths(isoDate(first), k * step), amount]);
}

function everyDays(first: string, count: number, amount: number, days: number): [string, number][] {
  return Array.from({ length: count }, (_, k) => [addDays(isoDate(first), k * days), amount]);
}

// The same published examples given as calendar dates (dates chosen by us so that App. J (b)(5)
// yields the published t and f), so unit-period detection and odd-day counting are tested too.
describe('solveDatedApr: Appendix J examples from calendar dates', () => {
  const cases: { id: string; flows: DatedFlow[]; apr: number; ppy: number }[] = [
    {
      id: '(c)(1)(i)',
      flows: dated('1978-01-10', 5000, monthly('1978-02-10', 24, 230)),
      apr: 9.69,
      ppy: 12,
    },
    {
      id: '(c)(1)(ii) 19 odd days',
      flows: dated('1978-02-10', 6000, monthly('1978-04-01', 36, 200)),
      apr: 11.82,
      ppy: 12,
    },
    {
      id: '(c)(1)(iii) semimonthly on the 1st and 16th',
      flows: dated(
        '1978-02-23',
        5000,
        Array.from({ length: 24 }, (_, k): [string, number] => [
          addDays(addMonths(isoDate('1978-03-01'), Math.floor(k / 2)), k % 2 === 0 ? 0 : 15),
          219.17,
        ]),
      ),
      apr: 10.34,
      ppy: 24,
    },
    {
      id: '(c)(1)(iv) quarterly',
      flows: dated('1978-05-23', 10000, monthly('1978-10-01', 40, 385, 3)),
      apr: 8.97,
      ppy: 4,
    },
    {
      id: '(c)(1)(v) weekly',
      flows: dated('1978-03-18', 500, everyDays('1978-04-19', 30, 17.6, 7)),
      apr: 14.96,
      ppy: 52,
    },
    {
      id: '(c)(2)(i)',
      flows: dated('1978-01-10', 5000, [['1978-02-10', 250], ...monthly('1978-03-10', 23, 230)]),
      apr: 10.08,
      ppy: 12,
    },
    {
      id: '(c)(2)(ii) every 4 weeks',
      flows: dated('1978-03-01', 400, [
        ['1978-04-03', 39.5],
        ...everyDays('1978-05-01', 11, 38.31, 28),
      ]),
      apr: 28.5,
      ppy: 13,
    },
    {
      id: '(c)(3)(i)',
      flows: dated('1978-01-10', 5000, [...monthly('1978-02-10', 23, 230), ['1980-01-10', 280]]),
      apr: 10.5,
      ppy: 12,
    },
    {
      id: '(c)(3)(ii) every 2 weeks',
      flows: dated(
        '1978-03-01',
        200,
        everyDays('1978-03-09', 20, 9.5, 14).map(([d, a], k) => [d, k === 19 ? 30 : a]),
      ),
      apr: 12.22,
      ppy: 26,
    },
    {
      id: '(c)(4)(ii) every 2 months',
      flows: dated('1978-01-13', 8000, [
        ['1978-03-04', 449.36],
        ...monthly('1978-05-04', 18, 465, 2),
        ['1981-05-04', 200],
      ]),
      apr: 7.3,
      ppy: 6,
    },
    {
      id: '(c)(5)(i) 255 days',
      flows: dated('1978-01-01', 1000, [['1978-09-13', 1080]]),
      apr: 11.45,
      ppy: 365 / 255,
    },
    {
      id: '(c)(5)(ii) 6 months',
      flows: dated('1978-01-10', 1000, [['1978-07-10', 1044]]),
      apr: 8.8,
      ppy: 2,
    },
    {
      id: '(c)(5)(iii) 18 months',
      flows: dated('1978-01-10', 1000, [['1979-07-10', 1135.19]]),
      apr: 8.76,
      ppy: 1,
    },
    {
      id: '(c)(5)(iv) 2 years',
      flows: dated('1978-01-10', 1000, [['1980-01-10', 1240]]),
      apr: 11.36,
      ppy: 1,
    },
  ];
  for (const c of cases) {
    it(`12 CFR 1026 App. J ${c.id} → ${c.apr}%`, () => {
      const r = mustOk(solveDatedApr(c.flows));
      expect(r.periodsPerYear).toBeCloseTo(c.ppy, 12);
      expectPercent(r.nominalApr, c.apr);
    });
  }

  it('places the App. J (c)(1)(ii) first payment at 1 unit-period and 19/30', () => {
    const a = mustOk(analyzeDatedFlows(dated('1978-02-10', 6000, monthly('1978-04-01', 3, 200))));
    expect(a.unit).toEqual({ kind: 'month', months: 1 });
    expect(a.flows.map((f) => [f.n, f.f])).toEqual([
      [0, 0],
      [1, 19 / 30],
      [2, 19 / 30],
      [3, 19 / 30],
    ]);
  });

  it('measures a month-end series month end to month end (App. J (b)(3)(iv))', () => {
    const flows = dated('2024-01-31', 1000, [
      ['2024-02-29', 260],
      ['2024-03-31', 260],
      ['2024-04-30', 260],
      ['2024-05-31', 260],
    ]);
    const b = mustOk(analyzeDatedFlows(flows));
    expect(b.flows.map((f) => [f.n, f.f])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ]);
    expect(b.unit).toEqual({ kind: 'month', months: 1 });
  });
});

describe('PBOC 公告〔2021〕第3号 worked example (docs/law.md, Test vectors)', () => {
  // 100,000 lent, 1,000 service fee deducted up front, 12 monthly payments of 8,833.30
  const start = isoDate('2024-01-15');
  const flows: DatedFlow[] = [
    { date: start, amount: yuan(100000) },
    { date: start, amount: yuan(-1000) },
    ...Array.from({ length: 12 }, (_, k) => ({
      date: addMonths(start, k + 1),
      amount: yuan(-8833.3),
    })),
  ];

  it('中国人民银行公告〔2021〕第3号: 单利口径 12.80%, 复利口径 ≈ 13.58% (dated)', () => {
    const r = mustOk(solveDatedApr(flows));
    expect(r.periodsPerYear).toBe(12);
    expect(Math.round(r.nominalApr * 10000) / 100).toBe(12.8);
    // XIRR on the real calendar (2024 has a Feb 29) lands within 0.01 point of the announcement
    expect(Math.abs(r.effectiveAnnualRate * 100 - 13.58)).toBeLessThan(0.01);
  });

  it('中国人民银行公告〔2021〕第3号: 12.80% / 13.58% (periodic)', () => {
    const r = mustOk(
      solvePeriodicApr({
        periodsPerYear: 12,
        flows: [yuan(99000), ...Array(12).fill(yuan(-8833.3))],
      }),
    );
    expect(Math.round(r.nominalApr * 10000) / 100).toBe(12.8);
    expect(Math.round(r.effectiveAnnualRate * 10000) / 100).toBe(13.58);
  });

  it('gives the same answer for shuffled flows and for a fee split across the same day', () => {
    const base = mustOk(solveDatedApr(flows));
    const shuffled = [...flows].reverse();
    const split = [
      ...flows,
      { date: start, amount: yuan(-0.5) },
      { date: start, amount: yuan(0.5) },
    ];
    expect(mustOk(solveDatedApr(shuffled))).toEqual(base);
    expect(mustOk(solveDatedApr(split))).toEqual(base);
  });
});

describe('docs/law.md (Test vectors) extra vectors (flat fee on original principal)', () => {
  it('docs/law.md, Test vectors: 12,000 over 12 months at 0.6%/month fee → 13.03% / 13.84%', () => {
    const r = mustOk(
      solvePeriodicApr({
        periodsPerYear: 12,
        flows: [yuan(12000), ...Array(12).fill(yuan(-1072))],
      }),
    );
    expect(Math.round(r.nominalApr * 10000) / 100).toBe(13.03);
    expect(Math.round(r.effectiveAnnualRate * 10000) / 100).toBe(13.84);
  });

  it('docs/law.md, Test vectors: 10,000 over 24 months at 0.75%/month fee → 16.43% / 17.72%', () => {
    const pay = 10000 / 24 + 75; // 491.666… : the 2,500 total fee spread evenly
    const flows = [yuan(10000), ...Array(24).fill(yuan(-Math.round(pay * 100) / 100))];
    const r = mustOk(solvePeriodicApr({ periodsPerYear: 12, flows }));
    expect(Math.round(r.nominalApr * 10000) / 100).toBe(16.43);
    expect(Math.round(r.effectiveAnnualRate * 10000) / 100).toBe(17.72);
  });
});

describe('spreadsheet documentation examples', () => {
  it('Microsoft Excel XIRR doc example → 0.373362535', () => {
    const r = mustOk(
      solveDatedApr([
        { date: isoDate('2008-01-01'), amount: yuan(-10000) },
        { date: isoDate('2008-03-01'), amount: yuan(2750) },
        { date: isoDate('2008-10-30'), amount: yuan(4250) },
        { date: isoDate('2009-02-15'), amount: yuan(3250) },
        { date: isoDate('2009-04-01'), amount: yuan(2750) },
      ]),
    );
    // Excel iterates to 0.000001 %, so its printed digits are good to ~1e-8
    expect(Math.abs(r.effectiveAnnualRate - 0.373362535)).toBeLessThan(1e-8);
  });

  const irr = (values: number[]) =>
    mustOk(solvePeriodicApr({ periodsPerYear: 1, flows: values.map(yuan) })).periodicRate;

  it('Microsoft Excel IRR doc example: four years → -2.1%', () => {
    expect(Math.round(irr([-70000, 12000, 15000, 18000, 21000]) * 1000) / 10).toBe(-2.1);
  });
  it('Microsoft Excel IRR doc example: five years → 8.7%', () => {
    expect(Math.round(irr([-70000, 12000, 15000, 18000, 21000, 26000]) * 1000) / 10).toBe(8.7);
  });
  it('Microsoft Excel IRR doc example: two years (needs a guess in Excel) → -44.4%', () => {
    expect(Math.round(irr([-70000, 12000, 15000]) * 1000) / 10).toBe(-44.4);
  });
  it('Microsoft Excel RATE doc example: 4-year 8,000 loan at 200/month → 0.77% monthly, 9.24% a year', () => {
    const r = mustOk(
      solvePeriodicApr({ periodsPerYear: 12, flows: [yuan(8000), ...Array(48).fill(yuan(-200))] }),
    );
    expect(Math.round(r.periodicRate * 10000) / 100).toBe(0.77);
    expect(Math.round(r.nominalApr * 10000) / 100).toBe(9.24);
  });
});

/** Level payment (等额本息) at periodic rate r, in float fen. */
function levelPayment(principal: number, r: number, n: number): number {
  return r === 0 ? principal / n : (principal * r) / (1 - Math.pow(1 + r, -n));
}

describe('properties', () => {
  it('solving an 等额本息 loan built at rate r returns r (to 1e-9 plus the fen rounding)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000_00, max: 10_000_000_00 }),
        fc.constantFrom(1, 3, 6, 12, 24, 36, 60, 120, 360),
        fc.double({ min: 0.0005, max: 12, noNaN: true }), // 0.05 %–1200 % a year …
        fc.constantFrom(12, 52, 365),
        (principal, n, annual, ppy) => {
          const r = annual / ppy;
          const exact = levelPayment(principal, r, n);
          const pay = Math.round(exact);
          fc.pre(pay > 0);
          const flows = [cents(principal), ...Array<Cents>(n).fill(cents(-pay))];
          const got = mustOk(solvePeriodicApr({ periodsPerYear: ppy, flows })).periodicRate;
          // rounding each payment to the fen moves the flows' true rate off r by about
          // |pay − exact| × Σv^k / |dPV/dr|; allow that, and 1e-9 on top
          let dpv = 0;
          let annuity = 0;
          for (let k = 1; k <= n; k++) {
            dpv += (k * pay) / Math.pow(1 + r, k + 1);
            annuity += Math.pow(1 + r, -k);
          }
          const slack = (Math.abs(pay - exact) * annuity) / dpv;
          expect(Math.abs(got - r)).toBeLessThanOrEqual(1e-9 + slack * 1.05);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('for any one-sign-change flow set the rate balances the flows and NPV changes sign there', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_00, max: 1_000_000_00 }),
        fc.array(fc.integer({ min: 0, max: 500_000_00 }), { minLength: 1, maxLength: 120 }),
        (advance, pays) => {
          fc.pre(pays.some((p) => p > 0));
          const flows = [cents(advance), ...pays.map((p) => cents(-p))];
          const res = solvePeriodicApr({ periodsPerYear: 12, flows });
          const npv = (i: number) => flows.reduce((s, a, k) => s + a / Math.pow(1 + i, k), 0);
          if (!res.ok) {
            // only when the root is outside (−99 %, +10,000 %] per period
            expect(res.error.code).toBe('no-solution');
            expect(Math.sign(npv(-0.99)) === Math.sign(npv(100))).toBe(true);
            return;
          }
          const i = res.value.periodicRate;
          expect(Number.isFinite(i)).toBe(true);
          const h = 1e-7 * Math.max(1, Math.abs(1 + i));
          expect(Math.sign(npv(i - h))).not.toBe(Math.sign(npv(i + h)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('dated flows on exact monthly dates solve to the same rate as the periodic list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1000_00, max: 500_000_00 }),
        fc.integer({ min: 2, max: 60 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (dayOffset, principal, n, annual) => {
          const start = addDays(isoDate('2015-01-01'), dayOffset);
          fc.pre(Number(start.slice(8)) <= 28); // avoid month-end clamping: a separate test covers it
          const pay = Math.round(levelPayment(principal, annual / 12, n));
          const periodic = [cents(principal), ...Array<Cents>(n).fill(cents(-pay))];
          const datedFlows: DatedFlow[] = periodic.map((amount, k) => ({
            date: addMonths(start, k),
            amount,
          }));
          const a = mustOk(solvePeriodicApr({ periodsPerYear: 12, flows: periodic }));
          const b = mustOk(solveDatedApr(datedFlows));
          expect(b.periodsPerYear).toBe(12);
          expect(Math.abs(a.periodicRate - b.periodicRate)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('two rates r1 ≠ r2 built into three flows are both reported as ambiguous', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 500 }),
        fc.integer({ min: 1, max: 300 }),
        (p1, gap) => {
          const p2 = p1 + gap;
          // (w − w1)(w − w2) with w = 1 + i, scaled to whole fen: roots exactly p1 % and p2 %
          const flows = [10000, -100 * (200 + p1 + p2), (100 + p1) * (100 + p2)].map((v) =>
            cents(v),
          );
          const r = solvePeriodicApr({ periodsPerYear: 1, flows });
          expect(r.ok).toBe(false);
          if (r.ok || r.error.code !== 'ambiguous-rate' || !('rates' in r.error))
            throw new Error('not ambiguous');
          expect(r.error.rates).toHaveLength(2);
          expect(r.error.rates[0]).toBeCloseTo(p1 / 100, 9);
          expect(r.error.rates[1]).toBeCloseTo(p2 / 100, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('several sign changes', () => {
  it('returns the only rate when three sign changes leave one real root', () => {
    // (w − 1.1)(w² − w + 1): the quadratic has no real root
    const r = mustOk(
      solvePeriodicApr({ periodsPerYear: 1, flows: [1000, -2100, 2100, -1100].map(yuan) }),
    );
    expect(r.periodicRate).toBeCloseTo(0.1, 12);
  });

  it('reports a double root (NPV only touches zero) as the one rate', () => {
    const r = mustOk(solvePeriodicApr({ periodsPerYear: 1, flows: [100, -220, 121].map(yuan) }));
    expect(r.periodicRate).toBeCloseTo(0.1, 4);
  });

  it('says no-solution when no rate balances the flows', () => {
    const r = solvePeriodicApr({ periodsPerYear: 12, flows: [100, -100, 100].map(yuan) });
    expect(r).toMatchObject({ ok: false, error: { code: 'no-solution', field: 'cashflows' } });
  });

  it('lists both rates of a draw–repay–draw flow set (-100, +230, -132 → 10% and 20%)', () => {
    const r = solvePeriodicApr({ periodsPerYear: 1, flows: [-100, 230, -132].map(yuan) });
    expect(r.ok).toBe(false);
    if (r.ok || !('rates' in r.error)) throw new Error('expected ambiguous');
    expect(r.error.code).toBe('ambiguous-rate');
    expect(r.error.rates.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.1, 0.2]);
    expect(r.error.messageZh).toContain('10.00%');
  });
});

describe('extreme but valid rates', () => {
  it('finds 1000 % a year over 360 months (periodic rate 0.8333…)', () => {
    const r = 10 / 12;
    const pay = Math.round(levelPayment(1_000_000_00, r, 360));
    const res = mustOk(
      solvePeriodicApr({
        periodsPerYear: 12,
        flows: [cents(1_000_000_00), ...Array<Cents>(360).fill(cents(-pay))],
      }),
    );
    expect(Math.abs(res.periodicRate - r)).toBeLessThan(1e-8);
  });

  it('finds a tiny rate (0.01 % a year over 360 months)', () => {
    const r = 0.0001 / 12;
    const pay = Math.round(levelPayment(1_000_000_000_00, r, 360));
    const res = mustOk(
      solvePeriodicApr({
        periodsPerYear: 12,
        flows: [cents(1_000_000_000_00), ...Array<Cents>(360).fill(cents(-pay))],
      }),
    );
    expect(Math.abs(res.periodicRate - r)).toBeLessThan(1e-10);
  });

  it('finds a zero rate and a negative rate', () => {
    expect(
      mustOk(solvePeriodicApr({ periodsPerYear: 12, flows: [1200, -100, -1100].map(yuan) }))
        .periodicRate,
    ).toBeCloseTo(0, 14);
    expect(
      mustOk(solvePeriodicApr({ periodsPerYear: 12, flows: [1000, -500].map(yuan) })).periodicRate,
    ).toBeCloseTo(-0.5, 12);
  });

  it('a payday loan of 1,000 repaid with 1,300 after 14 days is 782% nominal (App. J (b)(5)(vii))', () => {
    const r = mustOk(solveDatedApr(dated('2025-03-01', 1000, [['2025-03-15', 1300]])));
    expect(r.nominalApr).toBeCloseTo(0.3 * (365 / 14), 12);
    expect(r.effectiveAnnualRate).toBeCloseTo(Math.pow(1.3, 365 / 14) - 1, 6);
  });

  it('says no-solution when the rate is beyond +10,000 % per period or below −99 %', () => {
    expect(solvePeriodicApr({ periodsPerYear: 12, flows: [1, -1000].map(yuan) })).toMatchObject({
      ok: false,
      error: { code: 'no-solution' },
    });
    expect(solvePeriodicApr({ periodsPerYear: 12, flows: [1000, -1].map(yuan) })).toMatchObject({
      ok: false,
      error: { code: 'no-solution' },
    });
  });

  it('never returns NaN for a very long daily schedule', () => {
    const start = isoDate('2020-01-01');
    const flows: DatedFlow[] = [{ date: start, amount: yuan(100000) }];
    for (let k = 1; k <= 3650; k++) flows.push({ date: addDays(start, k), amount: yuan(-35) });
    const r = mustOk(solveDatedApr(flows));
    expect(r.periodsPerYear).toBe(365);
    expect(Number.isFinite(r.nominalApr) && Number.isFinite(r.effectiveAnnualRate)).toBe(true);
  });
});

describe('bad input', () => {
  it('rejects an empty list', () => {
    expect(solveDatedApr([])).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'cashflows' },
    });
    expect(solvePeriodicApr({ periodsPerYear: 12, flows: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'cashflows' },
    });
  });

  it('rejects flows all of one sign, also after same-day netting', () => {
    expect(solvePeriodicApr({ periodsPerYear: 12, flows: [100, 200].map(yuan) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'cashflows' },
    });
    const d = isoDate('2024-01-01');
    expect(
      solveDatedApr([
        { date: d, amount: yuan(100) },
        { date: d, amount: yuan(-100) },
        { date: addDays(d, 30), amount: yuan(-5) },
      ]),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'cashflows' } });
  });

  it('names a date that does not exist', () => {
    const flows = [
      { date: isoDate('2024-01-30'), amount: yuan(100) },
      { date: '2024-02-30' as IsoDate, amount: yuan(-101) },
    ];
    expect(solveDatedApr(flows)).toMatchObject({
      ok: false,
      error: { code: 'invalid-date', field: 'cashflows[1].date' },
    });
  });

  it('names an amount that is not whole fen', () => {
    const flows = [
      { date: isoDate('2024-01-30'), amount: yuan(100) },
      { date: isoDate('2024-02-29'), amount: 10.5 as Cents },
    ];
    expect(solveDatedApr(flows)).toMatchObject({
      ok: false,
      error: { code: 'invalid-amount', field: 'cashflows[1].amount' },
    });
    expect(
      solvePeriodicApr({ periodsPerYear: 12, flows: [yuan(1), Number.NaN as Cents] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-amount', field: 'cashflows[1]' },
    });
  });

  it('rejects a bad periodsPerYear', () => {
    for (const ppy of [0, -12, Number.NaN, 1000])
      expect(solvePeriodicApr({ periodsPerYear: ppy, flows: [100, -101].map(yuan) })).toMatchObject(
        {
          ok: false,
          error: { code: 'invalid-input', field: 'periodsPerYear' },
        },
      );
  });
});
