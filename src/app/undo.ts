// Delete with undo (issue 13 item 4). A removal keeps the exact rows it deletes — the record and
// every row the database would cascade or null with it — inside its audit event; undo puts those
// rows back verbatim, parents first, in one transaction. Nothing else (no soft-delete column) has
// to be filtered on every read, and the event log keeps the history of both steps.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import type { CaseId } from '../db/types.js';
import type { NegotiationStatus } from '../db/repositories/contacts-repository.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { withinCaseTotal } from './case-limits.js';
import { writeTransaction } from '../db/transaction.js';
import { localDateOf } from '../core/dates/index.js';

type Trx = Transaction<Database>;
type TableName = keyof Database;
type Row = Record<string, unknown>;

/** Rows to keep, in the order undo must insert them (parents first). */
export interface SnapshotPart {
  table: TableName;
  /** the column to match (`id` for the record itself, `debt_id` for its children…) */
  column: string;
  values: readonly string[];
}
/** A foreign key the database sets to null on delete, to be set back on undo. */
export interface NulledPart {
  table: TableName;
  column: string;
  value: string;
  /** the column naming each row (default `id`; `lender_id` for negotiation_states) */
  key?: string;
}

export interface Snapshot {
  rows: { table: TableName; rows: Row[] }[];
  nulled: { table: TableName; column: string; value: string; ids: string[]; key?: string }[];
}

const UNDO_ACTION = 'undo';

/** Values as the backup writes them: portable between SQLite and PostgreSQL. */
function portable(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v;
}

/** Reads the rows a removal is about to delete (call it before deleting, in the same trx). */
export async function takeSnapshot(
  trx: Trx,
  caseId: CaseId,
  parts: readonly SnapshotPart[],
  nulls: readonly NulledPart[] = [],
): Promise<Snapshot> {
  const snap: Snapshot = { rows: [], nulled: [] };
  for (const p of parts) {
    if (p.values.length === 0) continue;
    const rows = (await trx
      .selectFrom(p.table)
      .selectAll()
      .where('case_id' as never, '=', caseId as never)
      .where(p.column as never, 'in', p.values as never)
      .execute()) as Row[];
    if (rows.length === 0) continue;
    snap.rows.push({
      table: p.table,
      rows: rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, portable(v)])),
      ),
    });
  }
  for (const n of nulls) {
    const key = n.key ?? 'id';
    const rows = (await trx
      .selectFrom(n.table)
      .select(`${key} as k` as never)
      .where('case_id' as never, '=', caseId as never)
      .where(n.column as never, '=', n.value as never)
      .execute()) as unknown as { k: string }[];
    if (rows.length > 0) snap.nulled.push({ ...n, ids: rows.map((r) => r.k) });
  }
  return snap;
}

/**
 * Appends the removal's audit event carrying the snapshot; returns its id, the `undoId` the
 * delete answers with.
 */
export async function recordRemoval(
  trx: Trx,
  deps: Pick<Deps, 'ids' | 'clock'>,
  caseId: CaseId,
  e: { action: string; subject: string; summary?: Record<string, unknown>; snapshot: Snapshot },
): Promise<string> {
  const id = deps.ids.next();
  await createEventRepository(trx).append({
    id,
    caseId,
    at: deps.clock.now(),
    actor: 'user',
    action: e.action,
    subject: e.subject,
    details: { ...e.summary, snapshot: e.snapshot },
  });
  return id;
}

/** The resource kind a removal action names ('contact.remove' → 'contact'). */
function kindOf(action: string): string {
  return action.slice(0, -'.remove'.length);
}

/** What derives from the restored rows, put right again after an undo. */
async function rederive(
  trx: Trx,
  deps: Pick<Deps, 'ids' | 'clock'>,
  caseId: CaseId,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  // a payment's allocations and its agreement's status derive from all the payments
  if (kindOf(action) === 'payment') {
    const { rematchAgreement } = await import('./agreements/edit.js');
    const agreementId = (details as { agreementId?: string }).agreementId;
    if (agreementId !== undefined)
      await rematchAgreement(trx, deps, caseId, agreementId, localDateOf(deps.clock.now()));
  }
  // a removed escalation had given its lender back its earlier state: 'escalated' again
  if (kindOf(action) === 'escalation') {
    const at = (details as { stateAtRemoval?: NegotiationStatus }).stateAtRemoval;
    if (at !== undefined)
      await (await import('./escalation-state.js')).reapplyState(trx, caseId, at);
  }
}

/**
 * Puts back what removal `undoId` deleted. Refused with 'not-found' for an unknown id and with
 * 'conflict' when it was undone already or a restored id exists again; the case-total limit holds.
 */
export async function undoRemoval(
  deps: Deps,
  caseId: CaseId,
  undoId: string,
): Promise<{ kind: string; id: string }> {
  return writeTransaction(
    deps.db,
    withinCaseTotal(caseId, 'undoId', async (trx) => {
      const ev = await trx
        .selectFrom('events')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', undoId)
        .executeTakeFirst();
      if (ev === undefined || !ev.action.endsWith('.remove'))
        throw new AppError('not-found', `nothing to undo with id ${undoId}`, {
          field: 'undoId',
          messageZh: '找不到要撤销的删除操作',
        });
      const done = await trx
        .selectFrom('events')
        .select('id')
        .where('case_id', '=', caseId)
        .where('action', '=', UNDO_ACTION)
        .where('subject', '=', undoId)
        .executeTakeFirst();
      if (done !== undefined)
        throw new AppError('conflict', 'this removal was undone already', {
          field: 'undoId',
          messageZh: '这次删除已经撤销过了',
        });
      const details = JSON.parse(ev.details_json) as { snapshot?: Snapshot };
      const snap = details.snapshot;
      if (snap === undefined)
        throw new AppError('conflict', 'this removal cannot be undone (it kept no copy)', {
          field: 'undoId',
          messageZh: '这次删除没有保存副本，无法撤销',
        });
      for (const part of snap.rows) {
        try {
          for (const r of part.rows)
            await trx
              .insertInto(part.table)
              .values(r as never)
              .execute();
        } catch (e) {
          throw new AppError('conflict', 'the record exists again; nothing was restored', {
            field: 'undoId',
            messageZh: '这条记录已经存在（可能已重新录入），未做任何恢复',
            cause: e,
          });
        }
      }
      for (const n of snap.nulled)
        await trx
          .updateTable(n.table)
          .set({ [n.column]: n.value } as never)
          .where('case_id' as never, '=', caseId as never)
          .where((n.key ?? 'id') as never, 'in', n.ids as never)
          .where(n.column as never, 'is', null as never)
          .execute();
      await rederive(trx, deps, caseId, ev.action, details);
      await createEventRepository(trx).append({
        id: deps.ids.next(),
        caseId,
        at: deps.clock.now(),
        actor: 'user',
        action: UNDO_ACTION,
        subject: undoId,
        details: { undid: ev.action, id: ev.subject },
      });
      return { kind: kindOf(ev.action), id: ev.subject ?? '' };
    }),
  );
}
