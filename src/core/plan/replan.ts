import { err, ok, type FieldIssue, type IssueCode, type Result } from '../result.js';
import { cents, formatMoney, type Cents } from '../money/index.js';
import { addMonths, type IsoDate } from '../dates/index.js';
import { finishPlan, preparePlan, type PreparedPlan } from './build-plan.js';
import { monthlyInterest } from './engine.js';
import type { Plan, PlanInput } from './types.js';

export interface PaymentMade {
  debtId: string;
  date: IsoDate;
  amount: Cents;
}

export interface ReplanInput {
  /** the plan input that was agreed (not a previous re-plan: re-plans always start from it) */
  previousPlanInput: PlanInput;
  /** every payment made since previousPlanInput.asOf, up to asOf */
  paymentsMade: PaymentMade[];
  newCapacity: Cents;
  asOf: IsoDate;
  /** search shortfalls and suggestions for infeasible plans (default true) */
  explain?: boolean;
}

export type ChangeStatus =
  'unchanged' | 'amount-changed' | 'earlier' | 'later' | 'repaid' | 'no-longer-repaid-in-term';

export interface DebtChange {
  id: string;
  creditor: string;
  /** what the previous plan asked for up to asOf */
  plannedPaid: Cents;
  actuallyPaid: Cents;
  /** paid beyond what was owed (a refund to ask for) */
  overpaid: Cents;
  oldEndDate: IsoDate | null;
  newEndDate: IsoDate | null;
  /** the previous plan's next installment, and the new plan's first */
  oldMonthly: Cents;
  newMonthly: Cents;
  status: ChangeStatus;
}

export interface Replan {
  /** plan months whose payment date is on or before asOf */
  monthsElapsed: number;
  previous: Plan;
  plan: Plan;
  changes: DebtChange[];
  summary: { zh: string[]; en: string[] };
}

function issue(code: IssueCode, field: string, message: string, messageZh: string): FieldIssue {
  return { code, field, message: `${field}: ${message}`, messageZh: `${field}：${messageZh}` };
}

/**
 * Rebuilds a plan from `asOf` given the payments actually made and a new capacity. The payment day
 * (anchor), the pro-rata weights, floors, rates and each debt's final month stay as agreed; the
 * state of each debt is replayed month by month with the actual payments (interest first, then
 * penalty, then principal). Payments after the last passed due date count as prepayments.
 * With the planned payments and the same capacity it reproduces the rest of the previous plan.
 */
export function replan(input: ReplanInput): Result<Replan, FieldIssue> {
  const prev = input.previousPlanInput;
  const bad = checkDatesAndCapacity(input);
  if (bad !== null) return err(bad);
  const base = preparePlan(prev);
  const floorIssue = checkFloors(input);
  if (floorIssue !== null) return err(floorIssue);
  const dates = dueDatesPassed(prev.asOf, input.asOf);
  const k = dates.length - 1;
  const paid = bucketPayments(input, dates);
  if (!paid.ok) return paid;
  const { debts, overpaid } = replayDebts(base, paid.value.paidBy, k);
  const previous = finishPlan(base, { explain: false });
  const plan = finishPlan(nextPlan(input, base, debts, k), { explain: input.explain !== false });
  const changes: DebtChange[] = previous.proposals.map((old, i) =>
    changeOf(old, plan.proposals[i]!, k, paid.value.actuallyPaid[i]!, overpaid[i]!),
  );
  return ok({
    monthsElapsed: k,
    previous,
    plan,
    changes,
    summary: summarize(k, prev, input, plan, changes),
  });
}

function checkDatesAndCapacity(input: ReplanInput): FieldIssue | null {
  const prev = input.previousPlanInput;
  if (input.asOf < prev.asOf)
    return issue(
      'invalid-date',
      'asOf',
      `is before the plan's start ${prev.asOf}`,
      `早于原计划日期 ${prev.asOf}`,
    );
  if (input.newCapacity <= 0)
    return issue('capacity-not-positive', 'newCapacity', 'must be above zero', '必须大于 0');
  return null;
}

function checkFloors(input: ReplanInput): FieldIssue | null {
  for (const [i, d] of input.previousPlanInput.debts.entries())
    if (d.minPayment > input.newCapacity)
      return issue(
        'floor-above-capacity',
        `previousPlanInput.debts[${i}].minPayment`,
        'is above the new monthly capacity',
        '高于新的每月可还金额',
      );
  return null;
}

/** The plan's start, then every due date passed by asOf (dates[m] is month m's). */
function dueDatesPassed(start: IsoDate, asOf: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [start];
  for (let m = 1; ; m++) {
    const d = addMonths(start, m);
    if (d > asOf) break;
    dates.push(d);
  }
  return dates;
}

/**
 * paidBy[m][i]: paid to debt i in month window m (1..k), m = k+1 for prepayments; and the total
 * paid to each debt. Refuses an unknown debt, a date outside the window or an amount not above 0.
 */
function bucketPayments(
  input: ReplanInput,
  dates: readonly IsoDate[],
): Result<{ paidBy: number[][]; actuallyPaid: number[] }, FieldIssue> {
  const prev = input.previousPlanInput;
  const index = new Map(prev.debts.map((d, i) => [d.id, i]));
  const k = dates.length - 1;
  const n = prev.debts.length;
  const paidBy: number[][] = Array.from({ length: k + 2 }, () =>
    Array.from({ length: n }, () => 0),
  );
  const actuallyPaid = Array.from({ length: n }, () => 0);
  for (const [j, p] of input.paymentsMade.entries()) {
    const i = index.get(p.debtId);
    if (i === undefined)
      return err(
        issue(
          'not-found',
          `paymentsMade[${j}].debtId`,
          `no debt "${p.debtId}" in the plan`,
          `计划中没有债务“${p.debtId}”`,
        ),
      );
    if (p.date <= prev.asOf || p.date > input.asOf)
      return err(
        issue(
          'invalid-date',
          `paymentsMade[${j}].date`,
          `must be after ${prev.asOf} and on or before ${input.asOf}`,
          `必须晚于 ${prev.asOf} 且不晚于 ${input.asOf}`,
        ),
      );
    if (p.amount <= 0)
      return err(
        issue('invalid-amount', `paymentsMade[${j}].amount`, 'must be above zero', '必须大于 0'),
      );
    let m = 1;
    while (m <= k && dates[m]! < p.date) m++;
    paidBy[m]![i]! += p.amount;
    actuallyPaid[i]! += p.amount;
  }
  return ok({ paidBy, actuallyPaid });
}

/** Each debt's state after k months of actual payments (interest, then penalty, then principal). */
function replayDebts(base: PreparedPlan, paidBy: readonly number[][], k: number) {
  const overpaid = Array.from({ length: base.engine.debts.length }, () => 0);
  const debts = base.engine.debts.map((d0, i) => {
    let principal: number = d0.principal;
    let interest: number = d0.interestDue;
    let penalty: number = d0.penalty;
    for (let m = 1; m <= k + 1; m++) {
      if (m <= k) interest += monthlyInterest(principal, d0.ratePpm);
      let p = paidBy[m]![i]!;
      const ti = Math.min(p, interest);
      interest -= ti;
      p -= ti;
      const tp = Math.min(p, penalty);
      penalty -= tp;
      p -= tp;
      const tq = Math.min(p, principal);
      principal -= tq;
      overpaid[i]! += p - tq;
    }
    return {
      ...d0,
      principal: cents(principal),
      interestDue: cents(interest),
      penalty: cents(penalty),
      termLimit: d0.termLimit - k,
    };
  });
  return { debts, overpaid };
}

/** The plan from asOf: same anchor, weights and terms, the replayed balances, the new capacity. */
function nextPlan(
  input: ReplanInput,
  base: PreparedPlan,
  debts: PreparedPlan['engine']['debts'],
  k: number,
): PreparedPlan {
  const prev = input.previousPlanInput;
  const customSum = prev.debts.reduce((s, d) => s + (d.customPayment ?? 0), 0);
  const total =
    prev.strategy === 'custom' ? Math.min(customSum, input.newCapacity) : input.newCapacity;
  return {
    asOf: input.asOf,
    capacity: input.newCapacity,
    strategy: prev.strategy,
    engine: {
      anchor: prev.asOf,
      startMonth: k,
      total: cents(total),
      strategy: prev.strategy,
      debts,
    },
    meta: base.meta.map((m, i) => ({
      ...m,
      contract: {
        ...m.contract,
        principal: debts[i]!.principal,
        interestDue: debts[i]!.interestDue,
        // a waived penalty is still owed under the contract: keep it for the contract comparison
        penalty: m.concession === 'waive-penalty' ? m.contract.penalty : debts[i]!.penalty,
      },
    })),
  };
}

type Proposal = Plan['proposals'][number];

function changeOf(
  old: Proposal,
  neu: Proposal,
  k: number,
  actuallyPaid: number,
  overpaid: number,
): DebtChange {
  let planned = 0;
  for (const r of old.schedule) if (r.month <= k) planned += r.payment;
  const oldNext = old.schedule.find((r) => r.month === k + 1)?.payment ?? cents(0);
  const newFirst = neu.schedule[0]?.payment ?? cents(0);
  let status: ChangeStatus;
  if (neu.term === 0) status = 'repaid';
  else if (!neu.meetsMaxTerm && old.meetsMaxTerm) status = 'no-longer-repaid-in-term';
  else if (neu.endDate === null) status = 'unchanged';
  else if (old.endDate === null || neu.endDate < old.endDate) status = 'earlier';
  else if (neu.endDate > old.endDate) status = 'later';
  else status = oldNext === newFirst ? 'unchanged' : 'amount-changed';
  return {
    id: old.id,
    creditor: old.creditor,
    plannedPaid: cents(planned),
    actuallyPaid: cents(actuallyPaid),
    overpaid: cents(overpaid),
    oldEndDate: old.endDate,
    newEndDate: neu.endDate,
    oldMonthly: oldNext,
    newMonthly: newFirst,
    status,
  };
}

function summarize(
  k: number,
  prev: PlanInput,
  input: ReplanInput,
  plan: Plan,
  changes: DebtChange[],
): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  zh.push(`原计划自 ${prev.asOf} 起已过 ${k} 期。`);
  en.push(`${k} installment(s) of the plan from ${prev.asOf} have fallen due.`);
  if (input.newCapacity !== prev.capacity) {
    zh.push(
      `每月可还金额从 ${formatMoney(prev.capacity)} 变为 ${formatMoney(input.newCapacity)}。`,
    );
    en.push(
      `Monthly capacity changed from ${formatMoney(prev.capacity)} to ${formatMoney(input.newCapacity)}.`,
    );
  }
  for (const c of changes) {
    paymentLines(c, zh, en);
    statusLines(c, zh, en);
  }
  if (!plan.feasible && plan.shortfall) {
    zh.push(`新计划不可行：每月还差 ${formatMoney(plan.shortfall.monthly)}。`);
    en.push(`The new plan is not feasible: ${formatMoney(plan.shortfall.monthly)} a month short.`);
  }
  if (zh.length === 1) {
    zh.push('没有变化：计划照旧。');
    en.push('Nothing changed: the plan stands.');
  }
  return { zh, en };
}

/** Less or more paid than planned, and anything paid beyond what was owed. */
function paymentLines(c: DebtChange, zh: string[], en: string[]): void {
  const diff = c.actuallyPaid - c.plannedPaid;
  if (diff < 0) {
    zh.push(`${c.creditor}：少还 ${formatMoney(cents(-diff))}。`);
    en.push(`${c.creditor}: ${formatMoney(cents(-diff))} less paid than planned.`);
  } else if (diff > 0) {
    zh.push(`${c.creditor}：多还 ${formatMoney(cents(diff))}。`);
    en.push(`${c.creditor}: ${formatMoney(cents(diff))} more paid than planned.`);
  }
  if (c.overpaid > 0) {
    zh.push(`${c.creditor}：超出欠款 ${formatMoney(c.overpaid)}，应要求退还。`);
    en.push(
      `${c.creditor}: ${formatMoney(c.overpaid)} paid beyond what was owed; ask for it back.`,
    );
  }
}

/** What changed for the debt: repaid, an earlier or later end, a new amount, or out of term. */
function statusLines(c: DebtChange, zh: string[], en: string[]): void {
  const oldE = c.oldEndDate ?? '—';
  const newE = c.newEndDate ?? '—';
  switch (c.status) {
    case 'unchanged':
      return;
    case 'repaid':
      zh.push(`${c.creditor}：已结清。`);
      en.push(`${c.creditor}: repaid.`);
      return;
    case 'earlier':
    case 'later':
      zh.push(
        `${c.creditor}：结清日期从 ${oldE} ${c.status === 'earlier' ? '提前' : '推迟'}到 ${newE}，每月 ${formatMoney(c.newMonthly)}。`,
      );
      en.push(
        `${c.creditor}: end date moves ${c.status} from ${oldE} to ${newE}, ${formatMoney(c.newMonthly)} a month.`,
      );
      return;
    case 'amount-changed':
      zh.push(
        `${c.creditor}：结清日期不变，每月从 ${formatMoney(c.oldMonthly)} 变为 ${formatMoney(c.newMonthly)}。`,
      );
      en.push(
        `${c.creditor}: same end date; monthly amount ${formatMoney(c.oldMonthly)} → ${formatMoney(c.newMonthly)}.`,
      );
      return;
    case 'no-longer-repaid-in-term':
      zh.push(`${c.creditor}：在约定期数内已无法结清（原定 ${oldE}，现在要到 ${newE}）。`);
      en.push(`${c.creditor}: can no longer be repaid within its term (was ${oldE}, now ${newE}).`);
      return;
    default: {
      const never: never = c.status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}
