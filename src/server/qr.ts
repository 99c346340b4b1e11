// A small QR code encoder (ISO/IEC 18004: byte mode, error correction level M, versions 1–10),
// enough for the pairing URL `serve` shows in network mode; no dependency. After Nayuki's
// public-domain-style reference design: data bits → Reed–Solomon blocks → matrix → best mask.

const ECC_PER_BLOCK_M = [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
const BLOCKS_M = [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
const MAX_VERSION = 10;
const FORMAT_BITS_M = 0;

function rawDataModules(ver: number): number {
  let result = (16 * ver + 128) * ver + 64;
  if (ver >= 2) {
    const numAlign = Math.floor(ver / 7) + 2;
    result -= (25 * numAlign - 10) * numAlign - 55;
    if (ver >= 7) result -= 36;
  }
  return result;
}

function dataCodewords(ver: number): number {
  return Math.floor(rawDataModules(ver) / 8) - ECC_PER_BLOCK_M[ver]! * BLOCKS_M[ver]!;
}

function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function rsDivisor(degree: number): number[] {
  const result = Array.from({ length: degree }, () => 0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < result.length; j++) {
      result[j] = gfMultiply(result[j]!, root);
      if (j + 1 < result.length) result[j]! ^= result[j + 1]!;
    }
    root = gfMultiply(root, 0x02);
  }
  return result;
}

function rsRemainder(data: readonly number[], divisor: readonly number[]): number[] {
  const result = divisor.map(() => 0);
  for (const b of data) {
    const factor = b ^ result.shift()!;
    result.push(0);
    divisor.forEach((coef, i) => (result[i]! ^= gfMultiply(coef, factor)));
  }
  return result;
}

function bit(x: number, i: number): boolean {
  return ((x >>> i) & 1) !== 0;
}

/** The QR matrix (true = dark) for `text` as UTF-8 bytes; throws when it needs more than version 10. */
export function qrMatrix(text: string): boolean[][] {
  const bytes = [...Buffer.from(text, 'utf8')];
  const ver = versionFor(bytes.length);
  const codewords = interleave(dataBytes(bytes, ver), ver);
  const grid = functionPatterns(ver);
  placeCodewords(grid, codewords);
  chooseMask(grid);
  return grid.modules;
}

/** The smallest version whose level-M capacity holds the bytes. */
function versionFor(length: number): number {
  let ver = 1;
  for (; ver <= MAX_VERSION; ver++) {
    const countBits = ver <= 9 ? 8 : 16;
    if (4 + countBits + length * 8 <= dataCodewords(ver) * 8) break;
  }
  if (ver > MAX_VERSION) throw new Error('text too long for the built-in QR encoder');
  return ver;
}

/** 1. data bits: byte mode, count, bytes, terminator, padding; as codewords. */
function dataBytes(bytes: readonly number[], ver: number): number[] {
  const bits: number[] = [];
  const push = (val: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bits.push((val >>> i) & 1);
  };
  push(0b0100, 4);
  push(bytes.length, ver <= 9 ? 8 : 16);
  for (const b of bytes) push(b, 8);
  const capacity = dataCodewords(ver) * 8;
  push(0, Math.min(4, capacity - bits.length));
  push(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) push(pad, 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8)
    data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  return data;
}

/** 2. Reed–Solomon per block, then interleave. */
function interleave(data: readonly number[], ver: number): number[] {
  const numBlocks = BLOCKS_M[ver]!;
  const eccLen = ECC_PER_BLOCK_M[ver]!;
  const rawCodewords = Math.floor(rawDataModules(ver) / 8);
  const numShort = numBlocks - (rawCodewords % numBlocks);
  const shortLen = Math.floor(rawCodewords / numBlocks);
  const divisor = rsDivisor(eccLen);
  const blocks: number[][] = [];
  for (let i = 0, k = 0; i < numBlocks; i++) {
    const dat = data.slice(k, k + shortLen - eccLen + (i < numShort ? 0 : 1));
    k += dat.length;
    const ecc = rsRemainder(dat, divisor);
    if (i < numShort) dat.push(0);
    blocks.push([...dat, ...ecc]);
  }
  const codewords: number[] = [];
  for (let i = 0; i < blocks[0]!.length; i++)
    blocks.forEach((block, j) => {
      if (i !== shortLen - eccLen || j >= numShort) codewords.push(block[i]!);
    });
  return codewords;
}

/** The matrix being drawn: `fixed` marks function-pattern modules that data and masks skip. */
interface Grid {
  size: number;
  modules: boolean[][];
  fixed: boolean[][];
  set: (x: number, y: number, dark: boolean) => void;
}

/** 3. function patterns: timing, finders, alignment, format (mask 0) and version bits. */
function functionPatterns(ver: number): Grid {
  const size = ver * 4 + 17;
  const modules = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  const fixed = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  const set = (x: number, y: number, dark: boolean) => {
    modules[y]![x] = dark;
    fixed[y]![x] = true;
  };
  const grid: Grid = { size, modules, fixed, set };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const finder = (x: number, y: number) => {
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && xx < size && yy >= 0 && yy < size) set(xx, yy, d !== 2 && d !== 4);
      }
  };
  finder(3, 3);
  finder(size - 4, 3);
  finder(3, size - 4);
  alignmentPatterns(grid, ver);
  formatBits(grid, 0);
  if (ver >= 7) versionBits(grid, ver);
  return grid;
}

function alignmentPatterns({ size, set }: Grid, ver: number): void {
  const align: number[] = [];
  if (ver > 1) {
    const numAlign = Math.floor(ver / 7) + 2;
    const step = Math.floor((ver * 8 + numAlign * 3 + 5) / (numAlign * 4 - 4)) * 2;
    for (let pos = size - 7; align.length < numAlign - 1; pos -= step) align.unshift(pos);
    align.unshift(6);
  }
  for (let i = 0; i < align.length; i++)
    for (let j = 0; j < align.length; j++) {
      if (
        (i === 0 && j === 0) ||
        (i === 0 && j === align.length - 1) ||
        (i === align.length - 1 && j === 0)
      )
        continue;
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++)
          set(align[i]! + dx, align[j]! + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
}

function formatBits({ size, set }: Grid, mask: number): void {
  const d = (FORMAT_BITS_M << 3) | mask;
  let rem = d;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const b = ((d << 10) | rem) ^ 0x5412;
  for (let i = 0; i <= 5; i++) set(8, i, bit(b, i));
  set(8, 7, bit(b, 6));
  set(8, 8, bit(b, 7));
  set(7, 8, bit(b, 8));
  for (let i = 9; i < 15; i++) set(14 - i, 8, bit(b, i));
  for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(b, i));
  for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(b, i));
  set(8, size - 8, true);
}

function versionBits({ size, set }: Grid, ver: number): void {
  let rem = ver;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  const b = (ver << 12) | rem;
  for (let i = 0; i < 18; i++) {
    const a = size - 11 + (i % 3);
    const c = Math.floor(i / 3);
    set(a, c, bit(b, i));
    set(c, a, bit(b, i));
  }
}

/** 4. codewords in the zigzag. */
function placeCodewords({ size, modules, fixed }: Grid, codewords: readonly number[]): void {
  let n = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++)
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if (!fixed[y]![x] && n < codewords.length * 8) {
          modules[y]![x] = bit(codewords[n >>> 3]!, 7 - (n & 7));
          n++;
        }
      }
  }
}

/** Inverts the data modules the mask pattern selects (applying it twice undoes it). */
function applyMask({ size, modules, fixed }: Grid, mask: number): void {
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (fixed[y]![x]) continue;
      const invert = [
        (x + y) % 2 === 0,
        y % 2 === 0,
        x % 3 === 0,
        (x + y) % 3 === 0,
        (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
        ((x * y) % 2) + ((x * y) % 3) === 0,
        (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
        (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
      ][mask]!;
      if (invert) modules[y]![x] = !modules[y]![x];
    }
}

/** 5. the mask with the lowest penalty, applied with its format bits. */
function chooseMask(grid: Grid): void {
  let best = 0;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    applyMask(grid, mask);
    formatBits(grid, mask);
    const score = penalty(grid.modules);
    if (score < bestScore) {
      best = mask;
      bestScore = score;
    }
    applyMask(grid, mask);
  }
  applyMask(grid, best);
  formatBits(grid, best);
}

/** Runs of 5+ same modules, 2×2 blocks and dark/light imbalance (rules N1, N2, N4). */
function penalty(m: boolean[][]): number {
  const size = m.length;
  let score = 0;
  for (let a = 0; a < size; a++)
    for (const horizontal of [true, false]) {
      let run = 1;
      for (let b = 1; b <= size; b++) {
        const same =
          b < size && (horizontal ? m[a]![b] === m[a]![b - 1] : m[b]![a] === m[b - 1]![a]);
        if (same) run++;
        else {
          if (run >= 5) score += run - 2;
          run = 1;
        }
      }
    }
  let dark = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (m[y]![x]) dark++;
      if (y + 1 < size && x + 1 < size) {
        const c = m[y]![x];
        if (c === m[y]![x + 1] && c === m[y + 1]![x] && c === m[y + 1]![x + 1]) score += 3;
      }
    }
  const total = size * size;
  score += (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
  return score;
}

/**
 * The QR code as terminal text: two modules per character cell (▀ with ANSI black/white), a
 * 4-module quiet zone, so it reads on dark and light terminals alike. Undefined if too long.
 */
export function terminalQr(text: string): string | undefined {
  let m: boolean[][];
  try {
    m = qrMatrix(text);
  } catch {
    return undefined;
  }
  const quiet = 4;
  const size = m.length + quiet * 2;
  const dark = (x: number, y: number) => m[y - quiet]?.[x - quiet] === true;
  const lines: string[] = [];
  for (let y = 0; y < size; y += 2) {
    let line = '';
    for (let x = 0; x < size; x++) {
      const top = dark(x, y);
      const bottom = y + 1 < size && dark(x, y + 1);
      line += `\x1b[${top ? 30 : 97};${bottom ? 40 : 107}m▀`;
    }
    lines.push(`${line}\x1b[0m`);
  }
  return lines.join('\n');
}
