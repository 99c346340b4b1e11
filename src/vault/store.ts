// Content-addressed object store on disk: <home>/vault/objects/<2 hex>/<62 hex>, by SHA-256 of the
// bytes. Writes stream through the hash into a temp file in the same filesystem, fsync, then
// link() into place (link never overwrites, unlike rename), fsync the directory. Any failure
// (ENOSPC included) removes the temp file, so no partial object is ever visible.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';

import { isSha256Hex, type Sha256Hex } from '../core/ledger/index.js';
import { parseHeadFile } from './chain.js';

export { isSha256Hex, type Sha256Hex };

export interface PutResult {
  hash: Sha256Hex;
  size: number;
  /** false when identical content was already stored (stored once, never overwritten) */
  isNew: boolean;
}

export type ObjectCheck =
  | { status: 'ok'; size: number }
  | { status: 'missing' }
  | { status: 'changed'; actualHash: Sha256Hex; size: number };

export interface VaultStoreOptions {
  /** Test seam: opens the temp file for writing (e.g. a sink that fails with ENOSPC). */
  openTempSink?: (path: string) => Promise<TempSink>;
  /** Read chunk size; large chunks keep hashing near sha256sum speed. */
  chunkBytes?: number;
}

/** Where ingested bytes go before the object is linked into place. */
export interface TempSink {
  write(bytes: Buffer): Promise<void>;
  /** fsync: the bytes are durable before the link makes them visible */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface VaultStore {
  readonly root: string;
  objectPath(hash: Sha256Hex): string;
  /** Streams a file (path) or a readable (any async iterable of bytes) into the store. */
  put(source: string | AsyncIterable<Uint8Array>): Promise<PutResult>;
  has(hash: Sha256Hex): Promise<boolean>;
  /** A stream of the object's bytes that errors at the end if they no longer match the hash. */
  openVerified(hash: Sha256Hex): Readable;
  /** Re-hashes one object. */
  check(hash: Sha256Hex): Promise<ObjectCheck>;
  /** Every object file name that looks like a hash (foreign files are ignored). */
  listObjects(): Promise<Sha256Hex[]>;
  /** Removes temp files left by killed processes; returns how many. */
  sweepTemp(): Promise<number>;
  /** The ledger head last written for a case (vault/heads/<case>.json), or null. */
  readHead(caseId: string): Promise<LedgerHead | null>;
  /** Atomically replaces the head file (temp + fsync + rename). */
  writeHead(caseId: string, head: LedgerHead): Promise<void>;
}

/** A ledger head written beside the objects, so removing the newest ledger rows is detectable. */
export interface LedgerHead {
  seq: number;
  hash: Sha256Hex;
}

const DEFAULT_CHUNK = 4 * 1024 * 1024;

/** Where one store keeps things, and how it reads and writes (the options resolved). */
interface Layout {
  root: string;
  objectsDir: string;
  tmpDir: string;
  headsDir: string;
  chunk: number;
  openTemp: (path: string) => Promise<TempSink>;
}

export function createVaultStore(home: string, opts: VaultStoreOptions = {}): VaultStore {
  const root = join(home, 'vault');
  const l: Layout = {
    root,
    objectsDir: join(root, 'objects'),
    tmpDir: join(root, 'tmp'),
    headsDir: join(root, 'heads'),
    chunk: opts.chunkBytes ?? DEFAULT_CHUNK,
    openTemp: opts.openTempSink ?? openFileSink,
  };
  return {
    root,
    objectPath: (hash) => objectPath(l, hash),
    put: (source) => put(l, source),
    has: async (hash) => exists(objectPath(l, hash)),
    openVerified: (hash) => openVerified(l, hash),
    check: (hash) => check(l, hash),
    listObjects: () => listObjects(l),
    sweepTemp: () => sweepTemp(l),
    readHead: (caseId) => readHead(l, caseId),
    writeHead: (caseId, head) => writeHead(l, caseId, head),
  };
}

function objectPath(l: Layout, hash: Sha256Hex): string {
  return join(l.objectsDir, hash.slice(0, 2), hash.slice(2));
}

function headPath(l: Layout, caseId: string): string {
  return join(l.headsDir, `${encodeURIComponent(caseId)}.json`);
}

async function put(l: Layout, source: string | AsyncIterable<Uint8Array>): Promise<PutResult> {
  await mkdir(l.tmpDir, { recursive: true });
  const tmp = join(l.tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}.part`);
  const hasher = createHash('sha256');
  let size = 0;
  let linked = false;
  try {
    const sink = await l.openTemp(tmp);
    try {
      const feed = (buf: Buffer): Promise<void> => {
        // the write runs in libuv's pool while this thread hashes the same bytes
        const written = sink.write(buf);
        hasher.update(buf);
        size += buf.length;
        return written;
      };
      if (typeof source === 'string') await readFileOnce(source, l.chunk, feed);
      else
        for await (const piece of source)
          await feed(
            Buffer.isBuffer(piece)
              ? piece
              : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength),
          );
      await sink.sync();
    } finally {
      await sink.close();
    }
    const hash = hasher.digest('hex') as Sha256Hex;
    const dest = objectPath(l, hash);
    const shard = join(l.objectsDir, hash.slice(0, 2));
    const shardIsNew = !(await exists(shard));
    await mkdir(shard, { recursive: true });
    if (shardIsNew) await fsyncDir(l.objectsDir);
    try {
      await link(tmp, dest);
      linked = true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return { hash, size, isNew: false };
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
      // filesystems without hard links: rename, after checking we would not overwrite
      if (await exists(dest)) return { hash, size, isNew: false };
      await rename(tmp, dest);
      linked = true;
    }
    await fsyncDir(shard);
    return { hash, size, isNew: true };
  } finally {
    await unlink(tmp).catch(() => undefined);
    if (linked) await fsyncDir(l.tmpDir).catch(() => undefined);
  }
}

function openVerified(l: Layout, hash: Sha256Hex): Readable {
  const hasher = createHash('sha256');
  const check = new Transform({
    transform(buf: Buffer, _enc, cb) {
      hasher.update(buf);
      cb(null, buf);
    },
    flush(cb) {
      const actual = hasher.digest('hex');
      cb(
        actual === hash
          ? null
          : Object.assign(new Error(`vault object ${hash} changed on disk (now ${actual})`), {
              code: 'EVAULTCHANGED',
            }),
      );
    },
  });
  const input = createReadStream(objectPath(l, hash), { highWaterMark: l.chunk });
  input.on('error', (e) => check.destroy(e));
  return input.pipe(check);
}

async function check(l: Layout, hash: Sha256Hex): Promise<ObjectCheck> {
  let fh;
  try {
    fh = await open(objectPath(l, hash), 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw e;
  }
  const hasher = createHash('sha256');
  let size = 0;
  try {
    // a buffer sized to the file (up to one chunk): small objects stay cheap to check
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(l.chunk, (await fh.stat()).size)));
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hasher.update(buf.subarray(0, bytesRead));
      size += bytesRead;
    }
  } finally {
    await fh.close();
  }
  const actual = hasher.digest('hex') as Sha256Hex;
  return actual === hash ? { status: 'ok', size } : { status: 'changed', actualHash: actual, size };
}

async function listObjects(l: Layout): Promise<Sha256Hex[]> {
  const out: Sha256Hex[] = [];
  let shards: string[];
  try {
    shards = await readdir(l.objectsDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw e;
  }
  for (const s of shards.sort()) {
    if (!/^[0-9a-f]{2}$/.test(s)) continue;
    for (const rest of (await readdir(join(l.objectsDir, s))).sort()) {
      const h = s + rest;
      if (isSha256Hex(h)) out.push(h);
    }
  }
  return out;
}

async function sweepTemp(l: Layout): Promise<number> {
  let names: string[];
  try {
    names = await readdir(l.tmpDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const n of names) {
    const pid = Number(/^(\d+)-[0-9a-f]+\.part$/.exec(n)?.[1]);
    if (!Number.isSafeInteger(pid) || isAlive(pid)) continue;
    await unlink(join(l.tmpDir, n)).then(
      () => (removed += 1),
      () => undefined,
    );
  }
  return removed;
}

async function readHead(l: Layout, caseId: string): Promise<LedgerHead | null> {
  let text: string;
  try {
    text = await readFile(headPath(l, caseId), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return parseHeadFile(text);
}

async function writeHead(l: Layout, caseId: string, head: LedgerHead): Promise<void> {
  await mkdir(l.headsDir, { recursive: true });
  const tmp = join(l.headsDir, `.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(JSON.stringify({ seq: head.seq, hash: head.hash }) + '\n');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, headPath(l, caseId));
    await fsyncDir(l.headsDir);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/**
 * Reads a file once, in `chunk`-sized pieces, handing each to `feed` (which hashes it and starts
 * writing it) while the next piece is read: three reused buffers, so a 2 GB recording costs three
 * chunks of memory and reading, hashing and writing overlap. A buffer is read into again only
 * after the write that used it has finished.
 */
async function readFileOnce(
  path: string,
  chunk: number,
  feed: (bytes: Buffer) => Promise<void>,
): Promise<void> {
  const fh = await open(path, 'r');
  const bufs = [Buffer.allocUnsafe(chunk), Buffer.allocUnsafe(chunk), Buffer.allocUnsafe(chunk)];
  let reading: Promise<{ bytesRead: number }> = fh.read(bufs[0]!, 0, chunk, null);
  let writing: Promise<void> = Promise.resolve();
  try {
    for (let i = 0; ; i += 1) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      // bufs[(i + 1) % 3] last went to write i - 2, which ended before write i - 1 began
      reading = fh.read(bufs[(i + 1) % 3]!, 0, chunk, null);
      reading.catch(() => undefined);
      await writing;
      writing = feed(bufs[i % 3]!.subarray(0, bytesRead));
      // a failed read or write (ENOSPC) surfaces at the next await of it, not as unhandled
      writing.catch(() => undefined);
    }
    await writing;
  } finally {
    // on an error, let the read and write in flight settle before the handle closes
    await Promise.allSettled([reading, writing]);
    await fh.close();
  }
}

/** The real temp file: created exclusively and read-only (objects are never modified). */
async function openFileSink(path: string): Promise<TempSink> {
  const fh = await open(path, 'wx', 0o444);
  return {
    async write(bytes) {
      for (let off = 0; off < bytes.length;) {
        const { bytesWritten } = await fh.write(bytes, off, bytes.length - off);
        off += bytesWritten;
      }
    },
    sync: () => fh.sync(),
    close: () => fh.close(),
  };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
