import { err, ok, type FieldIssue, type IssueCode, type Result } from '../result.js';
import { cents, formatMoney, type Cents } from '../money/index.js';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  maxDate,
  monthOf,
  weekday,
  yearOf,
  type IsoDate,
} from '../dates/index.js';
import type {
  BelowZero,
  Forecast,
  ForecastDay,
  ForecastEvent,
  ForecastInput,
  ForecastSuggestion,
  ForecastWarning,
  LowPoint,
  WeekendRule,
} from './types.js';

export const MAX_FORECAST_DAYS = 366;

function issue(code: IssueCode, field: string, en: string, zh: string): FieldIssue {
  return { code, field, message: `${field}: ${en}`, messageZh: `${field}：${zh}` };
}

/** Checks the ranges a forecast needs (days, days of month, positive amounts). */
export function validateForecastInput(input: ForecastInput): Result<ForecastInput, FieldIssue> {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_FORECAST_DAYS)
    return err(
      issue(
        'invalid-input',
        'days',
        `must be 1 to ${MAX_FORECAST_DAYS}`,
        `应为 1 到 ${MAX_FORECAST_DAYS}`,
      ),
    );
  if (!Number.isInteger(input.actLeadDays) || input.actLeadDays < 0 || input.actLeadDays > 60)
    return err(issue('invalid-input', 'actLeadDays', 'must be 0 to 60', '应为 0 到 60'));
  const lines = [
    ...input.incomes.map((x, i) => ({ x, f: `incomes[${i}]` })),
    ...input.outgoings.map((x, i) => ({ x, f: `outgoings[${i}]` })),
  ];
  for (const { x, f } of lines) {
    if (!Number.isInteger(x.dayOfMonth) || x.dayOfMonth < 1 || x.dayOfMonth > 31)
      return err(issue('invalid-input', `${f}.dayOfMonth`, 'must be 1 to 31', '应为 1 到 31'));
    if (x.amount <= 0)
      return err(issue('invalid-amount', `${f}.amount`, 'must be above zero', '必须大于 0'));
  }
  for (const [i, x] of input.installments.entries())
    if (x.amount <= 0)
      return err(
        issue('invalid-amount', `installments[${i}].amount`, 'must be above zero', '必须大于 0'),
      );
  if (input.buffer < 0)
    return err(issue('invalid-amount', 'buffer', 'must not be negative', '不能为负数'));
  return ok(input);
}

/** The day `dayOfMonth` in the month of `monthStart`, clamped to the month's last day. */
function dayInMonth(y: number, m: number, dayOfMonth: number): IsoDate {
  const d = Math.min(dayOfMonth, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
}

/** Moves a Saturday/Sunday payday by the rule (Saturday → Friday or Monday). */
export function shiftForWeekend(date: IsoDate, rule: WeekendRule): IsoDate {
  const w = weekday(date);
  if (rule === 'none' || w < 6) return date;
  if (rule === 'previous-business-day') return addDays(date, w === 6 ? -1 : -2);
  return addDays(date, w === 6 ? 2 : 1);
}

/** Dates of a monthly event from `from` to `to` (inclusive), after weekend shifting. */
function monthlyDates(
  from: IsoDate,
  to: IsoDate,
  dayOfMonth: number,
  rule: WeekendRule,
): { on: IsoDate; scheduledOn: IsoDate }[] {
  const out: { on: IsoDate; scheduledOn: IsoDate }[] = [];
  // one month either side: a shift can cross a month boundary
  const start = addMonths(from, -1);
  const months = (yearOf(to) - yearOf(start)) * 12 + monthOf(to) - monthOf(start) + 1;
  for (let k = 0; k <= months; k++) {
    const anchor = addMonths(start, k);
    const scheduledOn = dayInMonth(yearOf(anchor), monthOf(anchor), dayOfMonth);
    const on = shiftForWeekend(scheduledOn, rule);
    if (on >= from && on <= to) out.push({ on, scheduledOn });
  }
  return out;
}

const ORDER: Record<ForecastEvent['kind'], number> = { income: 0, outgoing: 1, installment: 2 };

/**
 * Day-by-day cash-flow forecast of the paying account from `asOf` for `days` days. Each day:
 * income first, then fixed outgoings, then installments (so pay arriving on a due date counts
 * as available). Paydays on a weekend move by `weekendRule`; a day of month past the month's end
 * (31st in February) is the month's last day. Past-due installments are debited on asOf.
 * Warns for every installment the balance cannot fully cover, with the date to act
 * (dueOn − actLeadDays, not before asOf) and suggestions. Integer fen throughout; no rounding.
 */
export function forecastCashFlow(input: ForecastInput): Forecast {
  const endOn = addDays(input.asOf, input.days - 1);
  const byDay = new Map<IsoDate, ForecastEvent[]>();
  const put = (on: IsoDate, e: ForecastEvent): void => {
    const list = byDay.get(on);
    if (list) list.push(e);
    else byDay.set(on, [e]);
  };
  // paydays up to a month past the window, to name the next payday after a late warning
  const lookAhead = addDays(endOn, 35);
  const allPaydays = new Set<IsoDate>();
  for (const inc of input.incomes) {
    const rule = inc.weekendRule ?? input.weekendRule;
    for (const { on, scheduledOn } of monthlyDates(input.asOf, lookAhead, inc.dayOfMonth, rule)) {
      allPaydays.add(on);
      if (on <= endOn)
        put(on, { kind: 'income', label: inc.label, amount: inc.amount, scheduledOn });
    }
  }
  for (const out of input.outgoings)
    for (const { on } of monthlyDates(input.asOf, endOn, out.dayOfMonth, 'none'))
      put(on, { kind: 'outgoing', label: out.label, amount: out.amount });
  const insts = [...input.installments].sort((a, b) =>
    a.dueOn === b.dueOn ? a.seq - b.seq : a.dueOn < b.dueOn ? -1 : 1,
  );
  for (const x of insts) {
    const on = maxDate(x.dueOn, input.asOf);
    if (on <= endOn)
      put(on, {
        kind: 'installment',
        agreementId: x.agreementId,
        lender: x.lender,
        seq: x.seq,
        amount: x.amount,
        dueOn: x.dueOn,
      });
  }
  const paydays = [...allPaydays].sort();

  let balance: number = input.openingBalance;
  let bufferLeft: number = input.buffer;
  const days: ForecastDay[] = [];
  const warnings: ForecastWarning[] = [];
  let lowest: { balance: Cents; on: IsoDate } | null = null;
  for (let i = 0; i < input.days; i++) {
    const date = addDays(input.asOf, i);
    const events = [...(byDay.get(date) ?? [])].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
    for (const e of events) {
      if (e.kind === 'income') balance += e.amount;
      else if (e.kind === 'outgoing') balance -= e.amount;
      else {
        const before = balance;
        balance -= e.amount;
        if (balance < 0) {
          const w = warn(input, e, date, before, balance, paydays, bufferLeft);
          bufferLeft = Math.max(0, bufferLeft - w.shortfall);
          warnings.push(w);
        }
      }
    }
    days.push({ date, events, balance: cents(balance) });
    if (lowest === null || balance < lowest.balance) lowest = { balance: cents(balance), on: date };
  }
  return {
    asOf: input.asOf,
    endOn,
    openingBalance: input.openingBalance,
    closingBalance: cents(balance),
    lowest: lowest ?? { balance: input.openingBalance, on: input.asOf },
    days,
    lowPoints: lowPoints(input.asOf, days),
    warnings,
    firstBelowZero: firstBelowZero(input.openingBalance, days),
    conventions: CONVENTIONS(input),
  };
}

/**
 * The first moment the balance drops below zero (events in their within-day order), what took it
 * there, and the first repayment from then on that the money is not there for: the payment at risk.
 */
export function firstBelowZero(opening: Cents, days: readonly ForecastDay[]): BelowZero | null {
  let balance: number = opening;
  for (const [i, d] of days.entries()) {
    for (const e of d.events) {
      balance += e.kind === 'income' ? e.amount : -e.amount;
      if (balance >= 0) continue;
      const cause = e.kind === 'installment' ? e.lender : e.label;
      let atRisk: BelowZero['atRisk'] = null;
      for (const later of days.slice(i)) {
        const x = later.events.find(
          (y) =>
            y.kind === 'installment' && (later !== d || d.events.indexOf(y) >= d.events.indexOf(e)),
        );
        if (x !== undefined && x.kind === 'installment') {
          atRisk = { lender: x.lender, amount: x.amount, dueOn: x.dueOn, debitOn: later.date };
          break;
        }
      }
      return { on: d.date, balance: cents(balance), cause, atRisk };
    }
  }
  return null;
}

function lowPoints(asOf: IsoDate, days: ForecastDay[]): LowPoint[] {
  const out: LowPoint[] = [];
  let low: { balance: Cents; on: IsoDate } | null = null;
  for (const d of days) {
    if (d.events.some((e) => e.kind === 'income') && d.date !== asOf) {
      if (low !== null) out.push({ payday: d.date, lowestBalance: low.balance, lowestOn: low.on });
      low = null;
    }
    if (low === null || d.balance < low.balance) low = { balance: d.balance, on: d.date };
  }
  return out;
}

function warn(
  input: ForecastInput,
  e: Extract<ForecastEvent, { kind: 'installment' }>,
  date: IsoDate,
  before: number,
  after: number,
  paydays: IsoDate[],
  bufferLeft: number,
): ForecastWarning {
  const shortfall = Math.min(e.amount, -after);
  const next = paydays.find((p) => p > date) ?? null;
  const nextPayday = next !== null && daysBetween(date, next) <= 31 ? next : null;
  const actBy = maxDate(addDays(e.dueOn, -input.actLeadDays), input.asOf);
  const s: ForecastSuggestion[] = [];
  const sf = formatMoney(cents(shortfall));
  // seq 0 is an overdue balance, due now: it has no installment number and no due date to move
  if (nextPayday !== null && e.seq > 0)
    s.push({
      kind: 'move-due-date',
      message: `Ask ${e.lender} to move installment ${e.seq} to ${nextPayday} (payday) or a day or two after.`,
      messageZh: `请联系${e.lender}，把第 ${e.seq} 期还款日改到发薪日 ${nextPayday} 当天或之后一两天。`,
    });
  const canPay = Math.max(0, before);
  s.push(
    canPay > 0
      ? {
          kind: 'smaller-installment',
          message: `Ask ${e.lender} to accept ${formatMoney(cents(canPay))} this month and the remaining ${sf} later.`,
          messageZh: `请联系${e.lender}，申请本月先还 ${formatMoney(cents(canPay))}，其余 ${sf} 延后支付。`,
        }
      : {
          kind: 'smaller-installment',
          message: `Ask ${e.lender} to defer installment ${e.seq} (${formatMoney(e.amount)}) this month.`,
          messageZh: `请联系${e.lender}，申请本月第 ${e.seq} 期（${formatMoney(e.amount)}）延期支付。`,
        },
  );
  if (bufferLeft > 0)
    s.push(
      bufferLeft >= shortfall
        ? {
            kind: 'pay-from-buffer',
            message: `Move ${sf} from your emergency buffer into the account before ${e.dueOn}.`,
            messageZh: `在 ${e.dueOn} 前从应急储备中转入 ${sf} 到还款账户。`,
          }
        : {
            kind: 'pay-from-buffer',
            message: `Your emergency buffer covers only ${formatMoney(cents(bufferLeft))} of the ${sf} shortfall.`,
            messageZh: `应急储备只够补上 ${sf} 缺口中的 ${formatMoney(cents(bufferLeft))}。`,
          },
    );
  return {
    agreementId: e.agreementId,
    lender: e.lender,
    seq: e.seq,
    dueOn: e.dueOn,
    debitOn: date,
    amount: e.amount,
    balanceBefore: cents(before),
    shortfall: cents(shortfall),
    actBy,
    nextPayday,
    isBeforePayday: nextPayday !== null,
    suggestions: s,
  };
}

function CONVENTIONS(input: ForecastInput): { zh: string[]; en: string[] } {
  const rule = {
    'previous-business-day': [
      '周末发薪按前一个工作日（周五）到账',
      'weekend paydays arrive the Friday before',
    ],
    'next-business-day': [
      '周末发薪按下一个工作日（周一）到账',
      'weekend paydays arrive the next Monday',
    ],
    none: ['发薪日不因周末调整', 'paydays are not moved for weekends'],
  }[input.weekendRule];
  return {
    zh: [
      `说明：${rule[0]}；法定节假日与调休未计入。每月 29–31 日的项目在小月按月末计。同一天先计收入，再计固定支出，最后计还款。已逾期未还的分期按今天（${input.asOf}）扣款计算。`,
    ],
    en: [
      `Conventions: ${rule[1]}; public holidays are not modelled. Days 29–31 fall on the month's last day in shorter months. Within a day: income first, then fixed outgoings, then installments. Past-due installments are taken as paid today (${input.asOf}).`,
    ],
  };
}
