// Domain → wire mappers for the case resources (money as yuan strings, dates as YYYY-MM-DD).
import type { DebtView, LenderView, Summary, Verdict } from '../contracts/index.js';
import type { CaseSummary, DebtSummary } from '../app/summary.js';
import type { Lender } from '../app/types.js';
import { applicableLines } from '../core/law/index.js';
import { formatYuan } from '../core/money/index.js';

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
  if (rep === null || d.contractOn === null || d.verdict === null) return UNKNOWN;
  const main =
    rep.verdicts.find((v) => v.rule === rep.recalculation?.line) ??
    rep.verdicts.find((v) => v.exceeded) ??
    rep.verdicts[0];
  if (main === undefined) return UNKNOWN;
  const line = applicableLines(d.lenderType, d.contractOn, rep.asOf).find(
    (l) => l.id === main.rule,
  );
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

export function debtView(
  d: DebtSummary,
  lender: { brand: string | null; name: string } | undefined,
  extra: { rateText: string | null; termMonths: number | null },
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
    rateText: extra.rateText,
    termMonths: extra.termMonths,
    nominalApr: d.nominalApr,
    effectiveAnnualRate: d.effectiveAnnualRate,
    verdict: verdictOf(d),
  };
}

/** Totals, per lender, and each debt with its true APR and verdict in a wire shape. */
export function summaryView(
  s: CaseSummary,
  extras: Map<string, { rateText: string | null; termMonths: number | null }>,
): Summary {
  const lenders = new Map(s.lenders.map((l) => [l.lenderId, l]));
  return {
    asOf: s.asOf,
    totals: {
      debts: s.totals.debts,
      balance: formatYuan(s.totals.balance),
      overdue: formatYuan(s.totals.overdue),
    },
    lenders: s.lenders.map((l) => ({
      id: l.lenderId,
      name: l.brand ?? l.name,
      lenderType: l.lenderType,
      balance: formatYuan(l.balance),
      debts: l.debts,
    })),
    debts: s.debts.map((d) =>
      debtView(
        d,
        lenders.get(d.lenderId),
        extras.get(d.debtId) ?? { rateText: null, termMonths: null },
      ),
    ),
  };
}
