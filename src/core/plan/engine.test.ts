import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, cents, mulDiv } from '../money/index.js';
import { monthlyInterest, splitProRata } from './engine.js';

describe('splitProRata', () => {
  it('equals allocate() from core/money when no debt reaches its need', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (ws, amount) => {
          fc.pre(ws.some((w) => w > 0));
          const idx = ws.map((_, i) => i);
          const need = ws.map(() => 2 ** 46);
          const order = [...idx].sort((a, b) => ws[b]! - ws[a]! || a - b);
          const pay = ws.map(() => 0);
          splitProRata(amount, idx, ws, need, order, pay);
          expect(pay).toEqual(allocate(cents(amount), ws));
        },
      ),
    );
  });

  it('never gives more than the need, and gives out exactly the amount', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            w: fc.integer({ min: 0, max: 1_000_000 }),
            need: fc.integer({ min: 1, max: 500_000 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 5_000_000 }),
        (ds, amount) => {
          const sumNeed = ds.reduce((s, d) => s + d.need, 0);
          fc.pre(sumNeed > amount);
          const idx = ds.map((_, i) => i);
          const w = ds.map((d) => d.w);
          const need = ds.map((d) => d.need);
          const order = [...idx].sort((a, b) => w[b]! - w[a]! || a - b);
          const pay = ds.map(() => 0);
          splitProRata(amount, idx, w, need, order, pay);
          expect(pay.reduce((s, p) => s + p, 0)).toBe(amount);
          pay.forEach((p, i) => expect(p).toBeLessThanOrEqual(need[i]!));
        },
      ),
    );
  });

  it('gives a capped debt its need and re-splits the rest (3000:1000 weights, need 100)', () => {
    const pay = [0, 0];
    splitProRata(1000, [0, 1], [3000, 1000], [5000, 100], [0, 1], pay);
    expect(pay).toEqual([900, 100]);
  });

  it('gives the leftover fen to the largest weight, ties to the earlier debt', () => {
    const pay = [0, 0, 0];
    splitProRata(2, [0, 1, 2], [1, 1, 1], [9, 9, 9], [0, 1, 2], pay);
    expect(pay).toEqual([1, 1, 0]);
  });
});

describe('monthlyInterest', () => {
  it('is balance × rate / 12 rounded half-up, exact for huge balances', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (b, r) => {
          expect(monthlyInterest(b, r)).toBe(mulDiv(cents(b), r, 12_000_000, 'halfUp'));
        },
      ),
    );
  });
});
