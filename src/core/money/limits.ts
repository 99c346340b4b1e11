import type { FieldIssue } from '../result.js';

/**
 * The largest amount one money field may hold, in fen: ¥1,000,000,000.00 (十亿元). It applies to
 * every amount a person enters or the product stores (principal, balance, a payment, a budget
 * line, an agreement's installment and its total …), positive or negative.
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000;

/**
 * The largest sum of the amounts recorded in one case, in fen: ¥10,000,000,000.00 (百亿元). Counted
 * over debts (principal, received, installment, liquidated damages, balance, overdue), their fees
 * and payments, agreement totals and agreement payments. It is also the bound for derived totals
 * (a schedule's total, the debts a plan covers). Every sum the product forms from these — case and
 * lender totals, plans over ≤ 120 months at ≤ 1000 % a year, letters, backups — then stays below
 * Number.MAX_SAFE_INTEGER (≈ 9.0 × 10^15 fen) with a margin of over 9000×, so it is exact.
 */
export const MAX_CASE_TOTAL_CENTS = 1_000_000_000_000;

/**
 * The bound for one loan's derived amounts, in fen: ¥10,000,000,000,000.00 (十万亿元) — e.g. all a
 * schedule would repay at up to 1000 % a year over up to 600 months. They are computed per loan
 * and never summed across loans, so they only need to stay exact on their own.
 */
export const MAX_DERIVED_CENTS = 1_000_000_000_000_000;

/** @deprecated the per-field limit under its older name; use MAX_AMOUNT_CENTS. */
export const MAX_CENTS = MAX_AMOUNT_CENTS;

/** "1,000,000,000.00" — the limits as people read them (no float involved). */
function yuanText(fen: number | bigint): string {
  const f = BigInt(fen);
  const abs = f < 0n ? -f : f;
  const yuan = String(abs / 100n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${f < 0n ? '-' : ''}${yuan}.${String(abs % 100n).padStart(2, '0')}`;
}

export const MAX_AMOUNT_TEXT = yuanText(MAX_AMOUNT_CENTS);
export const MAX_CASE_TOTAL_TEXT = yuanText(MAX_CASE_TOTAL_CENTS);

/**
 * The label people see for each money field (zh, en), by the field's last name in a path such as
 * `fees[2].amount` or `segments[0].amount`. One home, so every limit message names the field the
 * way the pages and commands do.
 */
export const MONEY_FIELD_LABELS: Record<string, readonly [string, string]> = {
  principal: ['合同金额', 'principal'],
  received: ['实际到账金额', 'amount received'],
  installment: ['每期还款', 'installment'],
  balance: ['当前欠款', 'balance'],
  overdue: ['逾期金额', 'overdue amount'],
  liquidatedDamages: ['违约金', 'liquidated damages'],
  amount: ['金额', 'amount'],
  total: ['协议总额', 'agreement total'],
  monthlyAmount: ['每期金额', 'amount per installment'],
  monthly: ['每月金额', 'monthly amount'],
  buffer: ['应急备用金', 'emergency buffer'],
  emergencyBuffer: ['应急备用金', 'emergency buffer'],
  capacity: ['每月可还款金额', 'monthly capacity'],
  contractualPayment: ['合同月供', 'contractual payment'],
  penaltyAccrued: ['已产生罚息', 'penalty accrued'],
  interestAccrued: ['已产生利息', 'interest accrued'],
  minPayment: ['最低还款额', 'minimum payment'],
  customPayment: ['自定义月还款', 'custom payment'],
  monthlyIncome: ['月收入', 'monthly income'],
  case: ['本案合计金额', 'case total'],
};

/** The (zh, en) label of a money field path; the path itself when it has no label. */
export function moneyFieldLabel(field: string): readonly [string, string] {
  const last =
    field
      .replace(/\[\d+\]/g, '')
      .split('.')
      .pop() ?? field;
  return MONEY_FIELD_LABELS[last] ?? [field, field];
}

/** `principal（合同金额）` / `principal (principal)`: the path for tools, the label for people. */
function named(field: string): { zh: string; en: string } {
  const [zh, en] = moneyFieldLabel(field);
  return {
    zh: zh === field ? field : `${zh}（${field}）`,
    en: en === field ? field : `${en} (${field})`,
  };
}

/** The issue for an amount above MAX_AMOUNT_CENTS (code 'amount-over-limit'). */
export function amountOverLimit(field: string, text?: string): FieldIssue {
  const n = named(field);
  const shown = text === undefined ? '' : ` "${text}"`;
  const shownZh = text === undefined ? '' : `“${text}”`;
  return {
    code: 'amount-over-limit',
    field,
    message: `${n.en}: the amount${shown} is above the limit of ¥${MAX_AMOUNT_TEXT} for one amount`,
    messageZh: `${n.zh}：金额${shownZh}超过单项上限 ¥${MAX_AMOUNT_TEXT}`,
  };
}

/** Whether |fen| is within the per-field limit (exact for numbers and bigints). */
export function isWithinAmountLimit(fen: number | bigint): boolean {
  const v = typeof fen === 'bigint' ? fen : BigInt(Number.isSafeInteger(fen) ? fen : 2 ** 60);
  return (v < 0n ? -v : v) <= BigInt(MAX_AMOUNT_CENTS);
}

/**
 * The issue for a write that would take the case's recorded amounts above MAX_CASE_TOTAL_CENTS
 * (code 'case-total-over-limit'); `field` is the field the write changed.
 */
export function caseTotalOverLimit(field: string, totalFen: bigint): FieldIssue {
  const n = named(field);
  const total = yuanText(totalFen);
  return {
    code: 'case-total-over-limit',
    field,
    message: `${n.en}: this would bring the amounts recorded in the case to ¥${total}, above the case limit of ¥${MAX_CASE_TOTAL_TEXT}; nothing was saved`,
    messageZh: `${n.zh}：保存后本案记录的金额合计将达 ¥${total}，超过上限 ¥${MAX_CASE_TOTAL_TEXT}，未保存`,
  };
}
