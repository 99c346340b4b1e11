import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

// Frozen in time: never edit after release; add a new dated migration instead.
/**
 * Evidence stays append-only (issue 13 item 4): an item can be withdrawn — kept in the vault and
 * the ledger, left out of letters and marked in the export bundle — but never erased. Both
 * columns stay nullable: rows and backups from before this migration read as not withdrawn.
 */
// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  const { instant } = columnTypes(db);
  await db.schema.alterTable('evidence_items').addColumn('withdrawn_at', instant).execute();
  await db.schema.alterTable('evidence_items').addColumn('withdraw_reason', 'text').execute();
}

// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evidence_items').dropColumn('withdraw_reason').execute();
  await db.schema.alterTable('evidence_items').dropColumn('withdrawn_at').execute();
}
