import type { IsoDate } from '../core/dates/index.js';
import type { Cents } from '../core/money/index.js';
import type { QuotedRate, RatePpm } from '../core/rates/index.js';
import type { FieldIssue } from '../core/result.js';
import {
  DEBT_KINDS,
  DEBT_STATUSES,
  FEE_KINDS,
  FEE_TIMINGS,
  LENDER_TYPES,
  SCHEDULE_METHODS,
  type DebtKind,
  type DebtStatus,
  type FeeKind,
  type FeeTiming,
  type LenderType,
  type ScheduleMethod,
} from '../db/schema.js';
import {
  FEE_KIND_WORDS,
  FEE_TIMING_WORDS,
  KIND_WORDS,
  LENDER_TYPE_WORDS,
  METHOD_WORDS,
  STATUS_WORDS,
  bool,
  date,
  freeText,
  int,
  issue,
  money,
  monthlyFeeRate,
  oneOf,
  present,
  rate,
  text,
  type Issues,
} from './debt-input-values.js';

/**
 * Validates debt input as people and files give it (flags, JSON, a spreadsheet row): every value
 * may be a string; amounts as "12,345.67" or "1.2万"; dates in 2024-01-05, 2024/1/5, 2024年1月5日;
 * Chinese words for kinds and statuses. Collects every problem, not just the first.
 */
export interface DebtDraft {
  lender?: string | undefined;
  lenderType?: LenderType | undefined;
  lenderBrand?: string | null | undefined;
  kind?: DebtKind | undefined;
  contractNumber?: string | null | undefined;
  contractOn?: IsoDate | null | undefined;
  principal?: Cents | undefined;
  received?: Cents | null | undefined;
  currency?: string | undefined;
  rate?: { text: string | undefined; quoted: QuotedRate } | null;
  scheduleMethod?: ScheduleMethod | null;
  termMonths?: number | null;
  firstDueOn?: IsoDate | null;
  installment?: Cents | null;
  penaltyRate?: { text: string; quoted: QuotedRate } | null;
  penaltyTerms?: string | null;
  liquidatedDamages?: Cents | null;
  isCreditReported?: boolean | undefined;
  status?: DebtStatus | undefined;
  balance?: Cents | null;
  balanceOn?: IsoDate | null;
  overdue?: Cents | undefined;
  overdueSinceOn?: IsoDate | null;
  collector?: string | null;
  notes?: string | null;
  /** credit cards: 账单日 (1–31) */
  statementDay?: number | null;
  /** credit cards: 最低还款 */
  minimumPayment?: Cents | null;
  /** credit cards: 分期手续费, a monthly rate on the amount put on installments ("0.6%" = 每期0.6%) */
  cardInstallmentFee?: { text: string; ppm: RatePpm } | null;
  /** 助贷: the funding bank or consumer-finance company (资金方) */
  lenderOfRecord?: string | null;
  /** 助贷: the guarantor (担保方) */
  guarantor?: string | null;
  fees?: FeeDraft[];
  payments?: PaymentDraft[];
}

export interface FeeDraft {
  kind: FeeKind;
  timing: FeeTiming;
  amount: Cents;
  chargedOn: IsoDate | null;
  note: string | null;
}

export interface PaymentDraft {
  paidOn: IsoDate;
  amount: Cents;
  note: string | null;
}
export type RawInput = Record<string, unknown>;

const KNOWN_KEYS = new Set([
  'lender',
  'lenderType',
  'lenderBrand',
  'kind',
  'contractNumber',
  'contractDate',
  'principal',
  'received',
  'currency',
  'rate',
  'scheduleMethod',
  'termMonths',
  'firstDueDate',
  'installment',
  'penaltyRate',
  'penaltyTerms',
  'liquidatedDamages',
  'creditReported',
  'status',
  'balance',
  'balanceDate',
  'overdue',
  'overdueSince',
  'collector',
  'notes',
  'lenderOfRecord',
  'guarantor',
  'fees',
  'payments',
  'statementDay',
  'minimumPayment',
  'cardInstallmentFee',
]);

/** One debt's raw input and what its field groups share: the mode, the prefix, the issues found. */
interface DebtFields {
  raw: RawInput;
  mode: 'create' | 'patch';
  today: IsoDate | undefined;
  /** put before each field name, e.g. 'debts[2].' */
  p: string;
  issues: Issues;
}

const has = (f: DebtFields, k: string): boolean => present(f.raw[k]);

/**
 * An optional field: its value (null when it does not parse), null when a patch clears it with
 * an empty string, undefined (left as it is) when absent.
 */
function clearable<T>(
  f: DebtFields,
  k: string,
  parse: (v: unknown, field: string) => T | undefined,
): T | null | undefined {
  if (has(f, k)) return parse(f.raw[k], f.p + k) ?? null;
  return f.mode === 'patch' && k in f.raw ? null : undefined;
}

/** Sets the fields that were given or cleared, in order; absent ones stay absent. */
function assignGiven(d: DebtDraft, part: { [K in keyof DebtDraft]?: DebtDraft[K] | undefined }) {
  for (const [k, v] of Object.entries(part))
    if (v !== undefined) (d as Record<string, unknown>)[k] = v;
}

/** Who lends: the lender (required to create), its type, brand, and the kind of debt. */
function parseLenderFields(f: DebtFields, d: DebtDraft): void {
  const { raw, p, issues } = f;
  if (has(f, 'lender')) d.lender = freeText(raw['lender'], p + 'lender', issues, 200);
  else if (f.mode === 'create')
    issues.push(issue(p + 'lender', 'invalid-input', 'is required', '必填'));
  // a debt always names its lender: an edit may change it, never clear it
  else if (typeof raw['lender'] === 'string')
    issues.push(issue(p + 'lender', 'invalid-input', 'cannot be cleared', '不能为空'));
  if (has(f, 'lenderType'))
    d.lenderType = oneOf(
      raw['lenderType'],
      p + 'lenderType',
      LENDER_TYPES,
      LENDER_TYPE_WORDS,
      issues,
    );
  if (has(f, 'lenderBrand'))
    d.lenderBrand = freeText(raw['lenderBrand'], p + 'lenderBrand', issues, 200) ?? null;
  if (has(f, 'kind')) d.kind = oneOf(raw['kind'], p + 'kind', DEBT_KINDS, KIND_WORDS, issues);
}

/** The contract: number, date, principal (required to create), amount received, currency. */
function parseContractFields(f: DebtFields, d: DebtDraft): void {
  const { raw, p, issues } = f;
  assignGiven(d, {
    contractNumber: clearable(f, 'contractNumber', (v, k) => freeText(v, k, issues, 200)),
    contractOn: clearable(f, 'contractDate', (v, k) => date(v, k, issues, f.today)),
  });
  if (has(f, 'principal'))
    d.principal = money(raw['principal'], p + 'principal', issues, { positive: true });
  else if (f.mode === 'create')
    issues.push(issue(p + 'principal', 'invalid-amount', 'is required', '必填'));
  assignGiven(d, { received: clearable(f, 'received', (v, k) => money(v, k, issues)) });
  if (d.principal !== undefined && typeof d.received === 'number' && d.received > d.principal)
    issues.push(
      issue(
        p + 'received',
        'invalid-amount',
        'cannot exceed the principal contracted',
        '实际到账金额不能大于合同金额',
      ),
    );
  if (has(f, 'currency')) {
    const c = text(raw['currency']).toUpperCase();
    if (/^[A-Z]{3}$/.test(c)) d.currency = c;
    else
      issues.push(
        issue(
          p + 'currency',
          'invalid-input',
          `"${c}" is not an ISO 4217 code such as CNY`,
          `“${c}”不是币种代码（如 CNY）`,
        ),
      );
  }
}

/** How it is repaid: rate, schedule, installment, and the penalty terms. */
function parseTermsFields(f: DebtFields, d: DebtDraft): void {
  const { issues } = f;
  assignGiven(d, {
    rate: clearable(f, 'rate', (v, k) => rate(v, k, issues)),
    scheduleMethod: clearable(f, 'scheduleMethod', (v, k) =>
      oneOf(v, k, SCHEDULE_METHODS, METHOD_WORDS, issues),
    ),
    termMonths: clearable(f, 'termMonths', (v, k) => int(v, k, issues, 1, 600)),
    firstDueOn: clearable(f, 'firstDueDate', (v, k) => date(v, k, issues)),
    installment: clearable(f, 'installment', (v, k) => money(v, k, issues)),
    penaltyRate: clearable(f, 'penaltyRate', (v, k) => rate(v, k, issues)),
    penaltyTerms: clearable(f, 'penaltyTerms', (v, k) => freeText(v, k, issues)),
    liquidatedDamages: clearable(f, 'liquidatedDamages', (v, k) => money(v, k, issues)),
  });
}

/** Where it stands: credit reporting, status, balance, overdue, the collector, notes, 助贷 parties. */
function parseStandingFields(f: DebtFields, d: DebtDraft): void {
  const { raw, p, issues } = f;
  if (has(f, 'creditReported'))
    d.isCreditReported = bool(raw['creditReported'], p + 'creditReported', issues);
  if (has(f, 'status'))
    d.status = oneOf(raw['status'], p + 'status', DEBT_STATUSES, STATUS_WORDS, issues);
  assignGiven(d, {
    balance: clearable(f, 'balance', (v, k) => money(v, k, issues)),
    balanceOn: clearable(f, 'balanceDate', (v, k) => date(v, k, issues, f.today)),
  });
  if (has(f, 'overdue')) d.overdue = money(raw['overdue'], p + 'overdue', issues);
  assignGiven(d, {
    overdueSinceOn: clearable(f, 'overdueSince', (v, k) => date(v, k, issues, f.today)),
    collector: clearable(f, 'collector', (v, k) => freeText(v, k, issues, 200)),
    notes: clearable(f, 'notes', (v, k) => freeText(v, k, issues, 20_000)),
    lenderOfRecord: clearable(f, 'lenderOfRecord', (v, k) => freeText(v, k, issues, 200)),
    guarantor: clearable(f, 'guarantor', (v, k) => freeText(v, k, issues, 200)),
  });
}

/** Credit cards: statement day, minimum payment, installment fee. */
function parseCardFields(f: DebtFields, d: DebtDraft): void {
  const { issues } = f;
  assignGiven(d, {
    statementDay: clearable(f, 'statementDay', (v, k) => int(v, k, issues, 1, 31)),
    minimumPayment: clearable(f, 'minimumPayment', (v, k) => money(v, k, issues)),
    cardInstallmentFee: clearable(f, 'cardInstallmentFee', (v, k) => monthlyFeeRate(v, k, issues)),
  });
}

/** The lists: dated fees and payments made, each item checked on its own. */
function parseListFields(f: DebtFields, d: DebtDraft): void {
  const { raw, p, issues } = f;
  if (raw['fees'] !== undefined) {
    const fees = raw['fees'];
    if (!Array.isArray(fees))
      issues.push(issue(p + 'fees', 'invalid-input', 'must be a list', '应为列表'));
    else
      d.fees = fees
        .map((x, i) => parseFee(x, `${p}fees[${i}]`, issues, f.today))
        .filter((x): x is FeeDraft => x !== undefined);
  }
  if (raw['payments'] !== undefined) {
    const pays = raw['payments'];
    if (!Array.isArray(pays))
      issues.push(issue(p + 'payments', 'invalid-input', 'must be a list', '应为列表'));
    else
      d.payments = pays
        .map((x, i) => parsePayment(x, `${p}payments[${i}]`, issues, f.today))
        .filter((x): x is PaymentDraft => x !== undefined);
  }
}

/**
 * Parses one debt's fields. `mode: 'create'` requires lender and principal; 'patch' takes only
 * what is present, and an empty string clears an optional field (null).
 */
export function parseDebtInput(
  raw: RawInput,
  opts: { mode: 'create' | 'patch'; today?: IsoDate; prefix?: string },
): { draft: DebtDraft; issues: FieldIssue[] } {
  const f: DebtFields = {
    raw,
    mode: opts.mode,
    today: opts.today,
    p: opts.prefix ?? '',
    issues: [],
  };
  const d: DebtDraft = {};
  for (const k of Object.keys(raw))
    if (!KNOWN_KEYS.has(k))
      f.issues.push(
        issue(f.p + k, 'invalid-input', 'is not a known debt field', '不是已知的债务字段'),
      );
  parseLenderFields(f, d);
  parseContractFields(f, d);
  parseTermsFields(f, d);
  parseStandingFields(f, d);
  parseCardFields(f, d);
  parseListFields(f, d);
  return { draft: d, issues: f.issues };
}

/** One dated fee: { kind, timing?, amount, date?, note? }. */
export function parseFee(
  raw: unknown,
  field: string,
  issues: Issues,
  today?: IsoDate,
): FeeDraft | undefined {
  if (typeof raw !== 'object' || raw === null) {
    issues.push(issue(field, 'invalid-input', 'must be an object', '应为对象'));
    return undefined;
  }
  const r = raw as RawInput;
  const before = issues.length;
  const kind = present(r['kind'])
    ? oneOf(r['kind'], `${field}.kind`, FEE_KINDS, FEE_KIND_WORDS, issues)
    : 'other';
  const timing = present(r['timing'])
    ? oneOf(r['timing'], `${field}.timing`, FEE_TIMINGS, FEE_TIMING_WORDS, issues)
    : 'once';
  const amount = present(r['amount'])
    ? money(r['amount'], `${field}.amount`, issues)
    : (issues.push(issue(`${field}.amount`, 'invalid-amount', 'is required', '必填')), undefined);
  const chargedOn = present(r['date'])
    ? (date(r['date'], `${field}.date`, issues, today) ?? null)
    : null;
  if (timing !== 'per-period' && chargedOn === null && present(r['date']) === false)
    issues.push(
      issue(
        `${field}.date`,
        'invalid-date',
        'is required unless the fee is per period',
        '除按期收取的费用外，日期必填',
      ),
    );
  const note = present(r['note']) ? (freeText(r['note'], `${field}.note`, issues) ?? null) : null;
  if (issues.length > before || kind === undefined || timing === undefined || amount === undefined)
    return undefined;
  return { kind, timing, amount, chargedOn, note };
}

/** One payment made: { date, amount, note? }. */
export function parsePayment(
  raw: unknown,
  field: string,
  issues: Issues,
  today?: IsoDate,
): PaymentDraft | undefined {
  if (typeof raw !== 'object' || raw === null) {
    issues.push(issue(field, 'invalid-input', 'must be an object', '应为对象'));
    return undefined;
  }
  const r = raw as RawInput;
  const before = issues.length;
  const paidOn = present(r['date'])
    ? date(r['date'], `${field}.date`, issues, today)
    : (issues.push(issue(`${field}.date`, 'invalid-date', 'is required', '必填')), undefined);
  const amount = present(r['amount'])
    ? money(r['amount'], `${field}.amount`, issues, { positive: true })
    : (issues.push(issue(`${field}.amount`, 'invalid-amount', 'is required', '必填')), undefined);
  const note = present(r['note']) ? (freeText(r['note'], `${field}.note`, issues) ?? null) : null;
  if (issues.length > before || paidOn === undefined || amount === undefined) return undefined;
  return { paidOn, amount, note };
}

export function parseLenderType(
  v: unknown,
  field = 'lenderType',
): { value?: LenderType; issues: FieldIssue[] } {
  const issues: Issues = [];
  const value = oneOf(v, field, LENDER_TYPES, LENDER_TYPE_WORDS, issues);
  return value === undefined ? { issues } : { value, issues };
}
