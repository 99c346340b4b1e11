import { describe, expect, it } from 'vitest';
import { cents } from '../money/index.js';
import { isoDate } from '../dates/index.js';
import { buildPlan, parsePlanInput, replan, type PaymentMade, type PlanInput } from './index.js';

function plannedPayments(inp: PlanInput, k: number): PaymentMade[] {
  const plan = buildPlan(inp, { explain: false });
  return plan.proposals.flatMap((p) =>
    p.schedule
      .filter((r) => r.month <= k && r.payment > 0)
      .map((r) => ({ debtId: p.id, date: r.date, amount: r.payment })),
  );
}

describe('replan', () => {
  const inp = (() => {
    const r = parsePlanInput({
      asOf: '2026-01-31',
      capacity: '1000.00',
      debts: [
        { id: 'a', creditor: '借呗', balance: '6000.00', annualRate: '0', maxTerm: 24 },
        { id: 'b', creditor: '花呗', balance: '2000.00', annualRate: '0', maxTerm: 24 },
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  })();

  it('moves end dates later after a missed payment and says so', () => {
    const paid = plannedPayments(inp, 2).filter((p) => p.date !== '2026-03-31');
    const r = replan({
      previousPlanInput: inp,
      paymentsMade: paid,
      newCapacity: inp.capacity,
      asOf: isoDate('2026-03-31'),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.changes.map((c) => c.status)).toEqual(['later', 'later']);
    expect(r.value.changes[0]!.oldEndDate).toBe('2026-09-30');
    expect(r.value.changes[0]!.newEndDate).toBe('2026-10-31');
    expect(r.value.summary.zh.join('')).toContain('推迟');
  });

  it('keeps the payment day and explains a capacity rise', () => {
    const r = replan({
      previousPlanInput: inp,
      paymentsMade: plannedPayments(inp, 1),
      newCapacity: cents(2000_00),
      asOf: isoDate('2026-02-28'),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.plan.proposals[0]!.schedule[0]!.date).toBe('2026-03-31');
    expect(r.value.changes[0]!.status).toBe('earlier');
    expect(r.value.summary.en.join(' ')).toContain('¥1,000.00 to ¥2,000.00');
  });

  it('refuses a payment to an unknown debt or outside the period, naming the field', () => {
    const bad = replan({
      previousPlanInput: inp,
      paymentsMade: [{ debtId: 'zz', date: isoDate('2026-02-10'), amount: cents(100) }],
      newCapacity: inp.capacity,
      asOf: isoDate('2026-03-01'),
    });
    expect(bad.ok || bad.error.field).toBe('paymentsMade[0].debtId');
    const late = replan({
      previousPlanInput: inp,
      paymentsMade: [{ debtId: 'a', date: isoDate('2026-04-10'), amount: cents(100) }],
      newCapacity: inp.capacity,
      asOf: isoDate('2026-03-01'),
    });
    expect(late.ok || late.error.field).toBe('paymentsMade[0].date');
  });
});
