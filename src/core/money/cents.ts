import { divRound, divRoundSafe, type Rounding } from './rounding.js';
import { err, ok, type FieldIssue, type Result, assert } from '../result.js';
import { amountOverLimit, MAX_AMOUNT_CENTS } from './limits.js';

/** Money as an integer number of fen (分). */
export type Cents = number & { readonly __brand: 'Cents' };

/** Brands an integer as fen; throws on a non-integer (a bug, not user input). */
export function cents(n: number | bigint): Cents {
  const v = typeof n === 'bigint' ? Number(n) : n;
  assert(Number.isSafeInteger(v), () => `cents must be a safe integer, got ${String(n)}`);
  return v as Cents;
}

export const ZERO = 0 as Cents;

export function addCents(...xs: Cents[]): Cents {
  let s = 0;
  for (const x of xs) s += x;
  return cents(s);
}

export function sumCents(xs: readonly Cents[]): Cents {
  let s = 0;
  for (const x of xs) s += x;
  return cents(s);
}

export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function negCents(a: Cents): Cents {
  return cents(-a);
}

export function minCents(a: Cents, b: Cents): Cents {
  return a < b ? a : b;
}

export function maxCents(a: Cents, b: Cents): Cents {
  return a > b ? a : b;
}

/** amount × num / den in exact integer arithmetic, rounded to the fen with the named mode. */
export function mulDiv(
  amount: Cents | number | bigint,
  num: number | bigint,
  den: number | bigint,
  rounding: Rounding,
): Cents {
  if (typeof amount === 'number' && typeof num === 'number' && typeof den === 'number') {
    const p = amount * num;
    // exact as a double, and |p| + |den| safe so divRoundSafe's remainder arithmetic stays exact
    if (Math.abs(p) + Math.abs(den) <= Number.MAX_SAFE_INTEGER && Number.isSafeInteger(p))
      return cents(divRoundSafe(p, den, rounding));
  }
  return cents(divRound(BigInt(amount) * BigInt(num), BigInt(den), rounding));
}

/**
 * Splits `total` into parts proportional to `weights`, summing exactly to `total`.
 * Each part is the floor of its exact share (toward zero for negative totals); the leftover fen go
 * one each to the largest weights first, ties to the earlier index (Dinero's `distribute`).
 */
export function allocate(total: Cents, weights: readonly (number | bigint)[]): Cents[] {
  assert(weights.length > 0, 'allocate needs at least one weight');
  const ws = weights.map((w) => BigInt(w));
  assert(
    ws.every((w) => w >= 0n),
    'allocate weights must be >= 0',
  );
  const sum = ws.reduce((a, b) => a + b, 0n);
  assert(sum !== 0n, 'allocate weights must not all be zero');
  const t = BigInt(total);
  const sign = t < 0n ? -1n : 1n;
  const abs = t * sign;
  const parts = ws.map((w) => (abs * w) / sum);
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  const order = ws
    .map((w, i) => ({ w, i }))
    .filter((x) => x.w > 0n)
    .sort((a, b) => (a.w === b.w ? a.i - b.i : a.w > b.w ? -1 : 1));
  for (let k = 0; left > 0n; k = (k + 1) % order.length) {
    const idx = order[k]!.i;
    parts[idx] = parts[idx]! + 1n;
    left -= 1n;
  }
  return parts.map((p) => cents(p * sign));
}

const PLAIN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a yuan amount with at most two decimals ("12345.67", "-3.5") into fen, never via a float.
 * Used for machine input (JSON). For what people type, see `parseMoneyInput`.
 */
export function parseCents(text: string, field = 'amount'): Result<Cents, FieldIssue> {
  if (typeof text !== 'string') {
    return err({
      code: 'invalid-amount',
      field,
      message: `${field}: expected a string like "123.45"`,
      messageZh: `${field}：金额应为形如 "123.45" 的字符串`,
    });
  }
  const s = text.trim();
  const m = PLAIN.exec(s);
  if (!m) {
    const threeDecimals = /^-?\d+\.\d{3,}$/.test(s);
    return err({
      code: 'invalid-amount',
      field,
      message: threeDecimals
        ? `${field}: "${text}" has more than two decimals (amounts are in yuan to the fen)`
        : `${field}: "${text}" is not an amount in yuan (expected digits with at most two decimals, e.g. "1234.56")`,
      messageZh: threeDecimals
        ? `${field}：“${text}”超过两位小数（金额精确到分）`
        : `${field}：“${text}”不是有效的金额（例如 "1234.56"）`,
    });
  }
  const intPart = m[2]!;
  const frac = (m[3] ?? '').padEnd(2, '0');
  const v = BigInt(intPart) * 100n + BigInt(frac);
  if (v > BigInt(MAX_AMOUNT_CENTS)) return err(amountOverLimit(field, text.trim()));
  return ok(cents(m[1] ? -v : v));
}

/**
 * Parses what people type: "12,345.67", "¥1,200", "1.2万", "￥3千", "500元", "1万2千" is not accepted.
 * 万 multiplies by 10,000 and 千 by 1,000; the result must still be a whole number of fen.
 */
export function parseMoneyInput(text: string, field = 'amount'): Result<Cents, FieldIssue> {
  if (typeof text !== 'string') return parseCents(text, field);
  let s = text
    .trim()
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/(元|块|rmb|RMB|CNY)$/, '');
  let scale = 1n;
  let scaleDigits = 0;
  if (s.endsWith('万')) {
    scale = 10_000n;
    scaleDigits = 4;
    s = s.slice(0, -1);
  } else if (s.endsWith('千')) {
    scale = 1000n;
    scaleDigits = 3;
    s = s.slice(0, -1);
  }
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return parseCents(text, field);
  const fracDigits = (m[3] ?? '').length;
  if (fracDigits > 2 + scaleDigits) {
    return err({
      code: 'invalid-amount',
      field,
      message: `${field}: "${text}" is more precise than one fen`,
      messageZh: `${field}：“${text}”精确度超过一分`,
    });
  }
  const digits = BigInt(m[2]! + (m[3] ?? ''));
  const v = (digits * scale * 100n) / 10n ** BigInt(fracDigits);
  if (v > BigInt(MAX_AMOUNT_CENTS)) return err(amountOverLimit(field, text.trim()));
  return ok(cents(m[1] ? -v : v));
}

/** Formats fen as a plain yuan string with two decimals ("1234.50", "-0.05"), as JSON carries money. */
export function formatYuan(c: Cents): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const s = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** Formats fen for people: "¥1,234.56" (grouped thousands, two decimals). */
export function formatMoney(c: Cents, opts: { symbol?: boolean } = {}): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const yuan = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const s = `${opts.symbol === false ? '' : '¥'}${yuan}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}
