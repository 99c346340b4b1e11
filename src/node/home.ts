// The data directory's permissions on this machine (POSIX modes, umask): composition roots only.
import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Directories and files the product writes: the owner only (a hardship story is in there). */
export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Everything this process creates from now on — home, vault objects, the SQLite file and its
 * WAL/SHM (SQLite gives those the database file's mode), backups, exports, logs — is private to
 * its owner whatever umask the user has. Called by the composition roots (cli/deps.ts).
 */
export function usePrivateUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    /* worker threads may not set it; explicit modes below still apply */
  }
}

/**
 * Tightens a home made by an earlier version (or loosened since): the home and every directory
 * under it to 0700, every file to its owner's bits only (0600, or 0400 for read-only vault
 * objects), and the SQLite files (which may live elsewhere) to 0600.
 * Returns the paths it changed, for a notice. Symlinks are left alone.
 */
export async function tightenHome(home: string, sqliteFile?: string): Promise<string[]> {
  const changed: string[] = [];
  const fix = async (path: string, mode: number): Promise<boolean> => {
    let st;
    try {
      st = await lstat(path);
    } catch {
      return false;
    }
    if (st.isSymbolicLink() || (st.mode & 0o077) === 0) return st.isDirectory();
    // drop group/other; keep the owner's own bits on files (vault objects are read-only, 0400)
    await chmod(path, mode === PRIVATE_DIR ? PRIVATE_DIR : st.mode & 0o700 || PRIVATE_FILE);
    changed.push(path);
    return st.isDirectory();
  };
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        await fix(p, PRIVATE_DIR);
        await walk(p);
      } else if (e.isFile()) await fix(p, PRIVATE_FILE);
    }
  };
  const before = changed.length;
  await fix(home, PRIVATE_DIR);
  // a private home shuts everyone else out of all below it; walk only when it was open
  if (changed.length > before) await walk(home);
  if (sqliteFile !== undefined)
    for (const f of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`, `${sqliteFile}-journal`])
      if (!changed.includes(f)) await fix(f, PRIVATE_FILE);
  return changed;
}
