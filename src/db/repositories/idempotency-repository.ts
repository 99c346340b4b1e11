import type { Kysely } from 'kysely';
import type { Instant } from '../../core/dates/index.js';
import { toInstant } from '../rows.js';
import type { Database } from '../schema.js';

export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
  method: string;
  path: string;
  createdAt: Instant;
}

export interface StoredReply {
  statusCode: number;
  contentType: string | null;
  body: string;
  encoding: 'utf8' | 'base64';
}

export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  createdAt: Instant;
  /** undefined while the first request is still running */
  reply: StoredReply | undefined;
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505'
  );
}

/** Idempotency keys (one row per key). Pass `db` or a transaction. */
export function createIdempotencyRepository(db: Kysely<Database>) {
  return {
    /**
     * Inserts the key as in flight; false when the key is already there (another request holds
     * or held it). The primary key decides the race between two concurrent identical requests.
     */
    async claim(c: IdempotencyClaim): Promise<boolean> {
      try {
        await db
          .insertInto('idempotency_keys')
          .values({
            key: c.key,
            fingerprint: c.fingerprint,
            method: c.method,
            path: c.path,
            status_code: null,
            content_type: null,
            response_body: null,
            body_encoding: null,
            created_at: c.createdAt,
            completed_at: null,
          })
          .execute();
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false;
        throw e;
      }
    },
    async get(key: string): Promise<IdempotencyRecord | undefined> {
      const r = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      if (r === undefined) return undefined;
      return {
        key: r.key,
        fingerprint: r.fingerprint,
        createdAt: toInstant(r.created_at),
        reply:
          r.status_code === null || r.response_body === null
            ? undefined
            : {
                statusCode: Number(r.status_code),
                contentType: r.content_type,
                body: r.response_body,
                encoding: r.body_encoding === 'base64' ? 'base64' : 'utf8',
              },
      };
    },
    async complete(key: string, reply: StoredReply, at: Instant): Promise<void> {
      await db
        .updateTable('idempotency_keys')
        .set({
          status_code: reply.statusCode,
          content_type: reply.contentType,
          response_body: reply.body,
          body_encoding: reply.encoding,
          completed_at: at,
        })
        .where('key', '=', key)
        .execute();
    },
    /** Frees a key whose request failed without writing (a 5xx), so a retry may run again. */
    async release(key: string): Promise<void> {
      await db
        .deleteFrom('idempotency_keys')
        .where('key', '=', key)
        .where('status_code', 'is', null)
        .execute();
    },
  };
}
