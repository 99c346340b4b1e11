// One value of debt input as people and files give it (flags, JSON, a spreadsheet row): the
// Chinese words for kinds, statuses and methods, and the readers of amounts, dates, rates,
// whole numbers, yes/no and free text. Each reader pushes an issue naming the field and returns
// undefined, so a row's parse collects every problem.
import { parseMoneyInput, type Cents } from '../core/money/index.js';
import { compareDates, parseDateInput, type IsoDate } from '../core/dates/index.js';
import { parseQuotedRate, type QuotedRate, type RatePpm } from '../core/rates/index.js';
import type { FieldIssue, IssueCode } from '../core/result.js';
import type {
  DebtKind,
  DebtStatus,
  FeeKind,
  FeeTiming,
  LenderType,
  ScheduleMethod,
} from '../db/schema.js';

export const LENDER_TYPE_WORDS: Record<string, LenderType> = {
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

export const KIND_WORDS: Record<string, DebtKind> = {
  贷款: 'loan',
  网贷: 'loan',
  借款: 'loan',
  信用卡: 'credit-card',
};

export const STATUS_WORDS: Record<string, DebtStatus> = {
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

export const METHOD_WORDS: Record<string, ScheduleMethod> = {
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

export const FEE_KIND_WORDS: Record<string, FeeKind> = {
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

export const FEE_TIMING_WORDS: Record<string, FeeTiming> = {
  前置: 'upfront',
  放款时扣除: 'upfront',
  预扣: 'upfront',
  每期: 'per-period',
  按期: 'per-period',
  一次性: 'once',
};

const YES = new Set(['是', '有', '已上报', 'yes', 'y', 'true', '1']);
const NO = new Set(['否', '无', '没有', '未上报', 'no', 'n', 'false', '0']);

/** Where an issue's field name comes from, e.g. 'fees[2].amount'. */
export type Issues = FieldIssue[];

export function issue(field: string, code: IssueCode, en: string, zh: string): FieldIssue {
  return { code, field, message: `${field}: ${en}`, messageZh: `${field}：${zh}` };
}

export function present(v: unknown): boolean {
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

export function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : String(v);
}

export function oneOf<T extends string>(
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

export function money(
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

export function date(
  v: unknown,
  field: string,
  issues: Issues,
  today?: IsoDate,
): IsoDate | undefined {
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

export function rate(
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
export function monthlyFeeRate(
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

export function int(
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

export function bool(v: unknown, field: string, issues: Issues): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = text(v).toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  issues.push(
    issue(field, 'invalid-input', `"${s}" is not yes/no (是/否)`, `“${s}”应为“是”或“否”`),
  );
  return undefined;
}

export function freeText(
  v: unknown,
  field: string,
  issues: Issues,
  max = 2000,
): string | undefined {
  const s = text(v);
  if (s.length > max) {
    issues.push(
      issue(field, 'invalid-input', `is longer than ${max} characters`, `超过 ${max} 个字符`),
    );
    return undefined;
  }
  return s;
}
