// Agreement tracker core (issue 7, PRODUCT.md F11): installment lists, payment matching, status, progress.
export * from './types.js';
export { expandSegments, validateInstallments, MAX_INSTALLMENTS } from './installments.js';
export { matchPayments, agreementStatus, agreementProgress, overallProgress } from './match.js';
