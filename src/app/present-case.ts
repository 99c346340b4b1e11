// Domain → wire mappers for the case resources on the HTTP API (`/api/lenders`, `/api/debts`,
// `/api/summary`; contracts/case.ts): money as yuan strings, dates as YYYY-MM-DD. The CLI's --json
// of the same records is in present.ts.
import type { DebtView, LenderView, Summary, ThisMonthView, Verdict } from '../contracts/index.js';
import type { CaseSummary, DebtSummary } from './summary.js';
import type { ThisMonth } from './this-month.js';
import type { Debt, Lender } from './types.js';
import { describeAprBasis } from '../core/apr/index.js';
import { applicableLines } from '../core/law/index.js';
import { cents, formatYuan, sumCents, type Cents } from '../core/money/index.js';
import { formatPercent } from '../core/rates/index.js';

export function lenderView(l: Lender): LenderView {
  return { id: l.id, name: l.name, brand: l.brand, lenderType: l.lenderType };
}

const UNKNOWN: Verdict = {
  level: 'unknown',
  lineZh: null,
  lineEn: null,
  limit: null,
  certainty: null,
  overcharge: null,
};

/** The headline verdict: the line the court-style recalculation uses (as `xieshang check` prints). */
function verdictOf(d: DebtSummary): Verdict {
  const rep = d.legality;
  // a card priced from its own terms has no contract date: its lines are those from its start
  const from = d.contractOn ?? d.aprFrom;
  if (rep === null || d.verdict === null || from === null) return UNKNOWN;
  const main =
    rep.verdicts.find((v) => v.rule === rep.recalculation?.line) ??
    rep.verdicts.find((v) => v.exceeded) ??
    rep.verdicts[0];
  if (main === undefined) return UNKNOWN;
  const line = applicableLines(d.lenderType, from, rep.asOf).find((l) => l.id === main.rule);
  const overpaid = rep.recalculation?.overpaid ?? 0;
  return {
    level: main.exceeded ? 'exceeds' : 'ok',
    lineZh: line?.labelZh ?? main.rule,
    lineEn: line?.labelEn ?? main.rule,
    limit: main.limit,
    certainty: main.certainty,
    overcharge: overpaid > 0 ? formatYuan(rep.recalculation!.overpaid) : null,
  };
}

/** What the debt list shows besides the summary row: the stored terms, for reading and editing. */
export function debtExtras(d: Debt): DebtExtras {
  return {
    rateText: d.quotedRateText,
    termMonths: d.termMonths,
    contractDate: d.contractOn,
    method: d.scheduleMethod,
    firstDueDate: d.firstDueOn,
    installment: d.installment === null ? null : formatYuan(d.installment),
    isCreditReported: d.isCreditReported,
    notes: d.notes,
    lenderOfRecord: d.lenderOfRecord ?? null,
    guarantor: d.guarantor ?? null,
    kind: d.kind,
    statementDay: d.statementDay,
    minimumPayment: d.minimumPayment === null ? null : formatYuan(d.minimumPayment),
    cardInstallmentFee:
      d.cardInstallmentFeePpm === null ? null : formatPercent(d.cardInstallmentFeePpm),
  };
}

export type DebtExtras = Pick<
  DebtView,
  | 'rateText'
  | 'termMonths'
  | 'contractDate'
  | 'method'
  | 'firstDueDate'
  | 'installment'
  | 'isCreditReported'
  | 'notes'
  | 'lenderOfRecord'
  | 'guarantor'
  | 'kind'
  | 'statementDay'
  | 'minimumPayment'
  | 'cardInstallmentFee'
>;

export function debtView(
  d: DebtSummary,
  lender: { brand: string | null; name: string } | undefined,
  extra: DebtExtras,
): DebtView {
  return {
    id: d.debtId,
    lenderId: d.lenderId,
    lender: lender?.brand ?? d.lenderName,
    lenderType: d.lenderType,
    contractNumber: d.contractNumber,
    principal: formatYuan(d.principal),
    received: formatYuan(d.received),
    balance: d.balance === null ? null : formatYuan(d.balance),
    overdue: formatYuan(d.overdue),
    status: d.status,
    ...extra,
    nominalApr: d.nominalApr,
    effectiveAnnualRate: d.effectiveAnnualRate,
    aprBasis: d.aprBasis,
    aprBasisLabel: d.aprBasis === null ? null : describeAprBasis(d.aprBasis),
    aprNote: d.aprNote,
    verdict: verdictOf(d),
  };
}

/** Each debt with its true APR and verdict, in the order of the summary. */
export function debtViews(s: CaseSummary, extras: Map<string, DebtExtras>): DebtView[] {
  const lenders = new Map(s.lenders.map((l) => [l.lenderId, l]));
  return s.debts.map((d) =>
    debtView(d, lenders.get(d.lenderId), extras.get(d.debtId) ?? NO_EXTRAS),
  );
}

const NO_EXTRAS: DebtExtras = {
  rateText: null,
  termMonths: null,
  contractDate: null,
  method: null,
  firstDueDate: null,
  installment: null,
  isCreditReported: false,
  notes: null,
  lenderOfRecord: null,
  guarantor: null,
};

const overpaidOf = (d: DebtSummary): Cents => d.legality?.recalculation?.overpaid ?? cents(0);

/** Totals and one line per lender (the home screen). */
export function summaryView(s: CaseSummary): Summary {
  const above = (rows: readonly DebtSummary[]) =>
    rows.filter((r) => r.verdict === 'exceeded').length;
  return {
    asOf: s.asOf,
    totals: {
      debts: s.totals.debts,
      balance: formatYuan(s.totals.balance),
      overdue: formatYuan(s.totals.overdue),
      principal: formatYuan(s.totals.principal),
      paid: formatYuan(s.totals.paid),
      debtsWithoutBalance: s.totals.debtsWithoutBalance,
      overdueDebts: s.totals.overdueDebts,
      aboveLegalLine: s.totals.aboveLegalLine,
      unknownVerdict: s.debts.filter((d) => d.verdict === null).length,
      overcharge: formatYuan(sumCents(s.debts.map(overpaidOf))),
    },
    lenders: s.lenders.map((l) => ({
      id: l.lenderId,
      name: l.brand ?? l.name,
      lenderType: l.lenderType,
      balance: formatYuan(l.balance),
      overdue: formatYuan(l.overdue),
      debts: l.debts,
      debtsWithoutBalance: l.debtsWithoutBalance,
      aboveLegalLine: above(s.debts.filter((d) => d.lenderId === l.lenderId)),
      aprBases: [
        ...new Set(
          s.debts.flatMap((d) =>
            d.lenderId === l.lenderId && d.aprBasis !== null ? [d.aprBasis] : [],
          ),
        ),
      ],
    })),
  };
}

/** `/api/this-month`: the 30-day list with its totals (each a sum of the rows shown). */
export function thisMonthView(m: ThisMonth): ThisMonthView {
  const y = formatYuan;
  return {
    asOf: m.asOf,
    endDate: m.endOn,
    items: m.items.map((i) => ({
      lenderId: i.lenderId,
      lender: i.lender,
      source: i.source,
      refId: i.refId,
      seq: i.seq,
      dueDate: i.dueOn,
      amount: y(i.amount),
      paid: y(i.paid),
      remaining: y(i.remaining),
      isOverdue: i.isOverdue,
    })),
    lenders: m.lenders.map((l) => ({ ...l, due: y(l.due), paid: y(l.paid) })),
    totals: {
      due: y(sumCents(m.items.map((i) => i.amount))),
      paid: y(sumCents(m.items.map((i) => i.paid))),
      remaining: y(sumCents(m.items.map((i) => i.remaining))),
    },
  };
}
