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
  /** when it last changed (status, reference, notes); createdAt until the first change */
  updatedAt: Instant;
  /** how many times it changed since it was recorded: the calendar event's SEQUENCE */
  revision: number;
  /** set for a credit-report dispute; null when nothing was recorded */
  dispute?: EscalationDispute | null;
}

/** What a new escalation needs: unchanged yet, so revision 0 and updatedAt = createdAt by default. */
export type NewEscalation = Omit<Escalation, 'updatedAt' | 'revision'> &
  Partial<Pick<Escalation, 'updatedAt' | 'revision'>>;

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
    // null only for rows restored from a backup older than the column: unchanged since creation
    updatedAt: toInstant(r.updated_at ?? r.created_at),
    revision: Number(r.revision),
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

/** What `setStatus` changes: status and time always; the rest when given. */
export interface EscalationChange {
  status: EscalationStatus;
  reference?: string | null;
  notes?: string | null;
  sentOn?: IsoDate | null;
  chaseOn?: IsoDate | null;
  updatedAt: Instant;
}

function fromEscalation(e: Escalation) {
  return {
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
    updated_at: e.updatedAt,
    revision: e.revision,
    dispute_institution: e.dispute?.institution ?? null,
    dispute_account: e.dispute?.account ?? null,
    dispute_wrong: e.dispute?.wrong ?? null,
    dispute_correct: e.dispute?.correct ?? null,
  };
}

/** Soonest chase date first, undated last; a stable sort keeps creation order among equals. */
function byChaseDate(a: Escalation, b: Escalation): number {
  return a.chaseOn === b.chaseOn
    ? 0
    : a.chaseOn === null
      ? 1
      : b.chaseOn === null
        ? -1
        : a.chaseOn < b.chaseOn
          ? -1
          : 1;
}

async function insertEscalation(db: Db, input: NewEscalation): Promise<Escalation> {
  const e: Escalation = {
    ...input,
    updatedAt: input.updatedAt ?? input.createdAt,
    revision: input.revision ?? 0,
  };
  const row = fromEscalation(e);
  await guard(`escalation ${e.id}`, () => db.insertInto('escalations').values(row).execute());
  return e;
}

async function getEscalation(db: Db, caseId: string, id: string): Promise<Escalation | undefined> {
  const r = await db
    .selectFrom('escalations')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r === undefined ? undefined : toEscalation(r);
}

async function listEscalations(
  db: Db,
  caseId: string,
  f: { lenderId?: string },
): Promise<Escalation[]> {
  let q = db.selectFrom('escalations').selectAll().where('case_id', '=', caseId);
  if (f.lenderId !== undefined) q = q.where('lender_id', '=', f.lenderId);
  const rows = await q.orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
  return rows.map(toEscalation).sort(byChaseDate);
}

async function setEscalationStatus(
  db: Db,
  caseId: string,
  id: string,
  patch: EscalationChange,
): Promise<boolean> {
  const r = await db
    .updateTable('escalations')
    .set((eb) => ({
      status: patch.status,
      updated_at: patch.updatedAt,
      revision: eb('revision', '+', 1),
      ...(patch.reference === undefined ? {} : { reference: patch.reference }),
      ...(patch.notes === undefined ? {} : { notes: patch.notes }),
      ...(patch.sentOn === undefined ? {} : { sent_on: patch.sentOn }),
      ...(patch.chaseOn === undefined ? {} : { chase_on: patch.chaseOn }),
    }))
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Complaints, disputes, mediation and legal-aid requests of a case. Pass `db` or a transaction. */
export function createEscalationRepository(db: Db) {
  return {
    insert: (input: NewEscalation) => insertEscalation(db, input),
    get: (caseId: string, id: string) => getEscalation(db, caseId, id),
    /** By chase date (soonest first, undated last), then creation. */
    list: (caseId: string, f: { lenderId?: string } = {}) => listEscalations(db, caseId, f),
    /**
     * Every change goes through here: it stamps `updatedAt` (the caller's clock, never read here)
     * and raises `revision` by one, so the exported calendar event supersedes the old one.
     */
    setStatus: (caseId: string, id: string, patch: EscalationChange) =>
      setEscalationStatus(db, caseId, id, patch),
  };
}
