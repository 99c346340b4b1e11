// Backup → restore keeps an escalation's revision and updated_at (the ICS SEQUENCE and
// LAST-MODIFIED), within and across engines; a backup made before those columns existed restores
// as unchanged since creation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../db/connect.js';
import {
  DIALECTS,
  POSTGRES_PROBLEM,
  createTestDatabase,
  type TestDatabase,
} from '../../test/dialects.js';
import { FIXED_NOW, makeCase, makeDeps, makeLender } from '../../test/factories.js';
import type { Instant } from '../core/dates/index.js';
import { createEscalationRepository } from '../db/repositories/escalations-repository.js';
import { createBackup, restoreBackup, verifyBackup } from './backup.js';
import { nodeHost } from '../node/index.js';
import { setEscalationStatus } from './escalations.js';

const root = mkdtempSync(join(tmpdir(), 'xieshang-esc-backup-'));
const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const d of dbs) await d.drop();
  rmSync(root, { recursive: true, force: true });
});

for (const target of DIALECTS) {
  const skip = target === 'postgres' && POSTGRES_PROBLEM !== null && process.env['CI'] !== 'true';
  if (skip) console.warn(`SKIPPING escalation backup [postgres]: ${POSTGRES_PROBLEM}`);
  describe.skipIf(skip)(`escalation versions survive backup → restore [sqlite → ${target}]`, () => {
    it('revision and updated_at come back as they were', async () => {
      const src = await createTestDatabase('sqlite');
      dbs.push(src);
      const c = await makeCase(src.db);
      const l = await makeLender(src.db, c.id);
      const changedAt = '2027-01-25T03:04:05.000Z' as Instant;
      const repo = createEscalationRepository(src.db);
      await repo.insert({
        id: `${c.id}-e`,
        caseId: c.id,
        lenderId: l.id,
        channel: 'nfra-12378',
        sentOn: '2027-01-20' as never,
        reference: null,
        chaseOn: '2027-02-12' as never,
        status: 'sent',
        documentId: null,
        notes: null,
        createdAt: FIXED_NOW,
      });
      await setEscalationStatus(makeDeps(src.db, { now: changedAt }), {
        caseId: c.id,
        id: `${c.id}-e`,
        status: 'acknowledged',
      });
      const home = join(root, `src-${target}`);
      const zip = join(root, `esc-${target}.zip`);
      await createBackup(makeDeps(src.db, { home }), zip);

      const dst = await createTestDatabase(target);
      dbs.push(dst);
      await restoreBackup(
        makeDeps(dst.db, { home: join(root, `dst-${target}`) }),
        await verifyBackup(nodeHost(), zip),
      );
      expect(await createEscalationRepository(dst.db).get(c.id, `${c.id}-e`)).toMatchObject({
        status: 'acknowledged',
        createdAt: FIXED_NOW,
        updatedAt: changedAt,
        revision: 1,
      });
    });
  });
}

describe('a backup made before escalations had revision/updated_at', () => {
  it('restores, and the escalation reads as unchanged since it was recorded', async () => {
    const src = await createTestDatabase('sqlite');
    dbs.push(src);
    // the store as the previous version left it
    const migrator = new Migrator({ db: src.db, provider: migrationProvider });
    const known = Object.keys(await migrationProvider.getMigrations()).sort();
    for (
      let i = known.length - 1;
      known[i] !== undefined && known[i]! >= '2026-12-02T0300_escalation-updated-at';
      i -= 1
    )
      expect((await migrator.migrateDown()).error).toBeUndefined();
    const c = await makeCase(src.db);
    const l = await makeLender(src.db, c.id);
    await src.db
      .insertInto('escalations')
      .values({
        id: `${c.id}-old`,
        case_id: c.id,
        lender_id: l.id,
        channel: 'nfra-12378',
        status: 'sent',
        created_at: FIXED_NOW,
      } as never)
      .execute();
    const zip = join(root, 'esc-old.zip');
    await createBackup(makeDeps(src.db, { home: join(root, 'src-old') }), zip);

    const dst = await createTestDatabase('sqlite');
    dbs.push(dst);
    await restoreBackup(
      makeDeps(dst.db, { home: join(root, 'dst-old') }),
      await verifyBackup(nodeHost(), zip),
    );
    expect(await createEscalationRepository(dst.db).get(c.id, `${c.id}-old`)).toMatchObject({
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      revision: 0,
    });
  });
});
