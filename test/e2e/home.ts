// A temporary data directory with a migrated SQLite database: what `xieshang serve --home DIR` opens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '../../src/app/deps.js';
import type { Instant } from '../../src/core/dates/index.js';
import { createDb, migrateToLatest } from '../../src/db/connect.js';
import { hostPorts } from '../factories.js';

export interface TestHome {
  deps: Deps;
  home: string;
  close(): Promise<void>;
}

/** Fresh home; the clock is fixed (at `now`) so tests see stable dates, ids are sequential. */
export async function openTestHome(now = '2026-11-29T02:00:00.000Z'): Promise<TestHome> {
  const home = mkdtempSync(join(tmpdir(), 'xieshang-home-'));
  const db = createDb({ kind: 'sqlite', file: join(home, 'xieshang.db') });
  await migrateToLatest(db);
  let n = 0;
  const deps: Deps = {
    db,
    home,
    clock: { now: () => now as Instant },
    ids: { next: () => `id${String(++n).padStart(6, '0')}` },
    ...hostPorts(home),
  };
  return {
    deps,
    home,
    close: async () => {
      await db.destroy();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
