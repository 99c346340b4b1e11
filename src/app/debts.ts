import type { Kysely } from 'kysely';
import { fail, type IssueCode } from '../core/result.js';
import { localDateOf, type Instant } from '../core/dates/index.js';
import { createDebtRepository, type DebtPatch } from '../db/repositories/debt-repository.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import type { Database } from '../db/schema.js';
import type {
  CaseId,
  Debt,
  DebtFee,
  DebtId,
  DebtPayment,
  Lender,
  LenderId,
  ScheduleRow,
} from '../db/types.js';
import type { Deps } from './deps.js';
import { parseDebtInput, type DebtDraft, type RawInput } from './debt-input.js';
import { AppError, issueMessageZh } from './errors.js';
import { findLender, lenderNotFound } from './lenders.js';
import { writeTransaction } from '../db/transaction.js';
import { debtMoneyField, writeWithinCaseTotal } from './case-limits.js';
import { recordRemoval, takeSnapshot } from './undo.js';

export interface DebtDetails {
  debt: Debt;
  lender: Lender;
  fees: DebtFee[];
  payments: DebtPayment[];
  schedule: ScheduleRow[];
}

function rejectIssues(
  issues: { code: IssueCode; field: string; message: string; messageZh?: string }[],
): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  throw new AppError(first.code, issues.map((i) => i.message).join('; '), {
    field: first.field,
    messageZh: issues.map(issueMessageZh).join('；'),
    details: { issues },
  });
}

/** Builds the stored debt from a validated create draft. */
export function draftToDebt(
  d: DebtDraft,
  ctx: { id: string; caseId: CaseId; lenderId: LenderId; now: Instant },
): Debt {
  return {
    id: ctx.id as DebtId,
    caseId: ctx.caseId,
    lenderId: ctx.lenderId,
    kind: d.kind ?? 'loan',
    contractNumber: d.contractNumber ?? null,
    contractOn: d.contractOn ?? null,
    principal: d.principal!,
    received: d.received ?? null,
    currency: d.currency ?? 'CNY',
    quotedRateText: d.rate?.text ?? null,
    ratePpm: d.rate?.quoted.ppm ?? null,
    ratePeriod: d.rate?.quoted.per ?? null,
    rateBasis: d.rate?.quoted.basis ?? null,
    scheduleMethod: d.scheduleMethod ?? null,
    termMonths: d.termMonths ?? null,
    firstDueOn: d.firstDueOn ?? null,
    installment: d.installment ?? null,
    penaltyRatePpm: d.penaltyRate?.quoted.ppm ?? null,
    penaltyRatePeriod: d.penaltyRate?.quoted.per ?? null,
    penaltyTerms: d.penaltyTerms ?? null,
    liquidatedDamages: d.liquidatedDamages ?? null,
    isCreditReported: d.isCreditReported ?? false,
    status: d.status ?? ((d.overdue ?? 0) > 0 ? 'overdue' : 'current'),
    balance: d.balance ?? null,
    balanceOn: d.balanceOn ?? null,
    overdue: d.overdue ?? (0 as Debt['overdue']),
    overdueSinceOn: d.overdueSinceOn ?? null,
    collector: d.collector ?? null,
    notes: d.notes ?? null,
    statementDay: d.statementDay ?? null,
    minimumPayment: d.minimumPayment ?? null,
    cardInstallmentFeePpm: d.cardInstallmentFee?.ppm ?? null,
    lenderOfRecord: d.lenderOfRecord ?? null,
    guarantor: d.guarantor ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

function draftToPatch(d: DebtDraft, now: Instant): DebtPatch {
  const p: DebtPatch = { updatedAt: now };
  if (d.kind !== undefined) p.kind = d.kind;
  if (d.contractNumber !== undefined) p.contractNumber = d.contractNumber;
  if (d.contractOn !== undefined) p.contractOn = d.contractOn;
  if (d.principal !== undefined) p.principal = d.principal;
  if (d.received !== undefined) p.received = d.received;
  if (d.currency !== undefined) p.currency = d.currency;
  if (d.rate !== undefined) {
    p.quotedRateText = d.rate?.text ?? null;
    p.ratePpm = d.rate?.quoted.ppm ?? null;
    p.ratePeriod = d.rate?.quoted.per ?? null;
    p.rateBasis = d.rate?.quoted.basis ?? null;
  }
  if (d.scheduleMethod !== undefined) p.scheduleMethod = d.scheduleMethod;
  if (d.termMonths !== undefined) p.termMonths = d.termMonths;
  if (d.firstDueOn !== undefined) p.firstDueOn = d.firstDueOn;
  if (d.installment !== undefined) p.installment = d.installment;
  if (d.penaltyRate !== undefined) {
    p.penaltyRatePpm = d.penaltyRate?.quoted.ppm ?? null;
    p.penaltyRatePeriod = d.penaltyRate?.quoted.per ?? null;
  }
  if (d.penaltyTerms !== undefined) p.penaltyTerms = d.penaltyTerms;
  if (d.liquidatedDamages !== undefined) p.liquidatedDamages = d.liquidatedDamages;
  if (d.isCreditReported !== undefined) p.isCreditReported = d.isCreditReported;
  if (d.status !== undefined) p.status = d.status;
  if (d.balance !== undefined) p.balance = d.balance;
  if (d.balanceOn !== undefined) p.balanceOn = d.balanceOn;
  if (d.overdue !== undefined) p.overdue = d.overdue;
  if (d.overdueSinceOn !== undefined) p.overdueSinceOn = d.overdueSinceOn;
  if (d.collector !== undefined) p.collector = d.collector;
  if (d.notes !== undefined) p.notes = d.notes;
  if (d.statementDay !== undefined) p.statementDay = d.statementDay;
  if (d.minimumPayment !== undefined) p.minimumPayment = d.minimumPayment;
  if (d.cardInstallmentFee !== undefined)
    p.cardInstallmentFeePpm = d.cardInstallmentFee?.ppm ?? null;
  if (d.lenderOfRecord !== undefined) p.lenderOfRecord = d.lenderOfRecord;
  if (d.guarantor !== undefined) p.guarantor = d.guarantor;
  return p;
}

export function feesFromDraft(deps: Pick<Deps, 'ids'>, debt: Debt, d: DebtDraft): DebtFee[] {
  return (d.fees ?? []).map((f) => ({
    id: deps.ids.next(),
    caseId: debt.caseId,
    debtId: debt.id,
    kind: f.kind,
    timing: f.timing,
    amount: f.amount,
    chargedOn: f.chargedOn,
    note: f.note,
  }));
}

export function paymentsFromDraft(
  deps: Pick<Deps, 'ids'>,
  debt: Debt,
  d: DebtDraft,
  now: Instant,
): DebtPayment[] {
  return (d.payments ?? []).map((p) => ({
    id: deps.ids.next(),
    caseId: debt.caseId,
    debtId: debt.id,
    paidOn: p.paidOn,
    amount: p.amount,
    note: p.note,
    createdAt: now,
  }));
}

/**
 * The lender a draft names: an existing one (id, name or brand), or a new one when the draft also
 * gives its type (so an import can bring its own lenders).
 */
export async function lenderForDraft(
  deps: Deps,
  db: Kysely<Database>,
  caseId: CaseId,
  d: DebtDraft,
): Promise<Lender> {
  const ref = d.lender!;
  const found = await findLender(db, caseId, ref);
  if (found !== undefined) return found;
  if (d.lenderType === undefined) throw lenderNotFound(ref);
  return createLenderRepository(db).insert({
    id: deps.ids.next(),
    caseId,
    name: ref,
    brand: d.lenderBrand ?? null,
    lenderType: d.lenderType,
    channels: [],
    notes: null,
    createdAt: deps.clock.now(),
  });
}

/** Adds one debt with its fees and payments, all in one transaction. */
export async function addDebt(deps: Deps, caseId: CaseId, raw: RawInput): Promise<DebtDetails> {
  const now = deps.clock.now();
  const { draft, issues } = parseDebtInput(raw, { mode: 'create', today: localDateOf(now) });
  rejectIssues(issues);
  return writeWithinCaseTotal(deps.db, caseId, debtMoneyField(raw), async (trx) => {
    const lender = await lenderForDraft(deps, trx, caseId, draft);
    const debts = createDebtRepository(trx);
    const debt = draftToDebt(draft, { id: deps.ids.next(), caseId, lenderId: lender.id, now });
    await debts.insert(debt);
    const fees = feesFromDraft(deps, debt, draft);
    const payments = paymentsFromDraft(deps, debt, draft, now);
    await debts.insertFees(fees);
    await debts.insertPayments(payments);
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: now,
      actor: 'user',
      action: 'debt.add',
      subject: debt.id,
      details: { contractNumber: debt.contractNumber },
    });
    return { debt, lender, fees, payments, schedule: [] };
  });
}

/** A debt by id or contract number. */
export async function findDebt(db: Kysely<Database>, caseId: CaseId, ref: string): Promise<Debt> {
  const repo = createDebtRepository(db);
  const debt = (await repo.get(caseId, ref)) ?? (await repo.getByContractNumber(caseId, ref));
  if (debt === undefined)
    throw new AppError(
      'not-found',
      `debt "${ref}" is not in this case (give its id or contract number)`,
      {
        field: 'debt',
        messageZh: `本案件中没有债务“${ref}”（请提供编号或合同号）`,
      },
    );
  return debt;
}

export async function showDebt(deps: Deps, caseId: CaseId, ref: string): Promise<DebtDetails> {
  const debt = await findDebt(deps.db, caseId, ref);
  const repo = createDebtRepository(deps.db);
  const lender = await createLenderRepository(deps.db).get(caseId, debt.lenderId);
  if (lender === undefined) fail(`debt ${debt.id} has no lender`);
  return {
    debt,
    lender,
    fees: await repo.listFees(caseId, debt.id),
    payments: await repo.listPayments(caseId, debt.id),
    schedule: await repo.listScheduleRows(caseId, debt.id),
  };
}

export interface DebtListItem {
  debt: Debt;
  lender: Lender;
}

export async function listDebts(
  deps: Deps,
  caseId: CaseId,
  opts: { lender?: string } = {},
): Promise<DebtListItem[]> {
  const lenders = new Map(
    (await createLenderRepository(deps.db).list(caseId)).map((l) => [l.id as string, l]),
  );
  let lenderId: LenderId | undefined;
  if (opts.lender !== undefined) {
    const l = await findLender(deps.db, caseId, opts.lender);
    if (l === undefined) throw lenderNotFound(opts.lender);
    lenderId = l.id;
  }
  const debts = await createDebtRepository(deps.db).list(
    caseId,
    lenderId === undefined ? {} : { lenderId },
  );
  return debts.map((debt) => ({ debt, lender: lenders.get(debt.lenderId)! }));
}

/**
 * Changes the fields present in `raw` (an empty string clears an optional field). Fees or payments
 * given replace the stored lists. One transaction.
 */
export async function editDebt(
  deps: Deps,
  caseId: CaseId,
  ref: string,
  raw: RawInput,
): Promise<DebtDetails> {
  const now = deps.clock.now();
  const { draft, issues } = parseDebtInput(raw, { mode: 'patch', today: localDateOf(now) });
  rejectIssues(issues);
  const id = await writeWithinCaseTotal(deps.db, caseId, debtMoneyField(raw), async (trx) => {
    const current = await findDebt(trx, caseId, ref);
    const patch = draftToPatch(draft, now);
    if (draft.lender !== undefined)
      patch.lenderId = (await lenderForDraft(deps, trx, caseId, draft)).id;
    const principal = patch.principal ?? current.principal;
    const received = patch.received !== undefined ? patch.received : current.received;
    if (received !== null && received > principal)
      throw new AppError('invalid-amount', 'received: cannot exceed the principal contracted', {
        field: 'received',
        messageZh: 'received：实际到账金额不能大于合同金额',
      });
    const repo = createDebtRepository(trx);
    const next = await repo.update(caseId, current.id, patch);
    if (next === undefined) fail('debt vanished inside a transaction');
    if (draft.fees !== undefined)
      await repo.replaceFees(caseId, current.id, feesFromDraft(deps, next, draft));
    if (draft.payments !== undefined) {
      await trx
        .deleteFrom('debt_payments')
        .where('case_id', '=', caseId)
        .where('debt_id', '=', current.id)
        .execute();
      await repo.insertPayments(paymentsFromDraft(deps, next, draft, now));
    }
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: now,
      actor: 'user',
      action: 'debt.edit',
      subject: current.id,
      details: { fields: Object.keys(raw) },
    });
    return current.id;
  });
  return showDebt(deps, caseId, id);
}

/**
 * Deletes a debt with its fees, payments and schedule (one transaction), keeping a copy in the
 * audit event so `undoRemoval` (undo.ts) can bring it back; answers the debt and that `undoId`.
 */
export async function removeDebt(
  deps: Deps,
  caseId: CaseId,
  ref: string,
): Promise<{ debt: Debt; undoId: string }> {
  return writeTransaction(deps.db, async (trx) => {
    const debt = await findDebt(trx, caseId, ref);
    const ids = [debt.id];
    const snapshot = await takeSnapshot(
      trx,
      caseId,
      [
        { table: 'debts', column: 'id', values: ids },
        { table: 'debt_fees', column: 'debt_id', values: ids },
        { table: 'debt_payments', column: 'debt_id', values: ids },
        { table: 'debt_schedule_rows', column: 'debt_id', values: ids },
      ],
      [
        { table: 'plan_proposals', column: 'debt_id', value: debt.id },
        { table: 'agreements', column: 'debt_id', value: debt.id },
      ],
    );
    await createDebtRepository(trx).remove(caseId, debt.id);
    const undoId = await recordRemoval(trx, deps, caseId, {
      action: 'debt.remove',
      subject: debt.id,
      summary: { contractNumber: debt.contractNumber },
      snapshot,
    });
    return { debt, undoId };
  });
}
