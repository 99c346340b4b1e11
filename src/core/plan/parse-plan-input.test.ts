import { describe, expect, it } from 'vitest';
import { parsePlanInput, parseReplanUpdate } from './index.js';

const good = {
  asOf: '2026-12-01',
  capacity: '3000.00',
  strategy: 'pro-rata-balance',
  debts: [
    {
      id: 'a',
      creditor: '借呗',
      balance: '20000.00',
      annualRate: '0.18',
      contractualPayment: '1200.00',
      penaltyAccrued: '800.00',
      minPayment: '50.00',
      maxTerm: 36,
      concession: 'reduce-rate',
      reducedRate: '0.12',
    },
    { id: 'b', creditor: '花呗', balance: '5000.00', annualRate: '0.15' },
  ],
};

function fieldOf(raw: unknown): [string, string] | 'ok' {
  const r = parsePlanInput(raw);
  return r.ok ? 'ok' : [r.error.code, r.error.field];
}

describe('parsePlanInput', () => {
  it('accepts the issue-3 contract and fills the defaults', () => {
    const r = parsePlanInput(good);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.debts[0]!.reducedRatePpm).toBe(120_000);
    expect(r.value.debts[1]).toMatchObject({ maxTerm: 60, concession: 'none', minPayment: 0 });
  });

  it.each([
    ['capacity zero', { ...good, capacity: '0.00' }, ['capacity-not-positive', 'capacity']],
    ['capacity negative', { ...good, capacity: '-5.00' }, ['capacity-not-positive', 'capacity']],
    [
      'negative balance',
      { ...good, debts: [{ ...good.debts[1], balance: '-1.00' }] },
      ['negative-amount', 'debts[0].balance'],
    ],
    [
      'floor above capacity',
      { ...good, debts: [{ ...good.debts[1], minPayment: '3000.01' }] },
      ['floor-above-capacity', 'debts[0].minPayment'],
    ],
    [
      'duplicate ids',
      { ...good, debts: [good.debts[1], good.debts[1]] },
      ['duplicate-id', 'debts[1].id'],
    ],
    ['unknown strategy', { ...good, strategy: 'snowball' }, ['unknown-strategy', 'strategy']],
    [
      'unknown concession',
      { ...good, debts: [{ ...good.debts[1], concession: 'forgive-all' }] },
      ['unknown-concession', 'debts[0].concession'],
    ],
    [
      'reduce-rate without a rate',
      { ...good, debts: [{ ...good.debts[1], concession: 'reduce-rate' }] },
      ['missing-field', 'debts[0].reducedRate'],
    ],
    [
      'maxTerm not a whole number',
      { ...good, debts: [{ ...good.debts[1], maxTerm: 12.5 }] },
      ['invalid-input', 'debts[0].maxTerm'],
    ],
    ['bad date', { ...good, asOf: '2026-02-30' }, ['invalid-date', 'asOf']],
    ['no debts', { ...good, debts: [] }, ['invalid-input', 'debts']],
    [
      'custom without amounts',
      { ...good, strategy: 'custom' },
      ['missing-field', 'debts[0].customPayment'],
    ],
    [
      'custom above capacity',
      {
        ...good,
        strategy: 'custom',
        debts: [
          { ...good.debts[1], customPayment: '2000.00' },
          { ...good.debts[1], id: 'c', customPayment: '1000.01' },
        ],
      },
      ['custom-above-capacity', 'debts[].customPayment'],
    ],
  ])('rejects %s, naming the field', (_name, raw, expected) => {
    expect(fieldOf(raw)).toEqual(expected);
  });

  it('gives Chinese and English messages', () => {
    const r = parsePlanInput({ ...good, strategy: 'snowball' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('strategy');
      expect(r.error.messageZh).toContain('无效');
    }
  });
});

describe('parseReplanUpdate', () => {
  it('reads payments and names a bad one', () => {
    const ok = parseReplanUpdate({
      asOf: '2027-01-05',
      newCapacity: '2500.00',
      paymentsMade: [{ debtId: 'a', date: '2027-01-01', amount: '900.00' }],
    });
    expect(ok.ok && ok.value.paymentsMade[0]!.amount).toBe(90000);
    const bad = parseReplanUpdate({
      asOf: '2027-01-05',
      newCapacity: '2500.00',
      paymentsMade: [{ debtId: 'a', date: '2027-01-01', amount: '9.999' }],
    });
    expect(bad.ok || bad.error.field).toBe('paymentsMade[0].amount');
  });
});
