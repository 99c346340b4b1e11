// Child for concurrent-writers.test.ts: one CLI "user" running `xieshang` commands back to back
// (the real main(), each run opening and closing the store as a separate CLI process does), so
// several of these and a server write the same home at once. Prints a JSON tally on stdout.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli-harness.js';

const [home, countText, prefix] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const env = { XIESHANG_HOME: home, HOME: home };
const tally = { debts: 0, contacts: 0, evidence: 0, failures: [] as string[] };

// all children start together (the parent releases them by writing the go file)
const go = join(home, 'go');
const { existsSync } = await import('node:fs');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 20));

for (let i = 0; i < count; i += 1) {
  const r = await runCli(
    [
      'debt',
      'add',
      '--lender',
      `${prefix}贷`,
      '--lender-type',
      '小贷',
      '--principal',
      `${1000 + i}`,
      '--contract-number',
      `${prefix}-${i}`,
    ],
    { env, cwd: home },
  );
  if (r.code === 0) tally.debts += 1;
  else tally.failures.push(`debt ${i}: exit ${r.code}: ${r.err.slice(0, 300)}`);
  if (i % 8 === 3) {
    const c = await runCli(
      [
        'contact',
        'log',
        '--lender',
        `${prefix}贷`,
        '--channel',
        'phone',
        '--direction',
        'inbound',
        '--at',
        '2026-11-20 10:00',
        '--notes',
        `${prefix} call ${i}`,
      ],
      { env, cwd: home },
    );
    if (c.code === 0) tally.contacts += 1;
    else tally.failures.push(`contact ${i}: exit ${c.code}: ${c.err.slice(0, 300)}`);
    const file = join(home, `${prefix}-${i}.txt`);
    writeFileSync(file, `${prefix} receipt ${i}\n`);
    const e = await runCli(
      ['evidence', 'add', file, '--kind', 'screenshot', '--lender', `${prefix}贷`],
      {
        env,
        cwd: home,
      },
    );
    if (e.code === 0) tally.evidence += 1;
    else tally.failures.push(`evidence ${i}: exit ${e.code}: ${e.err.slice(0, 300)}`);
  }
}
process.stdout.write(JSON.stringify(tally));
