import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import { DbError } from './errors.js';
import type { Database } from './schema.js';
import {
  ImmediateSqliteDialect,
  isContentionError,
  SQLITE_BUSY_TIMEOUT_MS,
  WRITE_ATTEMPTS,
} from './transaction.js';
import { assert } from '../core/result.js';

export type DbConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
export type DialectKind = DbConfig['kind'];

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;

function parseSafeInteger(text: string): number {
  const n = Number(text);
  // Money and counts must stay exact; a value beyond 2^53 is a bug, never a silent rounding.
  assert(Number.isSafeInteger(n), () => `${text} is not a safe integer`);
  return n;
}

type Pg = typeof import('pg');

/** Type parsers for one pg pool (not the global registry, so other pools are unaffected). */
const pgTypes = (pg: Pg) => ({
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format === undefined || format === 'text') {
      if (oid === PG_INT8) return parseSafeInteger;
      // sum(bigint) is numeric in PostgreSQL; our sums are whole fen.
      if (oid === PG_NUMERIC)
        return (s: string) => (/^-?\d+$/.test(s) ? parseSafeInteger(s) : Number(s));
      if (oid === PG_DATE) return (s: string) => s;
      if (oid === PG_TIMESTAMPTZ) return (s: string) => new Date(s).toISOString();
    }
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
});

/** Opens a database; call migrateToLatest before use. */
export function createDb(config: DbConfig): Kysely<Database> {
  if (config.kind === 'sqlite') {
    const sqlite = new SqliteDatabase(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // waits for another process's write lock (see db/transaction.ts for the retries beyond it)
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // FULL: a committed import survives a power cut, not just a killed process.
    sqlite.pragma('synchronous = FULL');
    // every transaction takes the write lock at BEGIN (BEGIN IMMEDIATE): db/transaction.ts
    return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  }
  // the PostgreSQL driver loads only when used: a borrower's SQLite home never needs it
  const pg = createRequire(import.meta.url)('pg') as Pg;
  const pool = new pg.Pool({ connectionString: config.url, max: 5, types: pgTypes(pg) });
  // An idle pooled connection closed by the server (restart, admin, failover) is emitted here;
  // without a listener it would crash the process. The pool discards that client and the next
  // query opens a new one; errors on queries still reach their callers.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Parses `--database` / DATABASE_URL: postgres://… or a SQLite file path (sqlite:FILE too). */
export function parseDbConfig(value: string): DbConfig {
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  return { kind: 'sqlite', file: value.replace(/^sqlite:(\/\/)?/, '') };
}

// oxlint-disable-next-line no-explicit-any -- works for any schema, used by migrations too
export function dialectKind(db: Kysely<any>): DialectKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

const MIGRATION_FILE = /^\d{4}-\d{2}-\d{2}T\d{4}_[\w-]+\.(ts|js)$/;

/**
 * Every dated migration file in db/migrations, so another engineer's migration is picked up by
 * dropping the file in (names sort by time: docs/style.md, Names).
 */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
    const names = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const f of names) {
      out[f.replace(/\.(ts|js)$/, '')] = (await import(
        new URL(`./migrations/${f}`, import.meta.url).href
      )) as Migration;
    }
    return out;
  },
};

/** Names of the migrations this code knows, in order. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

/** The newest migration applied to the database, or null for an empty one. */
// oxlint-disable-next-line no-explicit-any -- works for any schema
export async function schemaVersion(db: Kysely<any>): Promise<string | null> {
  const applied = await appliedMigrations(db);
  return applied.length === 0 ? null : applied[applied.length - 1]!;
}

// oxlint-disable-next-line no-explicit-any -- works for any schema
async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = (await db.selectFrom('kysely_migration').select('name').execute()) as {
    name: string;
  }[];
  return rows.map((r) => r.name).sort();
}

/**
 * Brings the schema up to date. Refuses (DbError 'database-too-new') a database that has
 * migrations this code does not know: it was written by a newer Xieshang.
 */
// oxlint-disable-next-line no-explicit-any -- works for any schema
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const known = new Set(await knownMigrations());
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new DbError(
      'database-too-new',
      `the database was written by a newer version of Xieshang (migration ${unknown.join(', ')}); upgrade Xieshang before opening it`,
      {
        field: 'database',
        details: { unknownMigrations: unknown },
        messageZh: `数据库由更新版本的协商 Xieshang 写入（迁移 ${unknown.join('、')}），请先升级本程序再打开`,
      },
    );
  }
  // Up to date (every CLI run and server start): no migrator, so no write lock is taken.
  if (applied.length === known.size && applied.every((n) => known.has(n))) return { results: [] };
  // Another process may be writing (or migrating) at the same moment: retry as writes do.
  for (let attempt = 1; ; attempt += 1) {
    const result = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (result.error === undefined) return result;
    if (!isContentionError(result.error) || attempt >= WRITE_ATTEMPTS) throw result.error;
    await new Promise((r) => setTimeout(r, 50 * attempt));
  }
}
