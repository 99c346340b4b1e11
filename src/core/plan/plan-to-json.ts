import { formatYuan, type Cents } from '../money/index.js';
import type { Plan, PlanRow, Proposal } from './types.js';
import type { Replan } from './replan.js';

const y = (c: Cents): string => formatYuan(c);
const yn = (c: Cents | null): string | null => (c === null ? null : formatYuan(c));

function rowToJson(r: PlanRow) {
  return {
    month: r.month,
    date: r.date,
    payment: y(r.payment),
    interest: y(r.interest),
    penalty: y(r.penalty),
    principal: y(r.principal),
    balanceAfter: y(r.balanceAfter),
  };
}

function proposalToJson(p: Proposal) {
  return {
    id: p.id,
    creditor: p.creditor,
    concession: p.concession,
    monthlyPayment: y(p.monthlyPayment),
    term: p.term,
    endDate: p.endDate,
    totalPaid: y(p.totalPaid),
    repayable: y(p.repayable),
    savingVsContract: yn(p.savingVsContract),
    savingVsNothing: yn(p.savingVsNothing),
    maxTerm: p.maxTerm,
    meetsMaxTerm: p.meetsMaxTerm,
    usualTerm: p.usualTerm,
    withinUsualTerm: p.withinUsualTerm,
    schedule: p.schedule.map(rowToJson),
  };
}

/** The `xieshang plan --json` shape: money as yuan strings ("1234.50"), dates as YYYY-MM-DD. */
export function planToJson(plan: Plan) {
  return {
    asOf: plan.asOf,
    strategy: plan.strategy,
    capacity: y(plan.capacity),
    feasible: plan.feasible,
    status: plan.status,
    acceptanceFix:
      plan.acceptanceFix === null
        ? null
        : {
            ...plan.acceptanceFix,
            monthlyNeeded: y(plan.acceptanceFix.monthlyNeeded),
            extraMonthly: y(plan.acceptanceFix.extraMonthly),
          },
    assumptions: plan.assumptions,
    monthlyTotal: y(plan.monthlyTotal),
    proposals: plan.proposals.map(proposalToJson),
    problems: plan.problems,
    shortfall:
      plan.shortfall === null
        ? null
        : {
            monthly: y(plan.shortfall.monthly),
            suggestions: plan.shortfall.suggestions.map((s) => ({
              ...s,
              shortfallAfter: y(s.shortfallAfter),
            })),
          },
  };
}

/** The `xieshang plan --replan --json` shape. */
export function replanToJson(r: Replan) {
  return {
    monthsElapsed: r.monthsElapsed,
    summary: r.summary,
    changes: r.changes.map((c) => ({
      ...c,
      plannedPaid: y(c.plannedPaid),
      actuallyPaid: y(c.actuallyPaid),
      overpaid: y(c.overpaid),
      oldMonthly: y(c.oldMonthly),
      newMonthly: y(c.newMonthly),
    })),
    plan: planToJson(r.plan),
  };
}
