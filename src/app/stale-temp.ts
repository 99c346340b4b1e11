// What a sweep of a home reports and how it is said; the last step of a restore. The sweep itself
// (pids, the file system) is the Node adapter's: node/stale-temp.ts.
import type { FileStore } from './ports.js';

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

/** Marker inside the staging directory: the database part committed, only the vault move is left. */
export const RESTORE_COMMITTED = '.committed';

/** The last step of a restore: the staged vault replaces the (empty) vault. */
export async function finishRestore(
  files: FileStore,
  vault: string,
  staging: string,
): Promise<void> {
  await files.remove(files.join(staging, RESTORE_COMMITTED));
  await files.remove(vault);
  await files.rename(staging, vault);
  await files.mkdir(vault);
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
