import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveCase } from '../../app/cases.js';
import { todayOf } from '../../app/debts.js';
import { AppError } from '../../app/errors.js';
import { summarizeCase } from '../../app/summary.js';
import { listDebts } from '../../app/debts.js';
import { BudgetSave, BudgetView, PlanBuild, PlanView } from '../../contracts/index.js';
import { budgetToJson, buildBudget, parseBudgetInput } from '../../core/budget/index.js';
import { formatYuan } from '../../core/money/index.js';
import { buildPlan, parsePlanInput, planToJson } from '../../core/plan/index.js';
import { unwrap } from '../parse.js';
import type { RouteOptions } from './index.js';

/** A decimal fraction as a string with at most 6 decimals, for the plan input. */
const fraction = (x: number): string => String(Math.max(0, Math.round(x * 1e6) / 1e6));

/**
 * Budget and plan for the case's own debts. Stateless for now: the web keeps the last budget and
 * plan in the browser. TODO(store): persist with budget/plan use cases when src/app has them.
 */
export const planningRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['planning'];
  const caseDebts = async () => {
    const c = await resolveCase(deps);
    const asOf = todayOf(deps.clock.now());
    const [s, items] = await Promise.all([summarizeCase(deps, c.id, asOf), listDebts(deps, c.id)]);
    return { asOf, s, items };
  };

  app.post(
    '/budgets',
    {
      schema: {
        tags,
        summary: 'Evaluate a budget (monthly lines) against the case',
        body: BudgetSave,
        response: { 200: BudgetView },
      },
    },
    async (req) => {
      const b = req.body;
      const { s, items } = await caseDebts();
      const raw = {
        household: { adults: b.adults, children: b.children },
        income: b.lines
          .filter((l) => l.kind === 'income')
          .map((l) => ({
            label: l.label,
            amount: l.monthly,
            frequency: 'monthly',
            note: l.note ?? null,
          })),
        expenditure: b.lines
          .filter((l) => l.kind !== 'income')
          .map((l) => ({
            label: l.label,
            amount: l.monthly,
            frequency: 'monthly',
            category: l.kind,
            note: l.note ?? null,
          })),
        emergencyBuffer: b.buffer,
        debts: s.debts.map((d) => ({
          creditor: d.lenderName,
          balance: formatYuan(d.balance ?? d.principal),
          contractualPayment: formatYuan(
            items.find((i) => i.debt.id === d.debtId)?.debt.installment ?? (0 as never),
          ),
        })),
      };
      const budget = buildBudget(unwrap(parseBudgetInput(raw)));
      const j = budgetToJson(budget);
      const sum = (g: 'priority' | 'fixed' | 'flexible') => j.totals[g];
      return {
        id: 'local',
        version: 1,
        lines: b.lines.map((l) => ({ ...l, note: l.note ?? null })),
        buffer: j.totals.emergencyBuffer,
        income: j.totals.income,
        priority: sum('priority'),
        fixed: sum('fixed'),
        flexible: sum('flexible'),
        capacity: j.capacity,
        warnings: j.warnings.map((w) => ({
          code: w.code,
          message: w.message,
          messageZh: w.messageZh,
        })),
      };
    },
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Build a plan over the case debts (same engine as `xieshang plan`)',
        body: PlanBuild,
        response: { 200: PlanView },
      },
    },
    async (req) => {
      const b = req.body;
      const { asOf, s, items } = await caseDebts();
      const open = s.debts.filter((d) => (d.balance ?? d.principal) > 0 && d.status !== 'settled');
      if (open.length === 0)
        throw new AppError(
          'invalid-input',
          'there are no open debts to plan for; add debts first',
          { field: 'debts', messageZh: '还没有需要还的债务，请先添加债务' },
        );
      if (b.capacity === undefined || b.capacity === null)
        throw new AppError('invalid-input', 'capacity: required (from the budget)', {
          field: 'capacity',
          messageZh: '请先填写每月可用于还款的金额',
        });
      const raw = {
        asOf: b.asOf ?? asOf,
        capacity: b.capacity,
        strategy: b.strategy,
        debts: open.map((d) => {
          const debt = items.find((i) => i.debt.id === d.debtId)?.debt;
          const limit = d.legality?.recalculation?.limit;
          const concession =
            b.concession === 'reduce-rate' && limit === undefined ? 'none' : b.concession;
          return {
            id: d.debtId,
            creditor: d.lenderName,
            balance: formatYuan(d.balance ?? d.principal),
            // an unknown true cost is planned at 0 % (the web says so); never guessed upward
            annualRate: fraction(d.nominalApr ?? 0),
            ...(debt?.installment ? { contractualPayment: formatYuan(debt.installment) } : {}),
            maxTerm: b.maxTerm,
            concession,
            ...(concession === 'reduce-rate' && limit !== undefined
              ? { reducedRate: fraction(limit) }
              : {}),
          };
        }),
      };
      const plan = planToJson(buildPlan(unwrap(parsePlanInput(raw))));
      const names = new Map(open.map((d) => [d.debtId, d.lenderName]));
      return {
        id: null,
        feasible: plan.feasible,
        capacity: plan.capacity,
        monthlyTotal: plan.monthlyTotal,
        proposals: plan.proposals.map((p) => ({
          debtId: p.id,
          lender: names.get(p.id) ?? p.creditor,
          monthlyPayment: p.monthlyPayment,
          term: p.term,
          endDate: p.endDate,
          totalPaid: p.totalPaid,
          savingVsContract: p.savingVsContract,
          savingVsNothing: p.savingVsNothing,
          concession: p.concession,
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
    },
  );
};
