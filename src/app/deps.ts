import type { Kysely } from 'kysely';
import type { Instant } from '../core/dates/index.js';
import type { Database } from '../db/schema.js';
import type { Host, Vault } from './ports.js';

export interface Clock {
  now(): Instant;
}

export interface IdSource {
  next(): string;
}

/**
 * What every use case may touch: the database (Kysely, over SQLite or PostgreSQL), the vault, and
 * the host's files, crypto and temp names (ports.ts). Built by the composition roots (cli/deps.ts,
 * server/main.ts) from the Node adapters (src/node/); tests build it with a fixed clock and ids
 * (test/factories.ts).
 */
export interface Deps extends Host {
  db: Kysely<Database>;
  clock: Clock;
  ids: IdSource;
  /** the data directory: SQLite file (embedded mode) and vault/ */
  home: string;
  /** the evidence vault under home/vault */
  vault: Vault;
}
