import { cents, formatMoney, type Cents } from '../money/index.js';
import { ratePpm, type RatePpm } from '../rates/index.js';
import type { IsoDate } from '../dates/index.js';
import { projectDoNothingAt } from '../overdue/index.js';
import { monthlyInterest, simulatePlan, type EngineDebt, type EngineInput } from './engine.js';
import { computeShortfall, searchShortfall } from './shortfall.js';
import { usualTermOf } from './acceptance.js';
import {
  MAX_PLAN_TERM,
  type AcceptanceFix,
  type Concession,
  type PlanStatus,
  type DebtKind,
  type Plan,
  type PlanDebt,
  type PlanInput,
  type Proposal,
  type Strategy,
} from './types.js';

/** What the plan output needs about a debt beyond the engine's numbers. */
export interface DebtMeta {
  id: string;
  creditor: string;
  kind: DebtKind;
  concession: Concession;
  /** the term limit the user sees (after extend-term) */
  maxTerm: number;
  /** false: the rate is unknown and planned at 0 % */
  rateKnown: boolean;
  /** the contract as it stands today, for the two savings */
  contract: {
    principal: number;
    interestDue: number;
    penalty: number;
    annualRatePpm: number;
    contractualPayment: number;
    penaltyRatePpm: number | null;
    legalLinePpm: number | null;
  };
}

/** A plan ready to run: the engine input plus what the output needs. */
export interface PreparedPlan {
  asOf: IsoDate;
  capacity: Cents;
  strategy: Strategy;
  engine: EngineInput;
  meta: DebtMeta[];
}

/** The rate the plan charges after the concession (freeze → 0, reduce-rate → the reduced rate). */
export function planRatePpm(d: PlanDebt): RatePpm {
  switch (d.concession) {
    case 'freeze-interest':
      return ratePpm(0);
    case 'reduce-rate':
      return d.reducedRatePpm ?? d.annualRatePpm;
    case 'none':
    case 'waive-penalty':
    case 'extend-term':
      return d.annualRatePpm;
    default: {
      const never: never = d.concession;
      throw new Error(`unknown concession ${String(never)}`);
    }
  }
}

/** The term limit after the concession: extend-term raises it to 60 months. */
export function planTermLimit(d: PlanDebt): number {
  return d.concession === 'extend-term' ? Math.max(d.maxTerm, MAX_PLAN_TERM) : d.maxTerm;
}

/** Turns a validated PlanInput into engine terms (concessions applied, weights fixed). */
export function preparePlan(input: PlanInput): PreparedPlan {
  const debts: EngineDebt[] = input.debts.map((d) => {
    const penalty = d.concession === 'waive-penalty' ? cents(0) : d.penaltyAccrued;
    const floor = d.minPayment;
    let weight: number;
    switch (input.strategy) {
      case 'pro-rata-balance':
        weight = d.balance + d.interestAccrued + penalty;
        break;
      case 'pro-rata-contractual':
        weight = d.contractualPayment;
        break;
      case 'custom':
        weight = (d.customPayment ?? 0) - floor;
        break;
      case 'highest-cost-first':
        weight = 0;
        break;
      default: {
        const never: never = input.strategy;
        throw new Error(`unknown strategy ${String(never)}`);
      }
    }
    return {
      principal: d.balance,
      interestDue: d.interestAccrued,
      penalty,
      ratePpm: planRatePpm(d),
      floor,
      termLimit: planTermLimit(d),
      weight,
    };
  });
  const total =
    input.strategy === 'custom'
      ? input.debts.reduce((s, d) => s + (d.customPayment ?? 0), 0)
      : input.capacity;
  return {
    asOf: input.asOf,
    capacity: input.capacity,
    strategy: input.strategy,
    engine: {
      anchor: input.asOf,
      startMonth: 0,
      total: cents(total),
      strategy: input.strategy,
      debts,
    },
    meta: input.debts.map((d) => ({
      id: d.id,
      creditor: d.creditor,
      kind: d.kind,
      concession: d.concession,
      maxTerm: planTermLimit(d),
      rateKnown: d.rateKnown !== false,
      contract: {
        principal: d.balance,
        interestDue: d.interestAccrued,
        penalty: d.penaltyAccrued,
        annualRatePpm: d.annualRatePpm,
        contractualPayment: d.contractualPayment,
        penaltyRatePpm: d.penaltyRatePpm,
        legalLinePpm: d.legalLinePpm,
      },
    })),
  };
}

/** Longest contract run we follow when costing the contract (50 years). */
const CONTRACT_HORIZON = 600;

/**
 * Total paid if the borrower kept paying the contractual amount at the contract rate (interest
 * monthly, half-up; payments to interest, then penalty, then principal per 民法典第561条).
 * A zero contractual payment means everything is due now. Null when the payment never repays.
 */
export function contractCost(c: DebtMeta['contract']): Cents | null {
  let principal = c.principal;
  let interest = c.interestDue;
  let penalty = c.penalty;
  if (c.contractualPayment === 0) return cents(principal + interest + penalty);
  let paid = 0;
  for (let m = 1; m <= CONTRACT_HORIZON; m++) {
    const it = monthlyInterest(principal, c.annualRatePpm);
    interest += it;
    const owed = principal + interest + penalty;
    if (owed <= c.contractualPayment) return cents(paid + owed);
    if (c.contractualPayment <= it) return null;
    let p = c.contractualPayment;
    paid += p;
    const ti = Math.min(p, interest);
    interest -= ti;
    p -= ti;
    const tp = Math.min(p, penalty);
    penalty -= tp;
    p -= tp;
    principal -= p;
  }
  return null;
}

/** Longest do-nothing projection core/overdue accepts. */
const DO_NOTHING_MAX_MONTHS = 120;

/** What the debt grows to if unpaid until the plan's last month (capped at the legal line if given). */
function doNothingCost(asOf: IsoDate, months: number, c: DebtMeta['contract']): Cents | null {
  if (months <= 0) return cents(c.principal + c.interestDue + c.penalty);
  if (months > DO_NOTHING_MAX_MONTHS) return null;
  // only the last month is needed, and each month is computed from asOf alone
  const r = projectDoNothingAt({
    asOf,
    months,
    principal: cents(c.principal),
    interestAccrued: cents(c.interestDue),
    penaltyAccrued: cents(c.penalty),
    feesAccrued: cents(0),
    annualRatePpm: c.annualRatePpm as never,
    ...(c.penaltyRatePpm === null ? {} : { penaltyRatePpm: c.penaltyRatePpm as never }),
    ...(c.legalLinePpm === null ? {} : { legalLinePpm: c.legalLinePpm as never }),
  });
  if (!r.ok) return null;
  return r.value.totalCapped ?? r.value.total;
}

export interface PlanOptions {
  /** search the shortfall and suggestions of an infeasible plan (default true; costs ~40 re-plans each) */
  explain?: boolean;
}

/** Runs a prepared plan and assembles proposals, savings, problems and (if infeasible) the shortfall. */
export function finishPlan(p: PreparedPlan, opts: PlanOptions = {}): Plan {
  const res = simulatePlan(p.engine);
  const proposals: Proposal[] = p.meta.map((m, i) => {
    const rows = res.rows[i]!;
    const d = p.engine.debts[i]!;
    let totalPaid = 0;
    for (const r of rows) totalPaid += r.payment;
    const pm = res.payoffMonth[i]!;
    const term = pm >= 0 ? pm : null;
    const endDate = term === null ? null : term === 0 ? p.asOf : rows[term - 1]!.date;
    const contract = term === null ? null : contractCost(m.contract);
    const nothing = term === null ? null : doNothingCost(p.asOf, term, m.contract);
    return {
      id: m.id,
      creditor: m.creditor,
      concession: m.concession,
      monthlyPayment: rows[0]?.payment ?? cents(0),
      term,
      endDate,
      totalPaid: cents(totalPaid),
      repayable: cents(d.principal + d.interestDue + d.penalty),
      savingVsContract: contract === null ? null : cents(contract - totalPaid),
      savingVsNothing: nothing === null ? null : cents(nothing - totalPaid),
      maxTerm: Math.max(d.termLimit, 0),
      meetsMaxTerm: term !== null && term <= Math.max(d.termLimit, 0),
      usualTerm: usualTermOf(m.kind),
      // months counted from the plan's own start (a re-plan continues an agreed plan)
      withinUsualTerm:
        term === null || term === 0 || term + p.engine.startMonth <= usualTermOf(m.kind).maxMonths,
      schedule: rows,
    };
  });
  const beyond = proposals.filter((pr) => !pr.withinUsualTerm).map((pr) => pr.id);
  const status: PlanStatus = !res.feasible
    ? 'infeasible'
    : beyond.length > 0
      ? 'unlikely-accepted'
      : 'feasible';
  let monthlyTotal = 0;
  for (const pr of proposals) monthlyTotal += pr.schedule[0]?.payment ?? 0;
  return {
    asOf: p.asOf,
    strategy: p.strategy,
    capacity: p.capacity,
    feasible: res.feasible,
    status,
    acceptanceFix: status === 'unlikely-accepted' ? acceptanceFix(p, beyond) : null,
    assumptions: p.meta.flatMap((m) =>
      m.rateKnown
        ? []
        : [
            {
              code: 'rate-unknown-assumed-zero' as const,
              id: m.id,
              creditor: m.creditor,
              messageZh: `${m.creditor}：利率未知，按0%假设（补充利率或每期还款后结果会变）`,
              message: `${m.creditor}: rate unknown, assumed 0% (add the rate or the installments to update)`,
            },
          ],
    ),
    monthlyTotal: cents(monthlyTotal),
    proposals,
    problems: res.problems.map((q) => ({
      reason: q.reason,
      id: q.index === null ? null : p.meta[q.index]!.id,
      month: q.month,
    })),
    shortfall: res.feasible || opts.explain === false ? null : computeShortfall(p),
  };
}

/**
 * The least monthly total (exact: X works, X − 1 fen does not) that repays every debt within
 * min(its limit, what its lender usually accepts), by the shortfall search on those limits.
 */
function acceptanceFix(p: PreparedPlan, ids: string[]): AcceptanceFix {
  const e = p.engine;
  const limited = {
    ...e,
    debts: e.debts.map((d, i) => ({
      ...d,
      termLimit: Math.min(d.termLimit, usualTermOf(p.meta[i]!.kind).maxMonths - e.startMonth),
    })),
  };
  const extra = searchShortfall(limited);
  const needed = cents(e.total + extra);
  const who = p.meta.filter((m) => ids.includes(m.id)).map((m) => m.creditor);
  return {
    ids,
    monthlyNeeded: needed,
    extraMonthly: cents(extra),
    messageZh: `方案可行，但${who.join('、')}的期数超过对方通常接受的期限，对方大概率不会接受。每月还款总额提高到 ${formatMoney(needed)}（多 ${formatMoney(cents(extra))}），即可在通常期限内还清。`,
    message: `The plan is feasible, but the term for ${who.join(', ')} is beyond what that lender usually accepts, so it will most likely be refused. Paying ${formatMoney(needed)} a month in all (${formatMoney(cents(extra))} more) repays every debt within the usual terms.`,
  };
}

/** Builds the multi-creditor plan (semantics in src/core/plan/README.md). */
export function buildPlan(input: PlanInput, opts: PlanOptions = {}): Plan {
  return finishPlan(preparePlan(input), opts);
}
