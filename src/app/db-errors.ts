// The store's refusals become the app's one error type here, so `db` needs nothing from `app`.
import { isDbError } from '../db/errors.js';
import { AppError, isAppError } from './errors.js';

/**
 * The AppError an edge should report for `e`: an AppError as it is, a store refusal (DbError:
 * conflict, database-busy, database-too-new …) with the same code, field and messages, and
 * `undefined` for anything else (a bug).
 */
export function toAppError(e: unknown): AppError | undefined {
  if (isAppError(e)) return e;
  if (!isDbError(e)) return undefined;
  return new AppError(e.code, e.message, {
    messageZh: e.messageZh,
    cause: e,
    ...(e.field === undefined ? {} : { field: e.field }),
    ...(e.details === undefined ? {} : { details: e.details }),
  });
}
