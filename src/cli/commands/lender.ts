import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import { addLender, listLenders, type LenderInput } from '../../app/lenders.js';
import type { Lender } from '../../app/types.js';
import { lenderJson } from '../../app/present.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';

type Opts = StoreOptions & { case?: string };

export const LENDER_TYPE_ZH: Record<string, string> = {
  bank: '银行',
  'consumer-finance': '消费金融公司',
  'small-loan': '小额贷款公司',
  'guarantee-platform': '助贷/担保平台',
  private: '个人（民间借贷）',
  unknown: '未知',
};

const collect = (v: string, prev: string[]) => [...prev, v];

type SetExit = (code: number) => void;

/** `xieshang lender add|list`. */
export function registerLender(program: Command, ctx: CliContext, setExit: SetExit): void {
  const cmd = program.command('lender').description('出借机构 (lenders)');
  registerLenderAdd(cmd, ctx, setExit);
  registerLenderList(cmd, ctx, setExit);
}

type AddOpts = Opts & {
  brand?: string;
  type?: string;
  phone: string[];
  notes?: string;
  input?: string;
};

/** The lender from the --input JSON, or from NAME and the flags. */
async function lenderInputFrom(
  ctx: CliContext,
  name: string | undefined,
  o: AddOpts,
): Promise<LenderInput> {
  const input: LenderInput =
    o.input !== undefined
      ? ((await readJsonInput(o.input, ctx.io)) as LenderInput)
      : {
          name,
          brand: o.brand,
          lenderType: o.type,
          channels: o.phone.map((value) => ({ kind: 'phone', value })),
          notes: o.notes,
        };
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new AppError('invalid-input', 'input: expected a JSON object', {
      field: 'input',
      messageZh: 'input：应为 JSON 对象',
    });
  return input;
}

function registerLenderAdd(cmd: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    cmd
      .command('add [name]')
      .description('添加出借方：法定名称、品牌/App、机构类型 (add a lender)')
      .option('--case <id>', 'case id (default: the only case)')
      .option('--brand <brand>', '品牌或 App，如 借呗')
      .option(
        '--type <type>',
        'bank|consumer-finance|small-loan|guarantee-platform|private|unknown（或 银行/消费金融/小贷/助贷/个人）',
      )
      .option('--phone <number>', '客服电话 (repeatable)', collect, [])
      .option('--notes <text>')
      .option(
        '--input <file>',
        'JSON { name, brand, lenderType, channels: [{kind,value}], notes } or - for stdin',
      ),
  ).action(
    action(ctx, setExit, async (name: string | undefined, o: AddOpts) => {
      const input = await lenderInputFrom(ctx, name, o);
      return withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const l = await addLender(deps, c.id, input);
        if (ctx.json) return printJson(ctx, lenderJson(l));
        ctx.io.stdout(
          say(
            ctx,
            `已添加出借方：${l.name}（${LENDER_TYPE_ZH[l.lenderType]}），编号 ${l.id}\n`,
            `Added lender ${l.name} (${l.lenderType}), id ${l.id}\n`,
          ),
        );
      });
    }),
  );
}

/** `lender list`: one row a lender, or how to add the first one. */
function formatLenderList(ctx: CliContext, lenders: readonly Lender[]): string {
  if (lenders.length === 0)
    return say(
      ctx,
      '还没有出借方。用 xieshang lender add 名称 --type 类型 添加。\n',
      'No lenders yet. Add one with: xieshang lender add NAME --type TYPE\n',
    );
  return formatTable(
    say(ctx, '名称|品牌|类型|联系方式|编号', 'Name|Brand|Type|Contact|Id').split('|'),
    lenders.map((l) => [
      l.name,
      l.brand ?? '',
      ctx.lang === 'en' ? l.lenderType : (LENDER_TYPE_ZH[l.lenderType] ?? l.lenderType),
      l.channels.map((ch) => ch.value).join(', '),
      l.id,
    ]),
  );
}

function registerLenderList(cmd: Command, ctx: CliContext, setExit: SetExit): void {
  addStoreOptions(
    cmd.command('list').description('列出出借方 (list lenders)').option('--case <id>'),
  ).action(
    action(ctx, setExit, async (o: Opts) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const lenders = await listLenders(deps, c.id);
        if (ctx.json) return printJson(ctx, lenders.map(lenderJson));
        ctx.io.stdout(formatLenderList(ctx, lenders));
      }),
    ),
  );
}
