import { addMonths, daysBetween, parseIsoDate, type IsoDate } from '../dates/index.js';
import {
  allocate,
  cents,
  divRound,
  formatYuan,
  MAX_AMOUNT_CENTS,
  MAX_AMOUNT_TEXT,
  MAX_DERIVED_CENTS,
  mulDiv,
  type Cents,
} from '../money/index.js';
import { MAX_ANNUAL_PPM, PPM, type RatePpm } from '../rates/index.js';
import { err, fieldIssue, ok, type FieldIssue, type Result } from '../result.js';
import { withTotals } from './totals.js';
import {
  SCHEDULE_METHODS,
  type Schedule,
  type ScheduleInput,
  type ScheduleMethod,
  type ScheduleRow,
} from './types.js';

export const MAX_PERIODS = 600;
/** Denominator of the exact monthly rate: r = annualPpm / 12_000_000. */
const MONTH_DEN = 12n * BigInt(PPM);

/**
 * Builds the repayment schedule of a regular loan. All amounts are integer fen; every per-period
 * amount is rounded to the fen half-up (四舍五入, `halfUp`) and the last row absorbs the residue,
 * so the principal column sums exactly to the principal and the final balance is 0.
 *
 * - equal-installment (等额本息): payment = P·r(1+r)^n/((1+r)^n−1), r = annual/12, computed with
 *   exact BigInt rationals then rounded halfUp; interest = balance × r (halfUp); principal = the rest.
 * - equal-principal (等额本金): principal = allocate(P, n equal parts) — the leftover fen go one each
 *   to the EARLIEST periods, so no two periods differ by more than 1 fen; interest = balance × r.
 * - interest-only (先息后本): interest P × r each period, all principal in the last period.
 * - bullet (一次性还本付息): ONE row due at month n, simple interest P × r × n (halfUp).
 * - flat-fee (等本等息): principal as equal-principal; fee = P × feeRatePerPeriod each period
 *   (halfUp), interest 0.
 * - interest-free (停息挂账): principal as equal-principal, no interest, no fee.
 * - daily-rate (按日计息): principal as equal-principal (like 借呗's 等额本金 option); interest =
 *   balance × dailyRate × actual days since the previous due date (the first from startDate), halfUp.
 * Monthly methods charge one month's rate per period even when firstDueDate makes the first
 * period longer or shorter; use daily-rate for day-exact interest. flat-fee, interest-free and
 * daily-rate ignore annualRatePpm (their price is the fee, nothing, or the daily rate).
 */
export function buildSchedule(input: ScheduleInput): Result<Schedule, FieldIssue> {
  const bad = validateScheduleInput(input);
  if (bad) return err(bad);
  const { principal, periods: n, method } = input;
  switch (method) {
    case 'equal-installment':
      return ok(withTotals(equalInstallmentRows(input)));
    case 'equal-principal':
    case 'interest-free':
    case 'flat-fee':
    case 'daily-rate':
      return ok(withTotals(equalPrincipalRows(input)));
    case 'interest-only': {
      const interest = monthlyInterest(input, principal);
      const rows: ScheduleRow[] = [];
      for (let k = 1; k <= n; k++) {
        const part = k === n ? principal : 0;
        rows.push(row(k, dueOf(input, k), part, interest, 0, k === n ? 0 : principal));
      }
      return ok(withTotals(rows));
    }
    case 'bullet': {
      const interest = mulDiv(
        principal,
        BigInt(input.annualRatePpm) * BigInt(n),
        MONTH_DEN,
        'halfUp',
      );
      return ok(withTotals([row(1, dueOf(input, n), principal, interest, 0, 0)]));
    }
    default: {
      const never: never = method;
      throw new Error(`unknown schedule method ${String(never)}`);
    }
  }
}

/** Period k's due date: k months after startDate, or firstDueDate then monthly. */
function dueOf(input: ScheduleInput, k: number): IsoDate {
  return input.firstDueDate === undefined
    ? addMonths(input.startDate, k)
    : addMonths(input.firstDueDate, k - 1);
}

function monthlyInterest(input: ScheduleInput, balance: number): Cents {
  return mulDiv(balance, input.annualRatePpm, MONTH_DEN, 'halfUp');
}

/** 等额本息: one payment, interest on the balance, the last row takes what is left. */
function equalInstallmentRows(input: ScheduleInput): ScheduleRow[] {
  const { principal, periods: n } = input;
  const payment = equalInstallmentPayment(principal, input.annualRatePpm, n);
  const rows: ScheduleRow[] = [];
  let balance: number = principal;
  for (let k = 1; k <= n; k++) {
    const interest = monthlyInterest(input, balance);
    // payment ≥ round(P·r) ≥ round(balance·r) since balance never exceeds P, so principal ≥ 0
    const part = k === n ? balance : Math.min(payment - interest, balance);
    balance -= part;
    rows.push(row(k, dueOf(input, k), part, interest, 0, balance));
  }
  return rows;
}

/** Equal principal parts, priced by method: monthly interest, a flat fee, nothing or daily interest. */
function equalPrincipalRows(input: ScheduleInput): ScheduleRow[] {
  const { principal, periods: n, method } = input;
  const parts = allocate(
    principal,
    Array.from({ length: n }, () => 1),
  );
  const fee =
    method === 'flat-fee'
      ? mulDiv(principal, input.feeRatePerPeriodPpm ?? 0, PPM, 'halfUp')
      : cents(0);
  const rows: ScheduleRow[] = [];
  let balance: number = principal;
  let prev = input.startDate;
  for (let k = 1; k <= n; k++) {
    const date = dueOf(input, k);
    const interest =
      method === 'equal-principal'
        ? monthlyInterest(input, balance)
        : method === 'daily-rate'
          ? mulDiv(
              balance,
              BigInt(input.dailyRatePpm ?? 0) * BigInt(daysBetween(prev, date)),
              PPM,
              'halfUp',
            )
          : cents(0);
    const part = parts[k - 1]!;
    balance -= part;
    rows.push(row(k, date, part, interest, fee, balance));
    prev = date;
  }
  return rows;
}

function row(
  period: number,
  dueDate: IsoDate,
  principal: number,
  interest: number,
  fee: number,
  balance: number,
): ScheduleRow {
  return {
    period,
    dueDate,
    payment: cents(principal + interest + fee),
    principal: cents(principal),
    interest: cents(interest),
    fee: cents(fee),
    balance: cents(balance),
  };
}

/**
 * The 等额本息 payment P·r(1+r)^n/((1+r)^n−1) with r = annualPpm/12e6, in exact rationals, rounded
 * to the fen half-up; with a zero rate it is P/n (halfUp).
 */
export function equalInstallmentPayment(
  principal: Cents,
  annualRatePpm: RatePpm,
  n: number,
): Cents {
  const a = BigInt(annualRatePpm);
  const p = BigInt(principal);
  if (a === 0n) return cents(divRound(p, BigInt(n), 'halfUp'));
  const grown = (MONTH_DEN + a) ** BigInt(n); // (b+a)^n, so (1+r)^n = grown / b^n
  const base = MONTH_DEN ** BigInt(n);
  return cents(divRound(p * a * grown, MONTH_DEN * (grown - base), 'halfUp'));
}

function isRate(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

function rateIssue(
  field: string,
  value: unknown,
  perYear: number,
  unit: string,
): FieldIssue | null {
  if (!isRate(value))
    return fieldIssue(
      'invalid-rate',
      field,
      `${field}: expected a non-negative whole number of millionths, got ${String(value)}`,
      `${field}：利率应为非负整数（百万分之一为单位），实际为 ${String(value)}`,
    );
  if (value * perYear > MAX_ANNUAL_PPM)
    return fieldIssue(
      'rate-out-of-range',
      field,
      perYear === 1
        ? `${field}: ${value / 10_000}% a year is above the 1000 % limit; check for a typing mistake`
        : `${field}: ${value / 10_000}% a ${unit} is ${(value * perYear) / 10_000}% a year, above the 1000 % limit; check for a typing mistake`,
      `${field}：年化 ${(value * perYear) / 10_000}% 超过 1000%，请检查是否输入有误`,
    );
  return null;
}

/** The first problem with a schedule input, naming its field, or null when it is usable. */
export function validateScheduleInput(input: ScheduleInput): FieldIssue | null {
  const basic = methodAmountPeriodsIssue(input);
  if (basic) return basic;
  const dates = checkDates(input);
  if (!dates.ok) return dates.error;
  const annual = rateIssue('annualRate', input.annualRatePpm, 1, 'year');
  if (annual) return annual;
  const fee = feeIssue(input);
  if (fee) return fee;
  const daily = dailyIssue(input);
  if (daily) return daily;
  // upper bound of everything repaid, so no sum can leave the safe-integer range
  const days = BigInt(daysBetween(dates.value.start, dates.value.last));
  const p = BigInt(input.principal);
  const periods = input.periods;
  const bound =
    p +
    (p * BigInt(input.annualRatePpm) * BigInt(periods)) / MONTH_DEN +
    (p * BigInt(input.feeRatePerPeriodPpm ?? 0) * BigInt(periods)) / BigInt(PPM) +
    (p * BigInt(input.dailyRatePpm ?? 0) * days) / BigInt(PPM);
  if (bound > BigInt(MAX_DERIVED_CENTS))
    return fieldIssue(
      'invalid-amount',
      'principal',
      'principal: with this rate and term the amounts repaid would exceed ¥10 trillion',
      'principal：按此利率和期限，还款总额将超过 10 万亿元',
    );
  return null;
}

function methodAmountPeriodsIssue(input: ScheduleInput): FieldIssue | null {
  const { principal, periods, method } = input;
  if (!SCHEDULE_METHODS.includes(method as ScheduleMethod))
    return fieldIssue(
      'invalid-input',
      'method',
      `method: "${String(method)}" is not one of ${SCHEDULE_METHODS.join(', ')}`,
      `method：“${String(method)}”不是可用的还款方式（${SCHEDULE_METHODS.join('、')}）`,
    );
  if (typeof principal !== 'number' || !Number.isSafeInteger(principal) || principal <= 0)
    return fieldIssue(
      'invalid-amount',
      'principal',
      `principal: must be more than 0, got ${typeof principal === 'number' && Number.isSafeInteger(principal) ? formatYuan(principal as Cents) : String(principal)}`,
      `principal：本金必须大于 0${typeof principal === 'number' && Number.isSafeInteger(principal) ? `，收到的是 ${formatYuan(principal as Cents)}` : ''}`,
    );
  if (principal > MAX_AMOUNT_CENTS)
    return fieldIssue(
      'invalid-amount',
      'principal',
      `principal: above the limit of ¥${MAX_AMOUNT_TEXT} for one amount`,
      `合同金额（principal）：超过单项上限 ¥${MAX_AMOUNT_TEXT}`,
    );
  if (
    typeof periods !== 'number' ||
    !Number.isInteger(periods) ||
    periods < 1 ||
    periods > MAX_PERIODS
  )
    return fieldIssue(
      'invalid-input',
      'periods',
      `periods: must be a whole number from 1 to ${MAX_PERIODS}, got ${String(periods)}`,
      `periods：期数必须是 1 到 ${MAX_PERIODS} 之间的整数，实际为 ${String(periods)}`,
    );
  return null;
}

/** startDate, firstDueDate after it, and a last due date the calendar can hold. */
function checkDates(input: ScheduleInput): Result<{ start: IsoDate; last: IsoDate }, FieldIssue> {
  const start = parseIsoDate(input.startDate, 'startDate');
  if (!start.ok) return start;
  if (input.firstDueDate !== undefined) {
    const first = parseIsoDate(input.firstDueDate, 'firstDueDate');
    if (!first.ok) return first;
    if (first.value <= start.value)
      return err(
        fieldIssue(
          'invalid-date',
          'firstDueDate',
          `firstDueDate: ${first.value} must be after startDate ${start.value}`,
          `firstDueDate：首个还款日 ${first.value} 必须晚于放款日 ${start.value}`,
        ),
      );
  }
  const last =
    input.firstDueDate === undefined
      ? addMonths(start.value, input.periods)
      : addMonths(input.firstDueDate, input.periods - 1);
  if (!parseIsoDate(last).ok)
    return err(
      fieldIssue(
        'invalid-input',
        'periods',
        `periods: the last due date ${last} is past the year 2200`,
        `periods：最后还款日 ${last} 超出 2200 年`,
      ),
    );
  return ok({ start: start.value, last });
}

/** A per-period fee: required for flat-fee, refused for any other method. */
function feeIssue(input: ScheduleInput): FieldIssue | null {
  if (input.method === 'flat-fee') {
    if (input.feeRatePerPeriodPpm === undefined)
      return fieldIssue(
        'invalid-input',
        'feeRatePerPeriod',
        'feeRatePerPeriod: required for a flat-fee schedule (e.g. "0.006" for 0.6 % per period)',
        'feeRatePerPeriod：等本等息必须提供每期费率（例如 "0.006" 表示每期 0.6%）',
      );
    return rateIssue('feeRatePerPeriod', input.feeRatePerPeriodPpm, 12, 'month');
  }
  if (input.feeRatePerPeriodPpm !== undefined)
    return fieldIssue(
      'invalid-input',
      'feeRatePerPeriod',
      `feeRatePerPeriod: only a flat-fee schedule takes a per-period fee, not ${input.method}`,
      `feeRatePerPeriod：只有等本等息（flat-fee）才有每期费率`,
    );
  return null;
}

/** A daily rate: required for daily-rate, refused for any other method. */
function dailyIssue(input: ScheduleInput): FieldIssue | null {
  if (input.method === 'daily-rate') {
    if (input.dailyRatePpm === undefined)
      return fieldIssue(
        'invalid-input',
        'dailyRate',
        'dailyRate: required for a daily-rate schedule (e.g. "0.0005" for 日息万五)',
        'dailyRate：按日计息必须提供日利率（例如 "0.0005" 表示日息万五）',
      );
    return rateIssue('dailyRate', input.dailyRatePpm, 365, 'day');
  }
  if (input.dailyRatePpm !== undefined)
    return fieldIssue(
      'invalid-input',
      'dailyRate',
      `dailyRate: only a daily-rate schedule takes a daily rate, not ${input.method}`,
      `dailyRate：只有按日计息（daily-rate）才有日利率`,
    );
  return null;
}
