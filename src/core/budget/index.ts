// Income & expenditure statement and capacity (issue 3; docs/product.md, The journey: F4). Usage: see build-budget.test.ts.
export * from './types.js';
export { parseBudgetInput } from './parse-budget-input.js';
export { buildBudget, toMonthly, groupOf, OUTLIER_FACTOR, OUTLIER_MIN } from './build-budget.js';
export { budgetToJson } from './budget-to-json.js';
