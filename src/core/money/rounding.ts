/**
 * Rounding modes, named at every call site.
 * - halfUp: 四舍五入, half away from zero (the Chinese banking default).
 * - halfEven: banker's rounding.
 * - towardZero / floor / ceil: truncations.
 */
export type Rounding = 'halfUp' | 'halfEven' | 'towardZero' | 'floor' | 'ceil';

/** Divides two BigInts and rounds the quotient to an integer with the named mode. */
export function divRound(num: bigint, den: bigint, rounding: Rounding): bigint {
  if (den === 0n) throw new Error('assertion failed: division by zero');
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
