import type { Command } from 'commander';
import { parseIsoDate, type IsoDate } from '../../core/dates/index.js';
import { cents, formatMoney, formatYuan, parseCents, type Cents } from '../../core/money/index.js';
import {
  formatPercent,
  parsePercent,
  parseRateFraction,
  ratePpm,
  type RatePpm,
} from '../../core/rates/index.js';
import {
  buildCustomSchedule,
  buildSchedule,
  SCHEDULE_METHODS,
  type Schedule,
  type ScheduleInput,
  type ScheduleMethod,
} from '../../core/schedule/index.js';
import { say, type CliContext } from '../io.js';
import { bad, expectObject, registerJsonCommand, unwrap } from '../json-command.js';
import { formatTable } from '../table.js';

export type ScheduleRequest =
  | { kind: 'regular'; input: ScheduleInput }
  | {
      kind: 'custom';
      input: {
        principal: Cents;
        startDate: IsoDate;
        annualRatePpm: RatePpm;
        payments: { dueDate: IsoDate; amount: Cents }[];
      };
    };

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

/** Money as JSON carries it: a yuan string; a plain JSON number is accepted when it has ≤ 2 decimals. */
function readMoney(v: unknown, field: string): Cents {
  if (v === undefined || v === null)
    bad(field, 'is required (e.g. "10000.00")', '必填（例如 "10000.00"）');
  return unwrap(parseCents(typeof v === 'number' ? String(v) : (v as string), field));
}

/** A rate as a decimal fraction ("0.049") or a percentage ("4.9%"). */
function readRate(v: unknown, field: string): RatePpm {
  if (v === undefined || v === null)
    bad(field, 'is required (e.g. "0.049")', '必填（例如 "0.049"）');
  const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : v;
  if (typeof s === 'string' && /[%％]\s*$/.test(s)) return unwrap(parsePercent(s, field));
  return unwrap(parseRateFraction(s, field));
}

function readDate(v: unknown, field: string): IsoDate {
  if (v === undefined || v === null) bad(field, 'is required (YYYY-MM-DD)', '必填（YYYY-MM-DD）');
  return unwrap(parseIsoDate(v, field));
}

/** Validates the `schedule` JSON input, naming the first bad field (throws AppError). */
export function parseScheduleRequest(raw: unknown): ScheduleRequest {
  const o = expectObject(raw);
  const method = o['method'] ?? 'equal-installment';
  if (
    typeof method !== 'string' ||
    !(method === 'custom' || (SCHEDULE_METHODS as readonly string[]).includes(method))
  )
    bad(
      'method',
      `"${String(method)}" is not one of ${[...SCHEDULE_METHODS, 'custom'].join(', ')}`,
      `“${String(method)}”不是可用的还款方式（${[...SCHEDULE_METHODS, 'custom'].join('、')}）`,
    );
  const principal = readMoney(o['principal'], 'principal');
  const startDate = readDate(o['startDate'], 'startDate');
  // methods priced by a fee, a daily rate or nothing need no annual rate
  const needsAnnual = !['flat-fee', 'interest-free', 'daily-rate'].includes(method);
  const annualRatePpm =
    o['annualRate'] === undefined && !needsAnnual
      ? ratePpm(0)
      : readRate(o['annualRate'], 'annualRate');

  if (method === 'custom') {
    const list = o['payments'];
    if (!Array.isArray(list) || list.length === 0)
      bad(
        'payments',
        'expected a non-empty list of {"dueDate","amount"}',
        '应为非空的 {"dueDate","amount"} 列表',
      );
    const payments = list.map((p: unknown, i) => {
      const field = `payments[${i}]`;
      if (typeof p !== 'object' || p === null || Array.isArray(p))
        bad(field, 'expected {"dueDate","amount"}', '应为 {"dueDate","amount"}');
      const r = p as Record<string, unknown>;
      const dateKey = r['dueDate'] === undefined && r['date'] !== undefined ? 'date' : 'dueDate';
      return {
        dueDate: readDate(r[dateKey], `${field}.${dateKey}`),
        amount: readMoney(r['amount'], `${field}.amount`),
      };
    });
    return { kind: 'custom', input: { principal, startDate, annualRatePpm, payments } };
  }

  const periodsRaw = o['periods'];
  const periods =
    typeof periodsRaw === 'string' && /^\d{1,4}$/.test(periodsRaw.trim())
      ? Number(periodsRaw.trim())
      : periodsRaw;
  if (typeof periods !== 'number' || !Number.isInteger(periods))
    bad(
      'periods',
      `expected a whole number of months from 1 to 600, got ${JSON.stringify(periodsRaw) ?? 'nothing'}`,
      `期数应为 1 到 600 之间的整数，实际为 ${JSON.stringify(periodsRaw) ?? '空'}`,
    );
  const input: ScheduleInput = {
    principal,
    periods,
    method: method as ScheduleMethod,
    startDate,
    annualRatePpm,
  };
  if (o['feeRatePerPeriod'] !== undefined)
    input.feeRatePerPeriodPpm = readRate(o['feeRatePerPeriod'], 'feeRatePerPeriod');
  if (o['dailyRate'] !== undefined) input.dailyRatePpm = readRate(o['dailyRate'], 'dailyRate');
  if (o['firstDueDate'] !== undefined)
    input.firstDueDate = readDate(o['firstDueDate'], 'firstDueDate');
  return { kind: 'regular', input };
}

/** Builds the schedule, turning core issues into AppErrors. */
export function runSchedule(req: ScheduleRequest): Schedule {
  return unwrap(req.kind === 'custom' ? buildCustomSchedule(req.input) : buildSchedule(req.input));
}

/** The JSON shape of `xieshang schedule --json`: money as yuan strings with two decimals. */
export function toScheduleJson(s: Schedule): Record<string, unknown> {
  return {
    rows: s.rows.map((r) => ({
      period: r.period,
      dueDate: r.dueDate,
      payment: formatYuan(r.payment),
      principal: formatYuan(r.principal),
      interest: formatYuan(r.interest),
      fee: formatYuan(r.fee),
      balance: formatYuan(r.balance),
    })),
    totals: {
      payment: formatYuan(s.totals.payment),
      principal: formatYuan(s.totals.principal),
      interest: formatYuan(s.totals.interest),
      fee: formatYuan(s.totals.fee),
    },
  };
}

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
