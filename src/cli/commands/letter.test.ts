import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'xieshang-letter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  return runCli(args, { env: { HOME: dir }, cwd: ROOT });
}

describe('xieshang letter', () => {
  it('lists every letter kind (nineteen)', async () => {
    const r = await run(['letter', 'list', '--json']);
    expect(r.code).toBe(0);
    const kinds = (JSON.parse(r.out) as { kinds: { kind: string }[] }).kinds.map((k) => k.kind);
    expect(kinds).toHaveLength(19);
    expect(kinds).toContain('call-script');
  });

  it('writes a DOCX request letter from an example case file', async () => {
    const out = join(dir, 'request.docx');
    const r = await run([
      'letter',
      'request',
      '--input',
      'docs/letters/young-worker.json',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成《协商还款申请书》');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('prints Markdown in English to stdout when there is no --out', async () => {
    const r = await run([
      '--lang',
      'en',
      'letter',
      'hardship',
      '--input',
      'docs/letters/card-family.json',
      '--format',
      'md',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Statement of Financial Hardship');
    expect(r.out).toContain('not legal advice');
  });

  it('takes the format from the --out extension and reports JSON', async () => {
    const out = join(dir, 'complaint.html');
    const r = await run([
      '--json',
      'letter',
      'complaint',
      '--input',
      'docs/letters/young-worker.json',
      '--channel',
      'police-110',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { format: string; title: string; citations: string[] };
    expect(j.format).toBe('html');
    expect(j.title).toBe('报案材料');
    expect(j.citations).toContain('public-security-2025-50');
    expect(readFileSync(out, 'utf8')).toContain('<!DOCTYPE html>');
  });

  it('exits 1 with the missing part named, and writes nothing', async () => {
    const out = join(dir, 'nope.docx');
    const r = await run([
      '--json',
      'letter',
      'excess-interest',
      '--input',
      'docs/letters/many-loans.json',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      error: { code: 'invalid-input', field: 'legality' },
    });
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 on a missing input file and on docx without --out', async () => {
    expect(
      (await run(['letter', 'request', '--input', 'no-such.json', '--format', 'md'])).code,
    ).toBe(1);
    const r = await run(['letter', 'request', '--input', 'docs/letters/young-worker.json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--out');
  });
});
