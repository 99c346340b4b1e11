// Test helper for core/plan's fair shares (issue 12 item 3): an independent float reference.
/**
 * Independent reference (floats, bisection): the exact real shares clamp(λ·w, f, o) whose sum is
 * the total — each share proportional to its weight, lifted to its floor, capped at what it owes.
 */
export function referenceShares(
  total: number,
  cells: readonly { f: number; o: number; w: number }[],
): number[] {
  // the stated fallback: when every weighted debt can be paid off, zero-weight debts take their
  // floor plus the rest in proportion to what they still need
  const capAll = cells.reduce((s, c) => s + (c.w > 0 ? c.o : c.f), 0);
  if (capAll <= total) {
    const need = cells.map((c) => (c.w > 0 ? 0 : c.o - c.f));
    const N = need.reduce((s, x) => s + x, 0);
    const left = total - capAll;
    return cells.map((c, i) => (c.w > 0 ? c.o : c.f + (N > 0 ? (left * need[i]!) / N : 0)));
  }
  const g = (l: number) => cells.reduce((s, c) => s + Math.min(c.o, Math.max(c.f, l * c.w)), 0);
  let lo = 0;
  let hi = 1;
  while (g(hi) < total && hi < 1e30) hi *= 2;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (g(mid) < total) lo = mid;
    else hi = mid;
  }
  return cells.map((c) => Math.min(c.o, Math.max(c.f, hi * c.w)));
}
