import type { Cents } from '../money/index.js';
import type { IsoDate } from '../dates/index.js';

/** How the borrower pays the lender under the agreement. */
export const PAYMENT_CHANNELS = ['app', 'online-banking', 'counter', 'third-party'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const PAYMENT_CHANNEL_ZH: Readonly<Record<PaymentChannel, string>> = {
  app: 'App 内还款',
  'online-banking': '网上银行',
  counter: '线下柜台',
  'third-party': '第三方支付',
};

/** One agreed installment; `seq` counts from 1 in due-date order. */
export interface Installment {
  seq: number;
  dueOn: IsoDate;
  amount: Cents;
}

/** A run of equal monthly installments: `count` × `amount` from `firstDueOn` (or continuing). */
export interface InstallmentSegment {
  count: number;
  amount: Cents;
  /** null: continue monthly from the previous segment's anchor (no drift: one anchor per run) */
  firstDueOn: IsoDate | null;
}

export interface Payment {
  id: string;
  paidOn: IsoDate;
  amount: Cents;
}

export const INSTALLMENT_STATUSES = [
  'upcoming',
  'due-soon',
  'paid',
  'partially-paid',
  'late',
  'missed',
] as const;
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

export const INSTALLMENT_STATUS_ZH: Readonly<Record<InstallmentStatus, string>> = {
  upcoming: '未到期',
  'due-soon': '即将到期',
  paid: '已还清',
  'partially-paid': '部分已还',
  late: '逾期（宽限期内）',
  missed: '逾期未还',
};

/** Where one payment's money went. */
export interface Allocation {
  paymentId: string;
  seq: number;
  amount: Cents;
}

export interface PaymentOutcome {
  paymentId: string;
  paidOn: IsoDate;
  amount: Cents;
  allocations: Allocation[];
  /** paid beyond the oldest open installment, carried as credit to the next ones */
  carriedForward: Cents;
  /** paid beyond every installment: not owed, ask for it back */
  unapplied: Cents;
}

export interface InstallmentState extends Installment {
  paid: Cents;
  remaining: Cents;
  status: InstallmentStatus;
  /** the date the installment was fully covered, or null */
  paidOn: IsoDate | null;
  /** days after dueOn (as of asOf, or when paid); 0 when on time */
  daysLate: number;
}

export interface StatusOptions {
  asOf: IsoDate;
  /** an open installment due within this many days (inclusive) is 'due-soon' */
  dueSoonDays: number;
  /** unpaid up to this many days after the due date is 'late'; after that 'missed' */
  graceDays: number;
}

export interface AgreementStatus {
  installments: InstallmentState[];
  payments: PaymentOutcome[];
  recorded: Cents;
  matched: Cents;
  /** credit carried beyond the last installment (over-payment) */
  unapplied: Cents;
}

export interface Progress {
  total: Cents;
  paid: Cents;
  remaining: Cents;
  /** unpaid amount of installments already past due */
  arrears: Cents;
  installmentsPaid: number;
  installmentsTotal: number;
  nextDue: InstallmentState | null;
  /** last due date when on track; pushed one month per unpaid past-due installment otherwise */
  projectedEndOn: IsoDate | null;
  scheduledEndOn: IsoDate | null;
  isOnTrack: boolean;
  isComplete: boolean;
}
