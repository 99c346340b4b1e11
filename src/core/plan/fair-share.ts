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
    payOffWeighted(total - sumCapAll, pos, zero, f, o, pay);
    return;
  }
  // Sweep the breakpoints λ = a / w_i (a share meets a floor or what the debt owes), ascending,
  // keeping g(λ) = base + Σheld f + Σcapped o + λ·Σfree w; stop at the first λ where g(λ) > total:
  // the sets then are those of the segment holding the λ* with g(λ*) = total. O(n log n).
  const ev: { a: number; b: number; i: number; cap: boolean }[] = [];
  let held = 0; // Σ floors of debts still held (at λ = 0 every weighted debt is at its floor)
  for (const i of pos) {
    ev.push({ a: f[i]!, b: w[i]!, i, cap: false });
    ev.push({ a: o[i]!, b: w[i]!, i, cap: true });
    held += f[i]!;
  }
  ev.sort((x, y) => (mulLe(x.a, y.b, y.a, x.b) ? (mulLe(y.a, x.b, x.a, y.b) ? 0 : -1) : 1));
  const state = new Uint8Array(pay.length); // 0 held, 1 free, 2 capped
  let capped = 0;
  let Wf = 0;
  for (const e of ev) {
    // g(a/b)·b ≤ total·b  ⟺  (base + held + capped − total)·b + a·Wf ≤ 0
    if (!sumLe(base + held + capped - total, e.b, e.a, Wf)) break;
    if (e.cap) {
      state[e.i] = 2;
      Wf -= w[e.i]!;
      capped += o[e.i]!;
    } else {
      state[e.i] = 1;
      Wf += w[e.i]!;
      held -= f[e.i]!;
    }
  }
  let R = total - base;
  const free: number[] = [];
  for (const i of pos) {
    if (state[i] === 0) {
      pay[i]! += f[i]!;
      R -= f[i]!;
    } else if (state[i] === 2) {
      pay[i]! += o[i]!;
      R -= o[i]!;
    } else free.push(i);
  }
  for (const i of zero) pay[i]! += f[i]!;
  if (R > 0) giveProportional(R, free, w, Wf, order, pay);
}

/**
 * Every weighted debt is paid off: each pays what it owes, each zero-weight debt its floor, and
 * `left` (what remains of the total) goes to the zero-weight debts by what they still owe.
 */
function payOffWeighted(
  left: number,
  pos: readonly number[],
  zero: readonly number[],
  f: readonly number[],
  o: readonly number[],
  pay: number[],
): void {
  for (const i of pos) pay[i]! += o[i]!;
  for (const i of zero) pay[i]! += f[i]!;
  if (left <= 0) return;
  const need = o.map((x, i) => x - f[i]!);
  const z = zero.filter((i) => need[i]! > 0);
  const Wz = z.reduce((s, i) => s + need[i]!, 0);
  const zOrder = [...z].sort((a, b) => need[b]! - need[a]! || a - b);
  giveProportional(left, z, need, Wz, zOrder, pay);
}

/** x·b + a·W ≤ 0 for integers (x may be negative), exact. */
function sumLe(x: number, b: number, a: number, W: number): boolean {
  const l = x * b;
  const r = a * W;
  if (Math.abs(l) <= SAFE / 2 && r <= SAFE / 2) return l + r <= 0;
  return BigInt(x) * BigInt(b) + BigInt(a) * BigInt(W) <= 0n;
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
