import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { CONCESSIONS, STRATEGIES, type PlanDebt, type Strategy } from './types.js';
import { addMonths, isoDate } from '../dates/index.js';
import {
  buildPlan,
  parsePlanInput,
  planTermLimit,
  preparePlan,
  replan,
  searchShortfall,
  type PaymentMade,
  type PlanInput,
} from './index.js';
import { referenceShares } from '../../../test/fair-share-reference.js';

// fast-check generator of valid plan inputs (floors ≤ 30 % of capacity, Σ custom ≤ capacity)
const debtArb = fc.record({
  balance: fc.integer({ min: 0, max: 20_000_000 }),
  rate: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400_000 })),
  penalty: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500_000 })),
  interest: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000 })),
  floorPct: fc.integer({ min: 0, max: 30 }),
  contractual: fc.integer({ min: 0, max: 500_000 }),
  maxTerm: fc.integer({ min: 1, max: 60 }),
  concession: fc.constantFrom(...CONCESSIONS),
  customPct: fc.integer({ min: 0, max: 100 }),
});

export function planInputArb(opts: { strategies?: readonly Strategy[]; maxDebts?: number } = {}) {
  return fc
    .record({
      capacity: fc.integer({ min: 1, max: 3_000_000 }),
      strategy: fc.constantFrom(...(opts.strategies ?? STRATEGIES)),
      asOf: fc.constantFrom('2026-01-31', '2026-03-15', '2027-12-31', '2028-02-29'),
      debts: fc.array(debtArb, { minLength: 1, maxLength: opts.maxDebts ?? 7 }),
    })
    .map(({ capacity, strategy, asOf, debts }): PlanInput => {
      // floors: a share of capacity / n so their sum stays at most 30 % of capacity
      const n = debts.length;
      const out: PlanDebt[] = debts.map((d, i) => {
        const floor = Math.floor((capacity * d.floorPct) / 100 / n);
        const custom = floor + Math.floor(((capacity / n - floor) * d.customPct) / 100);
        return {
          id: `d${i}`,
          creditor: `债权人${i}`,
          kind: 'other',
          balance: cents(d.balance),
          annualRatePpm: ratePpm(d.rate),
          contractualPayment: cents(d.contractual),
          penaltyAccrued: cents(d.penalty),
          interestAccrued: cents(d.interest),
          minPayment: cents(floor),
          maxTerm: d.maxTerm,
          concession: d.concession,
          reducedRatePpm: d.concession === 'reduce-rate' ? ratePpm(Math.floor(d.rate / 2)) : null,
          customPayment: strategy === 'custom' ? cents(Math.max(floor, custom)) : null,
          penaltyRatePpm: null,
          legalLinePpm: null,
        };
      });
      return { asOf: isoDate(asOf), capacity: cents(capacity), strategy, debts: out };
    });
}

function input(raw: unknown): PlanInput {
  const r = parsePlanInput(raw);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const two = {
  asOf: '2026-01-31',
  capacity: '1000.00',
  strategy: 'pro-rata-balance',
  debts: [
    { id: 'a', creditor: 'A', balance: '3000.00', annualRate: '0', maxTerm: 12 },
    { id: 'b', creditor: 'B', balance: '1000.00', annualRate: '0', maxTerm: 12 },
  ],
};

describe('buildPlan examples', () => {
  it('splits by balance, rolls a repaid share to the others in the same month', () => {
    const plan = buildPlan(input(two));
    expect(plan.feasible).toBe(true);
    const [a, b] = plan.proposals;
    // 750/250 a month; B is repaid in month 4, A in month 4 too (4 × 1000 = 4000)
    expect(a!.schedule.map((r) => r.payment)).toEqual([75000, 75000, 75000, 75000]);
    expect(b!.schedule.map((r) => r.payment)).toEqual([25000, 25000, 25000, 25000]);
    expect(a!.endDate).toBe('2026-05-31');
    expect(b!.schedule[1]!.date).toBe('2026-03-31');
  });

  it('gives the share of a debt repaid mid-plan to the others that month', () => {
    const plan = buildPlan(
      input({
        asOf: '2026-01-31',
        capacity: '1000.00',
        strategy: 'custom',
        debts: [
          { id: 'a', creditor: 'A', balance: '5000.00', annualRate: '0', customPayment: '900.00' },
          { id: 'b', creditor: 'B', balance: '250.00', annualRate: '0', customPayment: '100.00' },
        ],
      }),
    );
    const [a, b] = plan.proposals;
    expect(b!.schedule.map((r) => r.payment)).toEqual([10000, 10000, 5000]);
    expect(a!.schedule.slice(0, 4).map((r) => r.payment)).toEqual([90000, 90000, 95000, 100000]);
    expect(b!.endDate).toBe('2026-04-30');
  });

  it('charges balance × rate / 12 half-up, and freeze-interest charges nothing', () => {
    const p = buildPlan(
      input({
        asOf: '2026-01-01',
        capacity: '100.00',
        debts: [{ id: 'x', creditor: 'X', balance: '1000.00', annualRate: '0.18', maxTerm: 60 }],
      }),
    );
    expect(p.proposals[0]!.schedule[0]!.interest).toBe(1500); // 1000 × 0.18 / 12 = 15.00
    const f = buildPlan(
      input({
        asOf: '2026-01-01',
        capacity: '100.00',
        debts: [
          {
            id: 'x',
            creditor: 'X',
            balance: '1000.00',
            annualRate: '0.18',
            penaltyAccrued: '50.00',
            concession: 'freeze-interest',
          },
        ],
      }),
    );
    expect(f.proposals[0]!.totalPaid).toBe(105000);
    expect(f.proposals[0]!.term).toBe(11);
  });

  it('waive-penalty drops the penalty; extend-term lifts the limit to 60', () => {
    const base = {
      asOf: '2026-01-01',
      capacity: '100.00',
      debts: [
        {
          id: 'x',
          creditor: 'X',
          balance: '3000.00',
          annualRate: '0',
          penaltyAccrued: '300.00',
          maxTerm: 12,
        },
      ],
    };
    expect(buildPlan(input(base)).feasible).toBe(false);
    const w = buildPlan(
      input({ ...base, debts: [{ ...base.debts[0], concession: 'waive-penalty' }] }),
    );
    expect(w.proposals[0]!.repayable).toBe(300000);
    expect(buildPlan(input(base)).proposals[0]!.repayable).toBe(330000);
    const e = buildPlan(
      input({ ...base, debts: [{ ...base.debts[0], concession: 'extend-term' }] }),
    );
    expect(e.feasible).toBe(true);
    expect(e.proposals[0]!.term).toBe(33);
  });

  it('highest-cost-first pays floors to all and the rest to the highest rate', () => {
    const p = buildPlan(
      input({
        asOf: '2026-01-01',
        capacity: '500.00',
        strategy: 'highest-cost-first',
        debts: [
          { id: 'lo', creditor: 'L', balance: '5000.00', annualRate: '0.1', minPayment: '50.00' },
          { id: 'hi', creditor: 'H', balance: '5000.00', annualRate: '0.3', minPayment: '50.00' },
        ],
      }),
    );
    expect(p.proposals[0]!.monthlyPayment).toBe(5000);
    expect(p.proposals[1]!.monthlyPayment).toBe(45000);
  });

  it('custom pays exactly the fixed amounts', () => {
    const p = buildPlan(
      input({
        asOf: '2026-01-01',
        capacity: '500.00',
        strategy: 'custom',
        debts: [
          {
            id: 'a',
            creditor: 'A',
            balance: '5000.00',
            annualRate: '0',
            minPayment: '20.00',
            customPayment: '123.45',
          },
          { id: 'b', creditor: 'B', balance: '5000.00', annualRate: '0', customPayment: '300.00' },
        ],
      }),
    );
    expect(p.monthlyTotal).toBe(42345);
    expect(p.proposals.map((x) => x.monthlyPayment)).toEqual([12345, 30000]);
  });

  it('reports floors above capacity as infeasible with the exact shortfall', () => {
    const p = buildPlan(
      input({
        asOf: '2026-01-01',
        capacity: '100.00',
        debts: [
          { id: 'a', creditor: 'A', balance: '5000.00', annualRate: '0', minPayment: '80.00' },
          { id: 'b', creditor: 'B', balance: '5000.00', annualRate: '0', minPayment: '80.00' },
        ],
      }),
    );
    expect(p.feasible).toBe(false);
    expect(p.problems[0]!.reason).toBe('floors-exceed-capacity');
    // 10000 over 60 months needs 166.67 a month
    expect(p.shortfall!.monthly).toBe(6667);
  });

  it('saving vs contract counts the contract interest the plan avoids', () => {
    const p = buildPlan(
      input({
        asOf: '2026-01-01',
        capacity: '1000.00',
        debts: [
          {
            id: 'a',
            creditor: 'A',
            balance: '1000.00',
            annualRate: '0.24',
            contractualPayment: '1020.00',
            penaltyAccrued: '100.00',
            concession: 'waive-penalty',
          },
        ],
      }),
    );
    // plan: 1000.00 then 20.40 (20.00 + 0.40 interest); contract: 1020.00 (20 interest, 100 penalty,
    // 900 principal) then 102.00 (2.00 interest + 100.00) = 1122.00
    expect(p.proposals[0]!.totalPaid).toBe(102040);
    expect(p.proposals[0]!.savingVsContract).toBe(10160);
  });
});

/** Each row's owed amount before paying: payment + what is left. */
const owedOf = (r: { payment: number; balanceAfter: number }) => r.payment + r.balanceAfter;

describe('plan invariants (fast-check)', () => {
  it('pays exactly the monthly total while debts remain, never one fen more', () => {
    fc.assert(
      fc.property(planInputArb(), (inp) => {
        const plan = buildPlan(inp, { explain: false });
        const total = preparePlan(inp).engine.total;
        // the engine's total is itself checked against the input, so the property is not circular
        const custom = inp.debts.reduce((s, d) => s + (d.customPayment ?? 0), 0);
        expect(total).toBe(
          inp.strategy === 'custom' ? Math.min(custom, inp.capacity) : inp.capacity,
        );
        // the reported monthly total is what month 1 actually pays (less only if all finish then)
        const month1 = plan.proposals.reduce((s, p) => s + (p.schedule[0]?.payment ?? 0), 0);
        expect(plan.monthlyTotal).toBe(month1);
        const months = Math.max(0, ...plan.proposals.map((p) => p.schedule.length));
        for (let m = 1; m <= months; m++) {
          const rows = plan.proposals.flatMap((p) =>
            p.schedule[m - 1] ? [p.schedule[m - 1]!] : [],
          );
          const paid = rows.reduce((s, r) => s + r.payment, 0);
          expect(paid).toBeLessThanOrEqual(total);
          const remain = rows.some((r) => r.balanceAfter > 0);
          if (plan.feasible && remain) expect(paid).toBe(total);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('respects every floor and max term, or reports the plan infeasible', () => {
    fc.assert(
      fc.property(planInputArb(), (inp) => {
        const plan = buildPlan(inp, { explain: false });
        const prep = preparePlan(inp);
        const ok = plan.proposals.every((p, i) => {
          const d = prep.engine.debts[i]!;
          const floorsMet = p.schedule.every((r) => r.payment >= Math.min(d.floor, owedOf(r)));
          return floorsMet && p.term !== null && p.term <= d.termLimit;
        });
        expect(plan.feasible).toBe(ok);
        if (!plan.feasible) expect(plan.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('pro-rata: each share is within one fen of clamp(λ·weight, floor, owed) — floors lift only shares below them (issue 12 item 3)', () => {
    fc.assert(
      fc.property(
        planInputArb({ strategies: ['pro-rata-balance', 'pro-rata-contractual'] }),
        (inp) => {
          const plan = buildPlan(inp, { explain: false });
          const prep = preparePlan(inp);
          if (!plan.feasible) return;
          const total = prep.engine.total;
          const months = Math.max(0, ...plan.proposals.map((p) => p.schedule.length));
          for (let m = 1; m <= months; m++) {
            const cells = plan.proposals.flatMap((p, i) => {
              const r = p.schedule[m - 1];
              if (!r) return [];
              const d = prep.engine.debts[i]!;
              const o = owedOf(r);
              return [
                { x: r.payment as number, f: Math.min(d.floor, o), o, w: d.weight, t: d.termLimit },
              ];
            });
            const paid = cells.reduce((s, c) => s + c.x, 0);
            const owed = cells.reduce((s, c) => s + c.o, 0);
            if (owed <= total) continue; // the last month: everything is paid off
            expect(paid).toBe(total);
            if (cells.every((c) => c.w === 0)) continue; // stated fallback: split by need
            // a debt that must be repaid by this month (its maximum term) takes what it owes first;
            // the proportional rule holds for the months no term forces
            if (cells.some((c) => c.t <= m && c.o > 0)) continue;
            const ref = referenceShares(total, cells);
            cells.forEach((c, i) => expect(Math.abs(c.x - ref[i]!)).toBeLessThan(1 + 1e-6));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('custom: floor plus a share of the rest within one fen of the exact proportion', () => {
    fc.assert(
      fc.property(planInputArb({ strategies: ['custom'] }), (inp) => {
        const plan = buildPlan(inp, { explain: false });
        const prep = preparePlan(inp);
        if (!plan.feasible) return;
        const total = prep.engine.total;
        const months = Math.max(0, ...plan.proposals.map((p) => p.schedule.length));
        for (let m = 1; m <= months; m++) {
          const cells = plan.proposals.flatMap((p, i) => {
            const r = p.schedule[m - 1];
            if (!r) return [];
            const d = prep.engine.debts[i]!;
            const floor = Math.min(d.floor, owedOf(r));
            return [{ extra: r.payment - floor, capped: r.balanceAfter === 0, w: d.weight, floor }];
          });
          const open = cells.filter((c) => !c.capped);
          if (open.length === 0) continue;
          let R = total - cells.reduce((s, c) => s + c.floor, 0);
          for (const c of cells) if (c.capped) R -= c.extra;
          const W = open.reduce((s, c) => s + c.w, 0);
          if (W === 0) continue;
          for (const c of open) expect(Math.abs(c.extra * W - R * c.w)).toBeLessThan(W);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('covers every debt exactly: principal, penalty and interest, ending at zero', () => {
    fc.assert(
      fc.property(planInputArb(), (inp) => {
        const plan = buildPlan(inp, { explain: false });
        const prep = preparePlan(inp);
        plan.proposals.forEach((p, i) => {
          const d = prep.engine.debts[i]!;
          const sum = (k: 'payment' | 'principal' | 'penalty' | 'interest') =>
            p.schedule.reduce((s, r) => s + r[k], 0);
          expect(sum('payment')).toBe(p.totalPaid);
          expect(sum('payment')).toBe(sum('principal') + sum('penalty') + sum('interest'));
          if (p.term !== null) {
            expect(sum('principal')).toBe(d.principal);
            expect(sum('penalty')).toBe(d.penalty);
            expect(p.schedule.at(-1)?.balanceAfter ?? 0).toBe(0);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reports a shortfall X where X is enough and X − 1 fen is not', () => {
    fc.assert(
      fc.property(
        planInputArb({ strategies: ['pro-rata-balance', 'highest-cost-first'], maxDebts: 4 }),
        (inp) => {
          const plan = buildPlan(inp);
          if (plan.feasible) return;
          const x = plan.shortfall!.monthly;
          const e = preparePlan(inp).engine;
          expect(x).toBeGreaterThan(0);
          expect(searchShortfall({ ...e, total: cents(e.total + x) })).toBe(0);
          expect(searchShortfall({ ...e, total: cents(e.total + x - 1) })).toBeGreaterThan(0);
          expect(plan.shortfall!.suggestions.at(-1)!.kind).toBe('more-capacity');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never charges a frozen debt interest and dates every row from the anchor', () => {
    fc.assert(
      fc.property(planInputArb(), (inp) => {
        const plan = buildPlan(inp, { explain: false });
        plan.proposals.forEach((p, i) => {
          if (inp.debts[i]!.concession === 'freeze-interest' && p.term !== null)
            expect(p.schedule.reduce((s, r) => s + r.interest, 0)).toBe(
              inp.debts[i]!.interestAccrued,
            );
          p.schedule.forEach((r) => expect(r.date).toBe(addMonths(inp.asOf, r.month)));
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('a plan of one debt and a capacity of one fen', () => {
  it('is infeasible and says by how much', () => {
    const p = buildPlan({
      asOf: isoDate('2026-01-01'),
      capacity: cents(1),
      strategy: 'pro-rata-balance',
      debts: [
        {
          id: 'a',
          creditor: 'A',
          kind: 'other',
          balance: cents(600_00),
          annualRatePpm: 0 as never,
          contractualPayment: cents(0),
          penaltyAccrued: cents(0),
          interestAccrued: cents(0),
          minPayment: cents(0),
          maxTerm: 60,
          concession: 'none',
          reducedRatePpm: null,
          customPayment: null,
          penaltyRatePpm: null,
          legalLinePpm: null,
        },
      ],
    });
    expect(p.shortfall!.monthly).toBe(999); // 600.00 / 60 = 10.00 a month
  });
});

function plannedPayments(inp: PlanInput, k: number): PaymentMade[] {
  const plan = buildPlan(inp, { explain: false });
  return plan.proposals.flatMap((p) =>
    p.schedule
      .filter((r) => r.month <= k && r.payment > 0)
      .map((r) => ({ debtId: p.id, date: r.date, amount: r.payment })),
  );
}

describe('replan invariant', () => {
  it('with no change reproduces the same plan (fast-check)', () => {
    fc.assert(
      fc.property(planInputArb({ maxDebts: 5 }), fc.integer({ min: 0, max: 14 }), (inp, k) => {
        const before = buildPlan(inp, { explain: false });
        const asOf = addMonths(inp.asOf, k);
        const r = replan({
          previousPlanInput: inp,
          paymentsMade: plannedPayments(inp, k),
          newCapacity: inp.capacity,
          asOf,
          explain: false,
        });
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value.monthsElapsed).toBe(k);
        // past the longest term the old plan has no months left to reproduce
        if (k >= Math.max(...inp.debts.map(planTermLimit))) return;
        r.value.plan.proposals.forEach((p, i) => {
          const old = before.proposals[i]!;
          const tail = old.schedule.filter((x) => x.month > k);
          expect(p.schedule.map((x) => ({ ...x, month: x.month + k }))).toEqual(tail);
          expect(p.endDate).toBe(old.term !== null && old.term <= k ? asOf : old.endDate);
        });
        expect(r.value.changes.every((c) => c.actuallyPaid === c.plannedPaid)).toBe(true);
        if (k === 0) expect(r.value.plan.proposals).toEqual(before.proposals);
      }),
      { numRuns: 100 },
    );
  });
});

describe('suggestions name many creditors the way a reader would', () => {
  it('lists five and says how many in all: "A、B…等 7 笔" / "and 2 more"', () => {
    const debts = Array.from({ length: 7 }, (_, i) => ({
      id: `d${i}`,
      creditor: `平台${i}`,
      balance: '10000.00',
      annualRate: '0.18',
      maxTerm: 12,
    }));
    const p = buildPlan(input({ asOf: '2026-12-01', capacity: '3000.00', debts }));
    const s = p.shortfall!.suggestions.find((x) => x.kind === 'extend-terms')!;
    expect(s.messageZh).toContain('平台0、平台1、平台2、平台3、平台4等 7 笔');
    expect(s.message).toContain('平台0, 平台1, 平台2, 平台3, 平台4 and 2 more');
    expect(s.messageZh).not.toContain('…');
  });
});
