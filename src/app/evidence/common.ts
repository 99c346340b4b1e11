// Shared by the evidence and contact use cases: the vault, lender lookup, time input, and
// appending to the hash-chained ledger inside the caller's transaction.
import type { Transaction } from 'kysely';
import type { IssueCode } from '../../core/result.js';
import {
  parseDateInput,
  parseInstant,
  type Instant,
  type IsoDate,
} from '../../core/dates/index.js';
import type { JsonValue, LedgerEntry, Sha256Hex } from '../../core/ledger/index.js';
import { createLedgerRepository } from '../../db/repositories/ledger-repository.js';
import { createLenderRepository } from '../../db/repositories/lender-repository.js';
import type { Database } from '../../db/schema.js';
import type { CaseId, Lender } from '../../db/types.js';
import { nextEntry } from '../../vault/chain.js';
import type { Deps } from '../deps.js';
import type { Vault } from '../ports.js';
import { AppError } from '../errors.js';
import { writeTransaction } from '../../db/transaction.js';

/** The vault of this data directory. */
export function vaultOf(deps: Deps): Vault {
  return deps.vault;
}

/** A lender of this case by id, legal name or brand; a clear error otherwise. */
export async function resolveLender(deps: Deps, caseId: CaseId, ref: string): Promise<Lender> {
  const repo = createLenderRepository(deps.db);
  const byId = await repo.get(caseId, ref);
  if (byId !== undefined) return byId;
  const byName = await repo.findByName(caseId, ref);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw new AppError(
      'invalid-input',
      `lender "${ref}" matches ${byName.length} lenders; use the id`,
      {
        field: 'lender',
        messageZh: `“${ref}”对应 ${byName.length} 个出借机构，请改用编号`,
        details: { ids: byName.map((l) => l.id) },
      },
    );
  throw new AppError(
    'not-found',
    `lender "${ref}" is not in this case (add it with: xieshang lender add)`,
    {
      field: 'lender',
      messageZh: `本案件中没有出借机构“${ref}”（可用 xieshang lender add 添加）`,
    },
  );
}

const LOCAL_TIME =
  /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日?)[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A moment the user typed: an ISO instant with a zone, 'YYYY-MM-DD HH:MM' (Beijing time), or a
 * bare date (taken as 00:00 Beijing time, flagged dateOnly).
 */
export function parseWhen(text: string, field: string): { at: Instant; dateOnly: boolean } {
  const s = text.trim();
  const m = LOCAL_TIME.exec(s);
  if (m) {
    const d = parseDateInput(m[1]!, field);
    const h = Number(m[2]);
    const min = Number(m[3]);
    const sec = m[4] === undefined ? 0 : Number(m[4]);
    if (!d.ok || h > 23 || min > 59 || sec > 59) {
      throw new AppError(
        d.ok ? 'invalid-time' : d.error.code,
        `${field}: "${text}" is not a valid time`,
        {
          field,
          messageZh: `${field}：“${text}”不是有效时间`,
        },
      );
    }
    const iso = `${d.value}T${pad(h)}:${pad(min)}:${pad(sec)}+08:00`;
    return { at: unwrap(parseInstant(iso, field)), dateOnly: false };
  }
  if (/T|Z$|[+-]\d{2}:?\d{2}$/.test(s))
    return { at: unwrap(parseInstant(s, field)), dateOnly: false };
  const d = parseDateInput(s, field);
  if (!d.ok) throw AppError.fromIssue(d.error);
  return { at: unwrap(parseInstant(`${d.value}T00:00:00+08:00`, field)), dateOnly: true };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function unwrap<T>(
  r:
    | { ok: true; value: T }
    | { ok: false; error: { code: IssueCode; field: string; message: string; messageZh?: string } },
): T {
  if (!r.ok) throw AppError.fromIssue(r.error);
  return r.value;
}

/** The Beijing calendar day of an instant (the user's "today" for future checks). */
export function beijingDay(at: Instant): IsoDate {
  return new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

/** Rejects a moment after now (a bare date is compared by day). */
export function assertNotFuture(
  deps: Deps,
  when: { at: Instant; dateOnly: boolean },
  field: string,
  text: string,
): void {
  const now = deps.clock.now();
  const future = when.dateOnly
    ? beijingDay(when.at) > beijingDay(now)
    : Date.parse(when.at) > Date.parse(now);
  if (future)
    throw new AppError('invalid-date', `${field}: ${text} is in the future`, {
      field,
      messageZh: `${field}：${text} 是将来的时间`,
    });
}

/** A concurrent writer took the same seq, or SQLite could not upgrade a stale read (WAL). */
function isRetryable(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_BUSY_SNAPSHOT' ||
    code === '23505' ||
    code === '40001'
  );
}

/**
 * Runs `body` in a transaction that appends one ledger entry, retrying when a concurrent writer
 * took the same seq (primary key (case_id, seq)). Writes the vault head file after commit.
 */
export async function withLedgerEntry<T>(
  deps: Deps,
  caseId: CaseId,
  body: (trx: Transaction<Database>) => Promise<{
    result: T;
    entry: { objectHash: Sha256Hex | null; kind: string; meta: { [key: string]: JsonValue } };
  }>,
): Promise<{ result: T; entry: LedgerEntry }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const out = await writeTransaction(deps.db, async (trx) => {
        const { result, entry } = await body(trx);
        const ledger = createLedgerRepository(trx);
        const e = nextEntry(await ledger.head(caseId), {
          ...entry,
          // one normal form (ms, Z) so both engines give back the exact string that was hashed
          recordedAt: new Date(deps.clock.now()).toISOString() as Instant,
        });
        await ledger.append(caseId, e);
        return { result, entry: e };
      });
      const vault = vaultOf(deps);
      // the head file only moves forward (a slower concurrent writer must not pull it back)
      const prior = await vault.readHead(caseId).catch(() => null);
      if (prior === null || prior.seq < out.entry.seq)
        await vault
          .writeHead(caseId, { seq: out.entry.seq, hash: out.entry.hash })
          .catch(() => undefined); // a safety net only: the ledger row is already committed
      return out;
    } catch (e) {
      if (attempt < 8 && isRetryable(e)) continue;
      throw e;
    }
  }
}

/** Drops undefined so the value is canonical JSON. */
export function json(v: string | number | boolean | null | undefined): JsonValue {
  return v === undefined ? null : v;
}
