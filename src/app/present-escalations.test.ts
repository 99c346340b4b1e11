// The escalation use cases name fields like the CLI flags; the API names them as in its JSON.
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { escalationApiError, withApiFieldNames } from './present-escalations.js';

describe('escalationApiError', () => {
  it('renames a flag-named field and the head of both messages', () => {
    const e = escalationApiError(
      new AppError('invalid-date', 'sent-on 2030-01-01 is in the future', {
        field: 'sent-on',
        messageZh: '发送日期 2030-01-01 晚于今天',
      }),
    ) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect([e.code, e.field, e.message, e.messageZh]).toEqual([
      'invalid-date',
      'sentDate',
      'sentDate 2030-01-01 is in the future',
      '发送日期 2030-01-01 晚于今天',
    ]);
  });

  it("replaces the app field's Chinese label at the head of the Chinese message", () => {
    const e = escalationApiError(AppError.of('invalid-date', { field: 'chase-on' })) as AppError;
    expect(e.field).toBe('followUpDate');
    expect(e.messageZh.startsWith('跟进日期：')).toBe(true);
  });

  it('keeps details and leaves other fields and other errors as they are', () => {
    const withDetails = escalationApiError(
      new AppError('invalid-input', 'dispute-wrong: say what', {
        field: 'dispute-wrong',
        details: { x: 1 },
      }),
    ) as AppError;
    expect([withDetails.field, withDetails.message, withDetails.details]).toEqual([
      'dispute.wrong',
      'dispute.wrong: say what',
      { x: 1 },
    ]);
    const other = AppError.of('not-found', { field: 'id' });
    expect(escalationApiError(other)).toBe(other);
    const bug = new Error('boom');
    expect(escalationApiError(bug)).toBe(bug);
  });

  it('withApiFieldNames passes results through and renames thrown fields', async () => {
    expect(await withApiFieldNames(async () => 7)).toBe(7);
    await expect(
      withApiFieldNames(async () => {
        throw AppError.of('not-found', { field: 'lender' });
      }),
    ).rejects.toMatchObject({ field: 'lenderId' });
  });
});
