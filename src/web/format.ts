// Formatting only; amounts come from the server as yuan strings and are parsed by core, never by float.
import { formatMoney, parseCents } from '../core/money/index.js';

/** "1234.5" → "¥1,234.50"; anything unparsable is shown as-is. */
export function money(yuan: string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—';
  const r = parseCents(yuan);
  return r.ok ? formatMoney(r.value) : yuan;
}

/** 0.2375 → "23.75%" (display only). */
export function percent(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)}%`;
}
