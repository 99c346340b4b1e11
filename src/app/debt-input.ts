import { parseMoneyInput, type Cents } from '../core/money/index.js';
import { compareDates, parseDateInput, type IsoDate } from '../core/dates/index.js';
import { parseQuotedRate, type QuotedRate, type RatePpm } from '../core/rates/index.js';
import type { FieldIssue, IssueCode } from '../core/result.js';
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

const LENDER_TYPE_WORDS: Record<string, LenderType> = {
  银行: 'bank',
  信用卡: 'bank',
  消费金融: 'consumer-finance',
  消金: 'consumer-finance',
  消费金融公司: 'consumer-finance',
  小贷: 'small-loan',
  小额贷款: 'small-loan',
  小额贷款公司: 'small-loan',
  网络小贷: 'small-loan',
  助贷: 'guarantee-platform',
  担保: 'guarantee-platform',
  助贷平台: 'guarantee-platform',
  融资担保: 'guarantee-platform',
  个人: 'private',
  民间借贷: 'private',
  私人: 'private',
  未知: 'unknown',
  不清楚: 'unknown',
};

const KIND_WORDS: Record<string, DebtKind> = {
  贷款: 'loan',
  网贷: 'loan',
  借款: 'loan',
  信用卡: 'credit-card',
};

const STATUS_WORDS: Record<string, DebtStatus> = {
  正常: 'current',
  未逾期: 'current',
  逾期: 'overdue',
  已逾期: 'overdue',
  结清: 'settled',
  已结清: 'settled',
  核销: 'written-off',
  已核销: 'written-off',
  争议: 'disputed',
  有争议: 'disputed',
};

const METHOD_WORDS: Record<string, ScheduleMethod> = {
  等额本息: 'equal-installment',
  等额本金: 'equal-principal',
  先息后本: 'interest-only',
  按月付息到期还本: 'interest-only',
  一次性还本付息: 'bullet',
  到期一次还本付息: 'bullet',
  等本等息: 'flat-fee',
  停息挂账: 'interest-free',
  按日计息: 'daily-rate',
  自定义: 'custom',
  不规则: 'custom',
};

const FEE_KIND_WORDS: Record<string, FeeKind> = {
  服务费: 'service',
  手续费: 'service',
  担保费: 'guarantee',
  会员费: 'membership',
  权益费: 'membership',
  保险费: 'insurance',
  保费: 'insurance',
  利息: 'interest',
  砍头息: 'interest',
  罚息: 'penalty',
  违约金: 'penalty',
  其他: 'other',
};

const FEE_TIMING_WORDS: Record<string, FeeTiming> = {
  前置: 'upfront',
  放款时扣除: 'upfront',
  预扣: 'upfront',
  每期: 'per-period',
  按期: 'per-period',
  一次性: 'once',
};

const YES = new Set(['是', '有', '已上报', 'yes', 'y', 'true', '1']);
const NO = new Set(['否', '无', '没有', '未上报', 'no', 'n', 'false', '0']);

export type RawInput = Record<string, unknown>;

/** Where an issue's field name comes from, e.g. 'fees[2].amount'. */
type Issues = FieldIssue[];

function issue(field: string, code: IssueCode, en: string, zh: string): FieldIssue {
  return { code, field, message: `${field}: ${en}`, messageZh: `${field}：${zh}` };
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : String(v);
}

function oneOf<T extends string>(
  v: unknown,
  field: string,
  values: readonly T[],
  words: Record<string, T>,
  issues: Issues,
): T | undefined {
  const s = text(v);
  const hit = (values as readonly string[]).includes(s) ? (s as T) : words[s];
  if (hit === undefined) {
    const choices = [...values, ...Object.keys(words)].join(', ');
    issues.push(
      issue(
        field,
        'invalid-input',
        `"${s}" is not one of: ${choices}`,
        `“${s}”不是有效值，可选：${choices}`,
      ),
    );
  }
  return hit;
}

function money(
  v: unknown,
  field: string,
  issues: Issues,
  opts: { positive?: boolean } = {},
): Cents | undefined {
  const s = typeof v === 'number' ? String(v) : text(v);
  const r = parseMoneyInput(s, field);
  if (!r.ok) {
    issues.push(r.error);
    return undefined;
  }
  if (r.value < 0 || (opts.positive === true && r.value === 0)) {
    issues.push(
      issue(
        field,
        'invalid-amount',
        opts.positive === true ? 'must be more than 0' : 'must not be negative',
        opts.positive === true ? '必须大于 0' : '不能为负数',
      ),
    );
    return undefined;
  }
  return r.value;
}

function date(v: unknown, field: string, issues: Issues, today?: IsoDate): IsoDate | undefined {
  const r = parseDateInput(text(v), field);
  if (!r.ok) {
    issues.push(r.error);
    return undefined;
  }
  if (today !== undefined && compareDates(r.value, today) > 0) {
    issues.push(issue(field, 'invalid-date', `${r.value} is in the future`, `${r.value} 晚于今天`));
    return undefined;
  }
  return r.value;
}

function rate(
  v: unknown,
  field: string,
  issues: Issues,
): { text: string; quoted: QuotedRate } | undefined {
  const s = text(v);
  const r = parseQuotedRate(s, field);
  if (!r.ok) {
    issues.push(r.error);
    return undefined;
  }
  return { text: s, quoted: r.value };
}

/**
 * A card's 分期手续费 as a monthly rate on the amount put on installments: "0.6%", "0.6", "每期0.6%",
 * "月0.6%" (a bare number is a percent per month). Up to 10 % a month.
 */
function monthlyFeeRate(
  v: unknown,
  field: string,
  issues: Issues,
): { text: string; ppm: RatePpm } | undefined {
  const s = text(v);
  const m = /^(?:每期|每月|月|月费率|期)?\s*(\d{1,2}(?:\.\d{1,4})?)\s*%?$/.exec(s);
  const ppm = m === null ? NaN : Number(parsePercentPpm(m[1]!));
  if (!Number.isSafeInteger(ppm) || ppm <= 0 || ppm > 100_000) {
    issues.push(
      issue(
        field,
        'invalid-input',
        `"${s}" is not a monthly installment fee such as 0.6%`,
        `“${s}”不是有效的分期手续费率（每期百分比，如 0.6%）`,
      ),
    );
    return undefined;
  }
  return { text: s, ppm: ppm as RatePpm };
}

/** "0.6" (percent) → 6000 ppm, exact on the decimal digits (no float). */
function parsePercentPpm(s: string): number {
  const [i, f = ''] = s.split('.');
  return Number(i) * 10_000 + Number((f + '0000').slice(0, 4));
}

function int(
  v: unknown,
  field: string,
  issues: Issues,
  min: number,
  max: number,
): number | undefined {
  const s = text(v);
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    issues.push(
      issue(
        field,
        'invalid-input',
        `"${s}" is not a whole number from ${min} to ${max}`,
        `“${s}”应为 ${min} 到 ${max} 之间的整数`,
      ),
    );
    return undefined;
  }
  return n;
}

function bool(v: unknown, field: string, issues: Issues): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = text(v).toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  issues.push(
    issue(field, 'invalid-input', `"${s}" is not yes/no (是/否)`, `“${s}”应为“是”或“否”`),
  );
  return undefined;
}

function freeText(v: unknown, field: string, issues: Issues, max = 2000): string | undefined {
  const s = text(v);
  if (s.length > max) {
    issues.push(
      issue(field, 'invalid-input', `is longer than ${max} characters`, `超过 ${max} 个字符`),
    );
    return undefined;
  }
  return s;
}

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

/**
 * Parses one debt's fields. `mode: 'create'` requires lender and principal; 'patch' takes only
 * what is present, and an empty string clears an optional field (null).
 */
export function parseDebtInput(
  raw: RawInput,
  opts: { mode: 'create' | 'patch'; today?: IsoDate; prefix?: string },
): { draft: DebtDraft; issues: FieldIssue[] } {
  const issues: Issues = [];
  const d: DebtDraft = {};
  const p = opts.prefix ?? '';
  const has = (k: string) => present(raw[k]);
  const clears = (k: string) => opts.mode === 'patch' && k in raw && !present(raw[k]);

  for (const k of Object.keys(raw))
    if (!KNOWN_KEYS.has(k))
      issues.push(issue(p + k, 'invalid-input', 'is not a known debt field', '不是已知的债务字段'));

  if (has('lender')) d.lender = freeText(raw['lender'], p + 'lender', issues, 200);
  else if (opts.mode === 'create')
    issues.push(issue(p + 'lender', 'invalid-input', 'is required', '必填'));
  if (has('lenderType'))
    d.lenderType = oneOf(
      raw['lenderType'],
      p + 'lenderType',
      LENDER_TYPES,
      LENDER_TYPE_WORDS,
      issues,
    );
  if (has('lenderBrand'))
    d.lenderBrand = freeText(raw['lenderBrand'], p + 'lenderBrand', issues, 200) ?? null;
  if (has('kind')) d.kind = oneOf(raw['kind'], p + 'kind', DEBT_KINDS, KIND_WORDS, issues);

  if (has('contractNumber'))
    d.contractNumber = freeText(raw['contractNumber'], p + 'contractNumber', issues, 200) ?? null;
  else if (clears('contractNumber')) d.contractNumber = null;
  if (has('contractDate'))
    d.contractOn = date(raw['contractDate'], p + 'contractDate', issues, opts.today) ?? null;
  else if (clears('contractDate')) d.contractOn = null;

  if (has('principal'))
    d.principal = money(raw['principal'], p + 'principal', issues, { positive: true });
  else if (opts.mode === 'create')
    issues.push(issue(p + 'principal', 'invalid-amount', 'is required', '必填'));
  if (has('received')) d.received = money(raw['received'], p + 'received', issues) ?? null;
  else if (clears('received')) d.received = null;
  if (d.principal !== undefined && typeof d.received === 'number' && d.received > d.principal)
    issues.push(
      issue(
        p + 'received',
        'invalid-amount',
        'cannot exceed the principal contracted',
        '实际到账金额不能大于合同金额',
      ),
    );
  if (has('currency')) {
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

  if (has('rate')) d.rate = rate(raw['rate'], p + 'rate', issues) ?? null;
  else if (clears('rate')) d.rate = null;
  if (has('scheduleMethod'))
    d.scheduleMethod =
      oneOf(raw['scheduleMethod'], p + 'scheduleMethod', SCHEDULE_METHODS, METHOD_WORDS, issues) ??
      null;
  else if (clears('scheduleMethod')) d.scheduleMethod = null;
  if (has('termMonths'))
    d.termMonths = int(raw['termMonths'], p + 'termMonths', issues, 1, 600) ?? null;
  else if (clears('termMonths')) d.termMonths = null;
  if (has('firstDueDate'))
    d.firstDueOn = date(raw['firstDueDate'], p + 'firstDueDate', issues) ?? null;
  else if (clears('firstDueDate')) d.firstDueOn = null;
  if (has('installment'))
    d.installment = money(raw['installment'], p + 'installment', issues) ?? null;
  else if (clears('installment')) d.installment = null;
  if (has('penaltyRate'))
    d.penaltyRate = rate(raw['penaltyRate'], p + 'penaltyRate', issues) ?? null;
  else if (clears('penaltyRate')) d.penaltyRate = null;
  if (has('penaltyTerms'))
    d.penaltyTerms = freeText(raw['penaltyTerms'], p + 'penaltyTerms', issues) ?? null;
  else if (clears('penaltyTerms')) d.penaltyTerms = null;
  if (has('liquidatedDamages'))
    d.liquidatedDamages = money(raw['liquidatedDamages'], p + 'liquidatedDamages', issues) ?? null;
  else if (clears('liquidatedDamages')) d.liquidatedDamages = null;
  if (has('creditReported'))
    d.isCreditReported = bool(raw['creditReported'], p + 'creditReported', issues);
  if (has('status'))
    d.status = oneOf(raw['status'], p + 'status', DEBT_STATUSES, STATUS_WORDS, issues);
  if (has('balance')) d.balance = money(raw['balance'], p + 'balance', issues) ?? null;
  else if (clears('balance')) d.balance = null;
  if (has('balanceDate'))
    d.balanceOn = date(raw['balanceDate'], p + 'balanceDate', issues, opts.today) ?? null;
  else if (clears('balanceDate')) d.balanceOn = null;
  if (has('overdue')) d.overdue = money(raw['overdue'], p + 'overdue', issues);
  if (has('overdueSince'))
    d.overdueSinceOn = date(raw['overdueSince'], p + 'overdueSince', issues, opts.today) ?? null;
  else if (clears('overdueSince')) d.overdueSinceOn = null;
  if (has('collector'))
    d.collector = freeText(raw['collector'], p + 'collector', issues, 200) ?? null;
  else if (clears('collector')) d.collector = null;
  if (has('notes')) d.notes = freeText(raw['notes'], p + 'notes', issues, 20_000) ?? null;
  else if (clears('notes')) d.notes = null;
  if (has('lenderOfRecord'))
    d.lenderOfRecord = freeText(raw['lenderOfRecord'], p + 'lenderOfRecord', issues, 200) ?? null;
  else if (clears('lenderOfRecord')) d.lenderOfRecord = null;
  if (has('guarantor'))
    d.guarantor = freeText(raw['guarantor'], p + 'guarantor', issues, 200) ?? null;
  else if (clears('guarantor')) d.guarantor = null;

  if (has('statementDay'))
    d.statementDay = int(raw['statementDay'], p + 'statementDay', issues, 1, 31) ?? null;
  else if (clears('statementDay')) d.statementDay = null;
  if (has('minimumPayment'))
    d.minimumPayment = money(raw['minimumPayment'], p + 'minimumPayment', issues) ?? null;
  else if (clears('minimumPayment')) d.minimumPayment = null;
  if (has('cardInstallmentFee'))
    d.cardInstallmentFee =
      monthlyFeeRate(raw['cardInstallmentFee'], p + 'cardInstallmentFee', issues) ?? null;
  else if (clears('cardInstallmentFee')) d.cardInstallmentFee = null;

  if (raw['fees'] !== undefined) {
    const fees = raw['fees'];
    if (!Array.isArray(fees))
      issues.push(issue(p + 'fees', 'invalid-input', 'must be a list', '应为列表'));
    else
      d.fees = fees
        .map((f, i) => parseFee(f, `${p}fees[${i}]`, issues, opts.today))
        .filter((f): f is FeeDraft => f !== undefined);
  }
  if (raw['payments'] !== undefined) {
    const pays = raw['payments'];
    if (!Array.isArray(pays))
      issues.push(issue(p + 'payments', 'invalid-input', 'must be a list', '应为列表'));
    else
      d.payments = pays
        .map((x, i) => parsePayment(x, `${p}payments[${i}]`, issues, opts.today))
        .filter((x): x is PaymentDraft => x !== undefined);
  }
  return { draft: d, issues };
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
