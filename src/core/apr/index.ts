// True cost of a loan: APR / IRR from cash flows (Reg Z Appendix J actuarial method; XIRR).
export type { DatedFlow, AprResult, AprIssue } from './types.js';
export { solveDatedApr, solvePeriodicApr } from './solve-apr.js';
// Lower-level pieces, for explanations ("unit-period: month, first period 19/30") and tests.
export { analyzeDatedFlows, solveUnitPeriodApr, RATE_RANGE, MAX_FLOWS } from './solve-apr.js';
export type { DatedAnalysis, UnitFlow } from './solve-apr.js';
export type { UnitPeriod } from './unit-period.js';
export { periodsPerYearOf } from './unit-period.js';
export { APR_BASES, describeAprBasis, type AprBasis } from './basis.js';
