import type { ColumnType, Generated, SqlBool } from 'kysely';
import type { LenderType } from '../core/law/types.js';
import {
  SCHEDULE_METHODS as CORE_SCHEDULE_METHODS,
  type ScheduleMethod as CoreScheduleMethod,
} from '../core/schedule/types.js';

export type { LenderType };
export { LENDER_TYPES } from '../core/law/types.js';

/**
 * The one Kysely `Database` interface: every table of the product (docs/style.md, Persistence).
 *
 * Units live in column names and in these aliases (docs/style.md, Persistence):
 * - `*_cents`, `*_ppm`: integer fen / millionths (SQLite integer, PostgreSQL bigint, parsed to number)
 * - `*_on`: calendar date 'YYYY-MM-DD' (SQLite text, PostgreSQL date, parsed to the raw string)
 * - `*_at`: instant, ISO-8601 UTC (SQLite text, PostgreSQL timestamptz)
 * - booleans: SQLite integer 0/1, PostgreSQL boolean; always WRITE 0/1 (PostgreSQL accepts both)
 * - `*_json`: JSON text
 * Rows are mapped to domain types in db/rows.ts; repositories never return rows.
 */
export type CentsCol = number;
export type PpmCol = number;
export type DateCol = string;
export type InstantCol = string;
export type BoolCol = ColumnType<SqlBool, 0 | 1, 0 | 1>;
/** a boolean column with a default (optional on insert) */
export type BoolColDefault = ColumnType<SqlBool, 0 | 1 | undefined, 0 | 1>;
export type JsonCol = string;

export const DEBT_STATUSES = ['current', 'overdue', 'settled', 'written-off', 'disputed'] as const;
export type DebtStatus = (typeof DEBT_STATUSES)[number];

export const DEBT_KINDS = ['loan', 'credit-card'] as const;
export type DebtKind = (typeof DEBT_KINDS)[number];

/** core/schedule's methods, plus 'custom' for irregular schedules stored row by row. */
export const SCHEDULE_METHODS = [...CORE_SCHEDULE_METHODS, 'custom'] as const;
export type ScheduleMethod = CoreScheduleMethod | 'custom';

export const RATE_PERIODS = ['year', 'month', 'day'] as const;
export const FEE_KINDS = [
  'service',
  'guarantee',
  'membership',
  'insurance',
  'interest',
  'penalty',
  'other',
] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export const FEE_TIMINGS = ['upfront', 'per-period', 'once'] as const;
export type FeeTiming = (typeof FEE_TIMINGS)[number];

export const MEMBER_ROLES = ['counsellor', 'supervisor', 'client'] as const;

export interface CasesTable {
  id: string;
  title: string;
  currency: Generated<string>;
  created_at: InstantCol;
  updated_at: InstantCol;
  archived_at: InstantCol | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_disabled: BoolColDefault;
  created_at: InstantCol;
}

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  /** counsellor | supervisor | client */
  role: string;
  created_at: InstantCol;
}

/** The borrower (one per case). */
export interface ProfilesTable {
  case_id: string;
  full_name: string | null;
  phone: string | null;
  city: string | null;
  /** e.g. 'unemployed', 'illness', 'business-failure' */
  hardship_cause: string | null;
  hardship_since_on: DateCol | null;
  time_zone: Generated<string>;
  notes: string | null;
  updated_at: InstantCol;
}

export interface HouseholdMembersTable {
  id: string;
  case_id: string;
  name: string;
  relation: string;
  birth_year: number | null;
  is_dependent: BoolColDefault;
  monthly_income_cents: CentsCol | null;
  notes: string | null;
}

export interface LendersTable {
  id: string;
  case_id: string;
  /** legal entity, e.g. 重庆蚂蚁消费金融有限公司 */
  name: string;
  /** brand or app, e.g. 借呗 */
  brand: string | null;
  lender_type: LenderType;
  /** JSON array of { kind: 'phone'|'app'|'email'|'address'|'wechat'|'web', value, note? } */
  channels_json: Generated<JsonCol>;
  notes: string | null;
  created_at: InstantCol;
}

export interface DebtsTable {
  id: string;
  case_id: string;
  lender_id: string;
  kind: Generated<DebtKind>;
  /** unique per case when present */
  contract_number: string | null;
  contract_on: DateCol | null;
  /** amount contracted (合同金额) */
  principal_cents: CentsCol;
  /** amount actually received; below principal when interest or fees were deducted up front */
  received_cents: CentsCol | null;
  currency: Generated<string>;
  /** the rate exactly as the lender quoted it, e.g. '日息万五' */
  quoted_rate_text: string | null;
  rate_ppm: PpmCol | null;
  rate_period: string | null;
  /** 'balance' | 'original-principal' (月费率 on the amount borrowed) */
  rate_basis: string | null;
  schedule_method: ScheduleMethod | null;
  term_months: number | null;
  first_due_on: DateCol | null;
  /** contracted installment, when one amount */
  installment_cents: CentsCol | null;
  penalty_rate_ppm: PpmCol | null;
  penalty_rate_period: string | null;
  penalty_terms: string | null;
  /** 违约金 */
  liquidated_damages_cents: CentsCol | null;
  is_credit_reported: BoolColDefault;
  status: Generated<DebtStatus>;
  /** outstanding balance as of balance_on (the lender's figure) */
  balance_cents: CentsCol | null;
  balance_on: DateCol | null;
  overdue_cents: Generated<CentsCol>;
  overdue_since_on: DateCol | null;
  collector: string | null;
  notes: string | null;
  /** credit cards: 账单日, day of the month 1–31 (migration 2026-12-02T0100_card-terms) */
  statement_day: number | null;
  /** credit cards: 最低还款 on the latest statement */
  minimum_payment_cents: CentsCol | null;
  /** credit cards: 分期手续费, per month on the amount put on installments (flat, 等本等息) */
  card_installment_fee_ppm: PpmCol | null;
  created_at: InstantCol;
  updated_at: InstantCol;
  /** 助贷: the funding bank or consumer-finance company the contract names (资金方) */
  lender_of_record: ColumnType<string | null, string | null | undefined, string | null>;
  /** 助贷: the guarantor or credit-enhancement company (担保方/增信方) */
  guarantor: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DebtFeesTable {
  id: string;
  case_id: string;
  debt_id: string;
  kind: FeeKind;
  timing: FeeTiming;
  amount_cents: CentsCol;
  /** the date charged; null for per-period fees that follow the schedule */
  charged_on: DateCol | null;
  note: string | null;
}

export interface DebtPaymentsTable {
  id: string;
  case_id: string;
  debt_id: string;
  paid_on: DateCol;
  amount_cents: CentsCol;
  note: string | null;
  created_at: InstantCol;
}

export interface DebtScheduleRowsTable {
  id: string;
  case_id: string;
  debt_id: string;
  seq: number;
  due_on: DateCol;
  principal_cents: CentsCol;
  interest_cents: CentsCol;
  fee_cents: CentsCol;
  total_cents: CentsCol;
}

export interface BudgetsTable {
  id: string;
  case_id: string;
  version: number;
  effective_on: DateCol;
  buffer_cents: Generated<CentsCol>;
  note: string | null;
  created_at: InstantCol;
}

export interface BudgetLinesTable {
  id: string;
  case_id: string;
  budget_id: string;
  seq: number;
  /** income | priority | fixed | flexible */
  kind: string;
  category: string;
  label: string;
  monthly_cents: CentsCol;
  /** payday or due day of month (1–31) for the cash-flow forecast */
  day_of_month: number | null;
  note: string | null;
}

export interface PlansTable {
  id: string;
  case_id: string;
  budget_id: string | null;
  /** pro-rata-balance | pro-rata-payment | highest-cost | custom */
  strategy: string;
  capacity_cents: CentsCol;
  start_on: DateCol;
  /** draft | active | superseded */
  status: Generated<string>;
  params_json: Generated<JsonCol>;
  note: string | null;
  created_at: InstantCol;
}

export interface PlanProposalsTable {
  id: string;
  case_id: string;
  plan_id: string;
  lender_id: string;
  debt_id: string | null;
  monthly_cents: CentsCol;
  term_months: number;
  /** JSON array of requested concessions, e.g. ["waive-penalty","freeze-interest"] */
  concessions_json: Generated<JsonCol>;
  start_on: DateCol;
  end_on: DateCol;
  total_cents: CentsCol;
  saving_vs_contract_cents: CentsCol | null;
  saving_vs_nothing_cents: CentsCol | null;
  /** JSON array of { dueOn, amountCents } */
  schedule_json: Generated<JsonCol>;
}

export interface ContactsTable {
  id: string;
  case_id: string;
  lender_id: string | null;
  occurred_at: InstantCol;
  /** phone | app-chat | sms | wechat | email | letter | visit */
  channel: string;
  /** inbound | outbound */
  direction: string;
  agent_name: string | null;
  agent_number: string | null;
  /** the number or account the other side used */
  counterpart: string | null;
  asked: string | null;
  offered: string | null;
  promises: string | null;
  deadline_on: DateCol | null;
  next_step: string | null;
  /** who else was contacted (family, employer…), when the contact involved a third party */
  third_party: string | null;
  flags_json: Generated<JsonCol>;
  notes: string | null;
  created_at: InstantCol;
}

export interface NegotiationStatesTable {
  case_id: string;
  lender_id: string;
  /** not-contacted | proposed | counter-offer | agreed | refused | escalated */
  state: string;
  contact_id: string | null;
  updated_at: InstantCol;
}

export interface EvidenceItemsTable {
  id: string;
  case_id: string;
  sha256: string;
  kind: string;
  lender_id: string | null;
  contact_id: string | null;
  captured_at: InstantCol | null;
  added_at: InstantCol;
  original_name: string;
  media_type: string;
  size_bytes: number;
  description: string | null;
  /** set once when the item is withdrawn (never erased); null while it stands */
  withdrawn_at: InstantCol | null;
  withdraw_reason: string | null;
}

export interface LedgerEntriesTable {
  case_id: string;
  seq: number;
  recorded_at: InstantCol;
  kind: string;
  object_hash: string | null;
  meta_json: JsonCol;
  prev_hash: string;
  entry_hash: string;
}

export interface AgreementsTable {
  id: string;
  case_id: string;
  lender_id: string;
  debt_id: string | null;
  plan_proposal_id: string | null;
  agreed_on: DateCol;
  agent_name: string | null;
  agent_number: string | null;
  total_cents: CentsCol;
  concessions_json: Generated<JsonCol>;
  /** app | online-banking | counter | third-party */
  payment_channel: string | null;
  pay_to_account: string | null;
  is_confirmed_in_writing: BoolColDefault;
  document_evidence_id: string | null;
  confirmation_evidence_id: string | null;
  /** active | completed | broken | superseded */
  status: Generated<string>;
  notes: string | null;
  created_at: InstantCol;
}

export interface AgreementInstallmentsTable {
  id: string;
  case_id: string;
  agreement_id: string;
  seq: number;
  due_on: DateCol;
  amount_cents: CentsCol;
}

export interface AgreementPaymentsTable {
  id: string;
  case_id: string;
  agreement_id: string;
  paid_on: DateCol;
  amount_cents: CentsCol;
  channel: string | null;
  receipt_evidence_id: string | null;
  note: string | null;
  created_at: InstantCol;
}

export interface AgreementAllocationsTable {
  id: string;
  case_id: string;
  payment_id: string;
  installment_id: string;
  amount_cents: CentsCol;
}

export interface EscalationsTable {
  id: string;
  case_id: string;
  lender_id: string | null;
  /** 12378 | 12363 | nifa | local-regulator | police | mediation | legal-aid | credit-dispute | … */
  channel: string;
  sent_on: DateCol | null;
  reference: string | null;
  chase_on: DateCol | null;
  /** draft | sent | acknowledged | resolved | rejected | closed */
  status: Generated<string>;
  document_id: string | null;
  notes: string | null;
  created_at: InstantCol;
  /** 征信异议: the reporting institution, the account, what is wrong, what it should say */
  dispute_institution: ColumnType<string | null, string | null | undefined, string | null>;
  dispute_account: ColumnType<string | null, string | null | undefined, string | null>;
  dispute_wrong: ColumnType<string | null, string | null | undefined, string | null>;
  dispute_correct: ColumnType<string | null, string | null | undefined, string | null>;
  /** times the escalation was changed after it was recorded (ICS SEQUENCE); starts at 0 */
  revision: Generated<number>;
  /**
   * when it last changed (ICS LAST-MODIFIED); the repository always writes it, but rows restored
   * from a backup made before the column existed hold null and read as created_at
   */
  updated_at: ColumnType<InstantCol | null, InstantCol | null | undefined, InstantCol | null>;
}

export interface DocumentsTable {
  id: string;
  case_id: string;
  kind: string;
  lender_id: string | null;
  /** docx | html | md */
  format: string;
  lang: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  created_at: InstantCol;
}

/** Append-only audit/event log. */
export interface EventsTable {
  id: string;
  case_id: string | null;
  at: InstantCol;
  /** user id, or 'cli' / 'web' for the single-user mode */
  actor: string;
  /** e.g. 'debt.add', 'debt.import', 'backup.restore' */
  action: string;
  subject: string | null;
  details_json: Generated<JsonCol>;
}

/** Per-case settings that have no better home (e.g. forecast account balance). */
export interface CaseSettingsTable {
  case_id: string;
  key: string;
  value_json: JsonCol;
  updated_at: InstantCol;
}

/** One Idempotency-Key a client sent with a write (server/idempotency.ts); no reply yet = in flight. */
export interface IdempotencyKeysTable {
  key: string;
  /** SHA-256 of method, path and body: the same key with another request is refused */
  fingerprint: string;
  method: string;
  path: string;
  status_code: number | null;
  content_type: string | null;
  response_body: string | null;
  /** 'utf8' or 'base64' (binary replies) */
  body_encoding: string | null;
  created_at: InstantCol;
  completed_at: InstantCol | null;
}

export interface Database {
  cases: CasesTable;
  users: UsersTable;
  case_members: CaseMembersTable;
  profiles: ProfilesTable;
  household_members: HouseholdMembersTable;
  lenders: LendersTable;
  debts: DebtsTable;
  debt_fees: DebtFeesTable;
  debt_payments: DebtPaymentsTable;
  debt_schedule_rows: DebtScheduleRowsTable;
  budgets: BudgetsTable;
  budget_lines: BudgetLinesTable;
  plans: PlansTable;
  plan_proposals: PlanProposalsTable;
  contacts: ContactsTable;
  negotiation_states: NegotiationStatesTable;
  evidence_items: EvidenceItemsTable;
  ledger_entries: LedgerEntriesTable;
  agreements: AgreementsTable;
  agreement_installments: AgreementInstallmentsTable;
  agreement_payments: AgreementPaymentsTable;
  agreement_allocations: AgreementAllocationsTable;
  escalations: EscalationsTable;
  documents: DocumentsTable;
  events: EventsTable;
  case_settings: CaseSettingsTable;
  idempotency_keys: IdempotencyKeysTable;
}

/**
 * Tables in dependency order (parents first): the order backup writes and restore inserts.
 * A new table must be added here in the right place.
 */
export const TABLES_IN_ORDER = [
  'cases',
  'users',
  'case_members',
  'profiles',
  'household_members',
  'lenders',
  'debts',
  'debt_fees',
  'debt_payments',
  'debt_schedule_rows',
  'budgets',
  'budget_lines',
  'plans',
  'plan_proposals',
  'contacts',
  'negotiation_states',
  'evidence_items',
  'ledger_entries',
  'documents',
  'agreements',
  'agreement_installments',
  'agreement_payments',
  'agreement_allocations',
  'escalations',
  'events',
  'case_settings',
  'idempotency_keys',
] as const satisfies readonly (keyof Database)[];
