// Typed inputs for every letter template: one case, from which each template takes what it needs.
import type { Cents } from '../../core/money/index.js';
import type { IsoDate } from '../../core/dates/index.js';
import type { RatePpm } from '../../core/rates/index.js';
import type { SourceRef } from '../model.js';

export type { LenderType } from '../../core/law/index.js';
export { LENDER_TYPES } from '../../core/law/index.js';
import type { LenderType } from '../../core/law/index.js';
import type {
  AgreementFacts,
  BudgetSheet,
  EscalationFacts,
  MissedDeadline,
} from './extra-types.js';
export type {
  AgreementFacts,
  BudgetSheet,
  EscalationFacts,
  MissedDeadline,
} from './extra-types.js';

/**
 * Every record below may carry `source`: the stored record it comes from (`debt:<id>`, …), which
 * the template copies onto the sentences that state it (documents/sources.ts checks them). A case
 * read from JSON gets `input:<path>` sources.
 */
export interface Borrower {
  source?: SourceRef;
  /** empty when unknown: the letter leaves a blank to fill in by hand */
  name: string;
  /** masked, e.g. '3301**********1234' */
  idNumber?: string;
  phone?: string;
  address?: string;
}

export interface Lender {
  /** legal entity, e.g. '招联消费金融股份有限公司' */
  name: string;
  /** app or brand, e.g. '好期贷' */
  brand?: string;
  type: LenderType;
  isCreditCard: boolean;
  source?: SourceRef;
}

export interface Debt {
  source?: SourceRef;
  /** contract number, or card tail '尾号1234'; empty when unknown (the letter prints a blank) */
  ref: string;
  /** the debt's final due date, when known: before it the debt is not yet due (民法典第678条) */
  dueOn?: IsoDate;
  product?: string;
  contractDate?: IsoDate;
  principal: Cents;
  outstanding: Cents;
  overdueDays: number;
  /** the latest payment on this debt, when any is recorded (it restarts limitation: 第195条) */
  lastPaymentOn?: IsoDate;
  /** penalty interest and 违约金 accrued so far */
  penalty: Cents;
  reportedToCredit?: boolean;
  /** 助贷: the funding bank or consumer-finance company named in the contract */
  lenderOfRecord?: string;
  /** 助贷: the guarantor / credit-enhancement company */
  guarantor?: string;
}

export const CONCESSIONS = [
  'waive-penalty',
  'freeze-interest',
  'reduce-rate',
  'waive-fees',
  'extend-term',
  'stop-collection',
] as const;
export type Concession = (typeof CONCESSIONS)[number];

/** How the plan shares the monthly capacity among creditors (core/plan STRATEGIES). */
export type PlanStrategy =
  'pro-rata-balance' | 'pro-rata-contractual' | 'highest-cost-first' | 'custom';

export interface Plan {
  source?: SourceRef;
  /** the sharing rule, stated truthfully in the letter; absent = not stated */
  strategy?: PlanStrategy;
  monthlyPayment: Cents;
  installments: number;
  firstDueOn: IsoDate;
  endOn: IsoDate;
  totalPaid: Cents;
  /** the last installment when it differs (rounding remainder) */
  lastPayment?: Cents;
  concessions: Concession[];
  /** the walk-away point for the call script: the most the borrower can accept */
  walkAwayMonthly?: Cents;
  walkAwayInstallments?: number;
  /** every installment, when known (several debts at one lender can make months differ) */
  schedule?: { dueOn: IsoDate; amount: Cents }[];
}

export interface Budget {
  source?: SourceRef;
  householdSize: number;
  monthlyIncome: Cents;
  priorityCosts: Cents;
  otherCosts: Cents;
  /** the monthly emergency reserve kept back; capacity = income − priority − other − buffer */
  emergencyBuffer?: Cents;
  capacityForCreditors: Cents;
  /** creditors and total owed across the whole case (never the budget file's own list) */
  creditorCount: number;
  totalDebt: Cents;
  /** the records the count and total come from (every debt of the case) */
  debtSources?: SourceRef[];
}

export interface LegalityFinding {
  source?: SourceRef;
  debtRef: string;
  /** what the APR is computed from: the contract schedule, or the payments actually made */
  basis?: 'contract' | 'actual';
  /** nominal APR from the actual cash flows (单利口径) */
  aprPpm: RatePpm;
  limitPpm: RatePpm;
  /** provision id of the rule that sets the line */
  ruleId: string;
  overcharge: Cents;
  /** the balance recalculated at the line */
  recalculatedOutstanding?: Cents;
}

export interface Contact {
  source?: SourceRef;
  /** Beijing calendar date */
  on: IsoDate;
  /** Beijing time 'HH:MM', when logged with a time */
  time?: string;
  /** the channel in Chinese (电话, 短信 …); a known code is translated by the template */
  channel: string;
  /** who initiated: inbound = the lender or its collector contacted */
  direction?: 'inbound' | 'outbound';
  /** agent name and 工号 */
  agent?: string;
  /** the number or account the other side used */
  counterpart?: string;
  /** whom they contacted when it was not the borrower, in Chinese (母亲, 同事 …) */
  whom?: string;
  /** what was said: the asked/offered/promised fields, plus the borrower's notes only when marked */
  summary: string;
  /** true when the lender or its collector contacted someone other than the borrower */
  thirdParty?: boolean;
  /** linked evidence files: name and SHA-256 */
  evidence?: { name: string; sha256: string }[];
}

export const HARDSHIP_CAUSES = [
  'unemployment',
  'illness',
  'accident',
  'family-emergency',
  'business-failure',
  'other',
] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];

export interface Hardship {
  source?: SourceRef;
  cause: HardshipCause;
  since: IsoDate;
  /** what happened, in the borrower's words */
  description: string;
  incomeBefore?: Cents;
  incomeAfter?: Cents;
  proofs: string[];
  outlook?: string;
}

export interface Exhibit {
  source?: SourceRef;
  no: string;
  title: string;
  sha256?: string;
}

export interface CreditDispute {
  /** the record as it appears in the report: what is wrong */
  item: string;
  /** why it is wrong, in the borrower's words */
  reason?: string;
  /** what the borrower asks the record to say */
  correction?: string;
  /** the reporting institution (数据报送机构) as the report names it */
  institution?: string;
  /** the account as the report shows it */
  account?: string;
  /** the record it was stored with (e.g. `escalation:…`) */
  source?: string;
}

export interface CaseInput {
  /** the letter's date */
  asOf: IsoDate;
  borrower: Borrower;
  lender: Lender;
  debts: Debt[];
  plan?: Plan;
  budget?: Budget;
  legality?: LegalityFinding[];
  contacts?: Contact[];
  hardship?: Hardship;
  exhibits?: Exhibit[];
  dispute?: CreditDispute;
  /** 家庭收支情况表 from the saved budget, appended to requests and complaints */
  budgetSheet?: BudgetSheet;
  /** the stored agreement a 协议确认函 confirms */
  agreement?: AgreementFacts;
  /** a passed deadline a 催办函 chases */
  missedDeadline?: MissedDeadline;
  /** earlier credit disputes about this lender (a PBOC complaint refers to them) */
  priorDisputes?: EscalationFacts[];
  /** free text the complaint adds to the facts */
  complaintFacts?: string;
  /** conduct findings for this lender (core/conduct), worded by their certainty */
  conduct?: ConductFinding[];
  /** the evidence ledger's head when the case has evidence: printed in the footer */
  ledgerHead?: { seq: number; hash: string };
}

export interface ConductFinding {
  source?: SourceRef;
  /** the contacts it rests on */
  contactSources: SourceRef[];
  titleZh: string;
  titleEn: string;
  /** P/S/U as docs/law.md marks the rule */
  certainty: 'P' | 'S' | 'U';
  /** keyword-heuristic findings are worded "可能涉嫌" */
  detection: 'recorded' | 'user-tagged' | 'keyword-heuristic';
  provisionIds: string[];
}
