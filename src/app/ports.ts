// The ports: what use cases need from the machine they run on, and nothing more. `app` declares
// them and never imports `node:*` or a database driver; the Node adapters live in src/node/
// (files, crypto, temp names, clock, ids) and src/vault/store.ts (the vault), and only the
// composition roots (cli/deps.ts, server/main.ts, cli/commands/serve.ts) and tests build them.
// The database reaches app as a Kysely instance: Kysely is already the abstraction over the
// drivers (its Dialect/Driver), so app never sees better-sqlite3 or pg.
import type { Sha256Hex } from '../core/ledger/index.js';
import type { LedgerHead, ObjectCheck, PutResult } from '../vault/store.js';

export type { LedgerHead, ObjectCheck, PutResult };

/** What app reads of a file. */
export interface FileInfo {
  size: number;
  isFile: boolean;
  isDirectory: boolean;
  mtime: Date;
}

/**
 * Files by path. Paths are the host's strings: app builds them only with `join`/`resolve` here.
 * Everything created is the owner's only (directories 0700, files 0600).
 */
export interface FileStore {
  join(...parts: string[]): string;
  dirname(path: string): string;
  basename(path: string): string;
  /** `path` made absolute against `base` (the host's working directory when ''); absolute as is */
  resolve(base: string, path: string): string;
  /** `path` under `root` with '/' between the parts (a zip entry name) */
  relative(root: string, path: string): string;
  /** null when nothing is there */
  stat(path: string): Promise<FileInfo | null>;
  /** true when this process may read the file */
  canRead(path: string): Promise<boolean>;
  readFile(path: string): Promise<Buffer>;
  /** creates a new file (fails when one is there) holding `text` */
  writeNew(path: string, text: string): Promise<void>;
  /** a directory's names, sorted; [] when it does not exist */
  list(dir: string): Promise<string[]>;
  /** creates a directory and its parents */
  mkdir(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** removes a file or a directory tree; nothing there is fine */
  remove(path: string): Promise<void>;
  /** the file's bytes as a stream; `tap` sees every chunk on its way (to hash it) */
  openRead(path: string, tap?: (chunk: Buffer) => void): NodeJS.ReadableStream;
  /** writes a new file (fails when one is there) from a stream, flushed to disk before resolving */
  writeFrom(path: string, source: NodeJS.ReadableStream | AsyncIterable<Buffer>): Promise<void>;
  /** a stream of what `chunks` yields, for libraries that take streams (the zip writer) */
  streamOf(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): NodeJS.ReadableStream;
}

/** An incremental SHA-256 (hex digest). */
export interface Hasher {
  update(bytes: Uint8Array | string): Hasher;
  digest(): string;
}

export interface Crypto {
  sha256(): Hasher;
  hmacSha256(key: Buffer, text: string): string;
  randomBytes(n: number): Buffer;
  /** compares in constant time (MACs) */
  timingSafeEqual(a: Buffer, b: Buffer): boolean;
}

/**
 * Names of temporary files and directories, tagged with this process so a later process can tell
 * a dead owner's litter from a live one's work (node/stale-temp.ts sweeps them).
 */
export interface TempFiles {
  /** `<kind>-<pid>-`: the prefix of a temp directory under <home>/tmp */
  dirPrefix(kind: 'upload' | 'export' | 'backup'): string;
  /** a fresh name beside `file` to write before renaming onto it */
  beside(file: string): string;
  /** where a restore stages the vault before moving it into place: <home>/.restore-<pid> */
  restoreStaging(home: string): string;
}

/** The evidence vault: content-addressed originals (vault/store.ts on disk). */
export interface Vault {
  /** stores a file (path) or a stream of bytes, once */
  put(source: string | AsyncIterable<Uint8Array>): Promise<PutResult>;
  has(hash: Sha256Hex): Promise<boolean>;
  /** the object's bytes; the stream errors at its end when they no longer match the hash */
  openVerified(hash: Sha256Hex): NodeJS.ReadableStream;
  check(hash: Sha256Hex): Promise<ObjectCheck>;
  /** removes temp files killed writers left; returns how many */
  sweepTemp(): Promise<number>;
  readHead(caseId: string): Promise<LedgerHead | null>;
  writeHead(caseId: string, head: LedgerHead): Promise<void>;
}

/** The host's side of the ports: what a use case needs besides the database and the vault. */
export interface Host {
  files: FileStore;
  crypto: Crypto;
  temp: TempFiles;
}
