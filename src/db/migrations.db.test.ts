import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { knownMigrations, migrateToLatest, schemaVersion } from './connect.js';
import { TABLES_IN_ORDER } from './schema.js';
import { DIALECTS, POSTGRES_PROBLEM, createTestDatabase } from '../../test/dialects.js';

for (const dialect of DIALECTS) {
  const run = dialect === 'postgres' && POSTGRES_PROBLEM !== null && process.env['CI'] !== 'true';
  if (run) console.warn(`SKIPPING migrations [postgres]: ${POSTGRES_PROBLEM}`);
  describe.skipIf(run)(`migrations [${dialect}]`, () => {
    it('run up from an empty database and create every table', async () => {
      const t = await createTestDatabase(dialect, { migrate: false });
      try {
        expect(await schemaVersion(t.db)).toBeNull();
        const result = await migrateToLatest(t.db);
        expect(result.results?.every((r) => r.status === 'Success')).toBe(true);
        const tables = (await t.db.introspection.getTables()).map((x) => x.name);
        for (const name of TABLES_IN_ORDER) expect(tables).toContain(name);
        const known = await knownMigrations();
        expect(await schemaVersion(t.db)).toBe(known[known.length - 1]);
        // running again is a no-op
        const again = await migrateToLatest(t.db);
        expect(again.results).toEqual([]);
      } finally {
        await t.drop();
      }
    });

    it('refuses a database written by a newer version', async () => {
      const t = await createTestDatabase(dialect);
      try {
        await t.db
          .insertInto('kysely_migration' as never)
          .values({
            name: '2999-01-01T0000_future',
            timestamp: '2999-01-01T00:00:00.000Z',
          } as never)
          .execute();
        await expect(migrateToLatest(t.db)).rejects.toMatchObject({ code: 'database-too-new' });
      } finally {
        await t.drop();
      }
    });

    it('maps money as integers, dates as raw strings, booleans as 0/1 or true/false', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const big = 9_007_199_254_740_991; // 2^53 − 1 fen: must come back exact
        await t.db
          .insertInto('cases')
          .values({
            id: 'c1',
            title: 't',
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:00.000Z',
            archived_at: null,
          })
          .execute();
        await t.db
          .insertInto('household_members')
          .values({
            id: 'h1',
            case_id: 'c1',
            name: 'n',
            relation: 'child',
            birth_year: null,
            is_dependent: 1,
            monthly_income_cents: big,
            notes: null,
          })
          .execute();
        const row = await t.db
          .selectFrom('household_members')
          .selectAll()
          .executeTakeFirstOrThrow();
        expect(row.monthly_income_cents).toBe(big);
        expect(typeof row.monthly_income_cents).toBe('number');
        expect([1, true]).toContain(row.is_dependent);
        await t.db
          .insertInto('budgets')
          .values({
            id: 'b1',
            case_id: 'c1',
            version: 1,
            effective_on: '2024-02-29',
            note: null,
            created_at: '2026-01-01T00:00:00.000Z',
          })
          .execute();
        const b = await t.db.selectFrom('budgets').selectAll().executeTakeFirstOrThrow();
        expect(b.effective_on).toBe('2024-02-29');
        expect(b.buffer_cents).toBe(0);
        const sum = await t.db
          .selectFrom('household_members')
          .select(sql<number>`sum(monthly_income_cents)`.as('s'))
          .executeTakeFirstOrThrow();
        expect(sum.s).toBe(big);
      } finally {
        await t.drop();
      }
    });
  });
}
