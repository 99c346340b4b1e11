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

/** A plan over the case, asked for by any edge (the web's form, `plan --from-case`). */
export interface CasePlanRequest {
  /** yuan text; absent: the latest saved budget's capacity */
  capacity?: string | null;
  strategy?: string;
  concession?: string;
  maxTerm?: number;
  asOf?: IsoDate | null;
}

/** The plan input over the case's debts, the budget it is tied to, and the settings to save. */
export interface CasePlan {
  raw: Record<string, unknown>;
  /** the latest budget, when the plan uses exactly its capacity (a later change is then flagged) */
  budgetId: string | null;
  settings: { strategy: string; concession: string; maxTerm: number; capacity: string };
}

/**
 * One rule for every edge: absent settings take the plan's defaults, an absent capacity the
 * latest budget's, and the plan is tied to that budget when it uses exactly its capacity.
 */
export async function casePlan(
  deps: Deps,
  caseId: CaseId,
  req: CasePlanRequest,
): Promise<CasePlan> {
  const budget = await loadLatestBudget(deps, caseId);
  const budgetCapacity = budget === undefined ? null : formatYuan(budget.budget.capacity);
  const capacity = req.capacity ?? budgetCapacity;
  const concession = req.concession ?? 'none';
  const maxTerm = req.maxTerm ?? 36;
  const raw = await casePlanInput(deps, caseId, {
    capacity,
    ...(req.strategy === undefined ? {} : { strategy: req.strategy }),
    concession,
    maxTerm,
    asOf: req.asOf ?? null,
  });
  return {
    raw,
    budgetId: budget !== undefined && capacity === budgetCapacity ? budget.stored.id : null,
    settings: {
      strategy: String(raw['strategy']),
      concession,
      maxTerm,
      capacity: String(raw['capacity']),
    },
  };
}

/** Builds and saves a plan over the case's debts from the web's form (see casePlan). */
export async function savePlanForm(deps: Deps, caseId: CaseId, b: PlanForm): Promise<SavedPlan> {
  const p = await casePlan(deps, caseId, {
    capacity: b.capacity ?? null,
    strategy: b.strategy,
    concession: b.concession,
    maxTerm: b.maxTerm,
    asOf: (b.asOf ?? null) as IsoDate | null,
  });
  return savePlan(deps, caseId, p.raw, { budgetId: p.budgetId, settings: p.settings });
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
