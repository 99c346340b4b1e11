// Correcting agreements and payments (issue 13 item 4): edit the terms (installments rebuilt,
// payments matched again oldest-first), edit a payment, and delete either with undo (undo.ts).
// Allocations and the 'completed' status are derived from the payments: every write here
// matches the agreement's payments again in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import { agreementStatus, agreementProgress, matchPayments } from '../../core/agreement/index.js';
import { formatMoney, formatYuan, type Cents } from '../../core/money/index.js';
import type { IsoDate } from '../../core/dates/index.js';
import {
  createAgreementRepository,
  type Agreement,
  type AgreementPayment,
} from '../../db/repositories/agreements-repository.js';
import { createEventRepository } from '../../db/repositories/event-repository.js';
import type { Database } from '../../db/schema.js';
import type { CaseId } from '../../db/types.js';
import { writeTransaction } from '../../db/transaction.js';
import { writeWithinCaseTotal } from '../case-limits.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { recordRemoval, takeSnapshot } from '../undo.js';
import {
  parseAgreementInput,
  parseDateField,
  parsePaymentChannel,
  parsePositiveMoney,
} from './input.js';

type Trx = Transaction<Database>;

/** The stored agreement in the JSON form `parseAgreementInput` reads (the base an edit patches). */
function asRaw(a: Agreement): Record<string, unknown> {
  return {
    agreedOn: a.agreedOn,
    installments: a.installments.map((i) => ({ dueOn: i.dueOn, amount: formatYuan(i.amount) })),
    concessions: a.concessions,
    paymentChannel: a.paymentChannel,
    payToAccount: a.payToAccount,
    agentName: a.agentName,
    agentNumber: a.agentNumber,
    confirmedInWriting: a.isConfirmedInWriting,
    documentEvidenceId: a.documentEvidenceId,
    confirmationEvidenceId: a.confirmationEvidenceId,
    notes: a.notes,
  };
}

/**
 * What an edit may change. The level terms (`firstDueOn`, `monthlyAmount`, `count`) rebuild the
 * installments as one segment from the stored first installment; `installments` or `segments`
 * replace the list outright. Any other key of the agreement JSON (input.ts) replaces its value;
 * null or '' clears an optional one.
 */
export type AgreementEdit = Record<string, unknown> & {
  firstDueOn?: string;
  monthlyAmount?: string | number;
  count?: number;
};

const FIXED = ['lender', 'lenderType', 'lenderBrand', 'debt'];
const TERMS = ['firstDueOn', 'monthlyAmount', 'count'];

function mergeEdit(a: Agreement, patch: AgreementEdit): Record<string, unknown> {
  const raw = asRaw(a);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || TERMS.includes(k)) continue;
    if (FIXED.includes(k))
      throw new AppError('invalid-input', `${k}: an agreement's lender cannot be changed`, {
        field: k,
        messageZh: `${k}：协议的债主不能修改（请删除后重新记录）`,
      });
    raw[k] = v === '' ? null : v;
  }
  if (TERMS.some((k) => patch[k] !== undefined)) {
    const first = a.installments[0];
    delete raw['installments'];
    raw['segments'] = [
      {
        count: patch.count ?? a.installments.length,
        amount: patch.monthlyAmount ?? (first ? formatYuan(first.amount) : undefined),
        firstDueOn: patch.firstDueOn ?? first?.dueOn ?? null,
      },
    ];
  }
  if (patch['installments'] !== undefined) delete raw['segments'];
  if (patch['segments'] !== undefined) delete raw['installments'];
  return raw;
}

const TERM_FIELDS: Record<string, string> = {
  'segments[0].amount': 'monthlyAmount',
  'segments[0].firstDueOn': 'firstDueOn',
  'segments[0].count': 'count',
  segments: 'count',
};

/** Validates the merged agreement; an edit by level terms hears about them by their own names. */
function parseMerged(current: Agreement, patch: AgreementEdit) {
  try {
    return parseAgreementInput(mergeEdit(current, patch));
  } catch (e) {
    const field = e instanceof AppError && e.field !== undefined ? e.field : '';
    const term = TERM_FIELDS[field];
    if (!(e instanceof AppError) || term === undefined || !TERMS.some((k) => k in patch)) throw e;
    throw new AppError(e.code, e.message.replace(field, term), {
      field: term,
      ...(e.messageZh === undefined ? {} : { messageZh: e.messageZh.replace(field, term) }),
      details: e.details,
      cause: e,
    });
  }
}

async function loadAgreement(
  trx: Trx | Kysely<Database>,
  caseId: CaseId,
  id: string,
): Promise<Agreement> {
  const a = await createAgreementRepository(trx).get(caseId, id);
  if (a === undefined)
    throw new AppError('not-found', `agreement ${id} is not in this case`, {
      field: 'agreement',
      messageZh: `本案件中没有协议 ${id}`,
    });
  return a;
}

/**
 * Matches all the agreement's payments against its installments again (oldest first), stores the
 * allocations and sets the status: 'completed' once fully paid, back to 'active' when an edit or a
 * removal reopens it. Answers the payments.
 */
export async function rematchAgreement(
  trx: Trx,
  deps: Pick<Deps, 'ids'>,
  caseId: CaseId,
  agreementId: string,
  asOf: IsoDate,
): Promise<AgreementPayment[]> {
  const repo = createAgreementRepository(trx);
  const a = await loadAgreement(trx, caseId, agreementId);
  const payments = await repo.listPayments(caseId, a.id);
  const { outcomes } = matchPayments(a.installments, payments);
  const idBySeq = new Map(a.installments.map((i) => [i.seq, i.id]));
  await repo.replaceAllocations(
    caseId,
    a.id,
    outcomes.flatMap((o) =>
      o.allocations.map((x) => ({
        id: deps.ids.next(),
        paymentId: x.paymentId,
        installmentId: idBySeq.get(x.seq)!,
        amount: x.amount,
      })),
    ),
  );
  const progress = agreementProgress(
    agreementStatus(a.installments, payments, { asOf, dueSoonDays: 0, graceDays: 0 }),
    asOf,
  );
  if (progress.isComplete && a.status === 'active') await repo.setStatus(caseId, a.id, 'completed');
  if (!progress.isComplete && a.status === 'completed')
    await repo.setStatus(caseId, a.id, 'active');
  return payments;
}

/**
 * Changes an agreement: the edit is merged into the stored agreement and validated as a new one
 * (dates, installments, money limits); a recorded payment dated before a new agreement date is
 * refused. One transaction: the row, the installments when the terms changed, the allocations,
 * the status and an 'agreement.edit' event.
 */
export async function editAgreement(
  deps: Deps,
  caseId: CaseId,
  id: string,
  patch: AgreementEdit,
  asOf: IsoDate,
): Promise<Agreement> {
  const current = await loadAgreement(deps.db, caseId, id);
  const draft = parseMerged(current, patch);
  const payments = await createAgreementRepository(deps.db).listPayments(caseId, id);
  const early = payments.find((p) => p.paidOn < draft.agreedOn);
  if (early !== undefined)
    throw new AppError(
      'invalid-date',
      `agreedOn: a payment on ${early.paidOn} is before ${draft.agreedOn}`,
      {
        field: 'agreedOn',
        messageZh: `agreedOn：已记录 ${early.paidOn} 的还款，达成日期不能晚于它`,
      },
    );
  const termsChanged =
    JSON.stringify(draft.installments.map((i) => [i.seq, i.dueOn, i.amount])) !==
    JSON.stringify(current.installments.map((i) => [i.seq, i.dueOn, i.amount]));
  const total = draft.installments.reduce((s, i) => s + i.amount, 0) as Cents;
  return writeWithinCaseTotal(deps.db, caseId, 'total', async (trx) => {
    const repo = createAgreementRepository(trx);
    await repo.update(caseId, id, { ...draft, total });
    if (termsChanged)
      await repo.replaceInstallments(
        caseId,
        id,
        draft.installments.map((i) => ({ ...i, id: deps.ids.next() })),
      );
    await rematchAgreement(trx, deps, caseId, id, asOf);
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: deps.clock.now(),
      actor: 'user',
      action: 'agreement.edit',
      subject: id,
      details: {
        fields: Object.keys(patch),
        installments: draft.installments.length,
        total: formatMoney(total),
      },
    });
    return (await repo.get(caseId, id))!;
  });
}

/**
 * Deletes an agreement with its installments, payments and allocations, keeping them in the
 * 'agreement.remove' event so `undoRemoval` can put them back. Answers the agreement and undoId.
 */
export async function removeAgreement(
  deps: Deps,
  caseId: CaseId,
  id: string,
): Promise<{ agreement: Agreement; undoId: string }> {
  return writeTransaction(deps.db, async (trx) => {
    const agreement = await loadAgreement(trx, caseId, id);
    const repo = createAgreementRepository(trx);
    const paymentIds = (await repo.listPayments(caseId, id)).map((p) => p.id);
    const ids = [id];
    const snapshot = await takeSnapshot(trx, caseId, [
      { table: 'agreements', column: 'id', values: ids },
      { table: 'agreement_installments', column: 'agreement_id', values: ids },
      { table: 'agreement_payments', column: 'agreement_id', values: ids },
      { table: 'agreement_allocations', column: 'payment_id', values: paymentIds },
    ]);
    await repo.remove(caseId, id);
    const undoId = await recordRemoval(trx, deps, caseId, {
      action: 'agreement.remove',
      subject: id,
      summary: { lenderId: agreement.lenderId, total: formatMoney(agreement.total) },
      snapshot,
    });
    return { agreement, undoId };
  });
}

async function findPayment(
  trx: Trx,
  caseId: CaseId,
  agreementId: string,
  paymentId: string,
): Promise<{ agreement: Agreement; payment: AgreementPayment }> {
  const agreement = await loadAgreement(trx, caseId, agreementId);
  const payment = (await createAgreementRepository(trx).listPayments(caseId, agreementId)).find(
    (p) => p.id === paymentId,
  );
  if (payment === undefined)
    throw new AppError('not-found', `payment ${paymentId} is not in agreement ${agreementId}`, {
      field: 'payment',
      messageZh: `这份协议中没有还款记录 ${paymentId}`,
    });
  return { agreement, payment };
}

/** What a payment edit may change; '' or null clears channel and note. */
export interface PaymentEdit {
  amount?: string;
  date?: string;
  channel?: string | null;
  note?: string | null;
}

function checkPaidOn(paidOn: IsoDate, a: Agreement, asOf: IsoDate): void {
  if (paidOn < a.agreedOn)
    throw new AppError(
      'invalid-date',
      `date: ${paidOn} is before the agreement date ${a.agreedOn}`,
      {
        field: 'date',
        messageZh: `date：${paidOn} 早于协议日期 ${a.agreedOn}`,
      },
    );
  if (paidOn > asOf)
    throw new AppError('invalid-date', `date: ${paidOn} is in the future (today is ${asOf})`, {
      field: 'date',
      messageZh: `date：${paidOn} 是将来的日期（今天是 ${asOf}）`,
    });
}

function cleanNote(v: string | null | undefined, current: string | null): string | null {
  if (v === undefined) return current;
  if (v === null || v.trim() === '') return null;
  if (v.length > 1000)
    throw new AppError('invalid-input', 'note: is longer than 1000 characters', {
      field: 'note',
      messageZh: 'note：超过 1000 个字符',
    });
  return v.trim();
}

/**
 * Changes a recorded payment (validated as when it was recorded) and matches the agreement's
 * payments again, in one transaction with a 'payment.edit' event.
 */
export async function editPayment(
  deps: Deps,
  caseId: CaseId,
  ids: { agreement: string; payment: string },
  patch: PaymentEdit,
  asOf: IsoDate,
): Promise<AgreementPayment> {
  const amount =
    patch.amount === undefined ? undefined : parsePositiveMoney(patch.amount, 'amount');
  const date = patch.date === undefined ? undefined : parseDateField(patch.date, 'date');
  const channel =
    patch.channel === undefined ? undefined : parsePaymentChannel(patch.channel, 'channel');
  return writeWithinCaseTotal(deps.db, caseId, 'amount', async (trx) => {
    const { agreement, payment } = await findPayment(trx, caseId, ids.agreement, ids.payment);
    const next = {
      paidOn: date ?? payment.paidOn,
      amount: amount ?? payment.amount,
      channel: channel === undefined ? payment.channel : channel,
      note: cleanNote(patch.note, payment.note),
    };
    checkPaidOn(next.paidOn, agreement, asOf);
    await createAgreementRepository(trx).updatePayment(caseId, payment.id, next);
    await rematchAgreement(trx, deps, caseId, agreement.id, asOf);
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: deps.clock.now(),
      actor: 'user',
      action: 'payment.edit',
      subject: payment.id,
      details: { agreementId: agreement.id, amount: formatMoney(next.amount), paidOn: next.paidOn },
    });
    return { ...payment, ...next };
  });
}

/**
 * Deletes a payment (and its allocations, kept in the 'payment.remove' event for undo) and
 * matches the remaining payments again. Undo puts the rows back and matches again (undo.ts).
 */
export async function removePayment(
  deps: Deps,
  caseId: CaseId,
  ids: { agreement: string; payment: string },
  asOf: IsoDate,
): Promise<{ payment: AgreementPayment; undoId: string }> {
  return writeTransaction(deps.db, async (trx) => {
    const { agreement, payment } = await findPayment(trx, caseId, ids.agreement, ids.payment);
    const snapshot = await takeSnapshot(trx, caseId, [
      { table: 'agreement_payments', column: 'id', values: [payment.id] },
      { table: 'agreement_allocations', column: 'payment_id', values: [payment.id] },
    ]);
    await createAgreementRepository(trx).removePayment(caseId, payment.id);
    await rematchAgreement(trx, deps, caseId, agreement.id, asOf);
    const undoId = await recordRemoval(trx, deps, caseId, {
      action: 'payment.remove',
      subject: payment.id,
      summary: {
        agreementId: agreement.id,
        amount: formatMoney(payment.amount),
        paidOn: payment.paidOn,
        asOf,
      },
      snapshot,
    });
    return { payment, undoId };
  });
}
