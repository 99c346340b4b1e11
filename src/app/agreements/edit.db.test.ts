import { expect, it } from 'vitest';
import { forEachDialect } from '../../../test/dialects.js';
import { makeCase, makeDeps, makeLender } from '../../../test/factories.js';
import type { IsoDate } from '../../core/dates/index.js';
import { addAgreement, agreementReports } from './agreements.js';
import { recordPayment } from './payments.js';
import { editAgreement, editPayment, removeAgreement, removePayment } from './edit.js';
import { undoRemoval } from '../undo.js';

const asOf = '2027-02-10' as IsoDate;
const input = {
  agreedOn: '2027-01-05',
  segments: [{ count: 3, amount: '300', firstDueOn: '2027-01-15' }],
  paymentChannel: 'app',
  payToAccount: 'App 内还款',
  confirmedInWriting: true,
};

const count = async (db: ReturnType<typeof makeDeps>['db'], table: string, caseId: string) =>
  Number(
    (
      (await db
        .selectFrom(table as 'agreements')
        .select((e) => e.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()) as { n: unknown }
    ).n,
  );

forEachDialect('agreement edit and removal', (getDb) => {
  it('edits the terms: installments rebuilt, payments matched again, status follows', async () => {
    const db = getDb();
    const deps = makeDeps(db);
    const c = await makeCase(db);
    await makeLender(db, c.id, { name: '某消费金融', brand: '某花' });
    const { agreement: a } = await addAgreement(deps, c.id, { lender: '某花', raw: input });
    await recordPayment(deps, c.id, { agreement: a.id, amount: '600', date: '2027-02-01', asOf });
    let edited = await editAgreement(deps, c.id, a.id, { count: 2, notes: '改为两期' }, asOf);
    expect(edited.installments.map((i) => [i.dueOn, i.amount])).toEqual([
      ['2027-01-15', 300_00],
      ['2027-02-15', 300_00],
    ]);
    expect(edited).toMatchObject({ total: 600_00, notes: '改为两期', status: 'completed' });
    expect(await count(db, 'agreement_allocations', c.id)).toBe(2);
    // more installments reopen it; the old payment now covers two of 250 and 100 of the third
    edited = await editAgreement(deps, c.id, a.id, { count: 4, monthlyAmount: '250' }, asOf);
    expect(edited).toMatchObject({ total: 1000_00, status: 'active' });
    const { reports } = await agreementReports(deps, c.id, { asOf });
    expect(reports[0]!.status.installments.map((s) => s.status)).toEqual([
      'paid',
      'paid',
      'partially-paid',
      'upcoming',
    ]);
  });

  it('refuses a bad edit (money limit, date after a payment, lender) and writes nothing', async () => {
    const db = getDb();
    const deps = makeDeps(db);
    const c = await makeCase(db);
    await makeLender(db, c.id, { name: '某消费金融', brand: '某花' });
    const { agreement: a } = await addAgreement(deps, c.id, { lender: '某花', raw: input });
    await recordPayment(deps, c.id, { agreement: a.id, amount: '100', date: '2027-01-10', asOf });
    await expect(
      editAgreement(deps, c.id, a.id, { monthlyAmount: '999999999', count: 3 }, asOf),
    ).rejects.toMatchObject({ code: 'amount-over-limit', field: 'total' });
    await expect(
      editAgreement(deps, c.id, a.id, { agreedOn: '2027-01-12' }, asOf),
    ).rejects.toMatchObject({ code: 'invalid-date', field: 'agreedOn' });
    await expect(
      editAgreement(deps, c.id, a.id, { monthlyAmount: '0' }, asOf),
    ).rejects.toMatchObject({ field: 'monthlyAmount' });
    await expect(editAgreement(deps, c.id, a.id, { lender: '别家' }, asOf)).rejects.toMatchObject({
      field: 'lender',
    });
    await expect(editAgreement(deps, c.id, 'nope', { count: 2 }, asOf)).rejects.toMatchObject({
      code: 'not-found',
    });
    const { reports } = await agreementReports(deps, c.id, { asOf });
    expect(reports[0]!.agreement).toMatchObject({ total: 900_00, agreedOn: '2027-01-05' });
    expect(await count(db, 'agreement_installments', c.id)).toBe(3);
  });

  it('edits and removes a payment, and undo brings it back matched again', async () => {
    const db = getDb();
    const deps = makeDeps(db);
    const c = await makeCase(db);
    await makeLender(db, c.id, { name: '某消费金融', brand: '某花' });
    const { agreement: a } = await addAgreement(deps, c.id, { lender: '某花', raw: input });
    const { payment: p1 } = await recordPayment(deps, c.id, {
      agreement: a.id,
      amount: '300',
      date: '2027-01-14',
      asOf,
    });
    await recordPayment(deps, c.id, { agreement: a.id, amount: '600', date: '2027-02-01', asOf });
    let r = (await agreementReports(deps, c.id, { asOf })).reports[0]!;
    expect(r.agreement.status).toBe('completed');

    const ids = { agreement: a.id, payment: p1.id };
    await expect(editPayment(deps, c.id, ids, { amount: '-1' }, asOf)).rejects.toMatchObject({
      field: 'amount',
    });
    await expect(editPayment(deps, c.id, ids, { date: '2027-03-01' }, asOf)).rejects.toMatchObject({
      code: 'invalid-date',
      field: 'date',
    });
    await expect(
      editPayment(deps, c.id, { ...ids, payment: 'nope' }, { amount: '1' }, asOf),
    ).rejects.toMatchObject({ code: 'not-found', field: 'payment' });
    const p = await editPayment(deps, c.id, ids, { amount: '200', note: '更正' }, asOf);
    expect(p).toMatchObject({ amount: 200_00, note: '更正', paidOn: '2027-01-14' });
    r = (await agreementReports(deps, c.id, { asOf })).reports[0]!;
    expect(r.agreement.status).toBe('active');
    expect(r.progress.paid).toBe(800_00);

    const { undoId } = await removePayment(deps, c.id, ids, asOf);
    r = (await agreementReports(deps, c.id, { asOf })).reports[0]!;
    expect(r.payments.map((x) => x.amount)).toEqual([600_00]);
    // the 600 now pays #1 and #2 in full
    expect(r.status.installments.map((s) => s.status)).toEqual(['paid', 'paid', 'upcoming']);
    expect(await count(db, 'agreement_allocations', c.id)).toBe(2);

    await undoRemoval(deps, c.id, undoId);
    r = (await agreementReports(deps, c.id, { asOf })).reports[0]!;
    expect(r.payments.map((x) => [x.id, x.amount, x.note])).toEqual([
      [p1.id, 200_00, '更正'],
      [r.payments[1]!.id, 600_00, null],
    ]);
    // matched again: 200 → #1; 600 → #1 100 + #2 300 + #3 200 (no double counting)
    const allocs = await db
      .selectFrom('agreement_allocations')
      .select('amount_cents')
      .where('case_id', '=', c.id)
      .execute();
    expect(allocs.map((x) => Number(x.amount_cents)).sort((x, y) => x - y)).toEqual([
      100_00, 200_00, 200_00, 300_00,
    ]);
  });

  it('removes an agreement with its installments, payments and allocations; undo restores them all', async () => {
    const db = getDb();
    const deps = makeDeps(db);
    const c = await makeCase(db);
    await makeLender(db, c.id, { name: '某消费金融', brand: '某花' });
    const { agreement: a } = await addAgreement(deps, c.id, { lender: '某花', raw: input });
    await recordPayment(deps, c.id, { agreement: a.id, amount: '450', date: '2027-01-14', asOf });
    const before = (await agreementReports(deps, c.id, { asOf })).reports[0]!;
    const { undoId } = await removeAgreement(deps, c.id, a.id);
    for (const t of [
      'agreements',
      'agreement_installments',
      'agreement_payments',
      'agreement_allocations',
    ])
      expect(await count(db, t, c.id)).toBe(0);
    await expect(removeAgreement(deps, c.id, a.id)).rejects.toMatchObject({ code: 'not-found' });
    await undoRemoval(deps, c.id, undoId);
    const after = (await agreementReports(deps, c.id, { asOf })).reports[0]!;
    expect(after).toEqual(before);
    expect(await count(db, 'agreement_allocations', c.id)).toBe(2);
    await expect(undoRemoval(deps, c.id, undoId)).rejects.toMatchObject({ code: 'conflict' });
  });
});
