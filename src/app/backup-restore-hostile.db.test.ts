// Restore must check before it trusts: hostile or broken archives are refused by entry and reason
// (never a stack trace), and nothing is written. The bad archives are made here, with manifests
// recomputed as an attacker would.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, constants, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-harness.js';
import { verifyBackup } from './backup.js';
import { nodeHost } from '../node/index.js';

const FIXTURES = new URL('../../test/fixtures/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'xieshang-restore-hostile-'));

async function readZip(file: string): Promise<{ name: string; bytes: Buffer; date: Date }[]> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))),
  );
  const out: { name: string; bytes: Buffer; date: Date }[] = [];
  await new Promise<void>((res, rej) => {
    zip.on('entry', (e: yauzl.Entry) =>
      zip.openReadStream(e, async (err, s) => {
        if (err) return rej(err);
        const chunks: Buffer[] = [];
        for await (const c of s) chunks.push(c as Buffer);
        out.push({ name: e.fileName, bytes: Buffer.concat(chunks), date: e.getLastModDate() });
        zip.readEntry();
      }),
    );
    zip.on('end', () => res());
    zip.readEntry();
  });
  return out;
}

type Edit = (name: string, bytes: Buffer) => Buffer;

/** Rewrites an archive with `edit` applied and the manifest's hashes, sizes and rows recomputed. */
async function forge(src: string, dest: string, edit: Edit, manifestEdit?: (m: any) => unknown) {
  const entries = await readZip(src);
  const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.bytes.toString());
  const out = new yazl.ZipFile();
  for (const e of entries) {
    if (e.name === 'manifest.json') continue;
    const bytes = edit(e.name, e.bytes);
    const m = manifest.entries.find((x: { path: string }) => x.path === e.name);
    m.sha256 = createHash('sha256').update(bytes).digest('hex');
    m.size = bytes.length;
    if (m.rows !== undefined) m.rows = bytes.toString().split('\n').filter(Boolean).length;
    out.addBuffer(bytes, e.name);
  }
  const final = manifestEdit === undefined ? manifest : manifestEdit(manifest);
  out.addBuffer(
    Buffer.from(typeof final === 'string' ? final : JSON.stringify(final)),
    'manifest.json',
  );
  out.end();
  const parts: Buffer[] = [];
  for await (const c of out.outputStream) parts.push(c as Buffer);
  writeFileSync(dest, Buffer.concat(parts));
}

/** Changes one JSON row of a table file. */
function editRow(table: string, line: number, change: (r: Record<string, unknown>) => void): Edit {
  return (name, bytes) => {
    if (name !== `db/${table}.jsonl`) return bytes;
    const rows = bytes.toString().split('\n');
    const r = JSON.parse(rows[line - 1]!) as Record<string, unknown>;
    change(r);
    rows[line - 1] = JSON.stringify(r);
    return Buffer.from(rows.join('\n'));
  };
}

let seeded: { home: string; zip: string } | undefined;
/** A home with the fixture debts and one evidence file (so a ledger entry, an object, a head). */
async function seed(): Promise<{ home: string; zip: string }> {
  if (seeded) return seeded;
  const home = join(root, 'source');
  const store = ['--home', home];
  expect((await runCli(['init', ...store])).code).toBe(0);
  const imp = await runCli([
    'debt',
    'import',
    join(FIXTURES, 'import-debts.csv'),
    '--payments',
    join(FIXTURES, 'import-details.csv'),
    ...store,
  ]);
  expect(imp.code, imp.err).toBe(0);
  const file = join(root, '催收短信.png');
  writeFileSync(file, 'not really a png');
  const ev = await runCli(['evidence', 'add', file, '--kind', 'screenshot', ...store]);
  expect(ev.code, ev.err).toBe(0);
  const zip = join(root, 'source.zip');
  expect((await runCli(['backup', zip, ...store])).code).toBe(0);
  seeded = { home, zip };
  return seeded;
}

let n = 0;
/** Restores `zip` into a new home; returns the run and the target path. */
async function restore(zip: string, extra: string[] = []) {
  const target = join(root, `target-${(n += 1)}`);
  const r = await runCli(['restore', zip, '--home', target, ...extra]);
  return { ...r, target };
}

function expectRefused(
  r: { code: number; out: string; err: string; target: string },
  ...say: string[]
) {
  expect(r.code, r.out).toBe(1);
  for (const s of say) expect(r.err).toContain(s);
  expect(r.err).not.toMatch(/internal|程序错误|\n\s+at /);
  // nothing was created at the target: verification happens before the home is opened
  expect(existsSync(r.target)).toBe(false);
}

describe('restore refuses what does not verify, naming the entry and the reason', () => {
  it('restores an honest backup as verified and signed', async () => {
    const { home, zip } = await seed();
    const r = await restore(zip, ['--key', join(home, 'backup.key')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('证据账本 1 条连贯');
    expect(r.out).toContain('签名有效');
    const plain = await restore(zip);
    expect(plain.out).toContain('来源未证实');
  });

  it('a 2 MB archive whose events.jsonl expands to 1 GiB is refused from its declared size, in bounded memory', async () => {
    const { zip } = await seed();
    const bomb = join(root, 'bomb.zip');
    writeBomb(bomb, await readZip(zip));
    expect(readFileSync(bomb).length).toBeLessThan(3 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const r = await restore(bomb);
    expectRefused(r, 'db/events.jsonl', '解压后 1 GiB，超过 512 MiB 上限');
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  });

  it('a bomb that lies about its size in the zip directory is cut off at the manifest size', async () => {
    const { zip } = await seed();
    const bomb = join(root, 'lying-bomb.zip');
    writeBomb(bomb, await readZip(zip), { declare: 1000 });
    const rss = process.memoryUsage().rss;
    const r = await restore(bomb);
    expectRefused(r, 'db/events.jsonl');
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  });

  it('rows and tables above the stated limits are refused', async () => {
    const { zip } = await seed();
    await expect(
      verifyBackup(nodeHost(), zip, { limits: { rowsPerTable: 2 } }),
    ).rejects.toMatchObject({
      code: 'integrity-failure',
      messageZh: expect.stringContaining('超过 2 行'),
    });
    await expect(
      verifyBackup(nodeHost(), zip, { limits: { rowBytes: 100 } }),
    ).rejects.toMatchObject({
      messageZh: expect.stringMatching(/第 1 行超过/),
    });
  });

  it('a row with principal_cents "abc" or 1e17 is refused by entry, line and column', async () => {
    const { zip } = await seed();
    for (const bad of ['abc', 1e17, 12.5, -1e16]) {
      const forged = join(root, `cents-${String(bad)}.zip`);
      await forge(
        zip,
        forged,
        editRow('debts', 2, (r) => (r['principal_cents'] = bad)),
      );
      expectRefused(await restore(forged), 'db/debts.jsonl 第 2 行', 'principal_cents');
    }
  });

  it('other types and ranges: a date, a closed list, a boolean, JSON text, a missing column', async () => {
    const { zip } = await seed();
    const cases: [Edit, string][] = [
      [editRow('debts', 1, (r) => (r['contract_on'] = '2024-02-30')), 'contract_on'],
      [editRow('debts', 1, (r) => (r['status'] = 'forgiven')), 'status'],
      [editRow('debts', 1, (r) => (r['is_credit_reported'] = 7)), 'is_credit_reported'],
      [editRow('lenders', 1, (r) => (r['channels_json'] = '{oops')), 'channels_json'],
      [editRow('debts', 1, (r) => delete r['lender_id']), 'lender_id 缺失'],
      [editRow('debts', 1, (r) => (r['rate_ppm'] = 1e12)), 'rate_ppm'],
      [
        (name, b) => (name === 'db/debts.jsonl' ? Buffer.concat([b, Buffer.from('[1,2]\n')]) : b),
        '不是 JSON 对象',
      ],
    ];
    for (const [i, [edit, say]] of cases.entries()) {
      const forged = join(root, `types-${i}.zip`);
      await forge(zip, forged, edit);
      expectRefused(await restore(forged), say);
    }
  });

  it('an edited ledger entry (manifest recomputed) is refused: the chain does not verify', async () => {
    const { zip } = await seed();
    const forged = join(root, 'ledger-edited.zip');
    await forge(
      zip,
      forged,
      editRow('ledger_entries', 1, (r) => {
        const meta = JSON.parse(String(r['meta_json']));
        meta.originalName = '改过的名字.png';
        r['meta_json'] = JSON.stringify(meta);
      }),
    );
    expectRefused(await restore(forged), 'db/ledger_entries.jsonl', '账本第 1 条在记录后被修改');
  });

  it('a changed evidence file (manifest recomputed) and a missing one are refused', async () => {
    const { zip } = await seed();
    const changed = join(root, 'object-changed.zip');
    await forge(zip, changed, (name, b) =>
      name.startsWith('vault/objects/') ? Buffer.from('forged') : b,
    );
    expectRefused(await restore(changed), '证据文件内容与其哈希名不符');
    const removedHead = join(root, 'object-missing.zip');
    const entries = await readZip(zip);
    const obj = entries.find((e) => e.name.startsWith('vault/objects/'))!.name;
    await forge(
      zip,
      removedHead,
      (name, b) => b,
      (m) => ({
        ...m,
        entries: m.entries.filter((e: { path: string }) => e.path !== obj),
      }),
    );
    // the object is still in the zip but not the manifest: unexpected, and the ledger names it
    expectRefused(await restore(removedHead), `多出的条目 ${obj}`);
  });

  it('removing the newest ledger row is caught by the head file', async () => {
    const { zip } = await seed();
    const forged = join(root, 'ledger-truncated.zip');
    await forge(zip, forged, (name, b) =>
      name === 'db/ledger_entries.jsonl' ? Buffer.alloc(0) : b,
    );
    expectRefused(await restore(forged), '最新的条目被删除');
  });

  it('malformed manifests end in a message, not "internal error"', async () => {
    const { zip } = await seed();
    const manifests: [(m: any) => unknown, string][] = [
      [() => '[1,2', 'manifest.json 不是有效的 JSON'],
      [() => [], 'manifest.json 格式不对'],
      [(m) => ({ ...m, entries: [null] }), 'entries[0]'],
      [(m) => ({ ...m, entries: 'x' }), 'entries 不是列表'],
      [(m) => ({ ...m, entries: [{ path: 1 }] }), 'entries[0]'],
      [(m) => ({ ...m, tables: 'debts' }), 'tables'],
      [(m) => ({ ...m, tables: [...m.tables, '../x'] }), 'tables'],
      [(m) => ({ ...m, entries: [...m.entries, m.entries[0]] }), '重复列出'],
      [(m) => ({ ...m, createdAt: 5 }), 'createdAt'],
      [(m) => ({ ...m, signature: { alg: 'md5' } }), 'signature'],
      [(m) => ({ ...m, format: 'zip' }), '不是协商 Xieshang 的备份'],
    ];
    for (const [i, [edit, say]] of manifests.entries()) {
      const forged = join(root, `manifest-${i}.zip`);
      await forge(zip, forged, (_n, b) => b, edit);
      expectRefused(await restore(forged), '备份校验失败', say);
    }
  });

  it('a signed manifest changed after the fact is refused when the key is at hand', async () => {
    const { home, zip } = await seed();
    const forged = join(root, 'signed-changed.zip');
    await forge(
      zip,
      forged,
      editRow('debts', 1, (r) => (r['notes'] = '改过')),
    );
    expectRefused(await restore(forged, ['--key', join(home, 'backup.key')]), '签名不符');
    // without the key the contents still verify, but the origin is not claimed
    const r = await restore(forged);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('来源未证实');
  });

  it('entries carry real dates, not 1980-01-01', async () => {
    const { zip } = await seed();
    for (const e of await readZip(zip)) expect(e.date.getFullYear(), e.name).toBeGreaterThan(2000);
  });
});

/**
 * A deflate bomb built without inflating a gigabyte: one 1 MiB block flushed with a full flush (no
 * back-references across it) repeated 1024 times, then an empty final block. The zip is written by
 * hand so the directory can state (or understate) the size.
 */
function writeBomb(
  file: string,
  entries: { name: string; bytes: Buffer }[],
  opts: { declare?: number } = {},
): void {
  const chunk = Buffer.alloc(1024 * 1024, '{"id":"x"}\n');
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: 1024 }, () => block), Buffer.from([3, 0])]);
  let crc = 0;
  for (let i = 0; i < 1024; i += 1) crc = crc32(chunk, crc);
  const real = 1024 * chunk.length;
  const files = entries
    .filter((e) => e.name !== 'db/events.jsonl')
    .map((e) => ({
      name: e.name,
      method: 0,
      data: e.bytes,
      crc: crc32(e.bytes),
      size: e.bytes.length,
    }));
  files.push({ name: 'db/events.jsonl', method: 8, data, crc, size: opts.declare ?? real });
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(f.method, 8);
    h.writeUInt16LE(0, 10);
    h.writeUInt16LE(0x5b81, 12); // 2025-12-01
    h.writeUInt32LE(f.crc >>> 0, 14);
    h.writeUInt32LE(f.data.length, 18);
    h.writeUInt32LE(f.size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    local.push(h, name, f.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(f.method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x5b81, 14);
    c.writeUInt32LE(f.crc >>> 0, 16);
    c.writeUInt32LE(f.data.length, 20);
    c.writeUInt32LE(f.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + f.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, Buffer.concat([...local, cd, end]));
}
