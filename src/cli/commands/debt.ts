import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import { addDebt, editDebt, listDebts, removeDebt, showDebt } from '../../app/debts.js';
import { AppError } from '../../app/errors.js';
import { importDebtsFromFile } from '../../app/import-debts.js';
import { debtDetailsJson, debtJson, lenderJson } from '../../app/present.js';
import { formatMoney } from '../../core/money/index.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { addDebtFlags, rawFromFlags, takeFileArgument } from './debt-flags.js';
import { formatDebtDetails, formatDebtList, formatImportResult } from './debt-format.js';
import { createImportProgress } from './import-progress.js';

type Opts = StoreOptions & { case?: string };
type SetExit = (code: number) => void;

/** `xieshang debt add|list|show|edit|remove|import`. */
export function registerDebt(program: Command, ctx: CliContext, setExit: SetExit): void {
  const cmd = program.command('debt').description('债务清单 (debt inventory)');
  registerDebtAdd(cmd, ctx, setExit);
  registerDebtList(cmd, ctx, setExit);
  registerDebtShow(cmd, ctx, setExit);
  registerDebtEdit(cmd, ctx, setExit);
  registerDebtRemove(cmd, ctx, setExit);
  registerDebtImport(cmd, ctx, setExit);
}

function registerDebtAdd(cmd: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    addDebtFlags(
      cmd
        .command('add')
        .description('添加一笔债务 (add a debt)')
        // `debt add --json FILE` (the spelling): --json is the global output flag, so FILE
        // arrives as this positional; --input FILE does the same without switching output
        .argument('[file]', 'debt JSON file, or - for stdin (same as --input)'),
    ),
  ).action(
    action(ctx, setExit, async (file: string | undefined, o: Opts & Record<string, unknown>) => {
      takeFileArgument(file, o);
      const raw = await rawFromFlags(ctx, o);
      return withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const d = await addDebt(deps, c.id, raw);
        if (ctx.json) return printJson(ctx, debtDetailsJson(d));
        ctx.io.stdout(
          say(
            ctx,
            `已添加债务 ${d.debt.contractNumber ?? d.debt.id}（${d.lender.name}，${formatMoney(d.debt.principal)}）\n`,
            `Added debt ${d.debt.contractNumber ?? d.debt.id} (${d.lender.name}, ${formatMoney(d.debt.principal)})\n`,
          ),
        );
      });
    }),
  );
}

function registerDebtList(cmd: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    cmd
      .command('list')
      .description('列出债务 (list debts)')
      .option('--case <id>')
      .option('--lender <name>', 'only this lender'),
  ).action(
    action(ctx, setExit, async (o: Opts & { lender?: string }) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const items = await listDebts(
          deps,
          c.id,
          o.lender === undefined ? {} : { lender: o.lender },
        );
        if (ctx.json)
          return printJson(
            ctx,
            items.map((i) => ({ ...debtJson(i.debt), lender: lenderJson(i.lender) })),
          );
        ctx.io.stdout(formatDebtList(ctx, items));
      }),
    ),
  );
}

function registerDebtShow(cmd: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    cmd.command('show <debt>').description('查看一笔债务（编号或合同编号）').option('--case <id>'),
  ).action(
    action(ctx, setExit, async (ref: string, o: Opts) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const d = await showDebt(deps, c.id, ref);
        if (ctx.json) return printJson(ctx, debtDetailsJson(d));
        ctx.io.stdout(formatDebtDetails(ctx, d));
      }),
    ),
  );
}

function registerDebtEdit(cmd: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    addDebtFlags(
      cmd
        .command('edit <debt>')
        .description('修改债务字段；空字符串清空该字段；--fee/--payment 替换原列表')
        .argument('[file]', 'JSON file with the fields to change, or - (same as --input)'),
    ),
  ).action(
    action(
      ctx,
      setExit,
      async (ref: string, file: string | undefined, o: Opts & Record<string, unknown>) => {
        takeFileArgument(file, o);
        const raw = await rawFromFlags(ctx, o);
        if (Object.keys(raw).length === 0)
          throw new AppError(
            'invalid-input',
            'nothing to change: give at least one field flag or --input',
            { field: 'debt', messageZh: '没有要修改的内容：请至少给出一个字段或 --input' },
          );
        return withDeps(ctx, o, async (deps) => {
          const c = await resolveCase(deps, o.case);
          const d = await editDebt(deps, c.id, ref, raw);
          if (ctx.json) return printJson(ctx, debtDetailsJson(d));
          ctx.io.stdout(
            say(
              ctx,
              `已更新债务 ${d.debt.contractNumber ?? d.debt.id}\n`,
              `Updated debt ${d.debt.contractNumber ?? d.debt.id}\n`,
            ),
          );
        });
      },
    ),
  );
}

function registerDebtRemove(cmd: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    cmd
      .command('remove <debt>')
      .description('删除一笔债务及其费用和还款记录')
      .option('--case <id>'),
  ).action(
    action(ctx, setExit, async (ref: string, o: Opts) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const { debt: d, undoId } = await removeDebt(deps, c.id, ref);
        if (ctx.json) return printJson(ctx, { removed: debtJson(d), undoId });
        ctx.io.stdout(
          say(
            ctx,
            `已删除债务 ${d.contractNumber ?? d.id}（撤销：xieshang undo ${undoId}）\n`,
            `Removed debt ${d.contractNumber ?? d.id} (to undo: xieshang undo ${undoId})\n`,
          ),
        );
      }),
    ),
  );
}

type ImportOpts = Opts & { payments?: string; skipInvalid: boolean; encoding?: string };

function registerDebtImport(cmd: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    cmd
      .command('import <file>')
      .description('从 CSV 或 XLSX 导入债务（中文表头，见 docs/import.md）')
      .option('--case <id>')
      .option('--payments <file>', '费用与还款明细（第二个 CSV；XLSX 用第二个工作表）')
      .option('--skip-invalid', '跳过有问题的行，导入其余行（默认：全部成功才导入）', false)
      .option('--encoding <enc>', 'utf8 | gbk（默认自动识别）'),
  ).action(
    action(ctx, setExit, async (file: string, o: ImportOpts) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const progress = createImportProgress(ctx);
        let result;
        try {
          result = await importDebtsFromFile(deps, c.id, {
            file,
            cwd: ctx.io.cwd,
            ...(o.payments === undefined ? {} : { paymentsFile: o.payments }),
            skipInvalid: o.skipInvalid,
            ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
            onProgress: progress.update,
          });
        } finally {
          progress.stop();
        }
        if (ctx.json) return printJson(ctx, { ...result, rejected: result.rejected });
        ctx.io.stdout(formatImportResult(ctx, result));
      }),
    ),
  );
}
