import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { createBackup } from '../../app/backup.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';

/** `xieshang backup FILE`: database dump + vault + manifest of SHA-256 hashes, in one zip. */
export function registerBackup(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('backup <file>')
      .description('备份整个数据目录（数据库与证据库）到一个 zip 文件 (back up to a zip)'),
  ).action(
    action(ctx, setExit, async (file: string, o: StoreOptions) =>
      withDeps(ctx, o, async (deps) => {
        const out = isAbsolute(file) ? file : resolve(ctx.io.cwd, file);
        const m = await createBackup(deps, out);
        const rows = m.entries.reduce((n, e) => n + (e.rows ?? 0), 0);
        const files = m.entries.filter((e) => e.path.startsWith('vault/')).length;
        if (ctx.json)
          return printJson(ctx, {
            file: out,
            schemaVersion: m.schemaVersion,
            rows,
            vaultFiles: files,
            entries: m.entries.length,
          });
        ctx.io.stdout(
          say(
            ctx,
            `已备份到 ${out}：${rows} 行数据、${files} 个证据文件（数据库版本 ${m.schemaVersion ?? '空'}）。每个文件的 SHA-256 记录在 manifest.json 中。\n`,
            `Backed up to ${out}: ${rows} rows, ${files} vault files (schema ${m.schemaVersion ?? 'empty'}). Every entry's SHA-256 is in manifest.json.\n`,
          ),
        );
      }),
    ),
  );
}
