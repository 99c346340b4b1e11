import type { Cents } from '../money/index.js';
import type { IsoDate } from '../dates/index.js';

/**
 * When a payday falls on Saturday or Sunday: most Chinese employers pay the working day before
 * (default), some the next; 'none' keeps the calendar day. Public holidays and 调休 are not
 * modelled: give the actual date as a one-off income if it matters.
 */
export const WEEKEND_RULES = ['previous-business-day', 'next-business-day', 'none'] as const;
export type WeekendRule = (typeof WEEKEND_RULES)[number];

/** Monthly income on a day of month (31 = the month's last day in shorter months). */
export interface IncomeSource {
  label: string;
  amount: Cents;
  dayOfMonth: number;
  /** overrides the forecast's weekendRule for this source */
  weekendRule?: WeekendRule;
}

/** Monthly fixed outgoing (rent, phone…) debited on a day of month, weekends included. */
export interface FixedOutgoing {
  label: string;
  amount: Cents;
  dayOfMonth: number;
}

/** An open installment: what is still to pay on it. Past-due ones are taken as due on asOf. */
export interface DueInstallment {
  agreementId: string;
  lender: string;
  seq: number;
  dueOn: IsoDate;
  amount: Cents;
}

export interface ForecastInput {
  asOf: IsoDate;
  /** number of days forecast, asOf included */
  days: number;
  /** balance of the paying account at the start of asOf */
  openingBalance: Cents;
  incomes: IncomeSource[];
  outgoings: FixedOutgoing[];
  installments: DueInstallment[];
  weekendRule: WeekendRule;
  /** a warning should be acted on this many days before the due date */
  actLeadDays: number;
  /** emergency savings outside the account that could cover a shortfall */
  buffer: Cents;
}

export type ForecastEvent =
  | { kind: 'income'; label: string; amount: Cents; scheduledOn: IsoDate }
  | { kind: 'outgoing'; label: string; amount: Cents }
  | {
      kind: 'installment';
      agreementId: string;
      lender: string;
      seq: number;
      amount: Cents;
      dueOn: IsoDate;
    };

export interface ForecastDay {
  date: IsoDate;
  events: ForecastEvent[];
  /** end-of-day balance (income first, then outgoings, then installments) */
  balance: Cents;
}

export interface LowPoint {
  payday: IsoDate;
  /** lowest end-of-day balance from the previous payday (or asOf) to the day before this one */
  lowestBalance: Cents;
  lowestOn: IsoDate;
}

export type SuggestionKind = 'move-due-date' | 'smaller-installment' | 'pay-from-buffer';

export interface ForecastSuggestion {
  kind: SuggestionKind;
  message: string;
  messageZh: string;
}

export interface ForecastWarning {
  agreementId: string;
  lender: string;
  seq: number;
  dueOn: IsoDate;
  /** the date the forecast takes it as due (asOf for a past-due installment) */
  debitOn: IsoDate;
  amount: Cents;
  balanceBefore: Cents;
  /** part of the installment the balance cannot cover */
  shortfall: Cents;
  /** act by this date (dueOn − actLeadDays, not before asOf) */
  actBy: IsoDate;
  /** first payday after the debit date, when there is one within a month */
  nextPayday: IsoDate | null;
  isBeforePayday: boolean;
  suggestions: ForecastSuggestion[];
}

/** The first day the account goes below zero and the repayment that money was needed for. */
export interface BelowZero {
  on: IsoDate;
  /** the balance just after the event that took it below zero */
  balance: Cents;
  /** that event: an outgoing's label (rent…) or an installment's lender */
  cause: string;
  /** the first installment (contract or agreement) debited from then on; null if none in the window */
  atRisk: { lender: string; amount: Cents; dueOn: IsoDate; debitOn: IsoDate } | null;
}

export interface Forecast {
  asOf: IsoDate;
  endOn: IsoDate;
  openingBalance: Cents;
  closingBalance: Cents;
  /** lowest end-of-day balance in the window (the first such day on a tie) */
  lowest: { balance: Cents; on: IsoDate };
  days: ForecastDay[];
  lowPoints: LowPoint[];
  warnings: ForecastWarning[];
  /** null when the balance never goes below zero in the window */
  firstBelowZero: BelowZero | null;
  conventions: { zh: string[]; en: string[] };
}
