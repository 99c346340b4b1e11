import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Cents } from '../../core/money/index.js';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import type { Installment, PaymentChannel } from '../../core/agreement/index.js';
import { guard } from '../errors.js';
import { fromBool, parseJsonColumn, toBool, toCents, toInstant, toIsoDate } from '../rows.js';
import type { AgreementInstallmentsTable, AgreementsTable, Database } from '../schema.js';
import {
  type AgreementAllocation,
  type AgreementPayment,
  insertPayment,
  listAllocations,
  listPayments,
  removePayment,
  replaceAllocations,
  updatePayment,
} from './agreement-payment-queries.js';
import { latestBudgetLines, listEscalationDeadlines } from './deadline-queries.js';

export type { AgreementAllocation, AgreementPayment } from './agreement-payment-queries.js';
export type { BudgetLinesForForecast, EscalationDeadline } from './deadline-queries.js';

type Db = Kysely<Database> | Transaction<Database>;

export const AGREEMENT_STATUSES = ['active', 'completed', 'broken', 'superseded'] as const;
export type AgreementState = (typeof AGREEMENT_STATUSES)[number];

/** An agreed repayment arrangement with one lender (F11). */
export interface Agreement {
  id: string;
  caseId: string;
  lenderId: string;
  /** the lender's legal name and brand, joined for display */
  lenderName: string;
  lenderBrand: string | null;
  debtId: string | null;
  agreedOn: IsoDate;
  agentName: string | null;
  agentNumber: string | null;
  total: Cents;
  concessions: string[];
  paymentChannel: PaymentChannel | null;
  payToAccount: string | null;
  isConfirmedInWriting: boolean;
  documentEvidenceId: string | null;
  confirmationEvidenceId: string | null;
  status: AgreementState;
  notes: string | null;
  createdAt: Instant;
  installments: (Installment & { id: string })[];
}

export type NewAgreement = Omit<Agreement, 'lenderName' | 'lenderBrand' | 'installments'> & {
  installments: (Installment & { id: string })[];
};

function toInstallment(r: Selectable<AgreementInstallmentsTable>): Installment & { id: string } {
  return {
    id: r.id,
    seq: Number(r.seq),
    dueOn: toIsoDate(r.due_on),
    amount: toCents(r.amount_cents),
  };
}

function toAgreement(
  r: Selectable<AgreementsTable> & { lender_name: string; lender_brand: string | null },
  installments: (Installment & { id: string })[],
): Agreement {
  return {
    id: r.id,
    caseId: r.case_id,
    lenderId: r.lender_id,
    lenderName: r.lender_name,
    lenderBrand: r.lender_brand,
    debtId: r.debt_id,
    agreedOn: toIsoDate(r.agreed_on),
    agentName: r.agent_name,
    agentNumber: r.agent_number,
    total: toCents(r.total_cents),
    concessions: parseJsonColumn<string[]>(r.concessions_json, []),
    paymentChannel: r.payment_channel as PaymentChannel | null,
    payToAccount: r.pay_to_account,
    isConfirmedInWriting: toBool(r.is_confirmed_in_writing),
    documentEvidenceId: r.document_evidence_id,
    confirmationEvidenceId: r.confirmation_evidence_id,
    status: r.status as AgreementState,
    notes: r.notes,
    createdAt: toInstant(r.created_at),
    installments,
  };
}

type NumberedInstallment = Installment & { id: string };

/** The terms `update` changes; notes apart (the insert lists them after the evidence ids). */
type AgreementTerms = Pick<
  Agreement,
  | 'agreedOn'
  | 'agentName'
  | 'agentNumber'
  | 'total'
  | 'concessions'
  | 'paymentChannel'
  | 'payToAccount'
  | 'isConfirmedInWriting'
>;

/** The terms' columns, shared by insert and update (same order in both statements). */
function termColumns(a: AgreementTerms) {
  return {
    agreed_on: a.agreedOn,
    agent_name: a.agentName,
    agent_number: a.agentNumber,
    total_cents: a.total,
    concessions_json: JSON.stringify(a.concessions),
    payment_channel: a.paymentChannel,
    pay_to_account: a.payToAccount,
    is_confirmed_in_writing: fromBool(a.isConfirmedInWriting),
  };
}

/** Agreements of a case (one, or one lender's) with their lender's names and installments. */
async function loadAgreements(
  db: Db,
  caseId: string,
  where: { id?: string; lenderId?: string },
): Promise<Agreement[]> {
  let q = db
    .selectFrom('agreements')
    .innerJoin('lenders', 'lenders.id', 'agreements.lender_id')
    .selectAll('agreements')
    .select(['lenders.name as lender_name', 'lenders.brand as lender_brand'])
    .where('agreements.case_id', '=', caseId);
  if (where.id !== undefined) q = q.where('agreements.id', '=', where.id);
  if (where.lenderId !== undefined) q = q.where('agreements.lender_id', '=', where.lenderId);
  const rows = await q
    .orderBy('agreements.agreed_on')
    .orderBy('agreements.created_at')
    .orderBy('agreements.id')
    .execute();
  if (rows.length === 0) return [];
  const by = await installmentsByAgreement(
    db,
    caseId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAgreement(r, by.get(r.id) ?? []));
}

async function installmentsByAgreement(
  db: Db,
  caseId: string,
  agreementIds: string[],
): Promise<Map<string, NumberedInstallment[]>> {
  const inst = await db
    .selectFrom('agreement_installments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('agreement_id', 'in', agreementIds)
    .orderBy('agreement_id')
    .orderBy('seq')
    .execute();
  const by = new Map<string, NumberedInstallment[]>();
  for (const r of inst) {
    const list = by.get(r.agreement_id) ?? [];
    list.push(toInstallment(r));
    by.set(r.agreement_id, list);
  }
  return by;
}

async function insertInstallments(
  db: Db,
  caseId: string,
  agreementId: string,
  installments: NumberedInstallment[],
): Promise<void> {
  await db
    .insertInto('agreement_installments')
    .values(
      installments.map((i) => ({
        id: i.id,
        case_id: caseId,
        agreement_id: agreementId,
        seq: i.seq,
        due_on: i.dueOn,
        amount_cents: i.amount,
      })),
    )
    .execute();
}

/** Deletes an agreement's rows in one child table. */
async function deleteChildren(
  db: Db,
  table: 'agreement_payments' | 'agreement_installments',
  caseId: string,
  agreementId: string,
): Promise<void> {
  await db
    .deleteFrom(table)
    .where('case_id', '=', caseId)
    .where('agreement_id', '=', agreementId)
    .execute();
}

async function insertAgreement(db: Db, a: NewAgreement): Promise<void> {
  await guard('agreement', async () => {
    await db
      .insertInto('agreements')
      .values({
        id: a.id,
        case_id: a.caseId,
        lender_id: a.lenderId,
        debt_id: a.debtId,
        plan_proposal_id: null,
        ...termColumns(a),
        document_evidence_id: a.documentEvidenceId,
        confirmation_evidence_id: a.confirmationEvidenceId,
        status: a.status,
        notes: a.notes,
        created_at: a.createdAt,
      })
      .execute();
    await insertInstallments(db, a.caseId, a.id, a.installments);
  });
}

async function setAgreementStatus(
  db: Db,
  caseId: string,
  id: string,
  status: AgreementState,
): Promise<void> {
  await db
    .updateTable('agreements')
    .set({ status })
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .execute();
}

async function updateAgreement(
  db: Db,
  caseId: string,
  id: string,
  a: AgreementTerms & Pick<Agreement, 'notes'>,
): Promise<void> {
  await db
    .updateTable('agreements')
    .set({ ...termColumns(a), notes: a.notes })
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .execute();
}

async function replaceInstallments(
  db: Db,
  caseId: string,
  agreementId: string,
  installments: NumberedInstallment[],
): Promise<void> {
  await replaceAllocations(db, caseId, agreementId, []);
  await deleteChildren(db, 'agreement_installments', caseId, agreementId);
  await insertInstallments(db, caseId, agreementId, installments);
}

async function removeAgreement(db: Db, caseId: string, id: string): Promise<void> {
  await replaceAllocations(db, caseId, id, []);
  for (const table of ['agreement_payments', 'agreement_installments'] as const)
    await deleteChildren(db, table, caseId, id);
  await db.deleteFrom('agreements').where('case_id', '=', caseId).where('id', '=', id).execute();
}

/** Agreements, their installments, payments and allocations. Pass `db` or a transaction. */
export function createAgreementRepository(db: Db) {
  return {
    insert: (a: NewAgreement) => insertAgreement(db, a),
    async get(caseId: string, id: string): Promise<Agreement | undefined> {
      return (await loadAgreements(db, caseId, { id }))[0];
    },
    list: (caseId: string, opts: { lenderId?: string } = {}) => loadAgreements(db, caseId, opts),
    setStatus: (caseId: string, id: string, status: AgreementState) =>
      setAgreementStatus(db, caseId, id, status),
    /** Changes an agreement's own columns (terms, channel, notes…); installments apart. */
    update: (caseId: string, id: string, a: AgreementTerms & Pick<Agreement, 'notes'>) =>
      updateAgreement(db, caseId, id, a),
    /** Replaces the installments (their allocations go with them; match the payments again). */
    replaceInstallments: (
      caseId: string,
      agreementId: string,
      installments: NumberedInstallment[],
    ) => replaceInstallments(db, caseId, agreementId, installments),
    /** Deletes an agreement with its installments, payments and allocations (children first). */
    remove: (caseId: string, id: string) => removeAgreement(db, caseId, id),
    updatePayment: (
      caseId: string,
      id: string,
      p: Pick<AgreementPayment, 'paidOn' | 'amount' | 'channel' | 'note'>,
    ) => updatePayment(db, caseId, id, p),
    /** Deletes one payment and its allocations. */
    removePayment: (caseId: string, id: string) => removePayment(db, caseId, id),
    insertPayment: (p: AgreementPayment) => insertPayment(db, p),
    listPayments: (caseId: string, agreementId?: string) => listPayments(db, caseId, agreementId),
    /** Replaces an agreement's allocations (they are derived: recomputed after every payment). */
    replaceAllocations: (
      caseId: string,
      agreementId: string,
      rows: (AgreementAllocation & { id: string })[],
    ) => replaceAllocations(db, caseId, agreementId, rows),
    listAllocations: (caseId: string) => listAllocations(db, caseId),
    /** Open escalations with a chase date, earliest first (read-only view of `escalations`). */
    listEscalationDeadlines: (caseId: string) => listEscalationDeadlines(db, caseId),
    /** The newest budget's lines that carry a day of month, for the forecast (read-only). */
    latestBudgetLines: (caseId: string) => latestBudgetLines(db, caseId),
  };
}
