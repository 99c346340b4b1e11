import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { isoDate } from '../dates/index.js';
import { isPlanFeasible, monthlyInterest, type EngineInput } from './engine.js';
import { searchShortfall } from './shortfall.js';
import { STRATEGIES } from './types.js';

/** The search as it was before it steered by deficits: plain bisection to the fen. */
function bisectShortfall(engine: EngineInput): number {
  const ok = (extra: number) => isPlanFeasible({ ...engine, total: cents(engine.total + extra) });
  if (ok(0)) return 0;
  let owed = 0;
  for (const d of engine.debts)
    owed += d.principal + d.interestDue + d.penalty + monthlyInterest(d.principal, d.ratePpm);
  let hi = Math.max(1, owed - engine.total);
  let lo = 0;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const engineArb = fc.record({
  total: fc.integer({ min: 0, max: 2_000_000 }),
  strategy: fc.constantFrom(...STRATEGIES),
  startMonth: fc.integer({ min: 0, max: 24 }),
  debts: fc.array(
    fc.record({
      principal: fc.integer({ min: 0, max: 50_000_000 }),
      interestDue: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200_000 })),
      penalty: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500_000 })),
      ratePpm: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400_000 })),
      floor: fc.integer({ min: 0, max: 50_000 }),
      termLimit: fc.integer({ min: -2, max: 60 }),
      weight: fc.integer({ min: 0, max: 50_000_000 }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

describe('searchShortfall', () => {
  it('finds the same fen as a plain bisection, for every strategy and term limit', () => {
    fc.assert(
      fc.property(engineArb, (x) => {
        const engine: EngineInput = {
          anchor: isoDate('2026-01-31'),
          startMonth: x.startMonth,
          total: cents(x.total),
          strategy: x.strategy,
          debts: x.debts.map((d) => ({
            principal: cents(d.principal),
            interestDue: cents(d.interestDue),
            penalty: cents(d.penalty),
            ratePpm: ratePpm(d.ratePpm),
            floor: cents(d.floor),
            termLimit: d.termLimit,
            weight: d.weight,
          })),
        };
        expect(searchShortfall(engine)).toBe(bisectShortfall(engine));
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
