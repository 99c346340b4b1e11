// The month-by-month plan engine. Its inputs are Cents and RatePpm; the running balances are plain
// integer fen in arrays (exact: sums of safe integers), interest is core/money's mulDiv with the
// named 'halfUp' rounding, and every product that could leave the exact range of a double goes
// through BigInt. O(debts × months) per run, plus a
// sort of the still-owing debts in the months where some debt reaches its payoff.
import { allocate, cents, mulDiv, type Cents } from '../money/index.js';
import type { RatePpm } from '../rates/index.js';
import { addMonths, type IsoDate } from '../dates/index.js';
import { splitFairShares } from './fair-share.js';
import type { PlanRow, ProblemReason, Strategy } from './types.js';
import { assert } from '../result.js';

/** A reason the plan is infeasible; `index` is the debt's position (null for the floors check). */
export interface EngineProblem {
  reason: ProblemReason;
  index: number | null;
  month: number;
}

/** One debt's state at the engine's start. */
export interface EngineDebt {
  /** interest-bearing principal */
  principal: Cents;
  /** interest due and unpaid (bears no interest) */
  interestDue: Cents;
  /** penalty / 违约金 still owed (bears no interest) */
  penalty: Cents;
  /** annual rate charged by the plan (0 when frozen) */
  ratePpm: RatePpm;
  /** token payment paid first each month (capped at what is owed) */
  floor: Cents;
  /** the debt must be repaid by this month (counted from the engine start) */
  termLimit: number;
  /** pro-rata weight (non-negative integer); unused by highest-cost-first */
  weight: number;
}

export interface EngineInput {
  /** the schedule anchor: payment n falls on addMonths(anchor, n) */
  anchor: IsoDate;
  /** months already elapsed since the anchor (re-plans); this run's month 1 is anchor + startMonth + 1 */
  startMonth: number;
  /** money paid to creditors each month */
  total: Cents;
  strategy: Strategy;
  debts: EngineDebt[];
}

export interface EngineResult {
  feasible: boolean;
  problems: EngineProblem[];
  /** month (1-based, this run) in which each debt is repaid; 0 = already nothing owed; -1 = not repaid in the horizon */
  payoffMonth: number[];
  /** one schedule per debt from simulatePlan; empty arrays from isPlanFeasible */
  rows: PlanRow[][];
  /** months simulated */
  months: number;
  /**
   * What the late debts still owed when their term limits passed, summed (0 when every debt is
   * repaid in time); partial when the run stopped at the first problem
   */
  deficit: number;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** a × b ≤ c × d for non-negative integers, exact. */
function productLe(a: number, b: number, c: number, d: number): boolean {
  const l = a * b;
  const r = c * d;
  if (l <= SAFE && r <= SAFE) return l <= r;
  return BigInt(a) * BigInt(b) <= BigInt(c) * BigInt(d);
}

/** Orders debts by need/weight ascending (zero weight last), ties by input order; exact. */
function compareRatio(need: readonly number[], w: readonly number[], a: number, b: number): number {
  const wa = w[a]!;
  const wb = w[b]!;
  if (wa === 0 || wb === 0) return wa === 0 && wb === 0 ? a - b : wa === 0 ? 1 : -1;
  const le = productLe(need[a]!, wb, need[b]!, wa);
  const ge = productLe(need[b]!, wa, need[a]!, wb);
  return le && ge ? a - b : le ? -1 : 1;
}

/** floor(a × b / c) for non-negative integers, exact (a×b + c below 2^53 makes the double exact). */
function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  if (p + c <= SAFE) return Math.floor(p / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** One month's interest on `principal` at `ratePpm` a year: principal × rate / 12, rounded half-up (mulDiv 'halfUp'). */
export function monthlyInterest(principal: Cents | number, ratePpm: RatePpm | number): Cents {
  if (principal === 0 || ratePpm === 0) return cents(0);
  return mulDiv(principal, ratePpm, 12_000_000, 'halfUp');
}

/**
 * Splits `amount` among debts `idx` by `w`, never giving a debt more than its `need` (water-filling:
 * a debt whose exact share reaches its need gets exactly its need and leaves; the rest is re-split).
 * The final split is `allocate` from core/money: floor of each exact share, leftover fen one each to
 * the largest weights, ties to the earlier input order (`order` lists every debt in that order).
 * Requires Σ need > amount. Adds the shares into `pay`.
 */
export function splitProRata(
  amount: number,
  idx: number[],
  w: readonly number[],
  need: readonly number[],
  order: readonly number[],
  pay: number[],
): void {
  let weights = w;
  let W = 0;
  for (const i of idx) W += weights[i]!;
  if (W === 0) {
    // every remaining weight is zero: split by what each still needs (stated fallback rule)
    weights = need;
    W = 0;
    for (const i of idx) W += need[i]!;
    order = [...idx].sort((a, b) => need[b]! - need[a]! || a - b);
  }
  let R = amount;
  let open = idx;
  // fast pass: cap every debt whose share under the current R/W reaches its need
  let changed = true;
  while (changed) {
    changed = false;
    const next: number[] = [];
    for (const i of open) {
      const wi = weights[i]!;
      if (wi > 0 && productLe(need[i]!, W, R, wi)) {
        pay[i]! += need[i]!;
        R -= need[i]!;
        W -= wi;
        changed = true;
      } else next.push(i);
    }
    open = next;
    if (changed && open.length > 1) {
      // a payoff raised R/W: the cheapest exact way on is ascending need/weight
      open.sort((a, b) => compareRatio(need, weights, a, b));
      let k = 0;
      while (k < open.length) {
        const i = open[k]!;
        const wi = weights[i]!;
        if (wi > 0 && productLe(need[i]!, W, R, wi)) {
          pay[i]! += need[i]!;
          R -= need[i]!;
          W -= wi;
          k += 1;
        } else break;
      }
      open = open.slice(k);
      changed = false;
    }
  }
  if (R === 0 || open.length === 0) return;
  if (W === 0) {
    // only zero-weight debts remain open: split what is left by need
    splitProRata(R, open, need, need, order, pay);
    return;
  }
  let given = 0;
  const isOpen = new Uint8Array(pay.length);
  for (const i of open) {
    const s = mulDivFloor(R, weights[i]!, W);
    pay[i]! += s;
    given += s;
    if (weights[i]! > 0) isOpen[i] = 1;
  }
  let left = R - given;
  for (let k = 0; left > 0 && k < order.length; k++) {
    const i = order[k]!;
    if (isOpen[i] === 1) {
      pay[i]! += 1;
      left -= 1;
    }
  }
}

/** Runs the plan month by month and records every debt's schedule (what the plan shows). */
export function simulatePlan(input: EngineInput): EngineResult {
  return simulate(input, { recordRows: true, stopAtFirstProblem: false });
}

/**
 * Whether the plan is feasible, stopping at the first problem and recording nothing. Same months,
 * same splits as simulatePlan.
 */
export function isPlanFeasible(input: EngineInput): boolean {
  return simulate(input, { recordRows: false, stopAtFirstProblem: true }).feasible;
}

/**
 * The whole run without the schedules: the verdict, every problem and the deficit (what the
 * shortfall search steers by). Same months, same splits as simulatePlan.
 */
export function measurePlan(input: EngineInput): EngineResult {
  return simulate(input, { recordRows: false, stopAtFirstProblem: false });
}

/** What one run keeps: the schedules, and whether it ends at the first problem. */
interface RunOptions {
  recordRows: boolean;
  stopAtFirstProblem: boolean;
}

/** One run's working state: balances as plain integer fen, exact while every sum stays a safe integer. */
interface Run {
  input: EngineInput;
  record: boolean;
  stop: boolean;
  n: number;
  principal: number[];
  interestDue: number[];
  penalty: number[];
  weight: number[];
  payoffMonth: number[];
  flagged: Uint8Array;
  rows: PlanRow[][];
  problems: EngineProblem[];
  horizon: number;
  /** leftover-fen order: largest weight first, ties input order */
  weightOrder: number[];
  /** highest-cost-first order: highest plan rate first, ties input order */
  costOrder: number[];
  active: number[];
  isActive: Uint8Array;
  need: number[];
  pay: number[];
  /** pro-rata strategies share by weight with floors lifting only shares below them */
  fair: boolean;
  floorNow: number[];
  owedNow: number[];
  month: number;
  floorsFlagged: boolean;
  deficit: number;
}

/** Runs the plan month by month until every debt is repaid or the longest term limit passes. */
function simulate(input: EngineInput, opts: RunOptions): EngineResult {
  const run = startRun(input, opts);
  while (run.active.length > 0 && run.month < run.horizon) {
    run.month += 1;
    const { sumFloors, sumNeed } = accrue(run);
    if (sumFloors > input.total) {
      if (!run.floorsFlagged) {
        run.problems.push({ reason: 'floors-exceed-capacity', index: null, month: run.month });
        run.floorsFlagged = true;
      }
      if (run.stop) return { ...result(run), feasible: false, deficit: 0 };
      const parts = allocate(
        cents(input.total),
        run.active.map((i) => run.pay[i]!),
      );
      run.active.forEach((i, k) => (run.pay[i] = parts[k]!));
    } else splitAboveFloors(run, sumFloors, sumNeed);
    if (settle(run)) return { ...result(run), feasible: false };
  }
  return { ...result(run), feasible: run.problems.length === 0 };
}

function result(run: Run): EngineResult {
  const { problems, payoffMonth, rows, month, deficit } = run;
  return { feasible: problems.length === 0, problems, payoffMonth, rows, months: month, deficit };
}

/** The state at month 0: balances copied, fixed orders computed once, repaid debts marked 0. */
function startRun(input: EngineInput, opts: RunOptions): Run {
  const { debts, strategy } = input;
  const n = debts.length;
  const weight = debts.map((d) => d.weight);
  let horizon = 0;
  for (const d of debts) horizon = Math.max(horizon, d.termLimit);
  const all = debts.map((_, i) => i);
  const hcf = strategy === 'highest-cost-first';
  const run: Run = {
    input,
    record: opts.recordRows,
    stop: opts.stopAtFirstProblem,
    n,
    principal: debts.map((d) => d.principal),
    interestDue: debts.map((d) => d.interestDue),
    penalty: debts.map((d) => d.penalty),
    weight,
    payoffMonth: Array.from({ length: n }, () => -1),
    flagged: new Uint8Array(n),
    rows: debts.map(() => []),
    problems: [],
    horizon: Math.max(horizon, 1),
    weightOrder: hcf ? all : [...all].sort((a, b) => weight[b]! - weight[a]! || a - b),
    costOrder: hcf ? [...all].sort((a, b) => debts[b]!.ratePpm - debts[a]!.ratePpm || a - b) : all,
    active: [],
    isActive: new Uint8Array(n),
    need: Array.from({ length: n }, () => 0),
    pay: Array.from({ length: n }, () => 0),
    // with no floor this month that is splitProRata's water-filling, the faster path; custom keeps
    // "floor + a share of the rest" (its weights are custom − floor by construction)
    fair: strategy === 'pro-rata-balance' || strategy === 'pro-rata-contractual',
    floorNow: Array.from({ length: n }, () => 0),
    owedNow: Array.from({ length: n }, () => 0),
    month: 0,
    floorsFlagged: false,
    deficit: 0,
  };
  for (let i = 0; i < n; i++) {
    if (run.principal[i]! + run.interestDue[i]! + run.penalty[i]! > 0) {
      run.active.push(i);
      run.isActive[i] = 1;
    } else run.payoffMonth[i] = 0;
  }
  return run;
}

/** Adds the month's interest to every active debt and pays its floor first (capped at what it owes). */
function accrue(run: Run): { sumFloors: number; sumNeed: number } {
  const { debts } = run.input;
  const { principal, interestDue, penalty, pay, need, floorNow, owedNow } = run;
  let sumFloors = 0;
  let sumNeed = 0;
  for (const i of run.active) {
    const it = monthlyInterest(principal[i]!, debts[i]!.ratePpm);
    interestDue[i]! += it;
    const owed = principal[i]! + interestDue[i]! + penalty[i]!;
    const f = Math.min(debts[i]!.floor, owed);
    pay[i] = f;
    need[i] = owed - f;
    floorNow[i] = f;
    owedNow[i] = owed;
    sumFloors += f;
    sumNeed += owed - f;
  }
  return { sumFloors, sumNeed };
}

/** Shares what is left above the floors by the strategy (everything owed when it all fits). */
function splitAboveFloors(run: Run, sumFloors: number, sumNeed: number): void {
  const { active, need, pay, weight, weightOrder, isActive } = run;
  const { total, strategy } = run.input;
  const R = total - sumFloors;
  if (sumNeed <= R) {
    for (const i of active) pay[i]! += need[i]!;
  } else if (strategy === 'highest-cost-first') {
    let left = R;
    for (const i of run.costOrder) {
      if (left === 0) break;
      if (isActive[i] === 0 || need[i]! === 0) continue;
      const give = Math.min(need[i]!, left);
      pay[i]! += give;
      left -= give;
    }
  } else if (run.fair && sumFloors > 0) {
    for (const i of active) pay[i] = 0;
    splitFairShares(total, active, run.floorNow, run.owedNow, weight, weightOrder, pay);
  } else {
    const open = active.filter((i) => need[i]! > 0);
    if (open.length > 0 && R > 0) splitProRata(R, open, weight, need, weightOrder, pay);
  }
}

/**
 * Applies each payment to interest, then penalty, then principal; records the rows, the payoffs
 * and the term-limit problems. True when the run must stop at this first problem.
 */
function settle(run: Run): boolean {
  const { input, record, month, principal, interestDue, penalty, pay } = run;
  const { rows, payoffMonth, isActive, flagged, problems } = run;
  const { debts } = input;
  const date = record ? addMonths(input.anchor, input.startMonth + month) : input.anchor;
  const still: number[] = [];
  for (const i of run.active) {
    let p = pay[i]!;
    const toInterest = Math.min(p, interestDue[i]!);
    interestDue[i]! -= toInterest;
    p -= toInterest;
    const toPenalty = Math.min(p, penalty[i]!);
    penalty[i]! -= toPenalty;
    p -= toPenalty;
    const toPrincipal = Math.min(p, principal[i]!);
    principal[i]! -= toPrincipal;
    p -= toPrincipal;
    assert(p === 0, 'plan paid a debt more than it owed');
    const left = principal[i]! + interestDue[i]! + penalty[i]!;
    if (record) {
      rows[i]!.push({
        month,
        date,
        payment: cents(pay[i]!),
        interest: cents(toInterest),
        penalty: cents(toPenalty),
        principal: cents(toPrincipal),
        balanceAfter: cents(left),
      });
    }
    if (left === 0) {
      payoffMonth[i] = month;
      isActive[i] = 0;
    } else {
      still.push(i);
      if (month >= debts[i]!.termLimit && flagged[i] === 0) {
        flagged[i] = 1;
        problems.push({ reason: 'exceeds-max-term', index: i, month });
        run.deficit += left;
        if (run.stop) return true;
      }
    }
  }
  run.active = still;
  return false;
}
