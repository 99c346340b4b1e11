// Court-style recalculation when each payment is smaller than the interest accrued: the unpaid
// interest is owed but bears no interest (simple interest on principal only). Hand-computed.
import { describe, expect, it } from 'vitest';
import { isoDate } from '../dates/index.js';
import { cents } from '../money/index.js';
import { ratePpm } from '../rates/index.js';
import { recalculateAtLine } from './legality.js';

const flow = (date: string, fen: number) => ({ date: isoDate(date), amount: cents(fen) });

describe('recalculateAtLine: payments below the interest accrued', () => {
  it('10,000.00 at 36.5 % (0.1 % a day), 100.00 every 30 days: unpaid interest does not compound', () => {
    // each 30 days: 1,000,000 fen × 0.001 × 30 = 30,000 fen (300.00) on the principal alone;
    // 100.00 paid goes to interest first, so unpaid interest grows 200.00 a period:
    //   01-31: 300 − 100 → 200 unpaid    03-02: +300 − 100 → 400    04-01: +300 − 100 → 600
    //   05-01 (asOf, 30 days): +300 → 900 unpaid; principal untouched
    // Interest on the unpaid interest would have made period 2 = 1,020,000 × 0.03 = 30,600.
    const r = recalculateAtLine({
      flows: [
        flow('2025-01-01', 1_000_000),
        flow('2025-01-31', -10_000),
        flow('2025-03-02', -10_000),
        flow('2025-04-01', -10_000),
      ],
      line: { id: 'test-36.5', limitPpm: ratePpm(365_000) },
      asOf: isoDate('2025-05-01'),
    });
    expect(r).toMatchObject({
      outstanding: 1_000_000 + 90_000, // 10,900.00
      overpaid: 0,
      interestAtLine: 120_000, // 4 × 300.00
    });
  });
});
