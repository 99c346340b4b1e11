import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, forEachDialect } from '../../test/dialects.js';
import { isDbError } from './errors.js';
import { isContentionError, writeTransaction } from './transaction.js';

const noSleep = async () => undefined;

forEachDialect('writeTransaction', (getDb, dialect) => {
  const caseRow = (id: string) => ({
    id,
    title: id,
    created_at: '2026-11-29T08:00:00.000Z',
    updated_at: '2026-11-29T08:00:00.000Z',
  });
  const count = async (prefix: string) =>
    (await getDb().selectFrom('cases').select('id').where('id', 'like', `${prefix}%`).execute())
      .length;

  const contention =
    dialect === 'sqlite' ? ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'] : ['40001', '40P01'];

  for (const code of contention)
    it(`runs the body again after ${code} and commits once`, async () => {
      let runs = 0;
      const out = await writeTransaction(
        getDb(),
        async (trx) => {
          runs += 1;
          await trx
            .insertInto('cases')
            .values(caseRow(`retry-${code}-${runs}`))
            .execute();
          if (runs < 3) throw Object.assign(new Error('busy'), { code });
          return runs;
        },
        { sleep: noSleep },
      );
      expect(out).toBe(3);
      // the two failed attempts rolled back
      expect(await count(`retry-${code}-`)).toBe(1);
    });

  it("gives up after the bound with 'database-busy', nothing saved", async () => {
    let runs = 0;
    const waits: number[] = [];
    const e = await writeTransaction(
      getDb(),
      async (trx) => {
        runs += 1;
        await trx
          .insertInto('cases')
          .values(caseRow(`busy-${runs}`))
          .execute();
        throw Object.assign(new Error('busy'), { code: contention[0] });
      },
      { attempts: 5, sleep: async (ms) => void waits.push(ms) },
    ).catch((x: unknown) => x);
    expect(isDbError(e) && e.code).toBe('database-busy');
    expect(runs).toBe(5);
    expect(waits).toHaveLength(4);
    expect(Math.max(...waits)).toBeLessThanOrEqual(800);
    expect(await count('busy-')).toBe(0);
  });

  it('rethrows any other error at once, rolled back', async () => {
    let runs = 0;
    const e = await writeTransaction(getDb(), async (trx) => {
      runs += 1;
      await trx.insertInto('cases').values(caseRow('other-1')).execute();
      throw new Error('boom');
    }).catch((x: unknown) => x);
    expect((e as Error).message).toBe('boom');
    expect(runs).toBe(1);
    expect(await count('other-')).toBe(0);
  });
});

describe('isContentionError', () => {
  it('matches driver codes, not messages', () => {
    expect(isContentionError({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isContentionError({ code: '40P01' })).toBe(true);
    expect(isContentionError({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(false);
    expect(isContentionError(new Error('database is locked'))).toBe(false);
    expect(isContentionError(null)).toBe(false);
  });
});

describe('SQLite write lock', () => {
  it('is taken at BEGIN (IMMEDIATE), and a writer waits for another process instead of failing', async () => {
    const t = await createTestDatabase('sqlite');
    if (t.config.kind !== 'sqlite') throw new Error('unreachable');
    const other = new SqliteDatabase(t.config.file);
    other.pragma('busy_timeout = 0');
    try {
      // inside our transaction, before any write, another connection cannot take the write lock
      await writeTransaction(t.db, async (trx) => {
        await sql`select 1`.execute(trx);
        expect(() => other.exec('begin immediate')).toThrow(
          expect.objectContaining({ code: 'SQLITE_BUSY' }),
        );
      });
      // another "process" holds the write lock for a while: our write waits and then succeeds
      other.exec('begin immediate');
      other
        .prepare('insert into cases (id, title, created_at, updated_at) values (?, ?, ?, ?)')
        .run('held', 'held', '2026-11-29T08:00:00.000Z', '2026-11-29T08:00:00.000Z');
      setTimeout(() => other.exec('commit'), 300);
      const started = Date.now();
      await writeTransaction(t.db, async (trx) => {
        await trx
          .insertInto('cases')
          .values({
            id: 'waited',
            title: 'waited',
            created_at: '2026-11-29T08:00:00.000Z',
            updated_at: '2026-11-29T08:00:00.000Z',
          })
          .execute();
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      const ids = (await t.db.selectFrom('cases').select('id').execute()).map((r) => r.id).sort();
      expect(ids).toEqual(['held', 'waited']);
    } finally {
      other.close();
      await t.drop();
    }
  });
});

describe('every app write goes through writeTransaction', () => {
  // backup.ts (restore) is owned elsewhere and still opens its own; on SQLite it is IMMEDIATE
  // through the dialect anyway. Remove it from this list once it calls writeTransaction.
  const ALLOWED = new Set(['backup.ts']);
  it('no use case opens db.transaction() itself', () => {
    const dir = join(import.meta.dirname, '..', 'app');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !ALLOWED.has(f))
      .filter((f) => /\.transaction\(\)/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
