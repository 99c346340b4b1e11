import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import { undoRemoval } from '../../app/undo.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';

type Opts = StoreOptions & { case?: string };

const KIND_ZH: Record<string, string> = {
  debt: '债务',
  contact: '联系记录',
  agreement: '协议',
  payment: '还款记录',
  escalation: '投诉/升级记录',
};

/** `xieshang undo <undoId>`: brings back what a `remove` printed the undo id of. */
export function registerUndo(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('undo <undoId>')
      .description('撤销一次删除（删除时会显示撤销编号） (undo a removal)')
      .option('--case <id>', 'case id (default: the only case)'),
  ).action(
    action(ctx, setExit, async (undoId: string, o: Opts) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const r = await undoRemoval(deps, c.id, undoId);
        if (ctx.json) return printJson(ctx, { ok: true, ...r });
        ctx.io.stdout(
          say(ctx, `已恢复${KIND_ZH[r.kind] ?? r.kind} ${r.id}\n`, `Restored ${r.kind} ${r.id}\n`),
        );
      }),
    ),
  );
}
