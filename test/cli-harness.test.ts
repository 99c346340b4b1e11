import { describe, expect, it } from 'vitest';
import { MAX_JSON_INPUT_BYTES } from '../src/cli/io.js';
import { runCli } from './cli-harness.js';

async function* chunks(total: number, size: number): AsyncIterable<Buffer> {
  for (let sent = 0; sent < total; sent += size)
    yield Buffer.alloc(Math.min(size, total - sent), 32);
}

describe('runCli (in-process CLI harness)', () => {
  it('feeds a string on stdin and captures stdout as JSON', async () => {
    const r = await runCli(['--json', 'apr', '-'], {
      stdin: JSON.stringify({
        periodsPerYear: 12,
        cashflows: ['1200.00', ...Array(12).fill('-100.00')],
      }),
    });
    expect(r.code).toBe(0);
    expect(r.json<{ nominalApr: number }>().nominalApr).toBeCloseTo(0, 9);
  });

  it('refuses a stdin stream past the limit with input-too-large, as the real reader does', async () => {
    const r = await runCli(['--json', 'apr', '-'], {
      stdin: chunks(MAX_JSON_INPUT_BYTES + 1, 1 << 20),
    });
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ error: { code: 'input-too-large', field: 'stdin' } });
  });
});
