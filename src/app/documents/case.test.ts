import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../core/dates/index.js';
import { cents } from '../../core/money/index.js';
import type { StoredProposal } from '../../db/repositories/plan-repository.js';
import { combineProposals } from './case.js';

const d = (s: string) => s as IsoDate;
function proposal(over: Partial<StoredProposal>): StoredProposal {
  return {
    id: 'p',
    lenderId: 'l',
    debtId: null,
    monthly: cents(0),
    termMonths: 0,
    concessions: [],
    startOn: d('2027-01-01'),
    endOn: d('2027-01-01'),
    total: cents(0),
    savingVsContract: null,
    savingVsNothing: null,
    schedule: [],
    ...over,
  };
}

describe('combineProposals: one ask per lender from its debts’ proposals', () => {
  it('sums the schedules month by month and keeps every concession once', () => {
    const a = proposal({
      monthly: cents(300_00),
      termMonths: 2,
      concessions: ['waive-penalty'],
      startOn: d('2027-01-01'),
      endOn: d('2027-02-01'),
      total: cents(500_00),
      schedule: [
        { dueOn: d('2027-01-01'), amountCents: 300_00 },
        { dueOn: d('2027-02-01'), amountCents: 200_00 },
      ],
    });
    // the second loan takes the first's share once it is repaid (roll-over)
    const b = proposal({
      monthly: cents(200_00),
      termMonths: 3,
      concessions: ['waive-penalty', 'freeze-interest'],
      startOn: d('2027-01-01'),
      endOn: d('2027-03-01'),
      total: cents(800_00),
      schedule: [
        { dueOn: d('2027-01-01'), amountCents: 200_00 },
        { dueOn: d('2027-02-01'), amountCents: 300_00 },
        { dueOn: d('2027-03-01'), amountCents: 300_00 },
      ],
    });
    expect(combineProposals([a, b])).toEqual({
      monthlyPayment: 500_00,
      installments: 3,
      firstDueOn: '2027-01-01',
      endOn: '2027-03-01',
      totalPaid: 1300_00,
      lastPayment: 300_00,
      schedule: [
        { dueOn: '2027-01-01', amount: 500_00 },
        { dueOn: '2027-02-01', amount: 500_00 },
        { dueOn: '2027-03-01', amount: 300_00 },
      ],
      concessions: ['waive-penalty', 'freeze-interest'],
    });
  });

  it('a single proposal stays as it was', () => {
    const p = proposal({
      monthly: cents(400_00),
      termMonths: 2,
      total: cents(800_00),
      startOn: d('2027-01-01'),
      endOn: d('2027-02-01'),
      schedule: [
        { dueOn: d('2027-01-01'), amountCents: 400_00 },
        { dueOn: d('2027-02-01'), amountCents: 400_00 },
      ],
    });
    expect(combineProposals([p])).toMatchObject({
      monthlyPayment: 400_00,
      installments: 2,
      totalPaid: 800_00,
      concessions: [],
    });
    expect(combineProposals([p])).not.toHaveProperty('lastPayment');
  });
});
