import { assert } from '../result.js';
/**
 * Rounding modes, named at every call site.
 * - halfUp: 四舍五入, half away from zero (the Chinese banking default).
 * - halfEven: banker's rounding.
 * - towardZero / floor / ceil: truncations.
 */
export type Rounding = 'halfUp' | 'halfEven' | 'towardZero' | 'floor' | 'ceil';

/** Divides two BigInts and rounds the quotient to an integer with the named mode. */
export function divRound(num: bigint, den: bigint, rounding: Rounding): bigint {
  assert(den !== 0n, 'division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // truncates toward zero
  const r = num - q * den;
  if (r === 0n) return q;
  const negative = num < 0n;
  switch (rounding) {
    case 'towardZero':
      return q;
    case 'floor':
      return negative ? q - 1n : q;
    case 'ceil':
      return negative ? q : q + 1n;
    case 'halfUp':
    case 'halfEven': {
      const twice = (r < 0n ? -r : r) * 2n;
      const away = negative ? q - 1n : q + 1n;
      if (twice > den) return away;
      if (twice < den) return q;
      if (rounding === 'halfUp') return away;
      return q % 2n === 0n ? q : away;
    }
    default: {
      const never: never = rounding;
      throw new Error(`unknown rounding ${String(never)}`);
    }
  }
}

/**
 * divRound for safe-integer numbers (|num| ≤ 2^53 − 1, den ≠ 0): the same quotient and the same
 * named rounding, without BigInt — the hot path of mulDiv (plan months, schedules). Property test:
 * cents.test.ts compares it with divRound.
 */
export function divRoundSafe(num: number, den: number, rounding: Rounding): number {
  assert(den !== 0, 'division by zero');
  if (num === 0) return 0; // never −0
  if (den < 0) {
    num = -num;
    den = -den;
  }
  let q = Math.trunc(num / den) + 0; // + 0 turns a −0 quotient into 0
  let r = num - q * den; // exact: |q·den| ≤ |num| + den
  // the float quotient may land one off; bring r into (−den, den) with num's sign
  if (num >= 0) {
    if (r < 0) {
      q -= 1;
      r += den;
    } else if (r >= den) {
      q += 1;
      r -= den;
    }
  } else if (r > 0) {
    q += 1;
    r -= den;
  } else if (r <= -den) {
    q -= 1;
    r += den;
  }
  if (r === 0) return q;
  const negative = num < 0;
  switch (rounding) {
    case 'towardZero':
      return q;
    case 'floor':
      return negative ? q - 1 : q;
    case 'ceil':
      return negative ? q : q + 1;
    case 'halfUp':
    case 'halfEven': {
      const twice = Math.abs(r) * 2;
      const away = negative ? q - 1 : q + 1;
      if (twice > den) return away;
      if (twice < den) return q;
      if (rounding === 'halfUp') return away;
      return q % 2 === 0 ? q : away;
    }
    default: {
      const never: never = rounding;
      throw new Error(`unknown rounding ${String(never)}`);
    }
  }
}
