#!/usr/bin/env node
// Runs the INSTALLED `xieshang` (argv[2]: its bin path) the way a user would, from a folder with
// no repository: every command's --help (each command module and its dependencies load from the
// compiled package), then a short real journey on a fresh home, then `serve` answering a page.
// Used by scripts/ci-package.sh; exits non-zero on the first failure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.argv[2];
const examples = process.argv[3];
if (!bin || !examples) throw new Error('usage: smoke-installed.mjs BIN EXAMPLES_DIR');
const work = mkdtempSync(join(tmpdir(), 'xieshang-smoke-'));
const home = join(work, 'home');
const env = { ...process.env, XIESHANG_HOME: home, XIESHANG_LANG: 'zh' };
let failures = 0;
let passes = 0;

function run(args, { input, expect = 0 } = {}) {
  const r = spawnSync(bin, args, { cwd: work, env, input, encoding: 'utf8' });
  const ok = r.status === expect;
  if (ok) passes += 1;
  else {
    failures += 1;
    console.error(`FAIL xieshang ${args.join(' ')} → exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

const version = run(['--version']).trim();
console.log(`installed xieshang ${version}`);
const help = run(['--help']);
const names = [...help.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((n) => n !== 'help');
if (names.length < 20) {
  failures += 1;
  console.error(`FAIL --help lists only ${names.length} commands`);
}
for (const name of names) run([name, '--help']);

writeFileSync(
  join(work, 'apr.json'),
  JSON.stringify({ periodsPerYear: 12, cashflows: ['99000.00', ...Array(12).fill('-8833.30')] }),
);
const apr = JSON.parse(run(['apr', '--json', 'apr.json']));
if (Math.abs(apr.nominalApr - 0.128) > 0.001) {
  failures += 1;
  console.error(`FAIL apr nominalApr ${apr.nominalApr}`);
}
run(['schedule', '-'], {
  input: JSON.stringify({
    principal: '10000.00',
    annualRate: '0.12',
    periods: 12,
    method: 'equal-installment',
    startDate: '2026-01-15',
  }),
});
run(['init']);
run(['lender', 'add', '示例小贷', '--type', '小贷']);
run(['debt', 'import', join(examples, '..', 'test', 'fixtures', 'import-debts.csv')]);
run(['summary']);
// delete and undo: the debt comes back
run(['debt', 'add', '--lender', '示例小贷', '--principal', '3000', '--contract-number', 'SMOKE-1']);
const removed = JSON.parse(run(['--json', 'debt', 'remove', 'SMOKE-1']) || '{}');
run(['undo', String(removed.undoId)]);
run(['debt', 'show', 'SMOKE-1']);
run(['budget', join(examples, 'young-worker.budget.json'), '--save']);
run(['plan', '--from-case']);
writeFileSync(join(work, 'call.txt'), 'a recording stand-in');
run([
  'evidence',
  'add',
  'call.txt',
  '--kind',
  'call-recording',
  '--lender',
  '借呗',
  '--captured-at',
  '2026-11-20 23:05',
]);
run(['evidence', 'verify']);
run(['backup', 'case.zip']);
run(['restore', 'case.zip', '--home', join(work, 'restored')]);

// serve: start on a free port, wait for its first line, fetch the page, stop it.
await new Promise((resolve) => {
  const child = spawn(bin, ['serve', '--port', '0'], { cwd: work, env });
  let out = '';
  const timer = setTimeout(() => {
    failures += 1;
    console.error(`FAIL serve did not print its address in 60 s:\n${out}`);
    child.kill('SIGTERM');
  }, 60_000);
  const onData = async (d) => {
    out += d;
    // the one-time sign-in link `serve` prints (http://127.0.0.1:PORT/?token=…)
    const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\/\S*/);
    if (!m) return;
    child.stdout.off('data', onData);
    clearTimeout(timer);
    try {
      const res = await fetch(m[0]);
      const page = await res.text();
      if (res.status === 200 && page.includes('<div id="root"')) passes += 1;
      else {
        failures += 1;
        console.error(`FAIL serve / → ${res.status}`);
      }
    } catch (e) {
      failures += 1;
      console.error(`FAIL serve fetch: ${e}`);
    }
    child.kill('SIGTERM');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', (d) => (out += d));
  child.on('exit', resolve);
});

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
if (version !== pkg.version) {
  failures += 1;
  console.error(`FAIL --version printed ${version}, package.json says ${pkg.version}`);
}
console.log(`installed package: ${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
