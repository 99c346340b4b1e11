import { describeAprBasis } from '../core/apr/index.js';
import { formatYuan, type Cents } from '../core/money/index.js';
import { formatRateFraction, type RatePpm } from '../core/rates/index.js';
import type { Debt, DebtFee, DebtPayment, Lender, ScheduleRow } from '../db/types.js';
import type { DebtDetails } from './debts.js';
import type { CaseSummary, DebtSummary } from './summary.js';

// JSON shapes for the CLI's --json and the HTTP API: money as yuan strings ("1234.50"), rates as
// decimal fractions ("0.0005"), dates and instants as ISO strings (contracts/common.ts).

const y = (c: Cents): string => formatYuan(c);
const yn = (c: Cents | null): string | null => (c === null ? null : formatYuan(c));
const r = (p: RatePpm | null): string | null => (p === null ? null : formatRateFraction(p));

export function lenderJson(l: Lender) {
  return {
    id: l.id,
    name: l.name,
    brand: l.brand,
    lenderType: l.lenderType,
    channels: l.channels,
    notes: l.notes,
    createdAt: l.createdAt,
  };
}

export function debtJson(d: Debt) {
  return {
    id: d.id,
    lenderId: d.lenderId,
    kind: d.kind,
    contractNumber: d.contractNumber,
    contractDate: d.contractOn,
    principal: y(d.principal),
    received: yn(d.received),
    currency: d.currency,
    rate: d.quotedRateText,
    rateFraction: r(d.ratePpm),
    ratePeriod: d.ratePeriod,
    rateBasis: d.rateBasis,
    scheduleMethod: d.scheduleMethod,
    termMonths: d.termMonths,
    firstDueDate: d.firstDueOn,
    installment: yn(d.installment),
    penaltyRateFraction: r(d.penaltyRatePpm),
    penaltyRatePeriod: d.penaltyRatePeriod,
    penaltyTerms: d.penaltyTerms,
    liquidatedDamages: yn(d.liquidatedDamages),
    creditReported: d.isCreditReported,
    status: d.status,
    balance: yn(d.balance),
    balanceDate: d.balanceOn,
    overdue: y(d.overdue),
    overdueSince: d.overdueSinceOn,
    collector: d.collector,
    notes: d.notes,
    lenderOfRecord: d.lenderOfRecord ?? null,
    guarantor: d.guarantor ?? null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function feeJson(f: DebtFee) {
  return {
    id: f.id,
    kind: f.kind,
    timing: f.timing,
    amount: y(f.amount),
    date: f.chargedOn,
    note: f.note,
  };
}

export function paymentJson(p: DebtPayment) {
  return { id: p.id, date: p.paidOn, amount: y(p.amount), note: p.note };
}

export function scheduleRowJson(s: ScheduleRow) {
  return {
    seq: s.seq,
    dueDate: s.dueOn,
    principal: y(s.principal),
    interest: y(s.interest),
    fee: y(s.fee),
    total: y(s.total),
  };
}

export function debtDetailsJson(d: DebtDetails) {
  return {
    ...debtJson(d.debt),
    lender: lenderJson(d.lender),
    fees: d.fees.map(feeJson),
    payments: d.payments.map(paymentJson),
    schedule: d.schedule.map(scheduleRowJson),
  };
}

function debtSummaryJson(s: DebtSummary) {
  return {
    debtId: s.debtId,
    lenderId: s.lenderId,
    lenderName: s.lenderName,
    lenderType: s.lenderType,
    contractNumber: s.contractNumber,
    contractDate: s.contractOn,
    status: s.status,
    principal: y(s.principal),
    received: y(s.received),
    paid: y(s.paid),
    fees: y(s.fees),
    balance: yn(s.balance),
    overdue: y(s.overdue),
    overdueDays: s.overdueDays,
    creditReported: s.isCreditReported,
    aprBasis: s.aprBasis,
    aprBasisLabel: s.aprBasis === null ? null : describeAprBasis(s.aprBasis),
    nominalApr: s.nominalApr,
    effectiveAnnualRate: s.effectiveAnnualRate,
    verdict: s.verdict,
    verdicts:
      s.legality?.verdicts.map((v) => ({
        rule: v.rule,
        limit: v.limit,
        exceeded: v.exceeded,
        source: v.source,
        certainty: v.certainty,
        noteZh: v.noteZh,
        noteEn: v.noteEn,
      })) ?? [],
    upfrontDeduction: s.legality === null ? null : y(s.legality.upfrontDeduction),
    recalculation:
      s.legality?.recalculation == null
        ? null
        : {
            line: s.legality.recalculation.line,
            limit: s.legality.recalculation.limit,
            outstanding: y(s.legality.recalculation.outstanding),
            overpaid: y(s.legality.recalculation.overpaid),
            interestAtLine: y(s.legality.recalculation.interestAtLine),
          },
    unconfirmedRules: s.legality?.unconfirmedRules ?? [],
    aprNote: s.aprNote,
  };
}

export function summaryJson(s: CaseSummary) {
  return {
    caseId: s.caseId,
    asOf: s.asOf,
    totals: {
      ...s.totals,
      principal: y(s.totals.principal),
      received: y(s.totals.received),
      paid: y(s.totals.paid),
      fees: y(s.totals.fees),
      balance: y(s.totals.balance),
      overdue: y(s.totals.overdue),
    },
    lenders: s.lenders.map((l) => ({
      ...l,
      principal: y(l.principal),
      paid: y(l.paid),
      balance: y(l.balance),
      overdue: y(l.overdue),
    })),
    debts: s.debts.map(debtSummaryJson),
  };
}
