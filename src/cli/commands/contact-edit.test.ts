// `contact edit`, `contact remove` (+ `undo`) and `evidence withdraw`, in process: the changes
// are made, bad input exits 1 with the field named and nothing changed, and `evidence verify`
// still reports an intact vault afterwards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xs-cli-ce-'));
  writeFileSync(join(dir, 'wrong.png'), 'not the right screenshot');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(argv, { env: { XIESHANG_HOME: join(dir, 'home'), HOME: dir }, cwd: dir });
}

describe('xieshang contact edit / remove, evidence withdraw', () => {
  let contactId = '';

  it('logs a call, then corrects its time, agent and third party', async () => {
    expect((await run('lender', 'add', '某某消费金融', '--brand', '某某花')).code).toBe(0);
    const log = await run(
      '--json',
      'contact',
      'log',
      '--at',
      '2026-11-20 14:05',
      '--lender',
      '某某花',
      '--channel',
      'phone',
      '--direction',
      'inbound',
    );
    expect(log.code, log.err).toBe(0);
    contactId = (JSON.parse(log.out) as { contact: { id: string } }).contact.id;
    const e = await run(
      'contact',
      'edit',
      contactId,
      '--at',
      '2026-11-20 23:05',
      '--agent',
      '张三',
      '--third-party',
      'family:母亲',
    );
    expect(e.code, e.err).toBe(0);
    expect(e.out).toContain(`已修改联系记录 ${contactId}`);
    expect(e.out).toContain('夜间催收');
    const list = JSON.parse((await run('--json', 'contact', 'list')).out) as {
      contacts: { id: string; agentName: string | null }[];
    };
    expect(list.contacts.find((c) => c.id === contactId)?.agentName).toBe('张三');
  });

  it('refuses a future time or an unknown channel, naming the field; nothing changes', async () => {
    const before = (await run('--json', 'contact', 'list')).out;
    const f = await run('--json', 'contact', 'edit', contactId, '--at', '2099-01-01 10:00');
    expect(f.code).toBe(1);
    expect(JSON.parse(f.out)).toMatchObject({ error: { code: 'invalid-date', field: 'at' } });
    const zh = await run('contact', 'edit', contactId, '--channel', 'fax');
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('渠道');
    expect((await run('--json', 'contact', 'list')).out).toBe(before);
  });

  it('removes a contact and prints the undo command, which brings it back', async () => {
    const r = await run('contact', 'remove', contactId);
    expect(r.code, r.err).toBe(0);
    const m = /xieshang undo (\S+?)）/.exec(r.out);
    expect(m, r.out).not.toBeNull();
    expect((await run('--json', 'contact', 'list')).out).not.toContain(contactId);
    const u = await run('undo', m![1]!);
    expect(u.code, u.err).toBe(0);
    expect(u.out).toContain('已恢复联系记录');
    expect((await run('--json', 'contact', 'list')).out).toContain(contactId);
    expect((await run('contact', 'remove', 'nope')).code).toBe(1);
  });

  it('withdraws evidence with a reason, keeps it listed as withdrawn, refuses twice', async () => {
    const a = await run('--json', 'evidence', 'add', 'wrong.png', '--kind', 'screenshot');
    expect(a.code, a.err).toBe(0);
    const id = (JSON.parse(a.out) as { item: { id: string } }).item.id;
    const w = await run('evidence', 'withdraw', id, '--reason', '截错了图');
    expect(w.code, w.err).toBe(0);
    expect(w.out).toContain('已撤回证据');
    expect(w.out).toContain('截错了图');
    expect((await run('evidence', 'list')).out).toContain('已撤回');
    const again = await run('--json', 'evidence', 'withdraw', id, '--reason', '再撤');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.out)).toMatchObject({ error: { code: 'conflict' } });
    const empty = await run('--json', 'evidence', 'withdraw', id, '--reason', ' ');
    expect(JSON.parse(empty.out)).toMatchObject({ error: { field: 'reason' } });
    const v = await run('evidence', 'verify');
    expect(v.code, v.out + v.err).toBe(0);
  });
});
