import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { knownMigrations, schemaVersion } from '../db/connect.js';
import { TABLES_IN_ORDER } from '../db/schema.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { homeLayout } from './home.js';

/**
 * Backup format 1: one zip with
 *   db/<table>.jsonl  one JSON object per row, tables in dependency order, money as integers,
 *                     booleans as 0/1, dates and instants as ISO strings (engine-neutral);
 *   vault/<path>      the evidence vault's files, byte for byte, when the vault exists;
 *   manifest.json     format, schema version, and the SHA-256 and size of every other entry.
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

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else if (s.isFile()) out.push(p);
    }
  }
  await walk(root);
  return out;
}

function hashing(entry: ManifestEntry): Transform {
  const h = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      h.update(chunk);
      entry.size += chunk.length;
      cb(null, chunk);
    },
    flush(cb) {
      entry.sha256 = h.digest('hex');
      cb();
    },
  });
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
  const zip = new yazl.ZipFile();
  const tmp = `${file}.${process.pid}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  const written = pipeline(zip.outputStream, createWriteStream(tmp));
  const done: Promise<void>[] = [];
  const addStream = (path: string, source: NodeJS.ReadableStream, rows?: number) => {
    const entry: ManifestEntry = {
      path,
      sha256: '',
      size: 0,
      ...(rows === undefined ? {} : { rows }),
    };
    manifest.entries.push(entry);
    const h = hashing(entry);
    done.push(new Promise((res, rej) => h.on('end', res).on('error', rej)));
    source.pipe(h);
    zip.addReadStream(h, path, { mtime: new Date(0) });
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
        const body = new PassThrough();
        addStream(`db/${t.name}.jsonl`, body, rows);
        body.end(Buffer.from(chunks.join(''), 'utf8'));
      }
    });
    const vault = homeLayout(deps.home).vault;
    for (const f of await listFiles(vault)) {
      const rel = relative(vault, f).split(sep).join('/');
      addStream(`vault/${rel}`, createReadStream(f));
    }
    const manifestStream = new PassThrough();
    zip.addReadStream(manifestStream, 'manifest.json', { mtime: new Date(0) });
    zip.end();
    await Promise.all(done);
    manifestStream.end(JSON.stringify(manifest, null, 2));
    await written;
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
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

function entries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((res, rej) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
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

async function readEntryText(zip: yauzl.ZipFile, e: yauzl.Entry, max: number): Promise<string> {
  if (e.uncompressedSize > max) throw broken(`${e.fileName} is too large`, `${e.fileName} 过大`);
  const chunks: Buffer[] = [];
  for await (const c of await openEntry(zip, e)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function broken(en: string, zh: string, details?: unknown): AppError {
  return new AppError('integrity-failure', `backup does not verify: ${en}`, {
    field: 'file',
    messageZh: `备份校验失败：${zh}`,
    ...(details === undefined ? {} : { details }),
  });
}

const SAFE_PATH = /^(db\/[a-z0-9_]+\.jsonl|vault\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*)$/;

export interface VerifiedBackup {
  file: string;
  manifest: BackupManifest;
}

/** Reads the archive and checks every entry's SHA-256 and size against the manifest; touches nothing. */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
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
    let all: yauzl.Entry[];
    try {
      all = await entries(zip);
    } catch (e) {
      throw broken(
        `${file} is damaged (${(e as Error).message})`,
        `${file} 已损坏（${(e as Error).message}）`,
      );
    }
    const m = all.find((e) => e.fileName === 'manifest.json');
    if (m === undefined) throw broken('manifest.json is missing', '缺少 manifest.json');
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(await readEntryText(zip, m, 64 * 1024 * 1024)) as BackupManifest;
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw broken('manifest.json is not valid JSON', 'manifest.json 不是有效的 JSON');
    }
    if (
      manifest.format !== BACKUP_FORMAT ||
      manifest.formatVersion !== BACKUP_FORMAT_VERSION ||
      !Array.isArray(manifest.entries)
    )
      throw broken('not a Xieshang backup (format 1)', '不是协商 Xieshang 的备份（格式 1）');
    const byPath = new Map(manifest.entries.map((x) => [x.path, x]));
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const e of all) {
      if (e.fileName === 'manifest.json' || e.fileName.endsWith('/')) continue;
      const want = byPath.get(e.fileName);
      if (
        want === undefined ||
        !SAFE_PATH.test(e.fileName) ||
        e.fileName.split('/').includes('..')
      ) {
        problems.push(`unexpected entry ${e.fileName}`);
        continue;
      }
      seen.add(e.fileName);
      const h = createHash('sha256');
      let size = 0;
      try {
        for await (const c of await openEntry(zip, e)) {
          h.update(c as Buffer);
          size += (c as Buffer).length;
        }
      } catch {
        problems.push(`${e.fileName} is corrupt`);
        continue;
      }
      if (h.digest('hex') !== want.sha256 || size !== want.size)
        problems.push(`${e.fileName} changed`);
    }
    for (const x of manifest.entries) if (!seen.has(x.path)) problems.push(`${x.path} is missing`);
    if (problems.length > 0) throw broken(problems.join('; '), problems.join('；'), { problems });
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
    return { file, manifest };
  } finally {
    zip.close();
  }
}

/** True when the database holds no rows in any product table. */
async function isEmpty(db: AnyDb): Promise<boolean> {
  for (const t of await tablesToDump(db)) {
    const r = await db
      .selectFrom(t.name)
      .select((eb) => eb.lit(1).as('x'))
      .limit(1)
      .execute();
    if (r.length > 0) return false;
  }
  return true;
}

/**
 * Restores a verified backup into an EMPTY store: the database in one transaction, the vault
 * through a temp directory renamed into place. Refuses ('conflict') a target with any data.
 */
export async function restoreBackup(
  deps: Deps,
  verified: VerifiedBackup,
): Promise<{ tables: Record<string, number>; files: number }> {
  const db = deps.db as AnyDb;
  const vault = homeLayout(deps.home).vault;
  const vaultFiles = verified.manifest.entries.filter((e) => e.path.startsWith('vault/'));
  if (!(await isEmpty(db)) || (await listFiles(vault)).length > 0)
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
  const staging = join(deps.home, `.restore-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  const zip = await openZip(verified.file);
  try {
    const all = new Map((await entries(zip)).map((e) => [e.fileName, e]));
    // Vault files first, into staging (the hashes are checked again while copying).
    for (const x of vaultFiles) {
      const target = join(staging, ...x.path.slice('vault/'.length).split('/'));
      await mkdir(dirname(target), { recursive: true });
      const h = createHash('sha256');
      await pipeline(
        await openEntry(zip, all.get(x.path)!),
        new Transform({
          transform(c: Buffer, _e, cb) {
            h.update(c);
            cb(null, c);
          },
        }),
        createWriteStream(target),
      );
      if (h.digest('hex') !== x.sha256)
        throw broken(`${x.path} changed during restore`, `${x.path} 在恢复过程中发生变化`);
    }
    await db.transaction().execute(async (trx) => {
      for (const table of verified.manifest.tables) {
        const entry = verified.manifest.entries.find((e) => e.path === `db/${table}.jsonl`);
        if (entry === undefined) continue;
        const columns = present.get(table);
        if (columns === undefined)
          throw broken(
            `table ${table} does not exist in this version`,
            `此版本没有数据表 ${table}`,
          );
        const text = await readEntryText(zip, all.get(entry.path)!, 2 * 1024 * 1024 * 1024);
        const rows =
          text === ''
            ? []
            : text
                .trimEnd()
                .split('\n')
                .map((l) => JSON.parse(l) as Record<string, unknown>);
        for (const r of rows) for (const k of Object.keys(r)) if (!columns.has(k)) delete r[k];
        const batch = Math.max(1, Math.floor(30_000 / Math.max(1, columns.size)));
        for (let i = 0; i < rows.length; i += batch)
          await trx
            .insertInto(table)
            .values(rows.slice(i, i + batch))
            .execute();
        counts[table] = rows.length;
      }
    });
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    zip.close();
  }
  if (vaultFiles.length > 0) {
    await rm(vault, { recursive: true, force: true });
    await rename(staging, vault);
  } else {
    await rm(staging, { recursive: true, force: true });
    await mkdir(vault, { recursive: true });
  }
  return { tables: counts, files: vaultFiles.length };
}
