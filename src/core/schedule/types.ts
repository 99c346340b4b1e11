import type { IsoDate } from '../dates/index.js';
import type { Cents } from '../money/index.js';
import type { RatePpm } from '../rates/index.js';

/**
 * How a loan is repaid:
 * - equal-installment 等额本息, equal-principal 等额本金, interest-only 先息后本,
 * - bullet 一次性还本付息, flat-fee 等本等息 (fee per period on the original principal),
 * - interest-free 停息挂账 (equal principal, no interest), daily-rate 按日计息 (借呗/微粒贷).
 */
export type ScheduleMethod =
  | 'equal-installment'
  | 'equal-principal'
  | 'interest-only'
  | 'bullet'
  | 'flat-fee'
  | 'interest-free'
  | 'daily-rate';

export const SCHEDULE_METHODS: readonly ScheduleMethod[] = [
  'equal-installment',
  'equal-principal',
  'interest-only',
  'bullet',
  'flat-fee',
  'interest-free',
  'daily-rate',
];

export interface ScheduleInput {
  principal: Cents;
  periods: number;
  method: ScheduleMethod;
  /** The loan date; due date n = addMonths(startDate, n) unless firstDueDate is given. */
  startDate: IsoDate;
  /** Nominal annual rate; the monthly rate is exactly annual/12. Ignored (but range-checked) by flat-fee, interest-free and daily-rate. */
  annualRatePpm: RatePpm;
  /** flat-fee only: fee per period on the ORIGINAL principal (等本等息, credit-card 分期). */
  feeRatePerPeriodPpm?: RatePpm;
  /** daily-rate only: interest = outstanding × daily rate × actual days between due dates. */
  dailyRatePpm?: RatePpm;
  /** Optional anchor for due dates: due n = addMonths(firstDueDate, n - 1). */
  firstDueDate?: IsoDate;
}

export interface ScheduleRow {
  period: number;
  dueDate: IsoDate;
  payment: Cents;
  principal: Cents;
  interest: Cents;
  fee: Cents;
  /** Principal still owed after this row's payment. */
  balance: Cents;
}

export interface Schedule {
  rows: ScheduleRow[];
  totals: { payment: Cents; principal: Cents; interest: Cents; fee: Cents };
}

export interface CustomScheduleInput {
  principal: Cents;
  startDate: IsoDate;
  annualRatePpm: RatePpm;
  payments: { dueDate: IsoDate; amount: Cents }[];
}

/** A dated cash flow from the borrower's side: + received, − paid. */
export interface ScheduleFlow {
  date: IsoDate;
  amount: Cents;
}
