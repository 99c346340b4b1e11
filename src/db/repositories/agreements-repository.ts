import { createBudgetRepository } from './budget-repository.js';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Cents } from '../../core/money/index.js';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import type { Installment, PaymentChannel } from '../../core/agreement/index.js';
import { guard } from '../errors.js';
import {
  fromBool,
  parseJsonColumn,
  toBool,
  toCents,
  toInstant,
  toIsoDate,
  toIsoDateOrNull,
} from '../rows.js';
import type {
  AgreementInstallmentsTable,
  AgreementPaymentsTable,
  AgreementsTable,
  Database,
} from '../schema.js';

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

export type NewAgreement = Omit<Agreement, 'lenderName' | 'lenderBrand' | 'installments'> & {
  installments: (Installment & { id: string })[];
};

/** An escalation with a follow-up date still open (the documents engineer's escalations table). */
export interface EscalationDeadline {
  id: string;
  lenderId: string | null;
  lenderName: string | null;
  channel: string;
  reference: string | null;
  sentOn: IsoDate | null;
  chaseOn: IsoDate;
  status: string;
  /** times the escalation changed since recorded (ICS SEQUENCE) */
  revision: number;
  /** when it last changed (ICS LAST-MODIFIED) */
  updatedAt: Instant;
}

const CLOSED_ESCALATIONS = ['resolved', 'rejected', 'closed'];

function toInstallment(r: Selectable<AgreementInstallmentsTable>): Installment & { id: string } {
  return {
    id: r.id,
    seq: Number(r.seq),
    dueOn: toIsoDate(r.due_on),
    amount: toCents(r.amount_cents),
  };
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

/** Agreements, their installments, payments and allocations. Pass `db` or a transaction. */
export function createAgreementRepository(db: Db) {
  async function load(
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
    const inst = await db
      .selectFrom('agreement_installments')
      .selectAll()
      .where('case_id', '=', caseId)
      .where(
        'agreement_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('agreement_id')
      .orderBy('seq')
      .execute();
    const by = new Map<string, (Installment & { id: string })[]>();
    for (const r of inst) {
      const list = by.get(r.agreement_id) ?? [];
      list.push(toInstallment(r));
      by.set(r.agreement_id, list);
    }
    return rows.map((r) => toAgreement(r, by.get(r.id) ?? []));
  }

  return {
    async insert(a: NewAgreement): Promise<void> {
      await guard('agreement', async () => {
        await db
          .insertInto('agreements')
          .values({
            id: a.id,
            case_id: a.caseId,
            lender_id: a.lenderId,
            debt_id: a.debtId,
            plan_proposal_id: null,
            agreed_on: a.agreedOn,
            agent_name: a.agentName,
            agent_number: a.agentNumber,
            total_cents: a.total,
            concessions_json: JSON.stringify(a.concessions),
            payment_channel: a.paymentChannel,
            pay_to_account: a.payToAccount,
            is_confirmed_in_writing: fromBool(a.isConfirmedInWriting),
            document_evidence_id: a.documentEvidenceId,
            confirmation_evidence_id: a.confirmationEvidenceId,
            status: a.status,
            notes: a.notes,
            created_at: a.createdAt,
          })
          .execute();
        await db
          .insertInto('agreement_installments')
          .values(
            a.installments.map((i) => ({
              id: i.id,
              case_id: a.caseId,
              agreement_id: a.id,
              seq: i.seq,
              due_on: i.dueOn,
              amount_cents: i.amount,
            })),
          )
          .execute();
      });
    },
    async get(caseId: string, id: string): Promise<Agreement | undefined> {
      return (await load(caseId, { id }))[0];
    },
    async list(caseId: string, opts: { lenderId?: string } = {}): Promise<Agreement[]> {
      return load(caseId, opts);
    },
    async setStatus(caseId: string, id: string, status: AgreementState): Promise<void> {
      await db
        .updateTable('agreements')
        .set({ status })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .execute();
    },
    /** Changes an agreement's own columns (terms, channel, notes…); installments apart. */
    async update(
      caseId: string,
      id: string,
      a: Pick<
        Agreement,
        | 'agreedOn'
        | 'agentName'
        | 'agentNumber'
        | 'total'
        | 'concessions'
        | 'paymentChannel'
        | 'payToAccount'
        | 'isConfirmedInWriting'
        | 'notes'
      >,
    ): Promise<void> {
      await db
        .updateTable('agreements')
        .set({
          agreed_on: a.agreedOn,
          agent_name: a.agentName,
          agent_number: a.agentNumber,
          total_cents: a.total,
          concessions_json: JSON.stringify(a.concessions),
          payment_channel: a.paymentChannel,
          pay_to_account: a.payToAccount,
          is_confirmed_in_writing: fromBool(a.isConfirmedInWriting),
          notes: a.notes,
        })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .execute();
    },
    /** Replaces the installments (their allocations go with them; match the payments again). */
    async replaceInstallments(
      caseId: string,
      agreementId: string,
      installments: (Installment & { id: string })[],
    ): Promise<void> {
      await this.replaceAllocations(caseId, agreementId, []);
      await db
        .deleteFrom('agreement_installments')
        .where('case_id', '=', caseId)
        .where('agreement_id', '=', agreementId)
        .execute();
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
    },
    /** Deletes an agreement with its installments, payments and allocations (children first). */
    async remove(caseId: string, id: string): Promise<void> {
      await this.replaceAllocations(caseId, id, []);
      for (const table of ['agreement_payments', 'agreement_installments'] as const)
        await db
          .deleteFrom(table)
          .where('case_id', '=', caseId)
          .where('agreement_id', '=', id)
          .execute();
      await db
        .deleteFrom('agreements')
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .execute();
    },
    async updatePayment(
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
    },
    /** Deletes one payment and its allocations. */
    async removePayment(caseId: string, id: string): Promise<void> {
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
    },
    async insertPayment(p: AgreementPayment): Promise<void> {
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
    },
    async listPayments(caseId: string, agreementId?: string): Promise<AgreementPayment[]> {
      let q = db.selectFrom('agreement_payments').selectAll().where('case_id', '=', caseId);
      if (agreementId !== undefined) q = q.where('agreement_id', '=', agreementId);
      const rows = await q.orderBy('paid_on').orderBy('created_at').orderBy('id').execute();
      return rows.map(toPayment);
    },
    /** Replaces an agreement's allocations (they are derived: recomputed after every payment). */
    async replaceAllocations(
      caseId: string,
      agreementId: string,
      rows: { id: string; paymentId: string; installmentId: string; amount: Cents }[],
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
    },
    async listAllocations(
      caseId: string,
    ): Promise<{ paymentId: string; installmentId: string; amount: Cents }[]> {
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
    },
    /** Open escalations with a chase date, earliest first (read-only view of `escalations`). */
    async listEscalationDeadlines(caseId: string): Promise<EscalationDeadline[]> {
      const rows = await db
        .selectFrom('escalations')
        .leftJoin('lenders', 'lenders.id', 'escalations.lender_id')
        .select([
          'escalations.id',
          'escalations.lender_id',
          'lenders.name as lender_name',
          'escalations.channel',
          'escalations.reference',
          'escalations.sent_on',
          'escalations.chase_on',
          'escalations.status',
          'escalations.revision',
          'escalations.created_at',
          'escalations.updated_at',
        ])
        .where('escalations.case_id', '=', caseId)
        .where('escalations.chase_on', 'is not', null)
        .where('escalations.status', 'not in', CLOSED_ESCALATIONS)
        .orderBy('escalations.chase_on')
        .orderBy('escalations.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        lenderId: r.lender_id,
        lenderName: r.lender_name,
        channel: r.channel,
        reference: r.reference,
        sentOn: toIsoDateOrNull(r.sent_on),
        chaseOn: toIsoDate(r.chase_on!),
        status: r.status,
        revision: Number(r.revision),
        // null only for rows restored from a backup older than the column
        updatedAt: toInstant(r.updated_at ?? r.created_at),
      }));
    },
    /** The newest budget's lines that carry a day of month, for the forecast (read-only). */
    async latestBudgetLines(caseId: string): Promise<
      | {
          budgetId: string;
          effectiveOn: IsoDate;
          buffer: Cents;
          lines: { kind: string; label: string; monthly: Cents; dayOfMonth: number | null }[];
        }
      | undefined
    > {
      const b = await createBudgetRepository(db).latest(caseId);
      if (b === undefined) return undefined;
      return {
        budgetId: b.id,
        effectiveOn: b.effectiveOn,
        buffer: b.buffer,
        lines: b.lines.map((l) => ({
          kind: l.kind,
          label: l.label,
          monthly: l.monthly,
          dayOfMonth: l.dayOfMonth,
        })),
      };
    },
  };
}
