// Faults leave nothing behind: what killed uploads and restores left in a home is removed (or a
// restore killed at its last step is finished) when the next command opens the home, and a killed
// restore can be run again.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-harness.js';
import { RESTORE_COMMITTED } from './stale-temp.js';

const FIXTURES = new URL('../../test/fixtures/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'xieshang-stale-'));
/** The pid of a process that has exited. */
const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;

function put(path: string, bytes = 'x'): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
}

let made: string | undefined;
async function backupWithEvidence(): Promise<string> {
  if (made !== undefined) return made;
  const home = join(root, 'source');
  const store = ['--home', home];
  expect((await runCli(['init', ...store])).code).toBe(0);
  expect(
    (await runCli(['debt', 'import', join(FIXTURES, 'import-debts.csv'), ...store])).code,
  ).toBe(0);
  put(join(root, 'sms.png'), 'sms');
  expect(
    (await runCli(['evidence', 'add', join(root, 'sms.png'), '--kind', 'screenshot', ...store]))
      .code,
  ).toBe(0);
  const zip = join(root, 'source.zip');
  expect((await runCli(['backup', zip, ...store])).code).toBe(0);
  made = zip;
  return zip;
}

describe('startup sweeps what killed processes left', () => {
  it('removes dead uploads, restores and vault parts, keeps a live process’s, and says so', async () => {
    const home = join(root, 'litter');
    expect((await runCli(['init', '--home', home])).code).toBe(0);
    const dead = join(home, 'tmp', `upload-${deadPid}-aB3xYz`);
    put(join(dead, 'data'), 'half an upload');
    const legacy = join(home, 'tmp', 'upload-Q1w2E3');
    put(join(legacy, 'data'));
    utimesSync(legacy, new Date('2026-01-01'), new Date('2026-01-01'));
    const live = join(home, 'tmp', `upload-${process.ppid}-LiVe01`);
    put(join(live, 'data'));
    const restore = join(home, `.restore-${deadPid}`);
    put(join(restore, 'objects', 'ab', 'cd'));
    const part = join(home, 'vault', 'tmp', `${deadPid}-0123abcd.part`);
    put(part);
    const r = await runCli(['summary', '--home', home]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(
      '已清理上次中断留下的文件：2 个中断的上传/导出临时目录、1 个中断的恢复目录（可重新运行 restore）、1 个证据库临时文件',
    );
    for (const p of [dead, legacy, restore, part]) expect(existsSync(p), p).toBe(false);
    expect(existsSync(live)).toBe(true);
    const again = await runCli(['summary', '--home', home]);
    expect(again.err).not.toContain('已清理');
  });

  it('a killed restore can be re-run, even after a command in between made the first-use case', async () => {
    const zip = await backupWithEvidence();
    const home = join(root, 'killed-restore');
    // what kill -9 during the vault copy leaves: the staging directory, an empty database
    put(join(home, `.restore-${deadPid}`, 'objects', '12', '34'), 'partial');
    // the borrower checks whether it worked: this opens the home and creates the empty case
    expect((await runCli(['summary', '--home', home])).code).toBe(0);
    const r = await runCli(['restore', zip, '--home', home]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(home, `.restore-${deadPid}`))).toBe(false);
    const v = await runCli(['--json', 'evidence', 'verify', '--home', home]);
    expect(JSON.parse(v.out)).toMatchObject({ intact: true, entries: 1 });
    // the first-use case was replaced, not kept beside the restored one
    const src = await runCli(['--json', 'summary', '--home', join(root, 'source')]);
    const s = await runCli(['--json', 'summary', '--home', home]);
    expect(JSON.parse(s.out).caseId).toBe(JSON.parse(src.out).caseId);
  });

  it('a restore killed after its database committed is finished at the next start', async () => {
    const zip = await backupWithEvidence();
    const home = join(root, 'killed-at-rename');
    expect((await runCli(['restore', zip, '--home', home])).code).toBe(0);
    // rewind to the moment before the vault was moved into place
    const staging = join(home, `.restore-${deadPid}`);
    renameSync(join(home, 'vault'), staging);
    writeFileSync(join(staging, RESTORE_COMMITTED), '');
    mkdirSync(join(home, 'vault'));
    const v = await runCli(['--json', 'evidence', 'verify', '--home', home]);
    expect(v.err).toContain('上次恢复在最后一步被中断，已完成');
    expect(JSON.parse(v.out)).toMatchObject({ intact: true, entries: 1 });
    expect(readdirSync(home).filter((n) => n.startsWith('.restore-'))).toEqual([]);
  });
});
