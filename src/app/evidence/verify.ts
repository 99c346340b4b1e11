// Evidence verify: walks the ledger's hash chain against the vault's head file (and heads the
// user kept), re-hashes every object the ledger names, and compares the evidence and contact rows
// with what the ledger recorded about them.
import type { JsonValue, LedgerEntry, Sha256Hex } from '../../core/ledger/index.js';
import { isSha256Hex } from '../../core/ledger/index.js';
import {
  createContactRepository,
  type Contact,
} from '../../db/repositories/contacts-repository.js';
import {
  createEvidenceRepository,
  type EvidenceItem,
} from '../../db/repositories/evidence-repository.js';
import { createLedgerRepository } from '../../db/repositories/ledger-repository.js';
import type { CaseId } from '../../db/types.js';
import { verifyChain, type ChainAnchor, type ChainIssue } from '../../vault/chain.js';
import { contactMeta } from '../contacts.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Vault } from '../ports.js';
import { vaultOf } from './common.js';
import { evidenceMeta } from './evidence.js';

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

type History = ReturnType<typeof recordedHistory>;

/** A row's withdrawal matches the ledger's (both absent, or the same time and reason). */
function sameWithdrawal(
  row: EvidenceItem,
  rec: { withdrawnAt: JsonValue; reason: JsonValue } | undefined,
): boolean {
  const at = row.withdrawnAt ?? null;
  if (rec === undefined) return at === null;
  return at === rec.withdrawnAt && (row.withdrawReason ?? null) === rec.reason;
}

/** The chain itself, then the heads that left the device: the --head hash and the --against anchor. */
function checkLedger(
  entries: readonly LedgerEntry[],
  anchor: ChainAnchor | null,
  opts: { expectHead?: string; against: { seq: number; prefix: string } | null },
): { problems: VerifyProblem[]; headHash: Sha256Hex | null } {
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
  if (opts.expectHead !== undefined) problems.push(...checkExpectedHead(entries, opts.expectHead));
  if (opts.against !== null) problems.push(...checkAgainst(entries, opts.against));
  return {
    problems,
    headHash: chain.ok ? chain.value.headHash : (entries.at(-1)?.hash ?? null),
  };
}

/** The head hash the user wrote down (--head) is a hash, and one of the ledger's. */
function checkExpectedHead(entries: readonly LedgerEntry[], expectHead: string): VerifyProblem[] {
  const want = expectHead.trim().toLowerCase();
  if (!isSha256Hex(want))
    return [
      {
        code: 'head-not-found',
        hash: want,
        messageZh: `--head ${want} 不是头哈希：头哈希是 64 位十六进制字符（0-9、a-f），请核对抄写`,
        messageEn: `--head ${want} is not a head hash: a head hash is 64 hexadecimal characters (0-9, a-f); check what you copied`,
      },
    ];
  if (!entries.some((e) => e.hash === want))
    return [
      {
        code: 'head-not-found',
        hash: want,
        messageZh: `您记下的头哈希 ${want} 不在账本中：账本被改写或不是同一份数据`,
        messageEn: `the head hash you wrote down (${want}) is not in the ledger: it was rewritten or this is different data`,
      },
    ];
  return [];
}

/** The entry at the kept SEQ:HASH anchor (--against) is still there with that hash. */
function checkAgainst(
  entries: readonly LedgerEntry[],
  against: { seq: number; prefix: string },
): VerifyProblem[] {
  const at = entries.find((e) => e.seq === against.seq);
  const shown = `${against.seq}:${against.prefix}`;
  if (at === undefined)
    return [
      {
        code: 'anchor-mismatch',
        seq: against.seq,
        messageZh: `账本现在只有 ${entries.length} 条，没有您此前保存的第 ${against.seq} 条（${shown}）：此后有条目被删除，或这不是同一份数据`,
        messageEn: `the ledger now has ${entries.length} entries, not the entry ${against.seq} you kept (${shown}): entries were removed since, or this is different data`,
      },
    ];
  if (!at.hash.startsWith(against.prefix))
    return [
      {
        code: 'anchor-mismatch',
        seq: against.seq,
        hash: at.hash,
        messageZh: `账本第 ${against.seq} 条的哈希现在是 ${at.hash.slice(0, against.prefix.length)}，与您此前保存的 ${shown} 不符：第 ${against.seq} 条或它之前的某一条在那之后被改写过（每条的哈希都包含前一条的哈希，改动任何一条都会改变其后所有条目的哈希）`,
        messageEn: `ledger entry ${against.seq} now hashes to ${at.hash.slice(0, against.prefix.length)}, not the ${shown} you kept: entry ${against.seq} or one before it was rewritten since (each hash covers the previous one)`,
      },
    ];
  return [];
}

/** Re-hashes each distinct object once, in ledger order, naming it by the file names it was added under. */
async function checkObjects(
  vault: Vault,
  entries: readonly LedgerEntry[],
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<{ problems: VerifyProblem[]; objectsChecked: number; bytesChecked: number }> {
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
  const problems: VerifyProblem[] = [];
  let bytesChecked = 0;
  for (const [i, h] of hashes.entries()) {
    const r = await vault.check(h);
    onProgress?.(i + 1, hashes.length);
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
  return { problems, objectsChecked: hashes.length, bytesChecked };
}

/** What a ledger entry recorded about one row; `removed`: a later entry recorded its removal. */
interface Recorded {
  id: string;
  entry: LedgerEntry;
  removed: boolean;
}

/** The kind of row a walk compares: its problem codes and how the messages name it. */
interface RowKind<R> {
  codes: { missing: VerifyProblemCode; changed: VerifyProblemCode; unrecorded: VerifyProblemCode };
  zh: string;
  en: string;
  /** the row no longer says what the entry recorded */
  differs: (row: R, entry: LedgerEntry) => boolean;
}

/**
 * The one walk over rows the ledger recorded: each recorded row must still be there (unless its
 * removal was recorded too) and say what was recorded; each row must have been recorded.
 */
function walkRecordedRows<R extends { id: string }>(
  kind: RowKind<R>,
  recorded: readonly Recorded[],
  rows: readonly R[],
): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const recordedIds = new Set<string>();
  for (const { id, entry: e, removed } of recorded) {
    recordedIds.add(id);
    const row = rowById.get(id);
    if (row === undefined && removed) continue;
    if (row === undefined)
      problems.push({
        code: kind.codes.missing,
        id,
        seq: e.seq,
        messageZh: `${kind.zh} ${id} 已从数据库删除（账本第 ${e.seq} 条）`,
        messageEn: `${kind.en} ${id} was deleted from the database (ledger entry ${e.seq})`,
      });
    else if (kind.differs(row, e))
      problems.push({
        code: kind.codes.changed,
        id,
        seq: e.seq,
        messageZh: `${kind.zh} ${id} 与账本第 ${e.seq} 条不一致（记录后被修改）`,
        messageEn: `${kind.en} ${id} differs from ledger entry ${e.seq} (changed after it was recorded)`,
      });
  }
  for (const row of rows)
    if (!recordedIds.has(row.id))
      problems.push({
        code: kind.codes.unrecorded,
        id: row.id,
        messageZh: `${kind.zh} ${row.id} 不在账本中（绕过本程序添加）`,
        messageEn: `${kind.en} ${row.id} is not in the ledger (added behind the product's back)`,
      });
  return problems;
}

/** Evidence rows against their 'evidence-added' entries and their recorded withdrawals. */
function evidenceRows(history: History): RowKind<EvidenceItem> {
  return {
    codes: {
      missing: 'evidence-row-missing',
      changed: 'evidence-row-changed',
      unrecorded: 'evidence-row-unrecorded',
    },
    zh: '证据记录',
    en: 'evidence record',
    differs: (row, e) => {
      // contactId may be linked later by a contact log entry, so it is compared only when recorded
      const now = evidenceMeta(row);
      const was = { ...e.meta };
      if (was['contactId'] === null) now['contactId'] = null;
      // removing a contact (recorded in the ledger) unlinks its evidence
      if (now['contactId'] === null && history.removedContacts.has(String(was['contactId'])))
        now['contactId'] = was['contactId'] ?? null;
      return (
        !sameJson(now, was) ||
        row.sha256 !== e.objectHash ||
        !sameWithdrawal(row, history.withdrawals.get(row.id))
      );
    },
  };
}

/** Contact rows against their latest 'contact-logged' or 'contact-edited' entry. */
const CONTACT_ROWS: RowKind<Contact> = {
  codes: {
    missing: 'contact-row-missing',
    changed: 'contact-row-changed',
    unrecorded: 'contact-row-unrecorded',
  },
  zh: '联系记录',
  en: 'contact record',
  differs: (row, e) => !sameJson(contactMeta(row), e.meta['contact'] ?? null),
};

/** Evidence rows, then contact rows, against what the ledger recorded when they were written. */
async function checkRows(
  deps: Deps,
  caseId: CaseId,
  entries: readonly LedgerEntry[],
): Promise<VerifyProblem[]> {
  const history = recordedHistory(entries);
  const items = await createEvidenceRepository(deps.db).list(caseId);
  const added = entries
    .filter((x) => x.kind === 'evidence-added')
    .map((e) => ({ id: String(e.meta['evidenceId']), entry: e, removed: false }));
  const contacts = await createContactRepository(deps.db).list(caseId);
  const logged = [...history.contacts].map(([id, { entry, removed }]) => ({ id, entry, removed }));
  return [
    ...walkRecordedRows(evidenceRows(history), added, items),
    ...walkRecordedRows(CONTACT_ROWS, logged, contacts),
  ];
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
  const ledger = checkLedger(entries, anchor, {
    against,
    ...(opts.expectHead === undefined ? {} : { expectHead: opts.expectHead }),
  });
  const objects = await checkObjects(vault, entries, opts.onProgress);
  const problems = [
    ...ledger.problems,
    ...objects.problems,
    ...(await checkRows(deps, caseId, entries)),
  ];
  return {
    intact: problems.length === 0,
    entries: entries.length,
    headHash: ledger.headHash,
    objectsChecked: objects.objectsChecked,
    bytesChecked: objects.bytesChecked,
    problems,
    anchor,
    staleTempFilesRemoved,
  };
}
