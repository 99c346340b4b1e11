// A head that left the device (letter footer, bundle index) catches a rewrite of the whole chain,
// head file included; names and notes cannot act on the terminal; NUL never reaches index.html.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';
import { hashEntry, type LedgerEntry } from '../../vault/chain.js';
import type { Sha256Hex } from '../../core/ledger/index.js';

let dir: string;
const home = () => join(dir, 'home');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xs-cli-anchor-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  return runCli(argv, { env: { XIESHANG_HOME: home(), HOME: dir }, cwd: dir });
}

async function add(name: string, bytes: string, note: string) {
  writeFileSync(join(dir, name), bytes);
  const r = await run('evidence', 'add', name, '--kind', 'screenshot', '--note', note);
  expect(r.code, r.err).toBe(0);
}

/** What a user who can write the home can do: edit entry 1, rehash and relink every entry after
 * it, fix the evidence row to match, and rewrite the vault's head file. */
function rewriteWholeChain(): void {
  const db = new SqliteDatabase(join(home(), 'xieshang.db'));
  try {
    const rows = db.prepare('select * from ledger_entries order by seq').all() as Record<
      string,
      unknown
    >[];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const meta = JSON.parse(String(r['meta_json'])) as Record<string, unknown>;
      if (r['seq'] === 1) {
        meta['description'] = '改写过的说明';
        db.prepare('update evidence_items set description = ? where id = ?').run(
          '改写过的说明',
          meta['evidenceId'],
        );
      }
      const body = {
        seq: Number(r['seq']),
        prevHash: prev as Sha256Hex,
        objectHash: (r['object_hash'] ?? null) as Sha256Hex | null,
        kind: String(r['kind']),
        meta: meta as LedgerEntry['meta'],
        recordedAt: String(r['recorded_at']) as LedgerEntry['recordedAt'],
      };
      const hash = hashEntry(body);
      db.prepare(
        'update ledger_entries set meta_json = ?, prev_hash = ?, entry_hash = ? where case_id = ? and seq = ?',
      ).run(JSON.stringify(meta), prev, hash, r['case_id'], r['seq']);
      prev = hash;
      const head = join(
        home(),
        'vault',
        'heads',
        `${encodeURIComponent(String(r['case_id']))}.json`,
      );
      writeFileSync(head, `${JSON.stringify({ seq: body.seq, hash })}\n`);
    }
  } finally {
    db.close();
  }
}

async function indexHtml(zip: string): Promise<string> {
  const z = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(zip, { lazyEntries: true }, (e, f) => (e ? rej(e) : res(f))),
  );
  return new Promise((res, rej) => {
    z.on('entry', (e: yauzl.Entry) => {
      if (e.fileName !== 'index.html') return z.readEntry();
      z.openReadStream(e, async (err, s) => {
        if (err) return rej(err);
        const parts: Buffer[] = [];
        for await (const c of s) parts.push(c as Buffer);
        z.close();
        res(Buffer.concat(parts).toString('utf8'));
      });
    });
    z.readEntry();
  });
}

describe('evidence verify --against SEQ:HASH', () => {
  let kept = '';

  it('the bundle index and verify show the head as SEQ:HASH; an intact chain matches it', async () => {
    await add('a.png', 'first', '第一张');
    await add('b.png', 'second', '第二张');
    const out = join(dir, 'bundle.zip');
    expect((await run('evidence', 'export', out)).code).toBe(0);
    const html = await indexHtml(out);
    const m = /账本头：<b>(\d+):([0-9a-f]{16})<\/b>/.exec(html);
    expect(m, html).not.toBeNull();
    kept = `${m![1]}:${m![2]}`;
    expect(kept.startsWith('2:')).toBe(true);
    const v = await run('evidence', 'verify', '--against', kept);
    expect(v.code, v.out).toBe(0);
    expect(v.out).toContain(`与您此前保存的账本头 ${kept} 一致`);
    expect(v.out).toContain(`账本头（可抄下或随信寄出，日后用 --against 核对）：${kept}`);
    // an 8-character prefix is enough, in any case
    expect(
      (await run('evidence', 'verify', '--against', kept.slice(0, 10).toUpperCase())).code,
    ).toBe(0);
  });

  it('a rewrite of the whole chain and head file passes plain verify but not --against', async () => {
    await add('c.png', 'third', '第三张'); // the chain grew after the head was kept
    rewriteWholeChain();
    const plain = await run('--json', 'evidence', 'verify');
    expect(JSON.parse(plain.out)).toMatchObject({ intact: true }); // what the head file alone can't see
    const v = await run('evidence', 'verify', '--against', kept);
    expect(v.code).toBe(1);
    expect(v.out).toContain('[anchor-mismatch]');
    expect(v.out).toContain(`与您此前保存的 ${kept} 不符：第 2 条或它之前的某一条在那之后被改写过`);
  });

  it('a kept head beyond the ledger means entries were removed; a malformed one is an input error', async () => {
    const v = await run('evidence', 'verify', '--against', '9:0123abcd');
    expect(v.code).toBe(1);
    expect(v.out).toContain('没有您此前保存的第 9 条');
    for (const bad of ['2', '2:abc', 'x:0123abcd', '0:00000000']) {
      const r = await run('evidence', 'verify', '--against', bad);
      expect(r.code, bad).toBe(1);
      expect(r.err).toContain('--against');
    }
  });
});

describe('control characters at the edges', () => {
  it('evidence list shows escapes, never raw controls; index.html has no NUL', async () => {
    const name = 'evil\u001b[2J\u202e\u0007.png';
    await add(name, 'evil bytes', '说明\r\n第二行\u0000\u001b]0;pwned\u0007');
    const r = await run('evidence', 'list');
    expect(r.code).toBe(0);
    // oxlint-disable-next-line no-control-regex -- matching control characters is the point
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(r.out).toContain('evil\\x1b[2J\\u202e\\x07.png');
    expect(r.out).toContain('说明\\r\\n第二行\\x00');
    const out = join(dir, 'bundle-evil.zip');
    expect((await run('evidence', 'export', out)).code).toBe(0);
    const html = await indexHtml(out);
    expect(html).not.toContain('\u0000');
    expect(html).not.toContain('\u001b');
    expect(html).toContain('第二行\ufffd');
    expect(readFileSync(out).length).toBeGreaterThan(0);
  });
});
