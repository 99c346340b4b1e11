import { cents, formatMoney, type Cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { isPlanFeasible, monthlyInterest, type EngineDebt, type EngineInput } from './engine.js';
import type { PreparedPlan } from './build-plan.js';
import { MAX_PLAN_TERM, type Shortfall, type Suggestion } from './types.js';

/** Token payment offered to the smallest debts in the token suggestion: ¥10 a month. */
export const TOKEN_PAYMENT = 10_00;
/** How many single concessions are tried (the most expensive debts first). */
const CONCESSION_CANDIDATES = 6;
/** How many concession suggestions are listed. */
const CONCESSION_SUGGESTIONS = 3;

function feasibleWith(engine: EngineInput, extra: number): boolean {
  return isPlanFeasible({ ...engine, total: cents(engine.total + extra) });
}

/**
 * The least extra money per month (in fen) that makes the plan feasible, by binary search on the
 * monthly total. Paying everything owed in month 1 is always feasible, so that bounds the search.
 * The answer X is exact in the sense that X is feasible and X − 1 fen is not (the search assumes
 * more money never makes a plan infeasible). 0 when already feasible.
 */
export function searchShortfall(engine: EngineInput): number {
  if (feasibleWith(engine, 0)) return 0;
  let owed = 0;
  for (const d of engine.debts)
    owed += d.principal + d.interestDue + d.penalty + monthlyInterest(d.principal, d.ratePpm);
  let hi = Math.max(1, owed - engine.total);
  let lo = 0;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (feasibleWith(engine, mid)) hi = mid;
    else lo = mid;
  }
  return hi;
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
  const e = p.engine;
  const horizon = Math.max(1, MAX_PLAN_TERM - e.startMonth);
  const found: Suggestion[] = [];

  // 1. longer terms for every debt limited below 60 months
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

  // 2. token payments (¥10) and 60 months for the smallest quarter of the debts
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

  // 3. single concessions on the costliest debts: freeze interest, waive penalties
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
    const tail = (zh: boolean) =>
      zh
        ? `，每月缺口${after === 0 ? '消失' : `降为 ${formatMoney(cents(after))}`}。`
        : `; the monthly shortfall ${after === 0 ? 'disappears' : `falls to ${formatMoney(cents(after))}`}.`;
    found.push({
      kind: 'concession',
      ids: [m.id],
      concession: c.what,
      shortfallAfter: cents(after),
      messageZh:
        c.what === 'freeze-interest'
          ? `向 ${m.creditor} 申请停息挂账（冻结利息）${tail(true)}`
          : `向 ${m.creditor} 申请减免罚息/违约金 ${formatMoney(cents(d.penalty))}${tail(true)}`,
      message:
        c.what === 'freeze-interest'
          ? `Ask ${m.creditor} to freeze interest (停息挂账)${tail(false)}`
          : `Ask ${m.creditor} to waive ${formatMoney(cents(d.penalty))} of penalties${tail(false)}`,
    });
  }

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
