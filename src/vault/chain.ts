// Pure hash-chain logic for the evidence ledger (no IO). Each entry's hash is SHA-256 over the
// RFC 8785 canonical JSON of { seq, prevHash, objectHash, kind, meta, recordedAt }; the first
// entry's prevHash is 64 zeros. Changing any byte of any entry, or removing or reordering
// entries, breaks the chain at a seq that verifyChain names.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { err, ok, type Result, assert } from '../core/result.js';
import {
  GENESIS_HASH,
  isSha256Hex,
  type LedgerEntry,
  type LedgerEntryBody,
  type Sha256Hex,
} from '../core/ledger/index.js';

export {
  GENESIS_HASH,
  type JsonValue,
  type LedgerEntry,
  type LedgerEntryBody,
} from '../core/ledger/index.js';

/** The canonical bytes an entry's hash covers (RFC 8785). */
export function canonicalEntryJson(body: LedgerEntryBody): string {
  const text = canonicalize({
    seq: body.seq,
    prevHash: body.prevHash,
    objectHash: body.objectHash,
    kind: body.kind,
    meta: body.meta,
    recordedAt: body.recordedAt,
  });
  assert(text !== undefined, 'ledger entry is not JSON');
  return text;
}

export function hashEntry(body: LedgerEntryBody): Sha256Hex {
  return createHash('sha256').update(canonicalEntryJson(body), 'utf8').digest('hex') as Sha256Hex;
}

/** Builds the next entry after `head` (null for the first one). */
export function nextEntry(
  head: Pick<LedgerEntry, 'seq' | 'hash'> | null,
  input: Pick<LedgerEntryBody, 'objectHash' | 'kind' | 'meta' | 'recordedAt'>,
): LedgerEntry {
  const body: LedgerEntryBody = {
    seq: head === null ? 1 : head.seq + 1,
    prevHash: head === null ? GENESIS_HASH : head.hash,
    objectHash: input.objectHash,
    kind: input.kind,
    meta: input.meta,
    recordedAt: input.recordedAt,
  };
  return { ...body, hash: hashEntry(body) };
}

export type ChainProblem =
  /** stored fields no longer hash to the stored hash */
  | 'entry-edited'
  /** an entry recorded at `recordedSeq` now sits at `seq` */
  | 'entry-reordered'
  /** one or more entries before `seq` are gone (seq gap or broken link) */
  | 'entry-removed'
  /** the same seq twice, or seqs going backwards */
  | 'entry-duplicated'
  /** the chain ends before the head the user or the vault wrote down */
  | 'entries-truncated'
  /** the entry at the anchored seq is not the anchored one */
  | 'head-mismatch';

export interface ChainIssue {
  code: 'ledger-broken';
  problem: ChainProblem;
  /** the first bad seq */
  seq: number;
  recordedSeq?: number;
  message: string;
  messageZh: string;
}

export interface ChainSummary {
  count: number;
  headHash: Sha256Hex;
}

/** A head written down earlier (in the vault's head file, or by the user). */
export interface ChainAnchor {
  seq: number;
  hash: Sha256Hex;
}

/**
 * The vault's head file (`{"seq":…,"hash":…}`) as an anchor. A file that does not parse names
 * a head no chain can reach (seq past any real one, no hash), so verifying against it fails
 * loudly instead of vouching for anything.
 */
export function parseHeadFile(text: string): ChainAnchor {
  try {
    const v = JSON.parse(text) as { seq?: unknown; hash?: unknown };
    if (Number.isSafeInteger(v.seq) && isSha256Hex(v.hash))
      return { seq: v.seq as number, hash: v.hash };
  } catch {
    // reported below as an unreachable head
  }
  return { seq: Number.MAX_SAFE_INTEGER, hash: '' as Sha256Hex };
}

function issue(
  problem: ChainProblem,
  seq: number,
  message: string,
  messageZh: string,
  recordedSeq?: number,
): ChainIssue {
  return recordedSeq === undefined
    ? { code: 'ledger-broken', problem, seq, message, messageZh }
    : { code: 'ledger-broken', problem, seq, recordedSeq, message, messageZh };
}

/**
 * Walks entries (ordered by seq as stored) and returns the count and head hash, or the first bad
 * seq and what is wrong. With an anchor it also catches removal of the newest entries.
 */
export function verifyChain(
  entries: readonly LedgerEntry[],
  anchor?: ChainAnchor | null,
): Result<ChainSummary, ChainIssue> {
  let prevHash: Sha256Hex = GENESIS_HASH;
  let expected = 1;
  for (const e of entries) {
    const bad = seqIssue(e, expected) ?? linkIssue(e, prevHash, entries.length);
    if (bad !== null) return err(bad);
    prevHash = e.hash;
    expected += 1;
  }
  const count = expected - 1;
  const cut = anchor ? anchorIssue(entries, count, anchor) : null;
  if (cut !== null) return err(cut);
  return ok({ count, headHash: prevHash });
}

/** An entry whose seq is not the next one: a duplicate (or going back), or a gap. */
function seqIssue(e: LedgerEntry, expected: number): ChainIssue | null {
  if (e.seq < expected)
    return issue(
      'entry-duplicated',
      e.seq,
      `ledger entry ${e.seq} appears twice or out of sequence`,
      `账本第 ${e.seq} 条重复或顺序倒退`,
    );
  if (e.seq > expected) {
    const range = e.seq - 1 === expected ? `${expected}` : `${expected}–${e.seq - 1}`;
    return issue(
      'entry-removed',
      expected,
      `ledger entry ${range} is missing (removed)`,
      `账本第 ${range} 条缺失（被删除）`,
    );
  }
  return null;
}

/** An entry that no longer hashes to its hash or does not link to the one before it. */
function linkIssue(e: LedgerEntry, prevHash: Sha256Hex, n: number): ChainIssue | null {
  const actual = hashEntry(e);
  if (actual === e.hash && e.prevHash === prevHash) return null;
  // Diagnose: an entry that still hashes correctly under another seq was moved, not edited.
  const recordedSeq = actual === e.hash ? undefined : findRecordedSeq(e, n);
  if (recordedSeq !== undefined)
    return issue(
      'entry-reordered',
      e.seq,
      `ledger entry recorded as ${recordedSeq} now sits at ${e.seq} (reordered)`,
      `账本中原第 ${recordedSeq} 条被移到第 ${e.seq} 条（顺序被改动）`,
      recordedSeq,
    );
  if (actual !== e.hash)
    return issue(
      'entry-edited',
      e.seq,
      `ledger entry ${e.seq} was changed after it was recorded (hash mismatch)`,
      `账本第 ${e.seq} 条在记录后被修改（哈希不符）`,
    );
  return issue(
    'entry-removed',
    e.seq,
    `ledger entry ${e.seq} does not link to entry ${e.seq - 1}: an entry before it was removed or replaced`,
    `账本第 ${e.seq} 条与第 ${e.seq - 1} 条链接断开：之前的条目被删除或替换`,
  );
}

/** A chain shorter than the anchored head, or a different entry at the anchored seq. */
function anchorIssue(
  entries: readonly LedgerEntry[],
  count: number,
  anchor: ChainAnchor,
): ChainIssue | null {
  if (anchor.seq > count)
    return issue(
      'entries-truncated',
      count + 1,
      `ledger ends at entry ${count} but entry ${anchor.seq} was recorded earlier: the newest entries were removed`,
      `账本只到第 ${count} 条，但此前已记录到第 ${anchor.seq} 条：最新的条目被删除`,
    );
  const at = entries[anchor.seq - 1];
  if (anchor.seq > 0 && at?.hash !== anchor.hash)
    return issue(
      'head-mismatch',
      anchor.seq,
      `ledger entry ${anchor.seq} is not the one recorded earlier (head hash differs)`,
      `账本第 ${anchor.seq} 条与此前记录的头哈希不符`,
    );
  return null;
}

/** The seq under which an entry's other fields still hash to its stored hash, if any. */
function findRecordedSeq(e: LedgerEntry, n: number): number | undefined {
  for (let s = 1; s <= n + 1; s += 1) {
    if (s !== e.seq && hashEntry({ ...e, seq: s }) === e.hash) return s;
  }
  return undefined;
}
