import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { expectObject, readDatedFlow } from './json-input.js';

function thrown(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('JSON input helpers', () => {
  it.each([[null], [[1, 2]], ['text'], [3]])('expectObject refuses %j, naming "input"', (raw) => {
    const e = thrown(() => expectObject(raw));
    expect(e.code).toBe('invalid-input');
    expect(e.field).toBe('input');
    expect(e.message).toBe('input: expected a JSON object');
  });

  it('expectObject returns the object itself', () => {
    const o = { a: 1 };
    expect(expectObject(o)).toBe(o);
  });

  it('readDatedFlow reads yuan strings as fen and names the bad sub-field', () => {
    expect(readDatedFlow({ date: '2024-01-15', amount: '-8833.30' }, 'cashflows[0]')).toEqual({
      date: '2024-01-15',
      amount: -883330,
    });
    expect(
      thrown(() => readDatedFlow({ date: '2024-13-01', amount: '1' }, 'cashflows[2]')).field,
    ).toBe('cashflows[2].date');
    expect(
      thrown(() => readDatedFlow({ date: '2024-01-01', amount: 1.5 }, 'cashflows[3]')).field,
    ).toBe('cashflows[3].amount');
  });
});
