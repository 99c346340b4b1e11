import { describe, expect, it } from 'vitest';
import {
  annualizeSimple,
  formatPercent,
  formatRateFraction,
  parseQuotedRate,
  parseRateFraction,
} from './rate.js';

describe('parseQuotedRate', () => {
  const cases: [string, number, string, string][] = [
    ['0.18', 180_000, 'year', 'balance'],
    ['18%', 180_000, 'year', 'balance'],
    ['年化 18.25%', 182_500, 'year', 'balance'],
    ['月息1%', 10_000, 'month', 'balance'],
    ['月费率0.6%', 6_000, 'month', 'original-principal'],
    ['日息万五', 500, 'day', 'balance'],
    ['日利率0.05%', 500, 'day', 'balance'],
    ['万分之2.5', 250, 'day', 'balance'],
    ['0.05%/天', 500, 'day', 'balance'],
  ];
  for (const [text, ppm, per, basis] of cases) {
    it(`reads ${text}`, () => {
      expect(parseQuotedRate(text)).toEqual({ ok: true, value: { ppm, per, basis } });
    });
  }
  it('annualizes 日息万五 to 18.25 % simple on 365 days', () => {
    const r = parseQuotedRate('日息万五');
    expect(r.ok && annualizeSimple(r.value)).toBe(182_500);
  });
  it('rejects 10000 % and nonsense naming the field', () => {
    expect(parseQuotedRate('10000%', 'annualRate')).toMatchObject({
      ok: false,
      error: { code: 'rate-out-of-range', field: 'annualRate' },
    });
    expect(parseQuotedRate('abc', 'annualRate')).toMatchObject({
      ok: false,
      error: { code: 'invalid-rate' },
    });
  });
});

describe('fractions', () => {
  it('parses and formats exactly', () => {
    expect(parseRateFraction('0.049')).toEqual({ ok: true, value: 49_000 });
    expect(parseRateFraction('0.0000001').ok).toBe(false);
    expect(formatRateFraction(49_000 as never)).toBe('0.049');
    expect(formatPercent(182_500 as never)).toBe('18.25%');
  });
});
