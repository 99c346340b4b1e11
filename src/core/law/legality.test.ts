import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveDatedApr, type DatedFlow } from '../apr/index.js';
import { addDays, addMonths, isoDate, type IsoDate } from '../dates/index.js';
import { cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { buildSchedule } from '../schedule/index.js';
import { checkLegality, principalActuallyReceived, recalculateAtLine } from './legality.js';

const flow = (date: string, yuanFen: number): DatedFlow => ({
  date: isoDate(date),
  amount: cents(yuanFen),
});
const line = (id: string, ppm: number) => ({ id, limitPpm: ratePpm(ppm) });

// The end-to-end cases need the core/apr solver. A failing probe is a broken solver, not a reason
// to skip: the suite fails (a skip here once hid a regression).
const probe = solveDatedApr([flow('2025-01-01', 100_00), flow('2026-01-01', -110_00)]);
const solverReady = probe.ok;

describe('the core/apr solver probe', () => {
  it('solves 100 → 110 a year later (the end-to-end cases below depend on it)', () => {
    expect(probe, 'core/apr could not solve the probe flows').toMatchObject({ ok: true });
  });
});

describe('principalActuallyReceived (民法典 第670条)', () => {
  it('nets a fee withheld on the day of the draw: 10,000 lent, 2,000 kept back → 8,000', () => {
    expect(
      principalActuallyReceived([
        flow('2025-06-01', 10_000_00),
        flow('2025-06-01', -2_000_00),
        flow('2025-07-01', -1_000_00),
      ]),
    ).toBe(8_000_00);
  });

  it('counts draws before the first payment only', () => {
    expect(
      principalActuallyReceived([
        flow('2025-08-01', 500_00),
        flow('2025-06-01', 3_000_00),
        flow('2025-07-01', -100_00),
      ]),
    ).toBe(3_000_00);
  });
});

describe('recalculateAtLine', () => {
  it('accrues simple interest actual/365 and rounds half-up at each payment (24%, 31 + 30 days)', () => {
    // 10,000 × 24% × 31/365 = 203.8356 → 203.84; principal 10,000 − 796.16 = 9,203.84;
    // then 9,203.84 × 24% × 30/365 = 181.5552 → 181.56; owed 9,385.40
    const r = recalculateAtLine({
      flows: [flow('2025-01-01', 10_000_00), flow('2025-02-01', -1_000_00)],
      line: line('licensed-24', 240_000),
      asOf: isoDate('2025-03-03'),
    });
    expect(r).toEqual({
      line: 'licensed-24',
      limit: 0.24,
      outstanding: 9_385_40,
      overpaid: 0,
      interestAtLine: 203_84 + 181_56,
    });
  });

  it('rounds an exact half fen up (5.00 at 36.5% for one day = 0.5 fen → 1 fen)', () => {
    const r = recalculateAtLine({
      flows: [flow('2025-01-01', 500), flow('2025-01-02', -1)],
      line: line('x', 365_000),
      asOf: isoDate('2025-01-02'),
    });
    expect([r.interestAtLine, r.outstanding]).toEqual([1, 500]);
  });

  it('finds the overpayment of a 砍头息 loan at 4×LPR 12%: 8,000 received, 10,000 repaid after a year', () => {
    const r = recalculateAtLine({
      flows: [flow('2025-06-01', 8_000_00), flow('2026-06-01', -10_000_00)],
      line: line('private-lpr4x', 120_000),
      asOf: isoDate('2026-06-01'),
    });
    expect([r.interestAtLine, r.outstanding, r.overpaid]).toEqual([960_00, 0, 1_040_00]);
  });

  it('switches rate on a segment boundary (24% to 2020-08-19, then 15.4%)', () => {
    // 10,000 × (24% × 10 + 15.4% × 10) / 365 = 107.945 → 107.95
    const r = recalculateAtLine({
      flows: [flow('2020-08-10', 10_000_00)],
      line: {
        id: 'private-transition',
        limitPpm: ratePpm(154_000),
        segments: [
          { from: isoDate('2019-01-01'), ppm: ratePpm(240_000) },
          { from: isoDate('2020-08-20'), ppm: ratePpm(154_000) },
        ],
      },
      asOf: isoDate('2020-08-30'),
    });
    expect(r.outstanding).toBe(10_107_95);
  });

  const flowsArb = fc
    .array(
      fc.record({
        day: fc.integer({ min: 0, max: 1500 }),
        amount: fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((x) => x !== 0),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((xs) =>
      xs.map((x) => ({ date: addDays(isoDate('2021-01-01'), x.day), amount: cents(x.amount) })),
    );

  it('never reports both outstanding and overpaid, and balances every fen (property)', () => {
    fc.assert(
      fc.property(
        flowsArb,
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.nat(400),
        (flows, ppm, extra) => {
          const last = flows.reduce<IsoDate>((m, f) => (f.date > m ? f.date : m), flows[0]!.date);
          const r = recalculateAtLine({ flows, line: line('p', ppm), asOf: addDays(last, extra) });
          expect(r.outstanding >= 0 && r.overpaid >= 0).toBe(true);
          expect(r.outstanding === 0 || r.overpaid === 0).toBe(true);
          // conservation: owed − overpaid = draws + interest − payments
          const net = flows.reduce((s, f) => s + f.amount, 0);
          expect(r.outstanding - r.overpaid).toBe(net + r.interestAtLine);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe.runIf(solverReady)(
  `checkLegality end to end${solverReady ? '' : ' (not run: the solver probe above FAILED)'}`,
  () => {
    it('flags a 砍头息 loan: contract 10,000, received 8,000, 12 × 1,000 (private, 2025-06)', () => {
      const flows = [flow('2025-06-01', 8_000_00)];
      for (let m = 1; m <= 12; m++)
        flows.push({ date: addMonths(isoDate('2025-06-01'), m), amount: cents(-1_000_00) });
      const r = checkLegality({
        lenderType: 'private',
        contractDate: isoDate('2025-06-01'),
        contractPrincipal: cents(10_000_00),
        cashflows: flows,
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.principalReceived).toBe(8_000_00);
      expect(r.value.upfrontDeduction).toBe(2_000_00);
      expect(r.value.verdicts.map((v) => [v.rule, v.limit, v.exceeded])).toEqual([
        ['private-lpr4x', 0.12, true],
      ]);
      expect(r.value.nominalApr).toBeGreaterThan(0.6);
      expect(r.value.recalculation?.overpaid).toBeGreaterThan(0);
      expect(r.value.recalculation?.outstanding).toBe(0);
      expect(r.value.unconfirmedRules).toEqual([]);
    });

    it('treats a loan priced exactly at the 24% line as at the line, not above it (at the line)', () => {
      const at = (annualPpm: number) => {
        const s = buildSchedule({
          principal: cents(1_000_00),
          periods: 3,
          method: 'equal-installment',
          startDate: isoDate('2025-03-10'),
          annualRatePpm: ratePpm(annualPpm),
        });
        if (!s.ok) throw new Error(s.error.message);
        const flows: DatedFlow[] = [flow('2025-03-10', 1_000_00)];
        for (const row of s.value.rows)
          flows.push({ date: row.dueDate, amount: cents(-row.payment) });
        const r = checkLegality({
          lenderType: 'consumer-finance',
          contractDate: isoDate('2025-03-10'),
          contractPrincipal: cents(1_000_00),
          cashflows: flows,
        });
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const exact = at(240_000);
      expect(exact.nominalApr).toBeGreaterThan(0.24 + 1e-5); // 3 × 346.75: fen rounding lifts it above the line
      expect(exact.verdicts.find((v) => v.limit === 0.24)?.exceeded).toBe(false);
      expect(exact.recalculation).toBeNull();
      const above = at(241_000);
      expect(above.verdicts.find((v) => v.limit === 0.24)?.exceeded).toBe(true);
      expect(above.recalculation).not.toBeNull();
    });

    it('keeps the PBOC example under the 24% line: 100,000, 1,000 fee, 12 × 8,833.30 → 12.80% (中国人民银行公告〔2021〕第3号 example, FACTS §4c)', () => {
      const flows = [flow('2025-01-15', 100_000_00), flow('2025-01-15', -1_000_00)];
      for (let m = 1; m <= 12; m++)
        flows.push({ date: addMonths(isoDate('2025-01-15'), m), amount: cents(-8_833_30) });
      const r = checkLegality({
        lenderType: 'bank',
        contractDate: isoDate('2025-01-15'),
        contractPrincipal: cents(100_000_00),
        cashflows: flows,
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.nominalApr).toBeCloseTo(0.128, 3);
      // XIRR on actual dates (Feb is short) lands a little above the periodic 13.58%
      expect(r.value.effectiveAnnualRate).toBeGreaterThan(0.135);
      expect(r.value.effectiveAnnualRate).toBeLessThan(0.137);
      expect(r.value.principalReceived).toBe(99_000_00);
      expect(r.value.upfrontDeduction).toBe(1_000_00);
      expect(r.value.verdicts.map((v) => v.exceeded)).toEqual([false, false]);
      // within the line the contract governs: no court-style recalculation
      expect(r.value.recalculation).toBeNull();
    });

    it('uses the 第31条 transition for a private loan of 2019: 24%/36% lines and 4×LPR after 2020-08-20', () => {
      const r = checkLegality({
        lenderType: 'private',
        contractDate: isoDate('2019-03-01'),
        contractPrincipal: cents(50_000_00),
        cashflows: [flow('2019-03-01', 50_000_00), flow('2021-03-01', -70_000_00)],
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.verdicts.map((v) => [v.rule, v.exceeded])).toEqual([
        ['private-2015-24', false],
        ['private-2015-36', false],
        ['private-lpr4x-filing', true],
      ]);
      expect(r.value.recalculation?.line).toBe('private-transition');
      // one payment date, one rounding: 50,000 × (24% × 538 days + 15.4% × 193 days) / 365
      const expectedInterest = Math.round((50_000_00 * (0.24 * 538 + 0.154 * 193)) / 365);
      expect(r.value.recalculation?.interestAtLine).toBe(expectedInterest);
    });

    it('flags the 4×LPR line U for a contract after the LPR table was last checked', () => {
      const r = checkLegality({
        lenderType: 'private',
        contractDate: isoDate('2026-11-01'),
        contractPrincipal: cents(10_000_00),
        cashflows: [flow('2026-11-01', 10_000_00), flow('2027-11-01', -13_000_00)],
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.verdicts.map((v) => [v.rule, v.certainty, v.exceeded])).toEqual([
        ['private-lpr4x', 'U', true],
      ]);
      expect(r.value.unconfirmedRules).toEqual(['private-lpr4x']);
      // 10,000 × 12% × 365/365 = 1,200; 13,000 paid → 1,800 overpaid
      expect(r.value.recalculation?.overpaid).toBe(1_800_00);
    });

    it('flags the U legacy-36 rule of a licensed lender in unconfirmedRules', () => {
      const r = checkLegality({
        lenderType: 'consumer-finance',
        contractDate: isoDate('2025-01-01'),
        contractPrincipal: cents(10_000_00),
        cashflows: [flow('2025-01-01', 10_000_00), flow('2026-01-01', -11_000_00)],
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.unconfirmedRules).toEqual(['legacy-36']);
      expect(r.value.verdicts.map((v) => [v.rule, v.exceeded, v.certainty])).toEqual([
        ['licensed-24', false, 'S'],
        ['legacy-36', false, 'U'],
      ]);
      expect(r.value.verdicts[1]?.noteZh).toMatch(/待核实/);
      expect(r.value.recalculation).toBeNull();
    });
  },
);

describe('checkLegality input checks', () => {
  it('rejects a zero contract principal, naming the field', () => {
    const r = checkLegality({
      lenderType: 'bank',
      contractDate: isoDate('2025-01-01'),
      contractPrincipal: cents(0),
      cashflows: [flow('2025-01-01', 100)],
    });
    expect(r.ok ? null : [r.error.code, r.error.field]).toEqual([
      'invalid-amount',
      'contractPrincipal',
    ]);
  });

  it('rejects an asOf before the last flow', () => {
    const r = checkLegality(
      {
        lenderType: 'bank',
        contractDate: isoDate('2025-01-01'),
        contractPrincipal: cents(100),
        cashflows: [flow('2025-01-01', 100), flow('2025-03-01', -110)],
      },
      isoDate('2025-02-01'),
    );
    expect(r.ok ? null : r.error.field).toBe('asOf');
  });
});
