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
import type { CaseId } from '../db/types.js';
import { listDebts, todayOf } from './debts.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { summarizeCase } from './summary.js';
import { writeTransaction } from '../db/transaction.js';

/** A decimal fraction as a string with at most 6 decimals, for the plan input. */
const fraction = (x: number): string => String(Math.max(0, Math.round(x * 1e6) / 1e6));

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
  const today = todayOf(deps.clock.now());
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
        balance: formatYuan(d.balance ?? d.principal),
        // an unknown true cost is planned at 0 % (the web says so); never guessed upward
        annualRate: fraction(d.nominalApr ?? 0),
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
  opts: { budgetId?: string | null; note?: string | null } = {},
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
      params: { input: raw, order: proposals.map((x) => x.id) },
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
