/**
 * Every expected failure a user can cause, with a stable kebab-case code (never renamed) and its
 * meaning. Edges translate: server/error-handler.ts to HTTP status, cli/main.ts to exit code 1.
 */
export const APP_ERROR_CODES = {
  'invalid-input': 'The request or file is malformed; details name the field.',
  'invalid-json': 'The input is not valid JSON.',
  'invalid-amount': 'An amount is not yuan with at most two decimals, or is out of range.',
  'invalid-date': 'A date is not YYYY-MM-DD or does not exist on the calendar.',
  'invalid-time': 'A time is not ISO-8601 with a zone.',
  'invalid-rate': 'A rate is malformed or too precise.',
  'rate-out-of-range': 'A rate is above 1000 % a year.',
  'input-too-large': 'The input exceeds the size limit.',
  'file-not-found': 'A named file does not exist or cannot be read.',
  'no-solution': 'No rate makes the cash flows balance.',
  'ambiguous-rate': 'More than one rate makes the cash flows balance.',
  'not-found': 'The named record does not exist.',
  conflict: 'The record already exists or was changed meanwhile.',
  'database-too-new': 'The database was written by a newer version of Xieshang.',
  'database-unavailable': 'The database cannot be reached, opened or logged into.',
  infeasible: 'The request cannot be met with the given constraints.',
  forbidden: 'The caller may not do this.',
  unauthorized: 'The caller must sign in.',
  'integrity-failure': 'A stored object or the ledger does not verify.',
  'storage-full': 'The disk is full while storing a file; nothing was stored.',
  'transition-not-allowed': 'A negotiation state cannot move that way (or needs written proof).',
  'payments-do-not-repay': 'A custom schedule whose payments add up to less than the principal.',
  'payment-exceeds-balance': 'A payment before the last would repay more than is owed.',
  'missing-field': 'A required field is absent or empty.',
  'negative-amount': 'An amount that must not be negative is negative.',
  'capacity-not-positive': 'A plan needs a monthly capacity above zero.',
  'floor-above-capacity': "A debt's minimum payment is above the whole monthly capacity.",
  'duplicate-id': 'Two debts in one plan share an id.',
  'unknown-strategy': 'The plan strategy is not one of the supported ones.',
  'unknown-concession': 'The requested concession is not one of the supported ones.',
  'custom-above-capacity': 'Custom plan payments add up to more than the capacity.',
  'amount-over-limit':
    'An amount is above the per-field limit (core/money MAX_AMOUNT_CENTS, ¥1,000,000,000.00).',
  'case-total-over-limit':
    "A write would bring the case's recorded amounts above MAX_CASE_TOTAL_CENTS (¥10,000,000,000.00); nothing was saved.",
  'database-busy':
    'Other writers held the database past every retry (db/transaction.ts); nothing was saved, try again.',
  'invalid-idempotency-key':
    'The Idempotency-Key header is empty, too long or not printable ASCII (1-255 characters).',
  'idempotency-key-reused':
    'An Idempotency-Key already used for a different request (other path or body).',
  'idempotency-in-progress':
    'The first request with this Idempotency-Key is still running; retry in a moment.',
  internal: 'A bug; details are in the log.',
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES | (string & {});

export interface AppErrorOptions {
  field?: string;
  details?: unknown;
  cause?: unknown;
  messageZh?: string;
}

/** The one exception type use cases throw for expected failures. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;
  readonly messageZh: string | undefined;

  constructor(code: AppErrorCode, message: string, opts: AppErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
    this.messageZh = opts.messageZh;
  }

  /** Builds an AppError from a core FieldIssue. */
  static fromIssue(
    issue: { code: string; field: string; message: string; messageZh?: string },
    details?: unknown,
  ): AppError {
    return new AppError(issue.code, issue.message, {
      field: issue.field,
      ...(issue.messageZh === undefined ? {} : { messageZh: issue.messageZh }),
      ...(details === undefined ? {} : { details }),
    });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
