import type { Kysely, Transaction } from 'kysely';
import type { Cents } from '../../core/money/index.js';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import { toInstant, toIsoDate, toIsoDateOrNull } from '../rows.js';
import type { Database } from '../schema.js';
import { createBudgetRepository } from './budget-repository.js';

/**
 * What the due list, the calendar and the forecast read beside the agreements, from other
 * features' tables (read-only): open escalations with a chase date, the newest budget's lines.
 */

type Db = Kysely<Database> | Transaction<Database>;

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

/** The newest budget's lines with their day of month, as the forecast reads them. */
export interface BudgetLinesForForecast {
  budgetId: string;
  effectiveOn: IsoDate;
  buffer: Cents;
  lines: { kind: string; label: string; monthly: Cents; dayOfMonth: number | null }[];
}

const CLOSED_ESCALATIONS = ['resolved', 'rejected', 'closed'];

/** Open escalations with a chase date, earliest first (read-only view of `escalations`). */
export async function listEscalationDeadlines(
  db: Db,
  caseId: string,
): Promise<EscalationDeadline[]> {
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
}

/** The newest budget's lines that carry a day of month, for the forecast (read-only). */
export async function latestBudgetLines(
  db: Db,
  caseId: string,
): Promise<BudgetLinesForForecast | undefined> {
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
}
