// The one way to write: every use case (CLI and server, SQLite and PostgreSQL) opens its
// transaction here, so concurrent writers wait their turn instead of failing.
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import { DbError } from './errors.js';
import type { Database } from './schema.js';

/**
 * How long one SQLite statement waits for another process's write lock before SQLITE_BUSY.
 * better-sqlite3 waits synchronously, so a server's event loop stalls for at most this long per
 * attempt; the retries below wait asynchronously between attempts.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 1000;

/** Attempts of one write transaction before giving up with 'database-busy'. */
export const WRITE_ATTEMPTS = 12;

/** Backoff before attempt n+1: 25 ms doubling to at most 800 ms, with full jitter. */
const BACKOFF_BASE_MS = 25;
const BACKOFF_MAX_MS = 800;

/**
 * Every SQLite transaction begins IMMEDIATE: the write lock is taken at BEGIN (waiting up to the
 * busy timeout), not at the first write. A plain (deferred) BEGIN that read first and then tries
 * to write while another process wrote meanwhile fails with SQLITE_BUSY at once — the busy timeout
 * cannot help a stale WAL snapshot — which is the "database is locked" a second CLI saw.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** Kysely's SQLite dialect over better-sqlite3, with IMMEDIATE transactions. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * Errors that mean "another writer was in the way; the same transaction run again will do":
 * SQLite busy (lock held past the busy timeout, or a stale snapshot), PostgreSQL serialization
 * failure (40001) and deadlock (40P01). Matched by the driver's code, never the message.
 */
export function isContentionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_BUSY') || code === '40001' || code === '40P01';
}

export interface WriteOptions {
  /** attempts in all (default WRITE_ATTEMPTS) */
  attempts?: number;
  /** waits between attempts (tests pass a fake) */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `body` in one transaction and commits it; on contention (isContentionError) rolls back and
 * runs the whole body again after a jittered backoff, at most `attempts` times, then throws
 * DbError 'database-busy' (nothing saved). Any other error rolls back and is rethrown unchanged.
 * The body must do all its reads and writes through `trx`, since it may run more than once.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  body: (trx: Transaction<Database>) => Promise<T>,
  opts: WriteOptions = {},
): Promise<T> {
  const attempts = opts.attempts ?? WRITE_ATTEMPTS;
  const sleep = opts.sleep ?? realSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(body);
    } catch (e) {
      if (!isContentionError(e)) throw e;
      if (attempt >= attempts)
        throw new DbError(
          'database-busy',
          `the database stayed busy with other writers through ${attempts} attempts; nothing was saved, try again`,
          {
            cause: e,
            messageZh: `数据库一直被其他写入占用（已重试 ${attempts} 次），本次未保存，请稍后再试`,
          },
        );
      const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
      // oxlint-disable-next-line no-restricted-syntax -- jitter spreads retrying writers apart
      await sleep(Math.random() * cap);
    }
  }
}
