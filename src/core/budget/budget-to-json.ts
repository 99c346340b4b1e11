import { formatYuan } from '../money/index.js';
import type { Budget } from './types.js';

/** The `xieshang budget --json` shape: money as yuan strings ("1234.50"). */
export function budgetToJson(b: Budget) {
  const t = b.totals;
  const s = b.creditorSummary;
  return {
    household: b.household,
    income: b.income.map((l) => ({
      ...l,
      amount: formatYuan(l.amount),
      monthly: formatYuan(l.monthly),
    })),
    expenditure: b.expenditure.map((l) => ({
      ...l,
      amount: formatYuan(l.amount),
      monthly: formatYuan(l.monthly),
    })),
    totals: {
      income: formatYuan(t.income),
      priority: formatYuan(t.priority),
      fixed: formatYuan(t.fixed),
      flexible: formatYuan(t.flexible),
      expenditure: formatYuan(t.expenditure),
      emergencyBuffer: formatYuan(t.emergencyBuffer),
    },
    capacity: formatYuan(b.capacity),
    warnings: b.warnings,
    creditorSummary: {
      ...s,
      monthlyIncome: formatYuan(s.monthlyIncome),
      priorityCosts: formatYuan(s.priorityCosts),
      otherFixedCosts: formatYuan(s.otherFixedCosts),
      flexibleCosts: formatYuan(s.flexibleCosts),
      emergencyBuffer: formatYuan(s.emergencyBuffer),
      capacity: formatYuan(s.capacity),
      totalOwed: formatYuan(s.totalOwed),
      contractualPayments: formatYuan(s.contractualPayments),
    },
    conventions: b.conventions,
  };
}
