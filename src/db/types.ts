import type { Cents } from '../core/money/index.js';
import type { IsoDate, Instant } from '../core/dates/index.js';
import type { RatePeriod, RatePpm } from '../core/rates/index.js';
import type {
  DebtKind,
  DebtStatus,
  FeeKind,
  FeeTiming,
  LenderType,
  ScheduleMethod,
} from './schema.js';

/**
 * Domain types the repositories return (never rows). app/ re-exports them for server and cli.
 */
export type { DebtKind, DebtStatus, FeeKind, FeeTiming, LenderType, ScheduleMethod };

export type CaseId = string & { readonly __brand: 'CaseId' };
export type LenderId = string & { readonly __brand: 'LenderId' };
export type DebtId = string & { readonly __brand: 'DebtId' };

export interface Case {
  id: CaseId;
  title: string;
  currency: string;
  createdAt: Instant;
  updatedAt: Instant;
  archivedAt: Instant | null;
}

export interface LenderChannel {
  kind: string;
  value: string;
  note?: string;
}

export interface Lender {
  id: LenderId;
  caseId: CaseId;
  name: string;
  brand: string | null;
  lenderType: LenderType;
  channels: LenderChannel[];
  notes: string | null;
  createdAt: Instant;
}

export interface Debt {
  id: DebtId;
  caseId: CaseId;
  lenderId: LenderId;
  kind: DebtKind;
  contractNumber: string | null;
  contractOn: IsoDate | null;
  principal: Cents;
  received: Cents | null;
  currency: string;
  quotedRateText: string | null;
  ratePpm: RatePpm | null;
  ratePeriod: RatePeriod | null;
  rateBasis: 'balance' | 'original-principal' | null;
  scheduleMethod: ScheduleMethod | null;
  termMonths: number | null;
  firstDueOn: IsoDate | null;
  installment: Cents | null;
  penaltyRatePpm: RatePpm | null;
  penaltyRatePeriod: RatePeriod | null;
  penaltyTerms: string | null;
  liquidatedDamages: Cents | null;
  isCreditReported: boolean;
  status: DebtStatus;
  balance: Cents | null;
  balanceOn: IsoDate | null;
  overdue: Cents;
  overdueSinceOn: IsoDate | null;
  collector: string | null;
  notes: string | null;
  /** credit cards: 账单日 (day of month 1–31) */
  statementDay: number | null;
  /** credit cards: 最低还款 on the latest statement */
  minimumPayment: Cents | null;
  /** credit cards: 分期手续费 per month on the amount put on installments (等本等息) */
  cardInstallmentFeePpm: RatePpm | null;
  /** 助贷: the funding bank or consumer-finance company named in the contract (资金方) */
  lenderOfRecord?: string | null;
  /** 助贷: the guarantor / credit-enhancement company (担保方) */
  guarantor?: string | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface DebtFee {
  id: string;
  caseId: CaseId;
  debtId: DebtId;
  kind: FeeKind;
  timing: FeeTiming;
  amount: Cents;
  chargedOn: IsoDate | null;
  note: string | null;
}

export interface DebtPayment {
  id: string;
  caseId: CaseId;
  debtId: DebtId;
  paidOn: IsoDate;
  amount: Cents;
  note: string | null;
  createdAt: Instant;
}

export interface ScheduleRow {
  id: string;
  caseId: CaseId;
  debtId: DebtId;
  seq: number;
  dueOn: IsoDate;
  principal: Cents;
  interest: Cents;
  fee: Cents;
  total: Cents;
}

export interface AuditEvent {
  id: string;
  caseId: CaseId | null;
  at: Instant;
  actor: string;
  action: string;
  subject: string | null;
  details: unknown;
}
