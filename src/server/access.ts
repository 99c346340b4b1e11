// Who may use a running server: sessions (the HttpOnly cookie), the one-time launch token that
// `serve` prints and writes to the home (traded by the page for a session, as Jupyter does), and
// in network mode the one-time pairing code a phone types once. All in memory: a restart issues
// a new token and code, and every browser trades again.
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Wrong pairing codes allowed per process; then pairing stays locked until restart. */
export const PAIRING_ATTEMPTS = 5;
/** Sessions kept; the oldest is dropped past this (a local tool has a handful of browsers). */
const MAX_SESSIONS = 200;

export type PairResult =
  { ok: true; session: string } | { ok: false; locked: boolean; attemptsLeft: number };

export interface AccessEvents {
  /** the launch token was traded; `token` is the next one (already in the token file) */
  tokenRotated?(token: string): void;
  /** a code paired a device; `code` is the next one */
  pairingRotated?(code: string): void;
  /** too many wrong codes: pairing is off until restart */
  pairingLocked?(): void;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function newPairingCode(): string {
  // 8 digits: typed once on a phone; 5 wrong tries per process make guessing hopeless (5 / 10^8)
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

export class Access {
  /** sha256 of each session id, so a lookup's timing says nothing about a valid id */
  private readonly sessions = new Set<string>();
  private lastValid: string | undefined;
  private token: string;
  private code: string | undefined;
  private failures = 0;
  events: AccessEvents = {};

  /**
   * `network`: listening beyond loopback, so devices pair with a code. `presetSession`: a
   * session valid from the start (tests and the bench; never set by `serve`).
   */
  constructor(
    readonly network: boolean,
    presetSession?: string,
  ) {
    this.token = newSecret();
    this.code = network ? newPairingCode() : undefined;
    if (presetSession !== undefined) this.sessions.add(digest(presetSession));
  }

  /** The current one-time launch token. */
  get launchToken(): string {
    return this.token;
  }

  /** The current one-time pairing code, undefined on loopback or once locked. */
  get pairingCode(): string | undefined {
    return this.code;
  }

  isSession(id: string | undefined): boolean {
    if (id === undefined || id.length === 0 || id.length > 100) return false;
    if (id === this.lastValid) return true;
    if (!this.sessions.has(digest(id))) return false;
    this.lastValid = id;
    return true;
  }

  private issue(): string {
    const id = newSecret();
    this.sessions.add(digest(id));
    if (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.values().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
      this.lastValid = undefined;
    }
    return id;
  }

  /** Trades the launch token for a new session; the token is then replaced (one use each). */
  tradeToken(token: string): string | undefined {
    if (!sameText(token, this.token)) return undefined;
    this.token = newSecret();
    this.events.tokenRotated?.(this.token);
    return this.issue();
  }

  /** Trades the pairing code for a session; wrong codes count towards the lock. */
  pair(code: string): PairResult {
    const typed = code.replace(/[\s-]/g, '');
    if (this.code === undefined) return { ok: false, locked: this.network, attemptsLeft: 0 };
    if (sameText(typed, this.code)) {
      this.code = newPairingCode();
      this.events.pairingRotated?.(this.code);
      return { ok: true, session: this.issue() };
    }
    this.failures += 1;
    if (this.failures >= PAIRING_ATTEMPTS) {
      this.code = undefined;
      this.events.pairingLocked?.();
      return { ok: false, locked: true, attemptsLeft: 0 };
    }
    return { ok: false, locked: false, attemptsLeft: PAIRING_ATTEMPTS - this.failures };
  }
}

/** Compares digests, so the time taken says nothing about how much of the secret matched. */
function sameText(a: string, b: string): boolean {
  return a.length <= 200 && digest(a) === digest(b);
}
