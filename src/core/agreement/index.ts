// Agreement tracker core (issue 7; docs/product.md, The journey: F11): installment lists, payment matching, status, progress.
export * from './types.js';
export { expandSegments, validateInstallments, MAX_INSTALLMENTS } from './installments.js';
export { matchPayments, agreementStatus, agreementProgress, overallProgress } from './match.js';
