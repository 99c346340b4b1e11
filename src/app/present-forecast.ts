// The cash-flow forecast and the due list as JSON: `forecastJson`/`dueJson` are what
// `xieshang forecast|due --json` print, `forecastView`/`dueView` the API's ForecastView and DueItem
// (`/api/forecast`, `/api/due`; contracts/case.ts) — one module, the same money formatting.
import type { DueItem as DueItemView, ForecastView } from '../contracts/index.js';
import type { BelowZero } from '../core/forecast/index.js';
import { formatMoney, formatYuan, type Cents } from '../core/money/index.js';
import type { DueItem } from './agreements/agreements.js';
import type { ForecastResult } from './forecast.js';

const y = (c: Cents) => formatYuan(c);

/** `xieshang forecast --json`: every day, event, warning and the conventions used. */
export function forecastJson(r: ForecastResult) {
  const f = r.forecast;
  return {
    asOf: f.asOf,
    endOn: f.endOn,
    openingBalance: y(f.openingBalance),
    closingBalance: y(f.closingBalance),
    lowest: { balance: y(f.lowest.balance), on: f.lowest.on },
    lowPoints: f.lowPoints.map((l) => ({ ...l, lowestBalance: y(l.lowestBalance) })),
    warnings: f.warnings.map((w) => ({
      ...w,
      amount: y(w.amount),
      balanceBefore: y(w.balanceBefore),
      shortfall: y(w.shortfall),
    })),
    days: f.days.map((d) => ({
      date: d.date,
      balance: y(d.balance),
      events: d.events.map((e) => ({ ...e, amount: y(e.amount) })),
    })),
    sources: r.sources,
    conventions: f.conventions,
  };
}

function belowZeroView(b: BelowZero | null) {
  if (b === null) return null;
  const risk = b.atRisk;
  return {
    date: b.on,
    balance: y(b.balance),
    cause: b.cause,
    atRisk:
      risk === null ? null : { lender: risk.lender, amount: y(risk.amount), dueDate: risk.dueOn },
    messageZh:
      `${b.on} 余额将降到 ${formatMoney(b.balance)}（${b.cause}）` +
      (risk === null
        ? '。'
        : `，${risk.debitOn} 要还的 ${risk.lender} ${formatMoney(risk.amount)} 可能还不上。`),
    message:
      `On ${b.on} the balance falls to ${formatMoney(b.balance)} (${b.cause})` +
      (risk === null
        ? '.'
        : `; the ${formatMoney(risk.amount)} due to ${risk.lender} on ${risk.debitOn} is at risk.`),
  };
}

/** `GET /api/forecast`: the balance by day and each warning in words (zh and en). */
export function forecastView(r: ForecastResult): ForecastView {
  const f = r.forecast;
  return {
    asOf: f.asOf,
    days: f.days.map((d) => ({ date: d.date, balance: y(d.balance) })),
    warnings: f.warnings.map((w) => ({
      dueDate: w.dueOn,
      actBy: w.actBy,
      lender: w.lender,
      amount: y(w.amount),
      shortBy: y(w.shortfall),
      messageZh: `${w.actBy} 前要处理：${w.lender} ${w.seq > 0 ? `第 ${w.seq} 期` : '逾期欠款'} ${formatMoney(w.amount)} 到期时余额差 ${formatMoney(w.shortfall)}。${w.suggestions.map((s) => s.messageZh).join(' ')}`,
      message: `Act by ${w.actBy}: ${w.lender} ${w.seq > 0 ? `installment ${w.seq}` : 'overdue balance'} (${formatMoney(w.amount)}) is short by ${formatMoney(w.shortfall)}. ${w.suggestions.map((s) => s.message).join(' ')}`,
    })),
    firstBelowZero: belowZeroView(f.firstBelowZero),
    assumedDays: r.sources.assumedDays,
  };
}

/** `xieshang due --json`: installments and follow-ups, money as yuan. */
export function dueJson(items: readonly DueItem[]) {
  return items.map((i) => ({ ...i, amount: i.amount === null ? null : formatYuan(i.amount) }));
}

/** `GET /api/due`: the installments only. */
export function dueView(items: readonly DueItem[]): DueItemView[] {
  return items
    .filter((i) => i.kind === 'installment')
    .map((i) => ({
      agreementId: i.agreementId ?? '',
      lender: i.lender ?? '',
      dueDate: i.date,
      amount: i.amount === null ? '0.00' : y(i.amount),
      status: i.status,
    }));
}
