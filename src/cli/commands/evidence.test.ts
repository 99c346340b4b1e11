// The issue-5 journey through the CLI, in process: add a recording and a screenshot, log the
// night call, see the conduct flag, export, check the bundle with sha256sum, catch tampering.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xs-cli-ev-'));
  writeFileSync(join(dir, 'call.m4a'), Buffer.alloc(50_000, 7));
  writeFileSync(join(dir, 'sms.png'), 'png bytes');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(argv, { env: { XIESHANG_HOME: join(dir, 'home'), HOME: dir }, cwd: dir });
}

describe('xieshang evidence / contact / conduct', () => {
  let recordingId = '';

  it('adds a lender, a recording and a screenshot', async () => {
    expect(
      (
        await run(
          'lender',
          'add',
          '某某消费金融有限公司',
          '--brand',
          '某某花',
          '--type',
          'consumer-finance',
        )
      ).code,
    ).toBe(0);
    const a = await run(
      '--json',
      'evidence',
      'add',
      'call.m4a',
      '--kind',
      'call-recording',
      '--lender',
      '某某花',
      '--captured-at',
      '2026-11-20 23:05',
      '--note',
      '夜间来电',
    );
    expect(a.code).toBe(0);
    const j = JSON.parse(a.out) as {
      item: { id: string; sha256: string };
      ledger: { seq: number };
    };
    recordingId = j.item.id;
    expect(j.ledger.seq).toBe(1);
    const b = await run('evidence', 'add', 'sms.png', '--kind', 'screenshot', '--lender', '某某花');
    expect(b.code).toBe(0);
    expect(b.out).toContain('已存入证据');
    expect(b.out).toContain('账本第 2 条');
    // the list says whose evidence it is and what it shows, not only hashes
    const list = await run('evidence', 'list');
    expect(list.out).toMatch(/某某花.*夜间来电/);
    expect((await run('--lang', 'en', 'evidence', 'list')).out).toMatch(/lender.*note/);
  });

  it('bad input: clear message naming the field, exit 1, nothing stored', async () => {
    for (const [args, field] of [
      [['evidence', 'add', 'missing.mp3', '--kind', 'call-recording'], 'file'],
      [['evidence', 'add', 'sms.png', '--kind', 'selfie'], 'kind'],
      [['evidence', 'add', 'sms.png', '--kind', 'screenshot', '--lender', '不存在'], 'lender'],
      [
        ['evidence', 'add', 'sms.png', '--kind', 'screenshot', '--captured-at', '2099-01-01'],
        'captured-at',
      ],
      [
        [
          'contact',
          'log',
          '--at',
          '2026-11-20 10:00',
          '--channel',
          'fax',
          '--direction',
          'inbound',
        ],
        'channel',
      ],
    ] as const) {
      const r = await run('--json', ...args);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)).toMatchObject({ error: { field } });
    }
    const zh = await run('evidence', 'add', 'missing.mp3', '--kind', 'call-recording');
    expect(zh.err).toContain('找不到或无法读取文件');
    expect(zh.err).not.toContain('    at ');
    const list = JSON.parse((await run('--json', 'evidence', 'list')).out) as { items: unknown[] };
    expect(list.items).toHaveLength(2);
  });

  it('logs the night call (flags or --json FILE) and shows the conduct flag', async () => {
    const r = await run(
      'contact',
      'log',
      '--at',
      '2026-11-20 23:05',
      '--lender',
      '某某花',
      '--channel',
      'phone',
      '--direction',
      'inbound',
      '--agent',
      '张三',
      '--agent-number',
      'A1024',
      '--evidence',
      recordingId,
      '--third-party',
      'family:母亲',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('夜间催收');
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({
        at: '2026-11-21T10:00:00+08:00',
        lender: '某某花',
        channel: 'phone',
        direction: 'outbound',
        offered: '36期',
        state: 'proposed',
      }),
    );
    const j = await run('contact', 'log', '--json', 'c.json');
    expect(j.code).toBe(0);
    expect(JSON.parse(j.out)).toMatchObject({
      stateBefore: 'not-contacted',
      stateAfter: 'proposed',
    });
    const list = await run('contact', 'list');
    expect(list.out).toContain('已提交方案');
    // --lender filters the state table as well as the contacts
    expect((await run('lender', 'add', '乙银行', '--type', 'bank')).code).toBe(0);
    const only = JSON.parse((await run('--json', 'contact', 'list', '--lender', '乙银行')).out) as {
      contacts: unknown[];
      states: { lenderName: string }[];
    };
    expect(only.contacts).toEqual([]);
    expect(only.states.map((x) => x.lenderName)).toEqual(['乙银行']);
    expect((await run('contact', 'list', '--lender', '乙银行')).out).not.toContain('某某');
    const c = await run('conduct', 'check');
    expect(c.out).toContain('[违规] 夜间催收');
    expect(c.out).toContain('12378');
    const en = await run('--lang', 'en', 'conduct', 'check');
    expect(en.out).toContain('[BREACH] Collection at night');
    const cj = JSON.parse((await run('--json', 'conduct', 'check')).out) as {
      flags: { rule: string; certainty: string }[];
    };
    expect(cj.flags.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['night-contact', 'third-party-contact']),
    );
  });

  it('verifies, exports a bundle that sha256sum -c accepts, and catches a changed byte', async () => {
    const v = await run('evidence', 'verify');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/完好：账本 4 条/);
    const zip = join(dir, 'out.zip');
    expect((await run('evidence', 'export', 'out.zip')).code).toBe(0);
    const unz = spawnSync('unzip', ['-q', zip, '-d', join(dir, 'bundle')]);
    if (unz.status === 0) {
      const c = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], {
        cwd: join(dir, 'bundle'),
        encoding: 'utf8',
      });
      expect(c.status).toBe(0);
      expect(readdirSync(join(dir, 'bundle', 'evidence'))).toHaveLength(2);
    } else console.warn('unzip not installed: bundle checked in evidence-export.db.test.ts only');

    const shard = join(dir, 'home', 'vault', 'objects');
    const first = readdirSync(shard)[0]!;
    const obj = join(shard, first, readdirSync(join(shard, first))[0]!);
    chmodSync(obj, 0o644);
    const b = readFileSync(obj);
    b[0] = b[0]! ^ 1;
    writeFileSync(obj, b);
    const bad = await run('evidence', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('object-changed');
    const en = await run('--lang', 'en', 'evidence', 'verify');
    expect(en.out).toContain('evidence file bytes changed');
    const ex = await run('--json', 'evidence', 'export', 'again.zip');
    expect(ex.code).toBe(1);
    expect(JSON.parse(ex.out)).toMatchObject({ error: { code: 'integrity-failure' } });
    mkdirSync(join(dir, 'unused'), { recursive: true });
  });
});
