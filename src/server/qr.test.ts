// The built-in QR encoder: what it draws must decode (zbarimg, installed by .ci/run) to the exact
// text, across versions 1–8 (version 7+ carries version bits), and the terminal form must be the
// same matrix.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qrMatrix, terminalQr } from './qr.js';

function onPath(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const ESC = String.fromCharCode(27);
const hasZbar = onPath('zbarimg');
if (!hasZbar && process.env['CI'] === 'true')
  throw new Error(
    'CI=true: zbarimg is missing (apt-get install zbar-tools), the QR test cannot run',
  );
if (!hasZbar)
  console.warn('SKIPPED QR decode check: zbarimg not on PATH (apt-get install zbar-tools)');

/** A PBM image (6 px per module, 4-module quiet zone), as a camera would see the code. */
function pbm(m: boolean[][]): string {
  const q = 4;
  const s = 6;
  const n = (m.length + 2 * q) * s;
  const rows: string[] = [`P1`, `${n} ${n}`];
  for (let y = 0; y < n; y++) {
    const row: string[] = [];
    for (let x = 0; x < n; x++)
      row.push(m[Math.floor(y / s) - q]?.[Math.floor(x / s) - q] ? '1' : '0');
    rows.push(row.join(' '));
  }
  return rows.join('\n') + '\n';
}

const TEXTS = [
  'http://192.168.1.5:4170/pair?code=12345678',
  'hi',
  'https://[fe80::1234:5678:9abc:def0]:4170/pair?code=00000001',
  `https://laptop.local:4170/pair?code=87654321&x=${'y'.repeat(100)}`,
  'HTTP://LAPTOP:4170/PAIR', // ASCII only: no ECI segment, so non-ASCII would be guessed as Shift-JIS by readers
];

describe('QR encoder', () => {
  (hasZbar ? it : it.skip)('draws codes that decode to the exact text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs-qr-'));
    try {
      for (const [i, text] of TEXTS.entries()) {
        const file = join(dir, `${i}.pbm`);
        writeFileSync(file, pbm(qrMatrix(text)));
        const out = execFileSync('zbarimg', ['-q', '--raw', file], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        expect(out.replace(/\n$/, '')).toBe(text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('picks the smallest version, up to 10, and refuses longer text', () => {
    expect(qrMatrix('hi')).toHaveLength(21);
    expect(qrMatrix(TEXTS[0]!)).toHaveLength(29);
    expect(qrMatrix(TEXTS[3]!).length).toBe(49); // version 8
    expect(() => qrMatrix('x'.repeat(300))).toThrow(/too long/);
    expect(terminalQr('x'.repeat(300))).toBeUndefined();
  });

  it('prints the same matrix in the terminal, two modules per cell', () => {
    const m = qrMatrix(TEXTS[0]!);
    const cells = terminalQr(TEXTS[0]!)!
      .split('\n')
      .map((line) =>
        [...line.matchAll(new RegExp(`${ESC}\\[(\\d+);(\\d+)m▀`, 'g'))].map((c) => [c[1], c[2]]),
      );
    const size = m.length + 8;
    expect(cells).toHaveLength(Math.ceil(size / 2));
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const cell = cells[Math.floor(y / 2)]![x]!;
        const dark = y % 2 === 0 ? cell[0] === '30' : cell[1] === '40';
        expect(dark).toBe(m[y - 4]?.[x - 4] === true);
      }
  });
});
