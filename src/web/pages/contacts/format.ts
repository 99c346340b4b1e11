// Time and size text for the contacts page. Times are typed and shown as Beijing wall time.

/** "2026-11-29T20:30" typed in a datetime-local input → an instant with the China offset. */
export function toInstant(local: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}+08:00` : null;
}

/** An instant as the datetime-local value in Beijing time (to prefill an edit form). */
export function toLocal(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? '' : new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
}

export function nowLocal(): string {
  return toLocal(new Date().toISOString());
}

/** An instant shown as Beijing wall time 'YYYY-MM-DD HH:MM' (what the user typed). */
export function beijing(instant: string): string {
  const local = toLocal(instant);
  return local === '' ? instant : local.replace('T', ' ');
}

export function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}
