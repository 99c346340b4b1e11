import { describe, expect, it } from 'vitest';
import { isoDate } from '../dates/index.js';
import { LPR_TABLE, lprOn } from './lpr.js';

const oneYear = (d: string) => {
  const r = lprOn(isoDate(d));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('lprOn (docs/law.md, Price lines: the LPR table)', () => {
  it('switches from 4.05% to 3.85% on 2020-04-20, not a day earlier', () => {
    expect(oneYear('2020-04-19').oneYearPpm).toBe(40_500);
    expect(oneYear('2020-04-20').oneYearPpm).toBe(38_500);
  });

  it('gives 3.00% / 3.50% from 2025-05-20 and 3.10% the day before', () => {
    expect(oneYear('2025-05-19').oneYearPpm).toBe(31_000);
    const e = oneYear('2025-05-20');
    expect([e.oneYearPpm, e.fiveYearPpm]).toEqual([30_000, 35_000]);
    expect(e.certainty).toBe('S');
  });

  it('has the first quote 4.25% on 2019-08-20 and no LPR before it', () => {
    expect(oneYear('2019-08-20').oneYearPpm).toBe(42_500);
    const r = lprOn(isoDate('2019-08-19'));
    expect(r.ok ? null : r.error.code).toBe('no-lpr');
    expect(r.ok ? null : r.error.field).toBe('contractDate');
  });

  it('marks dates after the checked range U and says why', () => {
    expect(oneYear('2026-09-20').certainty).toBe('S');
    const late = oneYear('2026-10-15');
    expect(late.certainty).toBe('U');
    expect(late.oneYearPpm).toBe(30_000);
    expect(late.source).toMatch(/NOT checked/);
  });

  it('keeps the change points sorted and every value exact to the basis point', () => {
    for (let i = 1; i < LPR_TABLE.length; i++)
      expect(LPR_TABLE[i]!.effective > LPR_TABLE[i - 1]!.effective).toBe(true);
    for (const e of LPR_TABLE) {
      expect(e.oneYearPpm % 100).toBe(0);
      expect(e.fiveYearPpm % 100).toBe(0);
    }
    expect(LPR_TABLE).toHaveLength(15);
  });
});
