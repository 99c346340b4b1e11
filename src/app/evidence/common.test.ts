import { describe, expect, it } from 'vitest';
import type { Instant } from '../../core/dates/index.js';
import type { Deps } from '../deps.js';
import { assertNotFuture, beijingDay, parseWhen } from './common.js';

describe('parseWhen (times users type)', () => {
  it.each([
    ['2026-11-20 23:05', '2026-11-20T15:05:00.000Z', false],
    ['2026/11/20 23:05', '2026-11-20T15:05:00.000Z', false],
    ['2026年11月20日 7:05', '2026-11-19T23:05:00.000Z', false],
    ['2026-11-20T23:05:00+08:00', '2026-11-20T15:05:00.000Z', false],
    ['2026-11-20T15:05:00Z', '2026-11-20T15:05:00.000Z', false],
    ['2026-11-20', '2026-11-19T16:00:00.000Z', true],
    ['2026-11-20T10:00', '2026-11-20T02:00:00.000Z', false], // no zone: Beijing time
  ])('%s → %s', (text, at, dateOnly) => {
    expect(parseWhen(text, 'at')).toEqual({ at, dateOnly });
  });
  it.each(['2026-11-20 25:00', '2026-02-30 10:00', '昨天', '2026-11-20 10:61'])(
    'rejects %s naming the field',
    (text) => {
      expect(() => parseWhen(text, 'at')).toThrow(expect.objectContaining({ field: 'at' }));
    },
  );
});

describe('assertNotFuture', () => {
  const deps = { clock: { now: () => '2026-11-29T15:59:00.000Z' as Instant } } as Deps; // 23:59 Beijing
  it('a bare date counts by Beijing day', () => {
    expect(beijingDay('2026-11-29T15:59:00.000Z' as Instant)).toBe('2026-11-29');
    expect(() =>
      assertNotFuture(deps, parseWhen('2026-11-29', 'd'), 'd', '2026-11-29'),
    ).not.toThrow();
    expect(() => assertNotFuture(deps, parseWhen('2026-11-30', 'd'), 'd', '2026-11-30')).toThrow(
      /future/,
    );
  });
  it('a time counts to the minute', () => {
    expect(() => assertNotFuture(deps, parseWhen('2026-11-29 23:59', 'd'), 'd', 'x')).not.toThrow();
    expect(() => assertNotFuture(deps, parseWhen('2026-11-30 00:00', 'd'), 'd', 'x')).toThrow(
      /future/,
    );
  });
});
