// Idempotent writes (IETF draft-ietf-httpapi-idempotency-key-header): the first request with a key
// runs and its reply is stored; a retry or double tap with the same key and the same request gets
// that reply back and writes nothing; the same key with another request is refused.
import type { Instant } from '../core/dates/index.js';
import {
  createIdempotencyRepository,
  type StoredReply,
} from '../db/repositories/idempotency-repository.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';

export type { StoredReply };

/** A key still in flight after this long belongs to a process that died: it may be reclaimed. */
export const ABANDONED_AFTER_MS = 10 * 60_000;
/** How long a concurrent duplicate waits for the first request's reply before giving up (409). */
export const WAIT_FOR_FIRST_MS = 15_000;
const POLL_MS = 20;

export interface IdempotentRequest {
  key: string;
  /** hex SHA-256 of method, path and body, computed by the edge */
  fingerprint: string;
  method: string;
  path: string;
}

export type IdempotencyStart = { kind: 'run' } | { kind: 'replay'; reply: StoredReply };

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The key as sent: a structured-field string ("…", the draft's form) or a bare token. Returns
 * undefined when no header was sent.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  const key = /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
  if (!KEY.test(key))
    throw new AppError(
      'invalid-idempotency-key',
      'Idempotency-Key must be 1-255 printable ASCII characters',
      {
        field: 'Idempotency-Key',
        messageZh: '请求标识（Idempotency-Key）无效：应为 1 到 255 个可打印的英文字符',
      },
    );
  return key;
}

function reused(): AppError {
  return new AppError(
    'idempotency-key-reused',
    'this Idempotency-Key was already used for a different request; send a new key for new data',
    {
      field: 'Idempotency-Key',
      messageZh: '这个请求标识已用于另一份不同的内容：新的内容请重新提交（会生成新的标识）',
    },
  );
}

function ageMs(now: Instant, then: Instant): number {
  return Date.parse(now) - Date.parse(then);
}

/**
 * Claims the key for this request, or returns the stored reply of the first request with it. A
 * concurrent duplicate waits (polling) until the first one has replied, so two identical
 * requests never both write.
 */
export async function startIdempotent(
  deps: Deps,
  req: IdempotentRequest,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<IdempotencyStart> {
  const repo = createIdempotencyRepository(deps.db);
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    if (await repo.claim({ ...req, createdAt: deps.clock.now() })) return { kind: 'run' };
    const found = await repo.get(req.key);
    if (found === undefined) continue; // released between our claim and read: claim again
    if (found.fingerprint !== req.fingerprint) throw reused();
    if (found.reply !== undefined) return { kind: 'replay', reply: found.reply };
    if (ageMs(deps.clock.now(), found.createdAt) > ABANDONED_AFTER_MS) {
      await repo.release(req.key);
      continue;
    }
    if (Date.now() > deadline)
      throw new AppError(
        'idempotency-in-progress',
        'the first request with this Idempotency-Key is still running; retry in a moment',
        { messageZh: '同一操作的上一次提交仍在处理中，请稍后再试' },
      );
    await sleep(POLL_MS);
  }
}

/** Stores the reply of the request that ran, for every later retry with the key. */
export async function finishIdempotent(deps: Deps, key: string, reply: StoredReply): Promise<void> {
  await createIdempotencyRepository(deps.db).complete(key, reply, deps.clock.now());
}

/** Frees the key of a request that failed without writing (a 5xx), so a retry runs again. */
export async function abandonIdempotent(deps: Deps, key: string): Promise<void> {
  await createIdempotencyRepository(deps.db).release(key);
}
