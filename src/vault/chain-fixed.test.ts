// Guards no other chain test holds: the hash must cover prevHash (fixed vector), and a rewrite that
// rehashes an entry and relinks the next must fail against a head recorded before it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../core/dates/index.js';
import type { Sha256Hex } from '../core/ledger/index.js';
import {
  canonicalEntryJson,
  hashEntry,
  nextEntry,
  verifyChain,
  type LedgerEntry,
} from './chain.js';

const KNOWN = {
  seq: 2,
  prevHash: 'ab'.repeat(32) as Sha256Hex,
  objectHash: 'cd'.repeat(32) as Sha256Hex,
  kind: 'evidence-added',
  meta: { originalName: '录音.m4a', sizeBytes: 1024, note: null },
  recordedAt: '2026-11-29T08:00:00.000Z' as Instant,
};

describe('ledger entry hash: a fixed vector', () => {
  it('is SHA-256 of the RFC 8785 JSON of every field, prevHash included', () => {
    const canonical =
      '{"kind":"evidence-added","meta":{"note":null,"originalName":"录音.m4a","sizeBytes":1024},' +
      `"objectHash":"${'cd'.repeat(32)}","prevHash":"${'ab'.repeat(32)}",` +
      '"recordedAt":"2026-11-29T08:00:00.000Z","seq":2}';
    expect(canonicalEntryJson(KNOWN)).toBe(canonical);
    // computed once with `printf '%s' … | sha256sum`; a change here breaks every stored ledger
    expect(hashEntry(KNOWN)).toBe(
      '7ca39cebfd696c185600249180cf9485bf66dcdf42fb526c8e19c294ccad0ef7',
    );
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(hashEntry(KNOWN));
    expect(hashEntry({ ...KNOWN, prevHash: `${'ab'.repeat(31)}ac` as Sha256Hex })).toBe(
      '06de34f5a08822b1068369b48a6db5784804c38be23336a681913c574b541a40',
    );
  });
});

describe('a rewrite that rehashes and relinks', () => {
  const T = '2026-11-29T08:00:00.000Z' as Instant;
  function build(n: number): LedgerEntry[] {
    const out: LedgerEntry[] = [];
    for (let i = 0; i < n; i += 1)
      out.push(
        nextEntry(out.at(-1) ?? null, { objectHash: null, kind: 'k', meta: { i }, recordedAt: T }),
      );
    return out;
  }

  it('edits entry 2, rehashes it, relinks and rehashes the rest: fails against the recorded head', () => {
    const c = build(4);
    const recorded = { seq: 4, hash: c[3]!.hash };
    const edited = { ...c[1]!, meta: { i: 99 } };
    c[1] = { ...edited, hash: hashEntry(edited) };
    for (let i = 2; i < c.length; i += 1) {
      const body = { ...c[i]!, prevHash: c[i - 1]!.hash };
      c[i] = { ...body, hash: hashEntry(body) };
    }
    // internally consistent: only the head recorded earlier can tell
    expect(verifyChain(c).ok).toBe(true);
    const r = verifyChain(c, recorded);
    expect(r.ok ? null : r.error).toMatchObject({ problem: 'head-mismatch', seq: 4 });
  });

  it('relinking only the next entry (not rehashing it) is caught as a broken link', () => {
    const c = build(3);
    const edited = { ...c[0]!, meta: { i: 42 } };
    c[0] = { ...edited, hash: hashEntry(edited) };
    c[1] = { ...c[1]!, prevHash: c[0].hash };
    const r = verifyChain(c, { seq: 3, hash: c[2]!.hash });
    expect(r.ok ? null : r.error).toMatchObject({ problem: 'entry-edited', seq: 2 });
  });
});
