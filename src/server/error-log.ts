// Unexpected server errors, logged with an id the 500 reply shows, so a user can quote it and the
// log line can be found. Lines go to stderr and to <home>/logs/server.log (0600, rotated at 1 MiB,
// 3 old files kept). No personal data: never a body, a query string or a value from the message —
// only the route pattern, the error's class and code, a scrubbed message and the stack frames.
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ErrorLogEntry {
  id: string;
  method: string;
  /** the route pattern (`/api/debts/:id`), never the URL with its values */
  route: string;
  error: unknown;
}

export interface ErrorLog {
  write(entry: ErrorLogEntry): void;
}

export const LOG_FILE = 'server.log';
const MAX_BYTES = 1024 * 1024;
const KEEP = 3;

/** A short id to quote: "E-" and 10 hex digits. */
export function newErrorId(): string {
  return `E-${randomBytes(5).toString('hex')}`;
}

/**
 * Removes what could be personal from an error message: quoted text, Chinese text (names,
 * notes), e-mail addresses and runs of 3+ digits (phones, ID numbers, amounts).
 */
export function scrub(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'|“[^”]*”|「[^」]*」/g, '"…"')
    .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu, '…')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<email>')
    .replace(/\d{3,}/g, '#')
    .slice(0, 300);
}

/** One log line (JSON) for an entry: what happened and where in the code, not to whom. */
export function formatEntry(entry: ErrorLogEntry, at: Date): string {
  const e = entry.error as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown };
  const frames =
    typeof e?.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 12)
          .map((l) => scrubFrame(l.trim()))
      : [];
  return JSON.stringify({
    time: at.toISOString(),
    id: entry.id,
    method: entry.method,
    route: entry.route,
    name: typeof e?.name === 'string' ? e.name : typeof entry.error,
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    message: typeof e?.message === 'string' ? scrub(e.message) : '',
    stack: frames,
  });
}

/** Frames name code, but an eval'd or anonymous frame could echo data: keep paths and lines. */
function scrubFrame(frame: string): string {
  return frame.replace(/[\p{Script=Han}]+/gu, '…').slice(0, 300);
}

/**
 * Logs to stderr and to `<home>/logs/server.log`; a failing file write never hides the error
 * (stderr still gets it).
 */
export function fileErrorLog(
  home: string,
  stderr: (line: string) => void = (l) => process.stderr.write(l),
): ErrorLog {
  const dir = join(home, 'logs');
  const file = join(dir, LOG_FILE);
  return {
    write(entry) {
      const line = formatEntry(entry, new Date()) + '\n';
      stderr(`xieshang: internal error ${entry.id}: ${line}`);
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        chmodSync(dir, 0o700);
        rotate(file);
        appendFileSync(file, line, { mode: 0o600 });
        chmodSync(file, 0o600);
      } catch (e) {
        stderr(`xieshang: cannot write ${file}: ${(e as Error).message}\n`);
      }
    },
  };
}

function rotate(file: string): void {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (size < MAX_BYTES) return;
  for (let i = KEEP - 1; i >= 1; i--) {
    try {
      renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    } catch {
      /* not there yet */
    }
  }
  renameSync(file, `${file}.1`);
}
