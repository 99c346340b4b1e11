import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, makeCase, makeDeps, makeLender } from '../../../test/factories.js';
import { forEachDialect } from '../../../test/dialects.js';
import type { Instant } from '../../core/dates/index.js';
import type { Case, Lender } from '../../db/types.js';
import { createVaultStore } from '../../vault/store.js';
import { checkCaseConduct, listNegotiationStates, logContact } from '../contacts.js';
import type { Deps } from '../deps.js';
import { addEvidence, listEvidence } from './evidence.js';
import { verifyEvidence } from './verify.js';

forEachDialect('evidence and contacts use cases', (getDb) => {
  let home: string;
  let deps: Deps;
  let kase: Case;
  let lender: Lender;
  let otherCaseLender: Lender;
  let files: string;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'xs-ev-home-'));
    files = mkdtempSync(join(tmpdir(), 'xs-ev-files-'));
    deps = makeDeps(getDb(), { home });
    kase = await makeCase(getDb());
    lender = await makeLender(getDb(), kase.id, { name: '某某消费金融有限公司', brand: '某某花' });
    const other = await makeCase(getDb(), '另一案件');
    otherCaseLender = await makeLender(getDb(), other.id, { name: '别的银行', brand: null });
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  const file = (name: string, content: string | Buffer) => {
    const p = join(files, name);
    writeFileSync(p, content);
    return p;
  };
  const counts = async () => ({
    items: (
      await getDb()
        .selectFrom('evidence_items')
        .select('id')
        .where('case_id', '=', kase.id)
        .execute()
    ).length,
    ledger: (
      await getDb()
        .selectFrom('ledger_entries')
        .select('seq')
        .where('case_id', '=', kase.id)
        .execute()
    ).length,
    objects: (await createVaultStore(home).listObjects()).length,
  });

  describe('bad input stores nothing', () => {
    it.each([
      ['a file that does not exist', { file: '/nonexistent/录音.mp3' }, 'file-not-found', 'file'],
      ['an unknown kind', { kind: 'selfie' }, 'invalid-input', 'kind'],
      ['a lender not in the case', { lender: '不存在的机构' }, 'not-found', 'lender'],
      ["another case's lender", { lenderId: true }, 'not-found', 'lender'],
      ['a capture date in the future', { capturedAt: '2026-11-30' }, 'invalid-date', 'captured-at'],
      [
        'a capture time in the future',
        { capturedAt: '2026-11-29 16:01' },
        'invalid-date',
        'captured-at',
      ],
      ['an impossible date', { capturedAt: '2026-02-30' }, 'invalid-date', 'captured-at'],
      ['a contact not in the case', { contactId: 'nope' }, 'not-found', 'contact'],
      // a 0-byte "recording" is a failed copy or a cloud placeholder, never evidence
      ['an empty file', { file: 'EMPTY' }, 'invalid-input', 'file'],
    ])('%s', async (_name, over, code, field) => {
      const before = await counts();
      const o = over as Record<string, unknown>;
      await expect(
        addEvidence(deps, {
          caseId: kase.id,
          file:
            o['file'] === 'EMPTY'
              ? file('empty.m4a', '')
              : ((o['file'] as string) ?? file('ok.txt', 'ok')),
          kind: (o['kind'] as string) ?? 'screenshot',
          lender: o['lenderId'] ? otherCaseLender.id : ((o['lender'] as string) ?? lender.id),
          capturedAt: (o['capturedAt'] as string) ?? null,
          contactId: (o['contactId'] as string) ?? null,
        }),
      ).rejects.toMatchObject({ code, field });
      expect(await counts()).toEqual(before);
    });

    // root reads everything, so chmod cannot make a file unreadable in CI: skipped visibly there,
    // and the read failure itself is simulated below for every user
    it.skipIf(process.getuid?.() === 0)('an unreadable file (chmod 000)', async () => {
      const before = await counts();
      const p = file('secret.png', 'x');
      chmodSync(p, 0o000);
      await expect(
        addEvidence(deps, { caseId: kase.id, file: p, kind: 'screenshot' }),
      ).rejects.toMatchObject({ code: 'file-not-found' });
      expect(await counts()).toEqual(before);
    });

    it('a file whose read fails with EACCES mid-ingest (as for any user, root included)', async () => {
      const before = await counts();
      const p = file('revoked.png', 'y'.repeat(100_000));
      const real = createVaultStore(home, { chunkBytes: 8192 });
      let reads = 0;
      const revoked = {
        ...real,
        // the bytes come from the file until the permission is revoked after the first chunk
        put: () =>
          real.put(
            Readable.from(
              (async function* () {
                yield Buffer.from('y'.repeat(8192));
                reads += 1;
                throw Object.assign(new Error(`EACCES: permission denied, read '${p}'`), {
                  code: 'EACCES',
                });
              })(),
            ),
          ),
      };
      const err = await addEvidence(
        { ...deps, vault: revoked },
        { caseId: kase.id, file: p, kind: 'screenshot' },
      ).catch((e: unknown) => e);
      expect(reads).toBe(1);
      expect(err).toMatchObject({ code: 'file-not-found', field: 'file' });
      expect((err as { messageZh: string }).messageZh).toContain('EACCES');
      expect(await counts()).toEqual(before);
      expect(readdirSync(join(home, 'vault', 'tmp'))).toEqual([]);
    });

    it('a full disk (ENOSPC) mid-ingest leaves no object, no row, no ledger entry', async () => {
      const before = await counts();
      const failing = createVaultStore(home, {
        chunkBytes: 8192,
        openTempSink: async (p) => {
          writeFileSync(p, '');
          let n = 0;
          return {
            write: async (c: Buffer) => {
              n += c.length;
              if (n > 20_000)
                throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
                  code: 'ENOSPC',
                });
            },
            sync: async () => undefined,
            close: async () => undefined,
          };
        },
      });
      await expect(
        addEvidence(
          { ...deps, vault: failing },
          {
            caseId: kase.id,
            file: file('big.mp3', Buffer.alloc(100_000, 3)),
            kind: 'call-recording',
            lender: lender.id,
          },
        ),
      ).rejects.toMatchObject({ code: 'storage-full' });
      expect(await counts()).toEqual(before);
    });
  });

  describe('adding, listing, verifying', () => {
    it('adds a recording with its metadata and a ledger entry', async () => {
      const r = await addEvidence(deps, {
        caseId: kase.id,
        file: file('2026-11-20 催收录音.m4a', 'audio bytes'),
        kind: 'call-recording',
        lender: '某某花',
        capturedAt: '2026-11-20 23:05',
        note: '夜间来电',
      });
      expect(r.item).toMatchObject({
        kind: 'call-recording',
        lenderId: lender.id,
        capturedAt: '2026-11-20T15:05:00.000Z',
        addedAt: FIXED_NOW,
        originalName: '2026-11-20 催收录音.m4a',
        mediaType: 'audio/mp4',
        sizeBytes: 11,
        description: '夜间来电',
      });
      expect(r.isNewObject).toBe(true);
      expect(r.entry).toMatchObject({ kind: 'evidence-added', objectHash: r.item.sha256 });
    });

    it('stores identical bytes once but records both items', async () => {
      const a = await addEvidence(deps, {
        caseId: kase.id,
        file: file('a.png', 'same screenshot'),
        kind: 'screenshot',
      });
      const b = await addEvidence(deps, {
        caseId: kase.id,
        file: file('b.png', 'same screenshot'),
        kind: 'screenshot',
      });
      expect(a.item.sha256).toBe(b.item.sha256);
      expect(b.isNewObject).toBe(false);
      expect(b.entry.seq).toBe(a.entry.seq + 1);
      expect((await listEvidence(deps, kase.id)).length).toBeGreaterThanOrEqual(3);
    });

    it('verify says intact with the count and head hash', async () => {
      const r = await verifyEvidence(deps, kase.id);
      expect(r.problems).toEqual([]);
      expect(r.intact).toBe(true);
      expect(r.entries).toBe(3);
      expect(r.anchor).toEqual({ seq: 3, hash: r.headHash });
      const written = await verifyEvidence(deps, kase.id, { expectHead: r.headHash! });
      expect(written.intact).toBe(true);
    });
  });

  describe('contacts and negotiation state', () => {
    it('logs a night call, links evidence, flags it', async () => {
      const ev = (await listEvidence(deps, kase.id))[0]!;
      const r = await logContact(deps, {
        caseId: kase.id,
        at: '2026-11-20 23:05',
        lender: lender.id,
        channel: 'phone',
        direction: 'inbound',
        agentName: '张三',
        agentNumber: 'A1024',
        counterpart: '0571-12345678',
        asked: '三天内还清',
        notes: '说要通知我单位',
        thirdParty: null,
        evidenceIds: [ev.id],
      });
      expect(r.stateBefore).toBe('not-contacted');
      expect(r.flags.map((f) => f.rule)).toEqual(['night-contact', 'threat']);
      expect((await listEvidence(deps, kase.id)).find((e) => e.id === ev.id)!.contactId).toBe(
        r.contact.id,
      );
    });

    it('moves state only through the log and needs writing for agreed', async () => {
      await logContact(deps, {
        caseId: kase.id,
        at: '2026-11-21 10:00',
        lender: lender.id,
        channel: 'phone',
        direction: 'outbound',
        state: 'proposed',
        offered: '24期，每期800元',
      });
      await expect(
        logContact(deps, {
          caseId: kase.id,
          at: '2026-11-22 10:00',
          lender: lender.id,
          channel: 'phone',
          direction: 'inbound',
          state: 'agreed',
        }),
      ).rejects.toMatchObject({ code: 'transition-not-allowed', field: 'state' });
      const r = await logContact(deps, {
        caseId: kase.id,
        at: '2026-11-22 10:00',
        lender: lender.id,
        channel: 'email',
        direction: 'inbound',
        state: 'agreed',
      });
      expect([r.stateBefore, r.stateAfter]).toEqual(['proposed', 'agreed']);
      await expect(
        logContact(deps, {
          caseId: kase.id,
          at: '2026-11-23 10:00',
          lender: lender.id,
          channel: 'phone',
          direction: 'inbound',
          state: 'refused',
        }),
      ).rejects.toMatchObject({ code: 'transition-not-allowed' });
      const states = await listNegotiationStates(deps, kase.id);
      expect(states.find((s) => s.lender.id === lender.id)!.state).toBe('agreed');
    });

    it('rejects bad contact input and stores nothing', async () => {
      const before = (await getDb().selectFrom('contacts').select('id').execute()).length;
      for (const bad of [
        { channel: 'pigeon' },
        { direction: 'sideways' },
        { at: '2026-12-01 10:00' },
        { at: '昨天' },
        { lender: '没有这家' },
        { tags: ['rude'] },
        { thirdParty: 'neighbour' },
        { deadline: '2026-13-01' },
      ]) {
        await expect(
          logContact(deps, {
            caseId: kase.id,
            at: '2026-11-20 10:00',
            lender: lender.id,
            channel: 'phone',
            direction: 'inbound',
            ...bad,
          }),
        ).rejects.toHaveProperty('code');
      }
      expect((await getDb().selectFrom('contacts').select('id').execute()).length).toBe(before);
    });

    it('conduct check over the case', async () => {
      const flags = await checkCaseConduct(deps, kase.id);
      expect(flags.map((f) => f.rule)).toContain('night-contact');
      expect(flags[0]!.sources.length).toBeGreaterThan(0);
    });

    it('verify still intact after contacts and a link', async () => {
      const r = await verifyEvidence(deps, kase.id);
      expect(r.problems).toEqual([]);
    });
  });

  describe('tampering behind the product’s back', () => {
    let snapshot: Awaited<ReturnType<typeof takeSnapshot>>;
    async function takeSnapshot() {
      return getDb()
        .selectFrom('ledger_entries')
        .selectAll()
        .where('case_id', '=', kase.id)
        .orderBy('seq')
        .execute();
    }
    async function restore() {
      await getDb().deleteFrom('ledger_entries').where('case_id', '=', kase.id).execute();
      for (const r of snapshot) await getDb().insertInto('ledger_entries').values(r).execute();
    }
    beforeAll(async () => {
      snapshot = await takeSnapshot();
    });
    const problems = async () => (await verifyEvidence(deps, kase.id)).problems;

    it('a flipped byte in an object', async () => {
      const item = (await listEvidence(deps, kase.id))[0]!;
      const p = createVaultStore(home).objectPath(item.sha256);
      const orig = readFileSync(p);
      chmodSync(p, 0o644);
      const b = Buffer.from(orig);
      b[0] = b[0]! ^ 0x01;
      writeFileSync(p, b);
      const found = await problems();
      expect(found).toMatchObject([{ code: 'object-changed', hash: item.sha256 }]);
      // the borrower recognises a file by its name, not its hash
      expect(found[0]!.messageZh).toContain(item.originalName);
      expect(found[0]!.messageEn).toContain(item.originalName);
      writeFileSync(p, orig);
      expect(await problems()).toEqual([]);
    });

    it('a deleted object', async () => {
      const item = (await listEvidence(deps, kase.id))[0]!;
      const p = createVaultStore(home).objectPath(item.sha256);
      const orig = readFileSync(p);
      unlinkSync(p);
      const found = await problems();
      expect(found).toMatchObject([{ code: 'object-missing', hash: item.sha256 }]);
      expect(found[0]!.messageZh).toContain(item.originalName);
      writeFileSync(p, orig);
      expect(await problems()).toEqual([]);
    });

    it('an edited ledger row', async () => {
      await getDb()
        .updateTable('ledger_entries')
        .set({ meta_json: snapshot[1]!.meta_json.replace('screenshot', 'contract') })
        .where('case_id', '=', kase.id)
        .where('seq', '=', 2)
        .execute();
      const ps = await problems();
      expect(ps[0]).toMatchObject({
        code: 'ledger-broken',
        seq: 2,
        chain: { problem: 'entry-edited' },
      });
      await restore();
    });

    it('reordered ledger rows', async () => {
      await getDb()
        .updateTable('ledger_entries')
        .set({ seq: 100 })
        .where('case_id', '=', kase.id)
        .where('seq', '=', 2)
        .execute();
      await getDb()
        .updateTable('ledger_entries')
        .set({ seq: 2 })
        .where('case_id', '=', kase.id)
        .where('seq', '=', 3)
        .execute();
      await getDb()
        .updateTable('ledger_entries')
        .set({ seq: 3 })
        .where('case_id', '=', kase.id)
        .where('seq', '=', 100)
        .execute();
      const ps = await problems();
      expect(ps[0]).toMatchObject({
        code: 'ledger-broken',
        seq: 2,
        chain: { problem: 'entry-reordered', recordedSeq: 3 },
      });
      await restore();
    });

    it('a deleted ledger row in the middle', async () => {
      await getDb()
        .deleteFrom('ledger_entries')
        .where('case_id', '=', kase.id)
        .where('seq', '=', 2)
        .execute();
      const ps = await problems();
      expect(ps[0]).toMatchObject({
        code: 'ledger-broken',
        seq: 2,
        chain: { problem: 'entry-removed' },
      });
      await restore();
    });

    it('the newest ledger row deleted (caught by the head file)', async () => {
      const last = snapshot.at(-1)!.seq;
      await getDb()
        .deleteFrom('ledger_entries')
        .where('case_id', '=', kase.id)
        .where('seq', '=', last)
        .execute();
      const ps = await problems();
      expect(ps[0]).toMatchObject({
        code: 'ledger-broken',
        chain: { problem: 'entries-truncated' },
      });
      await restore();
      expect(await problems()).toEqual([]);
    });

    it('an edited evidence row and an edited contact row', async () => {
      const item = (await listEvidence(deps, kase.id))[0]!;
      await getDb()
        .updateTable('evidence_items')
        .set({ captured_at: '2026-11-21T01:00:00.000Z' })
        .where('id', '=', item.id)
        .execute();
      const c = await getDb()
        .selectFrom('contacts')
        .selectAll()
        .where('case_id', '=', kase.id)
        .orderBy('occurred_at')
        .executeTakeFirstOrThrow();
      await getDb()
        .updateTable('contacts')
        .set({ offered: '免除全部欠款' })
        .where('id', '=', c.id)
        .execute();
      const ps = await problems();
      expect(ps.map((p) => p.code).sort()).toEqual(['contact-row-changed', 'evidence-row-changed']);
      await getDb()
        .updateTable('evidence_items')
        .set({ captured_at: item.capturedAt })
        .where('id', '=', item.id)
        .execute();
      await getDb()
        .updateTable('contacts')
        .set({ offered: c.offered })
        .where('id', '=', c.id)
        .execute();
      expect(await problems()).toEqual([]);
    });

    it('a row added without a ledger entry', async () => {
      const item = (await listEvidence(deps, kase.id))[0]!;
      await getDb()
        .insertInto('evidence_items')
        .values({
          id: 'forged',
          case_id: kase.id,
          sha256: item.sha256,
          kind: 'signed-agreement',
          lender_id: null,
          contact_id: null,
          captured_at: null,
          added_at: FIXED_NOW as Instant,
          original_name: 'x.pdf',
          media_type: 'application/pdf',
          size_bytes: 1,
          description: null,
        })
        .execute();
      expect(await problems()).toMatchObject([{ code: 'evidence-row-unrecorded', id: 'forged' }]);
      await getDb().deleteFrom('evidence_items').where('id', '=', 'forged').execute();
    });

    it('a head hash written down that the ledger no longer has', async () => {
      const r = await verifyEvidence(deps, kase.id, { expectHead: 'a'.repeat(64) });
      expect(r.problems).toMatchObject([{ code: 'head-not-found' }]);
      // a mistyped hash is a typo, not proof that the ledger was rewritten
      const typo = await verifyEvidence(deps, kase.id, { expectHead: 'deadbeef' });
      expect(typo.problems).toMatchObject([{ code: 'head-not-found' }]);
      expect(typo.problems[0]!.messageZh).toContain('64 位');
      expect(typo.problems[0]!.messageZh).not.toContain('改写');
    });
  });
});
