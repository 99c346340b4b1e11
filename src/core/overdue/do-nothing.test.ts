import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../dates/index.js';
import { cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { projectDoNothing, projectDoNothingAt, type DoNothingInput } from './do-nothing.js';

const base: DoNothingInput = {
  asOf: isoDate('2026-01-01'),
  months: 3,
  principal: cents(10_000_00),
  interestAccrued: cents(100_00),
  penaltyAccrued: cents(0),
  feesAccrued: cents(20_00),
  annualRatePpm: ratePpm(240_000),
};

const run = (over: Partial<DoNothingInput>) => {
  const r = projectDoNothing({ ...base, ...over });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('projectDoNothing', () => {
  it('accrues contract interest and the default 罚息 (×1.5, the excess over the contract rate)', () => {
    const [m1] = run({ monthlyLateFee: cents(50_00), legalLinePpm: ratePpm(240_000) });
    // 31 days: interest 10,000 × 24% × 31/365 = 203.84; 罚息 excess 12% → 101.92; fees 20 + 50
    expect(m1).toMatchObject({
      month: 1,
      date: '2026-02-01',
      principal: 10_000_00,
      interest: 100_00 + 203_84,
      penalty: 101_92,
      fees: 70_00,
      total: 10_000_00 + 303_84 + 101_92 + 70_00,
      // projected charges 355.76 capped at 24% × 31/365 = 203.84; accrued 120 carried as given
      totalCapped: 10_000_00 + 120_00 + 203_84,
    });
    expect(m1?.creditReportNoteZh).toMatch(/征信/);
  });

  it('charges an on-top 罚息 in full', () => {
    const [m1] = run({ penaltyRatePpm: ratePpm(182_500), penaltyMode: 'on-top' });
    expect(m1?.penalty).toBe(155_00); // 10,000 × 18.25% × 31/365
    expect(m1?.totalCapped).toBeNull();
  });

  it('dates months from the anchor (Jan 31 → Feb 28 → Mar 31)', () => {
    expect(run({ asOf: isoDate('2026-01-31') }).map((m) => m.date)).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it('notes the month three years after the last due date (民法典 第188、189条)', () => {
    const rows = run({ months: 24, lastDueDate: isoDate('2023-06-15') });
    const noted = rows.filter((r) => r.limitationNoteZh);
    expect(noted.map((r) => r.date)).toEqual(['2026-07-01']);
    expect(noted[0]?.limitationNoteZh).toMatch(/2026-06-15.*第195条/);
  });

  it('says on month 1 when three years had already passed before asOf', () => {
    const rows = run({ lastDueDate: isoDate('2022-01-01') });
    expect(rows[0]?.limitationNoteEn).toMatch(/passed on 2025-01-01/);
    expect(rows.slice(1).some((r) => r.limitationNoteZh)).toBe(false);
  });

  it('rejects 0 and 121 months and a negative principal, naming the field', () => {
    for (const [over, field] of [
      [{ months: 0 }, 'months'],
      [{ months: 121 }, 'months'],
      [{ months: 1.5 }, 'months'],
      [{ principal: cents(-1) }, 'principal'],
      [{ annualRatePpm: ratePpm(10_000_001) }, 'annualRatePpm'],
    ] as const) {
      const r = projectDoNothing({ ...base, ...over });
      expect(r.ok ? null : r.error.field).toBe(field);
    }
  });

  it('keeps the capped series at or below the uncapped one, and both never fall (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          principal: fc.integer({ min: 0, max: 1_000_000_000 }),
          accrued: fc.integer({ min: 0, max: 10_000_000 }),
          rate: fc.integer({ min: 0, max: 3_650_000 }),
          penalty: fc.option(fc.integer({ min: 0, max: 3_650_000 }), { nil: undefined }),
          onTop: fc.boolean(),
          fee: fc.integer({ min: 0, max: 100_000 }),
          line: fc.integer({ min: 0, max: 360_000 }),
          months: fc.integer({ min: 1, max: 120 }),
          day: fc.integer({ min: 0, max: 3000 }),
        }),
        (x) => {
          const rows = projectDoNothing({
            asOf: addDays(isoDate('2024-01-01'), x.day),
            months: x.months,
            principal: cents(x.principal),
            interestAccrued: cents(x.accrued),
            penaltyAccrued: cents(0),
            feesAccrued: cents(0),
            annualRatePpm: ratePpm(x.rate),
            ...(x.penalty === undefined ? {} : { penaltyRatePpm: ratePpm(x.penalty) }),
            penaltyMode: x.onTop ? 'on-top' : 'replaces-contract-rate',
            monthlyLateFee: cents(x.fee),
            legalLinePpm: ratePpm(x.line),
          });
          if (!rows.ok) throw new Error(rows.error.message);
          expect(rows.value).toHaveLength(x.months);
          let prev = { total: 0, capped: 0 };
          for (const r of rows.value) {
            expect(r.totalCapped!).toBeLessThanOrEqual(r.total);
            expect(r.total).toBe(r.principal + r.interest + r.penalty + r.fees);
            expect(r.total).toBeGreaterThanOrEqual(prev.total);
            expect(r.totalCapped!).toBeGreaterThanOrEqual(prev.capped);
            prev = { total: r.total, capped: r.totalCapped! };
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('projectDoNothingAt gives the last month of the series, notes included, or the same error', () => {
    fc.assert(
      fc.property(
        fc.record({
          principal: fc.integer({ min: 0, max: 1_000_000_000 }),
          rate: fc.integer({ min: 0, max: 3_650_000 }),
          line: fc.option(fc.integer({ min: 0, max: 360_000 }), { nil: undefined }),
          months: fc.integer({ min: 0, max: 121 }),
          day: fc.integer({ min: 0, max: 3000 }),
          lastDue: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
        }),
        (x) => {
          const input: DoNothingInput = {
            ...base,
            asOf: addDays(isoDate('2024-01-31'), x.day),
            months: x.months,
            principal: cents(x.principal),
            annualRatePpm: ratePpm(x.rate),
            ...(x.line === undefined ? {} : { legalLinePpm: ratePpm(x.line) }),
            ...(x.lastDue === undefined
              ? {}
              : { lastDueDate: addDays(isoDate('2020-01-31'), x.lastDue) }),
          };
          const all = projectDoNothing(input);
          const last = projectDoNothingAt(input);
          if (!all.ok) expect(last).toEqual(all);
          else expect(last).toEqual({ ok: true, value: all.value[all.value.length - 1] });
        },
      ),
      { numRuns: 200 },
    );
  });
});
