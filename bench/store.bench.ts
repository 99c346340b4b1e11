// Case store (issue 4), on SQLite and on PostgreSQL:
//  1. import 10,000 debts with 100,000 payments from CSV (the documented template): rows/second;
//  2. `summary` for a case with 60 debts and 5,000 payments, against the bare SELECTs it needs
//     (same queries, no mapping, no APR/legality), in the same run: ratio (goal ≤ 2×).
// Run: npm run bench -- store   (figures printed and written to bench/out/store.json)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { resolveCase } from '../src/app/cases.js';
import { importDebtsFromFile } from '../src/app/import-debts.js';
import { clearLegalityMemo, summarizeCase } from '../src/app/summary.js';
import { createDb, migrateToLatest, type DbConfig } from '../src/db/connect.js';
import type { Database } from '../src/db/schema.js';
import type { IsoDate } from '../src/core/dates/index.js';
import { createPostgresDatabase } from '../test/dialects.js';
import { generateImportCsv, makeDeps } from '../test/factories.js';

const PG_URL =
  process.env['XIESHANG_TEST_DATABASE_URL'] ??
  'postgres://xieshang:xieshang@127.0.0.1:5432/xieshang_test';
const dir = mkdtempSync(join(tmpdir(), 'xieshang-bench-'));
const ROUNDS = 30;

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const big = generateImportCsv({ debts: 10_000, paymentsPerDebt: 10, prefix: 'BIG' });
const bigDebts = write('big-debts.csv', big.debtsCsv);
const bigPays = write('big-payments.csv', big.paymentsCsv);
// 60 debts, 5,000 payments (83 or 84 each: 60 × 83 = 4,980, plus 20 more on the first debts)
const small = generateImportCsv({ debts: 60, paymentsPerDebt: 83, prefix: 'S' });
const extra = Array.from({ length: 20 }, (_, i) => `S-${i},还款,2023年12月${i + 1}日,10.00`).join(
  '\n',
);
const smallDebts = write('small-debts.csv', small.debtsCsv);
const smallPays = write('small-payments.csv', `${small.paymentsCsv}${extra}\n`);

async function freshDb(
  kind: 'sqlite' | 'postgres',
): Promise<{ config: DbConfig; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const f = join(dir, `bench-${Math.random().toString(36).slice(2)}.db`);
    return { config: { kind, file: f }, drop: async () => rmSync(f, { force: true }) };
  }
  const name = `xs_bench_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  await createPostgresDatabase(name);
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    config: { kind, url: u.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function bareSelects(db: Kysely<Database>, caseId: string): Promise<number> {
  const [a, b, c, d] = await Promise.all([
    db
      .selectFrom('lenders')
      .selectAll()
      .where('case_id', '=', caseId)

      .execute(),
    db
      .selectFrom('debts')
      .selectAll()
      .where('case_id', '=', caseId)

      .execute(),
    db
      .selectFrom('debt_fees')
      .selectAll()
      .where('case_id', '=', caseId)

      .execute(),
    db
      .selectFrom('debt_payments')
      .selectAll()
      .where('case_id', '=', caseId)

      .execute(),
  ]);
  return a.length + b.length + c.length + d.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function benchEngine(kind: 'sqlite' | 'postgres') {
  // 1. big import
  const t1 = await freshDb(kind);
  const db1 = createDb(t1.config);
  await migrateToLatest(db1);
  const deps1 = makeDeps(db1);
  const case1 = await resolveCase(deps1);
  const start = performance.now();
  const r = await importDebtsFromFile(deps1, case1.id, { file: bigDebts, paymentsFile: bigPays });
  const importMs = performance.now() - start;
  const rows = r.debts + r.payments + r.fees;
  await db1.destroy();
  await t1.drop();

  // 2. summary vs bare selects
  const t2 = await freshDb(kind);
  const db2 = createDb(t2.config);
  await migrateToLatest(db2);
  const deps2 = makeDeps(db2);
  const case2 = await resolveCase(deps2);
  const r2 = await importDebtsFromFile(deps2, case2.id, {
    file: smallDebts,
    paymentsFile: smallPays,
  });
  const asOf = '2024-06-30' as IsoDate;
  for (let i = 0; i < 5; i += 1) {
    await bareSelects(db2, case2.id);
    await summarizeCase(deps2, case2.id, asOf);
  }
  const bare: number[] = [];
  const full: number[] = [];
  const cold: number[] = [];
  let withApr = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    let t = performance.now();
    await bareSelects(db2, case2.id);
    bare.push(performance.now() - t);
    // warm: what a long-running server pays (unchanged loans reuse their legality report)
    t = performance.now();
    const s = await summarizeCase(deps2, case2.id, asOf);
    full.push(performance.now() - t);
    withApr = s.debts.filter((d) => d.nominalApr !== null).length;
    // cold: what a one-shot CLI `summary` pays (every loan's APR solved again)
    clearLegalityMemo();
    t = performance.now();
    await summarizeCase(deps2, case2.id, asOf);
    cold.push(performance.now() - t);
  }
  await db2.destroy();
  await t2.drop();
  return {
    engine: kind,
    import: {
      debts: r.debts,
      payments: r.payments,
      rows,
      ms: Math.round(importMs),
      rowsPerSecond: Math.round((rows / importMs) * 1000),
    },
    summary: {
      debts: r2.debts,
      payments: r2.payments,
      debtsWithApr: withApr,
      bareSelectsMs: Number(median(bare).toFixed(2)),
      summaryMs: Number(median(full).toFixed(2)),
      ratio: Number((median(full) / median(bare)).toFixed(2)),
      coldSummaryMs: Number(median(cold).toFixed(2)),
      coldRatio: Number((median(cold) / median(bare)).toFixed(2)),
      goalRatio: 2,
    },
  };
}

const results = [];
for (const kind of ['sqlite', 'postgres'] as const) {
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.end();
    } catch (e) {
      console.log(`postgres: SKIPPED (${(e as Error).message}); set XIESHANG_TEST_DATABASE_URL`);
      continue;
    }
  }
  const res = await benchEngine(kind);
  results.push(res);
  console.log(
    `${kind}: import ${res.import.debts} debts + ${res.import.payments} payments = ${res.import.rows} rows in ${res.import.ms} ms → ${res.import.rowsPerSecond} rows/s`,
  );
  console.log(
    `${kind}: summary (${res.summary.debts} debts, ${res.summary.payments} payments, APR for ${res.summary.debtsWithApr}) median ${res.summary.summaryMs} ms vs bare SELECTs ${res.summary.bareSelectsMs} ms → ratio ${res.summary.ratio}× (goal ≤ 2×); cold (legality memo cleared, as a one-shot CLI run) ${res.summary.coldSummaryMs} ms → ratio ${res.summary.coldRatio}×`,
  );
}
rmSync(dir, { recursive: true, force: true });
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./out/store.json', import.meta.url),
  `${JSON.stringify({ benchmark: 'store', rounds: ROUNDS, results }, null, 2)}\n`,
);
