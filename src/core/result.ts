/** Expected outcomes a user can cause travel as values, never as exceptions (docs/style.md, Errors). */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** A user-facing input problem: which field, which stable code, and why (zh first, en too). */
export interface FieldIssue {
  code: string;
  field: string;
  message: string;
  messageZh?: string;
}

export function fieldIssue(
  code: string,
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
