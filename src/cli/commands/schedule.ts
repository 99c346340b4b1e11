import type { Command } from 'commander';
import {
  parseScheduleRequest,
  runSchedule,
  toScheduleJson,
  type ScheduleRequest,
} from '../../app/calculators/schedule.js';
import { cents, formatMoney, type Cents } from '../../core/money/index.js';
import { formatPercent, ratePpm } from '../../core/rates/index.js';
import type { Schedule, ScheduleMethod } from '../../core/schedule/index.js';
import { say, type CliContext } from '../io.js';
import { registerJsonCommand } from '../json-command.js';
import { formatTable } from '../table.js';

const METHODS_ZH: Record<ScheduleMethod | 'custom', string> = {
  'equal-installment': '等额本息',
  'equal-principal': '等额本金',
  'interest-only': '先息后本',
  bullet: '一次性还本付息',
  'flat-fee': '等本等息',
  'interest-free': '停息挂账（免息）',
  'daily-rate': '按日计息',
  custom: '自定义还款计划',
};

function describePrice(ctx: CliContext, req: ScheduleRequest): string {
  const annual = say(ctx, '年利率', 'annual rate') + ' ' + formatPercent(req.input.annualRatePpm);
  if (req.kind === 'custom') return annual;
  switch (req.input.method) {
    case 'flat-fee':
      return `${say(ctx, '每期费率', 'fee per period')} ${formatPercent(req.input.feeRatePerPeriodPpm ?? ratePpm(0))}`;
    case 'daily-rate':
      return `${say(ctx, '日利率', 'daily rate')} ${formatPercent(req.input.dailyRatePpm ?? ratePpm(0))}`;
    case 'interest-free':
      return say(ctx, '免息', 'no interest');
    default:
      return annual;
  }
}

/** For a custom plan, says when the last row settles at a different amount than was given. */
function describeResidue(ctx: CliContext, req: ScheduleRequest, s: Schedule): string {
  if (req.kind !== 'custom') return '';
  const given = req.input.payments.at(-1)?.amount;
  const last = s.rows.at(-1)?.payment;
  if (given === undefined || last === undefined || given === last) return '';
  return `${say(
    ctx,
    `注意：最后一笔按结清所需计算为 ${formatMoney(last)}（输入为 ${formatMoney(given)}）。`,
    `Note: the last payment is what settles the loan, ${formatMoney(last)} (given: ${formatMoney(given)}).`,
  )}\n`;
}

/** The human table: 期数 还款日 月供 本金 利息 费用 剩余本金, then a totals row. */
export function formatScheduleText(ctx: CliContext, req: ScheduleRequest, s: Schedule): string {
  const m = (c: Cents) => formatMoney(c, { symbol: false });
  const method = req.kind === 'custom' ? 'custom' : req.input.method;
  const i = req.input;
  const price = describePrice(ctx, req);
  const head =
    say(
      ctx,
      `${METHODS_ZH[method]} · 本金 ${formatMoney(i.principal)} · ${price} · ${s.rows.length} 期 · 放款日 ${i.startDate}`,
      `${method} · principal ${formatMoney(i.principal)} · ${price} · ${s.rows.length} payments · loan date ${i.startDate}`,
    ) + '\n\n';
  const headers =
    ctx.lang === 'en'
      ? ['Period', 'Due date', 'Payment', 'Principal', 'Interest', 'Fee', 'Balance']
      : ['期数', '还款日', '月供', '本金', '利息', '费用', '剩余本金'];
  const rows = s.rows.map((r) => [
    String(r.period),
    r.dueDate,
    m(r.payment),
    m(r.principal),
    m(r.interest),
    m(r.fee),
    m(r.balance),
  ]);
  rows.push([
    say(ctx, '合计', 'Total'),
    '',
    m(s.totals.payment),
    m(s.totals.principal),
    m(s.totals.interest),
    m(s.totals.fee),
    '',
  ]);
  const table = formatTable(headers, rows, [
    'right',
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ]);
  const cost = cents(s.totals.interest + s.totals.fee);
  const foot = say(
    ctx,
    `共还 ${formatMoney(s.totals.payment)}，其中利息和费用 ${formatMoney(cost)}。金额单位：元，逐期四舍五入到分。`,
    `Total repaid ${formatMoney(s.totals.payment)}, of which interest and fees ${formatMoney(cost)}. Amounts in yuan, each period rounded half-up to the fen.`,
  );
  return `${head}${table}\n${foot}\n${describeResidue(ctx, req, s)}`;
}

export function registerSchedule(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  registerJsonCommand(program, ctx, setExit, {
    name: 'schedule',
    description:
      '还款计划表：等额本息、等额本金、先息后本、一次性还本付息、等本等息、停息挂账、按日计息、自定义 (repayment schedule)',
    argument: 'JSON file, or - for stdin',
    parse: parseScheduleRequest,
    run: runSchedule,
    toJson: (_req, s) => toScheduleJson(s),
    toText: formatScheduleText,
  });
}
