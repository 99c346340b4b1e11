// Legality of a loan's price (docs/law.md): law registry, LPR table, rate lines, legality check.
export type {
  Certainty,
  LenderType,
  Provision,
  LprEntry,
  RateLine,
  LegalityInput,
  Verdict,
  Recalculation,
  LegalityReport,
} from './types.js';
export { LENDER_TYPES } from './types.js';
export { PROVISIONS, findProvision, citeProvision } from './provisions.js';
export { LPR_TABLE, LPR_CHECKED_THROUGH, LPR_KNOWN_UNTIL, LPR_FIRST_DATE, lprOn } from './lpr.js';
export {
  applicableLines,
  recalculationLine,
  isLicensed,
  weakest,
  PRIVATE_LPR_RULE_FROM,
} from './lines.js';
export {
  checkLegality,
  recalculateAtLine,
  principalActuallyReceived,
  netFlowsByDate,
  describeUpfrontDeduction,
  type RecalculationInput,
} from './legality.js';
