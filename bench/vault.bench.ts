// Vault benchmark (issue 5):
//  1. ingest a 1 GiB file (read once → SHA-256 and temp file from the same buffers → fsync → link)
//     in a child process, as throughput ratios against `sha256sum` (goal ≥ 0.7) and `cp` of the
//     same file over alternating rounds (median, min–max), with the child's peak RSS (< 100 MB);
//  2. `evidence verify` over a vault of 10,000 small files: files per second.
// Prints readable lines and writes bench/out/vault.json. Temp files are deleted afterwards.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Instant } from '../src/core/dates/index.js';
import type { Sha256Hex } from '../src/core/ledger/index.js';
import { evidenceMeta } from '../src/app/evidence/evidence.js';
import { verifyEvidence } from '../src/app/evidence/verify.js';
import { createDb, migrateToLatest } from '../src/db/connect.js';
import { createCaseRepository } from '../src/db/repositories/case-repository.js';
import {
  createEvidenceRepository,
  type EvidenceItem,
} from '../src/db/repositories/evidence-repository.js';
import { createLedgerRepository } from '../src/db/repositories/ledger-repository.js';
import type { CaseId } from '../src/db/types.js';
import { nextEntry } from '../src/vault/chain.js';
import { createVaultStore } from '../src/vault/store.js';
import { nodeHost } from '../src/node/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const GIB = 1024 ** 3;
const SIZE = Number(process.env['XIESHANG_BENCH_INGEST_MIB'] ?? 1024) * 1024 * 1024;
const ROUNDS = Number(process.env['XIESHANG_BENCH_INGEST_ROUNDS'] ?? 5);
const SMALL_FILES = Number(process.env['XIESHANG_BENCH_VERIFY_FILES'] ?? 10_000);

/** The ingest child runs as plain node (bundled once with esbuild, present through tsx) so its
 * RSS is not inflated by the tsx loader; without esbuild it falls back to tsx. */
async function ingestChildArgs(): Promise<{ args: string[]; runner: string }> {
  const src = join(here, 'vault-ingest-child.ts');
  try {
    const esbuild = (await import('esbuild')) as typeof import('esbuild');
    const outfile = join(here, 'out', 'vault-ingest-child.mjs');
    mkdirSync(dirname(outfile), { recursive: true });
    await esbuild.build({
      entryPoints: [src],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'silent',
    });
    return { args: [outfile], runner: 'node (bundled)' };
  } catch {
    return { args: ['--import', 'tsx', src], runner: 'node --import tsx' };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'xs-bench-vault-'));
const results: Record<string, unknown> = {
  machine: {
    cpus: (await import('node:os')).cpus().length,
    loadavg: (await import('node:os')).loadavg(),
  },
};
try {
  // 1. a 1 GiB file of random bytes (incompressible, like a recording)
  const file = join(dir, 'recording.m4a');
  const fd = openSync(file, 'w');
  const chunk = randomBytes(8 * 1024 * 1024);
  for (let written = 0; written < SIZE; written += chunk.length)
    writeSync(fd, chunk, 0, Math.min(chunk.length, SIZE - written));
  closeSync(fd);

  // sha256sum (reads and hashes), cp (reads and writes) and the ingest (reads once, hashes and
  // writes the same buffers, fsyncs) take turns on the same file, ROUNDS times, in an order that
  // alternates each round; each round gives its own ratios, so load swings on a shared machine
  // show as spread instead of skewing one figure. The file was just written: all read from cache.
  const timed = (cmd: string, args: string[]): { ms: number; out: string } => {
    const t = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
    return { ms: performance.now() - t, out: r.stdout };
  };
  const runner = await ingestChildArgs();
  const copy = join(dir, 'copy.m4a');
  const home = join(dir, 'home');
  const steps = {
    sha: () => timed('sha256sum', [file]),
    cp: () => {
      const r = timed('cp', [file, copy]);
      rmSync(copy);
      return r;
    },
    ingest: () => {
      const r = timed(process.execPath, [...runner.args, file, home]);
      rmSync(home, { recursive: true, force: true });
      return r;
    },
  };
  const rounds: { shaMs: number; cpMs: number; ingestMs: number; maxRssKb: number }[] = [];
  let baselineRssKb = 0;
  let expected = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    const order: (keyof typeof steps)[] =
      round % 2 === 0 ? ['sha', 'cp', 'ingest'] : ['ingest', 'cp', 'sha'];
    const ms: Record<string, number> = {};
    let ing: { ms: number; hash: string; maxRssKb: number; baselineRssKb: number } | undefined;
    for (const step of order) {
      const r = steps[step]();
      ms[step] = r.ms;
      if (step === 'sha') expected = r.out.slice(0, 64);
      if (step === 'ingest') ing = JSON.parse(r.out) as typeof ing;
    }
    if (ing!.hash !== expected)
      throw new Error(`hash mismatch: ${ing!.hash} vs sha256sum ${expected}`);
    baselineRssKb = ing!.baselineRssKb;
    // the child's own clock: node's start-up is not part of the ingest
    rounds.push({ shaMs: ms['sha']!, cpMs: ms['cp']!, ingestMs: ing!.ms, maxRssKb: ing!.maxRssKb });
  }
  const spread = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid =
      s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    const r3 = (x: number) => Number(x.toFixed(3));
    return { median: r3(mid), min: r3(s[0]!), max: r3(s[s.length - 1]!) };
  };
  const mib = SIZE / 1024 / 1024;
  const mibps = (ms: number) => Math.round(mib / (ms / 1000));
  // throughput ratio = the other's time / the ingest's time, per round
  const vsSha = spread(rounds.map((r) => r.shaMs / r.ingestMs));
  const vsCp = spread(rounds.map((r) => r.cpMs / r.ingestMs));
  const peakMb = Math.max(...rounds.map((r) => r.maxRssKb)) / 1024;
  results['ingest'] = {
    sizeBytes: SIZE,
    rounds: rounds.map((r) => ({
      sha256sumMs: Math.round(r.shaMs),
      cpMs: Math.round(r.cpMs),
      ingestMs: Math.round(r.ingestMs),
      ingestMiBps: mibps(r.ingestMs),
    })),
    ratioVsSha256sum: vsSha,
    ratioVsCp: vsCp,
    ratioGoal: 0.7,
    peakRssMiB: Number(peakMb.toFixed(1)),
    peakRssGoalMiB: 100,
    baselineRssMiB: Number((baselineRssKb / 1024).toFixed(1)),
    childRunner: runner.runner,
    note: 'ingest reads once, hashes and writes the same buffers, then fsyncs; sha256sum only reads and hashes; cp reads and writes without fsync',
  };
  console.log(`ingest ${(SIZE / GIB).toFixed(2)} GiB, ${ROUNDS} alternating rounds (ms):`);
  for (const r of rounds)
    console.log(
      `  sha256sum ${Math.round(r.shaMs)} (${mibps(r.shaMs)} MiB/s)  cp ${Math.round(r.cpMs)} (${mibps(r.cpMs)} MiB/s)  ingest ${Math.round(r.ingestMs)} (${mibps(r.ingestMs)} MiB/s)`,
    );
  const show = (x: { median: number; min: number; max: number }) =>
    `median ${x.median.toFixed(2)} (min ${x.min.toFixed(2)} – max ${x.max.toFixed(2)})`;
  console.log(`  throughput ratio vs sha256sum: ${show(vsSha)} (goal ≥ 0.70)`);
  console.log(`  throughput ratio vs cp:        ${show(vsCp)}`);
  console.log(
    `  peak RSS of the ingesting process: ${peakMb.toFixed(1)} MiB (goal < 100 MiB; ${(baselineRssKb / 1024).toFixed(1)} MiB before ingest; ${runner.runner})`,
  );
  rmSync(file);

  // 2. verify a vault of 10,000 small files with their rows and ledger entries
  const home2 = join(dir, 'home2');
  mkdirSync(home2);
  const db = createDb({ kind: 'sqlite', file: join(dir, 'bench.db') });
  await migrateToLatest(db);
  const now = '2026-11-29T08:00:00.000Z' as Instant;
  const kase = await createCaseRepository(db).insert({ id: 'bench-case', title: 'bench', at: now });
  const store = createVaultStore(home2);
  await db.transaction().execute(async (trx) => {
    const ev = createEvidenceRepository(trx);
    const ledger = createLedgerRepository(trx);
    let head = null;
    for (let i = 0; i < SMALL_FILES; i += 1) {
      // objects are written straight to their place: this part measures verify, not ingest
      const bytes = randomBytes(512 + (i % 3584));
      const h = createHash('sha256').update(bytes).digest('hex') as Sha256Hex;
      const p = store.objectPath(h);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, bytes);
      const item: EvidenceItem = {
        id: `ev-${i}`,
        caseId: kase.id,
        sha256: h,
        kind: 'screenshot',
        lenderId: null,
        contactId: null,
        capturedAt: null,
        addedAt: now,
        originalName: `shot-${i}.png`,
        mediaType: 'image/png',
        sizeBytes: bytes.length,
        description: null,
      };
      await ev.insert(item);
      head = nextEntry(head, {
        objectHash: h,
        kind: 'evidence-added',
        meta: evidenceMeta(item),
        recordedAt: now,
      });
      await ledger.append(kase.id, head);
    }
  });
  const deps = {
    db,
    clock: { now: () => now },
    ids: { next: () => 'x' },
    home: home2,
    vault: store,
    ...nodeHost(),
  };
  const v0 = performance.now();
  const report = await verifyEvidence(deps, kase.id as CaseId);
  const vMs = performance.now() - v0;
  await db.destroy();
  if (!report.intact)
    throw new Error(`verify found problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
  const fps = SMALL_FILES / (vMs / 1000);
  results['verify'] = {
    files: SMALL_FILES,
    ledgerEntries: report.entries,
    ms: Math.round(vMs),
    filesPerSecond: Math.round(fps),
  };
  console.log(
    `verify ${SMALL_FILES} small files (+ ${report.entries} ledger entries, row cross-check): ${Math.round(vMs)} ms = ${Math.round(fps)} files/s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'vault.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/out/vault.json');
