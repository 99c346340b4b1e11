// Use case: budget versions in the store (F3). Every save is a new version and the newest wins.
// budget_lines keep the normalized monthly lines (the forecast reads their day of month); the
// budget's note column keeps a small JSON envelope with the validated input (household,
// original amounts and frequencies, the debts it was measured against), so a reload reproduces
// exactly the statement that was saved. No schema change was needed for that.
import {
  budgetToJson,
  buildBudget,
  parseBudgetInput,
  type Budget,
  type BudgetInput,
} from '../core/budget/index.js';
import { localDateOf, type IsoDate } from '../core/dates/index.js';
import { formatYuan } from '../core/money/index.js';
import {
  createBudgetRepository,
  type StoredBudget,
  type StoredBudgetLine,
} from '../db/repositories/budget-repository.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import type { CaseId } from '../db/types.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { writeTransaction } from '../db/transaction.js';

const ENVELOPE = 'xieshang-budget-v1';

export interface SavedBudget {
  stored: StoredBudget;
  input: BudgetInput;
  budget: Budget;
  /** the free-text note the user gave, outside the envelope */
  note: string | null;
}

/** The validated input back to the `xieshang budget` JSON shape (yuan strings). */
export function budgetInputToJson(b: BudgetInput) {
  const line = (l: BudgetInput['income'][number]) => ({
    label: l.label,
    amount: formatYuan(l.amount),
    frequency: l.frequency,
    note: l.note,
    ...(l.dayOfMonth === undefined ? {} : { dayOfMonth: l.dayOfMonth }),
  });
  return {
    household: b.household,
    income: b.income.map(line),
    expenditure: b.expenditure.map((l) => ({ ...line(l), category: l.category })),
    emergencyBuffer: formatYuan(b.emergencyBuffer),
    debts: b.debts.map((d) => ({
      creditor: d.creditor,
      balance: formatYuan(d.balance),
      contractualPayment: formatYuan(d.contractualPayment),
    })),
  };
}

/** Saves `input` as the case's next budget version, in one transaction. */
export async function saveBudget(
  deps: Deps,
  caseId: CaseId,
  input: BudgetInput,
  opts: { effectiveOn?: IsoDate; note?: string | null } = {},
): Promise<SavedBudget> {
  const budget = buildBudget(input);
  const now = deps.clock.now();
  const lines: StoredBudgetLine[] = [
    ...budget.income.map((l) => ({
      id: deps.ids.next(),
      kind: 'income' as const,
      category: 'income',
      label: l.label,
      monthly: l.monthly,
      dayOfMonth: l.dayOfMonth ?? null,
      note: l.note,
    })),
    ...budget.expenditure.map((l) => ({
      id: deps.ids.next(),
      kind: l.group,
      category: l.category,
      label: l.label,
      monthly: l.monthly,
      dayOfMonth: l.dayOfMonth ?? null,
      note: l.note,
    })),
  ];
  const note = opts.note ?? null;
  const envelope = JSON.stringify({ format: ENVELOPE, note, input: budgetInputToJson(input) });
  const stored = await writeTransaction(deps.db, async (trx) => {
    const s = await createBudgetRepository(trx).insertVersion({
      id: deps.ids.next(),
      caseId,
      effectiveOn: opts.effectiveOn ?? localDateOf(now),
      buffer: budget.totals.emergencyBuffer,
      note: envelope,
      createdAt: now,
      lines,
    });
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: now,
      actor: 'user',
      action: 'budget.save',
      subject: s.id,
      details: { version: s.version, capacity: formatYuan(budget.capacity) },
    });
    return s;
  });
  return { stored, input, budget, note };
}

/** Rebuilds a budget from its stored lines when the envelope is missing (monthly amounts). */
function inputFromLines(s: StoredBudget): BudgetInput {
  const line = (l: StoredBudgetLine) => ({
    label: l.label,
    amount: formatYuan(l.monthly),
    frequency: 'monthly',
    note: l.note,
    ...(l.dayOfMonth === null ? {} : { dayOfMonth: l.dayOfMonth }),
  });
  const raw = {
    income: s.lines.filter((l) => l.kind === 'income').map(line),
    expenditure: s.lines
      .filter((l) => l.kind !== 'income')
      .map((l) => ({ ...line(l), category: l.category })),
    emergencyBuffer: formatYuan(s.buffer),
  };
  const p = parseBudgetInput(raw);
  if (!p.ok)
    throw new AppError('internal', `stored budget ${s.id} is unreadable: ${p.error.message}`);
  return p.value;
}

/** The newest saved budget of the case, rebuilt; undefined when none was saved. */
export async function loadLatestBudget(
  deps: Deps,
  caseId: CaseId,
): Promise<SavedBudget | undefined> {
  const stored = await createBudgetRepository(deps.db).latest(caseId);
  if (stored === undefined) return undefined;
  let input: BudgetInput | undefined;
  let note: string | null = stored.note;
  try {
    const env = JSON.parse(stored.note ?? '') as {
      format?: unknown;
      note?: unknown;
      input?: unknown;
    };
    if (env.format === ENVELOPE) {
      note = typeof env.note === 'string' ? env.note : null;
      const p = parseBudgetInput(env.input);
      if (p.ok) input = p.value;
    }
  } catch {
    // a plain-text note: rebuild from the lines
  }
  input ??= inputFromLines(stored);
  return { stored, input, budget: buildBudget(input), note };
}

/** `budgetToJson` plus the stored identity: what `budget show --json` prints. */
export function savedBudgetToJson(s: SavedBudget) {
  return {
    id: s.stored.id,
    version: s.stored.version,
    effectiveOn: s.stored.effectiveOn,
    savedAt: s.stored.createdAt,
    ...budgetToJson(s.budget),
  };
}
