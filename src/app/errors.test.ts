// The error catalogue (issue 13, item 3): every code has a Chinese and an English message built from
// its parameters, the Chinese never shows a field path or an English enum value, and every code
// thrown anywhere in src is in it (the closed union checks call sites; this checks the strings).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ERROR_CODES,
  AppError,
  ERROR_CATALOGUE,
  catalogueMessage,
  isAppErrorCode,
  issueMessageZh,
  statusOf,
  type AppErrorCode,
} from './errors.js';

const CODES = Object.keys(ERROR_CATALOGUE) as AppErrorCode[];
const HAN = /\p{Script=Han}/u;
/** a field path or camelCase name: "segments[0].dueOn", "household.note", "occurredAt" */
const PATHISH = /[a-z]+[A-Z][A-Za-z]*|\[\d+\]|\b[a-z]+\.[a-z]+\b/;

const SAMPLES = [
  {},
  { label: '联系时间' },
  { label: '第 1 段首期还款日', limit: 3000, value: '2030-01-01', allowed: '电话、短信' },
];

describe('the error catalogue', () => {
  it.each(CODES)('%s has a status, a meaning and plain messages in both languages', (code) => {
    const e = ERROR_CATALOGUE[code];
    expect([400, 401, 403, 404, 409, 413, 422, 500, 503]).toContain(e.status);
    expect(e.meaning.length).toBeGreaterThan(10);
    expect(APP_ERROR_CODES[code]).toBe(e.meaning);
    for (const p of SAMPLES) {
      const zh = e.zh(p);
      const en = e.en(p);
      expect(zh.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      expect(zh, code).toMatch(HAN);
      expect(zh, code).not.toMatch(PATHISH);
      expect(zh, code).not.toContain(code);
      expect(zh, code).not.toContain('undefined');
      expect(en, code).not.toContain('undefined');
    }
  });

  it('a message about a field names it by its label', () => {
    expect(catalogueMessage('invalid-date', 'zh', 'segments[0].dueOn')).toMatch(
      /^第 1 段首期还款日：/,
    );
    expect(catalogueMessage('missing-field', 'zh', 'body.household.note')).toBe(
      '家庭情况备注：必须填写',
    );
    expect(catalogueMessage('missing-field', 'en', 'occurredAt')).toBe('time of contact: required');
  });

  it('statuses are the ones API clients rely on', () => {
    expect(statusOf('not-found')).toBe(404);
    expect(statusOf('conflict')).toBe(409);
    expect(statusOf('input-too-large')).toBe(413);
    expect(statusOf('no-solution')).toBe(422);
    expect(statusOf('database-busy')).toBe(503);
    expect(statusOf('internal')).toBe(500);
    expect(statusOf('invalid-input')).toBe(400);
  });
});

describe('AppError', () => {
  it('without messageZh takes the catalogue message with the field label, never the path', () => {
    const e = new AppError('invalid-date', 'segments[0].dueOn: not a date', {
      field: 'segments[0].dueOn',
    });
    expect(e.message).toBe('segments[0].dueOn: not a date'); // the thrower's English stays
    expect(e.messageZh).toMatch(/^第 1 段首期还款日：/);
    expect(e.messageZh).not.toContain('dueOn');
    expect(
      AppError.of('input-too-large', { field: 'notes', params: { limit: 2000 } }).messageZh,
    ).toBe('备注：内容超过大小上限（上限 2000）');
    expect(AppError.of('not-found').message).toBe('record not found');
  });

  it("the thrower's Chinese keeps its words, with paths and English values turned into labels", () => {
    const at = new AppError('invalid-time', 'at: in the future', {
      field: 'at',
      messageZh: 'at：是将来的时间',
    });
    expect(at.messageZh).toBe('联系时间：是将来的时间');
    const note = new AppError('input-too-large', 'household.note: too long', {
      field: 'household.note',
      messageZh: 'household.note：最多 2000 个字',
    });
    expect(note.messageZh).toBe('家庭情况备注：最多 2000 个字');
    const other = new AppError('invalid-input', 'x', {
      field: 'segments',
      messageZh: 'segments[1].firstDueOn 应晚于 segments[0].firstDueOn；渠道 phone 不支持',
    });
    expect(other.messageZh).toBe('第 2 段首期还款日 应晚于 第 1 段首期还款日；渠道 电话 不支持');
    // file names, commands and examples are left alone
    const file = new AppError('file-not-found', 'x', {
      messageZh: '找不到 contract.pdf，请运行 xieshang plan --from-case',
    });
    expect(file.messageZh).toBe('找不到 contract.pdf，请运行 xieshang plan --from-case');
  });

  it('each issue of a list is named by its own label', () => {
    const zh = [
      { code: 'missing-field' as const, field: 'lenderName', message: 'required' },
      {
        code: 'negative-amount' as const,
        field: 'principal',
        message: 'negative',
        messageZh: 'principal：不能是负数',
      },
    ]
      .map(issueMessageZh)
      .join('；');
    expect(zh).toBe('平台或机构名称：必须填写；借款金额：不能是负数');
  });

  it('an unknown code is not a code', () => {
    expect(isAppErrorCode('invalid-input')).toBe(true);
    expect(isAppErrorCode('no-such-code')).toBe(false);
  });
});

/** Every `.ts` file under src, tests and the web excepted. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'web' && name !== 'node_modules') out.push(...sources(p));
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe('every code thrown in src is in the catalogue', () => {
  it('AppError codes and the codes of error replies', () => {
    const root = join(import.meta.dirname, '..');
    const found = new Map<string, string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new AppError\(\s*'([^']+)'/g)) found.set(m[1]!, file);
      for (const m of text.matchAll(/AppError\.of\(\s*'([^']+)'/g)) found.set(m[1]!, file);
      // `{ error: { code: '…' } }` replies the server writes itself
      for (const m of text.matchAll(/error: \{\s*code: '([^']+)'/g)) found.set(m[1]!, file);
    }
    expect(found.size).toBeGreaterThan(10);
    for (const [code, file] of found) expect(isAppErrorCode(code), `${code} in ${file}`).toBe(true);
  });
});
