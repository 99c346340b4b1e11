// The server log rotates at 1 MiB and keeps three old files, each owner-only.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileErrorLog, LOG_FILE } from './error-log.js';

const home = mkdtempSync(join(tmpdir(), 'xs-log-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('server log rotation', () => {
  it('moves a full log to .1, .2, .3 and drops the oldest', () => {
    const log = fileErrorLog(home, () => {});
    const file = join(home, 'logs', LOG_FILE);
    mkdirSync(join(home, 'logs'), { recursive: true });
    for (let round = 1; round <= 4; round++) {
      writeFileSync(file, 'x'.repeat(1024 * 1024));
      log.write({ id: `E-${round}`, method: 'GET', route: '/api/x', error: new Error('boom') });
      expect(statSync(file).size).toBeLessThan(4096); // a fresh file with one line
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    for (const n of [1, 2, 3]) expect(existsSync(`${file}.${n}`)).toBe(true);
    expect(existsSync(`${file}.4`)).toBe(false);
    expect(statSync(join(home, 'logs')).mode & 0o077).toBe(0);
  });
});
