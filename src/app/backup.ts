import type { Kysely } from 'kysely';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { parseIsoDate } from '../core/dates/index.js';
import {
  GENESIS_HASH,
  isSha256Hex,
  type LedgerEntry,
  type Sha256Hex,
} from '../core/ledger/index.js';
import { MAX_CENTS } from '../core/money/index.js';
import { createDb, knownMigrations, migrateToLatest, schemaVersion } from '../db/connect.js';
import {
  DEBT_KINDS,
  DEBT_STATUSES,
  FEE_KINDS,
  FEE_TIMINGS,
  LENDER_TYPES,
  MEMBER_ROLES,
  RATE_PERIODS,
  SCHEDULE_METHODS,
  TABLES_IN_ORDER,
} from '../db/schema.js';
import { verifyChain, type ChainAnchor } from '../vault/chain.js';
import { toAppError } from './db-errors.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { homeLayout } from './home.js';
import type { FileStore, Hasher, Host } from './ports.js';
import { RESTORE_COMMITTED, finishRestore } from './stale-temp.js';

/**
 * Backup format 1: one zip with
 *   db/<table>.jsonl  one JSON object per row, tables in dependency order, money as integers,
 *                     booleans as 0/1, dates and instants as ISO strings (engine-neutral);
 *   vault/<path>      the evidence vault's files, byte for byte, when the vault exists;
 *   manifest.json     format, schema version, and the SHA-256 and size of every other entry;
 *                     optionally `signature`: an HMAC-SHA256 of the rest of the manifest with the
 *                     home's backup key (<home>/backup.key, 0600), so a restore on a home holding
 *                     the same key can tell that this product made the archive.
 */
export const BACKUP_FORMAT = 'xieshang-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
  /** rows, for db/ entries */
  rows?: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  schemaVersion: string | null;
  tables: string[];
  entries: ManifestEntry[];
  signature?: BackupSignature;
}

export interface BackupSignature {
  alg: 'hmac-sha256';
  /** first 16 hex of the key's SHA-256: which key signed, without revealing it */
  keyId: string;
  mac: string;
}

const PAGE = 5000;
// Deterministic order (and keyset-free paging) per table: its primary key.
const ORDER: Record<string, string[]> = {
  case_members: ['case_id', 'user_id'],
  profiles: ['case_id'],
  negotiation_states: ['case_id', 'lender_id'],
  ledger_entries: ['case_id', 'seq'],
  case_settings: ['case_id', 'key'],
};

type AnyDb = Kysely<any>; // oxlint-disable-line no-explicit-any -- the dump reads every table generically

/** Tables to dump: the known order first, then any table a later migration added (by name). */
async function tablesToDump(db: AnyDb): Promise<{ name: string; columns: string[] }[]> {
  const tables = (await db.introspection.getTables()).filter((t) => !t.name.startsWith('kysely_'));
  const byName = new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
  const known = (TABLES_IN_ORDER as readonly string[]).filter((t) => byName.has(t));
  const extra = [...byName.keys()].filter((t) => !known.includes(t)).sort();
  return [...known, ...extra].map((name) => ({ name, columns: byName.get(name)! }));
}

function normalizeValue(column: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (column.startsWith('is_') && (v === 0 || v === 1)) return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  if (Buffer.isBuffer(v)) return { base64: v.toString('base64') };
  return v;
}

async function* dumpTable(db: AnyDb, name: string, columns: string[]): AsyncGenerator<string> {
  const order = ORDER[name] ?? (columns.includes('id') ? ['id'] : columns.slice(0, 2));
  for (let offset = 0; ; offset += PAGE) {
    let q = db.selectFrom(name).selectAll();
    for (const c of order) q = q.orderBy(c);
    const rows = (await q.limit(PAGE).offset(offset).execute()) as Record<string, unknown>[];
    for (const r of rows) {
      const o: Record<string, unknown> = {};
      for (const c of columns) o[c] = normalizeValue(c, r[c]);
      yield `${JSON.stringify(o)}\n`;
    }
    if (rows.length < PAGE) return;
  }
}

/** Every file under `root` (depth first, names sorted), with its mtime. */
async function listFiles(files: FileStore, root: string): Promise<{ path: string; mtime: Date }[]> {
  const out: { path: string; mtime: Date }[] = [];
  async function walk(dir: string): Promise<void> {
    for (const n of await files.list(dir).catch(() => [])) {
      const p = files.join(dir, n);
      const s = await files.stat(p);
      if (s?.isDirectory === true) await walk(p);
      else if (s?.isFile === true) out.push({ path: p, mtime: s.mtime });
    }
  }
  await walk(root);
  return out;
}

/**
 * Writes the whole store (database + vault) to `file` (a temp file renamed into place, so a crash
 * never leaves a half archive under the final name).
 */
/** The home's backup signing key file (created on the first backup, owner-only). */
export function backupKeyPath(host: Host, home: string): string {
  return host.files.join(home, 'backup.key');
}

/** Reads (or with create, makes) the home's 32-byte HMAC key; null when there is none. */
export async function backupKey(
  host: Host,
  home: string,
  opts: { create?: boolean } = {},
): Promise<Buffer | null> {
  const { files } = host;
  const path = backupKeyPath(host, home);
  let text: Buffer;
  try {
    text = await files.readFile(path);
  } catch {
    if ((await files.stat(path).catch(() => 'unreadable')) !== null || opts.create !== true)
      return null;
    const key = host.crypto.randomBytes(32);
    await files.mkdir(home);
    try {
      await files.writeNew(path, `${key.toString('hex')}\n`);
    } catch {
      return backupKey(host, home); // another process made it first
    }
    return key;
  }
  const hex = text.toString('utf8').trim();
  return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
}

function keyId(host: Host, key: Buffer): string {
  return host.crypto.sha256().update(key).digest().slice(0, 16);
}

/** The HMAC covers the manifest without its signature, as compact JSON in the written key order. */
function manifestMac(host: Host, manifest: BackupManifest, key: Buffer): string {
  const { signature: _ignored, ...rest } = manifest;
  return host.crypto.hmacSha256(key, JSON.stringify(rest));
}

function signManifest(host: Host, manifest: BackupManifest, key: Buffer): BackupSignature {
  return { alg: 'hmac-sha256', keyId: keyId(host, key), mac: manifestMac(host, manifest, key) };
}

export async function createBackup(deps: Deps, file: string): Promise<BackupManifest> {
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: deps.clock.now(),
    schemaVersion: await schemaVersion(deps.db),
    tables: [],
    entries: [],
  };
  const { files } = deps;
  const zip = new yazl.ZipFile();
  const tmp = deps.temp.beside(file);
  await files.mkdir(files.dirname(file));
  const written = files.writeFrom(tmp, zip.outputStream);
  // an early failure of the write still reaches the catch below, not the process
  written.catch(() => undefined);
  const hashers: [ManifestEntry, Hasher][] = [];
  const done: Promise<void>[] = [];
  // Entries carry real dates (the dump's instant, each vault file's mtime), not 1980-01-01.
  const dumpedAt = new Date(manifest.createdAt);
  const addEntry = (path: string, rows?: number) => {
    const entry: ManifestEntry = {
      path,
      sha256: '',
      size: 0,
      ...(rows === undefined ? {} : { rows }),
    };
    manifest.entries.push(entry);
    return entry;
  };
  try {
    // The dump is read inside one transaction so tables are mutually consistent (on SQLite a
    // read transaction; on PostgreSQL a snapshot at the first query).
    await deps.db.transaction().execute(async (trx) => {
      for (const t of await tablesToDump(trx)) {
        manifest.tables.push(t.name);
        const chunks: string[] = [];
        let rows = 0;
        for await (const line of dumpTable(trx, t.name, t.columns)) {
          chunks.push(line);
          rows += 1;
        }
        const body = Buffer.from(chunks.join(''), 'utf8');
        const entry = addEntry(`db/${t.name}.jsonl`, rows);
        entry.size = body.length;
        entry.sha256 = deps.crypto.sha256().update(body).digest();
        zip.addBuffer(body, entry.path, { mtime: dumpedAt, mode: 0o100600 });
      }
    });
    const vault = homeLayout(files, deps.home).vault;
    for (const f of await listFiles(files, vault)) {
      // each vault file is hashed on its way into the zip: read once
      const entry = addEntry(`vault/${files.relative(vault, f.path)}`);
      const h = deps.crypto.sha256();
      hashers.push([entry, h]);
      let settle!: { res: () => void; rej: (e: Error) => void };
      const ended = new Promise<void>((res, rej) => (settle = { res, rej }));
      ended.catch(() => undefined); // awaited below; a read error must not surface unhandled first
      done.push(ended);
      // opened only when the zip reaches it: a vault of 10,000 files holds one descriptor at a time
      zip.addReadStreamLazy(entry.path, { mtime: f.mtime, mode: 0o100600 }, (cb) => {
        const source = files.openRead(f.path, (chunk) => {
          h.update(chunk);
          entry.size += chunk.length;
        });
        source.on('end', settle.res).on('error', settle.rej);
        cb(null, source);
      });
    }
    // The manifest comes last: the zip asks for its bytes once every file before it has passed
    // through its hash.
    const manifestBytes = async function* (): AsyncGenerator<Buffer> {
      await Promise.all(done);
      for (const [entry, h] of hashers) entry.sha256 = h.digest();
      const key = await backupKey(deps, deps.home, { create: true });
      if (key !== null) manifest.signature = signManifest(deps, manifest, key);
      yield Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    };
    zip.addReadStream(files.streamOf(manifestBytes()), 'manifest.json', {
      mtime: dumpedAt,
      mode: 0o100600,
    });
    zip.end();
    await Promise.all([...done, written]);
    await files.rename(tmp, file);
  } catch (e) {
    await files.remove(tmp);
    throw e;
  }
  return manifest;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((res, rej) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true }, (e, z) =>
      e ? rej(e) : res(z),
    ),
  );
}

function entries(zip: yauzl.ZipFile, max: number): Promise<yauzl.Entry[]> {
  return new Promise((res, rej) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      if (out.length > max)
        return rej(broken(`more than ${max} entries in the archive`, `压缩包内条目超过 ${max} 个`));
      zip.readEntry();
    });
    zip.on('end', () => res(out));
    zip.on('error', rej);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((res, rej) => zip.openReadStream(e, (err, s) => (err ? rej(err) : res(s))));
}

function broken(en: string, zh: string, details?: unknown): AppError {
  return new AppError('integrity-failure', `backup does not verify: ${en}`, {
    field: 'file',
    messageZh: `备份校验失败：${zh}`,
    ...(details === undefined ? {} : { details }),
  });
}

const SAFE_PATH = /^(db\/[a-z0-9_]+\.jsonl|vault\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*)$/;
const OBJECT_PATH = /^vault\/objects\/([0-9a-f]{2})\/([0-9a-f]{62})$/;
const HEAD_PATH = /^vault\/heads\/([A-Za-z0-9._-]+)\.json$/;

/**
 * What restore accepts (also stated in docs/ARCHITECTURE.md). Every entry is streamed: memory
 * stays at one row (at most `rowBytes`) plus the ledger rows kept for the chain check.
 */
export interface RestoreLimits {
  /** manifest.json, uncompressed */
  manifestBytes: number;
  /** zip entries in the archive */
  entries: number;
  /** one db/<table>.jsonl, uncompressed */
  tableBytes: number;
  /** one row (one line of JSON) */
  rowBytes: number;
  /** rows in one table */
  rowsPerTable: number;
  /** one vault file (the largest upload the server accepts) */
  vaultFileBytes: number;
  /** everything, uncompressed */
  totalBytes: number;
}

export const RESTORE_LIMITS: RestoreLimits = {
  manifestBytes: 16 * 1024 * 1024,
  entries: 1_000_000,
  tableBytes: 512 * 1024 * 1024,
  rowBytes: 1024 * 1024,
  rowsPerTable: 2_000_000,
  vaultFileBytes: 4 * 1024 ** 3,
  totalBytes: 256 * 1024 ** 3,
};

export type SignatureStatus =
  /** signed with a key this home (or --key) holds: the product made it */
  | 'valid'
  /** signed, but with a key not available here: contents verified, origin not proven */
  | 'unknown-key'
  /** no signature (an older backup, or made without a key) */
  | 'unsigned';

export interface VerifiedBackup {
  file: string;
  manifest: BackupManifest;
  signature: SignatureStatus;
  /** ledger entries checked per case */
  ledger: Record<string, number>;
}

export interface VerifyBackupOptions {
  limits?: Partial<RestoreLimits>;
  /** HMAC keys to check the signature with (the target home's, a --key file) */
  keys?: readonly Buffer[];
}

type Problem = { en: string; zh: string };

const MIB = 1024 * 1024;
function human(n: number): string {
  return n >= 1024 * MIB ? `${(n / 1024 / MIB).toFixed(0)} GiB` : `${Math.ceil(n / MIB)} MiB`;
}

/** manifest.json as JSON of the expected shape, or the first thing wrong with it. */
function checkManifest(raw: unknown): BackupManifest {
  const bad = (en: string, zh: string) =>
    broken(`manifest.json is malformed: ${en}`, `manifest.json 格式不对：${zh}`);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw bad('not a JSON object', '不是 JSON 对象');
  const m = raw as Record<string, unknown>;
  if (m['format'] !== BACKUP_FORMAT || m['formatVersion'] !== BACKUP_FORMAT_VERSION)
    throw broken('not a Xieshang backup (format 1)', '不是协商 Xieshang 的备份（格式 1）');
  if (typeof m['createdAt'] !== 'string')
    throw bad('createdAt is not a string', 'createdAt 不是字符串');
  if (m['schemaVersion'] !== null && typeof m['schemaVersion'] !== 'string')
    throw bad('schemaVersion is not a string', 'schemaVersion 不是字符串');
  const tables = m['tables'];
  if (
    !Array.isArray(tables) ||
    !tables.every((t) => typeof t === 'string' && /^[a-z0-9_]+$/.test(t))
  )
    throw bad('tables is not a list of table names', 'tables 不是数据表名列表');
  if (new Set(tables).size !== tables.length)
    throw bad('a table is listed twice', 'tables 中有重复的表');
  const list = m['entries'];
  if (!Array.isArray(list)) throw bad('entries is not a list', 'entries 不是列表');
  const paths = new Set<string>();
  for (const [i, x] of list.entries()) {
    const e = x as Record<string, unknown> | null;
    const ok =
      e !== null &&
      typeof e === 'object' &&
      typeof e['path'] === 'string' &&
      isSha256Hex(e['sha256']) &&
      Number.isSafeInteger(e['size']) &&
      (e['size'] as number) >= 0 &&
      (e['rows'] === undefined || (Number.isSafeInteger(e['rows']) && (e['rows'] as number) >= 0));
    if (!ok)
      throw bad(
        `entries[${i}] is not { path, sha256 (64 hex), size, rows? }`,
        `entries[${i}] 不是 { path, sha256（64 位十六进制）, size, rows? }`,
      );
    if (paths.has(e['path'] as string))
      throw bad(`${String(e['path'])} is listed twice`, `${String(e['path'])} 重复列出`);
    paths.add(e['path'] as string);
  }
  const sig = m['signature'];
  if (sig !== undefined) {
    const s = sig as Record<string, unknown> | null;
    if (
      s === null ||
      typeof s !== 'object' ||
      s['alg'] !== 'hmac-sha256' ||
      typeof s['keyId'] !== 'string' ||
      typeof s['mac'] !== 'string' ||
      !/^[0-9a-f]{64}$/.test(s['mac'])
    )
      throw bad('signature is not { alg: hmac-sha256, keyId, mac }', 'signature 格式不对');
  }
  return raw as BackupManifest;
}

function checkSignature(
  host: Host,
  manifest: BackupManifest,
  keys: readonly Buffer[],
): SignatureStatus {
  const sig = manifest.signature;
  if (sig === undefined) return 'unsigned';
  const key = keys.find((k) => keyId(host, k) === sig.keyId);
  if (key === undefined) return 'unknown-key';
  const want = Buffer.from(manifestMac(host, manifest, key), 'hex');
  if (!host.crypto.timingSafeEqual(want, Buffer.from(sig.mac, 'hex')))
    throw broken(
      'the signature does not match: manifest.json was changed after the backup was made',
      '签名不符：manifest.json 在备份后被改动过',
    );
  return 'valid';
}

// ── row validation against this version's schema ───────────────────────────────────────────

interface ColumnSpec {
  name: string;
  /** 'integer' | 'text' | … as SQLite declares it in the migrations */
  dataType: string;
  isNullable: boolean;
  hasDefaultValue: boolean;
}

let referenceSchema: Promise<Map<string, ColumnSpec[]>> | undefined;

/**
 * This code's schema, read from a throw-away in-memory SQLite database migrated to the latest
 * version: the same migrations define the target, so rows are checked against what will hold them.
 */
function schemaForValidation(): Promise<Map<string, ColumnSpec[]>> {
  referenceSchema ??= (async () => {
    const db = createDb({ kind: 'sqlite', file: ':memory:' });
    try {
      await migrateToLatest(db);
      const tables = await db.introspection.getTables();
      return new Map(
        tables
          .filter((t) => !t.name.startsWith('kysely_'))
          .map((t) => [
            t.name,
            t.columns.map((c) => ({
              name: c.name,
              dataType: c.dataType.toLowerCase(),
              isNullable: c.isNullable,
              hasDefaultValue: c.hasDefaultValue,
            })),
          ]),
      );
    } finally {
      await db.destroy();
    }
  })();
  return referenceSchema;
}

/** Closed lists a column must come from (db/schema.ts is their one home). */
const CLOSED: Record<string, readonly string[]> = {
  'debts.status': DEBT_STATUSES,
  'debts.kind': DEBT_KINDS,
  'debts.schedule_method': SCHEDULE_METHODS,
  'debts.rate_period': RATE_PERIODS,
  'debts.penalty_rate_period': RATE_PERIODS,
  'lenders.lender_type': LENDER_TYPES,
  'debt_fees.kind': FEE_KINDS,
  'debt_fees.timing': FEE_TIMINGS,
  'case_members.role': MEMBER_ROLES,
};
const HASH_COLUMNS = new Set(['sha256', 'entry_hash', 'prev_hash', 'object_hash']);
/** rates are stored per period; 1000 % a year is the most any input accepts */
const MAX_PPM = 10_000_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The one thing wrong with a value for this column, or null. */
function checkValue(table: string, c: ColumnSpec, v: unknown): Problem | null {
  const n = c.name;
  if (v === null || v === undefined)
    return c.isNullable || (v === undefined && c.hasDefaultValue)
      ? null
      : { en: `${n} is missing`, zh: `${n} 缺失` };
  const closed = CLOSED[`${table}.${n}`];
  if (closed !== undefined)
    return typeof v === 'string' && closed.includes(v)
      ? null
      : {
          en: `${n} ${show(v)} is not one of ${closed.join(', ')}`,
          zh: `${n} 的值 ${show(v)} 不在 ${closed.join('、')} 之中`,
        };
  if (n.startsWith('is_'))
    return v === 0 || v === 1 || typeof v === 'boolean'
      ? null
      : { en: `${n} ${show(v)} is not 0 or 1`, zh: `${n} 的值 ${show(v)} 不是 0 或 1` };
  if (n.endsWith('_cents'))
    return Number.isSafeInteger(v) && Math.abs(v as number) <= MAX_CENTS
      ? null
      : {
          en: `${n} ${show(v)} is not a whole number of fen within ±${MAX_CENTS}`,
          zh: `${n} 的值 ${show(v)} 不是 ±${MAX_CENTS} 分以内的整数（金额超出上限或不是数字）`,
        };
  if (n.endsWith('_ppm'))
    return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_PPM
      ? null
      : {
          en: `${n} ${show(v)} is not a rate from 0 to ${MAX_PPM} ppm`,
          zh: `${n} 的值 ${show(v)} 不是 0–${MAX_PPM} 百万分之一的利率`,
        };
  if (n.endsWith('_on'))
    return parseIsoDate(v, n).ok
      ? null
      : {
          en: `${n} ${show(v)} is not a date (YYYY-MM-DD, 1900–2200)`,
          zh: `${n} 的值 ${show(v)} 不是有效日期（YYYY-MM-DD，1900–2200 年）`,
        };
  if (n.endsWith('_at') || (table === 'events' && n === 'at'))
    return typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v))
      ? null
      : {
          en: `${n} ${show(v)} is not an ISO-8601 time`,
          zh: `${n} 的值 ${show(v)} 不是 ISO-8601 时间`,
        };
  if (n.endsWith('_json')) {
    if (typeof v === 'string')
      try {
        JSON.parse(v);
        return null;
      } catch {
        // fall through
      }
    return { en: `${n} is not JSON text`, zh: `${n} 不是 JSON 文本` };
  }
  if (HASH_COLUMNS.has(n))
    return isSha256Hex(v)
      ? null
      : {
          en: `${n} ${show(v)} is not a SHA-256 (64 hex)`,
          zh: `${n} 的值 ${show(v)} 不是 SHA-256（64 位十六进制）`,
        };
  if (c.dataType.includes('int'))
    return Number.isSafeInteger(v) && (v as number) >= 0
      ? null
      : {
          en: `${n} ${show(v)} is not a whole number ≥ 0`,
          zh: `${n} 的值 ${show(v)} 不是非负整数`,
        };
  if (typeof v !== 'string')
    return { en: `${n} ${show(v)} is not text`, zh: `${n} 的值 ${show(v)} 不是文本` };
  if ((n === 'id' || n.endsWith('_id')) && (v.length === 0 || v.length > 200))
    return { en: `${n} is not an id (1–200 characters)`, zh: `${n} 不是有效编号（1–200 个字符）` };
  return null;
}

function checkRow(table: string, columns: ColumnSpec[], row: unknown): Problem | null {
  if (row === null || typeof row !== 'object' || Array.isArray(row))
    return { en: 'not a JSON object', zh: '不是 JSON 对象' };
  const r = row as Record<string, unknown>;
  for (const c of columns) {
    const p = checkValue(table, c, r[c.name]);
    if (p !== null) return p;
  }
  return null;
}

/** Lines of a stream, each at most `max` bytes (a longer one throws before it is held whole). */
async function* linesOf(
  source: AsyncIterable<Buffer>,
  max: number,
  tooLong: (line: number) => Error,
): AsyncGenerator<string> {
  let parts: Buffer[] = [];
  let held = 0;
  let line = 0;
  for await (const chunk of source) {
    let at = 0;
    for (;;) {
      const nl = chunk.indexOf(10, at);
      const end = nl === -1 ? chunk.length : nl;
      held += end - at;
      if (held > max) throw tooLong(line + 1);
      parts.push(chunk.subarray(at, end));
      if (nl === -1) break;
      line += 1;
      yield Buffer.concat(parts).toString('utf8');
      parts = [];
      held = 0;
      at = nl + 1;
    }
  }
  if (held > 0) yield Buffer.concat(parts).toString('utf8');
}

interface Meter {
  size(): number;
  digest(): string;
  /** the source's chunks, counted and hashed on their way; throws once more than max came */
  pass(source: NodeJS.ReadableStream): AsyncGenerator<Buffer>;
}

/** Counts and hashes what flows through an entry (whose own errors, bad size or deflate, pass on). */
function meter(host: Host, max: number, over: () => Error): Meter {
  const h = host.crypto.sha256();
  let size = 0;
  return {
    size: () => size,
    digest: () => h.digest(),
    async *pass(source) {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > max) throw over();
        h.update(chunk);
        yield chunk;
      }
    },
  };
}

function ledgerEntryOf(r: Record<string, unknown>): LedgerEntry {
  let meta: LedgerEntry['meta'];
  try {
    const v = JSON.parse(String(r['meta_json'])) as unknown;
    meta =
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? (v as LedgerEntry['meta'])
        : { unreadable: String(r['meta_json']) };
  } catch {
    meta = { unreadable: String(r['meta_json']) };
  }
  const at = String(r['recorded_at']);
  return {
    seq: Number(r['seq']),
    prevHash: r['prev_hash'] as Sha256Hex,
    objectHash: (r['object_hash'] ?? null) as Sha256Hex | null,
    kind: String(r['kind']),
    meta,
    recordedAt: (at.endsWith('Z') ? at : new Date(at).toISOString()) as LedgerEntry['recordedAt'],
    hash: r['entry_hash'] as Sha256Hex,
  };
}

function anchorOf(text: string): ChainAnchor {
  try {
    const v = JSON.parse(text) as { seq?: unknown; hash?: unknown };
    if (Number.isSafeInteger(v.seq) && isSha256Hex(v.hash))
      return { seq: v.seq as number, hash: v.hash };
  } catch {
    // an unreadable head file cannot vouch for anything
  }
  return { seq: Number.MAX_SAFE_INTEGER, hash: '' as Sha256Hex };
}

/**
 * Reads the archive, streaming every entry once, and checks before anything is written:
 * sizes against RESTORE_LIMITS; every entry's SHA-256 and size against the manifest; the
 * manifest's signature (when a key is given); every database row against this version's schema
 * (types, money within MAX_CENTS, dates, closed lists); each vault object's bytes against its
 * name; and each case's evidence ledger chain against its head file, with every object it names
 * present. Refuses with AppError 'integrity-failure' naming the entry and the reason.
 */
export async function verifyBackup(
  host: Host,
  file: string,
  opts: VerifyBackupOptions = {},
): Promise<VerifiedBackup> {
  const limits = { ...RESTORE_LIMITS, ...opts.limits };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT')
      throw new AppError('file-not-found', `file not found: ${file}`, {
        field: 'file',
        messageZh: `找不到文件：${file}`,
      });
    throw broken(
      `${file} is not a readable zip (${(e as Error).message})`,
      `${file} 不是可读取的 zip（${(e as Error).message}）`,
    );
  }
  try {
    return await verifyOpen(host, file, zip, limits, opts.keys ?? []);
  } catch (e) {
    if (e instanceof AppError) throw e;
    // anything else reading a hostile archive is still the archive's fault, not a bug
    throw broken(
      `${file} could not be read (${(e as Error).message})`,
      `${file} 无法读取（${(e as Error).message}）`,
    );
  } finally {
    zip.close();
  }
}

async function verifyOpen(
  host: Host,
  file: string,
  zip: yauzl.ZipFile,
  limits: RestoreLimits,
  keys: readonly Buffer[],
): Promise<VerifiedBackup> {
  let all: yauzl.Entry[];
  try {
    all = await entries(zip, limits.entries);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw broken(
      `${file} is damaged (${(e as Error).message})`,
      `${file} 已损坏（${(e as Error).message}）`,
    );
  }
  const m = all.find((e) => e.fileName === 'manifest.json');
  if (m === undefined) throw broken('manifest.json is missing', '缺少 manifest.json');
  if (m.uncompressedSize > limits.manifestBytes)
    throw broken(
      `manifest.json is larger than ${human(limits.manifestBytes)}`,
      `manifest.json 超过 ${human(limits.manifestBytes)} 上限`,
    );
  let text: string;
  try {
    const chunks: Buffer[] = [];
    for await (const c of await openEntry(zip, m)) chunks.push(c as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } catch (e) {
    throw broken(
      `manifest.json is corrupt (${(e as Error).message})`,
      `manifest.json 已损坏（${(e as Error).message}）`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw broken('manifest.json is not valid JSON', 'manifest.json 不是有效的 JSON');
  }
  const manifest = checkManifest(raw);
  const signature = checkSignature(host, manifest, keys);
  const known = await knownMigrations();
  if (manifest.schemaVersion !== null && !known.includes(manifest.schemaVersion))
    throw new AppError(
      'database-too-new',
      `the backup was made by a newer Xieshang (schema ${manifest.schemaVersion})`,
      {
        field: 'file',
        messageZh: `此备份由更新版本的协商 Xieshang 生成（数据库版本 ${manifest.schemaVersion}），请先升级`,
      },
    );

  const byPath = new Map(manifest.entries.map((x) => [x.path, x]));
  const schema = await schemaForValidation();
  const problems: Problem[] = [];
  const note = (p: Problem) => {
    if (problems.length < 20) problems.push(p);
  };
  // Declared sizes first: a bomb is refused before a byte of it is inflated.
  let total = 0;
  for (const e of all) {
    if (e.fileName === 'manifest.json' || e.fileName.endsWith('/')) continue;
    const limit = e.fileName.startsWith('db/') ? limits.tableBytes : limits.vaultFileBytes;
    total += e.uncompressedSize;
    if (e.uncompressedSize > limit)
      throw broken(
        `${e.fileName} expands to ${human(e.uncompressedSize)}, above the ${human(limit)} limit`,
        `${e.fileName} 解压后 ${human(e.uncompressedSize)}，超过 ${human(limit)} 上限`,
      );
  }
  if (total > limits.totalBytes)
    throw broken(
      `the archive expands to ${human(total)}, above the ${human(limits.totalBytes)} limit`,
      `备份解压后共 ${human(total)}，超过 ${human(limits.totalBytes)} 上限`,
    );
  for (const t of manifest.tables)
    if (!schema.has(t))
      note({ en: `table ${t} does not exist in this version`, zh: `此版本没有数据表 ${t}` });

  const ledger = new Map<string, LedgerEntry[]>();
  const heads = new Map<string, ChainAnchor>();
  const objects = new Set<string>();
  const seen = new Set<string>();
  for (const e of all) {
    if (e.fileName === 'manifest.json' || e.fileName.endsWith('/')) continue;
    const want = byPath.get(e.fileName);
    if (want === undefined || !SAFE_PATH.test(e.fileName) || e.fileName.split('/').includes('..')) {
      note({ en: `unexpected entry ${e.fileName}`, zh: `多出的条目 ${e.fileName}` });
      continue;
    }
    if (seen.has(e.fileName)) {
      note({ en: `${e.fileName} appears twice`, zh: `${e.fileName} 出现两次` });
      continue;
    }
    seen.add(e.fileName);
    const isDb = e.fileName.startsWith('db/');
    const limit = Math.min(want.size, isDb ? limits.tableBytes : limits.vaultFileBytes);
    const m2 = meter(host, limit, () =>
      broken(
        `${e.fileName} is larger than the manifest says or above the limit`,
        `${e.fileName} 比 manifest 记录的大，或超过上限`,
      ),
    );
    const table = isDb ? e.fileName.slice(3, -'.jsonl'.length) : '';
    const head = HEAD_PATH.exec(e.fileName);
    const held: Buffer[] = [];
    try {
      const source = m2.pass(await openEntry(zip, e));
      if (isDb) {
        const columns = schema.get(table);
        let n = 0;
        for await (const line of linesOf(source, limits.rowBytes, (l) =>
          broken(
            `${e.fileName} line ${l} is longer than ${human(limits.rowBytes)}`,
            `${e.fileName} 第 ${l} 行超过 ${human(limits.rowBytes)}`,
          ),
        )) {
          if (line === '') continue;
          n += 1;
          if (n > limits.rowsPerTable)
            throw broken(
              `${e.fileName} has more than ${limits.rowsPerTable} rows`,
              `${e.fileName} 超过 ${limits.rowsPerTable} 行`,
            );
          if (columns === undefined) continue;
          let row: unknown;
          try {
            row = JSON.parse(line);
          } catch {
            note({
              en: `${e.fileName} line ${n} is not JSON`,
              zh: `${e.fileName} 第 ${n} 行不是 JSON`,
            });
            continue;
          }
          const p = checkRow(table, columns, row);
          if (p !== null) {
            note({
              en: `${e.fileName} line ${n}: ${p.en}`,
              zh: `${e.fileName} 第 ${n} 行：${p.zh}`,
            });
            continue;
          }
          if (table === 'ledger_entries') {
            const r = row as Record<string, unknown>;
            const c = String(r['case_id']);
            ledger.set(c, [...(ledger.get(c) ?? []), ledgerEntryOf(r)]);
          }
        }
        if (want.rows !== undefined && n !== want.rows)
          note({
            en: `${e.fileName} has ${n} rows, the manifest says ${want.rows}`,
            zh: `${e.fileName} 有 ${n} 行，manifest 记录为 ${want.rows} 行`,
          });
      } else {
        for await (const c of source)
          if (head !== null && m2.size() <= 4096) held.push(c as Buffer);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      note({
        en: `${e.fileName} is corrupt (${(err as Error).message})`,
        zh: `${e.fileName} 已损坏（${(err as Error).message}）`,
      });
      continue;
    }
    const actual = m2.digest();
    if (actual !== want.sha256 || m2.size() !== want.size) {
      note({ en: `${e.fileName} changed`, zh: `${e.fileName} 内容与 manifest 不符` });
      continue;
    }
    const obj = OBJECT_PATH.exec(e.fileName);
    if (obj !== null) {
      if (actual !== obj[1]! + obj[2]!)
        note({
          en: `${e.fileName}: the evidence file's bytes do not match its name (hash ${actual})`,
          zh: `${e.fileName}：证据文件内容与其哈希名不符（实际哈希 ${actual}）`,
        });
      else objects.add(actual);
    }
    if (head !== null)
      heads.set(decodeURIComponent(head[1]!), anchorOf(Buffer.concat(held).toString('utf8')));
  }
  for (const x of manifest.entries)
    if (!seen.has(x.path)) note({ en: `${x.path} is missing`, zh: `缺少 ${x.path}` });

  // The evidence ledger: each case's chain, against its head file; every object it names present.
  const counts: Record<string, number> = {};
  for (const caseId of new Set([...ledger.keys(), ...heads.keys()])) {
    const chain = (ledger.get(caseId) ?? []).sort((a, b) => a.seq - b.seq);
    const r = verifyChain(chain, heads.get(caseId) ?? null);
    if (!r.ok)
      note({
        en: `db/ledger_entries.jsonl, case ${caseId}: ${r.error.message}`,
        zh: `db/ledger_entries.jsonl，案件 ${caseId}：${r.error.messageZh}`,
      });
    counts[caseId] = chain.length;
    for (const x of chain)
      if (x.objectHash !== null && x.objectHash !== GENESIS_HASH && !objects.has(x.objectHash))
        note({
          en: `ledger entry ${x.seq} (case ${caseId}) names evidence file ${x.objectHash}, which is not in the backup or does not verify`,
          zh: `账本第 ${x.seq} 条（案件 ${caseId}）记录的证据文件 ${x.objectHash} 不在备份中或校验不通过`,
        });
  }
  if (problems.length > 0)
    throw broken(problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；'), {
      problems: problems.map((p) => p.en),
    });
  return { file, manifest, signature, ledger: counts };
}

/**
 * True when the database holds no case data. A case created on first use by a command run after
 * a killed restore (no rows anywhere else) does not count: restore replaces it.
 */
async function isEmpty(db: AnyDb): Promise<boolean> {
  for (const t of await tablesToDump(db)) {
    const r = await db
      .selectFrom(t.name)
      .select((eb) => eb.lit(1).as('x'))
      .limit(t.name === 'cases' ? 2 : 1)
      .execute();
    if (r.length > (t.name === 'cases' ? 1 : 0)) return false;
  }
  return true;
}

/**
 * Restores a verified backup into an EMPTY store: the database in one transaction, the vault
 * through a temp directory renamed into place. Refuses ('conflict') a target with any data.
 * Rows are streamed again and re-hashed; a file changed since verifyBackup rolls back.
 */
export async function restoreBackup(
  deps: Deps,
  verified: VerifiedBackup,
): Promise<{ tables: Record<string, number>; files: number }> {
  const db = deps.db as AnyDb;
  const { files } = deps;
  const vault = homeLayout(files, deps.home).vault;
  const vaultFiles = verified.manifest.entries.filter((e) => e.path.startsWith('vault/'));
  if (!(await isEmpty(db)) || (await listFiles(files, vault)).length > 0)
    throw new AppError(
      'conflict',
      'the target home or database is not empty; restore only into an empty one',
      {
        field: 'home',
        messageZh: '目标数据目录或数据库不是空的；只能恢复到空的数据目录/数据库',
      },
    );
  const present = new Map((await tablesToDump(db)).map((t) => [t.name, new Set(t.columns)]));
  const counts: Record<string, number> = {};
  const staging = deps.temp.restoreStaging(deps.home);
  await files.remove(staging);
  await files.mkdir(staging);
  const zip = await openZip(verified.file);
  try {
    const all = new Map((await entries(zip, RESTORE_LIMITS.entries)).map((e) => [e.fileName, e]));
    const changed = (path: string) =>
      broken(`${path} changed during restore`, `${path} 在恢复过程中发生变化`);
    // Vault files first, into staging (the hashes are checked again while copying).
    for (const x of vaultFiles) {
      const target = files.join(staging, ...x.path.slice('vault/'.length).split('/'));
      await files.mkdir(files.dirname(target));
      const m = meter(deps, x.size, () => changed(x.path));
      await files.writeFrom(target, m.pass(await openEntry(zip, all.get(x.path)!)));
      if (m.digest() !== x.sha256) throw changed(x.path);
    }
    await db.transaction().execute(async (trx) => {
      // the case a command made on first use after a killed restore (isEmpty allows only that)
      await trx.deleteFrom('cases').execute();
      for (const table of verified.manifest.tables) {
        const entry = verified.manifest.entries.find((e) => e.path === `db/${table}.jsonl`);
        if (entry === undefined) continue;
        const columns = present.get(table);
        if (columns === undefined)
          throw broken(
            `table ${table} does not exist in this version`,
            `此版本没有数据表 ${table}`,
          );
        const m = meter(deps, entry.size, () => changed(entry.path));
        const batch = Math.max(1, Math.floor(30_000 / Math.max(1, columns.size)));
        let rows: Record<string, unknown>[] = [];
        let n = 0;
        const flush = async () => {
          if (rows.length === 0) return;
          try {
            await trx.insertInto(table).values(rows).execute();
          } catch (e) {
            throw broken(
              `db/${table}.jsonl rows ${n - rows.length + 1}–${n} cannot be stored (${(e as Error).message})`,
              `db/${table}.jsonl 第 ${n - rows.length + 1}–${n} 行无法写入（${(e as Error).message}）`,
            );
          }
          rows = [];
        };
        const source = m.pass(await openEntry(zip, all.get(entry.path)!));
        for await (const line of linesOf(source, RESTORE_LIMITS.rowBytes, () =>
          changed(entry.path),
        )) {
          if (line === '') continue;
          const r = JSON.parse(line) as Record<string, unknown>;
          for (const k of Object.keys(r)) if (!columns.has(k)) delete r[k];
          rows.push(r);
          n += 1;
          if (rows.length >= batch) await flush();
        }
        await flush();
        if (m.digest() !== entry.sha256) throw changed(entry.path);
        counts[table] = n;
      }
    });
    // From here a killed process leaves a complete staging directory: startup finishes it.
    await files.writeNew(files.join(staging, RESTORE_COMMITTED), '');
  } catch (e) {
    await files.remove(staging);
    const known = toAppError(e);
    if (known !== undefined) throw known;
    throw broken(
      `${verified.file} could not be restored (${(e as Error).message})`,
      `${verified.file} 无法恢复（${(e as Error).message}）`,
    );
  } finally {
    zip.close();
  }
  await finishRestore(files, vault, staging);
  return { tables: counts, files: vaultFiles.length };
}
