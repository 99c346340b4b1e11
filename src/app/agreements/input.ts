// The JSON form of an agreement (`xieshang agreement add --lender L --input FILE`): money as yuan
// (strings like "980.00", "¥1.2万", or plain numbers), dates as YYYY-MM-DD or 2026/1/5. See
// examples/agreement.json. Every bad field is named; nothing is written on error.
import {
  PAYMENT_CHANNELS,
  expandSegments,
  validateInstallments,
  type Installment,
  type PaymentChannel,
} from '../../core/agreement/index.js';
import {
  amountOverLimit,
  isWithinAmountLimit,
  parseMoneyInput,
  type Cents,
} from '../../core/money/index.js';

import { parseDateInput, type IsoDate } from '../../core/dates/index.js';
import type { FieldIssue } from '../../core/result.js';
import { AppError, type AppErrorCode } from '../errors.js';

/** Yuan text of a bigint fen sum (it may be beyond a safe integer). */
const formatYuanBig = (fen: bigint): string =>
  `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

export interface AgreementDraft {
  lender: string | null;
  lenderType: string | null;
  lenderBrand: string | null;
  debt: string | null;
  agreedOn: IsoDate;
  total: Cents | null;
  installments: Installment[];
  concessions: string[];
  paymentChannel: PaymentChannel | null;
  payToAccount: string | null;
  agentName: string | null;
  agentNumber: string | null;
  isConfirmedInWriting: boolean;
  documentEvidenceId: string | null;
  confirmationEvidenceId: string | null;
  notes: string | null;
}

const KEYS = new Set([
  'lender',
  'lenderType',
  'lenderBrand',
  'debt',
  'agreedOn',
  'total',
  'installments',
  'segments',
  'concessions',
  'paymentChannel',
  'payToAccount',
  'agentName',
  'agentNumber',
  'confirmedInWriting',
  'documentEvidenceId',
  'confirmationEvidenceId',
  'notes',
]);

function bad(
  field: string,
  en: string,
  zh: string,
  code: AppErrorCode = 'invalid-input',
): AppError {
  return new AppError(code, `${field}: ${en}`, { field, messageZh: `${field}：${zh}` });
}

function fromIssue(i: FieldIssue): AppError {
  return AppError.fromIssue(i);
}

export function parseMoneyField(v: unknown, field: string): Cents {
  if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
  if (typeof v !== 'string')
    throw bad(
      field,
      'expected an amount such as "980.00"',
      '应为金额，例如 "980.00"',
      'invalid-amount',
    );
  const r = parseMoneyInput(v, field);
  if (!r.ok) throw fromIssue(r.error);
  return r.value;
}

export function parsePositiveMoney(v: unknown, field: string): Cents {
  const c = parseMoneyField(v, field);
  if (c <= 0) throw bad(field, 'must be above zero', '必须大于 0', 'invalid-amount');
  return c;
}

export function parseDateField(v: unknown, field: string): IsoDate {
  const r = parseDateInput(v, field);
  if (!r.ok) throw fromIssue(r.error);
  return r.value;
}

function text(v: unknown, field: string, max = 2000): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw bad(field, 'must be text', '应为文本');
  const s = v.trim();
  if (s.length > max) throw bad(field, `is longer than ${max} characters`, `超过 ${max} 个字符`);
  return s === '' ? null : s;
}

export function parsePaymentChannel(v: unknown, field = 'paymentChannel'): PaymentChannel | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' && (PAYMENT_CHANNELS as readonly string[]).includes(v))
    return v as PaymentChannel;
  throw bad(
    field,
    `must be one of ${PAYMENT_CHANNELS.join(', ')}`,
    `只能是 ${PAYMENT_CHANNELS.join('、')}`,
  );
}

/** Parses and validates an agreement JSON object (installments must add up to `total` if given). */
export function parseAgreementInput(raw: unknown): AgreementDraft {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw bad('input', 'expected a JSON object', '应为 JSON 对象');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!KEYS.has(k))
      throw bad(
        k,
        `unknown field; known: ${[...KEYS].join(', ')}`,
        `未知字段；可用：${[...KEYS].join('、')}`,
      );
  const agreedOn = parseDateField(o['agreedOn'], 'agreedOn');
  const total =
    o['total'] === undefined || o['total'] === null
      ? null
      : parsePositiveMoney(o['total'], 'total');
  const installments = parseSchedule(o, agreedOn, total);
  const concessions = o['concessions'] ?? [];
  if (!Array.isArray(concessions) || concessions.some((c) => typeof c !== 'string'))
    throw bad('concessions', 'must be a list of text', '应为文本列表');
  const confirmed = o['confirmedInWriting'] ?? false;
  if (typeof confirmed !== 'boolean')
    throw bad('confirmedInWriting', 'must be true or false', '应为 true 或 false');
  return {
    lender: text(o['lender'], 'lender', 200),
    lenderType: text(o['lenderType'], 'lenderType', 40),
    lenderBrand: text(o['lenderBrand'], 'lenderBrand', 100),
    debt: text(o['debt'], 'debt', 200),
    agreedOn,
    total,
    installments,
    concessions: concessions as string[],
    paymentChannel: parsePaymentChannel(o['paymentChannel']),
    payToAccount: text(o['payToAccount'], 'payToAccount', 300),
    agentName: text(o['agentName'], 'agentName', 100),
    agentNumber: text(o['agentNumber'], 'agentNumber', 100),
    isConfirmedInWriting: confirmed,
    documentEvidenceId: text(o['documentEvidenceId'], 'documentEvidenceId', 100),
    confirmationEvidenceId: text(o['confirmationEvidenceId'], 'confirmationEvidenceId', 100),
    notes: text(o['notes'], 'notes', 20_000),
  };
}

/**
 * The installments, from `segments` or `installments` (not both), validated against the
 * agreement date and `total`; their sum is stored as one amount, so it obeys the per-field limit.
 */
function parseSchedule(
  o: Record<string, unknown>,
  agreedOn: IsoDate,
  total: Cents | null,
): Installment[] {
  if (o['installments'] !== undefined && o['segments'] !== undefined)
    throw bad(
      'segments',
      'give installments or segments, not both',
      'installments 与 segments 只能二选一',
    );
  const bySegments = o['segments'] !== undefined;
  const list = bySegments ? parseSegments(o['segments']) : parseInstallmentList(o['installments']);
  const field = bySegments ? 'segments' : 'installments';
  const v = validateInstallments({ agreedOn, total, installments: list, field });
  if (!v.ok) throw fromIssue(v.error);
  // the agreement's total (count × amount) is stored as one amount: the same per-field limit
  const sum = v.value.reduce((a, x) => a + BigInt(x.amount), 0n);
  if (!isWithinAmountLimit(sum)) throw fromIssue(amountOverLimit('total', formatYuanBig(sum)));
  return v.value;
}

/** `segments`: runs of equal installments `{ count, amount, firstDueOn? }`, expanded. */
function parseSegments(segs: unknown): { dueOn: IsoDate; amount: Cents }[] {
  if (!Array.isArray(segs))
    throw bad(
      'segments',
      'must be a list of { count, amount, firstDueOn? }',
      '应为 { count, amount, firstDueOn? } 列表',
    );
  const parsed = segs.map((s: unknown, i: number) => {
    const x = (s ?? {}) as Record<string, unknown>;
    return {
      count: typeof x['count'] === 'number' ? x['count'] : NaN,
      amount: parsePositiveMoney(x['amount'], `segments[${i}].amount`),
      firstDueOn:
        x['firstDueOn'] === undefined || x['firstDueOn'] === null
          ? null
          : parseDateField(x['firstDueOn'], `segments[${i}].firstDueOn`),
    };
  });
  const r = expandSegments(parsed);
  if (!r.ok) throw fromIssue(r.error);
  return r.value;
}

/** `installments`: each `{ dueOn, amount }` as given. */
function parseInstallmentList(items: unknown): { dueOn: IsoDate; amount: Cents }[] {
  if (!Array.isArray(items))
    throw bad(
      'installments',
      'must be a list of { dueOn, amount } (or give segments)',
      '应为 { dueOn, amount } 列表（或使用 segments）',
    );
  return items.map((s: unknown, i: number) => {
    const x = (s ?? {}) as Record<string, unknown>;
    return {
      dueOn: parseDateField(x['dueOn'], `installments[${i}].dueOn`),
      amount: parseMoneyField(x['amount'], `installments[${i}].amount`),
    };
  });
}
