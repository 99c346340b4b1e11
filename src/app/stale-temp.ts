import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createVaultStore } from '../vault/store.js';
import { homeLayout } from './home.js';

/**
 * Temp directories under <home>/tmp are named `<kind>-<pid>-<random>` by the process that made
 * them (uploads, exports, backups served over HTTP), so a later process can tell a dead owner's
 * litter from a live one's work.
 */
export function tempDirPrefix(kind: 'upload' | 'export' | 'backup'): string {
  return `${kind}-${process.pid}-`;
}

export interface SweepReport {
  /** <home>/tmp directories of processes no longer running */
  tempDirs: string[];
  /** <home>/.restore-<pid> of killed restores: removed (re-run it) */
  restoresRemoved: string[];
  /** killed restores whose database part had committed: the vault was moved into place */
  restoresFinished: string[];
  /** vault/tmp/*.part of killed writers */
  vaultParts: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where a restore stages the vault before it moves it into place. */
export function restoreStaging(home: string, pid: number = process.pid): string {
  return join(home, `.restore-${pid}`);
}

/** Marker inside the staging directory: the database part committed, only the vault move is left. */
export const RESTORE_COMMITTED = '.committed';

/** The last step of a restore: the staged vault replaces the (empty) vault. */
export async function finishRestore(vault: string, staging: string): Promise<void> {
  await rm(join(staging, RESTORE_COMMITTED), { force: true });
  await rm(vault, { recursive: true, force: true });
  await rename(staging, vault);
  await mkdir(vault, { recursive: true });
}

async function hasFiles(dir: string): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return false;
  }
  for (const n of names) {
    const s = await stat(join(dir, n)).catch(() => null);
    if (s?.isFile() === true) return true;
    if (s?.isDirectory() === true && (await hasFiles(join(dir, n)))) return true;
  }
  return false;
}

/**
 * Restore directories left in the home by a killed restore (`.restore-<pid>` of a process no
 * longer running): one whose database part had committed is moved into place (the restore is
 * finished), any other is removed (its transaction rolled back, so the restore can be re-run).
 */
export async function sweepStaleRestores(
  home: string,
): Promise<{ removed: string[]; finished: string[] }> {
  const out = { removed: [] as string[], finished: [] as string[] };
  let names: string[];
  try {
    names = await readdir(home);
  } catch {
    return out;
  }
  for (const n of names) {
    const pid = Number(/^\.restore-(\d+)$/.exec(n)?.[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    const dir = join(home, n);
    const committed = await stat(join(dir, RESTORE_COMMITTED)).then(
      () => true,
      () => false,
    );
    const vault = homeLayout(home).vault;
    if (committed && !(await hasFiles(vault))) {
      await finishRestore(vault, dir);
      out.finished.push(dir);
    } else {
      await rm(dir, { recursive: true, force: true });
      out.removed.push(dir);
    }
  }
  return out;
}

const STARTED_AT_MS = Date.now() - process.uptime() * 1000;

/**
 * Removes what killed processes left in this home: upload/export/backup temp directories whose
 * owner is gone (or, for names without a pid from older versions, that are older than this
 * process), restore staging directories of dead restores, and vault temp parts. Run at startup by
 * every command that opens a home and by `serve`. Never touches a live process's files.
 */
export async function sweepStaleTemp(home: string): Promise<SweepReport> {
  const tempDirs: string[] = [];
  const tmpRoot = join(home, 'tmp');
  let names: string[] = [];
  try {
    names = await readdir(tmpRoot);
  } catch {
    // no tmp directory: nothing to sweep
  }
  for (const n of names) {
    const m = /^(?:upload|export|backup)-(?:(\d+)-)?[A-Za-z0-9]+$/.exec(n);
    if (m === null) continue;
    const path = join(tmpRoot, n);
    if (m[1] !== undefined) {
      const pid = Number(m[1]);
      if (pid === process.pid || isAlive(pid)) continue;
    } else {
      const s = await stat(path).catch(() => null);
      if (s === null || s.mtimeMs >= STARTED_AT_MS) continue;
    }
    await rm(path, { recursive: true, force: true });
    tempDirs.push(path);
  }
  const restores = await sweepStaleRestores(home);
  const vaultParts = await createVaultStore(home).sweepTemp();
  return {
    tempDirs,
    restoresRemoved: restores.removed,
    restoresFinished: restores.finished,
    vaultParts,
  };
}

/** One line for the user when something was cleaned up, else null. */
export function describeSweep(r: SweepReport): { zh: string; en: string } | null {
  const zh: string[] = [];
  const en: string[] = [];
  if (r.tempDirs.length > 0) {
    zh.push(`${r.tempDirs.length} 个中断的上传/导出临时目录`);
    en.push(`${r.tempDirs.length} temp dir(s) of interrupted uploads/exports`);
  }
  if (r.restoresRemoved.length > 0) {
    zh.push(`${r.restoresRemoved.length} 个中断的恢复目录（可重新运行 restore）`);
    en.push(`${r.restoresRemoved.length} interrupted restore dir(s) (run restore again)`);
  }
  if (r.vaultParts > 0) {
    zh.push(`${r.vaultParts} 个证据库临时文件`);
    en.push(`${r.vaultParts} vault temp file(s)`);
  }
  const done =
    r.restoresFinished.length > 0
      ? {
          zh: `上次恢复在最后一步被中断，已完成：证据文件已放回 vault。`,
          en: 'The last restore was interrupted at its final step and has been finished: the evidence files are in place.',
        }
      : null;
  if (zh.length === 0) return done;
  const line = {
    zh: `已清理上次中断留下的文件：${zh.join('、')}。`,
    en: `Cleaned up after an interrupted run: ${en.join(', ')}.`,
  };
  return done === null ? line : { zh: `${line.zh}${done.zh}`, en: `${line.en} ${done.en}` };
}
