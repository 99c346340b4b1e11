import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocate,
  cents,
  formatMoney,
  formatYuan,
  mulDiv,
  parseCents,
  parseMoneyInput,
  type Cents,
} from './cents.js';
import { divRound, divRoundSafe } from './rounding.js';

describe('parseCents', () => {
  it('reads yuan strings to fen without floats', () => {
    expect(parseCents('1.005'.slice(0, 4))).toEqual({ ok: true, value: 100 });
    expect(parseCents('12345.67')).toEqual({ ok: true, value: 1234567 });
    expect(parseCents('-3.5')).toEqual({ ok: true, value: -350 });
    expect(parseCents('0.1')).toEqual({ ok: true, value: 10 });
  });
  it('rejects three decimals, letters and empty input naming the field', () => {
    for (const bad of ['1.005', '12a', '', ' ', '1e5', '¥5', '--1']) {
      const r = parseCents(bad, 'principal');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-amount', field: 'principal' });
    }
  });
});

describe('parseMoneyInput', () => {
  it('accepts grouped digits, currency signs and 万/千', () => {
    expect(parseMoneyInput('12,345.67')).toEqual({ ok: true, value: 1234567 });
    expect(parseMoneyInput('¥1.2万')).toEqual({ ok: true, value: 1_200_000 });
    expect(parseMoneyInput('￥3千')).toEqual({ ok: true, value: 300_000 });
    expect(parseMoneyInput('500元')).toEqual({ ok: true, value: 50_000 });
    expect(parseMoneyInput('1.23456万')).toEqual({ ok: true, value: 1_234_560 });
  });
  it('rejects amounts finer than a fen', () => {
    expect(parseMoneyInput('1.2345678万').ok).toBe(false);
  });
});

describe('formatting', () => {
  it('formats JSON yuan and human yuan', () => {
    expect(formatYuan(cents(-5))).toBe('-0.05');
    expect(formatYuan(cents(530727))).toBe('5307.27');
    expect(formatMoney(cents(123456789))).toBe('¥1,234,567.89');
  });
});

describe('divRound', () => {
  it('rounds half away from zero for halfUp, to even for halfEven', () => {
    expect(divRound(5n, 2n, 'halfUp')).toBe(3n);
    expect(divRound(-5n, 2n, 'halfUp')).toBe(-3n);
    expect(divRound(5n, 2n, 'halfEven')).toBe(2n);
    expect(divRound(7n, 2n, 'halfEven')).toBe(4n);
    expect(divRound(-7n, 2n, 'floor')).toBe(-4n);
    expect(divRound(-7n, 2n, 'ceil')).toBe(-3n);
    expect(divRound(-7n, 2n, 'towardZero')).toBe(-3n);
  });
  it('mulDiv works beyond float precision', () => {
    expect(mulDiv(cents(900_719_925_474_099), 3, 3, 'halfUp')).toBe(900_719_925_474_099);
  });
});

describe('allocate', () => {
  it('gives the leftover fen to the largest weights first', () => {
    expect(allocate(cents(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(cents(100), [1, 2, 1])).toEqual([25, 50, 25]);
    expect(allocate(cents(5), [1, 3])).toEqual([1, 4]);
    expect(allocate(cents(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
  });
  it('preserves the total and stays within one fen of the exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 50 })
          .filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          const parts = allocate(cents(total), weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p: Cents, i) => {
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});

describe('divRoundSafe (the number path of mulDiv)', () => {
  it('agrees with divRound on BigInt for every mode (property)', () => {
    const modes = ['halfUp', 'halfEven', 'towardZero', 'floor', 'ceil'] as const;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
        ),
        fc.oneof(
          fc.integer({ min: 1, max: 100 }),
          fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).filter((d) => d !== 0),
        ),
        fc.constantFrom(...modes),
        (num, den, mode) => {
          expect(divRoundSafe(num, den, mode)).toBe(
            Number(divRound(BigInt(num), BigInt(den), mode)),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});
