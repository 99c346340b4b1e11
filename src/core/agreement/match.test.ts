import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents } from '../money/index.js';
import { addDays, isoDate } from '../dates/index.js';
import { agreementProgress, agreementStatus, matchPayments, overallProgress } from './match.js';
import type { Installment, Payment } from './types.js';

const d = isoDate;
const inst = (seq: number, dueOn: string, yuan: number): Installment => ({
  seq,
  dueOn: d(dueOn),
  amount: cents(yuan * 100),
});
const pay = (id: string, paidOn: string, yuan: number): Payment => ({
  id,
  paidOn: d(paidOn),
  amount: cents(Math.round(yuan * 100)),
});
const three = [inst(1, '2026-01-10', 200), inst(2, '2026-02-10', 200), inst(3, '2026-03-10', 980)];
const opts = (asOf: string) => ({ asOf: d(asOf), dueSoonDays: 7, graceDays: 5 });

describe('matchPayments', () => {
  it('fills the oldest open installment first, split across two payments', () => {
    const r = matchPayments(three, [pay('a', '2026-01-08', 150), pay('b', '2026-01-09', 100)]);
    expect(r.outcomes[0]!.allocations).toEqual([{ paymentId: 'a', seq: 1, amount: 15000 }]);
    expect(r.outcomes[1]!.allocations).toEqual([
      { paymentId: 'b', seq: 1, amount: 5000 },
      { paymentId: 'b', seq: 2, amount: 5000 },
    ]);
    expect(r.outcomes[1]!.carriedForward).toBe(5000);
  });

  it('orders payments by date, not by input order', () => {
    const r = matchPayments(three, [
      pay('late', '2026-02-01', 200),
      pay('early', '2026-01-01', 50),
    ]);
    expect(r.outcomes.map((o) => o.paymentId)).toEqual(['early', 'late']);
    expect(r.outcomes[1]!.allocations.map((a) => [a.seq, a.amount])).toEqual([
      [1, 15000],
      [2, 5000],
    ]);
  });

  it('keeps money beyond the last installment as unapplied over-payment', () => {
    const r = matchPayments(three, [pay('all', '2026-01-05', 1500)]);
    expect(r.outcomes[0]!.unapplied).toBe(12000);
    expect(r.outcomes[0]!.carriedForward).toBe(118000);
  });

  it('property: total recorded = total matched + credit carried (unapplied)', () => {
    const amounts = fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 12 });
    const payments = fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 400 }),
        amount: fc.integer({ min: 1, max: 300_000 }),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(amounts, payments, (as, ps) => {
        const list = as.map((a, i) => ({
          seq: i + 1,
          dueOn: addDays(d('2026-01-01'), 30 * (i + 1)),
          amount: cents(a),
        }));
        const pays = ps.map((p, i) => ({
          id: `p${i}`,
          paidOn: addDays(d('2026-01-01'), p.day),
          amount: cents(p.amount),
        }));
        const r = matchPayments(list, pays);
        const recorded = pays.reduce((s, p) => s + p.amount, 0);
        let matched = 0;
        let unapplied = 0;
        for (const o of r.outcomes) {
          for (const a of o.allocations) matched += a.amount;
          unapplied += o.unapplied;
          expect(o.allocations.reduce((s, a) => s + a.amount, 0) + o.unapplied).toBe(o.amount);
        }
        expect(matched + unapplied).toBe(recorded);
        // no installment is ever over-filled, and unapplied money appears only once all are paid
        for (const i of list) expect(r.paidBySeq.get(i.seq)!.paid).toBeLessThanOrEqual(i.amount);
        const total = as.reduce((s, a) => s + a, 0);
        expect(unapplied).toBe(Math.max(0, recorded - total));
      }),
    );
  });
});

describe('agreementStatus', () => {
  it('gives upcoming, due-soon, partially-paid, paid, late and missed', () => {
    const list = [
      inst(1, '2026-01-10', 200),
      inst(2, '2026-02-10', 200),
      inst(3, '2026-03-01', 200),
      inst(4, '2026-03-10', 200),
      inst(5, '2026-03-20', 200),
      inst(6, '2026-04-30', 200),
    ];
    // asOf 03-14: #1 paid; #2 unpaid 32 days → missed; #3 13 days → missed; #4 4 days → late;
    // #5 in 6 days → due-soon; #6 → upcoming
    const s = agreementStatus(list, [pay('a', '2026-01-09', 200)], opts('2026-03-14'));
    expect(s.installments.map((x) => x.status)).toEqual([
      'paid',
      'missed',
      'missed',
      'late',
      'due-soon',
      'upcoming',
    ]);
    expect(s.installments[3]!.daysLate).toBe(4);
    const partial = agreementStatus(list, [pay('a', '2026-01-05', 250)], opts('2026-01-06'));
    expect(partial.installments[1]!.status).toBe('partially-paid');
    expect(partial.installments[1]!.paid).toBe(5000);
  });

  it('is late on day G after the due date and missed on day G+1', () => {
    const list = [inst(1, '2026-01-10', 200)];
    expect(agreementStatus(list, [], opts('2026-01-15')).installments[0]!.status).toBe('late');
    expect(agreementStatus(list, [], opts('2026-01-16')).installments[0]!.status).toBe('missed');
    expect(agreementStatus(list, [], opts('2026-01-10')).installments[0]!.status).toBe('due-soon');
  });

  it('ignores payments after asOf and records a late payment’s days late', () => {
    const list = [inst(1, '2026-01-10', 200)];
    const s = agreementStatus(list, [pay('a', '2026-01-13', 200)], opts('2026-01-12'));
    expect(s.installments[0]!.status).toBe('late');
    const t = agreementStatus(list, [pay('a', '2026-01-13', 200)], opts('2026-01-20'));
    expect(t.installments[0]).toMatchObject({ status: 'paid', paidOn: '2026-01-13', daysLate: 3 });
  });
});

describe('agreementProgress', () => {
  it('is on track with the scheduled end when nothing is overdue', () => {
    const s = agreementStatus(three, [pay('a', '2026-01-10', 200)], opts('2026-01-20'));
    const p = agreementProgress(s, d('2026-01-20'));
    expect(p).toMatchObject({
      total: 138000,
      paid: 20000,
      remaining: 118000,
      arrears: 0,
      isOnTrack: true,
      projectedEndOn: '2026-03-10',
      installmentsPaid: 1,
    });
    expect(p.nextDue!.seq).toBe(2);
  });

  it('pushes the projected end one month per unpaid past-due installment', () => {
    const s = agreementStatus(three, [], opts('2026-02-20'));
    const p = agreementProgress(s, d('2026-02-20'));
    expect(p).toMatchObject({ arrears: 40000, isOnTrack: false, projectedEndOn: '2026-05-10' });
    const all = overallProgress([
      p,
      agreementProgress(agreementStatus(three, [], opts('2026-01-01')), d('2026-01-01')),
    ]);
    expect(all).toMatchObject({ agreements: 2, onTrack: 1, total: 276000, isOnTrack: false });
  });

  it('ends on the date the last installment was paid once complete', () => {
    const s = agreementStatus(three, [pay('a', '2026-01-02', 1380)], opts('2026-01-03'));
    expect(agreementProgress(s, d('2026-01-03'))).toMatchObject({
      isComplete: true,
      projectedEndOn: '2026-01-02',
      remaining: 0,
    });
  });
});
