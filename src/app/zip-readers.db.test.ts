// The evidence bundle and the backup zip opened by readers other than our own: Java's
// java.util.zip.ZipInputStream (what many Android apps and Java tools use; it rejects a STORED
// entry that has a data descriptor) and Info-ZIP `unzip -t`. Without java/unzip the check is
// skipped visibly; under CI=true a missing tool fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/dialects.js';
import { makeCase, makeDeps, makeLender } from '../../test/factories.js';
import type { Case } from '../db/types.js';
import { createBackup } from './backup.js';
import { logContact } from './contacts.js';
import type { Deps } from './deps.js';
import { addEvidence } from './evidence/evidence.js';
import { exportEvidence } from './evidence/export.js';

const has = (cmd: string, arg: string) => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const TOOLS = { java: has('java', '-version'), unzip: has('unzip', '-v') };
const CI = process.env['CI'] === 'true';
for (const [tool, ok] of Object.entries(TOOLS))
  if (!ok && !CI)
    console.warn(
      `SKIPPED zip-readers.db.test.ts (${tool}): not on PATH (apt-get install ${tool === 'java' ? 'default-jre-headless' : 'unzip'})`,
    );

/** Reads every entry with ZipInputStream (streaming, local headers only) and checks each CRC. */
const JAVA_READER = `
import java.io.*;
import java.util.zip.*;
public class ZipRead {
  public static void main(String[] args) throws Exception {
    try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(new FileInputStream(args[0])),
        java.nio.charset.StandardCharsets.UTF_8)) {
      ZipEntry e; byte[] buf = new byte[65536];
      while ((e = in.getNextEntry()) != null) {
        long n = 0; int r;
        while ((r = in.read(buf)) > 0) n += r;
        System.out.println(e.getName() + "\\t" + n + "\\t" + e.getMethod());
      }
    }
  }
}
`;

/** Runs a reader; a missing tool is a skip locally and a failure under CI. */
function read(tool: 'java' | 'unzip', zip: string, dir: string): string | null {
  if (!TOOLS[tool]) {
    if (CI) throw new Error(`${tool} is not on PATH; CI must provide it`);
    return null;
  }
  if (tool === 'unzip') return execFileSync('unzip', ['-t', zip], { encoding: 'utf8' });
  const src = join(dir, 'ZipRead.java');
  writeFileSync(src, JAVA_READER);
  const r = spawnSync('java', [src, zip], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`ZipInputStream rejected ${zip}:\n${r.stderr}`);
  return r.stdout;
}

/** One entry's text, read in-process with yauzl. */
function entryText(zip: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (e, z) => {
      if (e || !z) return reject(e ?? new Error('no zip'));
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
      z.on('end', () => reject(new Error(`${name} not in ${zip}`)));
      z.readEntry();
    });
  });
}

describe('zips open in Java ZipInputStream and Info-ZIP', () => {
  let t: TestDatabase;
  let deps: Deps;
  let kase: Case;
  let home: string;
  let work: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    home = mkdtempSync(join(tmpdir(), 'xs-zr-home-'));
    work = mkdtempSync(join(tmpdir(), 'xs-zr-work-'));
    deps = makeDeps(t.db, { home });
    kase = await makeCase(t.db, '张某');
    const a = await makeLender(t.db, kase.id, { name: '甲消费金融', brand: '甲花' });
    const f = (n: string, c: string | Buffer) => {
      const p = join(work, n);
      writeFileSync(p, c);
      return p;
    };
    await addEvidence(deps, {
      caseId: kase.id,
      file: f('录音 1.m4a', Buffer.alloc(300_000, 7)),
      kind: 'call-recording',
      lender: a.id,
      capturedAt: '2026-11-20 23:05',
    });
    await addEvidence(deps, {
      caseId: kase.id,
      file: f('截图.png', 'png-bytes'),
      kind: 'screenshot',
      lender: a.id,
      capturedAt: '2026-10-01',
    });
    await logContact(deps, {
      caseId: kase.id,
      at: '2026-11-20 23:05',
      lender: a.id,
      channel: 'phone',
      direction: 'inbound',
    });
  });
  afterAll(async () => {
    await t.drop();
    rmSync(home, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('evidence bundle: every entry, originals included, reads in ZipInputStream and unzip -t', async () => {
    const out = join(work, 'bundle.zip');
    await exportEvidence(deps, { caseId: kase.id, out });
    const java = read('java', out, work);
    if (java !== null) {
      const lines = java.trim().split('\n');
      expect(lines.map((l) => l.split('\t')[0])).toEqual([
        'evidence/001-截图.png',
        'evidence/002-录音 1.m4a',
        'manifest.json',
        'index.html',
        'SHA256SUMS',
      ]);
      expect(lines[1]).toBe('evidence/002-录音 1.m4a\t300000\t8');
    }
    const unzip = read('unzip', out, work);
    if (unzip !== null) expect(unzip).toContain('No errors detected');
  }, 120_000);

  it('backup zip: reads in ZipInputStream and unzip -t', async () => {
    const out = join(work, 'backup.zip');
    await createBackup(deps, out);
    const java = read('java', out, work);
    if (java !== null) expect(java).toContain('manifest.json');
    const unzip = read('unzip', out, work);
    if (unzip !== null) expect(unzip).toContain('No errors detected');
  }, 120_000);

  it('index.html fits a phone screen and prints on A4', async () => {
    const out = join(work, 'bundle-html.zip');
    await exportEvidence(deps, { caseId: kase.id, out });
    const html = await entryText(out, 'index.html');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4/);
  });
});
