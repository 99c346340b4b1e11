// The dated cash flows a loan's true cost is computed from (summary.ts runs checkLegality over
// them): which basis the recorded figures allow, best evidence first, and the money really in hand.
import { buildSchedule, type ScheduleInput, type ScheduleRow } from '../core/schedule/index.js';
import { cents, sumCents, type Cents } from '../core/money/index.js';
import { addMonths, compareDates, type IsoDate } from '../core/dates/index.js';
import { ratePpm } from '../core/rates/index.js';
import type { AprBasis, DatedFlow } from '../core/apr/index.js';
import type { Debt, DebtFee, DebtPayment } from '../db/types.js';

export type AprNote = { code: string; message: string; messageZh: string };

export type ChosenFlows =
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
  if (debt.contractOn !== null) {
    const chosen = contractFlows(debt, fees, payments, asOf, debt.contractOn);
    if (chosen !== null) return chosen;
  }
  if (debt.kind === 'credit-card') return cardTermsFlows(debt, perPeriodFee(fees), asOf);
  return { ok: false, note: missingTermsNote(debt, payments) };
}

/** Bases 1–3, from the contract date `anchor`; null when the figures give none of them. */
function contractFlows(
  debt: Debt,
  fees: DebtFee[],
  payments: DebtPayment[],
  asOf: IsoDate,
  anchor: IsoDate,
): ChosenFlows | null {
  const fee = perPeriodFee(fees);
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
      dueDate: debt.firstDueOn === null ? addMonths(anchor, k + 1) : addMonths(debt.firstDueOn, k),
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
  if (rows === null) return null;
  return {
    ok: true,
    basis: 'contract-rate',
    contractDate: anchor,
    principal: debt.principal,
    flows: [...opening, ...scheduledFlows(rows, fee)],
  };
}

/** Basis 4, a credit card's own terms on its balance; else a note asking for them. */
function cardTermsFlows(debt: Debt, fee: Cents, asOf: IsoDate): ChosenFlows {
  const start = debt.contractOn ?? debt.balanceOn ?? asOf;
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

/** What a loan (not a card) without a usable basis lacks. */
function missingTermsNote(debt: Debt, payments: DebtPayment[]): AprNote {
  if (debt.contractOn === null)
    return {
      code: 'missing-contract-date',
      message: 'the contract (disbursement) date is missing',
      messageZh: '缺少合同日期（放款到账日）',
    };
  return payments.length > 0
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
      };
}
