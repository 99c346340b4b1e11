// Removes what killed processes left in a home (app/stale-temp.ts says what it found). Temp
// directories under <home>/tmp are named `<kind>-<pid>-<random>` (node/temp.ts), so a dead
// owner's litter can be told from a live process's work.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { homeLayout } from '../app/home.js';
import { RESTORE_COMMITTED, finishRestore, type SweepReport } from '../app/stale-temp.js';
import { createVaultStore } from '../vault/store.js';
import { nodeFiles } from './files.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
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
    const vault = homeLayout({ join }, home).vault;
    if (committed && !(await hasFiles(vault))) {
      await finishRestore(nodeFiles(), vault, dir);
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
