// CLI errors in the user's language (issue 13, item 3): a flag commander refuses is said in Chinese
// naming the flag, with choices by their Chinese labels; an AppError names the field by its label.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-harness.js';
import { commanderErrorZh } from './report-error.js';

const dir = mkdtempSync(join(tmpdir(), 'xieshang-report-error-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { env: { HOME: dir, XIESHANG_HOME: join(dir, 'home'), ...env } });

describe('commanderErrorZh', () => {
  it.each([
    [
      'commander.invalidArgument',
      "error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are zh, en.",
      '选项 --lang 的值“fr”无效，可选：zh、en',
    ],
    [
      'commander.invalidArgument',
      "error: option '--channel <c>' argument 'pigeon' is invalid. Allowed choices are phone, sms.",
      '选项 --channel 的值“pigeon”无效，可选：电话、短信',
    ],
    [
      'commander.unknownOption',
      "error: unknown option '--nope'\n(Did you mean one of --home, --notes?)",
      '不认识的选项 --nope（是不是 --home、--notes？）',
    ],
    ['commander.missingArgument', "error: missing required argument 'file'", '缺少必需的参数 file'],
    [
      'commander.optionMissingArgument',
      "error: option '--out <file>' argument missing",
      '选项 --out 后面要跟一个值',
    ],
    [
      'commander.unknownCommand',
      "error: unknown command 'nosuch'",
      '不认识的命令 nosuch，请用 --help 查看可用的命令',
    ],
  ])('%s: %s', (code, message, zh) => {
    expect(commanderErrorZh(code, message)).toBe(zh);
  });
});

describe('the CLI reports errors in Chinese', () => {
  it('a refused flag, once, in Chinese (English with --lang en)', async () => {
    const r = await run(['--lang', 'fr', 'summary']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('错误：选项 --lang 的值“fr”无效，可选：zh、en\n');
    const missing = await run(['apr']);
    expect(missing.err).toBe('错误：缺少必需的参数 file\n');
    const en = await run(['--lang', 'en', 'apr']);
    expect(en.err).toBe("error: missing required argument 'file'\n");
    const json = await run(['--json', 'apr']);
    expect(json.code).toBe(1);
    expect(json.json().error).toMatchObject({
      code: 'invalid-input',
      messageZh: '缺少必需的参数 file',
    });
  });

  it('a contact in the future names 联系时间, never the flag field "at"', async () => {
    expect((await run(['init'])).code).toBe(0);
    const r = await run([
      'contact',
      'log',
      '--at',
      '2099-01-01 10:00',
      '--channel',
      'phone',
      '--direction',
      'inbound',
    ]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/^错误.*联系时间/);
    expect(r.err).toBe('错误：联系时间：2099-01-01 10:00 是将来的时间\n');
    const json = await run([
      '--json',
      'contact',
      'log',
      '--at',
      '2099-01-01 10:00',
      '--channel',
      'phone',
      '--direction',
      'inbound',
    ]);
    expect(json.json().error).toMatchObject({
      field: 'at',
      label: '联系时间',
      messageZh: '联系时间：2099-01-01 10:00 是将来的时间',
    });
  });
});
