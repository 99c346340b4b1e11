import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents } from '../money/index.js';
import { isoDate, weekday } from '../dates/index.js';
import { forecastCashFlow, shiftForWeekend, validateForecastInput } from './forecast.js';
import type { ForecastInput } from './types.js';

const d = isoDate;
const y = (n: number) => cents(n * 100);

// Hand-worked (calendar: 2027-01-31 and 2027-02-28 are Sundays):
// salary ¥6000 on the 31st → Fri 01-29 and, in February, the 28th (clamped) → Fri 02-26;
// rent ¥2500 on the 1st; phone ¥100 on the 31st → 01-31 and 02-28 (outgoings are not shifted).
// A#1 ¥980 due 01-28: 500 → −480 (short 480, next payday 01-29)
// 01-29 +6000 = 5520; 01-31 −100 = 5420; 02-01 −2500 = 2920
// B#1 ¥3000 due 02-25: 2920 → −80 (short 80, next payday 02-26)
// 02-26 +6000 = 5920; 02-28 −100 = 5820; 03-01 −2500 = 3320 (closing, 03-05)
const base: ForecastInput = {
  asOf: d('2027-01-20'),
  days: 45,
  openingBalance: y(500),
  incomes: [{ label: '工资', amount: y(6000), dayOfMonth: 31 }],
  outgoings: [
    { label: '房租', amount: y(2500), dayOfMonth: 1 },
    { label: '话费', amount: y(100), dayOfMonth: 31 },
  ],
  installments: [
    { agreementId: 'A', lender: '借呗', seq: 1, dueOn: d('2027-01-28'), amount: y(980) },
    { agreementId: 'B', lender: '招商银行信用卡', seq: 1, dueOn: d('2027-02-25'), amount: y(3000) },
  ],
  weekendRule: 'previous-business-day',
  actLeadDays: 3,
  buffer: y(500),
};

describe('forecastCashFlow (hand-worked: 31st, February, weekend payday)', () => {
  const f = forecastCashFlow(base);
  const bal = (date: string) => f.days.find((x) => x.date === date)!.balance;

  it('runs the balance day by day', () => {
    expect(f.days).toHaveLength(45);
    expect(f.endOn).toBe('2027-03-05');
    expect([bal('2027-01-27'), bal('2027-01-28'), bal('2027-01-29'), bal('2027-01-31')]).toEqual([
      y(500),
      y(-480),
      y(5520),
      y(5420),
    ]);
    expect([bal('2027-02-01'), bal('2027-02-25'), bal('2027-02-26'), bal('2027-02-28')]).toEqual([
      y(2920),
      y(-80),
      y(5920),
      y(5820),
    ]);
    expect(f.closingBalance).toBe(y(3320));
    expect(f.lowest).toEqual({ balance: y(-480), on: '2027-01-28' });
  });

  it('moves the Sunday payday to the Friday before, and clamps the 31st to 28 February', () => {
    const paydays = f.days.filter((x) => x.events.some((e) => e.kind === 'income'));
    expect(paydays.map((x) => x.date)).toEqual(['2027-01-29', '2027-02-26']);
    const feb = paydays[1]!.events.find((e) => e.kind === 'income');
    expect(feb).toMatchObject({ scheduledOn: '2027-02-28' });
  });

  it('gives the lowest point before each payday', () => {
    expect(f.lowPoints).toEqual([
      { payday: '2027-01-29', lowestBalance: y(-480), lowestOn: '2027-01-28' },
      { payday: '2027-02-26', lowestBalance: y(-80), lowestOn: '2027-02-25' },
    ]);
  });

  it('warns for each installment due before payday, with the date to act and suggestions', () => {
    expect(f.warnings.map((w) => [w.lender, w.dueOn, w.shortfall, w.actBy, w.nextPayday])).toEqual([
      ['借呗', '2027-01-28', y(480), '2027-01-25', '2027-01-29'],
      ['招商银行信用卡', '2027-02-25', y(80), '2027-02-22', '2027-02-26'],
    ]);
    expect(f.warnings[0]!.suggestions.map((s) => s.kind)).toEqual([
      'move-due-date',
      'smaller-installment',
      'pay-from-buffer',
    ]);
    expect(f.warnings[0]!.suggestions[1]!.messageZh).toContain('本月先还 ¥500.00');
    // the ¥500 buffer is used up by the first warning (¥480), leaving ¥20 for the second
    expect(f.warnings[1]!.suggestions[2]!.messageZh).toContain('¥20.00');
  });

  it('with the next-business-day rule, pay arrives Monday 1 February and 1 March', () => {
    const g = forecastCashFlow({ ...base, weekendRule: 'next-business-day' });
    const paydays = g.days.filter((x) => x.events.some((e) => e.kind === 'income'));
    expect(paydays.map((x) => x.date)).toEqual(['2027-02-01', '2027-03-01']);
    // Feb 1: +6000 before rent: −480 − 100 (01-31 phone) + 6000 − 2500 = 2920
    expect(g.days.find((x) => x.date === '2027-02-01')!.balance).toBe(y(2920));
    expect(g.warnings[0]!.nextPayday).toBe('2027-02-01');
  });

  it('takes a past-due installment as debited today and never acts before today', () => {
    const g = forecastCashFlow({
      ...base,
      installments: [
        { agreementId: 'A', lender: '借呗', seq: 1, dueOn: d('2027-01-10'), amount: y(600) },
      ],
    });
    expect(g.days[0]!.balance).toBe(y(-100));
    expect(g.warnings[0]).toMatchObject({ debitOn: '2027-01-20', actBy: '2027-01-20' });
  });
});

describe('shiftForWeekend', () => {
  it('moves Saturday and Sunday to Friday (or Monday), leaves weekdays', () => {
    expect(shiftForWeekend(d('2027-04-10'), 'previous-business-day')).toBe('2027-04-09');
    expect(shiftForWeekend(d('2027-01-10'), 'previous-business-day')).toBe('2027-01-08');
    expect(shiftForWeekend(d('2027-04-10'), 'next-business-day')).toBe('2027-04-12');
    expect(shiftForWeekend(d('2027-02-10'), 'previous-business-day')).toBe('2027-02-10');
  });
  it('property: a shifted payday is a weekday within 2 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (n) => {
        const date = d(new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10));
        for (const rule of ['previous-business-day', 'next-business-day'] as const) {
          const s = shiftForWeekend(date, rule);
          expect(weekday(s)).toBeLessThan(6);
          expect(Math.abs(Date.parse(s) - Date.parse(date))).toBeLessThanOrEqual(2 * 86_400_000);
        }
      }),
    );
  });
});

describe('forecast invariants', () => {
  it('property: closing = opening + income − outgoings − installments, and one warning per uncovered installment', () => {
    const line = fc.record({
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      day: fc.integer({ min: 1, max: 31 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 2_000_000 }),
        fc.array(line, { maxLength: 3 }),
        fc.array(line, { maxLength: 4 }),
        fc.array(
          fc.record({
            amount: fc.integer({ min: 1, max: 500_000 }),
            offset: fc.integer({ min: -10, max: 100 }),
          }),
          { maxLength: 6 },
        ),
        (opening, incomes, outgoings, insts) => {
          const f = forecastCashFlow({
            ...base,
            days: 90,
            openingBalance: cents(opening),
            incomes: incomes.map((x, i) => ({
              label: `i${i}`,
              amount: cents(x.amount),
              dayOfMonth: x.day,
            })),
            outgoings: outgoings.map((x, i) => ({
              label: `o${i}`,
              amount: cents(x.amount),
              dayOfMonth: x.day,
            })),
            installments: insts.map((x, i) => ({
              agreementId: 'A',
              lender: 'L',
              seq: i + 1,
              dueOn: new Date(Date.UTC(2027, 0, 20 + x.offset)).toISOString().slice(0, 10) as never,
              amount: cents(x.amount),
            })),
          });
          let flow = 0;
          let uncovered = 0;
          let running = opening;
          for (const day of f.days)
            for (const e of day.events) {
              const delta = e.kind === 'income' ? e.amount : -e.amount;
              flow += delta;
              running += delta;
              if (e.kind === 'installment' && running < 0) uncovered += 1;
            }
          expect(f.closingBalance).toBe(opening + flow);
          expect(f.warnings).toHaveLength(uncovered);
          for (const w of f.warnings) {
            expect(w.shortfall).toBeGreaterThan(0);
            expect(w.shortfall).toBeLessThanOrEqual(w.amount);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('validateForecastInput', () => {
  it('names a bad day of month and a bad number of days', () => {
    const r = validateForecastInput({
      ...base,
      incomes: [{ label: 'x', amount: y(1), dayOfMonth: 32 }],
    });
    expect(r.ok ? null : r.error.field).toBe('incomes[0].dayOfMonth');
    const s = validateForecastInput({ ...base, days: 0 });
    expect(s.ok ? null : s.error.field).toBe('days');
  });
});
