import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents } from '../money/index.js';
import { isoDate } from '../dates/index.js';
import { expandSegments, validateInstallments } from './installments.js';

const d = isoDate;

describe('expandSegments', () => {
  it('expands 3 × ¥200 then 33 × ¥980 (the issue’s irregular example) from one anchor', () => {
    const r = expandSegments([
      { count: 3, amount: cents(200_00), firstDueOn: d('2026-01-31') },
      { count: 33, amount: cents(980_00), firstDueOn: null },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(36);
    expect(r.value.slice(0, 4).map((x) => x.dueOn)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(r.value[3]!.amount).toBe(980_00);
    expect(r.value[35]!.dueOn).toBe('2028-12-31');
    expect(r.value.reduce((s, x) => s + x.amount, 0)).toBe(3 * 200_00 + 33 * 980_00);
  });

  it('rejects a first run without a date', () => {
    const r = expandSegments([{ count: 2, amount: cents(100), firstDueOn: null }]);
    expect(r.ok ? null : r.error.field).toBe('segments[0].firstDueOn');
  });
});

describe('validateInstallments', () => {
  const list = [
    { dueOn: d('2026-01-10'), amount: cents(200_00) },
    { dueOn: d('2026-02-10'), amount: cents(980_00) },
  ];
  it('accepts a list that adds up and numbers it', () => {
    const r = validateInstallments({
      agreedOn: d('2026-01-01'),
      total: cents(1180_00),
      installments: list,
    });
    expect(r.ok && r.value.map((x) => x.seq)).toEqual([1, 2]);
  });
  it('rejects a list that does not add up, saying by how much', () => {
    const r = validateInstallments({
      agreedOn: d('2026-01-01'),
      total: cents(1200_00),
      installments: list,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('installments-do-not-add-up');
    expect(r.error.messageZh).toContain('少 ¥20.00');
  });
  it('rejects a due date on or before the agreement date, naming the row', () => {
    const r = validateInstallments({ agreedOn: d('2026-01-10'), total: null, installments: list });
    expect(r.ok ? null : r.error.field).toBe('installments[0].dueOn');
  });
  it('rejects a zero or negative amount and dates out of order', () => {
    const bad = validateInstallments({
      agreedOn: d('2026-01-01'),
      total: null,
      installments: [{ dueOn: d('2026-01-10'), amount: cents(-1) }],
    });
    expect(bad.ok ? null : bad.error.field).toBe('installments[0].amount');
    const order = validateInstallments({
      agreedOn: d('2026-01-01'),
      total: null,
      installments: [...list].reverse(),
    });
    expect(order.ok ? null : order.error.field).toBe('installments[1].dueOn');
  });
  it('property: a list built to a total always validates against that total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 60 }),
        (as) => {
          const total = cents(as.reduce((s, a) => s + a, 0));
          const items = as.map((a, i) => ({
            dueOn: d(`2027-${String((i % 12) + 1).padStart(2, '0')}-01`),
            amount: cents(a),
          }));
          const sorted = [...items].sort((x, y) =>
            x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : 0,
          );
          expect(
            validateInstallments({ agreedOn: d('2026-12-31'), total, installments: sorted }).ok,
          ).toBe(true);
          expect(
            validateInstallments({
              agreedOn: d('2026-12-31'),
              total: cents(total + 1),
              installments: sorted,
            }).ok,
          ).toBe(false);
        },
      ),
    );
  });
});
