// Use case: repayment plans in the store (F4/F5). Saving builds the plan with core/plan and keeps
// the input (params_json) and one proposal per debt (plan_proposals, per lender, read by the
// letters); earlier plans become 'superseded'. Also builds a plan input over the case's debts
// (what POST /api/plans and `xieshang plan --from-case` use).
import type { IsoDate } from '../core/dates/index.js';
import { formatYuan } from '../core/money/index.js';
import {
  buildPlan,
  parsePlanInput,
  planToJson,
  type Plan,
  type PlanInput,
} from '../core/plan/index.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import { createPlanRepository, type StoredPlan } from '../db/repositories/plan-repository.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import type { CaseId, LenderType } from '../db/types.js';
import type { DebtKind as PlanDebtKind } from '../core/plan/index.js';
import { loadLatestBudget } from './budgets.js';
import { listDebts } from './debts.js';
import { todayIn } from './today.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { summarizeCase } from './summary.js';
import { writeTransaction } from '../db/transaction.js';

/** A decimal fraction as a string with at most 6 decimals, for the plan input. */
const fraction = (x: number): string => String(Math.max(0, Math.round(x * 1e6) / 1e6));
/**
 * A true cost the plan can carry: the plan input accepts at most 1000 % a year, and a loan's
 * measured cost can exceed that (a tiny loan with large fixed installments). Planning it at the
 * cap keeps the plan computable; the debt's own verdict still shows the full figure.
 */
const planRate = (apr: number): string => fraction(Math.min(apr, 10));

export interface CasePlanOptions {
  /** yuan text, e.g. "3000.00" (from the budget) */
  capacity?: string | null;
  strategy?: string;
  concession?: string;
  maxTerm?: number;
  asOf?: IsoDate | null;
}

/**
 * The `xieshang plan` JSON input over the case's open debts: balance and true cost from the
 * summary; 'reduce-rate' asks for the legal line the legality check found (or none if unknown).
 */
export async function casePlanInput(
  deps: Deps,
  caseId: CaseId,
  opts: CasePlanOptions,
): Promise<Record<string, unknown>> {
  const today = todayIn(deps);
  const [s, items] = await Promise.all([
    summarizeCase(deps, caseId, today),
    listDebts(deps, caseId),
  ]);
  const open = s.debts.filter(
    // a loan with an amount above the limit is listed for fixing, never planned (summary.ts)
    (d) => (d.balance ?? d.principal) > 0 && d.status !== 'settled' && d.isOverLimit !== true,
  );
  if (open.length === 0)
    throw new AppError('invalid-input', 'there are no open debts to plan for; add debts first', {
      field: 'debts',
      messageZh: '还没有需要还的债务，请先添加债务',
    });
  if (opts.capacity === undefined || opts.capacity === null)
    throw new AppError('invalid-input', 'capacity: required (from the budget)', {
      field: 'capacity',
      messageZh: '请先填写每月可用于还款的金额',
    });
  const want = opts.concession ?? 'none';
  return {
    asOf: opts.asOf ?? today,
    capacity: opts.capacity,
    strategy: opts.strategy ?? 'pro-rata-balance',
    debts: open.map((d) => {
      const debt = items.find((i) => i.debt.id === d.debtId)?.debt;
      const limit = d.legality?.recalculation?.limit;
      const concession = want === 'reduce-rate' && limit === undefined ? 'none' : want;
      return {
        id: d.debtId,
        creditor: d.lenderName,
        kind: planKindOf(debt?.kind ?? 'loan', d.lenderType),
        balance: formatYuan(d.balance ?? d.principal),
        // an unknown true cost (null) is planned at 0 % and listed in plan.assumptions as
        // "利率未知，按0%假设"; never guessed upward
        annualRate: d.nominalApr === null ? null : planRate(d.nominalApr),
        ...(debt?.installment ? { contractualPayment: formatYuan(debt.installment) } : {}),
        maxTerm: opts.maxTerm ?? 36,
        concession,
        ...(concession === 'reduce-rate' && limit !== undefined
          ? { reducedRate: fraction(limit) }
          : {}),
      };
    }),
  };
}

/** The plan's debt kind (which terms lenders usually accept) from the stored debt and lender. */
function planKindOf(kind: 'loan' | 'credit-card', lenderType: LenderType): PlanDebtKind {
  if (kind === 'credit-card') return 'credit-card';
  switch (lenderType) {
    case 'bank':
      return 'bank-loan';
    case 'consumer-finance':
    case 'small-loan':
    case 'guarantee-platform':
      return 'online-loan';
    case 'private':
    case 'unknown':
      return 'other';
    default: {
      const never: never = lenderType;
      return never;
    }
  }
}

/** The settings a plan was built with (what the plan page shows after a reload). */
export interface PlanSettings {
  strategy: string;
  concession: string;
  maxTerm: number;
  /** yuan text */
  capacity: string;
}

/**
 * A saved plan's own settings: those stored with it, else (plans saved before settings were
 * stored) read back from its input — the concession most debts carry and the longest maxTerm.
 */
export function planSettingsOf(s: SavedPlan): PlanSettings {
  const stored = s.stored.params['settings'];
  if (typeof stored === 'object' && stored !== null) {
    const o = stored as Record<string, unknown>;
    if (
      typeof o['strategy'] === 'string' &&
      typeof o['concession'] === 'string' &&
      typeof o['maxTerm'] === 'number'
    )
      return {
        strategy: o['strategy'],
        concession: o['concession'],
        maxTerm: o['maxTerm'],
        capacity: formatYuan(s.input.capacity),
      };
  }
  const counts = new Map<string, number>();
  for (const d of s.input.debts) counts.set(d.concession, (counts.get(d.concession) ?? 0) + 1);
  const concession = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
  return {
    strategy: s.input.strategy,
    concession,
    maxTerm: Math.max(1, ...s.input.debts.map((d) => d.maxTerm)),
    capacity: formatYuan(s.input.capacity),
  };
}

/** Whether the latest budget differs from the one the plan was built on. */
export interface PlanBudgetCheck {
  /** the latest budget's capacity, yuan text; null when no budget is saved */
  latestCapacity: string | null;
  /** true when a budget saved after the plan, or with another capacity, exists */
  changedSincePlan: boolean;
}

export async function planBudgetCheck(
  deps: Deps,
  caseId: CaseId,
  s: SavedPlan,
): Promise<PlanBudgetCheck> {
  const latest = await loadLatestBudget(deps, caseId);
  if (latest === undefined) return { latestCapacity: null, changedSincePlan: false };
  const cap = latest.budget.capacity;
  const changed =
    cap !== s.input.capacity ||
    (s.stored.budgetId !== null && s.stored.budgetId !== latest.stored.id) ||
    latest.stored.createdAt > s.stored.createdAt;
  return { latestCapacity: formatYuan(cap), changedSincePlan: changed };
}

export interface SavedPlan {
  stored: StoredPlan;
  input: PlanInput;
  plan: Plan;
}

function parseOrThrow(raw: unknown): PlanInput {
  const p = parsePlanInput(raw);
  if (!p.ok) throw AppError.fromIssue(p.error);
  return p.value;
}

/**
 * Builds and saves a plan, in one transaction. Each debt is tied to a lender of the case: by the
 * debt id when it is a stored debt, else by the creditor name (legal name or brand).
 */
export async function savePlan(
  deps: Deps,
  caseId: CaseId,
  raw: unknown,
  opts: { budgetId?: string | null; note?: string | null; settings?: PlanSettings } = {},
): Promise<SavedPlan> {
  const input = parseOrThrow(raw);
  const plan = buildPlan(input);
  const [lenders, items] = await Promise.all([
    createLenderRepository(deps.db).list(caseId),
    listDebts(deps, caseId),
  ]);
  const debtLender = new Map(items.map((i) => [i.debt.id as string, i.lender.id as string]));
  const lenderOf = (id: string, creditor: string, i: number): string => {
    const byDebt = debtLender.get(id);
    if (byDebt !== undefined) return byDebt;
    const c = creditor.trim();
    const hit =
      lenders.find((l) => l.name === c || l.brand === c) ??
      lenders.find((l) => c !== '' && (l.name.includes(c) || (l.brand ?? '').includes(c)));
    if (hit === undefined)
      throw new AppError(
        'not-found',
        `debts[${i}].creditor: no lender "${c}" in this case; add it with \`xieshang lender add\` first`,
        {
          field: `debts[${i}].creditor`,
          messageZh: `debts[${i}].creditor：本案中没有债权人“${c}”，请先用 \`xieshang lender add\` 添加`,
        },
      );
    return hit.id;
  };
  const now = deps.clock.now();
  const proposals = plan.proposals.map((p, i) => {
    const last = p.schedule.at(-1);
    return {
      id: deps.ids.next(),
      lenderId: lenderOf(p.id, p.creditor, i),
      debtId: debtLender.has(p.id) ? p.id : null,
      monthly: p.monthlyPayment,
      termMonths: p.term ?? p.schedule.length,
      concessions: p.concession === 'none' ? [] : [p.concession],
      startOn: p.schedule[0]?.date ?? plan.asOf,
      endOn: p.endDate ?? last?.date ?? plan.asOf,
      total: p.totalPaid,
      savingVsContract: p.savingVsContract,
      savingVsNothing: p.savingVsNothing,
      schedule: p.schedule.map((r) => ({ dueOn: r.date, amountCents: r.payment as number })),
    };
  });
  const stored = await writeTransaction(deps.db, async (trx) => {
    const s = await createPlanRepository(trx).insertActive({
      id: deps.ids.next(),
      caseId,
      budgetId: opts.budgetId ?? null,
      strategy: plan.strategy,
      capacity: plan.capacity,
      startOn: plan.asOf,
      params: {
        input: raw,
        order: proposals.map((x) => x.id),
        ...(opts.settings === undefined ? {} : { settings: opts.settings }),
      },
      note: opts.note ?? null,
      createdAt: now,
      proposals,
    });
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: now,
      actor: 'user',
      action: 'plan.save',
      subject: s.id,
      details: { feasible: plan.feasible, debts: proposals.length },
    });
    return s;
  });
  return { stored, input, plan };
}

/** The newest saved plan, rebuilt from its stored input (core/plan is deterministic). */
export async function loadLatestPlan(deps: Deps, caseId: CaseId): Promise<SavedPlan | undefined> {
  const stored = await createPlanRepository(deps.db).latest(caseId);
  if (stored === undefined) return undefined;
  const input = parseOrThrow(stored.params['input']);
  return { stored, input, plan: buildPlan(input) };
}

/** `planToJson` plus the stored identity: what `plan show --json` prints. */
export function savedPlanToJson(s: SavedPlan) {
  return { id: s.stored.id, savedAt: s.stored.createdAt, ...planToJson(s.plan) };
}
