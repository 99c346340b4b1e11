// The debt fields as flags (`debt add`, `debt edit`) and how they become the app's raw input.
import type { Command } from 'commander';
import type { RawInput } from '../../app/debt-input.js';
import { AppError } from '../../app/errors.js';
import { readJsonInput, type CliContext } from '../io.js';

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

export function addDebtFlags(cmd: Command): Command {
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

export async function rawFromFlags(ctx: CliContext, o: Record<string, unknown>): Promise<RawInput> {
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

/** One input file: the positional `[file]` (as in `--json FILE`) or `--input FILE`, not two different ones. */
export function takeFileArgument(file: string | undefined, o: Record<string, unknown>): void {
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
