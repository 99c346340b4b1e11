// Issue 13 item 4 for the contact log and the evidence vault: a contact can be corrected and
// deleted (with undo); evidence can only be withdrawn with a reason. The ledger records each step,
// so `evidence verify` stays intact, and letters leave withdrawn evidence out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, makeDebt, makeDeps, makeLender } from '../../test/factories.js';
import { forEachDialect } from '../../test/dialects.js';
import type { Case, Lender } from '../db/types.js';
import { checkCaseConduct, listContacts, listNegotiationStates, logContact } from './contacts.js';
import { editContact, removeContact } from './contacts-edit.js';
import type { Deps } from './deps.js';
import { loadLetterCase } from './documents/case.js';
import { addEvidence, listEvidence } from './evidence/evidence.js';
import { verifyEvidence } from './evidence/verify.js';
import { exportEvidence } from './evidence/export.js';
import { withdrawEvidence } from './evidence/withdraw.js';
import { undoRemoval } from './undo.js';

/** One entry of a zip, as text. */
async function readEntry(zip: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (e, z) => {
      if (e || !z) return reject(e ?? new Error('no zip'));
      z.on('error', reject);
      z.on('end', () => reject(new Error(`${name} not in the zip`)));
      z.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return z.readEntry();
        z.openReadStream(entry, (e2, s) => {
          if (e2 || !s) return reject(e2 ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            z.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      z.readEntry();
    });
  });
}

forEachDialect('contact edit/remove and evidence withdrawal', (getDb) => {
  let home: string;
  let deps: Deps;
  let kase: Case;
  let lender: Lender;
  let other: Lender;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'xs-ce-home-'));
    deps = makeDeps(getDb(), { home });
    kase = await makeCase(getDb());
    lender = await makeLender(getDb(), kase.id, { name: '某某消费金融有限公司', brand: '某某花' });
    other = await makeLender(getDb(), kase.id, { name: '另一小额贷款公司', brand: '另一借' });
    await makeDebt(getDb(), kase.id, lender.id);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const contactRows = async () =>
    (await getDb().selectFrom('contacts').selectAll().where('case_id', '=', kase.id).execute())
      .length;
  const ledgerRows = async (caseId: string = kase.id) =>
    (
      await getDb()
        .selectFrom('ledger_entries')
        .select('seq')
        .where('case_id', '=', caseId)
        .execute()
    ).length;
  const log = (over: Record<string, unknown> = {}) =>
    logContact(deps, {
      caseId: kase.id,
      at: '2026-11-20 14:00',
      lender: lender.id,
      channel: 'phone',
      direction: 'inbound',
      notes: '催收员态度一般',
      ...over,
    });

  describe('editContact', () => {
    it('changes the record, re-derives its conduct flags, and verify stays intact', async () => {
      const r = await log();
      expect((await checkCaseConduct(deps, kase.id)).map((f) => f.contactIds)).not.toContainEqual([
        r.contact.id,
      ]);
      // 23:30 Beijing is outside the permitted hours: the flag follows the corrected time
      const e = await editContact(deps, kase.id, r.contact.id, {
        at: '2026-11-20 23:30',
        agentName: '王某',
        thirdParty: 'family:母亲',
      });
      expect(e.contact).toMatchObject({ id: r.contact.id, agentName: '王某', channel: 'phone' });
      expect(e.entry.kind).toBe('contact-edited');
      expect(e.flags.length).toBeGreaterThan(0);
      const flagged = (await checkCaseConduct(deps, kase.id)).filter((f) =>
        f.contactIds.includes(r.contact.id),
      );
      expect(flagged.length).toBeGreaterThan(0);
      expect((await listContacts(deps, kase.id)).find((c) => c.id === r.contact.id)).toMatchObject({
        agentName: '王某',
        notes: '催收员态度一般',
        thirdParty: { relation: 'family' },
      });
      const v = await verifyEvidence(deps, kase.id);
      expect(v.problems).toEqual([]);
      // clearing an optional field with null
      const cleared = await editContact(deps, kase.id, r.contact.id, { agentName: null });
      expect(cleared.contact.agentName).toBeNull();
    });

    it.each([
      ['a future time', { at: '2026-11-30 10:00' }, 'invalid-date', 'at'],
      ['an unknown channel', { channel: 'pigeon' }, 'invalid-input', 'channel'],
      ['a lender not in the case', { lender: '没有这家' }, 'not-found', 'lender'],
      ['an impossible deadline', { deadline: '2026-02-30' }, 'invalid-date', 'deadline'],
    ])('refuses %s and writes nothing', async (_n, patch, code, field) => {
      const r = await log();
      const [rows, ledger] = [await contactRows(), await ledgerRows()];
      await expect(editContact(deps, kase.id, r.contact.id, patch)).rejects.toMatchObject({
        code,
        field,
      });
      expect([await contactRows(), await ledgerRows()]).toEqual([rows, ledger]);
      expect((await listContacts(deps, kase.id)).find((c) => c.id === r.contact.id)).toEqual(
        r.contact,
      );
    });

    it('answers not-found for an unknown id', async () => {
      await expect(editContact(deps, kase.id, 'nope', { notes: 'x' })).rejects.toMatchObject({
        code: 'not-found',
      });
    });

    it('keeps the written proof of an agreement: no switch to a spoken channel', async () => {
      const l = await makeLender(getDb(), kase.id, { name: '书面达成小贷', brand: '书面借' });
      await log({ lender: l.id, state: 'proposed', channel: 'app-chat', direction: 'outbound' });
      const r = await log({
        lender: l.id,
        state: 'agreed',
        channel: 'wechat',
        direction: 'outbound',
      });
      await expect(
        editContact(deps, kase.id, r.contact.id, { channel: 'phone' }),
      ).rejects.toMatchObject({ code: 'transition-not-allowed', field: 'channel' });
      const ok = await editContact(deps, kase.id, r.contact.id, { channel: 'sms' });
      expect(ok.contact.channel).toBe('sms');
    });

    it('keeps the lender of a contact that moved its negotiation state', async () => {
      const r = await log({ state: 'proposed', channel: 'app-chat', direction: 'outbound' });
      await expect(
        editContact(deps, kase.id, r.contact.id, { lender: other.id }),
      ).rejects.toMatchObject({ code: 'conflict', field: 'lenderId' });
    });
  });

  describe('removeContact', () => {
    it('deletes with its links kept for undo; undo restores them; verify stays intact', async () => {
      const f = join(home, 'call.m4a');
      writeFileSync(f, 'recording');
      const ev = await addEvidence(deps, { caseId: kase.id, file: f, kind: 'call-recording' });
      const r = await log({
        state: 'proposed',
        channel: 'app-chat',
        direction: 'outbound',
        evidenceIds: [ev.item.id],
      });
      const { undoId, contact } = await removeContact(deps, kase.id, r.contact.id);
      expect(contact.id).toBe(r.contact.id);
      expect((await listContacts(deps, kase.id)).map((c) => c.id)).not.toContain(r.contact.id);
      const item = (await listEvidence(deps, kase.id)).find((e) => e.id === ev.item.id)!;
      expect(item.contactId).toBeNull();
      const state = (await listNegotiationStates(deps, kase.id)).find(
        (s) => s.lender.id === lender.id,
      )!;
      expect(state.contactId).toBeNull();
      expect((await verifyEvidence(deps, kase.id)).problems).toEqual([]);

      expect(await undoRemoval(deps, kase.id, undoId)).toEqual({
        kind: 'contact',
        id: r.contact.id,
      });
      expect((await listContacts(deps, kase.id)).find((c) => c.id === r.contact.id)).toEqual(
        r.contact,
      );
      expect((await listEvidence(deps, kase.id)).find((e) => e.id === ev.item.id)!.contactId).toBe(
        r.contact.id,
      );
      expect(
        (await listNegotiationStates(deps, kase.id)).find((s) => s.lender.id === lender.id)!
          .contactId,
      ).toBe(r.contact.id);
      expect((await verifyEvidence(deps, kase.id)).problems).toEqual([]);
    });

    it('answers not-found for an unknown id and writes nothing', async () => {
      const ledger = await ledgerRows();
      await expect(removeContact(deps, kase.id, 'nope')).rejects.toMatchObject({
        code: 'not-found',
      });
      expect(await ledgerRows()).toBe(ledger);
    });

    it('verify still catches a contact deleted behind the product’s back', async () => {
      const r = await log();
      await getDb().deleteFrom('contacts').where('id', '=', r.contact.id).execute();
      const v = await verifyEvidence(deps, kase.id);
      expect(v.problems.map((p) => [p.code, p.id])).toContainEqual([
        'contact-row-missing',
        r.contact.id,
      ]);
    });
  });

  describe('withdrawEvidence', () => {
    let h2: string;
    let d2: Deps;
    let c2: Case;
    let l2: Lender;
    beforeAll(async () => {
      h2 = mkdtempSync(join(tmpdir(), 'xs-wd-home-'));
      d2 = makeDeps(getDb(), { home: h2 });
      c2 = await makeCase(getDb(), '撤回测试');
      l2 = await makeLender(getDb(), c2.id, { name: '撤回测试消费金融', brand: '撤回花' });
      await makeDebt(getDb(), c2.id, l2.id);
    });
    afterAll(() => rmSync(h2, { recursive: true, force: true }));

    const add = async (name: string) => {
      const f = join(h2, name);
      writeFileSync(f, `bytes of ${name}`);
      return (
        await addEvidence(d2, {
          caseId: c2.id,
          file: f,
          kind: 'screenshot',
          lender: l2.id,
          note: name,
        })
      ).item;
    };

    it('keeps the item, marks it with time and reason, records it in the ledger; twice is a conflict', async () => {
      const keep = await add('keep.png');
      const wrong = await add('wrong.png');
      const r = await withdrawEvidence(d2, c2.id, wrong.id, '  传错了文件  ');
      expect(r.entry).toMatchObject({ kind: 'evidence-withdrawn' });
      expect(r.item).toMatchObject({ withdrawReason: '传错了文件' });
      const listed = await listEvidence(d2, c2.id);
      expect(listed.map((e) => e.id)).toEqual([keep.id, wrong.id]);
      expect(listed[1]).toMatchObject({
        withdrawnAt: r.item.withdrawnAt,
        withdrawReason: '传错了文件',
      });
      expect(listed[0]).toMatchObject({ withdrawnAt: null });
      expect((await verifyEvidence(d2, c2.id)).problems).toEqual([]);

      await expect(withdrawEvidence(d2, c2.id, wrong.id, '再撤一次')).rejects.toMatchObject({
        code: 'conflict',
      });

      // letters offer only standing evidence as exhibits
      const letter = await loadLetterCase(d2, { caseId: c2.id, lender: l2.id });
      const exhibits = (letter as { exhibits?: { source: string }[] }).exhibits ?? [];
      expect(exhibits.map((x) => x.source)).toEqual([`evidence:${keep.id}`]);

      // the bundle lists it as withdrawn, with the reason
      const out = join(h2, 'bundle.zip');
      await exportEvidence(d2, { caseId: c2.id, out });
      const manifest = JSON.parse(await readEntry(out, 'manifest.json')) as {
        items: { id: string; withdrawReason: string | null }[];
      };
      expect(manifest.items.map((i) => [i.id, i.withdrawReason])).toEqual([
        [keep.id, null],
        [wrong.id, '传错了文件'],
      ]);
      const html = await readEntry(out, 'index.html');
      expect(html).toContain('已撤回');
      expect(html).toContain('传错了文件');
    });

    it.each([
      ['an empty reason', 'id-of-keep', '   ', 'invalid-input', 'reason'],
      ['a reason over 500 characters', 'id-of-keep', '很'.repeat(501), 'invalid-input', 'reason'],
      ['an unknown item', 'nope', '原因', 'not-found', 'id'],
    ])('refuses %s and writes nothing', async (_n, id, reason, code, field) => {
      const item = await add(`bad-${code}-${reason.length}.png`);
      const before = await ledgerRows(c2.id);
      const target = id === 'id-of-keep' ? item.id : id;
      await expect(withdrawEvidence(d2, c2.id, target, reason)).rejects.toMatchObject({
        code,
        field,
      });
      expect(await ledgerRows(c2.id)).toBe(before);
      expect((await listEvidence(d2, c2.id)).find((e) => e.id === item.id)!.withdrawnAt).toBeNull();
    });

    it('verify catches a withdrawal written behind the product’s back', async () => {
      const item = await add('sneaky.png');
      await getDb()
        .updateTable('evidence_items')
        .set({ withdrawn_at: '2026-11-28T00:00:00.000Z', withdraw_reason: '悄悄改' })
        .where('id', '=', item.id)
        .execute();
      const v = await verifyEvidence(d2, c2.id);
      expect(v.problems.map((p) => [p.code, p.id])).toContainEqual([
        'evidence-row-changed',
        item.id,
      ]);
    });
  });
});
