import type { Instant } from '../dates/index.js';

// Types of the hash-chained evidence ledger, shared by vault (hashing), db (rows) and app.
// The hashing itself lives in vault/chain.ts because core has no crypto (docs/style.md, Layers).

/** Lower-case hex SHA-256 (64 chars). */
export type Sha256Hex = string & { readonly __brand: 'Sha256Hex' };

const HEX64 = /^[0-9a-f]{64}$/;

export function isSha256Hex(s: unknown): s is Sha256Hex {
  return typeof s === 'string' && HEX64.test(s);
}

/** The first entry's prevHash. */
export const GENESIS_HASH = '0'.repeat(64) as Sha256Hex;

/** JSON values only: canonical JSON (RFC 8785) has no undefined, NaN or functions. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface LedgerEntryBody {
  /** 1, 2, 3, … with no gaps */
  seq: number;
  prevHash: Sha256Hex;
  objectHash: Sha256Hex | null;
  /** e.g. 'evidence-added', 'contact-logged' */
  kind: string;
  meta: { [key: string]: JsonValue };
  recordedAt: Instant;
}

export interface LedgerEntry extends LedgerEntryBody {
  hash: Sha256Hex;
}
