import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import { guard } from '../errors.js';
import { toInstant, toIsoDateOrNull } from '../rows.js';
import type { Database, EscalationsTable } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Status words of schema.ts EscalationsTable; draft/sent/acknowledged count as open. */
export const ESCALATION_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'resolved',
  'rejected',
  'closed',
] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** The credit-report entry a 征信异议 disputes, as the borrower typed it; any part may be unknown. */
export interface EscalationDispute {
  /** the reporting institution (数据报送机构) as the report names it */
  institution: string | null;
  /** the account as the report shows it (账户/合同号/卡号尾号) */
  account: string | null;
  /** what the entry says that is wrong */
  wrong: string | null;
  /** what it should say */
  correct: string | null;
}

export interface Escalation {
  id: string;
  caseId: string;
  lenderId: string | null;
  channel: string;
  sentOn: IsoDate | null;
  reference: string | null;
  chaseOn: IsoDate | null;
  status: EscalationStatus;
  documentId: string | null;
  notes: string | null;
  createdAt: Instant;
  /** set for a credit-report dispute; null when nothing was recorded */
  dispute?: EscalationDispute | null;
}

function toEscalation(r: Selectable<EscalationsTable>): Escalation {
  return {
    id: r.id,
    caseId: r.case_id,
    lenderId: r.lender_id,
    channel: r.channel,
    sentOn: toIsoDateOrNull(r.sent_on),
    reference: r.reference,
    chaseOn: toIsoDateOrNull(r.chase_on),
    status: (ESCALATION_STATUSES as readonly string[]).includes(r.status)
      ? (r.status as EscalationStatus)
      : 'draft',
    documentId: r.document_id,
    notes: r.notes,
    createdAt: toInstant(r.created_at),
    dispute: toDispute(r),
  };
}

function toDispute(r: Selectable<EscalationsTable>): EscalationDispute | null {
  const d = {
    institution: r.dispute_institution ?? null,
    account: r.dispute_account ?? null,
    wrong: r.dispute_wrong ?? null,
    correct: r.dispute_correct ?? null,
  };
  return Object.values(d).every((v) => v === null) ? null : d;
}

/** Complaints, disputes, mediation and legal-aid requests of a case. Pass `db` or a transaction. */
export function createEscalationRepository(db: Db) {
  return {
    async insert(e: Escalation): Promise<Escalation> {
      const row = {
        id: e.id,
        case_id: e.caseId,
        lender_id: e.lenderId,
        channel: e.channel,
        sent_on: e.sentOn,
        reference: e.reference,
        chase_on: e.chaseOn,
        status: e.status,
        document_id: e.documentId,
        notes: e.notes,
        created_at: e.createdAt,
        dispute_institution: e.dispute?.institution ?? null,
        dispute_account: e.dispute?.account ?? null,
        dispute_wrong: e.dispute?.wrong ?? null,
        dispute_correct: e.dispute?.correct ?? null,
      };
      await guard(`escalation ${e.id}`, () => db.insertInto('escalations').values(row).execute());
      return e;
    },
    async get(caseId: string, id: string): Promise<Escalation | undefined> {
      const r = await db
        .selectFrom('escalations')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r === undefined ? undefined : toEscalation(r);
    },
    /** By chase date (soonest first, undated last), then creation. */
    async list(caseId: string, f: { lenderId?: string } = {}): Promise<Escalation[]> {
      let q = db.selectFrom('escalations').selectAll().where('case_id', '=', caseId);
      if (f.lenderId !== undefined) q = q.where('lender_id', '=', f.lenderId);
      const rows = await q.orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
      return rows
        .map(toEscalation)
        .sort((a, b) =>
          a.chaseOn === b.chaseOn
            ? 0
            : a.chaseOn === null
              ? 1
              : b.chaseOn === null
                ? -1
                : a.chaseOn < b.chaseOn
                  ? -1
                  : 1,
        );
    },
    async setStatus(
      caseId: string,
      id: string,
      patch: { status: EscalationStatus; reference?: string | null; notes?: string | null },
    ): Promise<boolean> {
      const r = await db
        .updateTable('escalations')
        .set({
          status: patch.status,
          ...(patch.reference === undefined ? {} : { reference: patch.reference }),
          ...(patch.notes === undefined ? {} : { notes: patch.notes }),
        })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
