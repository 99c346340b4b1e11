// Use case: when life changes — an installment missed or at risk, or income changed — re-plan the
// affected agreements with core/plan's replan and draft a renegotiation letter (the documents'
// 协商还款申请书, "request") per affected lender.
//
// How the agreements become a plan: each affected agreement is one plan debt at 0 % (agreed
// plans are normally interest-frozen), balance = what was still owed one month before the first
// installment now in arrears, contractual payment = that installment. replan() then replays the
// payments actually made since and spreads what is left at the new monthly capacity (default:
// the same total as before, so a miss shows as a later end date).
// What we show and write per lender is a level ask (levelAsk): the plan's first monthly amount
// until the balance is repaid, on the lender's own due day, so "N × ¥X (+ last)" adds up to the
// total in the letter; the plan's roll-over of a finished lender's share is not promised.
import { addMonths, type IsoDate } from '../../core/dates/index.js';
import { cents, formatMoney, formatYuan, type Cents } from '../../core/money/index.js';
import {
  replan,
  type PlanDebt,
  type PlanInput,
  type Proposal,
  type Replan,
} from '../../core/plan/index.js';
import type { ReplanReason } from '../../contracts/index.js';
import { CONCESSIONS, type CaseInput, type Concession, type Lang } from '../../documents/index.js';
import { createAgreementRepository } from '../../db/repositories/agreements-repository.js';
import type { CaseId } from '../../db/types.js';
import { parsePositiveMoney } from './input.js';
import { agreementReports, type AgreementReport } from './agreements.js';
import type { Deps } from '../deps.js';
import { loadLetterCase } from '../documents/case.js';
import { renderLetter } from '../documents/documents.js';
import { AppError } from '../errors.js';
import { findLender, lenderNotFound } from '../lenders.js';

export type AffectedReason = 'missed' | 'late' | 'at-risk' | 'income-changed';

export interface AffectedAgreement {
  agreementId: string;
  lenderId: string;
  lender: string;
  reasons: AffectedReason[];
  arrears: Cents;
}

export interface ReplanLetter {
  lender: string;
  fileName: string;
  format: string;
  bytes: Uint8Array;
}

export interface ReplanResult {
  asOf: IsoDate;
  affected: AffectedAgreement[];
  replan: Replan;
  /** per affected lender, what the letter asks for (level, on the lender's own due day) */
  asks: ReplanAsk[];
  /** per affected lender, the agreement's end date against the ask's */
  summary: { zh: string[]; en: string[] };
  letters: ReplanLetter[];
}

export interface LevelAsk {
  monthly: Cents;
  installments: number;
  last: Cents;
  total: Cents;
  firstDueOn: IsoDate;
  endOn: IsoDate;
}

export interface ReplanAsk extends LevelAsk {
  agreementId: string;
  lender: string;
  /** when the agreement, kept as agreed, would have ended */
  agreementEndOn: IsoDate | null;
}

export interface ReplanRequest {
  asOf: IsoDate;
  /** new monthly capacity for the affected agreements (yuan); default: unchanged */
  capacity?: string;
  /** agreements with these lenders count as affected (e.g. at risk in the forecast) */
  lenders?: string[];
  lang: Lang;
  format: string;
  /** why the borrower asks, when they said so (the web form): a refusal then names the reason */
  reason?: ReplanReason;
}

/**
 * The longest level ask a letter may make (50 years of months): at a monthly amount this small the
 * plan would not repay within its limit, and a letter must not ask for less than is owed.
 */
export const MAX_ASK_INSTALLMENTS = 600;

/**
 * The agreement's going monthly rate: the most common amount among the open installments (the
 * larger on a tie), so "3 × ¥200 then 33 × ¥980" re-plans at ¥980, not at the opening ¥200.
 */
function monthlyOf(r: AgreementReport): Cents {
  const counts = new Map<number, number>();
  for (const s of r.status.installments)
    if (s.remaining > 0) counts.set(s.amount, (counts.get(s.amount) ?? 0) + 1);
  let best: [number, number] = [r.status.installments.at(-1)!.amount, 0];
  for (const [amount, n] of counts)
    if (n > best[1] || (n === best[1] && amount > best[0])) best = [amount, n];
  return cents(best[0]);
}

/** Picks the affected agreements, runs replan() and renders one letter per affected lender. */
export async function replanAgreements(
  deps: Deps,
  caseId: CaseId,
  req: ReplanRequest,
): Promise<ReplanResult> {
  const newCapacity =
    req.capacity === undefined ? null : parsePositiveMoney(req.capacity, 'capacity');
  const named = new Set<string>();
  for (const ref of req.lenders ?? []) {
    const l = await findLender(deps.db, caseId, ref);
    if (l === undefined) throw lenderNotFound(ref);
    named.add(l.id);
  }
  const { reports } = await agreementReports(deps, caseId, { asOf: req.asOf });
  const affected = pickAffected(reports, named, newCapacity !== null);
  if (affected.length === 0) throw nothingToReplan(req.reason);
  const plan = await replayPlan(deps, caseId, affected, newCapacity, req.asOf);
  const asks = asksOf(plan, affected, req.asOf);
  refuseShortAsks(
    plan,
    affected.map(({ a }) => a),
    asks,
  );
  const letters = await lettersOf(deps, caseId, affected, asks, req);
  return {
    asOf: req.asOf,
    affected: affected.map((x) => x.a),
    replan: plan,
    asks,
    summary: summaryOf(affected, asks),
    letters,
  };
}

/** An affected agreement: its report, and what the result says about it. */
interface Affected {
  r: AgreementReport;
  a: AffectedAgreement;
}

/**
 * The open agreements to re-plan and why: an installment missed (else late), the lender named as
 * at risk, or — when none of these and a new capacity is given — the changed income.
 */
function pickAffected(
  reports: AgreementReport[],
  named: ReadonlySet<string>,
  hasNewCapacity: boolean,
): Affected[] {
  const open = reports.filter((r) => r.agreement.status === 'active' && !r.progress.isComplete);
  const affected: Affected[] = [];
  for (const r of open) {
    const reasons: AffectedReason[] = [];
    if (r.status.installments.some((s) => s.status === 'missed')) reasons.push('missed');
    else if (r.status.installments.some((s) => s.status === 'late')) reasons.push('late');
    if (named.has(r.agreement.lenderId)) reasons.push('at-risk');
    if (hasNewCapacity && reasons.length === 0) reasons.push('income-changed');
    if (reasons.length > 0)
      affected.push({
        r,
        a: {
          agreementId: r.agreement.id,
          lenderId: r.agreement.lenderId,
          lender: r.agreement.lenderBrand ?? r.agreement.lenderName,
          reasons,
          arrears: r.progress.arrears,
        },
      });
  }
  return affected;
}

/**
 * Runs core's replan over the affected agreements: the plan as agreed from one month before the
 * earliest installment in arrears (or today), the payments made since, and the new capacity
 * (default: the agreed monthly total).
 */
async function replayPlan(
  deps: Deps,
  caseId: CaseId,
  affected: Affected[],
  newCapacity: Cents | null,
  asOf: IsoDate,
): Promise<Replan> {
  // the plan starts one month before the earliest installment in arrears (or today)
  const firstArrears = affected
    .flatMap(({ r }) =>
      r.status.installments.filter((s) => s.remaining > 0 && s.dueOn < asOf).map((s) => s.dueOn),
    )
    .sort()[0];
  const start = firstArrears === undefined ? asOf : addMonths(firstArrears, -1);
  const allPayments = await createAgreementRepository(deps.db).listPayments(caseId);
  const debts = affected.map(({ r }) => planDebtOf(r, start));
  const capacity = cents(debts.reduce((s, d) => s + d.contractualPayment, 0));
  const previousPlanInput: PlanInput = {
    asOf: start,
    capacity,
    strategy: 'pro-rata-contractual',
    debts,
  };
  const ids = new Set(debts.map((d) => d.id));
  const paymentsMade = allPayments
    .filter((p) => ids.has(p.agreementId) && p.paidOn > start && p.paidOn <= asOf)
    .map((p) => ({ debtId: p.agreementId, date: p.paidOn, amount: p.amount }));
  const r = replan({
    previousPlanInput,
    paymentsMade,
    newCapacity: newCapacity ?? capacity,
    asOf,
  });
  if (!r.ok) throw AppError.fromIssue(r.error);
  return r.value;
}

/** One agreement as a plan debt at 0 %: what was still owed at `start`, at its going rate. */
function planDebtOf(r: AgreementReport, start: IsoDate): PlanDebt {
  const paidBefore = r.payments.filter((p) => p.paidOn <= start).reduce((s, p) => s + p.amount, 0);
  const remainingCount = r.status.installments.filter((s) => s.remaining > 0).length;
  return {
    id: r.agreement.id,
    creditor: r.agreement.lenderBrand ?? r.agreement.lenderName,
    kind: 'other',
    balance: cents(Math.max(1, r.agreement.total - paidBefore)),
    annualRatePpm: 0 as PlanDebt['annualRatePpm'],
    contractualPayment: monthlyOf(r),
    penaltyAccrued: cents(0),
    interestAccrued: cents(0),
    minPayment: cents(0),
    maxTerm: Math.min(120, Math.max(60, remainingCount + 12)),
    concession: 'none',
    reducedRatePpm: null,
    customPayment: null,
    penaltyRatePpm: 0 as PlanDebt['annualRatePpm'],
    legalLinePpm: null,
  };
}

/** The level ask to each affected lender whose proposal pays something within the horizon. */
function asksOf(plan: Replan, affected: Affected[], asOf: IsoDate): ReplanAsk[] {
  const asks: ReplanAsk[] = [];
  for (const { r: rep, a } of affected) {
    const proposal = plan.plan.proposals.find((p) => p.id === rep.agreement.id);
    // (nothing paid within the horizon: a very small capacity; no ask rather than 0 / 0)
    if (proposal === undefined || proposal.schedule.length === 0 || proposal.totalPaid <= 0)
      continue;
    // keep the lender's own due day (the plan anchors every lender on one day; a borrower
    // who lined a due date up after payday should not lose that in a re-plan)
    const next = rep.status.installments.find((s) => s.remaining > 0 && s.dueOn > asOf);
    asks.push({
      agreementId: rep.agreement.id,
      lender: a.lender,
      agreementEndOn: rep.progress.scheduledEndOn,
      ...levelAsk(proposal, next?.dueOn),
    });
  }
  return asks;
}

/** One renegotiation letter per affected lender with an ask. */
async function lettersOf(
  deps: Deps,
  caseId: CaseId,
  affected: Affected[],
  asks: ReplanAsk[],
  req: ReplanRequest,
): Promise<ReplanLetter[]> {
  const letters: ReplanLetter[] = [];
  for (const { r: rep } of affected) {
    const ask = asks.find((x) => x.agreementId === rep.agreement.id);
    if (ask === undefined) continue;
    const c = await letterCase(deps, caseId, rep, ask, req.asOf);
    const letter = await renderLetter(c, { kind: 'request', format: req.format, lang: req.lang });
    letters.push({
      lender: rep.agreement.lenderBrand ?? rep.agreement.lenderName,
      fileName: `renegotiation-${safeName(rep.agreement.lenderBrand ?? rep.agreement.lenderName)}-${req.asOf}.${letter.format}`,
      format: letter.format,
      bytes: letter.bytes,
    });
  }
  return letters;
}

/** Per affected lender with an ask, one sentence (zh and en): owed, asked for, the end dates. */
function summaryOf(affected: Affected[], asks: ReplanAsk[]): ReplanResult['summary'] {
  const summary: ReplanResult['summary'] = { zh: [], en: [] };
  for (const { r: rep, a } of affected) {
    const ask = asks.find((x) => x.agreementId === rep.agreement.id);
    if (ask === undefined) continue;
    const was = ask.agreementEndOn ?? '—';
    const lastZh = ask.last !== ask.monthly ? `，末期 ${formatMoney(ask.last)}` : '';
    const lastEn = ask.last !== ask.monthly ? `, last ${formatMoney(ask.last)}` : '';
    summary.zh.push(
      `${a.lender}：尚欠 ${formatMoney(ask.total)}${a.arrears > 0 ? `（其中逾期 ${formatMoney(a.arrears)}）` : ''}；申请自 ${ask.firstDueOn} 起每月 ${formatMoney(ask.monthly)}，共 ${ask.installments} 期${lastZh}，至 ${ask.endOn} 还清（原协议至 ${was}${ask.endOn > was ? '，推迟' : ''}）。`,
    );
    summary.en.push(
      `${a.lender}: ${formatMoney(ask.total)} still owed${a.arrears > 0 ? ` (${formatMoney(a.arrears)} overdue)` : ''}; ask for ${formatMoney(ask.monthly)} a month from ${ask.firstDueOn}, ${ask.installments} installments${lastEn}, paid off by ${ask.endOn} (agreement: ${was}${ask.endOn > was ? ', later' : ''}).`,
    );
  }
  return summary;
}

/** No installment is missed or late and nothing was named: said on the reason when one was given. */
function nothingToReplan(reason: ReplanReason | undefined): AppError {
  if (reason !== undefined)
    return new AppError(
      'not-found',
      'nothing to re-plan: no installment is missed or late; choose the agreement at risk or give what you can pay now',
      {
        field: 'reason',
        messageZh:
          '没有需要重新安排的协议：目前没有逾期的分期。请选择可能还不上的协议，或填写现在每月能还多少。',
      },
    );
  return new AppError(
    'not-found',
    'nothing to re-plan: no installment is missed or late; name a lender at risk with --lender or give a new --capacity',
    {
      field: 'lender',
      messageZh:
        '无需重新规划：没有逾期的分期；如某家有风险，请用 --lender 指定，或用 --capacity 给出新的每月可还金额',
    },
  );
}

/**
 * Refuses a plan that would not repay an affected agreement: at a very small monthly amount the
 * asks stop short of the balance (no ask, no term, or more than MAX_ASK_INSTALLMENTS months).
 */
function refuseShortAsks(plan: Replan, affected: AffectedAgreement[], asks: ReplanAsk[]): void {
  const short = affected.filter((a) => {
    const ask = asks.find((x) => x.agreementId === a.agreementId);
    const p = plan.plan.proposals.find((x) => x.id === a.agreementId);
    return (
      ask === undefined ||
      p === undefined ||
      p.term === null ||
      ask.installments > MAX_ASK_INSTALLMENTS
    );
  });
  if (short.length === 0) return;
  const before = formatYuan(plan.previous.capacity);
  const now = formatYuan(plan.plan.capacity);
  throw new AppError(
    'infeasible',
    `capacity: at ${now} a month ${short.map((a) => a.lender).join(', ')} would not be repaid within the plan's limit (5 to 10 years); enter a larger amount (as agreed: ${before} a month)`,
    {
      field: 'capacity',
      messageZh: `每月 ${now} 元在 5–10 年内还不清${short.map((a) => a.lender).join('、')}的欠款；请填写更大的金额（原协议每月合计 ${before} 元）`,
      details: { short: short.map((a) => a.agreementId) },
    },
  );
}

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
}

/** The letter's case: from the store when the lender's debts are recorded, else from the agreement. */
async function letterCase(
  deps: Deps,
  caseId: CaseId,
  r: AgreementReport,
  ask: LevelAsk,
  asOf: IsoDate,
): Promise<CaseInput> {
  let base: CaseInput;
  try {
    base = await loadLetterCase(deps, { caseId, lender: r.agreement.lenderId, asOf });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'not-found') throw e;
    const lender = await findLender(deps.db, caseId, r.agreement.lenderId);
    base = {
      asOf,
      borrower: { name: '（请填写姓名）' },
      lender: {
        name: r.agreement.lenderName,
        ...(r.agreement.lenderBrand ? { brand: r.agreement.lenderBrand } : {}),
        type: lender?.lenderType ?? 'unknown',
        isCreditCard: false,
      },
      debts: [
        {
          ref: `协议 ${r.agreement.agreedOn}`,
          principal: r.agreement.total,
          outstanding: r.progress.remaining,
          overdueDays: Math.max(
            0,
            ...r.status.installments.filter((s) => s.remaining > 0).map((s) => s.daysLate),
          ),
          penalty: cents(0),
        },
      ],
    };
  }
  const concessions = r.agreement.concessions.filter((x): x is Concession =>
    (CONCESSIONS as readonly string[]).includes(x),
  );
  if (!concessions.includes('extend-term')) concessions.push('extend-term');
  return {
    ...base,
    plan: {
      monthlyPayment: ask.monthly,
      installments: ask.installments,
      firstDueOn: ask.firstDueOn,
      endOn: ask.endOn,
      totalPaid: ask.total,
      ...(ask.last !== ask.monthly ? { lastPayment: ask.last } : {}),
      concessions,
    },
  };
}

/**
 * The letter's ask to one lender: the proposal's first monthly amount, level, until the total is
 * repaid, monthly from `firstDueOn` (default: the plan's first date). The multi-lender plan rolls a finished lender's share over to the others (its later
 * payments grow), but a letter that says "N × ¥X" must add up to the total it asks for, so the
 * rolled-over months are not promised to this lender.
 */
export function levelAsk(p: Proposal, firstDueOn?: IsoDate): LevelAsk {
  const firstOn = firstDueOn ?? p.schedule[0]!.date;
  const total = p.totalPaid;
  const monthly = cents(Math.min(Math.max(1, p.monthlyPayment), total));
  const installments = Math.ceil(total / monthly);
  const last = cents(total - (installments - 1) * monthly);
  return {
    monthly,
    installments,
    last,
    total,
    firstDueOn: firstOn,
    endOn: addMonths(firstOn, installments - 1),
  };
}
