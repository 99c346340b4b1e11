// Evidence use cases: add a file to the vault with a ledger entry, list, and verify everything.
import { EVIDENCE_KIND, listLabels } from '../../core/vocab/index.js';
import type { Instant } from '../../core/dates/index.js';
import type { JsonValue, LedgerEntry, Sha256Hex } from '../../core/ledger/index.js';
import { isSha256Hex } from '../../core/ledger/index.js';
import { createContactRepository } from '../../db/repositories/contacts-repository.js';
import {
  EVIDENCE_KINDS,
  createEvidenceRepository,
  type EvidenceItem,
  type EvidenceKind,
} from '../../db/repositories/evidence-repository.js';
import { createLedgerRepository } from '../../db/repositories/ledger-repository.js';
import type { CaseId } from '../../db/types.js';
import { verifyChain, type ChainIssue } from '../../vault/chain.js';
import { contactMeta } from '../contacts.js';
import type { Deps } from '../deps.js';
import { extensionOf } from '../file-names.js';
import type { FileStore } from '../ports.js';
import { AppError } from '../errors.js';
import {
  assertNotFuture,
  json,
  parseWhen,
  resolveLender,
  vaultOf,
  withLedgerEntry,
} from './common.js';

export { EVIDENCE_KINDS, type EvidenceItem, type EvidenceKind };

export const EVIDENCE_KIND_ZH: Readonly<Record<EvidenceKind, string>> = Object.fromEntries(
  EVIDENCE_KINDS.map((k) => [k, EVIDENCE_KIND.labels[k][0]]),
) as Record<EvidenceKind, string>;

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.amr': 'audio/amr',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/opus',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.heic': 'image/heic',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.eml': 'message/rfc822',
  '.json': 'application/json',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};

/** The media type from the file name (the bytes are kept as they are, whatever the type). */
export function mediaTypeOf(name: string): string {
  return MEDIA_TYPES[extensionOf(name)] ?? 'application/octet-stream';
}

export interface AddEvidenceInput {
  caseId: CaseId;
  file: string;
  kind: string;
  /** lender id, legal name or brand */
  lender?: string | null;
  capturedAt?: string | null;
  note?: string | null;
  contactId?: string | null;
  /** the name to record, when `file` is a temp path (uploads); default basename(file) */
  originalName?: string;
}

export interface AddEvidenceResult {
  item: EvidenceItem;
  /** false when identical bytes were already in the vault (stored once) */
  isNewObject: boolean;
  entry: LedgerEntry;
}

function parseKind(kind: string): EvidenceKind {
  if ((EVIDENCE_KINDS as readonly string[]).includes(kind)) return kind as EvidenceKind;
  throw new AppError(
    'invalid-input',
    `kind: "${kind}" is not one of ${EVIDENCE_KINDS.join(', ')}`,
    {
      field: 'kind',
      messageZh: `证据类型无效，可选：${listLabels(EVIDENCE_KIND, 'zh')}`,
    },
  );
}

/** What the ledger records about an item: every field verify later compares with the row. */
export function evidenceMeta(e: EvidenceItem): { [key: string]: JsonValue } {
  return {
    evidenceId: e.id,
    kind: e.kind,
    lenderId: json(e.lenderId),
    contactId: json(e.contactId),
    capturedAt: json(e.capturedAt),
    originalName: e.originalName,
    mediaType: e.mediaType,
    sizeBytes: e.sizeBytes,
    description: json(e.description),
  };
}

/**
 * Adds a file: validates everything first (kind, lender in the case, contact, capture time not
 * in the future, readable file), then streams it into the vault, then records the item and a
 * ledger entry in one transaction. Bad input stores nothing.
 */
export async function addEvidence(deps: Deps, input: AddEvidenceInput): Promise<AddEvidenceResult> {
  const kind = parseKind(input.kind);
  const lender =
    input.lender === undefined || input.lender === null || input.lender === ''
      ? null
      : await resolveLender(deps, input.caseId, input.lender);
  let capturedAt: Instant | null = null;
  if (input.capturedAt !== undefined && input.capturedAt !== null && input.capturedAt !== '') {
    const when = parseWhen(input.capturedAt, 'captured-at');
    assertNotFuture(deps, when, 'captured-at', input.capturedAt);
    capturedAt = when.at;
  }
  if (input.contactId !== undefined && input.contactId !== null && input.contactId !== '') {
    const c = await createContactRepository(deps.db).get(input.caseId, input.contactId);
    if (c === null)
      throw new AppError('not-found', `contact ${input.contactId} is not in this case`, {
        field: 'contact',
        messageZh: `本案件中没有联系记录 ${input.contactId}`,
      });
  }
  await assertReadableFile(deps.files, input.file);

  const vault = vaultOf(deps);
  let put;
  try {
    put = await vault.put(input.file);
  } catch (e) {
    throw storageError(e, input.file);
  }
  const item: EvidenceItem = {
    id: deps.ids.next(),
    caseId: input.caseId,
    sha256: put.hash,
    kind,
    lenderId: lender?.id ?? null,
    contactId: input.contactId || null,
    capturedAt,
    addedAt: deps.clock.now(),
    originalName: input.originalName ?? deps.files.basename(input.file),
    mediaType: mediaTypeOf(input.originalName ?? input.file),
    sizeBytes: put.size,
    description: input.note || null,
  };
  const { entry } = await withLedgerEntry(deps, input.caseId, async (trx) => {
    await createEvidenceRepository(trx).insert(item);
    return {
      result: null,
      entry: { objectHash: item.sha256, kind: 'evidence-added', meta: evidenceMeta(item) },
    };
  });
  return { item, isNewObject: put.isNew, entry };
}

async function assertReadableFile(files: FileStore, file: string): Promise<void> {
  const notFound = () =>
    new AppError('file-not-found', `file not found or not readable: ${file}`, {
      field: 'file',
      messageZh: `找不到或无法读取文件：${file}`,
    });
  const s = await files.stat(file).catch(() => null);
  if (s === null || !(await files.canRead(file))) throw notFound();
  if (!s.isFile)
    throw new AppError('invalid-input', `not a regular file: ${file}`, {
      field: 'file',
      messageZh: `不是普通文件：${file}`,
    });
  // a 0-byte file is a failed copy or a cloud placeholder: storing it would look like proof
  if (s.size === 0)
    throw new AppError('invalid-input', `the file is empty (0 bytes): ${file}`, {
      field: 'file',
      messageZh: `文件是空的（0 字节），可能没有复制成功：${file}`,
    });
}

function storageError(e: unknown, file: string): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError('storage-full', 'the disk is full: nothing was stored', {
      field: 'file',
      cause: e,
      messageZh: '磁盘已满：未保存任何内容',
    });
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EIO')
    return new AppError('file-not-found', `could not read ${file} (${code}): nothing was stored`, {
      field: 'file',
      cause: e,
      messageZh: `无法读取 ${file}（${code}）：未保存任何内容`,
    });
  if (e instanceof Error) return e as AppError;
  return new AppError('internal', String(e));
}

export async function listEvidence(
  deps: Deps,
  caseId: CaseId,
  filter: { lender?: string } = {},
): Promise<EvidenceItem[]> {
  const lenderId = filter.lender
    ? (await resolveLender(deps, caseId, filter.lender)).id
    : undefined;
  return createEvidenceRepository(deps.db).list(caseId, lenderId === undefined ? {} : { lenderId });
}

export type VerifyProblemCode =
  | 'object-missing'
  | 'object-changed'
  | 'ledger-broken'
  | 'evidence-row-changed'
  | 'evidence-row-missing'
  | 'evidence-row-unrecorded'
  | 'contact-row-changed'
  | 'contact-row-missing'
  | 'contact-row-unrecorded'
  | 'head-not-found'
  /** the entry at an --against SEQ:HASH anchor is gone or no longer has that hash */
  | 'anchor-mismatch';

export interface VerifyProblem {
  code: VerifyProblemCode;
  seq?: number;
  hash?: string;
  id?: string;
  chain?: ChainIssue;
  messageZh: string;
  messageEn: string;
}

export interface VerifyReport {
  intact: boolean;
  entries: number;
  headHash: Sha256Hex | null;
  objectsChecked: number;
  bytesChecked: number;
  problems: VerifyProblem[];
  /** the head file written beside the vault (null when none: newest-entry removal undetectable) */
  anchor: { seq: number; hash: string } | null;
  staleTempFilesRemoved: number;
}

/** Parses SEQ:HASH (hash prefix ≥ 8 hex, any case); a malformed one is the user's input error. */
export function parseAnchor(text: string): { seq: number; prefix: string } {
  const m = /^\s*(\d{1,15})\s*[:：]\s*([0-9a-fA-F]{8,64})\s*$/.exec(text);
  if (m === null || Number(m[1]) < 1)
    throw new AppError(
      'invalid-input',
      `--against "${text}" is not SEQ:HASH (an entry number, a colon, and at least the first 8 hex characters of its hash, e.g. 12:3f9a0c1b)`,
      {
        field: 'against',
        messageZh: `--against “${text}”格式不对：应为“条目序号:哈希”，哈希至少前 8 位十六进制字符，例如 12:3f9a0c1b`,
      },
    );
  return { seq: Number(m[1]), prefix: m[2]!.toLowerCase() };
}

/** Hex characters of the head hash shown in letters and bundles: 64 bits, easy to copy. */
export const HEAD_PREFIX_CHARS = 16;

/**
 * The case's evidence ledger head as it is shown outside the device (letter footers, bundle
 * index): its sequence number and the first HEAD_PREFIX_CHARS hex of its hash. A kept copy lets
 * `evidence verify --against SEQ:HASH` detect a later rewrite. An empty ledger is seq 0.
 */
export async function ledgerHeadFor(
  deps: Deps,
  caseId: CaseId,
): Promise<{ seq: number; hashPrefix: string }> {
  const head = await createLedgerRepository(deps.db).head(caseId);
  return head === null
    ? { seq: 0, hashPrefix: '0'.repeat(HEAD_PREFIX_CHARS) }
    : { seq: head.seq, hashPrefix: head.hash.slice(0, HEAD_PREFIX_CHARS) };
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k]!)]),
    );
  return v;
}

/**
 * What the ledger says now about each contact and withdrawal: a contact's latest recorded version
 * ('contact-logged', then each 'contact-edited') and whether a 'contact-removed' came after it
 * (an undone removal puts the row back exactly as last recorded); each item's withdrawal.
 */
function recordedHistory(entries: readonly LedgerEntry[]): {
  contacts: Map<string, { entry: LedgerEntry; removed: boolean }>;
  removedContacts: Set<string>;
  withdrawals: Map<string, { withdrawnAt: JsonValue; reason: JsonValue }>;
} {
  const contacts = new Map<string, { entry: LedgerEntry; removed: boolean }>();
  const removedContacts = new Set<string>();
  const withdrawals = new Map<string, { withdrawnAt: JsonValue; reason: JsonValue }>();
  for (const e of entries) {
    if (e.kind === 'contact-logged' || e.kind === 'contact-edited') {
      const rec = e.meta['contact'];
      const id =
        rec !== null && typeof rec === 'object' && !Array.isArray(rec) ? String(rec['id']) : '';
      contacts.set(id, { entry: e, removed: false });
    } else if (e.kind === 'contact-removed') {
      const id = String(e.meta['contactId']);
      removedContacts.add(id);
      const was = contacts.get(id);
      if (was !== undefined) contacts.set(id, { ...was, removed: true });
    } else if (e.kind === 'evidence-withdrawn') {
      withdrawals.set(String(e.meta['evidenceId']), {
        withdrawnAt: e.meta['withdrawnAt'] ?? null,
        reason: e.meta['reason'] ?? null,
      });
    }
  }
  return { contacts, removedContacts, withdrawals };
}

/** A row's withdrawal matches the ledger's (both absent, or the same time and reason). */
function sameWithdrawal(
  row: EvidenceItem,
  rec: { withdrawnAt: JsonValue; reason: JsonValue } | undefined,
): boolean {
  const at = row.withdrawnAt ?? null;
  if (rec === undefined) return at === null;
  return at === rec.withdrawnAt && (row.withdrawReason ?? null) === rec.reason;
}

/**
 * Re-hashes every object the ledger names, walks the chain against the vault's head file (and
 * an optional head hash the user wrote down), and compares evidence and contact rows with what
 * the ledger recorded. Names each problem; never stops at the first object problem.
 */
export async function verifyEvidence(
  deps: Deps,
  caseId: CaseId,
  opts: {
    expectHead?: string;
    /** SEQ:HASH (hash prefix of at least 8 hex) of a head that left the device earlier */
    against?: string;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<VerifyReport> {
  const against = opts.against === undefined ? null : parseAnchor(opts.against);
  const vault = vaultOf(deps);
  const staleTempFilesRemoved = await vault.sweepTemp();
  const entries = await createLedgerRepository(deps.db).list(caseId);
  const anchor = await vault.readHead(caseId);
  const problems: VerifyProblem[] = [];

  const chain = verifyChain(entries, anchor);
  if (!chain.ok) {
    problems.push({
      code: 'ledger-broken',
      seq: chain.error.seq,
      chain: chain.error,
      messageZh: chain.error.messageZh,
      messageEn: chain.error.message,
    });
  }
  if (opts.expectHead !== undefined) {
    const want = opts.expectHead.trim().toLowerCase();
    if (!isSha256Hex(want))
      problems.push({
        code: 'head-not-found',
        hash: want,
        messageZh: `--head ${want} 不是头哈希：头哈希是 64 位十六进制字符（0-9、a-f），请核对抄写`,
        messageEn: `--head ${want} is not a head hash: a head hash is 64 hexadecimal characters (0-9, a-f); check what you copied`,
      });
    else if (!entries.some((e) => e.hash === want))
      problems.push({
        code: 'head-not-found',
        hash: want,
        messageZh: `您记下的头哈希 ${want} 不在账本中：账本被改写或不是同一份数据`,
        messageEn: `the head hash you wrote down (${want}) is not in the ledger: it was rewritten or this is different data`,
      });
  }

  if (against !== null) {
    const at = entries.find((e) => e.seq === against.seq);
    const shown = `${against.seq}:${against.prefix}`;
    if (at === undefined)
      problems.push({
        code: 'anchor-mismatch',
        seq: against.seq,
        messageZh: `账本现在只有 ${entries.length} 条，没有您此前保存的第 ${against.seq} 条（${shown}）：此后有条目被删除，或这不是同一份数据`,
        messageEn: `the ledger now has ${entries.length} entries, not the entry ${against.seq} you kept (${shown}): entries were removed since, or this is different data`,
      });
    else if (!at.hash.startsWith(against.prefix))
      problems.push({
        code: 'anchor-mismatch',
        seq: against.seq,
        hash: at.hash,
        messageZh: `账本第 ${against.seq} 条的哈希现在是 ${at.hash.slice(0, against.prefix.length)}，与您此前保存的 ${shown} 不符：第 ${against.seq} 条或它之前的某一条在那之后被改写过（每条的哈希都包含前一条的哈希，改动任何一条都会改变其后所有条目的哈希）`,
        messageEn: `ledger entry ${against.seq} now hashes to ${at.hash.slice(0, against.prefix.length)}, not the ${shown} you kept: entry ${against.seq} or one before it was rewritten since (each hash covers the previous one)`,
      });
  }

  // Objects: each distinct hash once, in ledger order.
  const seqsOf = new Map<Sha256Hex, number[]>();
  const namesOf = new Map<Sha256Hex, Set<string>>(); // a borrower knows a file by its name
  for (const e of entries)
    if (e.objectHash !== null) {
      seqsOf.set(e.objectHash, [...(seqsOf.get(e.objectHash) ?? []), e.seq]);
      const n = e.meta['originalName'];
      if (typeof n === 'string')
        namesOf.set(e.objectHash, (namesOf.get(e.objectHash) ?? new Set<string>()).add(n));
    }
  const hashes = [...seqsOf.keys()];
  let bytesChecked = 0;
  for (const [i, h] of hashes.entries()) {
    const r = await vault.check(h);
    opts.onProgress?.(i + 1, hashes.length);
    const seqs = seqsOf.get(h)!;
    const names = [...(namesOf.get(h) ?? [])];
    const zhName = names.length > 0 ? `“${names.join('”“')}” ` : '';
    const enName = names.length > 0 ? `"${names.join('", "')}" ` : '';
    if (r.status === 'ok') bytesChecked += r.size;
    else if (r.status === 'missing')
      problems.push({
        code: 'object-missing',
        hash: h,
        seq: seqs[0]!,
        messageZh: `证据文件缺失：${zhName}${h}（账本第 ${seqs.join('、')} 条）`,
        messageEn: `evidence file missing: ${enName}${h} (ledger entry ${seqs.join(', ')})`,
      });
    else
      problems.push({
        code: 'object-changed',
        hash: h,
        seq: seqs[0]!,
        messageZh: `证据文件内容被改动：${zhName}${h}（现哈希 ${r.actualHash}，账本第 ${seqs.join('、')} 条）`,
        messageEn: `evidence file bytes changed: ${enName}${h} (now ${r.actualHash}; ledger entry ${seqs.join(', ')})`,
      });
  }

  // Rows against what the ledger recorded when they were added.
  const items = await createEvidenceRepository(deps.db).list(caseId);
  const itemById = new Map(items.map((e) => [e.id, e]));
  const history = recordedHistory(entries);
  const recordedItems = new Set<string>();
  for (const e of entries.filter((x) => x.kind === 'evidence-added')) {
    const id = String(e.meta['evidenceId']);
    recordedItems.add(id);
    const row = itemById.get(id);
    if (row === undefined) {
      problems.push({
        code: 'evidence-row-missing',
        id,
        seq: e.seq,
        messageZh: `证据记录 ${id} 已从数据库删除（账本第 ${e.seq} 条）`,
        messageEn: `evidence record ${id} was deleted from the database (ledger entry ${e.seq})`,
      });
      continue;
    }
    // contactId may be linked later by a contact log entry, so it is compared only when recorded
    const now = evidenceMeta(row);
    const was = { ...e.meta };
    if (was['contactId'] === null) now['contactId'] = null;
    // removing a contact (recorded in the ledger) unlinks its evidence
    if (now['contactId'] === null && history.removedContacts.has(String(was['contactId'])))
      now['contactId'] = was['contactId'] ?? null;
    if (
      !sameJson(now, was) ||
      row.sha256 !== e.objectHash ||
      !sameWithdrawal(row, history.withdrawals.get(id))
    )
      problems.push({
        code: 'evidence-row-changed',
        id,
        seq: e.seq,
        messageZh: `证据记录 ${id} 与账本第 ${e.seq} 条不一致（记录后被修改）`,
        messageEn: `evidence record ${id} differs from ledger entry ${e.seq} (changed after it was recorded)`,
      });
  }
  for (const row of items)
    if (!recordedItems.has(row.id))
      problems.push({
        code: 'evidence-row-unrecorded',
        id: row.id,
        messageZh: `证据记录 ${row.id} 不在账本中（绕过本程序添加）`,
        messageEn: `evidence record ${row.id} is not in the ledger (added behind the product's back)`,
      });

  const contacts = await createContactRepository(deps.db).list(caseId);
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const recordedContacts = new Set<string>();
  for (const [id, { entry: e, removed }] of history.contacts) {
    const rec = e.meta['contact'];
    recordedContacts.add(id);
    const row = contactById.get(id);
    if (row === undefined && removed) continue;
    if (row === undefined)
      problems.push({
        code: 'contact-row-missing',
        id,
        seq: e.seq,
        messageZh: `联系记录 ${id} 已从数据库删除（账本第 ${e.seq} 条）`,
        messageEn: `contact record ${id} was deleted from the database (ledger entry ${e.seq})`,
      });
    else if (!sameJson(contactMeta(row), rec ?? null))
      problems.push({
        code: 'contact-row-changed',
        id,
        seq: e.seq,
        messageZh: `联系记录 ${id} 与账本第 ${e.seq} 条不一致（记录后被修改）`,
        messageEn: `contact record ${id} differs from ledger entry ${e.seq} (changed after it was recorded)`,
      });
  }
  for (const row of contacts)
    if (!recordedContacts.has(row.id))
      problems.push({
        code: 'contact-row-unrecorded',
        id: row.id,
        messageZh: `联系记录 ${row.id} 不在账本中（绕过本程序添加）`,
        messageEn: `contact record ${row.id} is not in the ledger (added behind the product's back)`,
      });

  return {
    intact: problems.length === 0,
    entries: entries.length,
    headHash: chain.ok ? chain.value.headHash : (entries.at(-1)?.hash ?? null),
    objectsChecked: hashes.length,
    bytesChecked,
    problems,
    anchor,
    staleTempFilesRemoved,
  };
}
