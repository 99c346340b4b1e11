import { cents, formatMoney, mulDiv, type Cents } from '../money/index.js';
import {
  FIXED_CATEGORIES,
  PRIORITY_CATEGORIES,
  type Budget,
  type BudgetInput,
  type BudgetWarning,
  type Category,
  type CostGroup,
  type Frequency,
  type NormalizedExpense,
} from './types.js';

/** A flexible line is flagged above this many times the mean of the other flexible lines … */
export const OUTLIER_FACTOR = 3;
/** … and only when it is at least ¥300 a month (small lines are not worth a question). */
export const OUTLIER_MIN = 300_00;

/**
 * A line's amount per month: weekly × 52 / 12, yearly / 12, one-off / 12 (spread over a year),
 * each rounded half-up to the fen; monthly as is.
 */
export function toMonthly(amount: Cents, frequency: Frequency): Cents {
  switch (frequency) {
    case 'monthly':
      return amount;
    case 'weekly':
      return mulDiv(amount, 52, 12, 'halfUp');
    case 'yearly':
    case 'one-off':
      return mulDiv(amount, 1, 12, 'halfUp');
    default: {
      const never: never = frequency;
      throw new Error(`unknown frequency ${String(never)}`);
    }
  }
}

/** The cost group of a category: priority (before creditors), other fixed, or flexible. */
export function groupOf(c: Category): CostGroup {
  if ((PRIORITY_CATEGORIES as readonly string[]).includes(c)) return 'priority';
  if ((FIXED_CATEGORIES as readonly string[]).includes(c)) return 'fixed';
  return 'flexible';
}

/** The normalized income & expenditure statement, capacity, warnings and creditor summary. */
export function buildBudget(input: BudgetInput): Budget {
  const income = input.income.map((l) => ({ ...l, monthly: toMonthly(l.amount, l.frequency) }));
  const expenditure: NormalizedExpense[] = input.expenditure.map((l) => ({
    ...l,
    group: groupOf(l.category),
    monthly: toMonthly(l.amount, l.frequency),
  }));
  const totalIncome = sumMonthly(income);
  const priority = sumMonthly(expenditure.filter((l) => l.group === 'priority'));
  const fixed = sumMonthly(expenditure.filter((l) => l.group === 'fixed'));
  const flexible = sumMonthly(expenditure.filter((l) => l.group === 'flexible'));
  const totalExp = cents(priority + fixed + flexible);
  const capacity = cents(totalIncome - totalExp - input.emergencyBuffer);
  const hNoted = input.household.note !== null;
  const warnings: BudgetWarning[] = [
    ...capacityWarnings(totalIncome, capacity, hNoted),
    ...foodWarnings(expenditure, hNoted),
    ...outlierWarnings(expenditure, flexible),
  ];
  let owed = 0;
  let contractual = 0;
  for (const d of input.debts) {
    owed += d.balance;
    contractual += d.contractualPayment;
  }
  return {
    household: input.household,
    income,
    expenditure,
    totals: {
      income: totalIncome,
      priority,
      fixed,
      flexible,
      expenditure: totalExp,
      emergencyBuffer: input.emergencyBuffer,
    },
    capacity,
    warnings,
    creditorSummary: {
      adults: input.household.adults,
      children: input.household.children,
      dependants: input.household.dependants,
      monthlyIncome: totalIncome,
      priorityCosts: priority,
      otherFixedCosts: fixed,
      flexibleCosts: flexible,
      emergencyBuffer: input.emergencyBuffer,
      capacity,
      creditors: input.debts.length,
      totalOwed: cents(owed),
      contractualPayments: cents(contractual),
    },
    // Fresh arrays each call, as before: a caller may own and change its budget.
    conventions: { zh: [...CONVENTIONS.zh], en: [...CONVENTIONS.en] },
  };
}

function sumMonthly(xs: readonly { monthly: Cents }[]): Cents {
  return cents(xs.reduce((s, x) => s + x.monthly, 0));
}

/** No income at all, then a negative or zero capacity (the two capacity cases exclude each other). */
function capacityWarnings(totalIncome: Cents, capacity: Cents, hNoted: boolean): BudgetWarning[] {
  const warnings: BudgetWarning[] = [];
  if (totalIncome === 0)
    warnings.push({
      code: 'no-income',
      field: 'income',
      message:
        'No income is listed. Add every income (wages, benefits, help from family) or explain in household.note.',
      messageZh:
        '没有填写任何收入。请补充全部收入（工资、补贴、家人帮助），或在 household.note 中说明。',
      noted: hNoted,
    });
  if (capacity < 0)
    warnings.push({
      code: 'negative-capacity',
      field: 'capacity',
      message: `Costs exceed income by ${formatMoney(cents(-capacity))} a month. Check every line; explain in household.note how the gap is covered. Ask creditors for a pause, not a plan.`,
      messageZh: `每月支出比收入多 ${formatMoney(cents(-capacity))}。请逐项核对，并在 household.note 中说明缺口如何弥补；此时应先申请暂缓还款，而不是提出分期计划。`,
      noted: hNoted,
    });
  else if (capacity === 0)
    warnings.push({
      code: 'no-capacity',
      field: 'capacity',
      message: 'Nothing is left for creditors each month.',
      messageZh: '每月没有可用于还款的余额。',
      noted: hNoted,
    });
  return warnings;
}

/** Food at zero (or missing) is not believable to a lender. */
function foodWarnings(expenditure: NormalizedExpense[], hNoted: boolean): BudgetWarning[] {
  const food = expenditure.filter((l) => l.category === 'food');
  if (!food.every((l) => l.monthly === 0)) return [];
  return [
    {
      code: 'food-zero',
      field: food.length > 0 ? `expenditure[${expenditure.indexOf(food[0]!)}]` : 'expenditure',
      message:
        'Food costs are zero. Lenders will not believe it; add a food line or a note saying who pays for food.',
      messageZh: '伙食费为零，债权人不会相信。请填写伙食费，或在备注中说明由谁承担。',
      noted: food.some((l) => l.note !== null) || hNoted,
    },
  ];
}

/** A flexible line far above the mean of the other flexible lines (needs at least two). */
function outlierWarnings(expenditure: NormalizedExpense[], flexible: Cents): BudgetWarning[] {
  const flexibleLines = expenditure.filter((l) => l.group === 'flexible');
  const warnings: BudgetWarning[] = [];
  if (flexibleLines.length < 2) return warnings;
  for (const l of flexibleLines) {
    const others = flexible - l.monthly;
    const mean = others / (flexibleLines.length - 1);
    if (l.monthly >= OUTLIER_MIN && l.monthly > OUTLIER_FACTOR * mean)
      warnings.push({
        code: 'flexible-outlier',
        field: `expenditure[${expenditure.indexOf(l)}]`,
        message: `"${l.label}" (${formatMoney(l.monthly)} a month) is far above the other flexible costs. A lender will question it: add a note or reduce it.`,
        messageZh: `“${l.label}”（每月 ${formatMoney(l.monthly)}）远高于其他弹性支出，债权人会质疑：请加备注说明或削减。`,
        noted: l.note !== null,
      });
  }
  return warnings;
}

const CONVENTIONS: Budget['conventions'] = {
  zh: [
    '按周的金额 × 52 ÷ 12 折算为每月，四舍五入到分。',
    '按年的金额 ÷ 12 折算为每月，四舍五入到分。',
    '一次性金额平摊到 12 个月（÷ 12，四舍五入到分）。',
    '每月可还金额 = 收入 − 优先支出 − 其他固定支出 − 弹性支出 − 应急储备。',
  ],
  en: [
    'Weekly amounts × 52 ÷ 12 per month, rounded half-up to the fen.',
    'Yearly amounts ÷ 12 per month, rounded half-up to the fen.',
    'One-off amounts are spread over 12 months (÷ 12, rounded half-up).',
    'Capacity = income − priority costs − other fixed costs − flexible costs − emergency buffer.',
  ],
};
