// Fair shares for the pro-rata strategies (issue 12 item 3): each creditor's share of the month's
// money is proportional to its weight (its balance for pro-rata-balance); a token floor lifts only
// a debt whose proportional share is below it, and a debt whose share reaches what it owes gets
// exactly that. Whatever those debts do not take is re-split among the others proportionally
// (water-filling from below and above). Exact: rational comparisons, BigInt when a product could
// pass 2^53; rounding: each free share is floored to the fen, leftover fen one each to the largest
// weights first, ties to input order (`allocate`'s rule).

const SAFE = Number.MAX_SAFE_INTEGER;

/** a × b as a bigint only when it might not be exact as a double. */
function mulLe(a: number, b: number, c: number, d: number): boolean {
  const l = a * b;
  const r = c * d;
  if (l <= SAFE && r <= SAFE) return l <= r;
  return BigInt(a) * BigInt(b) <= BigInt(c) * BigInt(d);
}

function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  if (p + c <= SAFE) return Math.floor(p / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * Splits `total` fen among debts `idx` (each with floor f ≤ owed o and weight w ≥ 0) so that each
 * pays clamp(λ·w, f, o) for the one λ that makes the parts sum to `total`; requires Σf ≤ total < Σo.
 * Debts with weight 0 pay their floor, and share what the others cannot take by what they owe.
 * Adds each part into `pay`. `order` lists every debt by weight descending, ties input order.
 */
export function splitFairShares(
  total: number,
  idx: readonly number[],
  f: readonly number[],
  o: readonly number[],
  w: readonly number[],
  order: readonly number[],
  pay: number[],
): void {
  const pos: number[] = [];
  const zero: number[] = [];
  let base = 0;
  let W = 0;
  for (const i of idx) {
    if (w[i]! > 0) {
      pos.push(i);
      W += w[i]!;
    } else {
      zero.push(i);
      base += f[i]!;
    }
  }
  // fast path: the plain proportional shares of the whole total already respect every bound
  if (zero.length === 0 || base === 0) {
    let ok = W > 0;
    for (const i of pos) {
      if (!ok) break;
      if (!mulLe(f[i]!, W, total, w[i]!) || !mulLe(total, w[i]!, o[i]!, W)) ok = false;
      else if (mulLe(o[i]!, W, total, w[i]!)) ok = false; // share reaches what it owes: cap it
    }
    if (ok) {
      giveProportional(total, pos, w, W, order, pay);
      return;
    }
  }
  let sumCapAll = base;
  for (const i of pos) sumCapAll += o[i]!;
  if (sumCapAll <= total) {
    // every weighted debt is paid off; the rest goes to the zero-weight debts by what they owe
    for (const i of pos) pay[i]! += o[i]!;
    for (const i of zero) pay[i]! += f[i]!;
    const left = total - sumCapAll;
    if (left > 0) {
      const need = o.map((x, i) => x - f[i]!);
      const z = zero.filter((i) => need[i]! > 0);
      const Wz = z.reduce((s, i) => s + need[i]!, 0);
      const zOrder = [...z].sort((a, b) => need[b]! - need[a]! || a - b);
      giveProportional(left, z, need, Wz, zOrder, pay);
    }
    return;
  }
  // breakpoints λ = a / w_i where a share meets a floor or what the debt owes, ascending
  const bp: [number, number][] = [];
  for (const i of pos) {
    bp.push([f[i]!, w[i]!]);
    bp.push([o[i]!, w[i]!]);
  }
  bp.sort((x, y) => (mulLe(x[0], y[1], y[0], x[1]) ? (mulLe(y[0], x[1], x[0], y[1]) ? 0 : -1) : 1));
  const bigT = BigInt(total);
  const bigBase = BigInt(base);
  // g(a/b)·b = Σ clamp(a·w_i, f_i·b, o_i·b) + base·b, compared with total·b
  const fits = (a: number, b: number): boolean => {
    const A = BigInt(a);
    const B = BigInt(b);
    let s = bigBase * B;
    for (const i of pos) {
      const x = A * BigInt(w[i]!);
      const lo = BigInt(f[i]!) * B;
      const hi = BigInt(o[i]!) * B;
      s += x < lo ? lo : x > hi ? hi : x;
    }
    return s <= bigT * B;
  };
  let lo = -1;
  let hi = bp.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(bp[mid]![0], bp[mid]![1])) lo = mid;
    else hi = mid - 1;
  }
  const [la, lb] = lo < 0 ? [0, 1] : bp[lo]!;
  let R = total - base;
  let Wf = 0;
  const free: number[] = [];
  for (const i of pos) {
    if (!mulLe(f[i]!, lb, la, w[i]!)) {
      // f_i / w_i > λ: held at its floor
      pay[i]! += f[i]!;
      R -= f[i]!;
    } else if (mulLe(o[i]!, lb, la, w[i]!)) {
      // o_i / w_i ≤ λ: its share reaches what it owes
      pay[i]! += o[i]!;
      R -= o[i]!;
    } else {
      free.push(i);
      Wf += w[i]!;
    }
  }
  for (const i of zero) pay[i]! += f[i]!;
  if (R > 0) giveProportional(R, free, w, Wf, order, pay);
}

/** floor(R·w_i/W) each, leftover fen one each in `order` (largest weight first). */
function giveProportional(
  R: number,
  idx: readonly number[],
  w: readonly number[],
  W: number,
  order: readonly number[],
  pay: number[],
): void {
  if (idx.length === 0 || W === 0) return;
  const isIn = new Uint8Array(pay.length);
  let given = 0;
  for (const i of idx) {
    const s = mulDivFloor(R, w[i]!, W);
    pay[i]! += s;
    given += s;
    if (w[i]! > 0) isIn[i] = 1;
  }
  let left = R - given;
  for (let k = 0; left > 0 && k < order.length; k++) {
    const i = order[k]!;
    if (isIn[i] === 1) {
      pay[i]! += 1;
      left -= 1;
    }
  }
}
