import { cents, formatMoney, type Cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { equalInstallmentPayment } from '../schedule/index.js';
import {
  measurePlan,
  monthlyInterest,
  type EngineDebt,
  type EngineInput,
  type EngineResult,
} from './engine.js';
import type { PreparedPlan } from './build-plan.js';
import { MAX_PLAN_TERM, type Shortfall, type Suggestion } from './types.js';

/** Token payment offered to the smallest debts in the token suggestion: ¥10 a month. */
export const TOKEN_PAYMENT = 10_00;
/** How many single concessions are tried (the most expensive debts first). */
const CONCESSION_CANDIDATES = 6;
/** How many concession suggestions are listed. */
const CONCESSION_SUGGESTIONS = 3;

/**
 * The least extra money per month (in fen) that makes the plan feasible, as a bisection on the
 * monthly total finds it: X is feasible and X − 1 fen is not. Paying everything owed in month 1 is
 * always feasible, so that bounds the search. 0 when already feasible.
 *
 * Feasibility is monotone in the money except within a few fen of the boundary (where the
 * leftover fen of a split can land on another debt), so which boundary is found depends on the
 * bisection's path, and the answer must stay the one plain bisection gives. Bisection takes ~30
 * runs, though, most of them far from the boundary where their outcome is plain. So: first find
 * the boundary with few runs (`bracketShortfall`), then replay the bisection, running only the
 * steps that fall within BOUNDARY_ZONE fen of it (the runs are cached).
 */
export function searchShortfall(engine: EngineInput): number {
  const cache = new Map<number, EngineResult>();
  const run = (extra: number): EngineResult => {
    let r = cache.get(extra);
    if (r === undefined) {
      r = measurePlan({ ...engine, total: cents(engine.total + extra) });
      cache.set(extra, r);
    }
    return r;
  };
  if (run(0).feasible) return 0;
  let owed = 0;
  for (const d of engine.debts)
    owed += d.principal + d.interestDue + d.penalty + monthlyInterest(d.principal, d.ratePpm);
  const top = Math.max(1, owed - engine.total);
  const near = bracketShortfall(engine, run, top);
  let lo = 0;
  let hi = top;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const feasible =
      mid <= near.lo - BOUNDARY_ZONE
        ? false
        : mid >= near.hi + BOUNDARY_ZONE
          ? true
          : run(mid).feasible;
    if (feasible) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** How far from the boundary a bisection step is run rather than decided by its side. */
const BOUNDARY_ZONE = 64;

/**
 * An infeasible and a feasible extra at most BOUNDARY_ZONE fen apart, found by steering by each
 * infeasible run's deficit (what the late debts still owe at their limits, nearly linear in the
 * money added): the line through the last two infeasible runs predicts the boundary, and the probe
 * aims a sixteenth short of it, so the next pair is closer and predicts better (~6 runs from a
 * first guess within a few per cent). A prediction outside the bracket, or a long run of aimed
 * probes, falls back to narrowing the bracket instead, so every probe still shrinks it.
 */
function bracketShortfall(
  engine: EngineInput,
  run: (extra: number) => EngineResult,
  top: number,
): { lo: number; hi: number } {
  let lo = 0; // infeasible
  let hi = top; // feasible
  const first = run(0);
  // the infeasible runs with a deficit; the last two steer the next probe
  const seen: Probe[] = first.deficit > 0 ? [{ x: 0, deficit: first.deficit }] : [];
  let c = levelPaymentEstimate(engine) - engine.total;
  let fallbacks = 0;
  let aimed = 0;
  while (hi - lo > BOUNDARY_ZONE) {
    if (c > lo && c < hi && aimed < MAX_AIMED) {
      fallbacks = 0;
      aimed += 1;
    } else {
      // first miss: just below hi (the prediction overshot a little); then halve the bracket
      c =
        fallbacks === 0 && aimed < MAX_AIMED
          ? hi - Math.max(1, Math.floor((hi - lo) / 16))
          : lo + Math.floor((hi - lo) / 2);
      fallbacks += 1;
      aimed = 0;
    }
    const r = run(c);
    if (r.feasible) hi = c;
    else {
      lo = c;
      if (r.deficit > 0) seen.push({ x: c, deficit: r.deficit });
    }
    c = aim(seen, lo);
  }
  return { lo, hi };
}

/** An infeasible run: the extra money tried and the deficit it left. */
interface Probe {
  x: number;
  deficit: number;
}

/** Aimed probes in a row before one halving of the bracket (a guard against a misleading line). */
const MAX_AIMED = 8;

/**
 * Where the line through the last two infeasible runs reaches a zero deficit, a sixteenth short of
 * it when that is ≥ 16 fen away (NaN without a usable line: the caller narrows the bracket).
 * Floats are fine here: a probe only steers the search, every answer is checked by a run.
 */
function aim(seen: readonly Probe[], lo: number): number {
  const a = seen[seen.length - 2];
  const b = seen[seen.length - 1];
  if (a === undefined || b === undefined || b.x !== lo || a.deficit <= b.deficit) return NaN;
  const step = Math.max(1, Math.ceil((b.deficit * (b.x - a.x)) / (a.deficit - b.deficit)));
  return lo + step - (step >= 16 ? Math.floor(step / 16) : 0);
}

/**
 * A first guess at the monthly total that repays every debt in time: each debt's level payment over
 * its own term limit (its unpaid interest and penalty spread evenly), summed. Only a starting point
 * for the search, so it need not be exact or feasible.
 */
function levelPaymentEstimate(engine: EngineInput): number {
  const payments = new Map<string, number>();
  let sum = 0;
  for (const d of engine.debts) {
    const n = Math.max(1, d.termLimit);
    const key = `${d.ratePpm}/${n}`;
    let perMillion = payments.get(key);
    if (perMillion === undefined) {
      // the level payment on ¥1,000,000 (exact, half-up), scaled below: one BigInt power per rate
      perMillion = equalInstallmentPayment(cents(100_000_000), d.ratePpm, n);
      payments.set(key, perMillion);
    }
    sum +=
      Math.ceil((d.principal * perMillion) / 100_000_000) +
      Math.ceil((d.interestDue + d.penalty) / n);
  }
  return sum;
}

/** Up to five creditor names, then how many in all: "A、B…等 7 笔" / "A, B… and 2 more". */
function names(p: PreparedPlan, idx: number[], lang: 'zh' | 'en'): string {
  const shown = idx.slice(0, 5).map((i) => p.meta[i]!.creditor);
  if (lang === 'en')
    return idx.length > 5 ? `${shown.join(', ')} and ${idx.length - 5} more` : shown.join(', ');
  return idx.length > 5 ? `${shown.join('、')}等 ${idx.length} 笔` : shown.join('、');
}

function withDebts(
  engine: EngineInput,
  change: (d: EngineDebt, i: number) => EngineDebt,
): EngineInput {
  return { ...engine, debts: engine.debts.map(change) };
}

/**
 * Why and by how much an infeasible plan falls short, and what would help: each suggestion is a
 * concrete change re-planned in full, listed only if it lowers the shortfall, best first.
 */
export function computeShortfall(p: PreparedPlan): Shortfall {
  const base = searchShortfall(p.engine);
  const horizon = Math.max(1, MAX_PLAN_TERM - p.engine.startMonth);
  const found: Suggestion[] = [
    ...extendTerms(p, horizon),
    ...tokenPayments(p, horizon),
    ...concessions(p, horizon, base),
  ];
  const useful = found
    .filter((s) => s.shortfallAfter < base)
    .sort((a, b) => a.shortfallAfter - b.shortfallAfter);
  const more: Suggestion = {
    kind: 'more-capacity',
    ids: [],
    concession: null,
    shortfallAfter: cents(0),
    messageZh: `每月多拿出 ${formatMoney(cents(base))}（例如削减弹性开支或增加收入），计划即可行。`,
    message: `Find ${formatMoney(cents(base))} more a month (cut flexible spending or raise income) and the plan works.`,
  };
  return { monthly: cents(base) as Cents, suggestions: [...useful, more] };
}

/** 1. Longer terms (to the horizon) for every debt limited below it. */
function extendTerms(p: PreparedPlan, horizon: number): Suggestion[] {
  const e = p.engine;
  const found: Suggestion[] = [];
  const short = e.debts.flatMap((d, i) => (d.termLimit < horizon ? [i] : []));
  if (short.length > 0) {
    const after = searchShortfall(
      withDebts(e, (d) => (d.termLimit < horizon ? { ...d, termLimit: horizon } : d)),
    );
    const cards = short.filter((i) => p.meta[i]!.kind === 'credit-card');
    found.push({
      kind: 'extend-terms',
      ids: short.map((i) => p.meta[i]!.id),
      concession: 'extend-term',
      shortfallAfter: cents(after),
      messageZh:
        `申请把 ${names(p, short, 'zh')} 延长到 ${horizon} 期` +
        (cards.length > 0
          ? `（信用卡可依《商业银行信用卡业务监督管理办法》第七十条申请最长 5 年的个性化分期；这是申请，不是权利）`
          : '（这是协商请求，平台没有义务同意）') +
        `，每月缺口${after === 0 ? '消失' : `降为 ${formatMoney(cents(after))}`}。`,
      message:
        `Ask ${names(p, short, 'en')} for ${horizon} installments` +
        (cards.length > 0
          ? ' (credit cards may grant a personalised plan of up to 5 years under the 2011 credit-card measures, art. 70; a request, not a right)'
          : ' (a request; the lender need not agree)') +
        `; the monthly shortfall ${after === 0 ? 'disappears' : `falls to ${formatMoney(cents(after))}`}.`,
    });
  }

  return found;
}

/** 2. Token payments (¥10) and the horizon's months for the smallest quarter of the debts. */
function tokenPayments(p: PreparedPlan, horizon: number): Suggestion[] {
  const e = p.engine;
  const found: Suggestion[] = [];
  const bySize = e.debts
    .map((d, i) => ({ i, owed: d.principal + d.interestDue + d.penalty }))
    .filter((x) => x.owed > 0)
    .sort((a, b) => a.owed - b.owed || a.i - b.i);
  const small = bySize.slice(0, Math.max(1, Math.ceil(bySize.length / 4))).map((x) => x.i);
  const smallSet = new Set(small);
  if (small.length > 0 && small.length < bySize.length) {
    const after = searchShortfall(
      withDebts(e, (d, i) =>
        smallSet.has(i)
          ? {
              ...d,
              floor: cents(Math.min(d.floor, TOKEN_PAYMENT)),
              termLimit: Math.max(d.termLimit, horizon),
            }
          : d,
      ),
    );
    found.push({
      kind: 'token-payments',
      ids: small.map((i) => p.meta[i]!.id),
      concession: null,
      shortfallAfter: cents(after),
      messageZh: `对金额最小的 ${small.length} 笔（${names(p, small, 'zh')}）每月只付象征性的 ${formatMoney(cents(TOKEN_PAYMENT))} 并申请 ${horizon} 期，每月缺口${after === 0 ? '消失' : `降为 ${formatMoney(cents(after))}`}。`,
      message: `Offer token payments of ${formatMoney(cents(TOKEN_PAYMENT))} a month over ${horizon} months to the ${small.length} smallest debts (${names(p, small, 'en')}); the monthly shortfall ${after === 0 ? 'disappears' : `falls to ${formatMoney(cents(after))}`}.`,
    });
  }

  return found;
}

/** 3. Single concessions on the costliest debts (freeze interest, waive penalties) that help most. */
function concessions(p: PreparedPlan, horizon: number, base: number): Suggestion[] {
  const e = p.engine;
  const found: Suggestion[] = [];
  type Cand = { i: number; what: 'freeze-interest' | 'waive-penalty'; worth: number };
  const cands: Cand[] = [];
  e.debts.forEach((d, i) => {
    const months = Math.max(1, Math.min(d.termLimit, horizon));
    if (d.ratePpm > 0 && d.principal > 0)
      cands.push({
        i,
        what: 'freeze-interest',
        worth: (monthlyInterest(d.principal, d.ratePpm) * months) / 2,
      });
    if (d.penalty > 0) cands.push({ i, what: 'waive-penalty', worth: d.penalty });
  });
  cands.sort((a, b) => b.worth - a.worth || a.i - b.i);
  const tried: { c: Cand; after: number }[] = [];
  for (const c of cands.slice(0, CONCESSION_CANDIDATES)) {
    const after = searchShortfall(
      withDebts(e, (d, i) =>
        i !== c.i
          ? d
          : c.what === 'freeze-interest'
            ? { ...d, ratePpm: ratePpm(0) }
            : { ...d, penalty: cents(0) },
      ),
    );
    if (after < base) tried.push({ c, after });
  }
  tried.sort((a, b) => a.after - b.after || b.c.worth - a.c.worth);
  for (const { c, after } of tried.slice(0, CONCESSION_SUGGESTIONS)) {
    const m = p.meta[c.i]!;
    const d = e.debts[c.i]!;
    const tail = (lang: 'zh' | 'en') =>
      lang === 'zh'
        ? `，每月缺口${after === 0 ? '消失' : `降为 ${formatMoney(cents(after))}`}。`
        : `; the monthly shortfall ${after === 0 ? 'disappears' : `falls to ${formatMoney(cents(after))}`}.`;
    found.push({
      kind: 'concession',
      ids: [m.id],
      concession: c.what,
      shortfallAfter: cents(after),
      messageZh:
        c.what === 'freeze-interest'
          ? `向 ${m.creditor} 申请停息挂账（冻结利息）${tail('zh')}`
          : `向 ${m.creditor} 申请减免罚息/违约金 ${formatMoney(cents(d.penalty))}${tail('zh')}`,
      message:
        c.what === 'freeze-interest'
          ? `Ask ${m.creditor} to freeze interest (停息挂账)${tail('en')}`
          : `Ask ${m.creditor} to waive ${formatMoney(cents(d.penalty))} of penalties${tail('en')}`,
    });
  }
  return found;
}
