// The 2026-12-02 migration on both dialects: the new nullable columns exist, round-trip through
// the repositories, default to null for rows written before it, and go away on the way down.
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrationProvider } from '../connect.js';
import { createDebtRepository } from '../repositories/debt-repository.js';
import { createEscalationRepository } from '../repositories/escalations-repository.js';
import { DIALECTS, POSTGRES_PROBLEM, createTestDatabase } from '../../../test/dialects.js';
import { FIXED_NOW, makeCase, makeDebt, makeLender, nextId } from '../../../test/factories.js';

const NAME = '2026-12-02T0030_dispute-and-lender-of-record';

for (const dialect of DIALECTS) {
  const skip = dialect === 'postgres' && POSTGRES_PROBLEM !== null && process.env['CI'] !== 'true';
  if (skip) console.warn(`SKIPPING ${NAME} [postgres]: ${POSTGRES_PROBLEM}`);
  describe.skipIf(skip)(`migration ${NAME} [${dialect}]`, () => {
    it('adds the dispute and lender-of-record columns, nullable, round-tripping', async () => {
      const t = await createTestDatabase(dialect);
      try {
        const cols = async (table: string) =>
          (await t.db.introspection.getTables())
            .find((x) => x.name === table)!
            .columns.map((c) => [c.name, c.isNullable] as const);
        expect(await cols('debts')).toEqual(
          expect.arrayContaining([
            ['lender_of_record', true],
            ['guarantor', true],
          ]),
        );
        expect(await cols('escalations')).toEqual(
          expect.arrayContaining([
            ['dispute_institution', true],
            ['dispute_account', true],
            ['dispute_wrong', true],
            ['dispute_correct', true],
          ]),
        );
        const c = await makeCase(t.db);
        const l = await makeLender(t.db, c.id, { lenderType: 'guarantee-platform' });
        const plain = await makeDebt(t.db, c.id, l.id);
        const zhudai = await makeDebt(t.db, c.id, l.id, {
          lenderOfRecord: '某某银行股份有限公司',
          guarantor: '某某融资担保有限公司',
        });
        const repo = createDebtRepository(t.db);
        expect((await repo.get(c.id, plain.id))?.lenderOfRecord).toBeNull();
        expect(await repo.get(c.id, zhudai.id)).toMatchObject({
          lenderOfRecord: '某某银行股份有限公司',
          guarantor: '某某融资担保有限公司',
        });
        const esc = createEscalationRepository(t.db);
        const base = {
          caseId: c.id,
          lenderId: l.id,
          channel: 'credit-dispute',
          sentOn: null,
          reference: null,
          chaseOn: null,
          status: 'sent' as const,
          documentId: null,
          notes: null,
          createdAt: FIXED_NOW,
        };
        const e1 = await esc.insert({ ...base, id: nextId('esc') });
        const e2 = await esc.insert({
          ...base,
          id: nextId('esc'),
          dispute: { institution: '某某银行', account: '尾号1234', wrong: '逾期', correct: null },
        });
        expect((await esc.get(c.id, e1.id))?.dispute).toBeNull();
        expect((await esc.get(c.id, e2.id))?.dispute).toEqual({
          institution: '某某银行',
          account: '尾号1234',
          wrong: '逾期',
          correct: null,
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
        // undo every migration newer than this one, then this one
        for (let i = known.length - 1; known[i] !== undefined && known[i]! >= NAME; i -= 1) {
          const r = await migrator.migrateDown();
          expect(r.error).toBeUndefined();
        }
        const debts = (await t.db.introspection.getTables()).find((x) => x.name === 'debts')!;
        expect(debts.columns.map((c) => c.name)).not.toContain('lender_of_record');
        const again = await migrateToLatest(t.db);
        expect(again.error).toBeUndefined();
      } finally {
        await t.drop();
      }
    });
  });
}
