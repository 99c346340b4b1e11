import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

// Frozen in time: never edit after release; add a new dated migration instead.
// One row per Idempotency-Key a client sent with a write: the request's fingerprint and, once the
// write finished, its reply. A retry with the same key gets that reply back and writes nothing.
// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  const { instant } = columnTypes(db);
  await db.schema
    .createTable('idempotency_keys')
    // the primary key is what makes two concurrent claims of one key race safely: one insert wins
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('response_body', 'text')
    .addColumn('body_encoding', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('completed_at', instant)
    .execute();
}

// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
