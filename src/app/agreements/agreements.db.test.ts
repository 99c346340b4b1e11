import { expect, it } from 'vitest';
import { forEachDialect } from '../../../test/dialects.js';
import { FIXED_NOW, makeCase, makeDeps, makeLender } from '../../../test/factories.js';
import type { IsoDate } from '../../core/dates/index.js';
import { addAgreement, agreementReports, dueItems } from './agreements.js';
import { recordPayment } from './payments.js';
import { runForecast } from '../forecast.js';
import { exportCalendar } from '../reminders.js';

const asOf = '2027-02-10' as IsoDate;
const input = {
  agreedOn: '2027-01-05',
  installments: [
    { dueOn: '2027-01-15', amount: '300' },
    { dueOn: '2027-02-15', amount: '300' },
    { dueOn: '2027-03-15', amount: '400' },
  ],
  total: '1000',
  paymentChannel: 'third-party',
  payToAccount: '支付宝 对公账户 xx',
  confirmedInWriting: true,
};

forEachDialect('agreement use cases', (getDb) => {
  it('stores an agreement, matches payments with allocations, and rejects bad payments writing nothing', async () => {
    const db = getDb();
    const deps = makeDeps(db);
    const c = await makeCase(db);
    const l = await makeLender(db, c.id, { name: '某小额贷款有限公司', brand: '某花' });
    const { agreement, warnings } = await addAgreement(deps, c.id, { lender: '某花', raw: input });
    expect(warnings).toEqual([]);
    expect(agreement).toMatchObject({
      lenderId: l.id,
      total: 1000_00,
      installments: [{ seq: 1 }, { seq: 2 }, { seq: 3 }],
    });

    await expect(
      recordPayment(deps, c.id, { lender: '某花', amount: '0', asOf }),
    ).rejects.toMatchObject({ code: 'invalid-amount', field: 'amount' });
    await expect(
      recordPayment(deps, c.id, { lender: '某花', amount: '10', date: '2027-01-04', asOf }),
    ).rejects.toMatchObject({ code: 'invalid-date', field: 'date' });
    await expect(
      recordPayment(deps, c.id, { agreement: 'nope', amount: '10', asOf }),
    ).rejects.toMatchObject({ code: 'not-found', field: 'agreement' });
    await expect(
      recordPayment(deps, c.id, {
        lender: '某花',
        amount: '10',
        receiptEvidenceId: 'missing',
        asOf,
      }),
    ).rejects.toMatchObject({ code: 'not-found', field: 'receipt' });
    expect(await db.selectFrom('agreement_payments').selectAll().execute()).toHaveLength(0);

    await recordPayment(deps, c.id, { lender: '某花', amount: '450', date: '2027-01-14', asOf });
    const { report } = await recordPayment(deps, c.id, {
      lender: '某花',
      amount: '700',
      date: '2027-02-01',
      asOf,
    });
    // 450 → #1 300 + #2 150; 700 → #2 150 + #3 400, 150 over-paid
    expect(report.status.installments.map((s) => s.status)).toEqual(['paid', 'paid', 'paid']);
    expect(report.status.unapplied).toBe(150_00);
    expect(report.agreement.status).toBe('completed');
    const allocs = await db.selectFrom('agreement_allocations').select(['amount_cents']).execute();
    expect(allocs.map((a) => Number(a.amount_cents)).sort((a, b) => a - b)).toEqual([
      150_00, 150_00, 300_00, 400_00,
    ]);
    const { overall } = await agreementReports(deps, c.id, { asOf });
    expect(overall).toMatchObject({ paid: 1000_00, remaining: 0, isComplete: true });
  });

  it('rejects an installment list that does not add up, and an unknown lender, writing nothing', async () => {
    const db = getDb();
    const deps = makeDeps(db);
    const c = await makeCase(db);
    await expect(
      addAgreement(deps, c.id, { lender: '没有这家', raw: input }),
    ).rejects.toMatchObject({ code: 'not-found', field: 'lender' });
    await makeLender(db, c.id, { name: '另一家', brand: null });
    await expect(
      addAgreement(deps, c.id, { lender: '另一家', raw: { ...input, total: '999.99' } }),
    ).rejects.toMatchObject({
      code: 'installments-do-not-add-up',
    });
    await expect(
      addAgreement(deps, c.id, { lender: '另一家', raw: { ...input, agreedOn: '2027-01-20' } }),
    ).rejects.toMatchObject({
      field: 'installments[0].dueOn',
    });
    expect(
      await db.selectFrom('agreements').selectAll().where('case_id', '=', c.id).execute(),
    ).toHaveLength(0);
  });

  it('includes escalation chase dates in `due` and the calendar, and forecasts from the stored budget', async () => {
    const db = getDb();
    const deps = makeDeps(db);
    const c = await makeCase(db);
    const l = await makeLender(db, c.id, { name: '某消费金融', brand: null });
    await addAgreement(deps, c.id, { lender: l.id, raw: { ...input, total: undefined } });
    await db
      .insertInto('escalations')
      .values({
        id: `${c.id}-e`,
        case_id: c.id,
        lender_id: l.id,
        channel: '12378',
        sent_on: '2027-01-20',
        reference: 'TS-1',
        chase_on: '2027-02-12',
        status: 'sent',
        document_id: null,
        notes: null,
        created_at: FIXED_NOW,
      })
      .execute();
    const due = await dueItems(deps, c.id, { asOf, days: 7 });
    expect(due.map((d) => [d.kind, d.date])).toEqual([
      ['installment', '2027-01-15'],
      ['escalation', '2027-02-12'],
      ['installment', '2027-02-15'],
    ]);
    const cal = await exportCalendar(deps, c.id, { asOf });
    expect([cal.installments, cal.escalations]).toEqual([3, 1]);
    expect(cal.ics).toContain(`UID:escalation-${c.id}-e@xieshang`);
    await db
      .insertInto('budgets')
      .values({
        id: `${c.id}-b`,
        case_id: c.id,
        version: 1,
        effective_on: '2027-01-01',
        buffer_cents: 0,
        note: null,
        created_at: FIXED_NOW,
      })
      .execute();
    await db
      .insertInto('budget_lines')
      .values({
        id: `${c.id}-l1`,
        case_id: c.id,
        budget_id: `${c.id}-b`,
        seq: 1,
        kind: 'income',
        category: 'salary',
        label: '工资',
        monthly_cents: 5000_00,
        day_of_month: 14,
        note: null,
      })
      .execute();
    await db
      .insertInto('budget_lines')
      .values({
        id: `${c.id}-l2`,
        case_id: c.id,
        budget_id: `${c.id}-b`,
        seq: 2,
        kind: 'flexible',
        category: 'leisure',
        label: '娱乐',
        monthly_cents: 300_00,
        day_of_month: null,
        note: null,
      })
      .execute();
    const f = await runForecast(deps, c.id, { asOf, days: 10, balance: '100' });
    // 02-10: overdue #1 ¥300 taken today → −200 (warning); 02-12 (Fri, the 14th is a Sunday) +5000; 02-15 −300
    expect(f.forecast.warnings.map((w) => [w.seq, w.shortfall, w.nextPayday])).toEqual([
      [1, 200_00, '2027-02-12'],
    ]);
    expect(f.forecast.closingBalance).toBe(4500_00);
    // a line without a day is not left out (issue 13): costs fall on the 1st, outside this window
    expect(f.sources.unplaced).toEqual([]);
    expect(f.sources.assumedDays).toEqual(['娱乐']);
    await expect(runForecast(deps, c.id, { asOf })).rejects.toMatchObject({ field: 'balance' });
  });
});
