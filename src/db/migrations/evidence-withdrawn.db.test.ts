// The 2026-12-02T0410 migration on both dialects: evidence_items gain nullable withdrawn_at and
// withdraw_reason; rows written before it read as standing (not withdrawn); down and up again work.
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrationProvider } from '../connect.js';
import { createEvidenceRepository } from '../repositories/evidence-repository.js';
import { DIALECTS, POSTGRES_PROBLEM, createTestDatabase } from '../../../test/dialects.js';
import { FIXED_NOW, makeCase } from '../../../test/factories.js';

const NAME = '2026-12-02T0410_evidence-withdrawn';

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && POSTGRES_PROBLEM !== null && process.env['CI'] !== 'true';
  if (skip) console.warn(`SKIPPING ${NAME} [postgres]: ${POSTGRES_PROBLEM}`);
  describe.skipIf(skip)(`migration ${NAME} [${dialect}]`, () => {
    it('adds the columns; older rows stand; down and up again work', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const migrator = new Migrator({ db: t.db, provider: migrationProvider });
        const known = Object.keys(await migrationProvider.getMigrations()).sort();
        for (let i = known.length - 1; known[i] !== undefined && known[i]! >= NAME; i -= 1)
          expect((await migrator.migrateDown()).error).toBeUndefined();
        const cols = async () =>
          (await t.db.introspection.getTables())
            .find((x) => x.name === 'evidence_items')!
            .columns.map((c) => c.name);
        expect(await cols()).not.toContain('withdrawn_at');
        const c = await makeCase(t.db);
        await t.db
          .insertInto('evidence_items')
          .values({
            id: `${c.id}-old`,
            case_id: c.id,
            sha256: 'a'.repeat(64),
            kind: 'screenshot',
            added_at: FIXED_NOW,
            original_name: 'old.png',
            media_type: 'image/png',
            size_bytes: 3,
          } as never)
          .execute();
        expect((await migrateToLatest(t.db)).error).toBeUndefined();
        expect(await cols()).toEqual(expect.arrayContaining(['withdrawn_at', 'withdraw_reason']));
        const repo = createEvidenceRepository(t.db);
        expect(await repo.get(c.id, `${c.id}-old`)).toMatchObject({
          withdrawnAt: null,
          withdrawReason: null,
        });
        expect(await repo.withdraw(c.id, `${c.id}-old`, FIXED_NOW, '拍错了')).toBe(true);
        expect(await repo.withdraw(c.id, `${c.id}-old`, FIXED_NOW, '再来')).toBe(false);
        expect(await repo.get(c.id, `${c.id}-old`)).toMatchObject({
          withdrawnAt: FIXED_NOW,
          withdrawReason: '拍错了',
        });
        for (let i = known.length - 1; known[i] !== undefined && known[i]! >= NAME; i -= 1)
          expect((await migrator.migrateDown()).error).toBeUndefined();
        expect(await cols()).not.toContain('withdraw_reason');
        expect((await migrateToLatest(t.db)).error).toBeUndefined();
      } finally {
        await t.drop();
      }
    });
  });
}
