import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import type { RawInput } from '../../app/debt-input.js';
import {
  addDebt,
  editDebt,
  listDebts,
  removeDebt,
  showDebt,
  type DebtDetails,
} from '../../app/debts.js';
import { AppError } from '../../app/errors.js';
import { importDebtsFromFile } from '../../app/import-debts.js';
import { debtDetailsJson, debtJson, lenderJson } from '../../app/present.js';
import { formatMoney } from '../../core/money/index.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';
import { createImportProgress } from './import-progress.js';
import { LENDER_TYPE_ZH } from './lender.js';

type Opts = StoreOptions & { case?: string };

const collect = (v: string, prev: string[]) => [...prev, v];

/** flag (commander camelCase) → input key */
const FLAG_KEYS: [string, string][] = [
  ['lender', 'lender'],
  ['lenderType', 'lenderType'],
  ['lenderBrand', 'lenderBrand'],
  ['kind', 'kind'],
  ['contractNumber', 'contractNumber'],
  ['contractDate', 'contractDate'],
  ['principal', 'principal'],
  ['received', 'received'],
  ['currency', 'currency'],
  ['rate', 'rate'],
  ['method', 'scheduleMethod'],
  ['term', 'termMonths'],
  ['firstDue', 'firstDueDate'],
  ['installment', 'installment'],
  ['penaltyRate', 'penaltyRate'],
  ['penaltyTerms', 'penaltyTerms'],
  ['liquidatedDamages', 'liquidatedDamages'],
  ['creditReported', 'creditReported'],
  ['status', 'status'],
  ['balance', 'balance'],
  ['balanceDate', 'balanceDate'],
  ['overdue', 'overdue'],
  ['overdueSince', 'overdueSince'],
  ['collector', 'collector'],
  ['notes', 'notes'],
  ['statementDay', 'statementDay'],
  ['minimumPayment', 'minimumPayment'],
  ['cardInstallmentFee', 'cardInstallmentFee'],
  ['lenderOfRecord', 'lenderOfRecord'],
  ['guarantor', 'guarantor'],
];

function addDebtFlags(cmd: Command): Command {
  return cmd
    .option('--case <id>', 'case id (default: the only case)')
    .option('--lender <name>', '出借方名称、品牌或编号 (lender name, brand or id)')
    .option('--lender-type <type>', '出借方不存在时按此类型新建 (create the lender with this type)')
    .option('--lender-brand <brand>', '新建出借方的品牌/App')
    .option('--kind <kind>', 'loan|credit-card（贷款/信用卡）')
    .option('--contract-number <no>', '合同编号')
    .option('--contract-date <date>', '合同日期 2024-01-05 / 2024/1/5 / 2024年1月5日')
    .option('--principal <yuan>', '合同金额，如 10000 或 1万')
    .option('--received <yuan>', '实际到账金额')
    .option('--currency <code>', 'CNY')
    .option('--rate <rate>', '合同利率原文，如 "日息万五"、"年化18%"、"月费率0.6%"')
    .option(
      '--method <method>',
      '还款方式：等额本息/等额本金/先息后本/一次性还本付息/等本等息/停息挂账/按日计息',
    )
    .option('--term <months>', '期数（月）')
    .option('--first-due <date>', '首期还款日')
    .option('--installment <yuan>', '每期应还')
    .option('--penalty-rate <rate>', '罚息利率，如 "日息万七点五"')
    .option('--penalty-terms <text>', '罚息/违约条款原文')
    .option('--liquidated-damages <yuan>', '违约金')
    .option('--credit-reported <yes|no>', '是否上征信（是/否）')
    .option(
      '--status <status>',
      'current|overdue|settled|written-off|disputed（正常/逾期/结清/核销/争议）',
    )
    .option('--balance <yuan>', '机构给出的当前欠款')
    .option('--balance-date <date>', '该欠款金额的日期')
    .option('--overdue <yuan>', '逾期金额')
    .option('--overdue-since <date>', '逾期开始日')
    .option('--collector <text>', '催收方/负责人')
    .option('--notes <text>', '备注')
    .option('--statement-day <day>', '信用卡账单日（1–31）')
    .option('--minimum-payment <yuan>', '信用卡最低还款额')
    .option('--card-installment-fee <rate>', '信用卡分期手续费率（每期），如 0.6%')
    .option('--lender-of-record <name>', '助贷：合同上的资金方（放款银行或消费金融公司）')
    .option('--guarantor <name>', '助贷：担保方/增信方')
    .option(
      '--fee <kind:amount:date[:timing]>',
      '费用，可重复，如 担保费:300:2024-01-05:前置（前置/放款时扣除：到手金额减少；每期：随每期还款；一次性：在所填日期）',
      collect,
      [],
    )
    .option('--payment <date:amount>', '已还款，可重复，如 2024-02-05:920', collect, [])
    .option('--input <file>', '以 JSON 文件提供以上字段（camelCase），- 为标准输入');
}

function splitSpec(spec: string, flag: string, n: number): string[] {
  const parts = spec.split(/[:：]/);
  if (parts.length < n)
    throw new AppError(
      'invalid-input',
      `--${flag} "${spec}": expected ${flag === 'fee' ? 'kind:amount:date[:timing]' : 'date:amount'}`,
      {
        field: flag,
        messageZh: `--${flag}“${spec}”格式应为 ${flag === 'fee' ? '类型:金额:日期[:收取方式]' : '日期:金额'}`,
      },
    );
  return parts;
}

async function rawFromFlags(ctx: CliContext, o: Record<string, unknown>): Promise<RawInput> {
  if (typeof o['input'] === 'string') {
    const v = await readJsonInput(o['input'], ctx.io);
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new AppError('invalid-input', 'input: expected a JSON object with debt fields', {
        field: 'input',
        messageZh: 'input：应为包含债务字段的 JSON 对象',
      });
    return v as RawInput;
  }
  const raw: RawInput = {};
  for (const [flag, key] of FLAG_KEYS) if (o[flag] !== undefined) raw[key] = o[flag];
  const fees = (o['fee'] as string[] | undefined) ?? [];
  if (fees.length > 0)
    raw['fees'] = fees.map((f) => {
      const [kind, amount, date, timing] = splitSpec(f, 'fee', 3);
      return { kind, amount, date, ...(timing === undefined ? { timing: 'once' } : { timing }) };
    });
  const pays = (o['payment'] as string[] | undefined) ?? [];
  if (pays.length > 0)
    raw['payments'] = pays.map((p) => {
      // the date may itself contain ':'-free forms only; amounts may carry commas
      const parts = splitSpec(p, 'payment', 2);
      return { date: parts[0], amount: parts.slice(1).join('') };
    });
  return raw;
}

function statusZh(s: string): string {
  return (
    (
      {
        current: '正常',
        overdue: '逾期',
        settled: '已结清',
        'written-off': '已核销',
        disputed: '有争议',
      } as Record<string, string>
    )[s] ?? s
  );
}

function printDetails(ctx: CliContext, d: DebtDetails): void {
  const x = d.debt;
  const line = (zh: string, en: string, v: string | null) =>
    v === null || v === '' ? '' : `${say(ctx, zh, en)}: ${v}\n`;
  ctx.io.stdout(
    [
      line('编号', 'Id', x.id),
      line(
        '出借方',
        'Lender',
        `${d.lender.name}${d.lender.brand ? `（${d.lender.brand}）` : ''} · ${ctx.lang === 'en' ? d.lender.lenderType : LENDER_TYPE_ZH[d.lender.lenderType]}`,
      ),
      line('合同编号', 'Contract no.', x.contractNumber),
      line('合同日期', 'Contract date', x.contractOn),
      line('合同金额', 'Principal', formatMoney(x.principal)),
      line('实际到账', 'Received', x.received === null ? null : formatMoney(x.received)),
      line('利率（原文）', 'Quoted rate', x.quotedRateText),
      line('还款方式', 'Method', x.scheduleMethod),
      line('期数', 'Term (months)', x.termMonths === null ? null : String(x.termMonths)),
      line('每期应还', 'Installment', x.installment === null ? null : formatMoney(x.installment)),
      line('账单日', 'Statement day', x.statementDay === null ? null : String(x.statementDay)),
      line(
        '最低还款',
        'Minimum payment',
        x.minimumPayment === null ? null : formatMoney(x.minimumPayment),
      ),
      line(
        '分期手续费（每期）',
        'Installment fee (per month)',
        x.cardInstallmentFeePpm === null ? null : `${x.cardInstallmentFeePpm / 10_000}%`,
      ),
      line('状态', 'Status', ctx.lang === 'en' ? x.status : statusZh(x.status)),
      line(
        '当前欠款',
        'Balance',
        x.balance === null
          ? say(ctx, '未填', 'not given')
          : `${formatMoney(x.balance)}${x.balanceOn ? ` (${x.balanceOn})` : ''}`,
      ),
      line('逾期金额', 'Overdue', x.overdue > 0 ? formatMoney(x.overdue) : null),
      line('逾期开始', 'Overdue since', x.overdueSinceOn),
      line(
        '上征信',
        'Credit-reported',
        x.isCreditReported ? say(ctx, '是', 'yes') : say(ctx, '否', 'no'),
      ),
      line('罚息/违约条款', 'Penalty terms', x.penaltyTerms),
      line(
        '违约金',
        'Liquidated damages',
        x.liquidatedDamages === null ? null : formatMoney(x.liquidatedDamages),
      ),
      line('催收', 'Collector', x.collector),
      line('资金方', 'Lender of record', x.lenderOfRecord ?? null),
      line('担保方', 'Guarantor', x.guarantor ?? null),
      line('备注', 'Notes', x.notes),
    ].join(''),
  );
  if (d.fees.length > 0)
    ctx.io.stdout(
      `\n${say(ctx, '费用', 'Fees')}\n` +
        formatTable(
          say(ctx, '类型|收取方式|金额|日期', 'Kind|Timing|Amount|Date').split('|'),
          d.fees.map((f) => [f.kind, f.timing, formatMoney(f.amount), f.chargedOn ?? '']),
          ['left', 'left', 'right', 'left'],
        ),
    );
  if (d.payments.length > 0)
    ctx.io.stdout(
      `\n${say(ctx, '已还款', 'Payments')}\n` +
        formatTable(
          say(ctx, '日期|金额|备注', 'Date|Amount|Note').split('|'),
          d.payments.map((p) => [p.paidOn, formatMoney(p.amount), p.note ?? '']),
          ['left', 'right', 'left'],
        ),
    );
}

/** `xieshang debt add|list|show|edit|remove|import`. */
export function registerDebt(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const cmd = program.command('debt').description('债务清单 (debt inventory)');

  addStoreOptions(
    addDebtFlags(
      cmd
        .command('add')
        .description('添加一笔债务 (add a debt)')
        // `debt add --json FILE` (the issue's spelling): --json is the global output flag, so FILE
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
        if (items.length === 0) {
          ctx.io.stdout(
            say(
              ctx,
              '还没有债务。用 xieshang debt add 或 xieshang debt import 文件 添加。\n',
              'No debts yet. Use xieshang debt add, or xieshang debt import FILE.\n',
            ),
          );
          return;
        }
        ctx.io.stdout(
          formatTable(
            say(
              ctx,
              '出借方|合同编号|合同日期|合同金额|当前欠款|逾期|状态|编号',
              'Lender|Contract|Date|Principal|Balance|Overdue|Status|Id',
            ).split('|'),
            items.map(({ debt: d, lender: l }) => [
              l.brand ?? l.name,
              d.contractNumber ?? '',
              d.contractOn ?? '',
              formatMoney(d.principal),
              d.balance === null ? say(ctx, '未填', 'not given') : formatMoney(d.balance),
              d.overdue > 0 ? formatMoney(d.overdue) : '',
              ctx.lang === 'en' ? d.status : statusZh(d.status),
              d.id,
            ]),
            ['left', 'left', 'left', 'right', 'right', 'right', 'left', 'left'],
          ),
        );
      }),
    ),
  );

  addStoreOptions(
    cmd.command('show <debt>').description('查看一笔债务（编号或合同编号）').option('--case <id>'),
  ).action(
    action(ctx, setExit, async (ref: string, o: Opts) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const d = await showDebt(deps, c.id, ref);
        if (ctx.json) return printJson(ctx, debtDetailsJson(d));
        printDetails(ctx, d);
      }),
    ),
  );

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

  addStoreOptions(
    cmd
      .command('import <file>')
      .description('从 CSV 或 XLSX 导入债务（中文表头，见 docs/import.md）')
      .option('--case <id>')
      .option('--payments <file>', '费用与还款明细（第二个 CSV；XLSX 用第二个工作表）')
      .option('--skip-invalid', '跳过有问题的行，导入其余行（默认：全部成功才导入）', false)
      .option('--encoding <enc>', 'utf8 | gbk（默认自动识别）'),
  ).action(
    action(
      ctx,
      setExit,
      async (
        file: string,
        o: Opts & { payments?: string; skipInvalid: boolean; encoding?: string },
      ) =>
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
          ctx.io.stdout(
            say(
              ctx,
              `已导入 ${result.debts} 笔债务、${result.fees} 条费用、${result.payments} 条还款（新建出借方 ${result.lendersCreated} 个）。\n`,
              `Imported ${result.debts} debts, ${result.fees} fees, ${result.payments} payments (${result.lendersCreated} new lenders).\n`,
            ),
          );
          if (result.rejected.length > 0) {
            ctx.io.stdout(
              say(
                ctx,
                `跳过 ${result.rejected.length} 行：\n`,
                `Skipped ${result.rejected.length} rows:\n`,
              ),
            );
            for (const r of result.rejected)
              ctx.io.stdout(
                `  ${r.file}:${r.line} [${r.column}] ${ctx.lang === 'en' ? r.message : r.messageZh}\n`,
              );
          }
        }),
    ),
  );
}

/** One input file: the positional `[file]` (as in `--json FILE`) or `--input FILE`, not two different ones. */
function takeFileArgument(file: string | undefined, o: Record<string, unknown>): void {
  if (file === undefined) return;
  if (o['input'] !== undefined && o['input'] !== file)
    throw new AppError(
      'invalid-input',
      `two input files given: ${file} and ${String(o['input'])}`,
      {
        field: 'input',
        messageZh: `给出了两个输入文件：${file} 和 ${String(o['input'])}`,
      },
    );
  o['input'] = file;
}
