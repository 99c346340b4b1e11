import { expect, it } from 'vitest';
import { cents } from '../../core/money/index.js';
import type { IsoDate } from '../../core/dates/index.js';
import { FIXED_NOW, makeCase, makeLender, nextId } from '../../../test/factories.js';
import { forEachDialect } from '../../../test/dialects.js';
import { createAgreementRepository } from './agreements-repository.js';

const d = (s: string) => s as IsoDate;

forEachDialect('agreements repository', (getDb) => {
  it('round-trips an agreement with installments, payments and allocations', async () => {
    const db = getDb();
    const c = await makeCase(db);
    const l = await makeLender(db, c.id, { name: '重庆蚂蚁消费金融有限公司', brand: '借呗' });
    const repo = createAgreementRepository(db);
    const id = nextId('agr');
    const installments = [
      { id: nextId('i'), seq: 1, dueOn: d('2026-11-15'), amount: cents(200_00) },
      { id: nextId('i'), seq: 2, dueOn: d('2026-12-15'), amount: cents(9_800_000_000_00) },
    ];
    await repo.insert({
      id,
      caseId: c.id,
      lenderId: l.id,
      debtId: null,
      agreedOn: d('2026-10-20'),
      agentName: '李经理',
      agentNumber: 'A10086',
      total: cents(200_00 + 9_800_000_000_00),
      concessions: ['waive-penalty'],
      paymentChannel: 'app',
      payToAccount: '尾号1234',
      isConfirmedInWriting: true,
      documentEvidenceId: null,
      confirmationEvidenceId: null,
      status: 'active',
      notes: null,
      createdAt: FIXED_NOW,
      installments,
    });
    const a = (await repo.get(c.id, id))!;
    expect(a).toMatchObject({
      lenderName: '重庆蚂蚁消费金融有限公司',
      lenderBrand: '借呗',
      agreedOn: '2026-10-20',
      total: 200_00 + 9_800_000_000_00,
      isConfirmedInWriting: true,
      concessions: ['waive-penalty'],
      paymentChannel: 'app',
    });
    // a bigint amount beyond 2^31 survives both dialects exactly
    expect(a.installments.map((i) => [i.seq, i.dueOn, i.amount])).toEqual([
      [1, '2026-11-15', 200_00],
      [2, '2026-12-15', 9_800_000_000_00],
    ]);
    const pid = nextId('p');
    await repo.insertPayment({
      id: pid,
      caseId: c.id,
      agreementId: id,
      paidOn: d('2026-11-14'),
      amount: cents(300_00),
      channel: 'app',
      receiptEvidenceId: null,
      note: null,
      createdAt: FIXED_NOW,
    });
    await repo.replaceAllocations(c.id, id, [
      {
        id: nextId('al'),
        paymentId: pid,
        installmentId: installments[0]!.id,
        amount: cents(200_00),
      },
      {
        id: nextId('al'),
        paymentId: pid,
        installmentId: installments[1]!.id,
        amount: cents(100_00),
      },
    ]);
    await repo.replaceAllocations(c.id, id, [
      {
        id: nextId('al'),
        paymentId: pid,
        installmentId: installments[0]!.id,
        amount: cents(200_00),
      },
    ]);
    expect((await repo.listAllocations(c.id)).map((x) => x.amount)).toEqual([200_00]);
    expect(await repo.listPayments(c.id, id)).toMatchObject([
      { id: pid, paidOn: '2026-11-14', amount: 300_00 },
    ]);
    expect(await repo.list(c.id, { lenderId: l.id })).toHaveLength(1);
  });

  it('lists open escalation chase dates, earliest first, and the newest budget lines', async () => {
    const db = getDb();
    const c = await makeCase(db);
    const l = await makeLender(db, c.id);
    const esc = (id: string, chase: string | null, status: string) =>
      db
        .insertInto('escalations')
        .values({
          id,
          case_id: c.id,
          lender_id: l.id,
          channel: '12378',
          sent_on: '2026-11-01',
          reference: null,
          chase_on: chase,
          status,
          document_id: null,
          notes: null,
          created_at: FIXED_NOW,
        })
        .execute();
    const [e1, e2, e3] = [nextId('e'), nextId('e'), nextId('e')];
    await esc(e1, '2026-12-01', 'sent');
    await esc(e2, '2026-11-21', 'acknowledged');
    await esc(e3, '2026-11-10', 'resolved');
    await esc(nextId('e'), null, 'sent');
    const list = await createAgreementRepository(db).listEscalationDeadlines(c.id);
    expect(list.map((e) => [e.id, e.chaseOn])).toEqual([
      [e2, '2026-11-21'],
      [e1, '2026-12-01'],
    ]);
    for (const v of [1, 2]) {
      const bid = `${c.id}-b${v}`;
      await db
        .insertInto('budgets')
        .values({
          id: bid,
          case_id: c.id,
          version: v,
          effective_on: '2026-11-01',
          buffer_cents: v * 100,
          note: null,
          created_at: FIXED_NOW,
        })
        .execute();
      await db
        .insertInto('budget_lines')
        .values({
          id: `${bid}-l`,
          case_id: c.id,
          budget_id: bid,
          seq: 1,
          kind: 'income',
          category: 'salary',
          label: `工资v${v}`,
          monthly_cents: 600_000,
          day_of_month: 10,
          note: null,
        })
        .execute();
    }
    const b = await createAgreementRepository(db).latestBudgetLines(c.id);
    expect(b).toMatchObject({
      buffer: 200,
      lines: [{ label: '工资v2', monthly: 600_000, dayOfMonth: 10, kind: 'income' }],
    });
  });
});
