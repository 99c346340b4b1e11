import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { forEachDialect, POSTGRES_URL } from '../../test/dialects.js';

forEachDialect('connection pool', (getDb, dialect) => {
  describe.skipIf(dialect !== 'postgres')('PostgreSQL', () => {
    it('survives the server closing an idle pooled connection (no crash, next query reconnects)', async () => {
      const db = getDb();
      const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!
        .pid;
      const name = (await sql<{ d: string }>`select current_database() as d`.execute(db)).rows[0]!
        .d;
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      try {
        await admin.query('select pg_terminate_backend($1)', [pid]);
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, 100)); // let the pool see the closed socket
      const after = await sql<{ d: string }>`select current_database() as d`.execute(db);
      expect(after.rows[0]!.d).toBe(name);
    });
  });
});
