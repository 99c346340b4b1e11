import { randomUUID } from 'node:crypto';
import type { Instant } from '../core/dates/index.js';
import type { Clock, IdSource } from '../app/deps.js';

/** The real clock; only composition roots use it (tests pass a fixed one). */
export function systemClock(): Clock {
  return { now: () => new Date().toISOString() as Instant };
}

/** Random ids (UUID v4): unguessable, so a counsellor's URLs do not reveal other clients. */
export function randomIds(): IdSource {
  return { next: () => randomUUID() };
}
