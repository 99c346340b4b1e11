import type { Insertable, Selectable } from 'kysely';
import { cents, type Cents } from '../core/money/index.js';
import type { Instant, IsoDate } from '../core/dates/index.js';
import { ratePpm, type RatePeriod, type RatePpm } from '../core/rates/index.js';
import type {
  CasesTable,
  DebtFeesTable,
  DebtPaymentsTable,
  DebtScheduleRowsTable,
  DebtsTable,
  EventsTable,
  LendersTable,
} from './schema.js';
import type {
  AuditEvent,
  Case,
  CaseId,
  Debt,
  DebtFee,
  DebtId,
  DebtPayment,
  Lender,
  LenderChannel,
  LenderId,
  ScheduleRow,
} from './types.js';

// Storage mapping (docs/style.md, Persistence). Every driver value passes through one of these, so both engines
// give identical domain values: pg int8 arrives as number (connect.ts parser), dates as raw strings.

export function toCents(v: number | string | bigint): Cents {
  return cents(typeof v === 'string' ? Number(v) : v);
}
export function toCentsOrNull(v: number | string | bigint | null): Cents | null {
  return v === null ? null : toCents(v);
}
export function toPpmOrNull(v: number | string | null): RatePpm | null {
  return v === null ? null : ratePpm(Number(v));
}
export function toIsoDate(v: string | Date): IsoDate {
  // A JS Date only reaches here if someone bypassed connect.ts; take its UTC calendar day.
  return (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10)) as IsoDate;
}
export function toIsoDateOrNull(v: string | Date | null): IsoDate | null {
  return v === null ? null : toIsoDate(v);
}
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export function toInstant(v: string | Date): Instant {
  // Fast path: what both engines return for values we wrote (summary maps thousands of rows).
  if (typeof v === 'string' && CANONICAL_INSTANT.test(v)) return v as Instant;
  return new Date(v).toISOString() as Instant;
}
export function toInstantOrNull(v: string | Date | null): Instant | null {
  return v === null ? null : toInstant(v);
}
/** SQLite gives 0/1, PostgreSQL true/false. */
export function toBool(v: boolean | number | bigint): boolean {
  return v === true || v === 1 || v === 1n;
}
/** Booleans are written as 0/1, which both engines accept. */
export function fromBool(b: boolean): 0 | 1 {
  return b ? 1 : 0;
}
export function parseJsonColumn<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
function toRatePeriodOrNull(v: string | null): RatePeriod | null {
  return v === 'year' || v === 'month' || v === 'day' ? v : null;
}

export function toCase(r: Selectable<CasesTable>): Case {
  return {
    id: r.id as CaseId,
    title: r.title,
    currency: r.currency,
    createdAt: toInstant(r.created_at),
    updatedAt: toInstant(r.updated_at),
    archivedAt: toInstantOrNull(r.archived_at),
  };
}

export function toLender(r: Selectable<LendersTable>): Lender {
  return {
    id: r.id as LenderId,
    caseId: r.case_id as CaseId,
    name: r.name,
    brand: r.brand,
    lenderType: r.lender_type,
    channels: parseJsonColumn<LenderChannel[]>(r.channels_json, []),
    notes: r.notes,
    createdAt: toInstant(r.created_at),
  };
}

export function toDebt(r: Selectable<DebtsTable>): Debt {
  return {
    id: r.id as DebtId,
    caseId: r.case_id as CaseId,
    lenderId: r.lender_id as LenderId,
    kind: r.kind,
    contractNumber: r.contract_number,
    contractOn: toIsoDateOrNull(r.contract_on),
    principal: toCents(r.principal_cents),
    received: toCentsOrNull(r.received_cents),
    currency: r.currency,
    quotedRateText: r.quoted_rate_text,
    ratePpm: toPpmOrNull(r.rate_ppm),
    ratePeriod: toRatePeriodOrNull(r.rate_period),
    rateBasis:
      r.rate_basis === 'balance' || r.rate_basis === 'original-principal' ? r.rate_basis : null,
    scheduleMethod: r.schedule_method,
    termMonths: r.term_months === null ? null : Number(r.term_months),
    firstDueOn: toIsoDateOrNull(r.first_due_on),
    installment: toCentsOrNull(r.installment_cents),
    penaltyRatePpm: toPpmOrNull(r.penalty_rate_ppm),
    penaltyRatePeriod: toRatePeriodOrNull(r.penalty_rate_period),
    penaltyTerms: r.penalty_terms,
    liquidatedDamages: toCentsOrNull(r.liquidated_damages_cents),
    isCreditReported: toBool(r.is_credit_reported),
    status: r.status,
    balance: toCentsOrNull(r.balance_cents),
    balanceOn: toIsoDateOrNull(r.balance_on),
    overdue: toCents(r.overdue_cents),
    overdueSinceOn: toIsoDateOrNull(r.overdue_since_on),
    collector: r.collector,
    notes: r.notes,
    statementDay: r.statement_day == null ? null : Number(r.statement_day),
    minimumPayment: toCentsOrNull(r.minimum_payment_cents),
    cardInstallmentFeePpm: toPpmOrNull(r.card_installment_fee_ppm),
    lenderOfRecord: r.lender_of_record ?? null,
    guarantor: r.guarantor ?? null,
    createdAt: toInstant(r.created_at),
    updatedAt: toInstant(r.updated_at),
  };
}

export function toDebtFee(r: Selectable<DebtFeesTable>): DebtFee {
  return {
    id: r.id,
    caseId: r.case_id as CaseId,
    debtId: r.debt_id as DebtId,
    kind: r.kind,
    timing: r.timing,
    amount: toCents(r.amount_cents),
    chargedOn: toIsoDateOrNull(r.charged_on),
    note: r.note,
  };
}

export function toDebtPayment(r: Selectable<DebtPaymentsTable>): DebtPayment {
  return {
    id: r.id,
    caseId: r.case_id as CaseId,
    debtId: r.debt_id as DebtId,
    paidOn: toIsoDate(r.paid_on),
    amount: toCents(r.amount_cents),
    note: r.note,
    createdAt: toInstant(r.created_at),
  };
}

export function toScheduleRow(r: Selectable<DebtScheduleRowsTable>): ScheduleRow {
  return {
    id: r.id,
    caseId: r.case_id as CaseId,
    debtId: r.debt_id as DebtId,
    seq: Number(r.seq),
    dueOn: toIsoDate(r.due_on),
    principal: toCents(r.principal_cents),
    interest: toCents(r.interest_cents),
    fee: toCents(r.fee_cents),
    total: toCents(r.total_cents),
  };
}

export function toAuditEvent(r: Selectable<EventsTable>): AuditEvent {
  return {
    id: r.id,
    caseId: r.case_id as CaseId | null,
    at: toInstant(r.at),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: parseJsonColumn<unknown>(r.details_json, {}),
  };
}

export function fromDebt(d: Debt): Insertable<DebtsTable> {
  return {
    id: d.id,
    case_id: d.caseId,
    lender_id: d.lenderId,
    kind: d.kind,
    contract_number: d.contractNumber,
    contract_on: d.contractOn,
    principal_cents: d.principal,
    received_cents: d.received,
    currency: d.currency,
    quoted_rate_text: d.quotedRateText,
    rate_ppm: d.ratePpm,
    rate_period: d.ratePeriod,
    rate_basis: d.rateBasis,
    schedule_method: d.scheduleMethod,
    term_months: d.termMonths,
    first_due_on: d.firstDueOn,
    installment_cents: d.installment,
    penalty_rate_ppm: d.penaltyRatePpm,
    penalty_rate_period: d.penaltyRatePeriod,
    penalty_terms: d.penaltyTerms,
    liquidated_damages_cents: d.liquidatedDamages,
    is_credit_reported: fromBool(d.isCreditReported),
    status: d.status,
    balance_cents: d.balance,
    balance_on: d.balanceOn,
    overdue_cents: d.overdue,
    overdue_since_on: d.overdueSinceOn,
    collector: d.collector,
    notes: d.notes,
    statement_day: d.statementDay,
    minimum_payment_cents: d.minimumPayment,
    card_installment_fee_ppm: d.cardInstallmentFeePpm,
    lender_of_record: d.lenderOfRecord ?? null,
    guarantor: d.guarantor ?? null,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
  };
}

export function fromDebtFee(f: DebtFee): Insertable<DebtFeesTable> {
  return {
    id: f.id,
    case_id: f.caseId,
    debt_id: f.debtId,
    kind: f.kind,
    timing: f.timing,
    amount_cents: f.amount,
    charged_on: f.chargedOn,
    note: f.note,
  };
}

export function fromDebtPayment(p: DebtPayment): Insertable<DebtPaymentsTable> {
  return {
    id: p.id,
    case_id: p.caseId,
    debt_id: p.debtId,
    paid_on: p.paidOn,
    amount_cents: p.amount,
    note: p.note,
    created_at: p.createdAt,
  };
}

export function fromScheduleRow(s: ScheduleRow): Insertable<DebtScheduleRowsTable> {
  return {
    id: s.id,
    case_id: s.caseId,
    debt_id: s.debtId,
    seq: s.seq,
    due_on: s.dueOn,
    principal_cents: s.principal,
    interest_cents: s.interest,
    fee_cents: s.fee,
    total_cents: s.total,
  };
}
