// Float root finding for the IRR equation: the one place in core where floats are allowed
// (docs/style.md, Units). Everything works on x = ln(1 + i), where i is the rate per unit period, and on
// φ(x) = ln(PV of one side) − ln(PV of the other side): a log ratio never overflows, is scale-free
// (a relative tolerance for free) and is zero exactly where the NPV is zero.

/** φ and dφ/dx at one point, written into a reusable object to keep the hot loop allocation-free. */
export interface PhiOut {
  phi: number;
  dphi: number;
}

/** Evaluates φ(x) into `out`. */
export type PhiEval = (x: number, out: PhiOut) => void;

/** Sum of c_k·e^(−t_k·x), as its logarithm and the derivative of that logarithm. */
interface LogSum {
  ln: number;
  dln: number;
}

/**
 * Dense polynomial side Σ c[k]·v^k (v = e^−x) over indices lo..hi, c[k] ≥ 0, c[lo] > 0, c[hi] > 0.
 * Horner in v when v ≤ 1 and in w = 1/v when v > 1, so no power ever exceeds 1 (no overflow).
 */
export interface PolySide {
  c: Float64Array;
  lo: number;
  hi: number;
}

function polyLogSum(p: PolySide, x: number, out: LogSum): void {
  const c = p.c;
  if (x >= 0) {
    const v = Math.exp(-x);
    let h = 0;
    let dh = 0;
    for (let k = p.hi; k >= p.lo; k--) {
      dh = dh * v + h;
      h = h * v + c[k]!;
    }
    // S = v^lo·H(v); d ln S/dx = −lo − v·H'(v)/H(v)
    out.ln = -p.lo * x + Math.log(h);
    out.dln = -p.lo - (v * dh) / h;
  } else {
    const w = Math.exp(x);
    let g = 0;
    let dg = 0;
    for (let k = p.lo; k <= p.hi; k++) {
      dg = dg * w + g;
      g = g * w + c[k]!;
    }
    // S = v^hi·G(w), G(w) = Σ c_k·w^(hi−k); d ln S/dx = −hi + w·G'(w)/G(w)
    out.ln = -p.hi * x + Math.log(g);
    out.dln = -p.hi + (w * dg) / g;
  }
}

/** φ = ln(Σ over `plus`) − ln(Σ over `minus`) for dense periodic flows. */
export function polyPhi(plus: PolySide, minus: PolySide): PhiEval {
  const a: LogSum = { ln: 0, dln: 0 };
  const b: LogSum = { ln: 0, dln: 0 };
  return (x, out) => {
    polyLogSum(plus, x, a);
    polyLogSum(minus, x, b);
    out.phi = a.ln - b.ln;
    out.dphi = a.dln - b.dln;
  };
}

/**
 * Sparse side for dated flows: Σ c_k / ((1 + f_k·i)·(1 + i)^n_k), the Reg Z Appendix J (b)(8)
 * discount with a simple-interest odd fraction f_k ∈ [0, 1) (n_k may be any real ≥ 0 when f = 0).
 */
export interface TermSide {
  n: Float64Array;
  f: Float64Array;
  c: Float64Array;
  nMin: number;
  nMax: number;
}

function termLogSum(s: TermSide, x: number, out: LogSum): void {
  // Factor out e^(−x·ref) with ref = the earliest time for x ≥ 0, the latest for x < 0, so every
  // remaining exponential is ≤ 1.
  const ref = x >= 0 ? s.nMin : s.nMax;
  const em1 = Math.expm1(x);
  const ex = em1 + 1;
  let sum = 0;
  let dsum = 0;
  for (let k = 0; k < s.c.length; k++) {
    const nk = s.n[k]! - ref;
    const fk = s.f[k]!;
    const g = 1 + fk * em1;
    const term = (s.c[k]! * Math.exp(-x * nk)) / g;
    sum += term;
    dsum += term * (-nk - (fk * ex) / g);
  }
  out.ln = -ref * x + Math.log(sum);
  out.dln = -ref + dsum / sum;
}

/** φ = ln(Σ over `plus`) − ln(Σ over `minus`) for dated (sparse) flows. */
export function termPhi(plus: TermSide, minus: TermSide): PhiEval {
  const a: LogSum = { ln: 0, dln: 0 };
  const b: LogSum = { ln: 0, dln: 0 };
  return (x, out) => {
    termLogSum(plus, x, a);
    termLogSum(minus, x, b);
    out.phi = a.ln - b.ln;
    out.dphi = a.dln - b.dln;
  };
}

/** Newton steps below this (in x = ln(1 + i)) count as converged: the next step is at roundoff. */
const STEP_TOL = 1e-12;
const MAX_ITER = 200;

export type MonotoneRoot = { found: true; x: number; evaluations: number } | { found: false };

/**
 * The unique root of a strictly decreasing φ on [xLo, xHi]: Newton from `x0`, kept inside a
 * shrinking bracket, bisecting whenever Newton would leave it. The range ends are evaluated only
 * when Newton tries to cross them, so a good guess costs one or two evaluations in all.
 * Strict monotonicity is what makes any zero found here the only one (see solve-apr.ts).
 */
export function solveDecreasing(
  ev: PhiEval,
  range: { xLo: number; xHi: number },
  x0: number,
): MonotoneRoot {
  const out: PhiOut = { phi: 0, dphi: 0 };
  let lo = range.xLo;
  let hi = range.xHi;
  let loSure = false;
  let hiSure = false;
  let evaluations = 0;
  let x = Number.isFinite(x0) ? Math.min(Math.max(x0, lo), hi) : (lo + hi) / 2;
  for (let it = 0; it < MAX_ITER; it++) {
    ev(x, out);
    evaluations++;
    const { phi, dphi } = out;
    if (phi === 0) return { found: true, x, evaluations };
    if (phi > 0) {
      lo = x;
      loSure = true;
    } else {
      hi = x;
      hiSure = true;
    }
    let xn = x - phi / dphi;
    if (!(dphi < 0 && xn > lo && xn < hi)) {
      // Newton would leave the bracket: make sure the root is in range, then bisect.
      if (!loSure) {
        ev(range.xLo, out);
        evaluations++;
        if (out.phi === 0) return { found: true, x: range.xLo, evaluations };
        if (out.phi < 0) return { found: false };
        lo = range.xLo;
        loSure = true;
      }
      if (!hiSure) {
        ev(range.xHi, out);
        evaluations++;
        if (out.phi === 0) return { found: true, x: range.xHi, evaluations };
        if (out.phi > 0) return { found: false };
        hi = range.xHi;
        hiSure = true;
      }
      xn = lo + (hi - lo) / 2;
      if (xn <= lo || xn >= hi) return { found: true, x: xn, evaluations };
    }
    if (Math.abs(xn - x) <= STEP_TOL * Math.max(1, Math.abs(x))) {
      return { found: true, x: xn, evaluations };
    }
    x = xn;
  }
  return loSure && hiSure ? { found: true, x: (lo + hi) / 2, evaluations } : { found: false };
}

/** Root of φ inside [a, b] where φ(a), φ(b) have opposite signs (either direction). */
function solveBracket(ev: PhiEval, a: number, b: number, phiA: number): number {
  const out: PhiOut = { phi: 0, dphi: 0 };
  // Orient so that φ(lo) > 0 > φ(hi) in terms of "towards the root".
  const decreasing = phiA > 0;
  let lo = a;
  let hi = b;
  let x = (a + b) / 2;
  for (let it = 0; it < MAX_ITER; it++) {
    ev(x, out);
    const { phi, dphi } = out;
    if (phi === 0) return x;
    if (phi > 0 === decreasing) lo = x;
    else hi = x;
    let xn = x - phi / dphi;
    if (!(xn > lo && xn < hi)) xn = lo + (hi - lo) / 2;
    if (Math.abs(xn - x) <= STEP_TOL * Math.max(1, Math.abs(x)) || hi - lo <= 1e-15) return xn;
    x = xn;
  }
  return (lo + hi) / 2;
}

/** A local extremum of φ inside [a, b] found by bisecting on the sign of φ'. */
function findExtremum(ev: PhiEval, a: number, b: number, dA: number): number {
  const out: PhiOut = { phi: 0, dphi: 0 };
  let lo = a;
  let hi = b;
  for (let it = 0; it < 60 && hi - lo > 1e-14; it++) {
    const m = lo + (hi - lo) / 2;
    ev(m, out);
    if (out.dphi === 0) return m;
    if (out.dphi > 0 === dA > 0) lo = m;
    else hi = m;
  }
  return lo + (hi - lo) / 2;
}

/** |φ| below this at a local extremum counts as touching zero (a double root): 1e-10 relative NPV. */
const TOUCH_TOL = 1e-10;
/** Grid cells per side of x = 0 for the multi-root scan. */
const SCAN_CELLS = 256;

/**
 * Every root of φ in [xLo, xHi] (ascending), for flows with several sign changes where φ need not
 * be monotone. Scans a grid (x = 0 is a grid point); a cell whose ends differ in sign holds a root;
 * a cell where φ' changes sign is split at its extremum, which catches two roots in one cell and a
 * double root where φ only touches zero. Assumes at most one extremum per cell (cells are 0.018 wide
 * in ln(1 + i)).
 */
export function findAllRoots(ev: PhiEval, range: { xLo: number; xHi: number }): number[] {
  const grid: number[] = [];
  const { xLo, xHi } = range;
  if (xLo < 0 && xHi > 0) {
    for (let k = 0; k < SCAN_CELLS; k++) grid.push(xLo + ((0 - xLo) * k) / SCAN_CELLS);
    for (let k = 0; k <= SCAN_CELLS; k++) grid.push((xHi * k) / SCAN_CELLS);
  } else {
    for (let k = 0; k <= 2 * SCAN_CELLS; k++) grid.push(xLo + ((xHi - xLo) * k) / (2 * SCAN_CELLS));
  }
  const out: PhiOut = { phi: 0, dphi: 0 };
  const phis = grid.map((x) => {
    ev(x, out);
    return { phi: out.phi, dphi: out.dphi };
  });
  const roots: number[] = [];
  const monotonePiece = (a: number, b: number, pa: number, pb: number): void => {
    if (pa === 0) roots.push(a);
    else if (pb !== 0 && pa > 0 !== pb > 0) roots.push(solveBracket(ev, a, b, pa));
  };
  for (let k = 0; k + 1 < grid.length; k++) {
    const a = grid[k]!;
    const b = grid[k + 1]!;
    const pa = phis[k]!;
    const pb = phis[k + 1]!;
    if (pa.dphi !== 0 && pb.dphi !== 0 && pa.dphi > 0 === pb.dphi > 0) {
      monotonePiece(a, b, pa.phi, pb.phi);
      continue;
    }
    const c = findExtremum(ev, a, b, pa.dphi === 0 ? -pb.dphi : pa.dphi);
    ev(c, out);
    const pc = out.phi;
    if (Math.abs(pc) <= TOUCH_TOL) {
      if (pa.phi === 0) roots.push(a);
      roots.push(c);
      continue;
    }
    monotonePiece(a, c, pa.phi, pc);
    monotonePiece(c, b, pc, pb.phi);
  }
  const last = phis[phis.length - 1]!;
  if (last.phi === 0) roots.push(grid[grid.length - 1]!);
  roots.sort((p, q) => p - q);
  const distinct: number[] = [];
  for (const r of roots) {
    if (distinct.length === 0 || r - distinct[distinct.length - 1]! > 1e-9) distinct.push(r);
  }
  return distinct;
}
