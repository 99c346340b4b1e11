// True cost of a loan from its cash flows.
//
// nominalApr: the actuarial method of Reg Z Appendix J (12 CFR 1026 App. J): discount every flow to
// the start of the term as P / ((1 + f·i)(1 + i)^n), with n whole unit-periods and f the odd
// fraction (simple interest within the fraction, (b)(5)(ii) and (b)(8)); solve NPV = 0 for the
// unit-period rate i; APR = i × unit-periods per year ((b)(1)). For a regular schedule this is the
// 单利口径 annualized rate of 中国人民银行公告〔2021〕第3号 (see the PBOC example in the tests).
// effectiveAnnualRate: the 复利/IRR口径 figure, XIRR on actual/365 for dated flows and
// (1 + i)^ppy − 1 for periodic ones.
//
// Uniqueness: order flows in time; if their signs change once, NPV(i)·(discount of the sign-change
// flow)^−1 is strictly monotone in i for i > −1, because the discount ratio of any later flow to an
// earlier one, (1 + f_a·i)/((1 + f_b·i)(1 + i)^(n_b − n_a)), strictly decreases in i. So a loan
// shape has at most one rate and the safeguarded Newton in root-finder.ts finds it. With more sign
// changes every root in the plausible range is found by a scan and reported, never guessed.
import type { Cents } from '../money/index.js';
import { parseIsoDate, type IsoDate } from '../dates/index.js';
import { err, ok, type IssueCode, type Result } from '../result.js';
import {
  findAllRoots,
  polyPhi,
  solveDecreasing,
  termPhi,
  type PhiEval,
  type PolySide,
  type TermSide,
} from './root-finder.js';
import type { AprIssue, AprResult, DatedFlow } from './types.js';
import {
  calDate,
  chooseUnitPeriodCal,
  monthRuleOfCal,
  periodsPerYearOf,
  singlePaymentUnitCal,
  unitTimeOfCal,
  type CalDate,
  type UnitPeriod,
} from './unit-period.js';

/** Plausible unit-period rates: (−99 %, +10,000 %] per period, as x = ln(1 + i). */
export const RATE_RANGE = { xLo: Math.log(0.01), xHi: Math.log(101) } as const;
/** Most flows one request may carry (keeps the multi-root scan within a second or so). */
export const MAX_FLOWS = 100_000;
/** e^709 is the largest finite exponential: an effective annual rate beyond that is not a number. */
const MAX_EXP = 709;

/** A flow at n whole unit-periods plus fraction f from the start of the term (App. J (b)(8)). */
export interface UnitFlow {
  n: number;
  f: number;
  amount: number;
}

type Roots = { kind: 'one'; x: number } | { kind: 'none' } | { kind: 'many'; xs: number[] };

function issue(code: IssueCode, field: string, message: string, messageZh: string): AprIssue {
  return { code, field, message, messageZh };
}

function pct(r: number): string {
  return `${(r * 100).toFixed(2)}%`;
}

/**
 * A first guess for the rate of a one-sign-change flow set: treat the later block as a level
 * annuity of its count of payments ending at its last time and solve that in closed-form Newton
 * (exact for 等额本息), starting from the Jensen lower bound ln(L/E) / (mean-time gap).
 */
function guessX(g: {
  early: number;
  tEarly: number;
  late: number;
  tLateMean: number;
  tLast: number;
  count: number;
}): number {
  const gap = g.tLateMean - g.tEarly;
  if (!(gap > 0)) return 0;
  const xMean = Math.log(g.late / g.early) / gap;
  const d = (g.tLast - g.tEarly) / g.count;
  if (!(d > 0) || !Number.isFinite(xMean)) return Number.isFinite(xMean) ? xMean : 0;
  const m = g.count;
  const lnRatio = Math.log(g.late / m / g.early);
  let y = xMean * d;
  for (let it = 0; it < 40; it++) {
    if (Math.abs(y) < 1e-9) y = y < 0 ? -1e-9 : 1e-9;
    const psi = lnRatio + Math.log(-Math.expm1(-m * y) / Math.expm1(y));
    const dpsi = m / Math.expm1(m * y) + 1 / Math.expm1(-y);
    const yn = y - psi / dpsi;
    if (!Number.isFinite(yn)) break;
    const done = Math.abs(yn - y) < 1e-12;
    y = yn;
    if (done) break;
  }
  const x = y / d;
  return Number.isFinite(x) ? x : xMean;
}

interface TimedFlow {
  t: number;
  amount: number;
}

/** The sign of the early flows (money in is plus), which picks the late-minus-early evaluator. */
type FlowSign = 'plus' | 'minus';

/** Solves φ = 0 given flows in time order (amounts nonzero) and the matching evaluators. */
function solveRoots(
  ordered: readonly TimedFlow[],
  evaluators: { plusMinus: PhiEval; lateEarly: (early: FlowSign) => PhiEval },
  range: { xLo: number; xHi: number } = RATE_RANGE,
): Roots {
  let changes = 0;
  for (let k = 1; k < ordered.length; k++) {
    if (ordered[k]!.amount > 0 !== ordered[k - 1]!.amount > 0) changes++;
  }
  if (changes === 1) {
    const earlyIsPlus = ordered[0]!.amount > 0;
    let early = 0;
    let tE = 0;
    let late = 0;
    let tL = 0;
    let count = 0;
    let tLast = 0;
    for (const fl of ordered) {
      const a = Math.abs(fl.amount);
      if (fl.amount > 0 === earlyIsPlus) {
        early += a;
        tE += a * fl.t;
      } else {
        late += a;
        tL += a * fl.t;
        count++;
        tLast = fl.t;
      }
    }
    const x0 = guessX({ early, tEarly: tE / early, late, tLateMean: tL / late, tLast, count });
    const r = solveDecreasing(evaluators.lateEarly(earlyIsPlus ? 'plus' : 'minus'), range, x0);
    return r.found ? { kind: 'one', x: r.x } : { kind: 'none' };
  }
  const xs = findAllRoots(evaluators.plusMinus, range);
  if (xs.length === 0) return { kind: 'none' };
  if (xs.length === 1) return { kind: 'one', x: xs[0]! };
  return { kind: 'many', xs };
}

function noSolution(): AprIssue {
  return issue(
    'no-solution',
    'cashflows',
    'no rate between −99% and +10,000% per period makes these cash flows balance',
    '在每期 −99% 到 +10000% 的范围内，没有任何利率能使这些现金流平衡',
  );
}

function ambiguous(xs: readonly number[], ppy: number): AprIssue {
  const rates = xs.map((x) => Math.expm1(x) * ppy);
  return {
    code: 'ambiguous-rate',
    field: 'cashflows',
    message: `several rates make these cash flows balance (nominal APR ${rates.map(pct).join(', ')}); the cost has no single rate`,
    messageZh: `有多个利率都能使这些现金流平衡（单利口径年化 ${rates.map(pct).join('、')}），无法给出唯一的年化利率`,
    rates,
  };
}

function tooLargeRate(): AprIssue {
  return issue(
    'rate-out-of-range',
    'cashflows',
    'the effective annual rate of these cash flows is too large to represent',
    '这些现金流的复利年化利率大到无法表示',
  );
}

function polySide(flows: readonly number[], sign: 1 | -1): PolySide {
  const c = new Float64Array(flows.length);
  let lo = -1;
  let hi = -1;
  for (let k = 0; k < flows.length; k++) {
    const a = flows[k]! * sign;
    if (a > 0) {
      c[k] = a;
      if (lo < 0) lo = k;
      hi = k;
    }
  }
  return { c, lo, hi };
}

function checkPeriodsPerYear(ppy: unknown): AprIssue | undefined {
  if (typeof ppy !== 'number' || !Number.isFinite(ppy) || ppy <= 0 || ppy > 366) {
    return issue(
      'invalid-input',
      'periodsPerYear',
      `periodsPerYear: expected a number of periods per year between 0 and 366 (12 = monthly), got ${String(ppy)}`,
      `periodsPerYear：每年期数应为 0 到 366 之间的数（按月为 12），收到 ${String(ppy)}`,
    );
  }
  return undefined;
}

function checkCount(n: number): AprIssue | undefined {
  if (n === 0) {
    return issue(
      'invalid-input',
      'cashflows',
      'cashflows: the list is empty; give the money received (+) and paid (−)',
      'cashflows：现金流列表为空；请填写收到的钱（正数）和还出的钱（负数）',
    );
  }
  if (n > MAX_FLOWS) {
    return issue(
      'invalid-input',
      'cashflows',
      `cashflows: ${n} flows is more than the limit of ${MAX_FLOWS}`,
      `cashflows：共 ${n} 笔现金流，超过上限 ${MAX_FLOWS}`,
    );
  }
  return undefined;
}

function oneSign(): AprIssue {
  return issue(
    'invalid-input',
    'cashflows',
    'cashflows: all flows have the same sign (after adding flows on the same date); a rate needs money received (+) and money paid (−)',
    'cashflows：所有现金流（同日合并后）方向相同；计算利率需要既有收到的钱（正数）也有还出的钱（负数）',
  );
}

function badAmount(field: string, v: unknown): AprIssue {
  return issue(
    'invalid-amount',
    field,
    `${field}: expected a whole number of fen, got ${String(v)}`,
    `${field}：金额应为整数（分），收到 ${String(v)}`,
  );
}

/**
 * APR of periodic flows: flows[0] at t = 0, then one per period; + received, − paid (fen).
 * nominalApr = i × periodsPerYear; effectiveAnnualRate = (1 + i)^periodsPerYear − 1.
 */
export function solvePeriodicApr(input: {
  periodsPerYear: number;
  flows: readonly Cents[];
}): Result<AprResult, AprIssue> {
  const ppy = input.periodsPerYear;
  const bad = checkPeriodsPerYear(ppy);
  if (bad) return err(bad);
  if (!Array.isArray(input.flows)) return err(checkCount(0)!);
  const flows = input.flows as readonly number[];
  const countIssue = checkCount(flows.length);
  if (countIssue) return err(countIssue);
  const ordered: TimedFlow[] = [];
  for (let k = 0; k < flows.length; k++) {
    const a = flows[k];
    if (typeof a !== 'number' || !Number.isSafeInteger(a))
      return err(badAmount(`cashflows[${k}]`, a));
    if (a !== 0) ordered.push({ t: k, amount: a });
  }
  const plus = polySide(flows, 1);
  const minus = polySide(flows, -1);
  if (plus.lo < 0 || minus.lo < 0) return err(oneSign());
  const roots = solveRoots(ordered, {
    plusMinus: polyPhi(plus, minus),
    lateEarly: (early) => (early === 'plus' ? polyPhi(minus, plus) : polyPhi(plus, minus)),
  });
  if (roots.kind === 'none') return err(noSolution());
  if (roots.kind === 'many') return err(ambiguous(roots.xs, ppy));
  return finish(roots.x, ppy, roots.x * ppy);
}

function finish(x: number, ppy: number, xYear: number): Result<AprResult, AprIssue> {
  if (xYear > MAX_EXP) return err(tooLargeRate());
  const periodicRate = Math.expm1(x);
  return ok({
    periodicRate,
    periodsPerYear: ppy,
    nominalApr: periodicRate * ppy,
    effectiveAnnualRate: Math.expm1(xYear),
  });
}

function termSide(
  flows: readonly { n: number; f: number; amount: number }[],
  sign: 1 | -1,
): TermSide {
  const picked = flows.filter((fl) => fl.amount * sign > 0);
  const n = new Float64Array(picked.length);
  const f = new Float64Array(picked.length);
  const c = new Float64Array(picked.length);
  let nMin = Infinity;
  let nMax = -Infinity;
  picked.forEach((fl, k) => {
    n[k] = fl.n;
    f[k] = fl.f;
    c[k] = fl.amount * sign;
    nMin = Math.min(nMin, fl.n);
    nMax = Math.max(nMax, fl.n);
  });
  return { n, f, c, nMin, nMax };
}

/** Roots of Σ amount / ((1 + f·i)(1 + i)^n) = 0 over flows already merged by time. */
function solveUnitRoots(flows: readonly UnitFlow[], range = RATE_RANGE): Roots {
  const ordered = [...flows]
    .filter((fl) => fl.amount !== 0)
    .sort((a, b) => a.n + a.f - (b.n + b.f));
  const plus = termSide(ordered, 1);
  const minus = termSide(ordered, -1);
  return solveRoots(
    ordered.map((fl) => ({ t: fl.n + fl.f, amount: fl.amount })),
    {
      plusMinus: termPhi(plus, minus),
      lateEarly: (early) => (early === 'plus' ? termPhi(minus, plus) : termPhi(plus, minus)),
    },
    range,
  );
}

/**
 * The Appendix J general equation (b)(8) on flows already placed in unit-periods (n whole periods +
 * fraction f). Exposed for the published examples, which state n and f directly.
 * effectiveAnnualRate here is (1 + i)^ppy − 1.
 */
export function solveUnitPeriodApr(input: {
  periodsPerYear: number;
  flows: readonly UnitFlow[];
}): Result<AprResult, AprIssue> {
  const bad = checkPeriodsPerYear(input.periodsPerYear);
  if (bad) return err(bad);
  const countIssue = checkCount(input.flows.length);
  if (countIssue) return err(countIssue);
  if (!input.flows.some((f) => f.amount > 0) || !input.flows.some((f) => f.amount < 0))
    return err(oneSign());
  const roots = solveUnitRoots(input.flows);
  if (roots.kind === 'none') return err(noSolution());
  if (roots.kind === 'many') return err(ambiguous(roots.xs, input.periodsPerYear));
  return finish(roots.x, input.periodsPerYear, roots.x * input.periodsPerYear);
}

/** What the dated solver decided about the schedule, for explanations and tests. */
export interface DatedAnalysis {
  unit: UnitPeriod;
  start: IsoDate;
  flows: UnitFlow[];
}

type Analysis = DatedAnalysis & { byDate: { date: IsoDate; amount: number }[] };

/** analyzeDatedFlows plus each byDate entry's parsed date (same order), for the solver. */
function analyze(flows: readonly DatedFlow[]): Result<Analysis & { cals: CalDate[] }, AprIssue> {
  if (!Array.isArray(flows)) return err(checkCount(0)!);
  const countIssue = checkCount(flows.length);
  if (countIssue) return err(countIssue);
  // Same-day flows add up; Map order is first appearance, as before.
  const merged = new Map<number, { date: IsoDate; amount: number; cal: CalDate }>();
  for (let k = 0; k < flows.length; k++) {
    const fl = flows[k] as Partial<DatedFlow> | undefined;
    const d = parseIsoDate(fl?.date, `cashflows[${k}].date`);
    if (!d.ok) return err(d.error);
    const date = d.value;
    const cal = calDate(date);
    const a = fl?.amount;
    if (typeof a !== 'number' || !Number.isSafeInteger(a))
      return err(badAmount(`cashflows[${k}].amount`, a));
    const e = merged.get(cal.dn);
    if (e) e.amount += a;
    else merged.set(cal.dn, { date, amount: a, cal });
  }
  const sorted = [...merged.values()]
    .filter((e) => e.amount !== 0)
    .sort((p, q) => p.cal.dn - q.cal.dn);
  const byDate = sorted.map((e) => ({ date: e.date, amount: e.amount }));
  const cals = sorted.map((e) => e.cal);
  if (!byDate.some((e) => e.amount > 0) || !byDate.some((e) => e.amount < 0)) return err(oneSign());
  const start = cals[0]!;
  const advances: CalDate[] = [];
  const payments: CalDate[] = [];
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.amount > 0) advances.push(cals[k]!);
    else payments.push(cals[k]!);
  }
  const unit =
    byDate.length === 2
      ? singlePaymentUnitCal(start, cals[1]!)
      : chooseUnitPeriodCal({ start, advances, payments });
  const rule = monthRuleOfCal(payments.length > 0 ? payments : advances);
  // Flows at the same (n, f) add up, in order of first appearance; those that cancel are dropped.
  const placed: UnitFlow[] = [];
  const at = new Map<number, Map<number, UnitFlow>>();
  for (let k = 0; k < sorted.length; k++) {
    const t = unitTimeOfCal(unit, start, cals[k]!, rule);
    const amount = sorted[k]!.amount;
    let byF = at.get(t.n);
    if (!byF) {
      byF = new Map();
      at.set(t.n, byF);
    }
    const e = byF.get(t.f);
    if (e) e.amount += amount;
    else {
      const fl = { n: t.n, f: t.f, amount };
      byF.set(t.f, fl);
      placed.push(fl);
    }
  }
  const unitFlows = placed.filter((e) => e.amount !== 0);
  return ok({ unit, start: byDate[0]!.date, flows: unitFlows, byDate, cals });
}

/** Places dated flows in Appendix J unit-periods: validates, merges same-day flows, picks the unit. */
export function analyzeDatedFlows(flows: readonly DatedFlow[]): Result<Analysis, AprIssue> {
  const r = analyze(flows);
  if (!r.ok) return r;
  const { unit, start, flows: unitFlows, byDate } = r.value;
  return ok({ unit, start, flows: unitFlows, byDate });
}

/**
 * APR of dated flows (+ received, − paid, fen; any order; same-day flows add up).
 * nominalApr: Reg Z Appendix J actuarial method (unit-period = the most common payment interval,
 * odd days as a simple-interest fraction) = 单利口径. effectiveAnnualRate: XIRR, actual/365 = 复利口径.
 */
export function solveDatedApr(flows: readonly DatedFlow[]): Result<AprResult, AprIssue> {
  const analysis = analyze(flows);
  if (!analysis.ok) return analysis;
  const { unit, byDate, cals } = analysis.value;
  const startDn = cals[0]!.dn;
  const ppy = periodsPerYearOf(unit);
  if (
    !analysis.value.flows.some((f) => f.amount > 0) ||
    !analysis.value.flows.some((f) => f.amount < 0)
  )
    return err(oneSign());
  const nominal = solveUnitRoots(analysis.value.flows);
  if (nominal.kind === 'none') return err(noSolution());
  if (nominal.kind === 'many') return err(ambiguous(nominal.xs, ppy));
  // XIRR in the same unit: t = days × ppy / 365, so its x range matches the nominal one.
  const xirrFlows = byDate.map((e, k) => ({
    n: ((cals[k]!.dn - startDn) * ppy) / 365,
    f: 0,
    amount: e.amount,
  }));
  // A slightly wider range than the nominal one, so a nominal rate near the edge keeps its XIRR.
  const xirr = solveUnitRoots(xirrFlows, { xLo: RATE_RANGE.xLo - 1, xHi: RATE_RANGE.xHi + 1 });
  let xEff: number;
  if (xirr.kind === 'one') xEff = xirr.x;
  else if (xirr.kind === 'many') {
    // The nominal rate is unique; of the XIRR roots take the one describing the same economics.
    xEff = xirr.xs.reduce((b, x) => (Math.abs(x - nominal.x) < Math.abs(b - nominal.x) ? x : b));
  } else return err(noSolution());
  return finish(nominal.x, ppy, xEff * ppy);
}
