import { expect, it } from 'vitest';
import { forEachDialect } from '../../test/dialects.js';
import { makeCase, makeDeps } from '../../test/factories.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import { addDebt, editDebt, listDebts, removeDebt, showDebt } from './debts.js';
import { addLender } from './lenders.js';
import { undoRemoval } from './undo.js';
import { summarizeCase } from './summary.js';
import type { IsoDate } from '../core/dates/index.js';

forEachDialect('debt use cases', (getDb) => {
  it('adds a debt with fees and payments in one transaction, and logs the event', async () => {
    const c = await makeCase(getDb());
    const deps = makeDeps(getDb());
    await addLender(deps, c.id, {
      name: '招联消费金融有限公司',
      brand: '招联',
      lenderType: '消费金融',
    });
    const d = await addDebt(deps, c.id, {
      lender: '招联',
      contractNumber: 'ZL-9',
      contractDate: '2024/1/5',
      principal: '12,000',
      fees: [{ kind: '担保费', timing: '前置', amount: '600', date: '2024-01-05' }],
      payments: [{ date: '2024-02-05', amount: '1100' }],
    });
    expect(d.debt).toMatchObject({
      principal: 1_200_000,
      contractOn: '2024-01-05',
      status: 'current',
    });
    expect((await showDebt(deps, c.id, 'ZL-9')).fees).toMatchObject([
      { kind: 'guarantee', timing: 'upfront', amount: 60_000 },
    ]);
    expect((await createEventRepository(getDb()).list(c.id)).map((e) => e.action)).toEqual([
      'lender.add',
      'debt.add',
    ]);
  });

  it('writes nothing when any field is bad, and names every bad field', async () => {
    const c = await makeCase(getDb());
    const deps = makeDeps(getDb());
    const e = await addDebt(deps, c.id, {
      lender: '新机构',
      lenderType: '小贷',
      principal: '1000',
      payments: [
        { date: '2024-13-01', amount: '5' },
        { date: '2024-01-01', amount: '0' },
      ],
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'invalid-date',
      details: { issues: [{ field: 'payments[0].date' }, { field: 'payments[1].amount' }] },
    });
    expect(await createDebtRepository(getDb()).count(c.id)).toBe(0);
    expect(
      await getDb().selectFrom('lenders').select('id').where('case_id', '=', c.id).execute(),
    ).toEqual([]);
  });

  it('edits only the given fields, replaces payments, rejects received > principal, and removes', async () => {
    const c = await makeCase(getDb());
    const deps = makeDeps(getDb());
    await addDebt(deps, c.id, {
      lender: '甲银行',
      lenderType: 'bank',
      contractNumber: 'E-1',
      principal: '5000',
      received: '5000',
      rate: '年化12%',
      payments: [{ date: '2024-02-01', amount: '500' }],
    });
    const edited = await editDebt(deps, c.id, 'E-1', {
      contractNumber: 'E-2',
      payments: [{ date: '2024-03-01', amount: '600' }],
    });
    expect(edited.debt).toMatchObject({
      contractNumber: 'E-2',
      principal: 500_000,
      quotedRateText: '年化12%',
    });
    expect(edited.payments).toMatchObject([{ paidOn: '2024-03-01', amount: 60_000 }]);
    await expect(
      editDebt(deps, c.id, 'E-2', { principal: '4000', received: '4500' }),
    ).rejects.toMatchObject({ code: 'invalid-amount' });
    await expect(editDebt(deps, c.id, 'E-2', { principal: '100' })).rejects.toMatchObject({
      code: 'invalid-amount',
      field: 'received',
    });
    expect((await showDebt(deps, c.id, 'E-2')).debt.principal).toBe(500_000);
    await removeDebt(deps, c.id, 'E-2');
    expect(await listDebts(deps, c.id)).toEqual([]);
    await expect(removeDebt(deps, c.id, 'E-2')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('undoes a removal: the debt, its fees, payments and schedule come back exactly, once', async () => {
    const c = await makeCase(getDb());
    const deps = makeDeps(getDb());
    await addDebt(deps, c.id, {
      lender: '乙消费金融',
      lenderType: 'consumer-finance',
      contractNumber: 'U-1',
      contractDate: '2024-01-05',
      principal: '12000',
      fees: [{ kind: '担保费', timing: '前置', amount: '600', date: '2024-01-05' }],
      payments: [{ date: '2024-02-05', amount: '1100' }],
    });
    const before = await showDebt(deps, c.id, 'U-1');
    const { undoId } = await removeDebt(deps, c.id, 'U-1');
    expect(await listDebts(deps, c.id)).toEqual([]);
    await expect(undoRemoval(deps, c.id, 'no-such-id')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await undoRemoval(deps, c.id, undoId)).toEqual({ kind: 'debt', id: before.debt.id });
    expect(await showDebt(deps, c.id, 'U-1')).toEqual(before);
    await expect(undoRemoval(deps, c.id, undoId)).rejects.toMatchObject({ code: 'conflict' });
    const actions = (await createEventRepository(getDb()).list(c.id)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['debt.remove', 'undo']);
  });

  it('summarizes: totals per lender, overdue days, contract APR within and above the line', async () => {
    const c = await makeCase(getDb());
    const deps = makeDeps(getDb());
    // 23.9 % nominal, 等额本息, licensed consumer-finance lender: under the 24 % line
    await addDebt(deps, c.id, {
      lender: '甲消费金融',
      lenderType: 'consumer-finance',
      contractNumber: 'S-24',
      contractDate: '2024-01-05',
      principal: '12000',
      rate: '年化23.9%',
      scheduleMethod: '等额本息',
      termMonths: '12',
    });
    // 36 % small-loan: above the 24 % line
    await addDebt(deps, c.id, {
      lender: '乙小贷',
      lenderType: 'small-loan',
      contractNumber: 'S-36',
      contractDate: '2024-01-05',
      principal: '6000',
      rate: '年化36%',
      termMonths: '6',
      overdue: '1000',
      overdueSince: '2024-05-05',
      balance: '3000',
    });
    const s = await summarizeCase(deps, c.id, '2024-06-04' as IsoDate);
    const byNo = Object.fromEntries(s.debts.map((d) => [d.contractNumber, d]));
    expect(byNo['S-24']).toMatchObject({ aprBasis: 'contract-rate', verdict: 'within' });
    expect(byNo['S-24']!.nominalApr).toBeCloseTo(0.239, 4);
    expect(byNo['S-36']).toMatchObject({
      aprBasis: 'contract-rate',
      verdict: 'exceeded',
      overdueDays: 30,
    });
    expect(byNo['S-36']!.nominalApr).toBeCloseTo(0.36, 4);
    expect(s.totals).toMatchObject({
      debts: 2,
      principal: 1_800_000,
      overdue: 100_000,
      overdueDebts: 1,
      aboveLegalLine: 1,
      balance: 300_000,
      debtsWithoutBalance: 1,
    });
    expect(s.lenders.map((l) => [l.name, l.debts, l.principal])).toEqual(
      [
        ['乙小贷', 1, 600_000],
        ['甲消费金融', 1, 1_200_000],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))) as never,
    );
  });
});
