import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../core/dates/index.js';
import {
  GENESIS_HASH,
  canonicalEntryJson,
  hashEntry,
  nextEntry,
  verifyChain,
  type LedgerEntry,
} from './chain.js';
import type { Sha256Hex } from './store.js';

const T = '2026-11-29T08:00:00.000Z' as Instant;
const H = (c: string) => c.repeat(64) as Sha256Hex;

function build(n: number): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (let i = 0; i < n; i += 1) {
    out.push(
      nextEntry(out.at(-1) ?? null, {
        objectHash: i % 2 === 0 ? H(String(i % 10)) : null,
        kind: i % 2 === 0 ? 'evidence-added' : 'contact-logged',
        meta: { i, note: `第${i}条 note`, nested: { a: [1, 'x', null] } },
        recordedAt: T,
      }),
    );
  }
  return out;
}

describe('verifyChain', () => {
  it('accepts an intact chain and reports count and head hash', () => {
    const c = build(5);
    expect(verifyChain(c)).toEqual({ ok: true, value: { count: 5, headHash: c[4]!.hash } });
    expect(c[0]!.prevHash).toBe(GENESIS_HASH);
  });

  it('accepts the empty chain with the genesis hash as head', () => {
    expect(verifyChain([])).toEqual({ ok: true, value: { count: 0, headHash: GENESIS_HASH } });
  });

  it('hashes RFC 8785 canonical JSON: key order does not matter, values do', () => {
    const a = nextEntry(null, { objectHash: null, kind: 'k', meta: { b: 1, a: 2 }, recordedAt: T });
    const b = nextEntry(null, { objectHash: null, kind: 'k', meta: { a: 2, b: 1 }, recordedAt: T });
    expect(a.hash).toBe(b.hash);
    expect(canonicalEntryJson(a)).toContain('"meta":{"a":2,"b":1}');
    const c = nextEntry(null, { objectHash: null, kind: 'k', meta: { a: 2, b: 2 }, recordedAt: T });
    expect(c.hash).not.toBe(a.hash);
  });

  it('names an edited entry', () => {
    const c = build(6);
    c[3] = { ...c[3]!, meta: { ...c[3]!.meta, note: 'changed' } };
    const r = verifyChain(c);
    expect(r.ok ? null : r.error).toMatchObject({ problem: 'entry-edited', seq: 4 });
  });

  it('names a removed entry in the middle', () => {
    const c = build(6);
    c.splice(2, 1);
    const r = verifyChain(c);
    expect(r.ok ? null : r.error).toMatchObject({ problem: 'entry-removed', seq: 3 });
  });

  it('names a removed entry even when later seqs were renumbered and rehashed', () => {
    const c = build(6);
    c.splice(2, 1);
    // an attacker renumbers 4..6 to 3..5 and recomputes their own hashes, not the links
    for (let i = 2; i < c.length; i += 1) {
      const body = { ...c[i]!, seq: i + 1 };
      c[i] = { ...body, hash: hashEntry(body) };
    }
    const r = verifyChain(c);
    expect(r.ok ? null : r.error).toMatchObject({ problem: 'entry-removed', seq: 3 });
  });

  it('names reordered entries (seq values swapped)', () => {
    const c = build(6);
    const a = c[2]!;
    const b = c[3]!;
    c[2] = { ...b, seq: 3 };
    c[3] = { ...a, seq: 4 };
    const r = verifyChain(c);
    expect(r.ok ? null : r.error).toMatchObject({
      problem: 'entry-reordered',
      seq: 3,
      recordedSeq: 4,
    });
  });

  it('names a duplicated seq', () => {
    const c = build(4);
    c.splice(2, 0, c[1]!);
    const r = verifyChain(c);
    expect(r.ok ? null : r.error).toMatchObject({ problem: 'entry-duplicated', seq: 2 });
  });

  it('catches removal of the newest entries against an anchor', () => {
    const c = build(5);
    const anchor = { seq: 5, hash: c[4]!.hash };
    expect(verifyChain(c, anchor).ok).toBe(true);
    const r = verifyChain(c.slice(0, 4), anchor);
    expect(r.ok ? null : r.error).toMatchObject({ problem: 'entries-truncated', seq: 5 });
  });

  it('accepts a chain that grew past its anchor, rejects a rewritten one', () => {
    const c = build(5);
    expect(verifyChain(c, { seq: 3, hash: c[2]!.hash }).ok).toBe(true);
    const r = verifyChain(c, { seq: 3, hash: H('a') });
    expect(r.ok ? null : r.error).toMatchObject({ problem: 'head-mismatch', seq: 3 });
  });

  it('property: changing any field of any entry fails verification at that seq or earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        fc.constantFrom('meta', 'kind', 'recordedAt', 'objectHash', 'prevHash', 'hash'),
        fc.string({ minLength: 1, maxLength: 5 }),
        (n, pick, field, junk) => {
          const c = build(n);
          const i = pick % n;
          const e = c[i]!;
          let changed: LedgerEntry;
          switch (field) {
            case 'meta':
              changed = { ...e, meta: { ...e.meta, junk } };
              break;
            case 'kind':
              changed = { ...e, kind: e.kind + junk };
              break;
            case 'recordedAt':
              changed = { ...e, recordedAt: `${e.recordedAt}${junk}` as Instant };
              break;
            case 'objectHash':
              changed = { ...e, objectHash: e.objectHash === null ? H('f') : null };
              break;
            case 'prevHash':
              changed = { ...e, prevHash: H(e.prevHash[0] === 'e' ? 'd' : 'e') };
              break;
            default:
              changed = { ...e, hash: H(e.hash[0] === 'e' ? 'd' : 'e') };
          }
          c[i] = changed;
          const r = verifyChain(c);
          return !r.ok && r.error.seq <= i + 2 && r.error.seq >= 1;
        },
      ),
      { numRuns: 300 },
    );
  });
});
