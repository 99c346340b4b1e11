import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Cents } from '../../core/money/index.js';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import { guard } from '../errors.js';
import { toCents, toInstant, toIsoDate } from '../rows.js';
import type { AgreementPaymentsTable, Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AgreementPayment {
  id: string;
  caseId: string;
  agreementId: string;
  paidOn: IsoDate;
  amount: Cents;
  channel: string | null;
  receiptEvidenceId: string | null;
  note: string | null;
  createdAt: Instant;
}

/** One allocation of a payment to an installment (derived: recomputed after every payment). */
export interface AgreementAllocation {
  paymentId: string;
  installmentId: string;
  amount: Cents;
}

function toPayment(r: Selectable<AgreementPaymentsTable>): AgreementPayment {
  return {
    id: r.id,
    caseId: r.case_id,
    agreementId: r.agreement_id,
    paidOn: toIsoDate(r.paid_on),
    amount: toCents(r.amount_cents),
    channel: r.channel,
    receiptEvidenceId: r.receipt_evidence_id,
    note: r.note,
    createdAt: toInstant(r.created_at),
  };
}

export async function insertPayment(db: Db, p: AgreementPayment): Promise<void> {
  await guard('payment', () =>
    db
      .insertInto('agreement_payments')
      .values({
        id: p.id,
        case_id: p.caseId,
        agreement_id: p.agreementId,
        paid_on: p.paidOn,
        amount_cents: p.amount,
        channel: p.channel,
        receipt_evidence_id: p.receiptEvidenceId,
        note: p.note,
        created_at: p.createdAt,
      })
      .execute(),
  );
}

export async function updatePayment(
  db: Db,
  caseId: string,
  id: string,
  p: Pick<AgreementPayment, 'paidOn' | 'amount' | 'channel' | 'note'>,
): Promise<void> {
  await db
    .updateTable('agreement_payments')
    .set({ paid_on: p.paidOn, amount_cents: p.amount, channel: p.channel, note: p.note })
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .execute();
}

/** Deletes one payment and its allocations. */
export async function removePayment(db: Db, caseId: string, id: string): Promise<void> {
  await db
    .deleteFrom('agreement_allocations')
    .where('case_id', '=', caseId)
    .where('payment_id', '=', id)
    .execute();
  await db
    .deleteFrom('agreement_payments')
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .execute();
}

export async function listPayments(
  db: Db,
  caseId: string,
  agreementId?: string,
): Promise<AgreementPayment[]> {
  let q = db.selectFrom('agreement_payments').selectAll().where('case_id', '=', caseId);
  if (agreementId !== undefined) q = q.where('agreement_id', '=', agreementId);
  const rows = await q.orderBy('paid_on').orderBy('created_at').orderBy('id').execute();
  return rows.map(toPayment);
}

/** Replaces an agreement's allocations (they are derived: recomputed after every payment). */
export async function replaceAllocations(
  db: Db,
  caseId: string,
  agreementId: string,
  rows: (AgreementAllocation & { id: string })[],
): Promise<void> {
  const payments = db
    .selectFrom('agreement_payments')
    .select('id')
    .where('case_id', '=', caseId)
    .where('agreement_id', '=', agreementId);
  await db
    .deleteFrom('agreement_allocations')
    .where('case_id', '=', caseId)
    .where('payment_id', 'in', payments)
    .execute();
  if (rows.length === 0) return;
  await db
    .insertInto('agreement_allocations')
    .values(
      rows.map((r) => ({
        id: r.id,
        case_id: caseId,
        payment_id: r.paymentId,
        installment_id: r.installmentId,
        amount_cents: r.amount,
      })),
    )
    .execute();
}

export async function listAllocations(db: Db, caseId: string): Promise<AgreementAllocation[]> {
  const rows = await db
    .selectFrom('agreement_allocations')
    .select(['payment_id', 'installment_id', 'amount_cents'])
    .where('case_id', '=', caseId)
    .orderBy('payment_id')
    .orderBy('installment_id')
    .execute();
  return rows.map((r) => ({
    paymentId: r.payment_id,
    installmentId: r.installment_id,
    amount: toCents(r.amount_cents),
  }));
}
