import { AppError } from '../app/errors.js';

/**
 * Turns a driver error into an AppError by the driver's error code, never its message
 * (docs/style.md, Errors): unique → 'conflict', foreign key → 'not-found', check/not-null → 'invalid-input'.
 * Anything else is a bug and is rethrown unchanged.
 */
export function translateDbError(e: unknown, what: string): never {
  const code = (e as { code?: unknown } | null)?.code;
  if (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  )
    throw new AppError('conflict', `${what} already exists`, {
      cause: e,
      messageZh: `${what}已存在`,
    });
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503')
    throw new AppError(
      'not-found',
      `${what} refers to a record that does not exist, or is still referred to`,
      {
        cause: e,
        messageZh: `${what}引用的记录不存在，或仍被其他记录引用`,
      },
    );
  if (
    code === 'SQLITE_CONSTRAINT_CHECK' ||
    code === 'SQLITE_CONSTRAINT_NOTNULL' ||
    code === '23514' ||
    code === '23502'
  )
    throw new AppError('invalid-input', `${what} has a value the store does not accept`, {
      cause: e,
      messageZh: `${what}包含数据库不接受的值`,
    });
  throw e;
}

/** Runs a query, translating driver errors (see translateDbError). */
export async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    return translateDbError(e, what);
  }
}
