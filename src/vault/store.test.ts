import { createHash } from 'node:crypto';
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVaultStore, type Sha256Hex } from './store.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'xs-vault-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex') as Sha256Hex;

function allFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

describe('vault store', () => {
  it('stores a file at objects/<2 hex>/<62 hex> named by its SHA-256', async () => {
    const store = createVaultStore(home);
    const f = join(home, 'in.txt');
    writeFileSync(f, '录音 recording');
    const r = await store.put(f);
    expect(r).toEqual({
      hash: sha('录音 recording'),
      size: Buffer.byteLength('录音 recording'),
      isNew: true,
    });
    const p = join(home, 'vault', 'objects', r.hash.slice(0, 2), r.hash.slice(2));
    expect(readFileSync(p, 'utf8')).toBe('录音 recording');
    expect(store.objectPath(r.hash)).toBe(p);
  });

  it('stores identical content once and never overwrites', async () => {
    const store = createVaultStore(home);
    const a = await store.put(Readable.from([Buffer.from('same')]));
    const b = await store.put(Readable.from([Buffer.from('sa'), Buffer.from('me')]));
    expect(a.hash).toBe(b.hash);
    expect([a.isNew, b.isNew]).toEqual([true, false]);
    expect(await store.listObjects()).toEqual([a.hash]);
    expect(allFiles(join(home, 'vault', 'tmp'))).toEqual([]);
  });

  it('streams in chunks: a multi-chunk input hashes like the whole', async () => {
    const store = createVaultStore(home, { chunkBytes: 1024 });
    const big = Buffer.alloc(300_000, 7);
    big[12345] = 1;
    const f = join(home, 'big.bin');
    writeFileSync(f, big);
    const r = await store.put(f);
    expect(r.hash).toBe(sha(big));
    expect(r.size).toBe(300_000);
  });

  it('check: ok, changed (one flipped byte), missing', async () => {
    const store = createVaultStore(home);
    const r = await store.put(Readable.from([Buffer.from('hello vault')]));
    expect(await store.check(r.hash)).toEqual({ status: 'ok', size: 11 });
    const p = store.objectPath(r.hash);
    chmodSync(p, 0o644);
    const b = readFileSync(p);
    b[0] = b[0]! ^ 1;
    writeFileSync(p, b);
    expect(await store.check(r.hash)).toMatchObject({ status: 'changed', actualHash: sha(b) });
    rmSync(p);
    expect(await store.check(r.hash)).toEqual({ status: 'missing' });
  });

  it('openVerified streams the bytes and fails when they changed', async () => {
    const store = createVaultStore(home);
    const r = await store.put(Readable.from([Buffer.from('abc')]));
    const chunks: Buffer[] = [];
    for await (const c of store.openVerified(r.hash)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('abc');
    const p = store.objectPath(r.hash);
    chmodSync(p, 0o644);
    writeFileSync(p, 'abd');
    await expect(async () => {
      for await (const _ of store.openVerified(r.hash)) void _;
    }).rejects.toThrow(/changed on disk/);
  });

  it('a full disk (ENOSPC) mid-write leaves no object and no temp file', async () => {
    let written = 0;
    const store = createVaultStore(home, {
      openTempSink: async (p) => {
        writeFileSync(p, ''); // a real temp file exists, as it would on disk
        return {
          write: async (chunk: Buffer) => {
            written += chunk.length;
            if (written > 50_000)
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            appendFileSync(p, chunk);
          },
          sync: async () => undefined,
          close: async () => undefined,
        };
      },
      chunkBytes: 16_384,
    });
    const f = join(home, 'in.bin');
    writeFileSync(f, Buffer.alloc(200_000, 1));
    await expect(store.put(f)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await store.listObjects()).toEqual([]);
    expect(allFiles(join(home, 'vault'))).toEqual([]);
  });

  it('a source that fails to read leaves nothing', async () => {
    const store = createVaultStore(home);
    await expect(store.put(join(home, 'nope.mp3'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(allFiles(join(home, 'vault'))).toEqual([]);
  });

  it('sweepTemp removes temp files of dead processes only', async () => {
    const store = createVaultStore(home);
    await store.put(Readable.from([Buffer.from('x')]));
    const tmp = join(home, 'vault', 'tmp');
    writeFileSync(join(tmp, '999999999-abcd.part'), 'partial');
    writeFileSync(join(tmp, `${process.pid}-abcd.part`), 'in progress');
    expect(await store.sweepTemp()).toBe(1);
    expect(readdirSync(tmp)).toEqual([`${process.pid}-abcd.part`]);
  });

  it('listObjects ignores foreign files', async () => {
    const store = createVaultStore(home);
    const r = await store.put(Readable.from([Buffer.from('x')]));
    writeFileSync(join(home, 'vault', 'objects', r.hash.slice(0, 2), 'README'), 'hi');
    expect(await store.listObjects()).toEqual([r.hash]);
  });
});
