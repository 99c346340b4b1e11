// Crash safety (issue 4): a process killed with SIGKILL in the middle of an import leaves the
// database exactly as it was before the import.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { addDebt } from '../src/app/debts.js';
import { resolveCase } from '../src/app/cases.js';
import { createDebtRepository } from '../src/db/repositories/debt-repository.js';
import { createDb, migrateToLatest } from '../src/db/connect.js';
import { createTestDatabase, forEachDialect } from './dialects.js';
import { generateImportCsv, makeDeps } from './factories.js';

const dir = mkdtempSync(join(tmpdir(), 'xieshang-crash-'));
const { debtsCsv, paymentsCsv } = generateImportCsv({ debts: 4000, paymentsPerDebt: 12 });
const debtsFile = join(dir, 'debts.csv');
const paymentsFile = join(dir, 'payments.csv');
writeFileSync(debtsFile, debtsCsv);
writeFileSync(paymentsFile, paymentsCsv);

function runChildUntilWriting(config: unknown): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'import-crash-child.ts'),
        JSON.stringify(config),
        debtsFile,
        paymentsFile,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!killed && stderr.includes('WRITING')) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, stderr }));
  });
}

forEachDialect('import killed with SIGKILL', (_getDb, dialect) => {
  it('leaves the database as it was before the import', { timeout: 120_000 }, async () => {
    const t = await createTestDatabase(dialect);
    try {
      const deps = makeDeps(t.db);
      const c = await resolveCase(deps);
      await addDebt(deps, c.id, {
        lender: '甲银行',
        lenderType: 'bank',
        contractNumber: 'BEFORE-1',
        principal: '1000',
        payments: [{ date: '2024-01-05', amount: '100' }],
      });
      await t.db.destroy();
      const r = await runChildUntilWriting(t.config);
      expect(r.stderr).not.toContain('DONE');
      expect(r.killed, r.stderr).toBe(true);
      const db = createDb(t.config);
      try {
        await migrateToLatest(db);
        const repo = createDebtRepository(db);
        expect(await repo.count(c.id)).toBe(1);
        expect(await repo.listPayments(c.id)).toHaveLength(1);
        expect(
          (await db.selectFrom('lenders').select('name').execute()).map((l) => l.name),
        ).toEqual(['甲银行']);
        if (dialect === 'sqlite') {
          const { sql } = await import('kysely');
          const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
          expect(check.rows[0]?.integrity_check).toBe('ok');
        }
      } finally {
        await db.destroy();
      }
    } finally {
      // the Kysely instance is already destroyed; drop only removes the file/database
      await t.drop().catch(() => undefined);
    }
  });
});
