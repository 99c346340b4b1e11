// Saved budgets and plans on the HTTP API (`/api/budgets`, `/api/plans`; contracts/case.ts). The
// numbers come from core's own JSON (budgetToJson, planToJson: what `xieshang budget|plan --json`
// prints), so the web and the CLI show the same amounts.
import type { BudgetView, PlanView } from '../contracts/index.js';
import { budgetToJson } from '../core/budget/index.js';
import { formatYuan } from '../core/money/index.js';
import { describeStrategy, planToJson } from '../core/plan/index.js';
import type { SavedBudget } from './budgets.js';
import { planSettingsOf, type PlanBudgetCheck, type SavedPlan } from './plans.js';

/** The web's view of a saved budget: category lines (income or a category) and the totals. */
export function budgetView(s: SavedBudget): BudgetView {
  const j = budgetToJson(s.budget);
  return {
    id: s.stored.id,
    version: s.stored.version,
    lines: s.stored.lines.map((l) => ({
      kind: (l.kind === 'income' ? 'income' : l.category) as BudgetView['lines'][number]['kind'],
      label: l.label,
      monthly: formatYuan(l.monthly),
      dayOfMonth: l.dayOfMonth,
      note: l.note,
    })),
    buffer: j.totals.emergencyBuffer,
    income: j.totals.income,
    priority: j.totals.priority,
    fixed: j.totals.fixed,
    flexible: j.totals.flexible,
    capacity: j.capacity,
    warnings: j.warnings.map((w) => ({ code: w.code, message: w.message, messageZh: w.messageZh })),
  };
}

/** The web's view of a saved plan (lender names as the case knows them). */
export function planView(s: SavedPlan, budget?: PlanBudgetCheck): PlanView {
  const plan = planToJson(s.plan);
  return {
    id: s.stored.id,
    feasible: plan.feasible,
    status: plan.status,
    acceptanceFix: plan.acceptanceFix,
    assumptions: plan.assumptions,
    strategyRule: describeStrategy(s.plan.strategy),
    settings: planSettingsOf(s),
    ...(budget === undefined ? {} : { budget }),
    capacity: plan.capacity,
    monthlyTotal: plan.monthlyTotal,
    proposals: plan.proposals.map((p) => ({
      debtId: p.id,
      lender: p.creditor,
      monthlyPayment: p.monthlyPayment,
      term: p.term,
      endDate: p.endDate,
      totalPaid: p.totalPaid,
      savingVsContract: p.savingVsContract,
      savingVsNothing: p.savingVsNothing,
      concession: p.concession,
      usualTerm: p.usualTerm,
      withinUsualTerm: p.withinUsualTerm,
      schedule: p.schedule.map((r) => ({
        dueDate: r.date,
        payment: r.payment,
        balance: r.balanceAfter,
      })),
    })),
    shortfall:
      plan.shortfall === null
        ? null
        : {
            monthly: plan.shortfall.monthly,
            suggestions: plan.shortfall.suggestions.map((x) => ({
              message: x.message,
              messageZh: x.messageZh,
            })),
          },
  };
}
