import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Instant } from '../../core/dates/index.js';
import type { JsonValue, LedgerEntry, Sha256Hex } from '../../core/ledger/index.js';
import type { Database, LedgerEntriesTable } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

function toLedgerEntry(r: Selectable<LedgerEntriesTable>): LedgerEntry {
  return {
    seq: Number(r.seq),
    prevHash: r.prev_hash as Sha256Hex,
    objectHash: r.object_hash as Sha256Hex | null,
    kind: r.kind,
    // meta is stored as JSON text, so a tampered row that is not JSON still maps (and fails verify)
    meta: parseMeta(r.meta_json),
    // PostgreSQL returns timestamptz as an ISO string via connect.ts; SQLite keeps the text
    recordedAt: (typeof r.recorded_at === 'string' && r.recorded_at.endsWith('Z')
      ? r.recorded_at
      : new Date(r.recorded_at).toISOString()) as Instant,
    hash: r.entry_hash as Sha256Hex,
  };
}

function parseMeta(text: string): { [key: string]: JsonValue } {
  try {
    const v = JSON.parse(text) as unknown;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      return v as { [key: string]: JsonValue };
  } catch {
    // fall through
  }
  return { unreadable: text };
}

/** The per-case hash-chained ledger (append-only: this repository has no update or delete). */
export function createLedgerRepository(db: Db) {
  return {
    async head(caseId: string): Promise<LedgerEntry | null> {
      const r = await db
        .selectFrom('ledger_entries')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r === undefined ? null : toLedgerEntry(r);
    },

    async append(caseId: string, e: LedgerEntry): Promise<void> {
      await db
        .insertInto('ledger_entries')
        .values({
          case_id: caseId,
          seq: e.seq,
          recorded_at: e.recordedAt,
          kind: e.kind,
          object_hash: e.objectHash,
          meta_json: JSON.stringify(e.meta),
          prev_hash: e.prevHash,
          entry_hash: e.hash,
        })
        .execute();
    },

    /** Every entry in seq order (what verifyChain walks). */
    async list(caseId: string): Promise<LedgerEntry[]> {
      const rows = await db
        .selectFrom('ledger_entries')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq', 'asc')
        .execute();
      return rows.map(toLedgerEntry);
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
