import { describe, expect, it } from 'vitest';
import { cents } from '../core/money/index.js';
import type { IsoDate } from '../core/dates/index.js';
import { plainText } from '../documents/index.js';
import { forEachDialect } from '../../test/dialects.js';
import {
  FIXED_NOW,
  makeCase,
  makeDebt,
  makeDeps,
  makeLender,
  nextId,
} from '../../test/factories.js';
import { loadLetterCase } from './documents/case.js';
import { renderLetter } from './documents/documents.js';
import {
  listEscalations,
  recordEscalation,
  removeEscalation,
  setEscalationStatus,
} from './escalations.js';
import { undoRemoval } from './undo.js';
import { createContactRepository } from '../db/repositories/contacts-repository.js';

forEachDialect('letters and escalations from the store', (getDb) => {
  async function seed() {
    const db = getDb();
    const kase = await makeCase(db);
    const lender = await makeLender(db, kase.id, {
      name: '长江消费金融股份有限公司',
      brand: '长江花',
      lenderType: 'consumer-finance',
    });
    await makeDebt(db, kase.id, lender.id, {
      contractNumber: `CJ-${nextId()}`,
      principal: cents(1_000_000),
      balance: cents(1_085_000),
      balanceOn: '2026-11-01' as IsoDate,
      overdueSinceOn: '2026-10-01' as IsoDate,
    });
    await db
      .insertInto('profiles')
      .values({
        case_id: kase.id,
        full_name: '陈静',
        phone: '137****1357',
        hardship_cause: 'unemployed',
        hardship_since_on: '2026-06-30',
        notes: '公司裁员',
        updated_at: FIXED_NOW,
      })
      .execute();
    const planId = nextId('plan');
    await db
      .insertInto('plans')
      .values({
        id: planId,
        case_id: kase.id,
        budget_id: null,
        strategy: 'pro-rata-balance',
        capacity_cents: 100_000,
        start_on: '2026-12-15',
        note: null,
        created_at: FIXED_NOW,
      })
      .execute();
    await db
      .insertInto('plan_proposals')
      .values({
        id: nextId('prop'),
        case_id: kase.id,
        plan_id: planId,
        lender_id: lender.id,
        debt_id: null,
        monthly_cents: 45_208,
        term_months: 24,
        concessions_json: JSON.stringify(['waive-penalty', 'bogus']),
        start_on: '2026-12-15',
        end_on: '2028-11-15',
        total_cents: 1_085_000,
        saving_vs_contract_cents: null,
        saving_vs_nothing_cents: null,
        // 23 × 452.08 then 452.16: the 10,850.00 the proposal totals
        schedule_json: JSON.stringify(
          Array.from({ length: 24 }, (_, i) => ({
            dueOn: `${2026 + Math.floor((11 + i) / 12)}-${String(((11 + i) % 12) + 1).padStart(2, '0')}-15`,
            amountCents: i === 23 ? 45_216 : 45_208,
          })),
        ),
      })
      .execute();
    return { deps: makeDeps(db), kase, lender };
  }

  it('assembles the case for a lender and renders the request letter with the stored plan', async () => {
    const { deps, kase } = await seed();
    const c = await loadLetterCase(deps, { caseId: kase.id, lender: '长江花' });
    expect(c.asOf).toBe('2026-11-29');
    expect(c.borrower.name).toBe('陈静');
    expect(c.debts[0]).toMatchObject({ outstanding: 1_085_000, overdueDays: 59 });
    expect(c.plan).toMatchObject({
      monthlyPayment: 45_208,
      installments: 24,
      lastPayment: 45_216,
      concessions: ['waive-penalty'],
    });
    expect(c.hardship?.cause).toBe('unemployment');
    const r = await renderLetter(c, { kind: 'request', format: 'md', lang: 'zh' });
    const t = plainText(r.doc);
    expect(t).toContain('每期还款金额 | ¥452.08');
    expect(t).toContain('末期还款金额 | ¥452.16');
  });

  it('records a credit dispute with a 20-day chase date and lists it with days left', async () => {
    const { deps, kase, lender } = await seed();
    const r = await recordEscalation(deps, {
      caseId: kase.id,
      lender: lender.name,
      channel: 'credit-dispute',
      sentOn: '2026-11-20',
      reference: 'ZX-001',
      dispute: {
        institution: '某某银行股份有限公司',
        account: '尾号1234',
        wrong: '2026年9月还款状态“逾期”',
        correct: '2026年9月还款状态“正常”',
      },
      letter: { format: 'docx', lang: 'zh' },
    });
    expect(r.escalation).toMatchObject({
      channel: 'credit-dispute',
      sentOn: '2026-11-20',
      chaseOn: '2026-12-10',
      status: 'sent',
    });
    // a 异议申请 under 征信业管理条例 第25条, not a harassment complaint
    expect(r.letter?.doc.title).toBe('个人征信异议申请书');
    const letterText = plainText(r.letter!.doc);
    expect(letterText).toContain('第25条');
    expect(letterText).toContain('尾号1234');
    expect(letterText).not.toContain('停止');
    expect(r.escalation.documentId).not.toBeNull();
    const doc = await getDb()
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', r.escalation.documentId!)
      .executeTakeFirst();
    expect(doc?.sha256).toBe(r.sha256);
    const state = await getDb()
      .selectFrom('negotiation_states')
      .selectAll()
      .where('lender_id', '=', lender.id)
      .executeTakeFirst();
    expect(state?.state).toBe('escalated');

    await recordEscalation(deps, {
      caseId: kase.id,
      lender: lender.id,
      channel: 'pboc-complaint',
      letter: null,
    });
    const list = await listEscalations(deps, { caseId: kase.id });
    expect(list.map((e) => [e.channel, e.chaseOn, e.daysLeft])).toEqual([
      ['credit-dispute', '2026-12-10', 11],
      ['pboc-complaint', '2026-12-29', 30],
    ]);
    await setEscalationStatus(deps, { caseId: kase.id, id: r.escalation.id, status: 'resolved' });
    const after = await listEscalations(deps, { caseId: kase.id });
    expect(after.find((e) => e.id === r.escalation.id)).toMatchObject({
      status: 'resolved',
      isOpen: false,
      daysLeft: null,
    });
  });

  it('refuses a credit dispute with nothing disputed, and a police report with no incident, writing nothing', async () => {
    const { deps, kase, lender } = await seed();
    const before = await getDb().selectFrom('escalations').selectAll().execute();
    await expect(
      recordEscalation(deps, {
        caseId: kase.id,
        lender: lender.id,
        channel: 'credit-dispute',
        letter: { format: 'md', lang: 'zh' },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'dispute-wrong' });
    await expect(
      recordEscalation(deps, {
        caseId: kase.id,
        lender: lender.id,
        channel: 'police-110',
        letter: null,
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'incident' });
    expect(await getDb().selectFrom('escalations').selectAll().execute()).toHaveLength(
      before.length,
    );
  });

  it('refuses an unknown channel, a future send date and an unknown status, writing nothing', async () => {
    const { deps, kase, lender } = await seed();
    await expect(
      recordEscalation(deps, {
        caseId: kase.id,
        lender: lender.id,
        channel: '12345',
        letter: null,
      }),
    ).rejects.toMatchObject({ field: 'channel' });
    await expect(
      recordEscalation(deps, {
        caseId: kase.id,
        lender: lender.id,
        channel: 'nifa',
        sentOn: '2027-01-01',
        letter: null,
      }),
    ).rejects.toMatchObject({ code: 'invalid-date', field: 'sent-on' });
    await expect(
      recordEscalation(deps, { caseId: kase.id, lender: '不存在', channel: 'nifa', letter: null }),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await listEscalations(deps, { caseId: kase.id })).toEqual([]);
    await expect(
      setEscalationStatus(deps, { caseId: kase.id, id: 'x', status: 'won' }),
    ).rejects.toMatchObject({ field: 'status' });
  });

  it('corrects the sent date (the follow-up date moves with it), the reference and notes', async () => {
    const { deps, kase, lender } = await seed();
    const r = await recordEscalation(deps, {
      caseId: kase.id,
      lender: lender.id,
      channel: 'credit-dispute',
      dispute: { wrong: '2026年9月 逾期' },
      sentOn: '2026-11-20',
      letter: null,
    });
    const e = await setEscalationStatus(deps, {
      caseId: kase.id,
      id: r.escalation.id,
      sentOn: '2026-11-10',
      reference: ' RM-7 ',
      notes: '电话确认已受理',
    });
    expect(e).toMatchObject({
      sentOn: '2026-11-10',
      chaseOn: '2026-11-30',
      reference: 'RM-7',
      notes: '电话确认已受理',
      status: 'sent',
      revision: 1,
    });
    const own = await setEscalationStatus(deps, {
      caseId: kase.id,
      id: r.escalation.id,
      chaseOn: '2026-12-01',
    });
    expect([own.sentOn, own.chaseOn]).toEqual(['2026-11-10', '2026-12-01']);
    await expect(
      setEscalationStatus(deps, { caseId: kase.id, id: r.escalation.id, sentOn: '2027-01-01' }),
    ).rejects.toMatchObject({ code: 'invalid-date', field: 'sent-on' });
    await expect(
      setEscalationStatus(deps, { caseId: kase.id, id: r.escalation.id, sentOn: '昨天' }),
    ).rejects.toMatchObject({ field: 'sent-on' });
    const after = await listEscalations(deps, { caseId: kase.id });
    expect(after[0]).toMatchObject({ sentOn: '2026-11-10', chaseOn: '2026-12-01' });
  });

  it('removes an escalation with an undo id; undo brings the same row back once', async () => {
    const { deps, kase, lender } = await seed();
    const r = await recordEscalation(deps, {
      caseId: kase.id,
      lender: lender.id,
      channel: 'credit-dispute',
      dispute: { wrong: '2026年9月 逾期' },
      sentOn: '2026-11-20',
      reference: 'RM-1',
      letter: null,
    });
    const before = await listEscalations(deps, { caseId: kase.id });
    const { escalation, undoId } = await removeEscalation(deps, {
      caseId: kase.id,
      id: r.escalation.id,
    });
    expect(escalation.id).toBe(r.escalation.id);
    expect(await listEscalations(deps, { caseId: kase.id })).toEqual([]);
    await expect(
      removeEscalation(deps, { caseId: kase.id, id: r.escalation.id }),
    ).rejects.toMatchObject({ code: 'not-found', field: 'id' });
    expect(await undoRemoval(deps, kase.id, undoId)).toEqual({
      kind: 'escalation',
      id: r.escalation.id,
    });
    expect(await listEscalations(deps, { caseId: kase.id })).toEqual(before);
    await expect(undoRemoval(deps, kase.id, undoId)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('removing the last escalation gives the lender back its earlier state; undo escalates again', async () => {
    const { deps, kase, lender } = await seed();
    const states = createContactRepository(deps.db);
    const stateOf = async () => (await states.state(kase.id, lender.id))?.state;
    // the lender had refused before the borrower complained
    await states.setState(kase.id, {
      lenderId: lender.id,
      state: 'refused',
      contactId: null,
      updatedAt: '2026-11-10T02:00:00.000Z' as never,
    });
    const record = (sentOn: string) =>
      recordEscalation(deps, {
        caseId: kase.id,
        lender: lender.id,
        channel: 'credit-dispute',
        dispute: { wrong: '2026年9月 逾期' },
        sentOn,
        letter: null,
      });
    const first = await record('2026-11-20');
    const second = await record('2026-11-22');
    expect(await stateOf()).toBe('escalated');
    // one complaint is still open: the lender stays escalated
    await removeEscalation(deps, { caseId: kase.id, id: second.escalation.id });
    expect(await stateOf()).toBe('escalated');
    const { undoId } = await removeEscalation(deps, { caseId: kase.id, id: first.escalation.id });
    expect(await stateOf()).toBe('refused');
    await undoRemoval(deps, kase.id, undoId);
    expect(await stateOf()).toBe('escalated');
  });
});

describe('escalation channels', () => {
  it('has a follow-up reminder for every channel', async () => {
    const { CHANNELS, CHANNEL_IDS } = await import('../documents/index.js');
    for (const id of CHANNEL_IDS) expect(CHANNELS[id].followUpDays).toBeGreaterThan(0);
  });
});
