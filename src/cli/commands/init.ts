import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import { ensureHomeLayout } from '../../app/home.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';

/** `xieshang init`: creates the data directory (database + vault/) and the case. */
export function registerInit(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program.command('init').description('创建数据目录与数据库 (create the data directory)'),
  ).action(
    action(ctx, setExit, async (o: StoreOptions) =>
      withDeps(ctx, o, async (deps, opened) => {
        const layout = await ensureHomeLayout(deps);
        const c = await resolveCase(deps);
        if (ctx.json) {
          printJson(ctx, {
            home: deps.home,
            database: opened.database,
            vault: layout.vault,
            caseId: c.id,
          });
          return;
        }
        ctx.io.stdout(
          say(
            ctx,
            `已就绪。数据目录：${deps.home}\n数据库：${opened.database.location}\n证据库：${layout.vault}\n下一步：xieshang lender add 或 xieshang debt import 文件.csv\n`,
            `Ready. Data directory: ${deps.home}\nDatabase: ${opened.database.location}\nVault: ${layout.vault}\nNext: xieshang lender add, or xieshang debt import FILE.csv\n`,
          ),
        );
      }),
    ),
  );
}
