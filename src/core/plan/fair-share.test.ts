import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitFairShares } from './fair-share.js';
import { referenceShares } from '../../../test/fair-share-reference.js';

function run(total: number, cells: { f: number; o: number; w: number }[]): number[] {
  const pay = cells.map(() => 0);
  const idx = cells.map((_, i) => i);
  const order = [...idx].sort((a, b) => cells[b]!.w - cells[a]!.w || a - b);
  splitFairShares(
    total,
    idx,
    cells.map((c) => c.f),
    cells.map((c) => c.o),
    cells.map((c) => c.w),
    order,
    pay,
  );
  return pay;
}

const cellsArb = fc
  .array(
    fc.record({
      o: fc.integer({ min: 1, max: 50_000_000 }),
      fPct: fc.integer({ min: 0, max: 100 }),
      fAbs: fc.integer({ min: 0, max: 200_000 }),
      wMode: fc.constantFrom('owed', 'random'),
      w: fc.integer({ min: 1, max: 50_000_000 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((xs) =>
    xs.map((x) => ({
      o: x.o,
      f: Math.min(x.o, x.fPct < 50 ? x.fAbs : Math.floor((x.o * x.fPct) / 1000)),
      w: x.wMode === 'owed' ? x.o : x.w,
    })),
  );

describe('splitFairShares (pro-rata with floors lifting only shares below them)', () => {
  it('pays by weight, lifts a small share to its floor, re-splits the rest proportionally', () => {
    // 10,000 fen of capacity; balances 900,000 / 90,000 / 10,000 (weights = balances), floor ¥5
    // each. Proportional: 9,000 / 900 / 100 — only the last is below its 500-fen floor, so it gets
    // 500 and the 9,500 left is split 10:1: 8,636.36… / 863.63…, the leftover fen to the largest.
    const pay = run(10_000, [
      { o: 900_000, f: 500, w: 900_000 },
      { o: 90_000, f: 500, w: 90_000 },
      { o: 10_000, f: 500, w: 10_000 },
    ]);
    expect(pay).toEqual([8_637, 863, 500]);
  });

  it('a debt whose share reaches what it owes gets exactly that; the excess rolls to the others', () => {
    const pay = run(10_000, [
      { o: 100_000, f: 0, w: 100_000 },
      { o: 1_000, f: 0, w: 100_000 },
    ]);
    expect(pay).toEqual([9_000, 1_000]);
  });

  it('property: parts sum to the total, stay within [floor, owed], and each is within one fen of clamp(λ·w, floor, owed)', () => {
    fc.assert(
      fc.property(cellsArb, fc.integer({ min: 0, max: 1_000_000 }), (cells, pct) => {
        const sumF = cells.reduce((s, c) => s + c.f, 0);
        const sumO = cells.reduce((s, c) => s + c.o, 0);
        if (sumF >= sumO) return;
        // a total with Σfloor ≤ total < Σowed (the engine's precondition)
        const total = sumF + Math.floor(((sumO - 1 - sumF) * pct) / 1_000_000);
        const pay = run(total, cells);
        expect(pay.reduce((s, x) => s + x, 0)).toBe(total);
        const ref = referenceShares(total, cells);
        cells.forEach((c, i) => {
          expect(pay[i]!).toBeGreaterThanOrEqual(c.f);
          expect(pay[i]!).toBeLessThanOrEqual(c.o);
          expect(Math.abs(pay[i]! - ref[i]!)).toBeLessThan(1 + 1e-6);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
