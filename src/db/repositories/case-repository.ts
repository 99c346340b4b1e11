import type { Kysely } from 'kysely';
import type { Instant } from '../../core/dates/index.js';
import { guard } from '../errors.js';
import { toCase } from '../rows.js';
import type { Database } from '../schema.js';
import type { Case, CaseId } from '../types.js';

/** Cases: one per borrower (counsellor mode has many). Pass `db` or a transaction. */
export function createCaseRepository(db: Kysely<Database>) {
  return {
    async insert(c: { id: string; title: string; currency?: string; at: Instant }): Promise<Case> {
      const row = {
        id: c.id,
        title: c.title,
        currency: c.currency ?? 'CNY',
        created_at: c.at,
        updated_at: c.at,
        archived_at: null,
      };
      await guard('case', () => db.insertInto('cases').values(row).execute());
      return toCase(row);
    },
    async get(id: string): Promise<Case | undefined> {
      const r = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : toCase(r);
    },
    /** All cases, oldest first. */
    async list(): Promise<Case[]> {
      const rows = await db
        .selectFrom('cases')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toCase);
    },
    async touch(id: CaseId, at: Instant): Promise<void> {
      await db.updateTable('cases').set({ updated_at: at }).where('id', '=', id).execute();
    },
  };
}
export type CaseRepository = ReturnType<typeof createCaseRepository>;
