// Export bundle: a zip anyone can check with standard tools. It holds the originals, manifest.json
// (items, hashes, metadata, the ledger slice and head hash), SHA256SUMS (`sha256sum -c` after
// unzip) and index.html, a printable chronological exhibit list (证据目录) with the contact log
// interleaved (index-html.ts). Files are streamed; the zip is written to a temp name and renamed
// when complete.
import yazl from 'yazl';
import { shanghaiLocal, type ConductFlag } from '../../core/conduct/index.js';
import { parseDateInput, type Instant, type IsoDate } from '../../core/dates/index.js';
import type { LedgerEntry } from '../../core/ledger/index.js';
import {
  createContactRepository,
  type Contact,
} from '../../db/repositories/contacts-repository.js';
import {
  createEvidenceRepository,
  type EvidenceItem,
} from '../../db/repositories/evidence-repository.js';
import { createLedgerRepository } from '../../db/repositories/ledger-repository.js';
import { createLenderRepository } from '../../db/repositories/lender-repository.js';
import type { CaseId, Lender } from '../../db/types.js';
import { checkCaseConduct } from '../contacts.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Vault } from '../ports.js';
import { itemTime, renderIndexHtml } from './index-html.js';
import { resolveLender, vaultOf } from './common.js';

export interface ExportInput {
  caseId: CaseId;
  caseTitle?: string;
  out: string;
  lender?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface ExportResult {
  path: string;
  items: number;
  contacts: number;
  bytes: number;
  headHash: string | null;
  ledgerEntries: number;
  complete: boolean;
}

const DIR = 'evidence';

function parseDay(v: string | null | undefined, field: string): IsoDate | null {
  if (v === undefined || v === null || v.trim() === '') return null;
  const r = parseDateInput(v.trim(), field);
  if (!r.ok) throw AppError.fromIssue(r.error);
  return r.value;
}

// oxlint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;

/** A file name safe inside a zip and on a SHA256SUMS line (no separators, controls or backslashes). */
export function safeName(name: string): string {
  const s = name.replace(UNSAFE_IN_NAME, '_').replace(/^\.+/, '_').trim();
  return s === '' ? 'file' : s.slice(0, 120);
}

/** The days the bundle covers (Beijing days, both ends included; null = open). */
interface DayRange {
  from: IsoDate | null;
  to: IsoDate | null;
}

function parseRange(input: ExportInput): DayRange {
  const from = parseDay(input.from, 'from');
  const to = parseDay(input.to, 'to');
  if (from !== null && to !== null && from > to)
    throw new AppError('invalid-input', `from ${from} is after to ${to}`, {
      field: 'from',
      messageZh: `开始日期 ${from} 晚于结束日期 ${to}`,
    });
  return { from, to };
}

/** What the bundle holds, read from the store. */
interface BundleRecords {
  items: EvidenceItem[];
  contacts: Contact[];
  lenders: Map<string, Lender>;
  allEntries: LedgerEntry[];
  /** the ledger entries of the exported items and contacts (all of them when `complete`) */
  slice: LedgerEntry[];
  head: LedgerEntry | null;
  flags: ConductFlag[];
  /** no lender or day filter: the whole ledger, whose chain can be walked */
  complete: boolean;
}

/** The entries about the exported items and contacts; a removal names no exported contact. */
function ledgerSlice(
  entries: readonly LedgerEntry[],
  itemIds: ReadonlySet<string>,
  contactIds: ReadonlySet<string>,
): LedgerEntry[] {
  return entries.filter((e) => {
    if (e.kind === 'evidence-added' || e.kind === 'evidence-withdrawn')
      return itemIds.has(String(e.meta['evidenceId']));
    if (e.kind === 'contact-removed') return false;
    const c = e.meta['contact'];
    return (
      (e.kind === 'contact-logged' || e.kind === 'contact-edited') &&
      c !== null &&
      typeof c === 'object' &&
      !Array.isArray(c) &&
      contactIds.has(String(c['id']))
    );
  });
}

/** The items (oldest first) and contacts of the lender and days, their ledger entries and flags. */
async function readBundle(
  deps: Deps,
  caseId: CaseId,
  lender: Lender | null,
  range: DayRange,
): Promise<BundleRecords> {
  const inRange = (at: Instant) => {
    const d = shanghaiLocal(at).day;
    return (range.from === null || d >= range.from) && (range.to === null || d <= range.to);
  };
  const filter = lender === null ? {} : { lenderId: lender.id as string };
  const items = (await createEvidenceRepository(deps.db).list(caseId, filter))
    .filter((e) => inRange(itemTime(e)))
    .sort((a, b) =>
      itemTime(a) < itemTime(b) ? -1 : itemTime(a) > itemTime(b) ? 1 : a.id < b.id ? -1 : 1,
    );
  const contacts = (await createContactRepository(deps.db).list(caseId, filter)).filter((c) =>
    inRange(c.occurredAt),
  );
  const lenders = new Map(
    (await createLenderRepository(deps.db).list(caseId)).map((l) => [l.id as string, l]),
  );
  const allEntries = await createLedgerRepository(deps.db).list(caseId);
  const complete = lender === null && range.from === null && range.to === null;
  const itemIds = new Set(items.map((e) => e.id));
  const contactIds = new Set(contacts.map((c) => c.id));
  const slice = complete ? allEntries : ledgerSlice(allEntries, itemIds, contactIds);
  const flags = (
    await checkCaseConduct(deps, caseId, lender === null ? {} : { lender: lender.id })
  ).filter((f) => f.contactIds.some((id) => contactIds.has(id)));
  return {
    items,
    contacts,
    lenders,
    allEntries,
    slice,
    head: allEntries.at(-1) ?? null,
    flags,
    complete,
  };
}

type BundleFile = { item: EvidenceItem; path: string };

/** manifest.json: the exhibits with their hashes and metadata, the contacts, flags and ledger. */
function buildManifest(
  input: ExportInput,
  generatedAt: Instant,
  filter: { lender: Lender | null } & DayRange,
  files: readonly BundleFile[],
  b: BundleRecords,
) {
  return {
    format: 'xieshang-evidence-bundle/1',
    generatedAt,
    case: { id: input.caseId, title: input.caseTitle ?? null },
    filter: { lenderId: filter.lender?.id ?? null, from: filter.from, to: filter.to },
    hashAlgorithm: 'sha256',
    items: files.map(({ item, path }, i) => ({
      exhibit: i + 1,
      path,
      sha256: item.sha256,
      sizeBytes: item.sizeBytes,
      id: item.id,
      kind: item.kind,
      lenderId: item.lenderId,
      lenderName: item.lenderId === null ? null : (b.lenders.get(item.lenderId)?.name ?? null),
      contactId: item.contactId,
      capturedAt: item.capturedAt,
      addedAt: item.addedAt,
      originalName: item.originalName,
      mediaType: item.mediaType,
      description: item.description,
      // withdrawn evidence is kept (append-only) and marked, with the reason given
      withdrawnAt: item.withdrawnAt ?? null,
      withdrawReason: item.withdrawReason ?? null,
    })),
    contacts: b.contacts,
    conductFlags: b.flags,
    ledger: {
      // with a filter only the matching entries are included: each still hashes on its own, but
      // the chain links can only be walked in an unfiltered export
      complete: b.complete,
      count: b.allEntries.length,
      headHash: b.head?.hash ?? null,
      headSeq: b.head?.seq ?? null,
      entryHash:
        'sha256 of RFC 8785 canonical JSON of {seq, prevHash, objectHash, kind, meta, recordedAt}',
      entries: b.slice,
    },
  };
}

/** Refuses before writing anything when an original is no longer in the vault. */
async function assertInVault(vault: Vault, files: readonly BundleFile[]): Promise<void> {
  for (const f of files)
    if (!(await vault.has(f.item.sha256)))
      throw new AppError(
        'integrity-failure',
        `evidence file missing from the vault: ${f.item.originalName} (${f.item.sha256}); run: xieshang evidence verify`,
        {
          field: 'vault',
          messageZh: `证据库中缺少文件：${f.item.originalName}（${f.item.sha256}），请运行 xieshang evidence verify`,
        },
      );
}

/** A failed write as the user's error: bytes changed in the vault, or an unwritable target. */
function writeFailure(e: unknown, out: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EVAULTCHANGED')
    return new AppError(
      'integrity-failure',
      `${(e as Error).message}; nothing was exported (run: xieshang evidence verify)`,
      {
        field: 'vault',
        messageZh: '证据文件在证据库中被改动，未导出；请运行 xieshang evidence verify',
      },
    );
  if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOSPC')
    return new AppError('file-not-found', `cannot write ${out} (${code})`, {
      field: 'out',
      cause: e,
      messageZh: `无法写入 ${out}（${code}）`,
    });
  return e;
}

/**
 * Streams the originals (verified as they are read) and the three written files into a zip at a
 * temp name beside `out`, renamed when complete; on any failure the temp file is removed.
 */
async function writeZip(
  deps: Deps,
  out: string,
  files: readonly BundleFile[],
  written: { name: string; bytes: Buffer }[],
): Promise<void> {
  const vault = vaultOf(deps);
  const tmp = deps.temp.beside(out);
  const zip = new yazl.ZipFile();
  let failure: Error | null = null;
  let failed!: (e: Error) => void;
  const failedP = new Promise<never>((_, reject) => {
    failed = reject;
  });
  const mtime = new Date(Date.parse(deps.clock.now()));
  for (const f of files) {
    // Streamed entries get a data descriptor (the CRC is known only at the end). A STORED entry
    // with one is rejected by Java's ZipInputStream ("only DEFLATED entries can have EXT
    // descriptor") and so by many Android apps; DEFLATED entries with one are read everywhere.
    // Level 1: originals are mostly already-compressed media, so a higher level buys nothing.
    const opts = { mtime, compressionLevel: 1, size: f.item.sizeBytes };
    zip.addReadStreamLazy(f.path, opts, (cb) => {
      const s = vault.openVerified(f.item.sha256);
      s.on('error', (e: Error) => {
        failure = e;
        failed(e);
      });
      cb(null, s);
    });
  }
  for (const w of written) zip.addBuffer(w.bytes, w.name, { mtime });
  zip.end();
  try {
    await Promise.race([deps.files.writeFrom(tmp, zip.outputStream), failedP]);
    if (failure !== null) throw failure;
    await deps.files.rename(tmp, out);
  } catch (e) {
    await deps.files.remove(tmp).catch(() => undefined);
    throw writeFailure(e, out);
  }
}

/** Writes the bundle; refuses (and leaves nothing) when an object is missing or changed. */
export async function exportEvidence(deps: Deps, input: ExportInput): Promise<ExportResult> {
  const range = parseRange(input);
  const lender = input.lender ? await resolveLender(deps, input.caseId, input.lender) : null;
  const b = await readBundle(deps, input.caseId, lender, range);
  const files = b.items.map((e, i) => ({
    item: e,
    path: `${DIR}/${String(i + 1).padStart(3, '0')}-${safeName(e.originalName)}`,
  }));
  const filter = { lender, ...range };
  const manifest = buildManifest(input, deps.clock.now(), filter, files, b);
  const manifestBuf = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const html = Buffer.from(
    renderIndexHtml({
      caseTitle: input.caseTitle ?? null,
      files,
      contacts: b.contacts,
      lenders: b.lenders,
      flags: b.flags,
      head: b.head,
      count: b.allEntries.length,
      generatedAt: deps.clock.now(),
      filter,
    }),
    'utf8',
  );
  const sha = (x: Buffer) => deps.crypto.sha256().update(x).digest();
  const sums =
    files.map((f) => `${f.item.sha256}  ${f.path}`).join('\n') +
    (files.length > 0 ? '\n' : '') +
    `${sha(manifestBuf)}  manifest.json\n${sha(html)}  index.html\n`;
  await assertInVault(vaultOf(deps), files);
  await writeZip(deps, input.out, files, [
    { name: 'manifest.json', bytes: manifestBuf },
    { name: 'index.html', bytes: html },
    { name: 'SHA256SUMS', bytes: Buffer.from(sums, 'utf8') },
  ]);
  return {
    path: input.out,
    items: files.length,
    contacts: b.contacts.length,
    bytes: files.reduce((s, f) => s + f.item.sizeBytes, 0),
    headHash: b.head?.hash ?? null,
    ledgerEntries: b.slice.length,
    complete: b.complete,
  };
}
