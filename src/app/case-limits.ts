// The per-case money limit (core/money MAX_CASE_TOTAL_CENTS), checked inside the write's own
// transaction: a write that would take the case's recorded amounts past it rolls back whole.
import type { Kysely, Transaction } from 'kysely';
import { caseTotalOverLimit, MAX_CASE_TOTAL_CENTS } from '../core/money/index.js';
import { caseRecordedTotal } from '../db/repositories/case-money-repository.js';
import type { Database } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import { AppError } from './errors.js';

/**
 * Wraps a transaction body that adds or changes amounts of `caseId`: after the body, the case's
 * recorded total must be within MAX_CASE_TOTAL_CENTS, else AppError 'case-total-over-limit' naming
 * `field` (so the transaction rolls back and nothing is saved). A case already beyond the limit
 * (data from before the limit) may still shrink: only a write that raises the total is refused.
 * Per-field limits are checked earlier, when the input is parsed (before any transaction).
 */
export function withinCaseTotal<T>(
  caseId: string,
  field: string,
  body: (trx: Transaction<Database>) => Promise<T>,
): (trx: Transaction<Database>) => Promise<T> {
  return async (trx) => {
    const before = await caseRecordedTotal(trx, caseId);
    const result = await body(trx);
    const after = await caseRecordedTotal(trx, caseId);
    if (after > BigInt(MAX_CASE_TOTAL_CENTS) && after > before)
      throw AppError.fromIssue(caseTotalOverLimit(field, after), {
        limitCents: MAX_CASE_TOTAL_CENTS,
        totalCents: after.toString(),
      });
    return result;
  };
}

const MONEY_KEYS = [
  'principal',
  'balance',
  'overdue',
  'installment',
  'received',
  'liquidatedDamages',
  'fees',
  'payments',
];

/** The money field a debt write names in a case-total refusal: the first amount it carries. */
export function debtMoneyField(raw: Record<string, unknown>): string {
  return MONEY_KEYS.find((k) => raw[k] !== undefined) ?? 'principal';
}

/** writeTransaction (db/transaction.ts) whose body is checked by withinCaseTotal. */
export function writeWithinCaseTotal<T>(
  db: Kysely<Database>,
  caseId: string,
  field: string,
  body: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return writeTransaction(db, withinCaseTotal(caseId, field, body));
}
