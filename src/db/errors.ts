/**
 * What the store can refuse, as codes the app's catalogue (app/errors.ts) also lists. The store
 * does not import the app: it throws DbError, and app/db-errors.ts `toAppError` turns it into the
 * AppError that the edges translate (db/README.md).
 */
export type DbErrorCode =
  'conflict' | 'not-found' | 'invalid-input' | 'database-busy' | 'database-too-new';

export interface DbErrorOptions {
  messageZh: string;
  field?: string;
  details?: unknown;
  cause?: unknown;
}

/** An expected refusal by the store (a constraint, a busy or newer database); never a bug. */
export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly messageZh: string;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: DbErrorCode, message: string, opts: DbErrorOptions) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'DbError';
    this.code = code;
    this.messageZh = opts.messageZh;
    this.field = opts.field;
    this.details = opts.details;
  }
}

export function isDbError(e: unknown): e is DbError {
  return e instanceof DbError;
}

/**
 * Turns a driver error into a DbError by the driver's error code, never its message
 * (docs/style.md, Errors): unique → 'conflict', foreign key → 'not-found', check/not-null →
 * 'invalid-input'. Anything else is a bug and is rethrown unchanged.
 */
export function translateDbError(e: unknown, what: string): never {
  const code = (e as { code?: unknown } | null)?.code;
  if (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  )
    throw new DbError('conflict', `${what} already exists`, {
      cause: e,
      messageZh: `${what}已存在`,
    });
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503')
    throw new DbError(
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
    throw new DbError('invalid-input', `${what} has a value the store does not accept`, {
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
