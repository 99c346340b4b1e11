import type { Kysely } from 'kysely';
import type { Instant } from '../../core/dates/index.js';
import { toAuditEvent } from '../rows.js';
import type { Database } from '../schema.js';
import type { AuditEvent, CaseId } from '../types.js';

/** The append-only audit/event log: insert and read, never update or delete. */
export function createEventRepository(db: Kysely<Database>) {
  return {
    async append(e: {
      id: string;
      caseId: CaseId | null;
      at: Instant;
      actor: string;
      action: string;
      subject?: string | null;
      details?: unknown;
    }): Promise<void> {
      await db
        .insertInto('events')
        .values({
          id: e.id,
          case_id: e.caseId,
          at: e.at,
          actor: e.actor,
          action: e.action,
          subject: e.subject ?? null,
          details_json: JSON.stringify(e.details ?? {}),
        })
        .execute();
    },
    async list(caseId: CaseId, opts: { limit?: number } = {}): Promise<AuditEvent[]> {
      const rows = await db
        .selectFrom('events')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('at')
        .orderBy('id')
        .limit(opts.limit ?? 1000)
        .execute();
      return rows.map(toAuditEvent);
    },
  };
}
export type EventRepository = ReturnType<typeof createEventRepository>;
