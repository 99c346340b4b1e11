import { describe, expect, it } from 'vitest';
import { DbError } from '../db/errors.js';
import { toAppError } from './db-errors.js';
import { AppError } from './errors.js';

describe('toAppError', () => {
  it("turns the store's refusal into an AppError with the same code, field and messages", () => {
    const cause = new DbError('database-too-new', 'newer', {
      messageZh: '更新版本',
      field: 'database',
      details: { unknownMigrations: ['x'] },
    });
    const e = toAppError(cause);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({
      code: 'database-too-new',
      message: 'newer',
      messageZh: '更新版本',
      field: 'database',
      details: { unknownMigrations: ['x'] },
      cause,
    });
  });

  it('keeps an AppError and leaves a bug alone', () => {
    const app = new AppError('conflict', 'x');
    expect(toAppError(app)).toBe(app);
    expect(toAppError(new Error('bug'))).toBeUndefined();
  });
});
