import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetToJson, buildBudget, parseBudgetInput } from './index.js';

const base = (day: unknown) => ({
  income: [{ label: '工资', amount: '5000.00', ...(day === undefined ? {} : { dayOfMonth: day }) }],
  expenditure: [{ label: '吃饭', amount: '1000.00', category: 'food' }],
});

describe('budget lines: optional dayOfMonth (payday / due day for the forecast)', () => {
  it('keeps a day from 1 to 31 and leaves the JSON unchanged when absent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), (d) => {
        const p = parseBudgetInput(base(d));
        expect(p.ok && p.value.income[0]!.dayOfMonth).toBe(d);
      }),
    );
    const p = parseBudgetInput(base(undefined));
    if (!p.ok) throw new Error(p.error.message);
    expect('dayOfMonth' in p.value.income[0]!).toBe(false);
    expect('dayOfMonth' in budgetToJson(buildBudget(p.value)).income[0]!).toBe(false);
  });

  it('rejects anything else, naming the line', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ max: 0 }),
          fc.integer({ min: 32 }),
          fc.double({ min: 1.01, max: 30.99, noInteger: true }),
          fc.constant('10'),
        ),
        (d) => {
          const p = parseBudgetInput(base(d));
          expect(p.ok).toBe(false);
          if (!p.ok) expect(p.error.field).toBe('income[0].dayOfMonth');
        },
      ),
    );
  });
});
