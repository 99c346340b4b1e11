import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents } from '../money/index.js';
import { buildBudget, parseBudgetInput, toMonthly, type BudgetInput } from './index.js';

function budget(raw: unknown) {
  const r = parseBudgetInput(raw);
  if (!r.ok) throw new Error(r.error.message);
  return buildBudget(r.value);
}

const base = {
  household: { adults: 1, children: 0, dependants: 0, city: '深圳' },
  income: [{ label: '工资', amount: '8000.00', frequency: 'monthly' }],
  expenditure: [
    { label: '房租', category: 'housing', amount: '2000.00' },
    { label: '伙食', category: 'food', amount: '1500.00' },
    { label: '话费', category: 'phone', amount: '100.00' },
    { label: '衣物', category: 'clothing', amount: '1200.00', frequency: 'yearly' },
    { label: '娱乐', category: 'leisure', amount: '200.00' },
  ],
  emergencyBuffer: '200.00',
  debts: [{ creditor: '借呗', balance: '10000.00', contractualPayment: '1000.00' }],
};

describe('toMonthly', () => {
  it('weekly × 52 / 12 rounded half-up: ¥100 a week is ¥433.33 a month', () => {
    expect(toMonthly(cents(100_00), 'weekly')).toBe(433_33);
    expect(toMonthly(cents(1), 'weekly')).toBe(4); // 4.333 → 4
    expect(toMonthly(cents(3), 'weekly')).toBe(13); // 12.999… → 13
  });
  it('yearly and one-off over 12 months, half-up', () => {
    expect(toMonthly(cents(1000_00), 'yearly')).toBe(83_33);
    expect(toMonthly(cents(6), 'one-off')).toBe(1); // 0.5 → 1
  });
});

describe('buildBudget', () => {
  it('splits priority, other fixed and flexible costs and computes the capacity', () => {
    const b = budget(base);
    expect(b.totals).toMatchObject({
      income: 800000,
      priority: 350000,
      fixed: 10000,
      flexible: 30000,
    });
    expect(b.capacity).toBe(800000 - 350000 - 10000 - 30000 - 20000);
    expect(b.warnings).toEqual([]);
  });

  it('warns about negative capacity and zero food, and marks them noted when explained', () => {
    const b = budget({
      ...base,
      income: [{ label: '工资', amount: '1000.00' }],
      expenditure: base.expenditure.filter((l) => l.category !== 'food'),
    });
    expect(b.warnings.map((w) => w.code)).toEqual(['negative-capacity', 'food-zero']);
    expect(b.warnings.every((w) => !w.noted)).toBe(true);
    const noted = budget({
      ...base,
      household: { ...base.household, note: '父母接济伙食' },
      income: [{ label: '工资', amount: '1000.00' }],
      expenditure: base.expenditure.filter((l) => l.category !== 'food'),
    });
    expect(noted.warnings.every((w) => w.noted)).toBe(true);
  });

  it('flags a flexible line far above the rest', () => {
    const b = budget({
      ...base,
      expenditure: [
        ...base.expenditure,
        { label: '游戏充值', category: 'leisure', amount: '1500.00' },
      ],
    });
    const w = b.warnings.find((x) => x.code === 'flexible-outlier');
    expect(w?.field).toBe('expenditure[5]');
    expect(w?.noted).toBe(false);
  });

  it('shows creditors totals only', () => {
    const s = budget(base).creditorSummary;
    expect(Object.keys(s).sort()).toEqual(
      [
        'adults',
        'capacity',
        'children',
        'contractualPayments',
        'creditors',
        'dependants',
        'emergencyBuffer',
        'flexibleCosts',
        'monthlyIncome',
        'otherFixedCosts',
        'priorityCosts',
        'totalOwed',
      ].sort(),
    );
    expect(JSON.stringify(s)).not.toContain('房租');
  });

  it('capacity = income − costs − buffer for any statement (fast-check)', () => {
    const lineArb = fc.record({
      amount: fc.integer({ min: 0, max: 10_000_000 }),
      frequency: fc.constantFrom('weekly', 'monthly', 'yearly', 'one-off' as const),
    });
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 6 }),
        fc.array(
          fc.tuple(lineArb, fc.constantFrom('housing', 'food', 'phone', 'leisure' as const)),
          {
            maxLength: 10,
          },
        ),
        fc.integer({ min: 0, max: 100_000 }),
        (inc, exp, buffer) => {
          const input: BudgetInput = {
            household: { adults: 1, children: 0, dependants: 0, city: null, note: null },
            income: inc.map((l, i) => ({
              label: `i${i}`,
              amount: cents(l.amount),
              frequency: l.frequency,
              note: null,
            })),
            expenditure: exp.map(([l, c], i) => ({
              label: `e${i}`,
              amount: cents(l.amount),
              frequency: l.frequency,
              note: null,
              category: c,
            })),
            emergencyBuffer: cents(buffer),
            debts: [],
          };
          const b = buildBudget(input);
          const inSum = b.income.reduce((s, l) => s + l.monthly, 0);
          const exSum = b.expenditure.reduce((s, l) => s + l.monthly, 0);
          expect(b.capacity).toBe(inSum - exSum - buffer);
          expect(b.totals.priority + b.totals.fixed + b.totals.flexible).toBe(exSum);
          expect(b.warnings.some((w) => w.code === 'negative-capacity')).toBe(b.capacity < 0);
        },
      ),
    );
  });
});

describe('parseBudgetInput', () => {
  it.each([
    [
      'a negative amount',
      { ...base, income: [{ label: 'x', amount: '-1.00' }] },
      'income[0].amount',
    ],
    [
      'an unknown frequency',
      { ...base, income: [{ label: 'x', amount: '1.00', frequency: 'daily' }] },
      'income[0].frequency',
    ],
    [
      'an unknown category',
      { ...base, expenditure: [{ label: 'x', amount: '1.00', category: 'cats' }] },
      'expenditure[0].category',
    ],
    [
      'a missing label',
      { ...base, expenditure: [{ amount: '1.00', category: 'food' }] },
      'expenditure[0].label',
    ],
    ['a bad household count', { ...base, household: { adults: -1 } }, 'household.adults'],
    ['a bad buffer', { ...base, emergencyBuffer: '1,000' }, 'emergencyBuffer'],
  ])('rejects %s, naming the field', (_n, raw, field) => {
    const r = parseBudgetInput(raw);
    expect(r.ok || r.error.field).toBe(field);
  });
});

describe('parseBudgetInput names a missing category plainly', () => {
  it('says the category is missing instead of quoting "undefined"', () => {
    const r = parseBudgetInput({
      ...base,
      expenditure: [{ label: '游戏充值', amount: '200.00', frequency: 'monthly' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe('expenditure[0].category');
    expect(r.error.message).toContain('is required');
    expect(r.error.message).not.toContain('undefined');
    expect(r.error.messageZh).toContain('必须填写');
  });
});
