import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

// Frozen in time: never edit after release; add a new dated migration instead.
/**
 * When an escalation last changed and how many times (issue 12 item 8): the calendar export gives
 * its follow-up reminder SEQUENCE = revision and LAST-MODIFIED = updated_at, so a calendar app
 * replaces the old event instead of keeping a stale one.
 *
 * `updated_at` stays nullable: a backup made before this migration has no such column, and its rows
 * must still restore (they read as unchanged since creation). Rows already here get created_at.
 */
// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  const { instant } = columnTypes(db);
  await db.schema
    .alterTable('escalations')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('escalations').addColumn('updated_at', instant).execute();
  await db
    .updateTable('escalations')
    .set({ updated_at: sql`created_at` })
    .execute();
}

// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('escalations').dropColumn('updated_at').execute();
  await db.schema.alterTable('escalations').dropColumn('revision').execute();
}
