// The web's budget and plan forms as use cases (`POST /api/budgets`, `POST /api/plans`, and the
// saved ones): the form's lines become a budget over the case's own debts, and a plan is tied to
// the budget whose capacity it uses. The routes only parse, call these and present.
import type { z } from 'zod';
import type { BudgetSave, PlanBuild } from '../contracts/index.js';
import { parseBudgetInput } from '../core/budget/index.js';
import type { IsoDate } from '../core/dates/index.js';
import { formatYuan } from '../core/money/index.js';
import type { CaseId } from '../db/types.js';
import { loadLatestBudget, saveBudget, type SavedBudget } from './budgets.js';
import { listDebts } from './debts.js';
import { todayIn } from './today.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { casePlanInput, loadLatestPlan, savePlan, type SavedPlan } from './plans.js';
import { summarizeCase } from './summary.js';

type BudgetForm = z.output<typeof BudgetSave>;
type PlanForm = z.output<typeof PlanBuild>;

/**
 * Saves the form's monthly lines as the case's next budget version. The debts it budgets for are
 * the case's open ones (a loan above the money limit is listed for fixing, never budgeted:
 * app/summary.ts), each at its balance (else principal) and contractual installment.
 */
export async function saveBudgetForm(
  deps: Deps,
  caseId: CaseId,
  b: BudgetForm,
): Promise<SavedBudget> {
  const asOf = todayIn(deps);
  const [s, items] = await Promise.all([
    summarizeCase(deps, caseId, asOf),
    listDebts(deps, caseId),
  ]);
  const line = (l: BudgetForm['lines'][number]) => ({
    label: l.label,
    amount: l.monthly,
    frequency: 'monthly',
    note: l.note ?? null,
    ...(l.dayOfMonth === undefined || l.dayOfMonth === null ? {} : { dayOfMonth: l.dayOfMonth }),
  });
  const raw = {
    household: { adults: b.adults, children: b.children },
    income: b.lines.filter((l) => l.kind === 'income').map(line),
    expenditure: b.lines
      .filter((l) => l.kind !== 'income')
      .map((l) => ({ ...line(l), category: l.kind })),
    emergencyBuffer: b.buffer,
    debts: s.debts
      .filter((d) => d.status !== 'settled' && d.isOverLimit !== true)
      .map((d) => ({
        creditor: d.lenderName,
        balance: formatYuan(d.balance ?? d.principal),
        contractualPayment: formatYuan(
          items.find((i) => i.debt.id === d.debtId)?.debt.installment ?? (0 as never),
        ),
      })),
  };
  const input = parseBudgetInput(raw);
  if (!input.ok) throw AppError.fromIssue(input.error);
  return saveBudget(deps, caseId, input.value, { note: b.note ?? null });
}

/**
 * Builds and saves a plan over the case's debts from the form. It is tied to the latest budget
 * when it uses exactly that budget's capacity (so a later budget change can be flagged).
 */
export async function savePlanForm(deps: Deps, caseId: CaseId, b: PlanForm): Promise<SavedPlan> {
  const raw = await casePlanInput(deps, caseId, {
    capacity: b.capacity ?? null,
    strategy: b.strategy,
    concession: b.concession,
    maxTerm: b.maxTerm,
    asOf: (b.asOf ?? null) as IsoDate | null,
  });
  const budget = await loadLatestBudget(deps, caseId);
  const sameCapacity = budget !== undefined && b.capacity === formatYuan(budget.budget.capacity);
  return savePlan(deps, caseId, raw, {
    budgetId: sameCapacity ? budget.stored.id : null,
    settings: {
      strategy: b.strategy,
      concession: b.concession,
      maxTerm: b.maxTerm,
      capacity: String(raw['capacity']),
    },
  });
}

/** The latest saved budget, or not-found when none was saved yet. */
export async function latestBudget(deps: Deps, caseId: CaseId): Promise<SavedBudget> {
  const s = await loadLatestBudget(deps, caseId);
  if (s === undefined)
    throw new AppError('not-found', 'no budget saved yet', {
      field: 'budget',
      messageZh: '还没有保存收支预算',
    });
  return s;
}

/** The latest saved plan, or not-found when none was saved yet. */
export async function latestPlan(deps: Deps, caseId: CaseId): Promise<SavedPlan> {
  const s = await loadLatestPlan(deps, caseId);
  if (s === undefined)
    throw new AppError('not-found', 'no plan saved yet', {
      field: 'plan',
      messageZh: '还没有保存还款方案',
    });
  return s;
}
