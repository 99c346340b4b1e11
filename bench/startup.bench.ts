// CLI start-up (issue 15): `xieshang apr --json FILE` on a small loan as a whole process, run from
// the INSTALLED package (npm pack → npm install -g into a temporary prefix, as a user gets it),
// against `node -e 0` in the same run: alternating rounds, median wall time of each, the ratio
// (goal ≤ 2×) with its spread over rounds. Also the checkout's tsx path, for context, and the
// package's packed and installed sizes. Writes bench/out/startup.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env['XIESHANG_BENCH_ROUNDS'] ?? 7);
const RUNS_PER_ROUND = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeRun(cmd: string, args: string[], cwd: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const tmp = mkdtempSync(join(tmpdir(), 'xieshang-startup-'));
try {
  console.log('packing and installing the package (builds dist/, compiles better-sqlite3)…');
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  execFileSync(
    'npm',
    [
      'install',
      '-g',
      '--prefix',
      join(tmp, 'prefix'),
      '--no-audit',
      '--no-fund',
      join(tmp, tarball),
    ],
    { cwd: tmp, stdio: 'ignore' },
  );
  const du = (p: string) => execFileSync('du', ['-sk', p], { encoding: 'utf8' }).split('\t')[0]!;
  const packedKb = Number(du(join(tmp, tarball)));
  const installedKb = Number(du(join(tmp, 'prefix', 'lib', 'node_modules', 'xieshang')));
  const bin = join(tmp, 'prefix', 'bin', 'xieshang');
  const work = join(tmp, 'work');
  mkdirSync(work);
  writeFileSync(
    join(work, 'loan.json'),
    JSON.stringify({ periodsPerYear: 12, cashflows: ['99000.00', ...Array(12).fill('-8833.30')] }),
  );
  const checkoutBin = join(root, 'bin', 'xieshang.js');
  timeRun(bin, ['apr', '--json', 'loan.json'], work); // warm the file cache
  const rounds: { node: number; cli: number; tsx: number; ratio: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const node: number[] = [];
    const cli: number[] = [];
    const tsx: number[] = [];
    for (let i = 0; i < RUNS_PER_ROUND; i++) {
      node.push(timeRun(process.execPath, ['-e', '0'], work));
      cli.push(timeRun(bin, ['apr', '--json', 'loan.json'], work));
      tsx.push(timeRun(process.execPath, [checkoutBin, 'apr', '--json', 'loan.json'], work));
    }
    const round = { node: median(node), cli: median(cli), tsx: median(tsx), ratio: 0 };
    round.ratio = round.cli / round.node;
    rounds.push(round);
    console.log(
      `round ${r + 1}: node -e 0 ${round.node.toFixed(1)} ms, installed apr ${round.cli.toFixed(1)} ms ` +
        `(${round.ratio.toFixed(2)}×), checkout via tsx ${round.tsx.toFixed(1)} ms (${(round.tsx / round.node).toFixed(2)}×)`,
    );
  }
  const ratios = rounds.map((r) => r.ratio);
  const result = {
    goal: 'installed `xieshang apr --json FILE` ≤ 2× `node -e 0` (median wall time)',
    medianRatio: median(ratios),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    tsxMedianRatio: median(rounds.map((r) => r.tsx / r.node)),
    packedKb,
    installedKb,
    rounds,
  };
  console.log(
    `startup ratio median ${result.medianRatio.toFixed(2)}× (spread ${result.minRatio.toFixed(2)}–${result.maxRatio.toFixed(2)}), ` +
      `goal ≤ 2: ${result.medianRatio <= 2 ? 'met' : 'NOT met'}; tsx ${result.tsxMedianRatio.toFixed(2)}×; ` +
      `package ${packedKb} KB packed, ${installedKb} KB installed with dependencies`,
  );
  mkdirSync(join(root, 'bench', 'out'), { recursive: true });
  writeFileSync(join(root, 'bench', 'out', 'startup.json'), JSON.stringify(result, null, 2));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
