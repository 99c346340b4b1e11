// `schedule`: a loan's repayment schedule. The input parser, the run and the JSON shape shared by
// `xieshang schedule --json` and `POST /api/schedule`.
import { parseIsoDate, type IsoDate } from '../../core/dates/index.js';
import { formatYuan, parseCents, type Cents } from '../../core/money/index.js';
import { parsePercent, parseRateFraction, ratePpm, type RatePpm } from '../../core/rates/index.js';
import {
  buildCustomSchedule,
  buildSchedule,
  SCHEDULE_METHODS,
  type Schedule,
  type ScheduleInput,
  type ScheduleMethod,
} from '../../core/schedule/index.js';
import { bad, expectObject, unwrap } from '../json-input.js';

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
