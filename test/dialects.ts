// The dialect matrix (docs/style.md, Tests; Kysely's test-setup pattern): every repository test runs on
// SQLite (a temp file) and on a real PostgreSQL server (a fresh database per test file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createDb, migrateToLatest, type DbConfig } from '../src/db/connect.js';
import type { Database } from '../src/db/schema.js';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const POSTGRES_URL =
  process.env['XIESHANG_TEST_DATABASE_URL'] ??
  'postgres://xieshang:xieshang@127.0.0.1:5432/xieshang_test';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL is unavailable, or null when it answers. Probed once per test file. */
export const POSTGRES_PROBLEM: string | null = await probePostgres();

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * CREATE DATABASE copies template1 and fails (55006 object_in_use) while another session is
 * creating one from it at the same moment: test files run in parallel, so retry briefly.
 */
export async function createPostgresDatabase(name: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 100 + attempt * 50));
  }
}

export interface TestDatabase {
  config: DbConfig;
  db: Kysely<Database>;
  /** closes the connection and deletes the file / database */
  drop(): Promise<void>;
}

/** A fresh, empty database of the given kind (migrated unless told otherwise). */
export async function createTestDatabase(
  dialect: Dialect,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let config: DbConfig;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'xieshang-db-'));
    config = { kind: 'sqlite', file: join(dir, 'test.db') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `xs_t_${randomBytes(6).toString('hex')}`;
    await createPostgresDatabase(name);
    config = { kind: 'postgres', url: withDatabase(POSTGRES_URL, name) };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const db = createDb(config);
  if (opts.migrate !== false) await migrateToLatest(db);
  let dropped = false;
  return {
    config,
    db,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await db.destroy();
      await cleanup();
    },
  };
}

/**
 * Runs `body` once per dialect inside `describe('<name> [dialect]')`, with a fresh migrated
 * database for that describe block. PostgreSQL missing: a visible warning and a skip locally, a
 * failure in CI (CI=true).
 */
export function forEachDialect(
  name: string,
  body: (getDb: () => Kysely<Database>, dialect: Dialect) => void,
): void {
  for (const dialect of DIALECTS) {
    const title = `${name} [${dialect}]`;
    if (dialect === 'postgres' && POSTGRES_PROBLEM !== null) {
      if (process.env['CI'] === 'true') {
        describe(title, () => {
          it('needs PostgreSQL (CI must provide it)', () => {
            throw new Error(`PostgreSQL at ${POSTGRES_URL} is unavailable: ${POSTGRES_PROBLEM}`);
          });
        });
      } else {
        console.warn(
          `SKIPPING "${title}": PostgreSQL at ${POSTGRES_URL} is unavailable (${POSTGRES_PROBLEM}). Set XIESHANG_TEST_DATABASE_URL to run it.`,
        );
        describe.skip(title, () => body(() => notAvailable(), dialect));
      }
      continue;
    }
    describe(title, () => {
      let test: TestDatabase | undefined;
      beforeAll(async () => {
        test = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await test?.drop();
      });
      body(() => {
        if (test === undefined) throw new Error('database not ready (use getDb() inside a test)');
        return test.db;
      }, dialect);
    });
  }
}

function notAvailable(): never {
  throw new Error('PostgreSQL is unavailable');
}
