import { describe, expect, it } from 'vitest';
import { buildPlan, parsePlanInput, type PlanInput } from './index.js';

function input(raw: Record<string, unknown>): PlanInput {
  const p = parsePlanInput(raw);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

// ¥60,000 on a card at 18 %, ¥541 a month, 停息挂账 asked: 111 months; allowed up to 120.
const card = (capacity: string, maxTerm = 120) =>
  input({
    asOf: '2026-12-01',
    capacity,
    debts: [
      {
        id: 'c1',
        creditor: '某银行信用卡',
        kind: 'credit-card',
        balance: '60000',
        annualRate: '0.18',
        maxTerm,
        concession: 'freeze-interest',
      },
    ],
  });

describe('plans a lender would accept (issue 13 item 7)', () => {
  it('a 111-month 停息挂账 card plan is feasible but not plain "可行": unlikely to be accepted', () => {
    const plan = buildPlan(card('541'));
    expect(plan.feasible).toBe(true);
    expect(plan.proposals[0]!.term).toBe(111);
    expect(plan.status).toBe('unlikely-accepted');
    expect(plan.proposals[0]!.withinUsualTerm).toBe(false);
    expect(plan.proposals[0]!.usualTerm.maxMonths).toBe(60);
    expect(plan.proposals[0]!.usualTerm.certainty).toBe('S');
    expect(plan.acceptanceFix?.ids).toEqual(['c1']);
    expect(plan.acceptanceFix?.messageZh).toContain('大概率不会接受');
  });

  it('the fix is exact: the monthly total needed works within 60 months, one fen less does not', () => {
    const fix = buildPlan(card('541')).acceptanceFix!;
    expect(fix.monthlyNeeded).toBe(1_000_00); // 60,000 / 60, interest frozen
    expect(fix.extraMonthly).toBe(459_00);
    expect(buildPlan(card('1000', 60)).feasible).toBe(true);
    expect(buildPlan(card('999.99', 60)).feasible).toBe(false);
    expect(buildPlan(card('1000')).status).toBe('feasible');
  });

  it('an online loan beyond 36 months is flagged, with an unconfirmed (U) source', () => {
    const plan = buildPlan(
      input({
        asOf: '2026-12-01',
        capacity: '500',
        debts: [
          {
            id: 'o1',
            creditor: '某网贷',
            kind: 'online-loan',
            balance: '20000',
            annualRate: '0.24',
            maxTerm: 120,
          },
        ],
      }),
    );
    expect(plan.status).toBe('unlikely-accepted');
    expect(plan.proposals[0]!.usualTerm).toMatchObject({ maxMonths: 36, certainty: 'U' });
  });

  it('an infeasible plan stays "infeasible"', () => {
    expect(buildPlan(card('541', 60)).status).toBe('infeasible');
  });

  it('an unknown rate is planned at 0 % and listed as "利率未知，按0%假设"', () => {
    const plan = buildPlan(
      input({
        asOf: '2026-12-01',
        capacity: '1000',
        debts: [
          { id: 'a', creditor: '甲', balance: '5000', annualRate: null, maxTerm: 36 },
          { id: 'b', creditor: '乙', balance: '5000', annualRate: '0.12', maxTerm: 36 },
        ],
      }),
    );
    expect(plan.assumptions).toHaveLength(1);
    expect(plan.assumptions[0]).toMatchObject({ id: 'a', code: 'rate-unknown-assumed-zero' });
    expect(plan.assumptions[0]!.messageZh).toContain('利率未知，按0%假设');
    expect(plan.proposals[0]!.schedule[0]!.interest).toBe(0);
  });
});
