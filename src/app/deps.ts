import type { Kysely } from 'kysely';
import type { Instant } from '../core/dates/index.js';
import type { Database } from '../db/schema.js';
import type { VaultStore } from '../vault/store.js';

export interface Clock {
  now(): Instant;
}

export interface IdSource {
  next(): string;
}

/**
 * What every use case may touch. Built by the composition roots (cli/deps.ts, server/main.ts);
 * tests build it with a fixed clock and ids (test/factories.ts).
 */
export interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  ids: IdSource;
  /** the data directory: SQLite file (embedded mode) and vault/ */
  home: string;
  /** the evidence vault under home/vault; app/evidence/evidence.ts opens it from `home` when absent */
  vault?: VaultStore;
}
