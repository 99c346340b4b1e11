import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  localDateOf,
  addMonths,
  daysBetween,
  fromDayNumber,
  isoDate,
  monthsBetween,
  parseDateInput,
  parseInstant,
  parseIsoDate,
  toDayNumber,
  weekday,
} from './iso-date.js';

describe('parseIsoDate', () => {
  it('rejects dates that do not exist', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-5', '20240105', '', 'x']) {
      const r = parseIsoDate(bad, 'startDate');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-date', field: 'startDate' });
    }
    expect(parseIsoDate('2024-02-29').ok).toBe(true);
  });
  it('reads the forms Chinese spreadsheets use', () => {
    expect(parseDateInput('2024/1/5')).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseDateInput('2024年1月5日')).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseDateInput('20240105')).toEqual({ ok: true, value: '2024-01-05' });
    expect(parseDateInput('2024/2/30').ok).toBe(false);
  });
  it('says a far-off date is out of the supported range, not off the calendar', () => {
    for (const r of [
      parseIsoDate('2999-01-01', 'dueOn'),
      parseDateInput('1899年12月31日', 'dueOn'),
    ]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.messageZh).toContain('日期超出支持范围（1900-01-01 至 2200-12-31）');
      expect(r.error.message).toContain('outside the supported range 1900-01-01 to 2200-12-31');
      expect(r.error.message).not.toContain('does not exist');
    }
    const r = parseIsoDate('2023-02-29');
    expect(r.ok ? '' : r.error.messageZh).toContain('日历上没有');
    expect(parseIsoDate('2200-12-31').ok).toBe(true);
  });
});

describe('addMonths', () => {
  it('clamps the 31st to the month end and returns to the 31st later', () => {
    const a = isoDate('2024-01-31');
    expect(addMonths(a, 1)).toBe('2024-02-29');
    expect(addMonths(a, 2)).toBe('2024-03-31');
    expect(addMonths(isoDate('2023-01-31'), 1)).toBe('2023-02-28');
    expect(addMonths(isoDate('2024-11-15'), -11)).toBe('2023-12-15');
  });
  it('monthsBetween counts whole months from the anchor', () => {
    expect(monthsBetween(isoDate('2024-01-31'), isoDate('2024-02-29'))).toBe(1);
    expect(monthsBetween(isoDate('2024-01-15'), isoDate('2024-02-14'))).toBe(0);
  });
  it('round-trips day numbers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25000, max: 80000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });
  it('knows weekdays and day differences', () => {
    expect(weekday(isoDate('2026-11-29'))).toBe(7);
    expect(daysBetween(isoDate('2024-02-28'), isoDate('2024-03-01'))).toBe(2);
  });
});

describe('parseInstant', () => {
  it('normalizes zoned times to UTC', () => {
    expect(parseInstant('2026-11-29T21:30:00+08:00')).toEqual({
      ok: true,
      value: '2026-11-29T13:30:00.000Z',
    });
    expect(parseInstant('2026-11-29 21:30').ok).toBe(false);
  });
});

describe('localDateOf', () => {
  it("gives the borrower's Beijing day, not the UTC day", () => {
    expect(localDateOf('2026-11-29T15:59:59.000Z')).toBe('2026-11-29');
    expect(localDateOf('2026-11-29T16:00:00.000Z')).toBe('2026-11-30');
    expect(localDateOf('2026-12-31T23:30:00.000Z')).toBe('2027-01-01');
    expect(localDateOf('2026-11-29T16:00:00.000Z', 0)).toBe('2026-11-29');
  });
});

describe('parseIsoDate fast path', () => {
  it('accepts exactly the strict YYYY-MM-DD dates on the calendar, unchanged', () => {
    const chars = fc.constantFrom(...'0123456789-/a１'.split(''));
    const near = fc
      .tuple(
        fc.integer({ min: 1890, max: 2210 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ unit: chars, minLength: 10, maxLength: 10 })), (s) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
        const valid =
          m !== null &&
          Number(m[1]) >= 1900 &&
          Number(m[1]) <= 2200 &&
          !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
          new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
        const r = parseIsoDate(s);
        expect(r.ok).toBe(valid);
        if (r.ok) expect(r.value).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });
});
