import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeCase, makeDeps, makeLender } from '../../../test/factories.js';
import { forEachDialect } from '../../../test/dialects.js';
import type { Case, Lender } from '../../db/types.js';
import { createVaultStore } from '../../vault/store.js';
import { hashEntry, verifyChain, type LedgerEntry } from '../../vault/chain.js';
import { logContact } from '../contacts.js';
import type { Deps } from '../deps.js';
import { addEvidence, listEvidence } from './evidence.js';
import { exportEvidence, safeName } from './export.js';
import { escapeHtml } from './index-html.js';

/** Extracts every entry with yauzl (no external tool needed). */
async function unzipTo(zip: string, dir: string): Promise<string[]> {
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (e, z) => {
      if (e || !z) return reject(e ?? new Error('no zip'));
      z.on('error', reject);
      z.on('end', () => resolve());
      z.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        z.openReadStream(entry, (e2, s) => {
          if (e2 || !s) return reject(e2 ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            const p = join(dir, entry.fileName);
            mkdirSync(dirname(p), { recursive: true });
            writeFileSync(p, Buffer.concat(chunks));
            z.readEntry();
          });
        });
      });
      z.readEntry();
    });
  });
  return names;
}

const hasSha256sum = spawnSync('sha256sum', ['--version']).status === 0;

forEachDialect('evidence export bundle', (getDb) => {
  let home: string;
  let work: string;
  let deps: Deps;
  let kase: Case;
  let a: Lender;
  let b: Lender;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'xs-exp-home-'));
    work = mkdtempSync(join(tmpdir(), 'xs-exp-work-'));
    deps = makeDeps(getDb(), { home });
    kase = await makeCase(getDb(), '张某 <案件>');
    a = await makeLender(getDb(), kase.id, { name: '甲消费金融', brand: '甲花' });
    b = await makeLender(getDb(), kase.id, { name: '乙银行', brand: null, lenderType: 'bank' });
    const f = (n: string, c: string | Buffer) => {
      const p = join(work, n);
      writeFileSync(p, c);
      return p;
    };
    await addEvidence(deps, {
      caseId: kase.id,
      file: f('录音 1.m4a', Buffer.alloc(200_000, 9)),
      kind: 'call-recording',
      lender: a.id,
      capturedAt: '2026-11-20 23:05',
      note: '<script>alert(1)</script> 夜间来电',
    });
    await addEvidence(deps, {
      caseId: kase.id,
      file: f('shot.png', 'png'),
      kind: 'screenshot',
      lender: b.id,
      capturedAt: '2026-10-01',
    });
    await addEvidence(deps, {
      caseId: kase.id,
      file: f('weird\\name:?.txt', 'hardship'),
      kind: 'hardship-proof',
      capturedAt: '2026-11-01',
    });
    await logContact(deps, {
      caseId: kase.id,
      at: '2026-11-20 23:05',
      lender: a.id,
      channel: 'phone',
      direction: 'inbound',
      notes: '骂我是老赖 & <b>',
    });
    await logContact(deps, {
      caseId: kase.id,
      at: '2026-09-01 10:00',
      lender: b.id,
      channel: 'phone',
      direction: 'outbound',
      offered: '个性化分期 60期',
    });
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('round trip: unzip, sha256sum -c passes, the manifest matches the store', async () => {
    const out = join(work, 'bundle.zip');
    const r = await exportEvidence(deps, { caseId: kase.id, caseTitle: kase.title, out });
    expect(r).toMatchObject({ items: 3, contacts: 2, complete: true, ledgerEntries: 5 });
    const dir = join(work, 'unzipped');
    mkdirSync(dir);
    const names = await unzipTo(out, dir);
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'index.html', 'SHA256SUMS']));
    // every SHA256SUMS line checks (in-process, then with the real tool when present)
    for (const line of readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n')) {
      const [hash, path] = [line.slice(0, 64), line.slice(66)];
      expect(
        createHash('sha256')
          .update(readFileSync(join(dir, path)))
          .digest('hex'),
      ).toBe(hash);
    }
    if (hasSha256sum) {
      const c = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
      expect(c.stdout).not.toContain('FAILED');
      expect(c.status).toBe(0);
    } else console.warn('sha256sum not installed: checked the sums in-process only');

    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      items: {
        sha256: string;
        id: string;
        path: string;
        capturedAt: string | null;
        originalName: string;
      }[];
      ledger: { entries: LedgerEntry[]; headHash: string; complete: boolean };
    };
    const store = await listEvidence(deps, kase.id);
    expect(manifest.items.map((i) => i.id).sort()).toEqual(store.map((s) => s.id).sort());
    for (const i of manifest.items) {
      const s = store.find((x) => x.id === i.id)!;
      expect([i.sha256, i.capturedAt, i.originalName]).toEqual([
        s.sha256,
        s.capturedAt,
        s.originalName,
      ]);
    }
    // chronological exhibits; the odd file name is made safe
    expect(manifest.items.map((i) => i.path)).toEqual([
      'evidence/001-shot.png',
      'evidence/002-weird_name__.txt',
      'evidence/003-录音 1.m4a',
    ]);
    // the full ledger travels with the bundle and verifies on its own
    const chain = verifyChain(manifest.ledger.entries);
    expect(chain.ok && chain.value.headHash).toBe(manifest.ledger.headHash);
    expect(manifest.ledger.entries.every((e) => hashEntry(e) === e.hash)).toBe(true);

    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('证据目录');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('骂我是老赖 &amp; &lt;b&gt;');
    expect(html).toContain('张某 &lt;案件&gt;');
    // contact log interleaved by time: the September call comes before the October screenshot
    expect(html.indexOf('个性化分期')).toBeLessThan(html.indexOf('shot.png'));
    expect(html).toContain('催收行为提示');
  });

  it('filters by lender and dates; the ledger slice still hashes entry by entry', async () => {
    const out = join(work, 'a.zip');
    const r = await exportEvidence(deps, {
      caseId: kase.id,
      out,
      lender: '甲花',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(r).toMatchObject({ items: 1, contacts: 1, complete: false, ledgerEntries: 2 });
    const dir = join(work, 'a');
    mkdirSync(dir);
    const names = await unzipTo(out, dir);
    expect(names.filter((n) => n.startsWith('evidence/'))).toEqual(['evidence/001-录音 1.m4a']);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      ledger: { entries: LedgerEntry[] };
    };
    expect(m.ledger.entries.every((e) => hashEntry(e) === e.hash)).toBe(true);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain('乙银行');
  });

  it('refuses bad ranges and a changed object, leaving no zip', async () => {
    await expect(
      exportEvidence(deps, {
        caseId: kase.id,
        out: join(work, 'x.zip'),
        from: '2026-12-01',
        to: '2026-11-01',
      }),
    ).rejects.toMatchObject({ field: 'from' });
    await expect(
      exportEvidence(deps, { caseId: kase.id, out: join(work, 'x.zip'), to: '2026-02-30' }),
    ).rejects.toMatchObject({ code: 'invalid-date' });
    const item = (await listEvidence(deps, kase.id)).find((e) => e.kind === 'call-recording')!;
    const p = createVaultStore(home).objectPath(item.sha256);
    const orig = readFileSync(p);
    chmodSync(p, 0o644);
    const bad = Buffer.from(orig);
    bad[100] = 0;
    writeFileSync(p, bad);
    await expect(
      exportEvidence(deps, { caseId: kase.id, out: join(work, 'tampered.zip') }),
    ).rejects.toMatchObject({ code: 'integrity-failure' });
    expect(existsSync(join(work, 'tampered.zip'))).toBe(false);
    expect(readdirSync(work).filter((n) => n.includes('.part'))).toEqual([]);
    writeFileSync(p, orig);
  });

  it('escapes HTML and makes names safe', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    expect(safeName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeName('a\nb')).toBe('a_b');
    expect(safeName('')).toBe('file');
  });
});
