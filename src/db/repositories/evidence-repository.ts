import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Instant } from '../../core/dates/index.js';
import type { Sha256Hex } from '../../core/ledger/index.js';
import { EVIDENCE_KIND } from '../../core/vocab/index.js';
import type { Database, EvidenceItemsTable } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** values and labels live in core/vocab (one home per word) */
export const EVIDENCE_KINDS = EVIDENCE_KIND.values;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceItem {
  id: string;
  caseId: string;
  sha256: Sha256Hex;
  kind: EvidenceKind;
  lenderId: string | null;
  contactId: string | null;
  /** when the evidence came into being (the call, the screenshot), not when it was added */
  capturedAt: Instant | null;
  addedAt: Instant;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  description: string | null;
  /** withdrawn items stay stored and listed (append-only); letters leave them out */
  withdrawnAt?: Instant | null;
  withdrawReason?: string | null;
}

function toInstant(v: string | Date): Instant {
  return new Date(v).toISOString() as Instant;
}

function toEvidenceItem(r: Selectable<EvidenceItemsTable>): EvidenceItem {
  return {
    id: r.id,
    caseId: r.case_id,
    sha256: r.sha256 as Sha256Hex,
    kind: r.kind as EvidenceKind,
    lenderId: r.lender_id,
    contactId: r.contact_id,
    capturedAt: r.captured_at === null ? null : toInstant(r.captured_at),
    addedAt: toInstant(r.added_at),
    originalName: r.original_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    description: r.description,
    withdrawnAt:
      r.withdrawn_at === null || r.withdrawn_at === undefined ? null : toInstant(r.withdrawn_at),
    withdrawReason: r.withdraw_reason ?? null,
  };
}

export interface EvidenceFilter {
  lenderId?: string;
  contactId?: string;
}

export function createEvidenceRepository(db: Db) {
  return {
    async insert(e: EvidenceItem): Promise<void> {
      await db
        .insertInto('evidence_items')
        .values({
          id: e.id,
          case_id: e.caseId,
          sha256: e.sha256,
          kind: e.kind,
          lender_id: e.lenderId,
          contact_id: e.contactId,
          captured_at: e.capturedAt,
          added_at: e.addedAt,
          original_name: e.originalName,
          media_type: e.mediaType,
          size_bytes: e.sizeBytes,
          description: e.description,
        })
        .execute();
    },

    async get(caseId: string, id: string): Promise<EvidenceItem | null> {
      const r = await db
        .selectFrom('evidence_items')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r === undefined ? null : toEvidenceItem(r);
    },

    /** Oldest first by capture time (then added time), the order of an exhibit list. */
    async list(caseId: string, f: EvidenceFilter = {}): Promise<EvidenceItem[]> {
      let q = db.selectFrom('evidence_items').selectAll().where('case_id', '=', caseId);
      if (f.lenderId !== undefined) q = q.where('lender_id', '=', f.lenderId);
      if (f.contactId !== undefined) q = q.where('contact_id', '=', f.contactId);
      const rows = await q.orderBy('added_at', 'asc').orderBy('id', 'asc').execute();
      return rows.map(toEvidenceItem);
    },

    /** Marks an item withdrawn once; returns false when it was withdrawn already (or is absent). */
    async withdraw(caseId: string, id: string, at: Instant, reason: string): Promise<boolean> {
      const r = await db
        .updateTable('evidence_items')
        .set({ withdrawn_at: at, withdraw_reason: reason })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    /** Links an item to a contact when it is not linked yet; returns whether it changed. */
    async linkContact(caseId: string, id: string, contactId: string): Promise<boolean> {
      const r = await db
        .updateTable('evidence_items')
        .set({ contact_id: contactId })
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where('contact_id', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}

export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;
