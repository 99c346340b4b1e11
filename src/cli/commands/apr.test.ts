import { spawn } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

async function run(args: string[], input: unknown) {
  return runCli(args, {
    stdin: typeof input === 'string' ? input : JSON.stringify(input),
    cwd: '/',
  });
}

// 中国人民银行公告〔2021〕第3号 example: 100,000 lent, 1,000 fee up front, 12 × 8,833.30.
const pboc = {
  cashflows: [
    { date: '2024-01-15', amount: '100000.00' },
    { date: '2024-01-15', amount: '-1000.00' },
    ...Array.from({ length: 12 }, (_, i) => ({
      date: `${i < 11 ? 2024 : 2025}-${String(((1 + i) % 12) + 1).padStart(2, '0')}-15`,
      amount: '-8833.30',
    })),
  ],
};

describe('xieshang apr', () => {
  it('prints the four rates as JSON for dated flows (PBOC 公告〔2021〕第3号 example → 12.80%)', async () => {
    const r = await run(['apr', '--json', '-'], pboc);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, number>;
    expect(Object.keys(j)).toEqual([
      'periodicRate',
      'periodsPerYear',
      'nominalApr',
      'effectiveAnnualRate',
    ]);
    expect(j['periodsPerYear']).toBe(12);
    expect(Math.round(j['nominalApr']! * 10000) / 100).toBe(12.8);
    expect(Math.abs(j['effectiveAnnualRate']! - 0.1358)).toBeLessThan(0.0001);
  });

  it('accepts flows in any order (same answer reversed)', async () => {
    const a = await run(['--json', 'apr', '-'], pboc);
    const b = await run(['--json', 'apr', '-'], { cashflows: [...pboc.cashflows].reverse() });
    expect(b.out).toBe(a.out);
  });

  it('accepts a periodic list with periodsPerYear (PBOC example → 12.80% / 13.58%)', async () => {
    const r = await run(['--json', 'apr', '-'], {
      periodsPerYear: 12,
      cashflows: ['99000.00', ...Array(12).fill('-8833.30')],
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, number>;
    expect(Math.round(j['nominalApr']! * 10000) / 100).toBe(12.8);
    expect(Math.round(j['effectiveAnnualRate']! * 10000) / 100).toBe(13.58);
  });

  it('prints a Chinese table by default and English with --lang en', async () => {
    const zh = await run(['apr', '-'], pboc);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('单利口径年化');
    expect(zh.out).toContain('12.80%');
    expect(zh.out).toContain('复利口径年化');
    const en = await run(['--lang', 'en', 'apr', '-'], pboc);
    expect(en.out).toContain('Nominal APR');
    expect(en.out).toContain('12.80%');
  });

  it('reads a file argument', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xieshang-apr-'));
    const file = join(dir, 'flows.json');
    await writeFile(file, JSON.stringify(pboc));
    const r = await run(['--json', 'apr', file], '');
    await rm(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveProperty('nominalApr');
  });

  const errorCases: [string, unknown, string, string][] = [
    [
      'a date that does not exist',
      { cashflows: [{ date: '2024-02-30', amount: '1.00' }] },
      'invalid-date',
      'cashflows[0].date',
    ],
    [
      'an amount with three decimals',
      { cashflows: [pboc.cashflows[0], { date: '2024-02-15', amount: '-1.005' }] },
      'invalid-amount',
      'cashflows[1].amount',
    ],
    [
      'an amount with letters',
      { periodsPerYear: 12, cashflows: ['100.00', '-5O.00'] },
      'invalid-amount',
      'cashflows[1]',
    ],
    ['an empty list', { cashflows: [] }, 'invalid-input', 'cashflows'],
    ['a missing list', {}, 'invalid-input', 'cashflows'],
    ['not an object', [1, 2], 'invalid-input', 'input'],
    [
      'flows all of one sign',
      {
        cashflows: [
          { date: '2024-01-01', amount: '100.00' },
          { date: '2024-02-01', amount: '5.00' },
        ],
      },
      'invalid-input',
      'cashflows',
    ],
    [
      'a bad periodsPerYear',
      { periodsPerYear: 'monthly', cashflows: ['1.00', '-2.00'] },
      'invalid-input',
      'periodsPerYear',
    ],
    [
      'a plain amount list without periodsPerYear',
      { cashflows: ['1.00', '-2.00'] },
      'invalid-input',
      'cashflows[0]',
    ],
    [
      'two rates (-100, +230, -132)',
      { periodsPerYear: 1, cashflows: ['-100.00', '230.00', '-132.00'] },
      'ambiguous-rate',
      'cashflows',
    ],
    [
      'no rate at all (100, -100, 100)',
      { periodsPerYear: 12, cashflows: ['100.00', '-100.00', '100.00'] },
      'no-solution',
      'cashflows',
    ],
    ['broken JSON', '{"cashflows": [', 'invalid-json', 'stdin'],
  ];
  for (const [what, input, code, field] of errorCases) {
    it(`rejects ${what} with ${code} on ${field}, exit 1`, async () => {
      const r = await run(['--json', 'apr', '-'], input);
      expect(r.code).toBe(1);
      const j = JSON.parse(r.out) as { error: { code: string; field: string; message: string } };
      expect(j.error.code).toBe(code);
      expect(j.error.field).toBe(field);
      expect(j.error.message.length).toBeGreaterThan(10);
      expect(r.err).toBe('');
    });
  }

  it('lists the ambiguous rates in details', async () => {
    const r = await run(['--json', 'apr', '-'], {
      periodsPerYear: 1,
      cashflows: ['-100.00', '230.00', '-132.00'],
    });
    const j = JSON.parse(r.out) as { error: { details: { rates: number[] } } };
    expect(j.error.details.rates.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.1, 0.2]);
  });

  it('says what is wrong in a Chinese sentence without --json, no stack trace', async () => {
    const r = await run(['apr', '-'], { cashflows: [{ date: '2024-02-30', amount: '1.00' }] });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('cashflows[0].date');
    expect(r.err).toContain('2024-02-30');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  describe('oversized input', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'xieshang-apr-big-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses a 1 GB file without reading it (sparse file)', async () => {
      const file = join(dir, 'huge.json');
      await writeFile(file, '');
      await truncate(file, 1024 * 1024 * 1024);
      const t0 = performance.now();
      const r = await run(['--json', 'apr', file], '');
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)).toMatchObject({
        error: { code: 'input-too-large', field: 'file' },
      });
    });

    it('stops reading a 1 GB stdin stream early with input-too-large', async () => {
      const bin = fileURLToPath(new URL('../../../bin/xieshang.js', import.meta.url));
      const child = spawn(process.execPath, [bin, '--json', 'apr', '-'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
      child.stdin.on('error', () => {}); // EPIPE once the CLI stops reading
      const chunk = Buffer.alloc(1024 * 1024, 0x20); // 1 MB of JSON whitespace
      const limit = 1024; // chunks: 1 GB in all, if nobody stopped us
      let written = 0;
      const exited = new Promise<number | null>((resolve) =>
        child.on('close', (code) => resolve(code)),
      );
      let closed = false;
      void exited.then(() => (closed = true));
      while (written < limit && !closed && child.stdin.writable) {
        const ok = child.stdin.write(chunk);
        written++;
        if (!ok) {
          await Promise.race([
            new Promise((resolve) => child.stdin.once('drain', resolve)),
            exited,
          ]);
        }
      }
      child.stdin.end();
      const code = await exited;
      expect(code).toBe(1);
      expect(written).toBeLessThan(200); // stopped near the 16 MB limit, far from 1 GB
      expect(JSON.parse(out)).toMatchObject({ error: { code: 'input-too-large', field: 'stdin' } });
    }, 60_000);
  });
});
