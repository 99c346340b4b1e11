import type { Kysely } from 'kysely';
import type yauzl from 'yauzl';
import yazl from 'yazl';
import { schemaVersion } from '../db/connect.js';
import { TABLES_IN_ORDER } from '../db/schema.js';
import { broken, linesOf, listEntries, meter, openEntry, openZip } from './backup-archive.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupKey,
  signManifest,
  type BackupManifest,
  type ManifestEntry,
} from './backup-manifest.js';
import { RESTORE_LIMITS, type VerifiedBackup } from './backup-verify.js';
import { toAppError } from './db-errors.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { homeLayout } from './home.js';
import type { FileStore, Hasher } from './ports.js';
import { RESTORE_COMMITTED, finishRestore } from './stale-temp.js';

/**
 * Backup and restore of the whole store (database + vault). The archive's format and signature
 * are in backup-manifest.ts; restore checks an archive first with backup-verify.ts
 * `verifyBackup` (its rows against the schema in backup-rows.ts; the zip reading in
 * backup-archive.ts).
 */

export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupKey,
  backupKeyPath,
  type BackupManifest,
  type BackupSignature,
  type ManifestEntry,
  type SignatureStatus,
} from './backup-manifest.js';
export {
  RESTORE_LIMITS,
  verifyBackup,
  type RestoreLimits,
  type VerifiedBackup,
  type VerifyBackupOptions,
} from './backup-verify.js';

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

/** A zip being written and the manifest that will close it. */
interface ArchiveInProgress {
  zip: yazl.ZipFile;
  manifest: BackupManifest;
  /** Entries carry real dates (the dump's instant, each vault file's mtime), not 1980-01-01. */
  dumpedAt: Date;
}

/** The vault files on their way into the zip: each one's hash, settled once it has been read. */
interface VaultInProgress {
  hashers: [ManifestEntry, Hasher][];
  done: Promise<void>[];
}

function addEntry(manifest: BackupManifest, path: string, rows?: number): ManifestEntry {
  const entry: ManifestEntry = {
    path,
    sha256: '',
    size: 0,
    ...(rows === undefined ? {} : { rows }),
  };
  manifest.entries.push(entry);
  return entry;
}

/**
 * Writes the whole store (database + vault) to `file` (a temp file renamed into place, so a crash
 * never leaves a half archive under the final name).
 */
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
  const archive: ArchiveInProgress = { zip, manifest, dumpedAt: new Date(manifest.createdAt) };
  try {
    await addDatabase(deps, archive);
    const vault = await addVault(deps, archive);
    addManifest(deps, archive, vault);
    zip.end();
    await Promise.all([...vault.done, written]);
    await files.rename(tmp, file);
  } catch (e) {
    await files.remove(tmp);
    throw e;
  }
  return manifest;
}

/** Every table as db/<table>.jsonl. */
async function addDatabase(
  deps: Deps,
  { zip, manifest, dumpedAt }: ArchiveInProgress,
): Promise<void> {
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
      const entry = addEntry(manifest, `db/${t.name}.jsonl`, rows);
      entry.size = body.length;
      entry.sha256 = deps.crypto.sha256().update(body).digest();
      zip.addBuffer(body, entry.path, { mtime: dumpedAt, mode: 0o100600 });
    }
  });
}

/** Every vault file as vault/<path>, hashed on its way into the zip: read once. */
async function addVault(
  deps: Deps,
  { zip, manifest }: ArchiveInProgress,
): Promise<VaultInProgress> {
  const { files } = deps;
  const vault = homeLayout(files, deps.home).vault;
  const out: VaultInProgress = { hashers: [], done: [] };
  for (const f of await listFiles(files, vault)) {
    const entry = addEntry(manifest, `vault/${files.relative(vault, f.path)}`);
    const h = deps.crypto.sha256();
    out.hashers.push([entry, h]);
    let settle!: { res: () => void; rej: (e: Error) => void };
    const ended = new Promise<void>((res, rej) => (settle = { res, rej }));
    ended.catch(() => undefined); // awaited below; a read error must not surface unhandled first
    out.done.push(ended);
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
  return out;
}

/**
 * manifest.json, signed with the home's key. It comes last: the zip asks for its bytes once every
 * file before it has passed through its hash.
 */
function addManifest(
  deps: Deps,
  { zip, manifest, dumpedAt }: ArchiveInProgress,
  vault: VaultInProgress,
): void {
  const manifestBytes = async function* (): AsyncGenerator<Buffer> {
    await Promise.all(vault.done);
    for (const [entry, h] of vault.hashers) entry.sha256 = h.digest();
    const key = await backupKey(deps, deps.home, { create: true });
    if (key !== null) manifest.signature = signManifest(deps, manifest, key);
    yield Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  };
  zip.addReadStream(deps.files.streamOf(manifestBytes()), 'manifest.json', {
    mtime: dumpedAt,
    mode: 0o100600,
  });
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

/** Refuses ('conflict') a target holding any data, in its database or its vault. */
async function refuseUnlessEmpty(db: AnyDb, files: FileStore, vault: string): Promise<void> {
  if (!(await isEmpty(db)) || (await listFiles(files, vault)).length > 0)
    throw new AppError(
      'conflict',
      'the target home or database is not empty; restore only into an empty one',
      {
        field: 'home',
        messageZh: '目标数据目录或数据库不是空的；只能恢复到空的数据目录/数据库',
      },
    );
}

function changed(path: string): AppError {
  return broken(`${path} changed during restore`, `${path} 在恢复过程中发生变化`);
}

/** The verified archive, open again for restore, with its entries by name. */
interface RestoreSource {
  deps: Deps;
  zip: yauzl.ZipFile;
  all: Map<string, yauzl.Entry>;
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
  await refuseUnlessEmpty(db, files, vault);
  const present = new Map((await tablesToDump(db)).map((t) => [t.name, new Set(t.columns)]));
  let counts: Record<string, number>;
  const staging = deps.temp.restoreStaging(deps.home);
  await files.remove(staging);
  await files.mkdir(staging);
  const zip = await openZip(verified.file);
  try {
    const all = new Map(
      (await listEntries(zip, RESTORE_LIMITS.entries)).map((e) => [e.fileName, e]),
    );
    const source: RestoreSource = { deps, zip, all };
    await restoreVaultFiles(source, vaultFiles, staging);
    counts = await restoreTables(source, db, verified.manifest, present);
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

/** Vault files first, into staging (the hashes are checked again while copying). */
async function restoreVaultFiles(
  { deps, zip, all }: RestoreSource,
  vaultFiles: ManifestEntry[],
  staging: string,
): Promise<void> {
  const { files } = deps;
  for (const x of vaultFiles) {
    const target = files.join(staging, ...x.path.slice('vault/'.length).split('/'));
    await files.mkdir(files.dirname(target));
    const m = meter(deps, x.size, () => changed(x.path));
    await files.writeFrom(target, m.pass(await openEntry(zip, all.get(x.path)!)));
    if (m.digest() !== x.sha256) throw changed(x.path);
  }
}

/** Every table of the manifest in one transaction; rows per table. */
async function restoreTables(
  source: RestoreSource,
  db: AnyDb,
  manifest: BackupManifest,
  present: Map<string, Set<string>>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    // the case a command made on first use after a killed restore (isEmpty allows only that)
    await trx.deleteFrom('cases').execute();
    for (const table of manifest.tables) {
      const entry = manifest.entries.find((e) => e.path === `db/${table}.jsonl`);
      if (entry === undefined) continue;
      const columns = present.get(table);
      if (columns === undefined)
        throw broken(`table ${table} does not exist in this version`, `此版本没有数据表 ${table}`);
      counts[table] = await restoreTable(source, trx, table, entry, columns);
    }
  });
  return counts;
}

/** One table's rows, streamed and inserted in batches (columns this version lacks dropped). */
async function restoreTable(
  { deps, zip, all }: RestoreSource,
  trx: AnyDb,
  table: string,
  entry: ManifestEntry,
  columns: Set<string>,
): Promise<number> {
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
  for await (const line of linesOf(source, RESTORE_LIMITS.rowBytes, () => changed(entry.path))) {
    if (line === '') continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!columns.has(k)) delete r[k];
    rows.push(r);
    n += 1;
    if (rows.length >= batch) await flush();
  }
  await flush();
  if (m.digest() !== entry.sha256) throw changed(entry.path);
  return n;
}
