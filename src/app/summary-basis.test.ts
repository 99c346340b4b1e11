// The true cost comes from the money that really moved (issue 13 item 1) and every fee enters the
// flows on its real date (issue 12 item 6). Expected rates are computed independently with the
// `financial` package's irr on monthly flows (all dates fall on the same day of each month, where
// Appendix J's nominal APR is exactly 12 × the monthly IRR).
import { irr } from 'financial';
import { describe, expect, it } from 'vitest';
import { cents, type Cents } from '../core/money/index.js';
import type { IsoDate } from '../core/dates/index.js';
import type { RatePpm } from '../core/rates/index.js';
import type { CaseId, Debt, DebtFee, DebtPayment, LenderId } from '../db/types.js';
import { buildSchedule } from '../core/schedule/index.js';
import { debtData, FIXED_NOW, lenderData } from '../../test/factories.js';
import { summarizeDebt } from './summary.js';

const caseId = 'case-1' as CaseId;
const lender = lenderData(caseId, { id: 'lender-1' as LenderId, lenderType: 'small-loan' });
const bank = lenderData(caseId, { id: 'lender-2' as LenderId, lenderType: 'bank' });
const asOf = '2025-06-30' as IsoDate;
const d = (s: string) => s as IsoDate;

/** 12 × monthly IRR of yuan flows at t = 0, 1, 2, … months. */
const aprOf = (flows: number[]) => 12 * irr(flows, 0.01, 1e-12, 1000);

function loan(over: Partial<Debt> = {}): Debt {
  return debtData(caseId, lender.id, {
    principal: cents(20_000_00),
    received: null,
    contractOn: d('2024-01-05'),
    firstDueOn: d('2024-02-05'),
    termMonths: 12,
    installment: null,
    ratePpm: null,
    ratePeriod: null,
    rateBasis: null,
    quotedRateText: null,
    scheduleMethod: null,
    ...over,
  });
}

let feeSeq = 0;
function fee(
  timing: DebtFee['timing'],
  amount: number,
  chargedOn: string | null,
  kind: DebtFee['kind'] = 'guarantee',
): DebtFee {
  return {
    id: `fee-${++feeSeq}`,
    caseId,
    debtId: 'x' as DebtFee['debtId'],
    kind,
    timing,
    amount: cents(amount),
    chargedOn: chargedOn as IsoDate | null,
    note: null,
  };
}

const months = (n: number, amount: number) => Array.from({ length: n }, () => amount);

describe('true APR basis (issue 13 item 1)', () => {
  it('¥20,000 contracted, ¥19,000 received, 12 × ¥1,950: the IRR of the installments, not the 28% quoted', () => {
    const debt = loan({
      received: cents(19_000_00),
      installment: cents(1_950_00),
      quotedRateText: '28%',
      ratePpm: 280_000 as RatePpm,
      ratePeriod: 'year',
      rateBasis: 'balance',
      scheduleMethod: 'equal-installment',
    });
    const s = summarizeDebt(debt, lender, [], [], asOf);
    const expected = aprOf([19_000, ...months(12, -1_950)]);
    expect(expected).toBeGreaterThan(0.39);
    expect(s.aprBasis).toBe('installments');
    expect(s.nominalApr).toBeCloseTo(expected, 6);
    expect(s.verdict).toBe('exceeded');
  });

  it('with the rate field empty, the typed installments still give the true cost', () => {
    const s = summarizeDebt(
      loan({ received: cents(19_000_00), installment: cents(1_950_00) }),
      lender,
      [],
      [],
      asOf,
    );
    expect(s.aprNote).toBeNull();
    expect(s.aprBasis).toBe('installments');
    expect(s.nominalApr).toBeCloseTo(aprOf([19_000, ...months(12, -1_950)]), 6);
  });

  it('the quoted rate is only the fallback, and says so', () => {
    const s = summarizeDebt(
      loan({
        ratePpm: 180_000 as RatePpm,
        ratePeriod: 'year',
        rateBasis: 'balance',
        scheduleMethod: 'equal-installment',
      }),
      lender,
      [],
      [],
      asOf,
    );
    expect(s.aprBasis).toBe('contract-rate');
    expect(s.nominalApr).toBeCloseTo(0.18, 4);
  });

  it('payments recorded with the balance owed come first', () => {
    const pays: DebtPayment[] = [1, 2, 3].map((m) => ({
      id: `p${m}`,
      caseId,
      debtId: 'x' as DebtPayment['debtId'],
      paidOn: d(`2024-0${m + 1}-05`),
      amount: cents(2_000_00),
      note: null,
      createdAt: FIXED_NOW,
    }));
    const s = summarizeDebt(
      loan({
        received: cents(19_000_00),
        installment: cents(1_950_00),
        balance: cents(16_000_00),
        balanceOn: d('2024-04-05'),
      }),
      lender,
      [],
      pays,
      asOf,
    );
    expect(s.aprBasis).toBe('payments');
    expect(s.nominalApr).toBeCloseTo(aprOf([19_000, -2_000, -2_000, -2_000 - 16_000]), 6);
  });
});

describe('fees in the true APR, each timing (issue 12 item 6)', () => {
  // ¥10,000 at 18 % over 12 months: the contract's own installment is ¥916.80.
  const base = (over: Partial<Debt> = {}) =>
    loan({ principal: cents(10_000_00), installment: cents(916_80), ...over });
  const run = (debt: Debt, fees: DebtFee[]) => summarizeDebt(debt, lender, fees, [], asOf);

  it('前置: a fee paid up front with the full amount received reduces the money in hand', () => {
    const s = run(base({ received: cents(10_000_00) }), [fee('upfront', 960_00, '2024-01-05')]);
    const expected = aprOf([10_000 - 960, ...months(12, -916.8)]);
    expect(expected).toBeGreaterThan(0.3);
    expect(s.received).toBe(9_040_00);
    expect(s.nominalApr).toBeCloseTo(expected, 6);
    expect(s.verdict).toBe('exceeded');
  });

  it('放款时扣除: a recorded net amount is not reduced twice', () => {
    const s = run(base({ received: cents(9_040_00) }), [fee('upfront', 960_00, '2024-01-05')]);
    expect(s.nominalApr).toBeCloseTo(aprOf([9_040, ...months(12, -916.8)]), 6);
  });

  it('an upfront fee with no received amount recorded comes off the principal', () => {
    const s = run(base(), [fee('upfront', 960_00, null)]);
    expect(s.nominalApr).toBeCloseTo(aprOf([9_040, ...months(12, -916.8)]), 6);
  });

  it('an upfront fee paid a month after disbursement sits on its own date', () => {
    const s = run(base({ received: cents(10_000_00) }), [fee('upfront', 960_00, '2024-02-05')]);
    const flows = [10_000, -916.8 - 960, ...months(11, -916.8)];
    expect(s.nominalApr).toBeCloseTo(aprOf(flows), 6);
  });

  it('每期: a per-period fee is paid with every installment', () => {
    const s = run(base({ received: cents(10_000_00) }), [
      fee('per-period', 30_00, null, 'membership'),
    ]);
    expect(s.nominalApr).toBeCloseTo(aprOf([10_000, ...months(12, -946.8)]), 6);
  });

  it('一次性: a one-off fee is paid on its date', () => {
    const s = run(base({ received: cents(10_000_00) }), [
      fee('once', 200_00, '2024-04-05', 'service'),
    ]);
    const flows = [10_000, -916.8, -916.8, -916.8 - 200, ...months(9, -916.8)];
    expect(s.nominalApr).toBeCloseTo(aprOf(flows), 6);
  });

  it('the contract-rate fallback counts the fees too (it showed 18 % before)', () => {
    const debt = loan({
      principal: cents(10_000_00),
      received: cents(10_000_00),
      ratePpm: 180_000 as RatePpm,
      ratePeriod: 'year',
      rateBasis: 'balance',
      scheduleMethod: 'equal-installment',
    });
    const sched = buildSchedule({
      method: 'equal-installment',
      principal: cents(10_000_00),
      periods: 12,
      startDate: d('2024-01-05'),
      firstDueDate: d('2024-02-05'),
      annualRatePpm: 180_000 as RatePpm,
    });
    if (!sched.ok) throw new Error('schedule');
    const pays = sched.value.rows.map((r) => -(r.payment as Cents) / 100);
    const s = run(debt, [fee('upfront', 960_00, '2024-01-05')]);
    expect(s.aprBasis).toBe('contract-rate');
    expect(s.nominalApr).toBeCloseTo(aprOf([9_040, ...pays]), 6);
    expect(s.nominalApr!).toBeGreaterThan(0.24);
  });
});

describe('credit cards without a contract (issue 13 item 1)', () => {
  const card = (over: Partial<Debt> = {}) =>
    debtData(caseId, bank.id, {
      kind: 'credit-card',
      contractOn: null,
      firstDueOn: null,
      principal: cents(12_000_00),
      received: null,
      balance: cents(12_000_00),
      balanceOn: d('2025-06-01'),
      termMonths: null,
      installment: null,
      ratePpm: null,
      ratePeriod: null,
      rateBasis: null,
      quotedRateText: null,
      scheduleMethod: null,
      ...over,
    });

  it('分期手续费 0.6 % a month over 12: 13.03 % (docs/law.md, Test vectors), within the line', () => {
    const s = summarizeDebt(
      card({ cardInstallmentFeePpm: 6_000 as RatePpm, termMonths: 12 }),
      bank,
      [],
      [],
      asOf,
    );
    expect(s.aprBasis).toBe('card-terms');
    expect(s.nominalApr).toBeCloseTo(aprOf([12_000, ...months(12, -1_072)]), 6);
    expect(s.nominalApr).toBeCloseTo(0.1303, 4);
    expect(s.verdict).toBe('within');
  });

  it('an overdraft rate (日息万五) alone gives a card-terms figure', () => {
    const s = summarizeDebt(
      card({ ratePpm: 500 as RatePpm, ratePeriod: 'day', rateBasis: 'balance' }),
      bank,
      [],
      [],
      asOf,
    );
    expect(s.aprBasis).toBe('card-terms');
    expect(s.nominalApr).toBeGreaterThan(0.17);
    expect(s.nominalApr).toBeLessThan(0.19);
  });

  it('a card with only a minimum payment asks for the card-shaped fields, not "信息不够"', () => {
    const s = summarizeDebt(card({ minimumPayment: cents(600_00) }), bank, [], [], asOf);
    expect(s.aprNote?.code).toBe('missing-card-terms');
    expect(s.aprNote?.messageZh).toContain('分期手续费');
  });
});
