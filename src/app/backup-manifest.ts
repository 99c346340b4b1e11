import { isSha256Hex } from '../core/ledger/index.js';
import { broken } from './backup-archive.js';
import type { Host } from './ports.js';

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

export function signManifest(host: Host, manifest: BackupManifest, key: Buffer): BackupSignature {
  return { alg: 'hmac-sha256', keyId: keyId(host, key), mac: manifestMac(host, manifest, key) };
}

export type SignatureStatus =
  /** signed with a key this home (or --key) holds: the product made it */
  | 'valid'
  /** signed, but with a key not available here: contents verified, origin not proven */
  | 'unknown-key'
  /** no signature (an older backup, or made without a key) */
  | 'unsigned';

/** manifest.json as JSON of the expected shape, or the first thing wrong with it. */
export function checkManifest(raw: unknown): BackupManifest {
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

export function checkSignature(
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
