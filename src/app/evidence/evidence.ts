// Evidence use cases: add a file to the vault with a ledger entry, list, and the ledger head shown
// outside the device (verify.ts checks everything).
import { EVIDENCE_KIND, listLabels } from '../../core/vocab/index.js';
import type { Instant } from '../../core/dates/index.js';
import type { JsonValue, LedgerEntry } from '../../core/ledger/index.js';
import { createContactRepository } from '../../db/repositories/contacts-repository.js';
import {
  EVIDENCE_KINDS,
  createEvidenceRepository,
  type EvidenceItem,
  type EvidenceKind,
} from '../../db/repositories/evidence-repository.js';
import { createLedgerRepository } from '../../db/repositories/ledger-repository.js';
import type { CaseId } from '../../db/types.js';
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
