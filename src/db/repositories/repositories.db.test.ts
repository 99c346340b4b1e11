import { describe, expect, it } from 'vitest';
import { cents } from '../../core/money/index.js';
import type { IsoDate } from '../../core/dates/index.js';
import { forEachDialect } from '../../../test/dialects.js';
import {
  FIXED_NOW,
  debtData,
  makeCase,
  makeDebt,
  makeLender,
  nextId,
} from '../../../test/factories.js';
import { createCaseRepository } from './case-repository.js';
import { createDebtRepository } from './debt-repository.js';
import { createEventRepository } from './event-repository.js';
import { createLenderRepository } from './lender-repository.js';
import type { DebtId } from '../types.js';

forEachDialect('repositories', (getDb) => {
  describe('cases', () => {
    it('inserts and reads back a case with its instant unchanged', async () => {
      const c = await makeCase(getDb(), '张三的案件');
      const back = await createCaseRepository(getDb()).get(c.id);
      expect(back).toEqual(c);
      expect(back?.createdAt).toBe(FIXED_NOW);
    });
  });

  describe('lenders', () => {
    it('round-trips every field, channels as JSON', async () => {
      const c = await makeCase(getDb());
      const l = await makeLender(getDb(), c.id, {
        name: '重庆某某小额贷款有限公司',
        lenderType: 'small-loan',
      });
      expect(await createLenderRepository(getDb()).get(c.id, l.id)).toEqual(l);
      expect(
        (await createLenderRepository(getDb()).findByName(c.id, '测试花')).map((x) => x.id),
      ).toContain(l.id);
    });

    it('rejects a second lender with the same name in a case as a conflict', async () => {
      const c = await makeCase(getDb());
      await makeLender(getDb(), c.id, { name: '同名公司' });
      await expect(makeLender(getDb(), c.id, { name: '同名公司' })).rejects.toMatchObject({
        code: 'conflict',
      });
    });

    it('does not show one case the lenders of another', async () => {
      const a = await makeCase(getDb());
      const b = await makeCase(getDb());
      const l = await makeLender(getDb(), a.id);
      expect(await createLenderRepository(getDb()).get(b.id, l.id)).toBeUndefined();
      expect(await createLenderRepository(getDb()).list(b.id)).toEqual([]);
    });
  });

  describe('debts', () => {
    it('round-trips a debt exactly: money, rates, dates, booleans, nulls', async () => {
      const c = await makeCase(getDb());
      const l = await makeLender(getDb(), c.id);
      const d = await makeDebt(getDb(), c.id, l.id, {
        principal: cents(9_007_199_254_740_991),
        received: null,
        isCreditReported: false,
        overdue: cents(123_45),
        overdueSinceOn: '2024-02-29' as IsoDate,
        status: 'overdue',
      });
      expect(await createDebtRepository(getDb()).get(c.id, d.id)).toEqual(d);
    });

    it('rejects a repeated contract number in a case with conflict, but allows it in another case', async () => {
      const a = await makeCase(getDb());
      const b = await makeCase(getDb());
      const la = await makeLender(getDb(), a.id);
      const lb = await makeLender(getDb(), b.id);
      await makeDebt(getDb(), a.id, la.id, { contractNumber: 'HT-1' });
      await expect(
        makeDebt(getDb(), a.id, la.id, { contractNumber: 'HT-1' }),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(
        makeDebt(getDb(), b.id, lb.id, { contractNumber: 'HT-1' }),
      ).resolves.toBeDefined();
    });

    it('allows many debts without a contract number', async () => {
      const c = await makeCase(getDb());
      const l = await makeLender(getDb(), c.id);
      await makeDebt(getDb(), c.id, l.id, { contractNumber: null });
      await makeDebt(getDb(), c.id, l.id, { contractNumber: null });
      expect(await createDebtRepository(getDb()).count(c.id)).toBe(2);
    });

    it('rejects a debt whose lender does not exist (not-found) and a zero principal (invalid-input)', async () => {
      const c = await makeCase(getDb());
      const l = await makeLender(getDb(), c.id);
      await expect(makeDebt(getDb(), c.id, 'nope' as never)).rejects.toMatchObject({
        code: 'not-found',
      });
      await expect(makeDebt(getDb(), c.id, l.id, { principal: cents(0) })).rejects.toMatchObject({
        code: 'invalid-input',
      });
    });

    it('updates a patch and removes a debt with its fees and payments', async () => {
      const c = await makeCase(getDb());
      const l = await makeLender(getDb(), c.id);
      const d = await makeDebt(getDb(), c.id, l.id);
      const repo = createDebtRepository(getDb());
      await repo.insertFees([
        {
          id: nextId(),
          caseId: c.id,
          debtId: d.id,
          kind: 'guarantee',
          timing: 'upfront',
          amount: cents(300_00),
          chargedOn: '2024-01-05' as IsoDate,
          note: null,
        },
      ]);
      await repo.insertPayments([
        {
          id: nextId(),
          caseId: c.id,
          debtId: d.id,
          paidOn: '2024-02-05' as IsoDate,
          amount: cents(920_00),
          note: '第1期',
          createdAt: FIXED_NOW,
        },
      ]);
      const up = await repo.update(c.id, d.id, {
        status: 'overdue',
        overdue: cents(5_00),
        notes: '催收电话频繁',
      });
      expect(up).toMatchObject({ status: 'overdue', overdue: 500, notes: '催收电话频繁' });
      expect(await repo.get(c.id, d.id)).toEqual(up);
      expect(await repo.listFees(c.id, d.id)).toHaveLength(1);
      expect(await repo.listPayments(c.id, d.id)).toMatchObject([
        { amount: 92_000, paidOn: '2024-02-05' },
      ]);
      expect(await repo.remove(c.id, d.id)).toBe(true);
      expect(await repo.listFees(c.id)).toEqual([]);
      expect(await repo.listPayments(c.id)).toEqual([]);
      expect(await repo.remove(c.id, d.id)).toBe(false);
    });

    it('inserts a batch larger than one statement inside a transaction, or nothing', async () => {
      const c = await makeCase(getDb());
      const l = await makeLender(getDb(), c.id);
      const many = Array.from({ length: 1200 }, (_, i) =>
        debtData(c.id, l.id, { contractNumber: `B-${i}` }),
      );
      await getDb()
        .transaction()
        .execute((trx) => createDebtRepository(trx).insertMany(many));
      expect(await createDebtRepository(getDb()).count(c.id)).toBe(1200);
      const dup = [
        ...Array.from({ length: 700 }, (_, i) =>
          debtData(c.id, l.id, { contractNumber: `C-${i}` }),
        ),
        debtData(c.id, l.id, { contractNumber: 'B-5' }),
      ];
      await expect(
        getDb()
          .transaction()
          .execute((trx) => createDebtRepository(trx).insertMany(dup)),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect(await createDebtRepository(getDb()).count(c.id)).toBe(1200);
    });

    it('lists in the same order on every engine: NULL dates first, then by code point', async () => {
      const c = await makeCase(getDb());
      const a = await makeLender(getDb(), c.id, { name: '招联' });
      const b = await makeLender(getDb(), c.id, { name: 'Zeta' });
      const d1 = await makeDebt(getDb(), c.id, a.id, { contractOn: '2024-03-01' as IsoDate });
      const d2 = await makeDebt(getDb(), c.id, b.id, { contractOn: null });
      const d3 = await makeDebt(getDb(), c.id, a.id, { contractOn: '2023-12-31' as IsoDate });
      expect((await createDebtRepository(getDb()).list(c.id)).map((d) => d.id)).toEqual([
        d2.id,
        d3.id,
        d1.id,
      ]);
      expect((await createLenderRepository(getDb()).list(c.id)).map((l) => l.name)).toEqual([
        'Zeta',
        '招联',
      ]);
    });

    it('stores schedule rows in order', async () => {
      const c = await makeCase(getDb());
      const l = await makeLender(getDb(), c.id);
      const d = await makeDebt(getDb(), c.id, l.id);
      const repo = createDebtRepository(getDb());
      const row = (seq: number) => ({
        id: nextId(),
        caseId: c.id,
        debtId: d.id as DebtId,
        seq,
        dueOn: `2024-0${seq + 1}-05` as IsoDate,
        principal: cents(800_00),
        interest: cents(120_00),
        fee: cents(0),
        total: cents(920_00),
      });
      await repo.replaceScheduleRows(c.id, d.id, [row(2), row(1)]);
      expect((await repo.listScheduleRows(c.id, d.id)).map((r) => r.seq)).toEqual([1, 2]);
    });
  });

  describe('events', () => {
    it('appends and lists in time order', async () => {
      const c = await makeCase(getDb());
      const ev = createEventRepository(getDb());
      await ev.append({
        id: nextId(),
        caseId: c.id,
        at: '2026-01-02T00:00:00.000Z' as never,
        actor: 'cli',
        action: 'b',
      });
      await ev.append({
        id: nextId(),
        caseId: c.id,
        at: '2026-01-01T00:00:00.000Z' as never,
        actor: 'cli',
        action: 'a',
        details: { n: 1 },
      });
      const list = await ev.list(c.id);
      expect(list.map((e) => e.action)).toEqual(['a', 'b']);
      expect(list[0]!.details).toEqual({ n: 1 });
    });
  });
});
