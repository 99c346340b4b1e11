// HTTP API benchmarks (issue 8), each server in its own child process so its memory is its own:
// 1. GET /api/summary for a 60-debt case vs a bare Fastify route returning constant JSON, same run,
//    same process: autocannon on 127.0.0.1, req/s both, ratio (goal ≥ 0.5), p99 latency. For
//    context, GET /api/debts (the 60 debts' lines, ~40 KB of JSON) in the same rounds.
// 2. Upload of a 1 GiB file through POST /api/evidence into the vault: peak server RSS
//    (VmHWM, goal < 150 MB) and throughput.
// Run: npm run bench -- api   (figures printed and written to bench/out/api.json)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

const SECRET = 'bench-secret-0123456789abcdef';
const DEBTS = 60;
const DURATION_S = 9; // per target, split into ROUNDS alternating rounds
const ROUNDS = 3;
const CONNECTIONS = 10;
const UPLOAD_BYTES = 1024 ** 3;

// ---- child: a server over a seeded home, plus a bare Fastify ----------------------------------
async function child(home: string, seed: boolean): Promise<void> {
  const Fastify = (await import('fastify')).default;
  const { createDb, migrateToLatest } = await import('../src/db/connect.js');
  const { startServer } = await import('../src/server/main.js');
  const { createVaultStore, nodeHost, randomIds, systemClock } =
    await import('../src/node/index.js');
  const db = createDb({ kind: 'sqlite', file: join(home, 'xieshang.db') });
  await migrateToLatest(db);
  const deps = {
    db,
    home,
    clock: systemClock(),
    ids: randomIds(),
    vault: createVaultStore(home),
    ...nodeHost(),
  };
  if (seed) {
    const { resolveCase } = await import('../src/app/cases.js');
    const { addDebt } = await import('../src/app/debts.js');
    const c = await resolveCase(deps);
    for (let i = 0; i < DEBTS; i++)
      await addDebt(deps, c.id, {
        lender: `平台${i % 20}`,
        lenderType: ['small-loan', 'consumer-finance', 'bank'][i % 3],
        contractNumber: `HT-${1000 + i}`,
        contractDate: '2025-03-01',
        principal: `${5000 + i * 250}.00`,
        received: `${4500 + i * 250}.00`,
        rate: ['日息万五', '年化18%', '月费率0.6%'][i % 3],
        termMonths: 12 + (i % 3) * 12,
        scheduleMethod: 'equal-installment',
        firstDueDate: '2025-04-01',
        // about two months into the loan: what a borrower's app would show
        balance: ((5000 + i * 250) * 0.85).toFixed(2),
        payments: [
          { date: '2025-04-01', amount: '600.00' },
          { date: '2025-05-01', amount: '600.00' },
        ],
      });
  }
  // as `xieshang serve` starts it
  const { app } = await startServer(deps, {
    sessionSecret: SECRET,
    allowedHosts: ['127.0.0.1'],
    port: 0,
    host: '127.0.0.1',
  });
  const bare = Fastify();
  const constant = { ok: true, name: 'xieshang', items: [1, 2, 3] };
  bare.get('/const', async () => constant);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const port = (a: { server: { address(): unknown } }) =>
    (a.server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ api: port(app), bare: port(bare) })}\n`);
}

// ---- parent ------------------------------------------------------------------------------------
function startChild(
  home: string,
  seed: boolean,
): Promise<{ proc: ChildProcess; api: number; bare: number }> {
  const proc = spawn(
    process.execPath,
    [
      // as bin/xieshang.js starts `xieshang serve`
      '--max-semi-space-size=1',
      '--import',
      'tsx',
      new URL(import.meta.url).pathname,
      '--child',
      home,
      seed ? 'seed' : 'empty',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line)
        resolve({ proc, ...(JSON.parse(line) as { api: number; bare: number }) });
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
}

function vm(pid: number, key: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

// What a browser sends (the web app is the endpoint's client): gzip is negotiated.
// a signed-in browser: every API request, reads included, carries the session cookie
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd', cookie: `xs_session=${SECRET}` };
const SIGNED_IN = { headers: { cookie: `xs_session=${SECRET}` } };

type Load = { rps: number; p99: number; non2xx: number };

async function loadOnce(url: string, headers: Record<string, string>, s: number): Promise<Load> {
  // imported here, in the parent only: the server child must not carry the load generator
  const autocannon = (await import('autocannon')).default;
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: s });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, non2xx: r.non2xx };
}

/**
 * The targets are loaded in alternating short rounds and each figure is the median round, so a
 * burst of load from other processes on this shared machine does not land on one target only.
 */
async function loadInterleaved(
  targets: readonly { url: string; headers?: Record<string, string> }[],
): Promise<Load[]> {
  for (const t of targets) await loadOnce(t.url, t.headers ?? {}, 1); // warm-up
  const rounds: Load[][] = targets.map(() => []);
  for (let r = 0; r < ROUNDS; r++)
    for (const [i, t] of targets.entries())
      rounds[i]!.push(await loadOnce(t.url, t.headers ?? {}, DURATION_S / ROUNDS));
  return rounds.map((rs) => {
    const mid = [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)]!;
    return {
      rps: mid.rps,
      p99: Math.max(...rs.map((x) => x.p99)),
      non2xx: rs.reduce((n, x) => n + x.non2xx, 0),
    };
  });
}

async function gzippedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: BROWSER }, (res) => {
      if (res.headers['content-encoding'] !== 'gzip') resolve(NaN);
      let n = 0;
      res.on('data', (b: Buffer) => (n += b.length));
      res.on('end', () => resolve(n));
    })
      .on('error', reject)
      .end();
  });
}

function upload(port: number): Promise<{ status: number; body: string; ms: number }> {
  const boundary = `----xieshang${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncall-recording\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big-recording.m4a"\r\nContent-Type: audio/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = randomBytes(1024 * 1024);
  const body = Readable.from(
    (function* () {
      yield head;
      for (let i = 0; i < UPLOAD_BYTES / chunk.length; i++) yield chunk;
      yield tail;
    })(),
  );
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/evidence',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + UPLOAD_BYTES + tail.length),
          origin: `http://127.0.0.1:${port}`,
          cookie: `xs_session=${SECRET}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (b: Buffer) => (text += b.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }),
        );
      },
    );
    req.on('error', reject);
    body.pipe(req);
  });
}

async function parent(): Promise<void> {
  const homes: string[] = [];
  const procs: ChildProcess[] = [];
  try {
    // 1. summary vs bare
    const h1 = mkdtempSync(join(tmpdir(), 'xieshang-bench-api-'));
    homes.push(h1);
    const s = await startChild(h1, true);
    procs.push(s.proc);
    const check = await fetch(`http://127.0.0.1:${s.api}/api/summary`, SIGNED_IN);
    const summary = (await check.json()) as { totals: { debts: number }; lenders: unknown[] };
    if (summary.totals.debts !== DEBTS)
      throw new Error(`expected ${DEBTS} debts, got ${summary.totals.debts}`);
    const summaryBytes = Buffer.byteLength(JSON.stringify(summary));
    const summaryUrl = `http://127.0.0.1:${s.api}/api/summary`;
    const debtsUrl = `http://127.0.0.1:${s.api}/api/debts`;
    const debtsList = (await (await fetch(debtsUrl, SIGNED_IN)).json()) as { debts: unknown[] };
    if (debtsList.debts.length !== DEBTS) throw new Error(`expected ${DEBTS} debt lines`);
    const debtsBytes = Buffer.byteLength(JSON.stringify(debtsList));
    const wireBytes = await gzippedSize(summaryUrl);
    const debtsWireBytes = await gzippedSize(debtsUrl);
    const [api, bare, debts] = (await loadInterleaved([
      { url: summaryUrl, headers: BROWSER },
      { url: `http://127.0.0.1:${s.bare}/const`, headers: BROWSER },
      { url: debtsUrl, headers: BROWSER },
    ])) as [Load, Load, Load];
    const ratio = Math.round((api.rps / bare.rps) * 100) / 100;
    const ratioDebts = Math.round((debts.rps / bare.rps) * 100) / 100;
    console.log(
      `summary (${DEBTS} debts: totals and ${summary.lenders.length} lender lines, ${summaryBytes} bytes of JSON, ${wireBytes} gzipped): ${api.rps} req/s, p99 ${api.p99} ms, non-2xx ${api.non2xx}`,
    );
    console.log(`bare Fastify constant JSON: ${bare.rps} req/s, p99 ${bare.p99} ms`);
    console.log(
      `ratio summary / bare: ${ratio} (goal ≥ 0.5 → ${ratio >= 0.5 ? 'met' : 'NOT met'}) — client accepts gzip, as browsers do`,
    );
    console.log(
      `context: GET /api/debts (${DEBTS} debt lines, ${debtsBytes} bytes, ${debtsWireBytes} gzipped): ${debts.rps} req/s, p99 ${debts.p99} ms → ratio ${ratioDebts} (bounded by the load generator decoding each body)`,
    );
    s.proc.kill();

    // 2. 1 GiB upload into the vault, in a fresh server process
    const h2 = mkdtempSync(join(tmpdir(), 'xieshang-bench-upload-'));
    homes.push(h2);
    const u = await startChild(h2, false);
    procs.push(u.proc);
    const rssBefore = vm(u.proc.pid!, 'VmRSS');
    let peakSampled = rssBefore;
    const timer = setInterval(
      () => (peakSampled = Math.max(peakSampled, vm(u.proc.pid!, 'VmRSS'))),
      50,
    );
    const up = await upload(u.api);
    clearInterval(timer);
    const hwm = vm(u.proc.pid!, 'VmHWM');
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${up.body.slice(0, 300)}`);
    const mbps = Math.round((UPLOAD_BYTES / 1024 / 1024 / (up.ms / 1000)) * 10) / 10;
    console.log(
      `upload 1 GiB → vault: ${Math.round(up.ms)} ms (${mbps} MB/s end to end: receive, temp file, hash + copy into the vault)`,
    );
    console.log(
      `server RSS: ${rssBefore.toFixed(1)} MB before, peak ${hwm.toFixed(1)} MB (VmHWM; sampled peak during upload ${peakSampled.toFixed(1)} MB); goal < 150 MB → ${hwm < 150 ? 'met' : 'NOT met'}`,
    );
    u.proc.kill();

    const result = {
      summary: {
        debts: DEBTS,
        connections: CONNECTIONS,
        durationS: DURATION_S,
        rounds: ROUNDS,
        ...api,
      },
      bare,
      ratio,
      summaryBytes,
      summaryGzipBytes: wireBytes,
      acceptEncoding: BROWSER['accept-encoding'],
      debts: { ...debts, bytes: debtsBytes, gzipBytes: debtsWireBytes, ratio: ratioDebts },
      ratioGoal: 0.5,
      upload: {
        bytes: UPLOAD_BYTES,
        ms: Math.round(up.ms),
        mbPerS: mbps,
        rssBeforeMB: Math.round(rssBefore),
        peakRssMB: Math.round(hwm),
        sampledPeakMB: Math.round(peakSampled),
        goalMB: 150,
      },
    };
    mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
    writeFileSync(
      new URL('./out/api.json', import.meta.url),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    if (ratio < 0.5 || hwm >= 150) process.exitCode = 1;
  } finally {
    for (const p of procs) if (p.exitCode === null) p.kill();
    for (const h of homes) rmSync(h, { recursive: true, force: true });
  }
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1]!, process.argv[i + 2] === 'seed');
else await parent();
