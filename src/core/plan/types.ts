import type { Cents } from '../money/index.js';
import type { IsoDate } from '../dates/index.js';
import type { RatePpm } from '../rates/index.js';
import type { UsualTerm } from './acceptance.js';
import { PLAN_CONCESSION } from '../vocab/vocab.js';

export const STRATEGIES = [
  'pro-rata-balance',
  'pro-rata-contractual',
  'highest-cost-first',
  'custom',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const CONCESSIONS = PLAN_CONCESSION.values;
export type Concession = (typeof CONCESSIONS)[number];

export const DEBT_KINDS = ['credit-card', 'online-loan', 'bank-loan', 'car-loan', 'other'] as const;
export type DebtKind = (typeof DEBT_KINDS)[number];

/** Longest term any plan asks for: 5 years, the 信用卡办法 第70条 ceiling for 个性化分期. */
export const MAX_PLAN_TERM = 60;
/** Longest maxTerm accepted on input (a car loan may legitimately run longer than 60). */
export const MAX_INPUT_TERM = 120;

/** One debt as the user describes it (parsed from the plan JSON). */
export interface PlanDebt {
  id: string;
  creditor: string;
  kind: DebtKind;
  /** outstanding principal; bears interest */
  balance: Cents;
  annualRatePpm: RatePpm;
  contractualPayment: Cents;
  /** 罚息/违约金 already charged; bears no interest; dropped by 'waive-penalty' */
  penaltyAccrued: Cents;
  /** interest already due and unpaid; bears no interest (re-plans carry it here) */
  interestAccrued: Cents;
  minPayment: Cents;
  maxTerm: number;
  concession: Concession;
  reducedRatePpm: RatePpm | null;
  customPayment: Cents | null;
  /** penalty rate for the do-nothing projection; null lets core/overdue use its default */
  penaltyRatePpm: RatePpm | null;
  /** legal line for the capped do-nothing series (e.g. 0.24); null: uncapped */
  legalLinePpm: RatePpm | null;
  /** false when the rate is unknown and planned at 0 % (listed in Plan.assumptions); default true */
  rateKnown?: boolean;
}

export interface PlanInput {
  asOf: IsoDate;
  capacity: Cents;
  strategy: Strategy;
  debts: PlanDebt[];
}

/** One month of one debt's plan schedule. Payment = interest + penalty + principal. */
export interface PlanRow {
  month: number;
  date: IsoDate;
  payment: Cents;
  interest: Cents;
  penalty: Cents;
  principal: Cents;
  /** what is still owed after this payment: principal + unpaid interest + unpaid penalty */
  balanceAfter: Cents;
}

export interface Proposal {
  id: string;
  creditor: string;
  concession: Concession;
  /** the ask: the first month's amount */
  monthlyPayment: Cents;
  /** number of installments until paid off; null when not repaid within the plan horizon */
  term: number | null;
  endDate: IsoDate | null;
  totalPaid: Cents;
  /** amount the plan must repay at the start (principal + interest due + penalty kept) */
  repayable: Cents;
  /** contract cost minus plan cost; null when the contract payment never repays the debt */
  savingVsContract: Cents | null;
  /** do-nothing amount at the plan's end date minus plan cost */
  savingVsNothing: Cents | null;
  maxTerm: number;
  meetsMaxTerm: boolean;
  /** the longest term this kind of lender usually accepts (acceptance.ts), and whether the plan is within it */
  usualTerm: UsualTerm;
  withinUsualTerm: boolean;
  schedule: PlanRow[];
}

export type ProblemReason = 'floors-exceed-capacity' | 'exceeds-max-term';
export interface PlanProblem {
  reason: ProblemReason;
  /** debt id for exceeds-max-term; null for floors */
  id: string | null;
  month: number;
}

export type SuggestionKind = 'extend-terms' | 'token-payments' | 'concession' | 'more-capacity';
export interface Suggestion {
  kind: SuggestionKind;
  ids: string[];
  /** the concession suggested for kind 'concession' */
  concession: Concession | null;
  /** shortfall per month that would remain after this change (0 = feasible) */
  shortfallAfter: Cents;
  message: string;
  messageZh: string;
}

export interface Shortfall {
  /** the least extra money per month that makes the plan feasible (exact to the fen) */
  monthly: Cents;
  suggestions: Suggestion[];
}

/**
 * 'feasible': repaid within every limit and within what lenders usually accept; 'unlikely-accepted':
 * feasible (可行) but some term is beyond what that lender usually accepts (对方大概率不会接受);
 * 'infeasible': the money does not repay every debt within its limit.
 */
export const PLAN_STATUSES = ['feasible', 'unlikely-accepted', 'infeasible'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Something the plan assumed for lack of data, for pages and letters to say. */
export interface PlanAssumption {
  code: 'rate-unknown-assumed-zero';
  id: string;
  creditor: string;
  messageZh: string;
  message: string;
}

/** The smallest change that brings an 'unlikely-accepted' plan within the usual terms. */
export interface AcceptanceFix {
  /** debts whose term is beyond what their lender usually accepts */
  ids: string[];
  /** the least monthly total (exact to the fen) repaying every debt within min(limit, usual term) */
  monthlyNeeded: Cents;
  /** monthlyNeeded − the plan's monthly total */
  extraMonthly: Cents;
  messageZh: string;
  message: string;
}

export interface Plan {
  asOf: IsoDate;
  strategy: Strategy;
  capacity: Cents;
  feasible: boolean;
  status: PlanStatus;
  /** set when status is 'unlikely-accepted' */
  acceptanceFix: AcceptanceFix | null;
  assumptions: PlanAssumption[];
  /** amount paid in month 1 across all debts (= capacity unless every debt finishes sooner) */
  monthlyTotal: Cents;
  proposals: Proposal[];
  problems: PlanProblem[];
  shortfall: Shortfall | null;
}
