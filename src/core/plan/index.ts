// Multi-creditor plan builder (issue 3; docs/product.md, The journey: F5). Usage: see build-plan.test.ts.
export * from './types.js';
export { parsePlanInput, parseReplanUpdate, MAX_PLAN_DEBTS } from './parse-plan-input.js';
export type { ReplanUpdate } from './parse-plan-input.js';
export {
  buildPlan,
  preparePlan,
  finishPlan,
  contractCost,
  planRatePpm,
  planTermLimit,
} from './build-plan.js';
export type { PreparedPlan, DebtMeta, PlanOptions } from './build-plan.js';
export { searchShortfall, computeShortfall, TOKEN_PAYMENT } from './shortfall.js';
export { replan } from './replan.js';
export type { PaymentMade, ReplanInput, Replan, DebtChange, ChangeStatus } from './replan.js';
export { simulatePlan, isPlanFeasible, splitProRata, monthlyInterest } from './engine.js';
export type { EngineDebt, EngineInput, EngineResult } from './engine.js';
export { planToJson, replanToJson } from './plan-to-json.js';
export { describeStrategy } from './describe-strategy.js';
export { splitFairShares } from './fair-share.js';
export { USUAL_TERMS, usualTermOf, type UsualTerm } from './acceptance.js';
