import type yauzl from 'yauzl';
import { GENESIS_HASH, type LedgerEntry, type Sha256Hex } from '../core/ledger/index.js';
import { knownMigrations } from '../db/connect.js';
import { parseHeadFile, verifyChain, type ChainAnchor } from '../vault/chain.js';
import { broken, linesOf, listEntries, meter, openEntry, openZip } from './backup-archive.js';
import {
  checkManifest,
  checkSignature,
  type BackupManifest,
  type ManifestEntry,
  type SignatureStatus,
} from './backup-manifest.js';
import { checkRow, schemaForValidation, type ColumnSpec, type Problem } from './backup-rows.js';
import { AppError } from './errors.js';
import type { Host } from './ports.js';

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

const MIB = 1024 * 1024;
function human(n: number): string {
  return n >= 1024 * MIB ? `${(n / 1024 / MIB).toFixed(0)} GiB` : `${Math.ceil(n / MIB)} MiB`;
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

/** What the pass over the entries gathers for the checks after it. */
interface Findings {
  /** the first 20 problems */
  problems: Problem[];
  /** ledger rows per case */
  ledger: Map<string, LedgerEntry[]>;
  /** head files per case */
  heads: Map<string, ChainAnchor>;
  /** vault objects whose bytes match their name */
  objects: Set<string>;
  /** entries read */
  seen: Set<string>;
}

function note(found: Findings, p: Problem): void {
  if (found.problems.length < 20) found.problems.push(p);
}

/** What checking one entry needs. */
interface EntryCheck {
  host: Host;
  zip: yauzl.ZipFile;
  limits: RestoreLimits;
  schema: Map<string, ColumnSpec[]>;
  byPath: Map<string, ManifestEntry>;
  found: Findings;
}

async function verifyOpen(
  host: Host,
  file: string,
  zip: yauzl.ZipFile,
  limits: RestoreLimits,
  keys: readonly Buffer[],
): Promise<VerifiedBackup> {
  const all = await readEntries(zip, file, limits);
  const manifest = await readManifest(zip, all, limits);
  const signature = checkSignature(host, manifest, keys);
  await refuseNewerSchema(manifest);
  const byPath = new Map(manifest.entries.map((x) => [x.path, x]));
  const schema = await schemaForValidation();
  checkDeclaredSizes(all, limits);
  const found: Findings = {
    problems: [],
    ledger: new Map(),
    heads: new Map(),
    objects: new Set(),
    seen: new Set(),
  };
  for (const t of manifest.tables)
    if (!schema.has(t))
      note(found, { en: `table ${t} does not exist in this version`, zh: `此版本没有数据表 ${t}` });
  const check: EntryCheck = { host, zip, limits, schema, byPath, found };
  for (const e of all) {
    if (e.fileName === 'manifest.json' || e.fileName.endsWith('/')) continue;
    await checkEntry(check, e);
  }
  for (const x of manifest.entries)
    if (!found.seen.has(x.path)) note(found, { en: `${x.path} is missing`, zh: `缺少 ${x.path}` });
  const counts = checkLedger(found);
  const { problems } = found;
  if (problems.length > 0)
    throw broken(problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；'), {
      problems: problems.map((p) => p.en),
    });
  return { file, manifest, signature, ledger: counts };
}

/** The zip's directory, at most `limits.entries` of them. */
async function readEntries(
  zip: yauzl.ZipFile,
  file: string,
  limits: RestoreLimits,
): Promise<yauzl.Entry[]> {
  try {
    return await listEntries(zip, limits.entries);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw broken(
      `${file} is damaged (${(e as Error).message})`,
      `${file} 已损坏（${(e as Error).message}）`,
    );
  }
}

/** manifest.json, within its size limit, parsed and of the expected shape. */
async function readManifest(
  zip: yauzl.ZipFile,
  all: yauzl.Entry[],
  limits: RestoreLimits,
): Promise<BackupManifest> {
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
  return checkManifest(raw);
}

/** A backup from a newer schema than this code knows is refused before any row is read. */
async function refuseNewerSchema(manifest: BackupManifest): Promise<void> {
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
}

/** Declared sizes first: a bomb is refused before a byte of it is inflated. */
function checkDeclaredSizes(all: yauzl.Entry[], limits: RestoreLimits): void {
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
}

/**
 * Streams one entry once: its size and SHA-256 against the manifest, a table's rows against the
 * schema, a vault object's bytes against its name; keeps ledger rows and head files for the chain.
 */
async function checkEntry(check: EntryCheck, e: yauzl.Entry): Promise<void> {
  const { found, limits } = check;
  const want = check.byPath.get(e.fileName);
  if (want === undefined || !SAFE_PATH.test(e.fileName) || e.fileName.split('/').includes('..')) {
    note(found, { en: `unexpected entry ${e.fileName}`, zh: `多出的条目 ${e.fileName}` });
    return;
  }
  if (found.seen.has(e.fileName)) {
    note(found, { en: `${e.fileName} appears twice`, zh: `${e.fileName} 出现两次` });
    return;
  }
  found.seen.add(e.fileName);
  const isDb = e.fileName.startsWith('db/');
  const limit = Math.min(want.size, isDb ? limits.tableBytes : limits.vaultFileBytes);
  const m2 = meter(check.host, limit, () =>
    broken(
      `${e.fileName} is larger than the manifest says or above the limit`,
      `${e.fileName} 比 manifest 记录的大，或超过上限`,
    ),
  );
  const head = HEAD_PATH.exec(e.fileName);
  const held: Buffer[] = [];
  try {
    const source = m2.pass(await openEntry(check.zip, e));
    if (isDb) await checkTableRows(check, e.fileName, want, source);
    else
      for await (const c of source) if (head !== null && m2.size() <= 4096) held.push(c as Buffer);
  } catch (err) {
    if (err instanceof AppError) throw err;
    note(found, {
      en: `${e.fileName} is corrupt (${(err as Error).message})`,
      zh: `${e.fileName} 已损坏（${(err as Error).message}）`,
    });
    return;
  }
  const actual = m2.digest();
  if (actual !== want.sha256 || m2.size() !== want.size) {
    note(found, { en: `${e.fileName} changed`, zh: `${e.fileName} 内容与 manifest 不符` });
    return;
  }
  const obj = OBJECT_PATH.exec(e.fileName);
  if (obj !== null) {
    if (actual !== obj[1]! + obj[2]!)
      note(found, {
        en: `${e.fileName}: the evidence file's bytes do not match its name (hash ${actual})`,
        zh: `${e.fileName}：证据文件内容与其哈希名不符（实际哈希 ${actual}）`,
      });
    else found.objects.add(actual);
  }
  if (head !== null)
    found.heads.set(
      decodeURIComponent(head[1]!),
      parseHeadFile(Buffer.concat(held).toString('utf8')),
    );
}

/** A db/<table>.jsonl entry: its rows counted (within the limits) and each checked. */
async function checkTableRows(
  check: EntryCheck,
  fileName: string,
  want: ManifestEntry,
  source: AsyncIterable<Buffer>,
): Promise<void> {
  const { limits } = check;
  const table = fileName.slice(3, -'.jsonl'.length);
  const columns = check.schema.get(table);
  let n = 0;
  for await (const line of linesOf(source, limits.rowBytes, (l) =>
    broken(
      `${fileName} line ${l} is longer than ${human(limits.rowBytes)}`,
      `${fileName} 第 ${l} 行超过 ${human(limits.rowBytes)}`,
    ),
  )) {
    if (line === '') continue;
    n += 1;
    if (n > limits.rowsPerTable)
      throw broken(
        `${fileName} has more than ${limits.rowsPerTable} rows`,
        `${fileName} 超过 ${limits.rowsPerTable} 行`,
      );
    if (columns !== undefined) checkTableRow(check.found, fileName, table, columns, line, n);
  }
  if (want.rows !== undefined && n !== want.rows)
    note(check.found, {
      en: `${fileName} has ${n} rows, the manifest says ${want.rows}`,
      zh: `${fileName} 有 ${n} 行，manifest 记录为 ${want.rows} 行`,
    });
}

/** One row (line n) against its table's columns; a ledger row is kept for the chain check. */
function checkTableRow(
  found: Findings,
  fileName: string,
  table: string,
  columns: ColumnSpec[],
  line: string,
  n: number,
): void {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    note(found, { en: `${fileName} line ${n} is not JSON`, zh: `${fileName} 第 ${n} 行不是 JSON` });
    return;
  }
  const p = checkRow(table, columns, row);
  if (p !== null) {
    note(found, { en: `${fileName} line ${n}: ${p.en}`, zh: `${fileName} 第 ${n} 行：${p.zh}` });
    return;
  }
  if (table === 'ledger_entries') {
    const r = row as Record<string, unknown>;
    const c = String(r['case_id']);
    found.ledger.set(c, [...(found.ledger.get(c) ?? []), ledgerEntryOf(r)]);
  }
}

/** The evidence ledger: each case's chain, against its head file; every object it names present. */
function checkLedger(found: Findings): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const caseId of new Set([...found.ledger.keys(), ...found.heads.keys()])) {
    const chain = (found.ledger.get(caseId) ?? []).sort((a, b) => a.seq - b.seq);
    const r = verifyChain(chain, found.heads.get(caseId) ?? null);
    if (!r.ok)
      note(found, {
        en: `db/ledger_entries.jsonl, case ${caseId}: ${r.error.message}`,
        zh: `db/ledger_entries.jsonl，案件 ${caseId}：${r.error.messageZh}`,
      });
    counts[caseId] = chain.length;
    for (const x of chain)
      if (
        x.objectHash !== null &&
        x.objectHash !== GENESIS_HASH &&
        !found.objects.has(x.objectHash)
      )
        note(found, {
          en: `ledger entry ${x.seq} (case ${caseId}) names evidence file ${x.objectHash}, which is not in the backup or does not verify`,
          zh: `账本第 ${x.seq} 条（案件 ${caseId}）记录的证据文件 ${x.objectHash} 不在备份中或校验不通过`,
        });
  }
  return counts;
}
