// The 2026-12-02T0300 migration on both dialects: escalations gain `revision` (0) and `updated_at`;
// rows written before it get updated_at = created_at; a status change stamps and counts; down and
// up again work.
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrationProvider } from '../connect.js';
import { createEscalationRepository } from '../repositories/escalations-repository.js';
import { DIALECTS, POSTGRES_PROBLEM, createTestDatabase } from '../../../test/dialects.js';
import { FIXED_NOW, makeCase, makeLender } from '../../../test/factories.js';
import type { Instant } from '../../core/dates/index.js';

const NAME = '2026-12-02T0300_escalation-updated-at';

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && POSTGRES_PROBLEM !== null && process.env['CI'] !== 'true';
  if (skip) console.warn(`SKIPPING ${NAME} [postgres]: ${POSTGRES_PROBLEM}`);
  describe.skipIf(skip)(`migration ${NAME} [${dialect}]`, () => {
    it('backfills updated_at from created_at and revision 0 for rows written before it', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const migrator = new Migrator({ db: t.db, provider: migrationProvider });
        const known = Object.keys(await migrationProvider.getMigrations()).sort();
        // back to just before this migration
        for (let i = known.length - 1; known[i] !== undefined && known[i]! >= NAME; i -= 1) {
          const r = await migrator.migrateDown();
          expect(r.error).toBeUndefined();
        }
        const cols = async () =>
          (await t.db.introspection.getTables())
            .find((x) => x.name === 'escalations')!
            .columns.map((c) => [c.name, c.isNullable] as const);
        expect((await cols()).map(([n]) => n)).not.toContain('updated_at');
        const c = await makeCase(t.db);
        const l = await makeLender(t.db, c.id);
        const old = '2026-10-01T01:02:03.000Z' as Instant;
        // the table as it was: no revision, no updated_at
        await t.db
          .insertInto('escalations')
          .values({
            id: `${c.id}-old`,
            case_id: c.id,
            lender_id: l.id,
            channel: 'nfra-12378',
            status: 'sent',
            created_at: old,
          } as never)
          .execute();

        expect((await migrateToLatest(t.db)).error).toBeUndefined();
        expect(await cols()).toEqual(
          expect.arrayContaining([
            ['revision', false],
            ['updated_at', true],
          ]),
        );
        const repo = createEscalationRepository(t.db);
        expect(await repo.get(c.id, `${c.id}-old`)).toMatchObject({
          createdAt: old,
          updatedAt: old,
          revision: 0,
        });
        const raw = await t.db
          .selectFrom('escalations')
          .select(['updated_at', 'revision'])
          .where('id', '=', `${c.id}-old`)
          .executeTakeFirstOrThrow();
        expect(raw.updated_at).not.toBeNull();
        expect(Number(raw.revision)).toBe(0);

        const changed = '2027-01-02T03:04:05.000Z' as Instant;
        expect(
          await repo.setStatus(c.id, `${c.id}-old`, { status: 'acknowledged', updatedAt: changed }),
        ).toBe(true);
        expect(await repo.get(c.id, `${c.id}-old`)).toMatchObject({
          status: 'acknowledged',
          createdAt: old,
          updatedAt: changed,
          revision: 1,
        });

        // a new row through the repository starts unchanged
        const fresh = await repo.insert({
          id: `${c.id}-new`,
          caseId: c.id,
          lenderId: l.id,
          channel: 'pboc',
          sentOn: null,
          reference: null,
          chaseOn: null,
          status: 'sent',
          documentId: null,
          notes: null,
          createdAt: FIXED_NOW,
        });
        expect(fresh).toMatchObject({ updatedAt: FIXED_NOW, revision: 0 });
        expect(await repo.get(c.id, fresh.id)).toMatchObject({
          updatedAt: FIXED_NOW,
          revision: 0,
        });
      } finally {
        await t.drop();
      }
    });

    it('migrates down and up again', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const migrator = new Migrator({ db: t.db, provider: migrationProvider });
        const known = Object.keys(await migrationProvider.getMigrations()).sort();
        for (let i = known.length - 1; known[i] !== undefined && known[i]! >= NAME; i -= 1) {
          const r = await migrator.migrateDown();
          expect(r.error).toBeUndefined();
        }
        const esc = (await t.db.introspection.getTables()).find((x) => x.name === 'escalations')!;
        expect(esc.columns.map((c) => c.name)).not.toContain('revision');
        expect((await migrateToLatest(t.db)).error).toBeUndefined();
      } finally {
        await t.drop();
      }
    });
  });
}
