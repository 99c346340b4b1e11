import { describe, expect, it } from 'vitest';
import type { Instant } from '../core/dates/index.js';
import { todayIn } from './today.js';

const at = (iso: string) => ({ clock: { now: () => iso as Instant } });

describe('todayIn', () => {
  it("is the Beijing calendar day of the clock's instant, not the UTC day", () => {
    expect(todayIn(at('2026-01-01T15:59:59.999Z'))).toBe('2026-01-01');
    expect(todayIn(at('2026-01-01T16:00:00.000Z'))).toBe('2026-01-02');
    expect(todayIn(at('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
  });
});
