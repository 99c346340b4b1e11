// What `debt show`, `debt list` and `debt import` print (the --json shapes come from app/present.ts).
import type { DebtDetails, DebtListItem } from '../../app/debts.js';
import type { ImportResult } from '../../app/import-debts.js';
import { formatMoney } from '../../core/money/index.js';
import { say, type CliContext } from '../io.js';
import { formatTable } from '../table.js';
import { LENDER_TYPE_ZH } from './lender.js';

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

/** The debt's fields, one "label: value" line each; empty fields are left out. */
function formatDebtFields(ctx: CliContext, d: DebtDetails): string {
  const x = d.debt;
  const line = (zh: string, en: string, v: string | null) =>
    v === null || v === '' ? '' : `${say(ctx, zh, en)}: ${v}\n`;
  return [
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
  ].join('');
}

/** `debt show`: the fields, then the fees and the payments as tables when there are any. */
export function formatDebtDetails(ctx: CliContext, d: DebtDetails): string {
  let text = formatDebtFields(ctx, d);
  if (d.fees.length > 0)
    text +=
      `\n${say(ctx, '费用', 'Fees')}\n` +
      formatTable(
        say(ctx, '类型|收取方式|金额|日期', 'Kind|Timing|Amount|Date').split('|'),
        d.fees.map((f) => [f.kind, f.timing, formatMoney(f.amount), f.chargedOn ?? '']),
        ['left', 'left', 'right', 'left'],
      );
  if (d.payments.length > 0)
    text +=
      `\n${say(ctx, '已还款', 'Payments')}\n` +
      formatTable(
        say(ctx, '日期|金额|备注', 'Date|Amount|Note').split('|'),
        d.payments.map((p) => [p.paidOn, formatMoney(p.amount), p.note ?? '']),
        ['left', 'right', 'left'],
      );
  return text;
}

/** `debt list`: one row a debt, or how to add the first one. */
export function formatDebtList(ctx: CliContext, items: readonly DebtListItem[]): string {
  if (items.length === 0)
    return say(
      ctx,
      '还没有债务。用 xieshang debt add 或 xieshang debt import 文件 添加。\n',
      'No debts yet. Use xieshang debt add, or xieshang debt import FILE.\n',
    );
  return formatTable(
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
  );
}

/** `debt import`: the counts, then each skipped row with its place and reason. */
export function formatImportResult(ctx: CliContext, result: ImportResult): string {
  let text = say(
    ctx,
    `已导入 ${result.debts} 笔债务、${result.fees} 条费用、${result.payments} 条还款（新建出借方 ${result.lendersCreated} 个）。\n`,
    `Imported ${result.debts} debts, ${result.fees} fees, ${result.payments} payments (${result.lendersCreated} new lenders).\n`,
  );
  if (result.rejected.length > 0) {
    text += say(
      ctx,
      `跳过 ${result.rejected.length} 行：\n`,
      `Skipped ${result.rejected.length} rows:\n`,
    );
    for (const r of result.rejected)
      text += `  ${r.file}:${r.line} [${r.column}] ${ctx.lang === 'en' ? r.message : r.messageZh}\n`;
  }
  return text;
}
