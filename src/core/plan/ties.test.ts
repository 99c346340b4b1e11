// Ties no other plan test pins down: a monthly interest of exactly half a fen (both arithmetic
// paths), and two debts at the same rate under highest-cost-first (the earlier one goes first).
import { describe, expect, it } from 'vitest';
import { isoDate } from '../dates/index.js';
import { cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { monthlyInterest, simulatePlan, type EngineDebt } from './engine.js';

describe('monthlyInterest: half a fen rounds up (half-up), just below rounds down', () => {
  it('small amounts (double arithmetic): ¥1.50 at 20 % a year is 2.5 fen → 3', () => {
    // 150 × 200,000 / 12,000,000 = 2.5 exactly
    expect(monthlyInterest(150, 200_000)).toBe(3);
    // 149 × 200,000 / 12,000,000 = 2.483…
    expect(monthlyInterest(149, 200_000)).toBe(2);
    // 6,000,000 / 12,000,000 = 0.5 → 1; 5,999,999 / 12,000,000 → 0
    expect(monthlyInterest(6_000_000, 1)).toBe(1);
    expect(monthlyInterest(5_999_999, 1)).toBe(0);
  });

  it('large amounts (BigInt arithmetic): 4.5e14 + 30 fen at 20 % is 7.5e12 + 0.5 fen → up', () => {
    // (450,000,000,000,030 × 200,000) / 12,000,000 = 7,500,000,000,000.5 (product beyond 2^53)
    expect(monthlyInterest(450_000_000_000_030, 200_000)).toBe(7_500_000_000_001);
    expect(monthlyInterest(450_000_000_000_029, 200_000)).toBe(7_500_000_000_000);
  });
});

describe('highest-cost-first: equal rates go in input order', () => {
  const debt = (principal: number): EngineDebt => ({
    principal: cents(principal),
    interestDue: cents(0),
    penalty: cents(0),
    ratePpm: ratePpm(120_000),
    floor: cents(0),
    termLimit: 120,
    weight: 1,
  });
  const run = (debts: EngineDebt[]) =>
    simulatePlan({
      anchor: isoDate('2026-01-15'),
      startMonth: 0,
      total: cents(600_00),
      strategy: 'highest-cost-first',
      debts,
    });

  it('the first of two equal-rate debts gets the whole month until it is repaid', () => {
    const r = run([debt(1_000_00), debt(1_000_00)]);
    expect(r.feasible).toBe(true);
    // month 1: 1,000.00 × 12 % / 12 = 10.00 interest each; all 600.00 go to the first debt
    expect(r.rows[0]![0]!).toMatchObject({
      payment: 600_00,
      interest: 10_00,
      principal: 590_00,
      balanceAfter: 410_00,
    });
    // the second pays nothing yet: its 10.00 interest is owed (and bears no interest)
    expect(r.rows[1]![0]!).toMatchObject({ payment: 0, balanceAfter: 1_010_00 });
    // month 2: the first closes with 410.00 + 4.10; the rest, 185.90, goes to the second:
    // 10.00 unpaid + 10.00 this month = 20.00 interest, 165.90 principal
    expect(r.rows[0]![1]!).toMatchObject({ payment: 414_10, interest: 4_10, balanceAfter: 0 });
    expect(r.rows[1]![1]!).toMatchObject({ payment: 185_90, interest: 20_00, principal: 165_90 });
    expect(r.payoffMonth[0]!).toBeLessThan(r.payoffMonth[1]!);
  });

  it('swapping the input order swaps who goes first (the tie is order, not amount)', () => {
    const r = run([debt(2_000_00), debt(1_000_00)]);
    expect(r.rows[0]![0]!.payment).toBeGreaterThan(r.rows[1]![0]!.payment);
    const s = run([debt(1_000_00), debt(2_000_00)]);
    expect(s.rows[0]![0]!.payment).toBeGreaterThan(s.rows[1]![0]!.payment);
  });
});
