/** Expected outcomes a user can cause travel as values, never as exceptions (docs/style.md, Errors). */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/**
 * The codes an input problem may carry. Each is in app/errors.ts's catalogue (with its Chinese and
 * English message and HTTP status); a compile-time check there fails when one is missing.
 */
export type IssueCode =
  | 'invalid-input'
  | 'invalid-amount'
  | 'invalid-date'
  | 'invalid-time'
  | 'invalid-rate'
  | 'rate-out-of-range'
  | 'amount-over-limit'
  | 'case-total-over-limit'
  | 'missing-field'
  | 'negative-amount'
  | 'no-solution'
  | 'ambiguous-rate'
  | 'payments-do-not-repay'
  | 'payment-exceeds-balance'
  | 'input-too-large'
  | 'conflict'
  | 'not-found'
  | 'no-lpr'
  | 'installments-do-not-add-up'
  | 'capacity-not-positive'
  | 'floor-above-capacity'
  | 'duplicate-id'
  | 'unknown-strategy'
  | 'unknown-concession'
  | 'custom-above-capacity';

/** A user-facing input problem: which field, which stable code, and why (zh first, en too). */
export interface FieldIssue {
  code: IssueCode;
  field: string;
  message: string;
  messageZh?: string;
}

export function fieldIssue(
  code: IssueCode,
  field: string,
  message: string,
  messageZh?: string,
): FieldIssue {
  return messageZh === undefined ? { code, field, message } : { code, field, message, messageZh };
}

/**
 * Broken contracts (bugs), not user errors: throw a plain Error. On a hot path pass the message as
 * a function, so its text is only built when the assertion fails.
 */
export function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition)
    throw new Error(`assertion failed: ${typeof message === 'string' ? message : message()}`);
}

/** An impossible branch (a bug): throws like a failed assert and tells the compiler it ends here. */
export function fail(message: string): never {
  throw new Error(`assertion failed: ${message}`);
}
