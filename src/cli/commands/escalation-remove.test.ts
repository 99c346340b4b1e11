// `escalation edit` corrects the dates, `escalation remove` deletes a record and prints the id
// that `xieshang undo` takes to bring it back (CLI, SQLite home).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

describe('escalation edit / remove / undo (CLI, SQLite home)', () => {
  let home: string;
  let dir: string;
  let id = '';
  const run = async (args: string[]) => {
    const r = await runCli(args, { env: { XIESHANG_HOME: home }, cwd: dir });
    return { ...r, json: () => r.json<Record<string, any>>() };
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xieshang-cli-'));
    home = join(dir, 'home');
    const d = await run([
      'debt',
      'add',
      '--lender',
      '借呗',
      '--lender-type',
      'small-loan',
      '--principal',
      '10000',
      '--contract-date',
      '2025-01-10',
    ]);
    expect(d.code, d.err).toBe(0);
    const e = await run([
      '--json',
      'escalate',
      'credit-dispute',
      '--lender',
      '借呗',
      '--sent-on',
      '2026-11-20',
      '--dispute-wrong',
      '2026年9月 逾期',
      '--format',
      'md',
      '--out',
      'd.md',
    ]);
    expect(e.code, e.err).toBe(0);
    id = e.json()['escalation'].id;
  });

  it('corrects the sent date and the follow-up date moves with it', async () => {
    const r = await run(['escalation', 'edit', id, '--sent-on', '2026-11-10']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('发出 2026-11-10，跟进 2026-11-30');
    const bad = await run(['escalation', 'edit', id, '--sent-on', '2099-01-01']);
    expect(bad.code).toBe(1);
    expect(bad.err + bad.out).toContain('晚于今天');
  });

  it('removes it with an undo id; xieshang undo brings it back', async () => {
    const r = await run(['escalation', 'remove', id]);
    expect(r.code, r.err).toBe(0);
    const undoId = /xieshang undo (\S+)）/.exec(r.out)?.[1];
    expect(undoId).toBeDefined();
    expect((await run(['--json', 'escalation', 'list'])).json()['escalations']).toEqual([]);
    const again = await run(['escalation', 'remove', id]);
    expect(again.code).toBe(1);
    const u = await run(['undo', undoId!]);
    expect(u.code, u.err).toBe(0);
    expect(u.out).toContain(`已恢复投诉/升级记录 ${id}`);
    const list = (await run(['--json', 'escalation', 'list'])).json()['escalations'];
    expect(list.map((e: { id: string }) => e.id)).toEqual([id]);
  });
});
