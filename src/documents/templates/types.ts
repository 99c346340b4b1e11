// Typed inputs for every letter template: one case, from which each template takes what it needs.
import type { Cents } from '../../core/money/index.js';
import type { IsoDate } from '../../core/dates/index.js';
import type { RatePpm } from '../../core/rates/index.js';

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

export interface Borrower {
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
}

export interface Debt {
  /** contract number, or card tail '尾号1234' */
  ref: string;
  product?: string;
  contractDate?: IsoDate;
  principal: Cents;
  outstanding: Cents;
  overdueDays: number;
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

export interface Plan {
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
}

export interface Budget {
  householdSize: number;
  monthlyIncome: Cents;
  priorityCosts: Cents;
  otherCosts: Cents;
  capacityForCreditors: Cents;
  creditorCount: number;
  totalDebt: Cents;
}

export interface LegalityFinding {
  debtRef: string;
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
  on: IsoDate;
  channel: string;
  agent?: string;
  summary: string;
  /** true when the lender or its collector contacted someone other than the borrower */
  thirdParty?: boolean;
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
}
