// profile show/set, and the store journey it completes: letters that need the borrower's name
// and hardship facts (init → lender → debt → profile → plan → letter hardship/request).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'xieshang-profile-'));
const home = join(dir, 'home');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  return runCli(args, { env: { HOME: dir, XIESHANG_HOME: home }, cwd: ROOT });
}

async function ok(args: string[]) {
  const r = await run(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.out}\n${r.err}`);
  return r;
}

describe('xieshang profile', () => {
  beforeAll(async () => {
    await ok(['init']);
    await ok([
      'lender',
      'add',
      '某某网络小额贷款有限公司',
      '--brand',
      '快借',
      '--type',
      'small-loan',
    ]);
    await ok([
      'debt',
      'add',
      '--lender',
      '快借',
      '--contract-number',
      'KJ-001',
      '--principal',
      '10000',
      '--balance',
      '8000',
    ]);
  });

  it('shows that no profile exists yet, and letters say how to add the hardship', async () => {
    expect((await ok(['profile', 'show'])).out).toContain('尚未填写个人情况');
    expect((await ok(['--json', 'profile', 'show'])).json()).toEqual({ profile: null });
    const r = await run(['letter', 'hardship', '--lender', '快借', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('xieshang profile set --hardship-cause');
    const en = await run([
      '--lang',
      'en',
      'letter',
      'request',
      '--lender',
      '快借',
      '--format',
      'md',
    ]);
    expect(en.code).toBe(1);
    expect(en.err).toContain('xieshang plan --from-case --save');
  });

  it('refuses a bad field, naming it, and saves nothing', async () => {
    const r = await run([
      '--json',
      'profile',
      'set',
      '--name',
      '张三',
      '--hardship-cause',
      'bad-luck',
    ]);
    expect(r.code).toBe(1);
    expect(r.json().error).toMatchObject({ code: 'invalid-input', field: 'hardshipCause' });
    const future = await run(['profile', 'set', '--hardship-since', '2999-01-01']);
    expect(future.code).toBe(1);
    // named by its label, never the field name (issue 13)
    expect(future.err).toContain('困难开始时间');
    expect(future.err).not.toContain('hardshipSince');
    expect((await ok(['--json', 'profile', 'show'])).json()).toEqual({ profile: null });
  });

  it('sets from flags and shows it in Chinese and English', async () => {
    const set = await ok([
      'profile',
      'set',
      '--name',
      '张三',
      '--phone',
      '13800138000',
      '--address',
      '上海市浦东新区某路1号',
      '--id-tail',
      '1234',
      '--adults',
      '2',
      '--children',
      '1',
      '--hardship-cause',
      'unemployment',
      '--hardship-since',
      '2026年3月1日',
      '--hardship-story',
      '公司裁员，收入从每月9000元降为0。',
      '--proof',
      '失业证明',
      '--proof',
      '解除劳动合同通知书',
    ]);
    expect(set.out).toContain('已保存个人情况');
    expect(set.out).toContain('困难原因：失业');
    const en = await ok(['--lang', 'en', 'profile', 'show']);
    expect(en.out).toContain('Hardship since: 2026-03-01');
    expect(en.out).toContain('Proofs: 失业证明; 解除劳动合同通知书');
  });

  it('sets from a JSON file, merging with what is stored', async () => {
    const file = join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify({ phone: '13900139000', children: 2 }));
    await ok(['profile', 'set', file]);
    const p = (await ok(['--json', 'profile', 'show'])).json().profile;
    expect(p).toMatchObject({ name: '张三', phone: '13900139000', children: 2, idTail: '1234' });
  });

  it('letters from the store now carry the name and the hardship', async () => {
    await ok(['plan', '--from-case', '--capacity', '1000', '--save']);
    const hardship = await ok(['letter', 'hardship', '--lender', '快借', '--format', 'md']);
    expect(hardship.out).toContain('张三');
    expect(hardship.out).toContain('公司裁员');
    expect(hardship.out).toContain('失业证明'); // the proof list
    expect(hardship.out).toMatch(/身份证号：(\\\*){14}1234/); // the ID tail, masked (md-escaped)
    const request = await ok(['letter', 'request', '--lender', '快借', '--format', 'md']);
    expect(request.out).toContain('张三');
    expect(request.out).toMatch(/失业|公司裁员/);
  });
});
