// Writers wait their turn (issue 14 item 2): three CLI processes and the server write one SQLite
// home at the same moment. Every write must succeed (no "database is locked"), every row must be
// there, and the evidence ledger must verify. Bounded: ~200 writes, well under a minute.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/app/deps.js';
import type { Instant } from '../src/core/dates/index.js';
import { addDebt } from '../src/app/debts.js';
import { logContact } from '../src/app/contacts.js';
import { resolveCase } from '../src/app/cases.js';
import { verifyEvidence } from '../src/app/evidence/verify.js';
import { createDb, migrateToLatest } from '../src/db/connect.js';
import { createTestDatabase, POSTGRES_PROBLEM, POSTGRES_URL } from './dialects.js';
import type { App } from '../src/server/build-server.js';
import { testServer, write } from '../src/server/test-helpers.js';
import { runCli } from './cli-harness.js';
import { hostPorts } from './factories.js';

const CHILDREN = 3;
const CLI_DEBTS_EACH = 40; // + a contact and an evidence file every 8th: 50 CLI writes each
const SERVER_WRITES = 50; // 40 debts + 10 contacts

interface Tally {
  debts: number;
  contacts: number;
  evidence: number;
  failures: string[];
}

function runChild(home: string, prefix: string): Promise<Tally> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'concurrent-writer-child.ts'),
        home,
        String(CLI_DEBTS_EACH),
        prefix,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child ${prefix} exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out) as Tally);
      } catch {
        reject(new Error(`child ${prefix} printed no tally: ${out} ${err}`));
      }
    });
  });
}

describe('concurrent writers on one SQLite home (3 CLI processes + the server)', () => {
  let home: string;
  let deps: Deps;
  let app: App;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'xieshang-writers-'));
    const db = createDb({ kind: 'sqlite', file: join(home, 'xieshang.db') });
    await migrateToLatest(db);
    let n = 0;
    deps = {
      db,
      home,
      clock: { now: () => new Date().toISOString() as Instant },
      ids: { next: () => `srv${String(++n).padStart(6, '0')}` },
      ...hostPorts(home),
    };
    app = await testServer(deps);
  });
  afterAll(async () => {
    await app?.close();
    await deps?.db.destroy();
    rmSync(home, { recursive: true, force: true });
  });

  it('loses no write and no row, and the ledger verifies', async () => {
    const started = Date.now();
    const children = Array.from({ length: CHILDREN }, (_, k) => runChild(home, `C${k}`));
    // the server writes while the children do: released together through the go file
    await new Promise((r) => setTimeout(r, 1500));
    writeFileSync(join(home, 'go'), '');
    const serverFailures: string[] = [];
    let serverDebts = 0;
    let serverContacts = 0;
    for (let i = 0; i < SERVER_WRITES; i += 1) {
      const r =
        i % 5 === 4
          ? await write(app, 'POST', '/api/contacts', {
              occurredAt: '2026-11-20T10:00:00+08:00',
              channel: 'phone',
              direction: 'inbound',
              notes: `server call ${i}`,
            })
          : await write(app, 'POST', '/api/debts', {
              lenderName: 'S贷',
              lenderType: 'small-loan',
              contractNumber: `S-${i}`,
              principal: `${2000 + i}.00`,
            });
      if (r.statusCode === 201) {
        if (i % 5 === 4) serverContacts += 1;
        else serverDebts += 1;
      } else serverFailures.push(`server ${i}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    }
    const tallies = await Promise.all(children);
    const seconds = (Date.now() - started) / 1000;

    const failures = [...serverFailures, ...tallies.flatMap((t) => t.failures)];
    expect(failures).toEqual([]);

    const cliDebts = tallies.reduce((a, t) => a + t.debts, 0);
    const cliContacts = tallies.reduce((a, t) => a + t.contacts, 0);
    const cliEvidence = tallies.reduce((a, t) => a + t.evidence, 0);
    const writes = cliDebts + cliContacts + cliEvidence + serverDebts + serverContacts;
    expect(cliDebts).toBe(CHILDREN * CLI_DEBTS_EACH);
    expect(serverDebts + serverContacts).toBe(SERVER_WRITES);

    // every row is there, exactly once
    const count = async (table: 'debts' | 'contacts' | 'evidence_items' | 'ledger_entries') =>
      Number(
        (
          await deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('debts')).toBe(cliDebts + serverDebts);
    expect(await count('contacts')).toBe(cliContacts + serverContacts);
    expect(await count('evidence_items')).toBe(cliEvidence);
    expect(await count('ledger_entries')).toBe(cliContacts + serverContacts + cliEvidence);
    const cases = await deps.db.selectFrom('cases').select('id').execute();
    expect(cases).toHaveLength(1);

    const verify = await runCli(['evidence', 'verify'], {
      env: { XIESHANG_HOME: home, HOME: home },
      cwd: home,
    });
    expect(verify.err).toBe('');
    expect(verify.code).toBe(0);

    console.info(
      `concurrent writers: ${CHILDREN} CLI processes + server, ${writes} writes, failures=${failures.length}, ${seconds.toFixed(1)} s`,
    );
    // typically 10–40 s (40 s on a 2-core machine at load 20); the bound catches writers stuck
    // in busy waits without making a loaded CI runner flaky
    expect(seconds).toBeLessThan(90);
  }, 150_000);
});

// PostgreSQL: three connection pools (three "processes") write one case at once through the same
// use cases; the ledger's (case, seq) key makes concurrent evidence writes collide and retry.
describe.skipIf(POSTGRES_PROBLEM !== null && process.env['CI'] !== 'true')(
  'concurrent writers on one PostgreSQL case (3 pools)',
  () => {
    it('loses no write and no row, and the ledger verifies', async () => {
      if (POSTGRES_PROBLEM !== null)
        throw new Error(`PostgreSQL at ${POSTGRES_URL} is unavailable: ${POSTGRES_PROBLEM}`);
      const t = await createTestDatabase('postgres');
      const dir = mkdtempSync(join(tmpdir(), 'xieshang-pg-writers-'));
      const pools = [t.db, createDb(t.config), createDb(t.config)];
      try {
        let n = 0;
        const depsOf = (db: (typeof pools)[number]): Deps => ({
          db,
          home: dir,
          clock: { now: () => new Date().toISOString() as Instant },
          ids: { next: () => `pg${String(++n).padStart(6, '0')}` },
          ...hostPorts(dir),
        });
        const c = await resolveCase(depsOf(t.db));
        const started = Date.now();
        const failures: string[] = [];
        await Promise.all(
          pools.map(async (db, k) => {
            const deps = depsOf(db);
            for (let i = 0; i < 30; i += 1) {
              await addDebt(deps, c.id, {
                lender: `P${k}贷`,
                lenderType: 'small-loan',
                principal: `${1000 + i}`,
                contractNumber: `P${k}-${i}`,
              }).catch((e: unknown) => failures.push(`debt ${k}/${i}: ${String(e)}`));
              if (i % 3 === 0)
                await logContact(deps, {
                  caseId: c.id,
                  at: '2026-11-20 10:00',
                  lender: `P${k}贷`,
                  channel: 'phone',
                  direction: 'inbound',
                  notes: `call ${k}/${i}`,
                }).catch((e: unknown) => failures.push(`contact ${k}/${i}: ${String(e)}`));
            }
          }),
        );
        expect(failures).toEqual([]);
        const count = async (table: 'debts' | 'contacts' | 'ledger_entries') =>
          Number(
            (
              await t.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(await count('debts')).toBe(90);
        expect(await count('contacts')).toBe(30);
        expect(await count('ledger_entries')).toBe(30);
        const report = await verifyEvidence(depsOf(t.db), c.id);
        expect(report.problems).toEqual([]);
        console.info(
          `concurrent writers (PostgreSQL): 3 pools, 120 writes, failures=0, ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      } finally {
        await pools[1]!.destroy();
        await pools[2]!.destroy();
        await t.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  },
);
