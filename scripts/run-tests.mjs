#!/usr/bin/env node
// Runs vitest and prints the plain closing line CI reads ("N passed, N failed, N skipped").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('out', { recursive: true });
const report = 'out/vitest.json';
rmSync(report, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const r = spawnSync('npx', args, { stdio: 'inherit' });
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  console.log(`\n${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`);
  if (j.numTotalTests === 0) {
    console.error('no test ran');
    process.exit(1);
  }
}
process.exit(r.status ?? 2);
