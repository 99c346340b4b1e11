import { checkLegality, type LegalityInput, type LegalityReport } from '../core/law/index.js';
import {
  cents,
  isWithinAmountLimit,
  MAX_AMOUNT_TEXT,
  sumCents,
  type Cents,
} from '../core/money/index.js';
import { compareDates, daysBetween, type IsoDate } from '../core/dates/index.js';
import type { AprBasis } from '../core/apr/index.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import type { CaseId, Debt, DebtFee, DebtPayment, Lender, LenderType } from '../db/types.js';
import { flowsOf, inHandOf, type AprNote, type ChosenFlows } from './debt-flows.js';
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
  aprNote: AprNote | null;
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
  const base = figuresOf(debt, lender, fees, payments, asOf);
  const chosen = flowsOf(debt, fees, payments, asOf);
  if (!chosen.ok) {
    base.aprNote = chosen.note;
    return base;
  }
  return withTrueCost(base, lender, chosen, asOf);
}

/** A loan's recorded figures, with no cost yet (the APR fields null). */
function figuresOf(
  debt: Debt,
  lender: Lender,
  fees: DebtFee[],
  payments: DebtPayment[],
  asOf: IsoDate,
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
    received: inHandOf(debt, fees),
    paid: sumCents(payments.map((p) => p.amount)),
    fees: sumCents(fees.map((f) => f.amount)),
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
}

/** The true cost and legality of the chosen flows, checked as of `asOf` or the last flow. */
function withTrueCost(
  base: DebtSummary,
  lender: Lender,
  chosen: Extract<ChosenFlows, { ok: true }>,
  asOf: IsoDate,
): DebtSummary {
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
