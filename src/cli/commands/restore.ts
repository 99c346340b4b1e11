import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { restoreBackup, verifyBackup } from '../../app/backup.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';

/** `xieshang restore FILE`: verifies every hash first, then restores into an empty home/database. */
export function registerRestore(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('restore <file>')
      .description('从备份 zip 恢复到空的数据目录或数据库（先校验全部哈希）(restore a backup)'),
  ).action(
    action(ctx, setExit, async (file: string, o: StoreOptions) => {
      // Verify before opening (or creating) anything at the target.
      const verified = await verifyBackup(isAbsolute(file) ? file : resolve(ctx.io.cwd, file));
      return withDeps(ctx, o, async (deps, opened) => {
        const r = await restoreBackup(deps, verified);
        const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
        if (ctx.json)
          return printJson(ctx, {
            home: deps.home,
            database: opened.database,
            rows,
            tables: r.tables,
            vaultFiles: r.files,
          });
        ctx.io.stdout(
          say(
            ctx,
            `已校验并恢复：${rows} 行数据、${r.files} 个证据文件，恢复到 ${opened.database.location}。\n`,
            `Verified and restored ${rows} rows and ${r.files} vault files into ${opened.database.location}.\n`,
          ),
        );
      });
    }),
  );
}
