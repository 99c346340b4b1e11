import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../core/money/index.js';
import { addDays, type IsoDate } from '../core/dates/index.js';
import type { CaseId, DebtId, DebtPayment, LenderId } from '../db/types.js';
import { debtData, FIXED_NOW, lenderData } from '../../test/factories.js';
import { buildCaseSummary, clearLegalityMemo } from './summary.js';

const caseId = 'case-1' as CaseId;
const lender = lenderData(caseId, { id: 'lender-1' as LenderId, lenderType: 'small-loan' });

function input(pays: [number, number][][], balance: number, asOf: IsoDate) {
  const debts = pays.map((_, i) =>
    debtData(caseId, lender.id, {
      id: `debt-${i}` as DebtId,
      balance: cents(balance),
      balanceOn: '2024-12-31' as IsoDate,
    }),
  );
  const payments: DebtPayment[] = pays.flatMap((ps, i) =>
    ps.map(([day, amount], k) => ({
      id: `p-${i}-${k}`,
      caseId,
      debtId: debts[i]!.id,
      paidOn: addDays('2024-01-06' as IsoDate, day),
      amount: cents(amount),
      note: null,
      createdAt: FIXED_NOW,
    })),
  );
  return { caseId, asOf, lenders: [lender], debts, fees: [], payments };
}

describe('legality memo in buildCaseSummary', () => {
  it('a warm summary is identical to a cold one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: 360 }), fc.integer({ min: 1, max: 500_000 })),
            {
              maxLength: 12,
            },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('2024-12-31', '2025-06-30') as fc.Arbitrary<IsoDate>,
        (pays, balance, asOf) => {
          const data = input(pays, balance, asOf);
          clearLegalityMemo();
          const cold = JSON.stringify(buildCaseSummary(data));
          const warm = JSON.stringify(buildCaseSummary(data));
          clearLegalityMemo();
          expect(warm).toBe(cold);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a changed payment or asOf is not served from the memo', () => {
    const a = input(
      [
        [
          [30, 100_000],
          [60, 100_000],
        ],
      ],
      900_000,
      '2024-12-31' as IsoDate,
    );
    const first = buildCaseSummary(a).debts[0]!;
    const b = input(
      [
        [
          [30, 100_000],
          [60, 400_000],
        ],
      ],
      900_000,
      '2024-12-31' as IsoDate,
    );
    const second = buildCaseSummary(b).debts[0]!;
    expect(second.nominalApr).not.toBe(first.nominalApr);
    const c = input(
      [
        [
          [30, 100_000],
          [60, 100_000],
        ],
      ],
      900_000,
      '2025-06-30' as IsoDate,
    );
    expect(buildCaseSummary(c).debts[0]!.legality!.asOf).toBe('2025-06-30');
    expect(buildCaseSummary(a).debts[0]!.legality!.asOf).toBe('2024-12-31');
  });
});
