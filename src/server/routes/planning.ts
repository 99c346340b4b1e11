import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveCase } from '../../app/cases.js';
import { todayOf } from '../../app/debts.js';
import { AppError } from '../../app/errors.js';
import { summarizeCase } from '../../app/summary.js';
import { listDebts } from '../../app/debts.js';
import { loadLatestBudget, saveBudget, type SavedBudget } from '../../app/budgets.js';
import {
  casePlanInput,
  loadLatestPlan,
  planBudgetCheck,
  planSettingsOf,
  savePlan,
  type PlanBudgetCheck,
  type SavedPlan,
} from '../../app/plans.js';
import { BudgetSave, BudgetView, PlanBuild, PlanView } from '../../contracts/index.js';
import { budgetToJson, parseBudgetInput } from '../../core/budget/index.js';
import type { IsoDate } from '../../core/dates/index.js';
import { formatYuan } from '../../core/money/index.js';
import { describeStrategy, planToJson } from '../../core/plan/index.js';
import { unwrap } from '../parse.js';
import type { RouteOptions } from './index.js';

const budgetNotFound = () =>
  new AppError('not-found', 'no budget saved yet', {
    field: 'budget',
    messageZh: '还没有保存收支预算',
  });

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

/**
 * Budget and plan of the case (F3–F5), saved in the store: each POST saves a new budget version
 * or a new active plan (the previous one superseded); GET …/latest returns the saved one, or
 * null when nothing was saved yet. Plans are computed over the case's debts (app/plans.ts).
 */
export const planningRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['planning'];

  app.post(
    '/budgets',
    {
      schema: {
        tags,
        summary: "Save a budget (monthly lines) as the case's next version",
        body: BudgetSave,
        response: { 200: BudgetView },
      },
    },
    async (req) => {
      const b = req.body;
      const c = await resolveCase(deps);
      const asOf = todayOf(deps.clock.now());
      const [s, items] = await Promise.all([
        summarizeCase(deps, c.id, asOf),
        listDebts(deps, c.id),
      ]);
      const line = (l: (typeof b.lines)[number]) => ({
        label: l.label,
        amount: l.monthly,
        frequency: 'monthly',
        note: l.note ?? null,
        ...(l.dayOfMonth === undefined || l.dayOfMonth === null
          ? {}
          : { dayOfMonth: l.dayOfMonth }),
      });
      const raw = {
        household: { adults: b.adults, children: b.children },
        income: b.lines.filter((l) => l.kind === 'income').map(line),
        expenditure: b.lines
          .filter((l) => l.kind !== 'income')
          .map((l) => ({ ...line(l), category: l.kind })),
        emergencyBuffer: b.buffer,
        debts: s.debts
          // a loan above the money limit is listed for fixing, never budgeted (app/summary.ts)
          .filter((d) => d.status !== 'settled' && d.isOverLimit !== true)
          .map((d) => ({
            creditor: d.lenderName,
            balance: formatYuan(d.balance ?? d.principal),
            contractualPayment: formatYuan(
              items.find((i) => i.debt.id === d.debtId)?.debt.installment ?? (0 as never),
            ),
          })),
      };
      const input = unwrap(parseBudgetInput(raw));
      return budgetView(await saveBudget(deps, c.id, input, { note: b.note ?? null }));
    },
  );

  app.get(
    '/budgets/latest',
    {
      schema: {
        tags,
        summary: 'The latest saved budget (404 when none was saved)',
        response: { 200: BudgetView },
      },
    },
    async () => {
      const c = await resolveCase(deps);
      const s = await loadLatestBudget(deps, c.id);
      if (s === undefined) throw budgetNotFound();
      return budgetView(s);
    },
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Build and save a plan over the case debts (same engine as `xieshang plan`)',
        body: PlanBuild,
        response: { 200: PlanView },
      },
    },
    async (req) => {
      const b = req.body;
      const c = await resolveCase(deps);
      const raw = await casePlanInput(deps, c.id, {
        capacity: b.capacity ?? null,
        strategy: b.strategy,
        concession: b.concession,
        maxTerm: b.maxTerm,
        asOf: (b.asOf ?? null) as IsoDate | null,
      });
      const budget = await loadLatestBudget(deps, c.id);
      const sameCapacity =
        budget !== undefined && b.capacity === formatYuan(budget.budget.capacity);
      const saved = await savePlan(deps, c.id, raw, {
        budgetId: sameCapacity ? budget.stored.id : null,
        settings: {
          strategy: b.strategy,
          concession: b.concession,
          maxTerm: b.maxTerm,
          capacity: String(raw['capacity']),
        },
      });
      return planView(saved, await planBudgetCheck(deps, c.id, saved));
    },
  );

  app.get(
    '/plans/latest',
    {
      schema: {
        tags,
        summary: 'The latest saved plan (404 when none was saved)',
        response: { 200: PlanView },
      },
    },
    async () => {
      const c = await resolveCase(deps);
      const s = await loadLatestPlan(deps, c.id);
      if (s === undefined)
        throw new AppError('not-found', 'no plan saved yet', {
          field: 'plan',
          messageZh: '还没有保存还款方案',
        });
      return planView(s, await planBudgetCheck(deps, c.id, s));
    },
  );
};
