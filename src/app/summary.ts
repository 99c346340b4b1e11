import { checkLegality, type LegalityInput, type LegalityReport } from '../core/law/index.js';
import { buildSchedule, type ScheduleInput, type ScheduleRow } from '../core/schedule/index.js';
import {
  cents,
  isWithinAmountLimit,
  MAX_AMOUNT_TEXT,
  sumCents,
  type Cents,
} from '../core/money/index.js';
import { addMonths, compareDates, daysBetween, type IsoDate } from '../core/dates/index.js';
import { ratePpm } from '../core/rates/index.js';
import type { AprBasis, DatedFlow } from '../core/apr/index.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import type { CaseId, Debt, DebtFee, DebtPayment, Lender, LenderType } from '../db/types.js';
import type { Deps } from './deps.js';

export type { AprBasis };

export interface DebtSummary {
  debtId: string;
  lenderId: string;
  lenderName: string;
  lenderType: LenderType;
  contractNumber: string | null;
  contractOn: IsoDate | null;
  status: Debt['status'];
  principal: Cents;
  received: Cents;
  paid: Cents;
  fees: Cents;
  balance: Cents | null;
  overdue: Cents;
  overdueDays: number | null;
  isCreditReported: boolean;
  aprBasis: AprBasis | null;
  /** the date the true cost runs from: the contract date, or for 'card-terms' its start */
  aprFrom: IsoDate | null;
  /** decimal fractions, from core (floats: the IRR solver's output) */
  nominalApr: number | null;
  effectiveAnnualRate: number | null;
  /** 'exceeded' when any applicable line is exceeded, 'within' when none is, null when unknown */
  verdict: 'exceeded' | 'within' | null;
  legality: LegalityReport | null;
  /** why the APR or verdict is missing (code + zh/en) */
  aprNote: { code: string; message: string; messageZh: string } | null;
  /**
   * An amount of this loan is above the per-field limit (data stored before the limit existed):
   * listed so it can be edited or deleted, but left out of every total and plan.
   */
  isOverLimit?: boolean;
}

export interface LenderSummary {
  lenderId: string;
  name: string;
  brand: string | null;
  lenderType: LenderType;
  debts: number;
  principal: Cents;
  paid: Cents;
  /** sum of known balances; debts without a lender figure are left out (debtsWithoutBalance) */
  balance: Cents;
  debtsWithoutBalance: number;
  overdue: Cents;
}

export interface CaseSummary {
  caseId: CaseId;
  asOf: IsoDate;
  totals: {
    debts: number;
    principal: Cents;
    received: Cents;
    paid: Cents;
    fees: Cents;
    /** sum of known balances (debts without a lender figure are left out: see debtsWithoutBalance) */
    balance: Cents;
    debtsWithoutBalance: number;
    overdue: Cents;
    overdueDebts: number;
    aboveLegalLine: number;
  };
  lenders: LenderSummary[];
  debts: DebtSummary[];
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list === undefined) m.set(k, [x]);
    else list.push(x);
  }
  return m;
}

type AprNote = { code: string; message: string; messageZh: string };

type ChosenFlows =
  | { ok: true; flows: DatedFlow[]; basis: AprBasis; contractDate: IsoDate; principal: Cents }
  | { ok: false; note: AprNote };

const isUpfront = (f: DebtFee) => f.timing === 'upfront';

/**
 * The money the borrower really had in hand at disbursement (issue 12 item 6): a fee paid up front
 * or deducted at disbursement ('upfront', 前置/放款时扣除) is money the borrower did not keep, so
 * in hand = min(the amount recorded as received — or the principal when none is —, principal −
 * upfront fees). A recorded amount already net of the fees is not reduced twice; "full amount
 * received" with a fee paid up front is reduced by it. Never below 0.
 */
export function inHandOf(debt: Debt, fees: DebtFee[]): Cents {
  const upfront = sumCents(fees.filter(isUpfront).map((f) => f.amount));
  const gross = debt.received ?? debt.principal;
  return cents(Math.max(0, Math.min(gross, debt.principal - upfront)));
}

/**
 * Every flow that does not follow the repayment schedule, on its real date (never before the
 * disbursement `anchor`): + the money in hand at the anchor, − an upfront fee paid on a later date
 * (its amount moves from the anchor to that date), − each one-off fee. Per-period fees follow the
 * schedule (see `perPeriodFee`).
 */
function openingFlows(debt: Debt, fees: DebtFee[], anchor: IsoDate): DatedFlow[] {
  const on = (f: DebtFee): IsoDate =>
    f.chargedOn !== null && compareDates(f.chargedOn, anchor) > 0 ? f.chargedOn : anchor;
  const later = fees.filter((f) => isUpfront(f) && compareDates(on(f), anchor) > 0);
  const moved = sumCents(later.map((f) => f.amount));
  const start = cents(Math.min(debt.principal, inHandOf(debt, fees) + moved));
  return [
    { date: anchor, amount: start },
    ...later.map((f) => ({ date: on(f), amount: cents(-f.amount) })),
    ...fees
      .filter((f) => f.timing === 'once')
      .map((f) => ({ date: on(f), amount: cents(-f.amount) })),
  ];
}

/** The fees charged with every installment ('per-period'), per period. */
function perPeriodFee(fees: DebtFee[]): Cents {
  return sumCents(fees.filter((f) => f.timing === 'per-period').map((f) => f.amount));
}

/** The schedule the quoted rate gives (the contract's, or a card's own terms from `start`). */
function rateSchedule(
  debt: Debt,
  over: { principal: Cents; periods: number; startDate: IsoDate; firstDueDate: IsoDate | null },
): ScheduleRow[] | null {
  if (debt.ratePpm === null || debt.ratePeriod === null || debt.scheduleMethod === 'custom')
    return null;
  const base = {
    principal: over.principal,
    periods: over.periods,
    startDate: over.startDate,
    ...(over.firstDueDate === null ? {} : { firstDueDate: over.firstDueDate }),
  };
  let input: ScheduleInput;
  if (debt.ratePeriod === 'day') {
    input = {
      ...base,
      method: 'daily-rate',
      annualRatePpm: ratePpm(0),
      dailyRatePpm: debt.ratePpm,
    };
  } else if (debt.rateBasis === 'original-principal') {
    input = {
      ...base,
      method: 'flat-fee',
      annualRatePpm: ratePpm(0),
      feeRatePerPeriodPpm:
        debt.ratePeriod === 'month' ? debt.ratePpm : ratePpm(Math.round(debt.ratePpm / 12)),
    };
  } else {
    const annual = debt.ratePeriod === 'month' ? ratePpm(debt.ratePpm * 12) : debt.ratePpm;
    input = { ...base, method: debt.scheduleMethod ?? 'equal-installment', annualRatePpm: annual };
  }
  const s = buildSchedule(input);
  return s.ok ? s.value.rows : null;
}

/** − each scheduled payment plus the per-period fees, on its due date. */
function scheduledFlows(rows: { dueDate: IsoDate; payment: Cents }[], fee: Cents): DatedFlow[] {
  return rows.map((r) => ({ date: r.dueDate, amount: cents(-(r.payment + fee)) }));
}

/**
 * The dated flows a loan's true cost is computed from, best evidence first (core/apr APR_BASES):
 * 1. 'payments': every payment recorded, plus the balance still owed as if paid on its date
 *    (nothing when settled). Payments are taken as including any per-period fees.
 * 2. 'installments': the installment amount the borrower typed × the term, due monthly from the
 *    first due date (else one month after the contract date), plus per-period fees.
 * 3. 'contract-rate': the schedule the quoted rate and method give (the advertised-rate fallback).
 * 4. 'card-terms': a credit card without those: its 分期手续费 (flat, per month on the amount put on
 *    installments) over its term, else its overdraft rate over the term (12 months if none),
 *    on the balance, from the contract date (else the balance date, else `asOf`).
 * Every basis except 'card-terms' starts with the money really in hand and every fee on its date.
 */
export function flowsOf(
  debt: Debt,
  fees: DebtFee[],
  payments: DebtPayment[],
  asOf: IsoDate,
): ChosenFlows {
  const fee = perPeriodFee(fees);
  const anchor = debt.contractOn;
  if (anchor !== null) {
    const opening = openingFlows(debt, fees, anchor);
    const done = debt.status === 'settled';
    if (payments.length > 0 && (done || debt.balance !== null)) {
      const owed = !done && debt.balance !== null && debt.balance > 0 ? debt.balance : null;
      return {
        ok: true,
        basis: 'payments',
        contractDate: anchor,
        principal: debt.principal,
        flows: [
          ...opening,
          ...payments.map((p) => ({ date: p.paidOn, amount: cents(-p.amount) })),
          ...(owed === null ? [] : [{ date: debt.balanceOn ?? asOf, amount: cents(-owed) }]),
        ],
      };
    }
    if (debt.installment !== null && debt.installment > 0 && debt.termMonths !== null) {
      const rows = Array.from({ length: debt.termMonths }, (_, k) => ({
        dueDate:
          debt.firstDueOn === null ? addMonths(anchor, k + 1) : addMonths(debt.firstDueOn, k),
        payment: debt.installment!,
      }));
      return {
        ok: true,
        basis: 'installments',
        contractDate: anchor,
        principal: debt.principal,
        flows: [...opening, ...scheduledFlows(rows, fee)],
      };
    }
    const rows =
      debt.termMonths === null
        ? null
        : rateSchedule(debt, {
            principal: debt.principal,
            periods: debt.termMonths,
            startDate: anchor,
            firstDueDate: debt.firstDueOn,
          });
    if (rows !== null)
      return {
        ok: true,
        basis: 'contract-rate',
        contractDate: anchor,
        principal: debt.principal,
        flows: [...opening, ...scheduledFlows(rows, fee)],
      };
  }
  if (debt.kind === 'credit-card') {
    const start = anchor ?? debt.balanceOn ?? asOf;
    const amount = debt.balance !== null && debt.balance > 0 ? debt.balance : debt.principal;
    const periods = debt.termMonths ?? 12;
    let rows: ScheduleRow[] | null = null;
    if (debt.cardInstallmentFeePpm !== null && debt.termMonths !== null) {
      const s = buildSchedule({
        method: 'flat-fee',
        principal: amount,
        periods,
        startDate: start,
        annualRatePpm: ratePpm(0),
        feeRatePerPeriodPpm: debt.cardInstallmentFeePpm,
      });
      rows = s.ok ? s.value.rows : null;
    } else {
      rows = rateSchedule(debt, {
        principal: amount,
        periods,
        startDate: start,
        firstDueDate: null,
      });
    }
    if (rows !== null)
      return {
        ok: true,
        basis: 'card-terms',
        contractDate: start,
        principal: amount,
        flows: [{ date: start, amount }, ...scheduledFlows(rows, fee)],
      };
    return {
      ok: false,
      note: {
        code: 'missing-card-terms',
        message:
          "credit card: add the statement's installment fee (e.g. 0.6% a month) with the number of installments, or the overdraft rate (e.g. 日息万五), to see the true cost; the minimum payment alone cannot give it",
        messageZh:
          '信用卡：填写账单上的分期手续费率（如每期 0.6%）和分期期数，或透支利率（如日息万分之五），即可算出真实年化；只有最低还款额算不出成本',
      },
    };
  }
  if (anchor === null)
    return {
      ok: false,
      note: {
        code: 'missing-contract-date',
        message: 'the contract (disbursement) date is missing',
        messageZh: '缺少合同日期（放款到账日）',
      },
    };
  return {
    ok: false,
    note:
      payments.length > 0
        ? {
            code: 'missing-balance',
            message:
              'payments are recorded but not the balance still owed; add it (or the installment and term) to see the true cost',
            messageZh:
              '已记录还款但缺少当前欠款余额；补充余额（或每期还款金额和期数）后可计算真实年化成本',
          }
        : {
            code: 'missing-terms',
            message:
              'add the installment amount and the number of installments (or the rate and term) to see the true cost',
            messageZh: '填写每期还款金额和期数（或合同利率和期数）后，即可算出真实年化成本',
          },
  };
}

type LegalityResult = ReturnType<typeof checkLegality>;

/**
 * checkLegality is pure but costly (an IRR solve over every payment); a server recomputes the
 * summary after each write and each TTL, and a write touches one loan, so the other loans' reports
 * are reused. Keyed by the exact inputs (so results are identical); bounded, oldest dropped first.
 * Reports are shared between calls: treat them as read-only.
 */
const LEGALITY_MEMO_MAX = 4096;
const legalityMemo = new Map<string, LegalityResult>();

function legalityKey(input: LegalityInput, asOf: IsoDate): string {
  let k = `${input.lenderType}|${input.contractDate}|${input.contractPrincipal}|${asOf}`;
  for (const f of input.cashflows) k += `|${f.date}:${f.amount}`;
  return k;
}

function memoLegality(input: LegalityInput, asOf: IsoDate): LegalityResult {
  const key = legalityKey(input, asOf);
  const hit = legalityMemo.get(key);
  if (hit !== undefined) return hit;
  const report = checkLegality(input, asOf);
  if (legalityMemo.size >= LEGALITY_MEMO_MAX)
    legalityMemo.delete(legalityMemo.keys().next().value!);
  legalityMemo.set(key, report);
  return report;
}

/** Empties the legality memo (benchmarks measure cold computations with it). */
export function clearLegalityMemo(): void {
  legalityMemo.clear();
}

/** Whether any amount of a loan is above the per-field limit (data from before the limit). */
export function hasAmountOverLimit(debt: Debt, fees: DebtFee[], payments: DebtPayment[]): boolean {
  const amounts = [
    debt.principal,
    debt.received,
    debt.installment,
    debt.liquidatedDamages,
    debt.balance,
    debt.overdue,
    ...fees.map((f) => f.amount),
    ...payments.map((p) => p.amount),
  ];
  return amounts.some((a) => a !== null && !isWithinAmountLimit(a));
}

/** A sum that fits in a safe integer, else 0 (only for over-limit rows, which no total counts). */
function safeSum(xs: Cents[]): Cents {
  const s = xs.reduce((a, x) => a + BigInt(x), 0n);
  return cents(
    s <= BigInt(Number.MAX_SAFE_INTEGER) && s >= -BigInt(Number.MAX_SAFE_INTEGER) ? s : 0,
  );
}

/** The line of a loan with an amount above the limit: its figures, no cost, a note to fix it. */
function overLimitSummary(
  debt: Debt,
  lender: Lender,
  fees: DebtFee[],
  payments: DebtPayment[],
): DebtSummary {
  return {
    debtId: debt.id,
    lenderId: lender.id,
    lenderName: lender.name,
    lenderType: lender.lenderType,
    contractNumber: debt.contractNumber,
    contractOn: debt.contractOn,
    status: debt.status,
    principal: debt.principal,
    received: debt.received ?? debt.principal,
    paid: safeSum(payments.map((p) => p.amount)),
    fees: safeSum(fees.map((f) => f.amount)),
    balance: debt.status === 'settled' ? cents(0) : debt.balance,
    overdue: debt.overdue,
    overdueDays: null,
    isCreditReported: debt.isCreditReported,
    aprBasis: null,
    aprFrom: null,
    nominalApr: null,
    effectiveAnnualRate: null,
    verdict: null,
    legality: null,
    aprNote: {
      code: 'amount-over-limit',
      message: `an amount of this debt is above the limit of ¥${MAX_AMOUNT_TEXT}; edit or delete it (it is left out of the totals and plans)`,
      messageZh: `这笔债务有金额超过单项上限 ¥${MAX_AMOUNT_TEXT}，请修改或删除（它未计入合计和还款计划）`,
    },
    isOverLimit: true,
  };
}

/** One loan's figures, true cost and legality as of `asOf`. Pure: no IO. */
export function summarizeDebt(
  debt: Debt,
  lender: Lender,
  fees: DebtFee[],
  payments: DebtPayment[],
  asOf: IsoDate,
): DebtSummary {
  if (hasAmountOverLimit(debt, fees, payments))
    return overLimitSummary(debt, lender, fees, payments);
  const received = inHandOf(debt, fees);
  const paid = sumCents(payments.map((p) => p.amount));
  const feeTotal = sumCents(fees.map((f) => f.amount));
  const base: DebtSummary = {
    debtId: debt.id,
    lenderId: lender.id,
    lenderName: lender.name,
    lenderType: lender.lenderType,
    contractNumber: debt.contractNumber,
    contractOn: debt.contractOn,
    status: debt.status,
    principal: debt.principal,
    received,
    paid,
    fees: feeTotal,
    balance: debt.status === 'settled' ? cents(0) : debt.balance,
    overdue: debt.overdue,
    overdueDays:
      debt.overdueSinceOn !== null && compareDates(debt.overdueSinceOn, asOf) <= 0
        ? daysBetween(debt.overdueSinceOn, asOf)
        : null,
    isCreditReported: debt.isCreditReported,
    aprBasis: null,
    aprFrom: null,
    nominalApr: null,
    effectiveAnnualRate: null,
    verdict: null,
    legality: null,
    aprNote: null,
  };
  const chosen = flowsOf(debt, fees, payments, asOf);
  if (!chosen.ok) {
    base.aprNote = chosen.note;
    return base;
  }
  const { flows, basis, contractDate } = chosen;
  const lastFlow = flows.reduce(
    (m, f) => (compareDates(f.date, m) > 0 ? f.date : m),
    flows[0]!.date,
  );
  const report = memoLegality(
    {
      lenderType: lender.lenderType,
      contractDate,
      contractPrincipal: chosen.principal,
      cashflows: flows,
    },
    compareDates(asOf, lastFlow) >= 0 ? asOf : lastFlow,
  );
  if (!report.ok) {
    base.aprNote = {
      code: report.error.code,
      message: report.error.message,
      messageZh:
        'messageZh' in report.error && report.error.messageZh !== undefined
          ? report.error.messageZh
          : report.error.message,
    };
    return base;
  }
  base.aprBasis = basis;
  base.aprFrom = contractDate;
  base.nominalApr = report.value.nominalApr;
  base.effectiveAnnualRate = report.value.effectiveAnnualRate;
  base.legality = report.value;
  base.verdict =
    report.value.verdicts.length === 0
      ? null
      : report.value.verdicts.some((v) => v.exceeded)
        ? 'exceeded'
        : 'within';
  return base;
}

/** Totals per lender and overall, and each loan's true APR and legality verdict, as of `asOf`. */
export async function summarizeCase(
  deps: Deps,
  caseId: CaseId,
  asOf: IsoDate,
): Promise<CaseSummary> {
  const debtsRepo = createDebtRepository(deps.db);
  const [lenders, debts, fees, payments] = await Promise.all([
    createLenderRepository(deps.db).list(caseId),
    debtsRepo.list(caseId),
    debtsRepo.listFees(caseId),
    debtsRepo.listPayments(caseId),
  ]);
  return buildCaseSummary({ caseId, asOf, lenders, debts, fees, payments });
}

/** The pure part of summarizeCase (also what the benchmark measures against the bare SELECTs). */
export function buildCaseSummary(input: {
  caseId: CaseId;
  asOf: IsoDate;
  lenders: Lender[];
  debts: Debt[];
  fees: DebtFee[];
  payments: DebtPayment[];
}): CaseSummary {
  const { caseId, asOf, lenders, debts } = input;
  const lenderById = new Map(lenders.map((l) => [l.id as string, l]));
  const feesByDebt = groupBy(input.fees, (f) => f.debtId);
  const paysByDebt = groupBy(input.payments, (p) => p.debtId);
  const rows = debts.map((d) =>
    summarizeDebt(
      d,
      lenderById.get(d.lenderId)!,
      feesByDebt.get(d.id) ?? [],
      paysByDebt.get(d.id) ?? [],
      asOf,
    ),
  );
  // loans with an amount above the limit are listed but never summed (their sums may not be exact)
  const counted = rows.filter((r) => r.isOverLimit !== true);
  const byLender = groupBy(counted, (r) => r.lenderId);
  const lenderRows: LenderSummary[] = lenders
    .filter((l) => byLender.has(l.id))
    .map((l) => {
      const rs = byLender.get(l.id)!;
      return {
        lenderId: l.id,
        name: l.name,
        brand: l.brand,
        lenderType: l.lenderType,
        debts: rs.length,
        principal: sumCents(rs.map((r) => r.principal)),
        paid: sumCents(rs.map((r) => r.paid)),
        balance: sumCents(rs.map((r) => r.balance ?? cents(0))),
        debtsWithoutBalance: rs.filter((r) => r.balance === null).length,
        overdue: sumCents(rs.map((r) => r.overdue)),
      };
    });
  return {
    caseId,
    asOf,
    totals: {
      debts: rows.length,
      principal: sumCents(counted.map((r) => r.principal)),
      received: sumCents(counted.map((r) => r.received)),
      paid: sumCents(counted.map((r) => r.paid)),
      fees: sumCents(counted.map((r) => r.fees)),
      balance: sumCents(counted.map((r) => r.balance ?? cents(0))),
      debtsWithoutBalance: counted.filter((r) => r.balance === null).length,
      overdue: sumCents(counted.map((r) => r.overdue)),
      overdueDebts: rows.filter((r) => r.overdue > 0 || r.status === 'overdue').length,
      aboveLegalLine: rows.filter((r) => r.verdict === 'exceeded').length,
    },
    lenders: lenderRows,
    debts: rows,
  };
}
