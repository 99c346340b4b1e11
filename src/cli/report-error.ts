import { toAppError } from '../app/db-errors.js';
import { fieldLabel, humanizeMessage } from '../app/field-labels.js';
import type { CliContext } from './io.js';

/** Exit codes: 0 ok, 1 user error, 2 internal error (PRODUCT.md §5). */
export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_INTERNAL = 2;

/** Translates any thrown error into the output and exit code a user should see. */
export function reportError(ctx: CliContext, thrown: unknown): number {
  const e = toAppError(thrown);
  if (e !== undefined) {
    if (ctx.json) {
      const error: Record<string, unknown> = { code: e.code, message: e.message };
      if (e.field !== undefined) error['field'] = e.field;
      if (e.details !== undefined) error['details'] = e.details;
      ctx.io.stdout(`${JSON.stringify({ error }, null, 2)}\n`);
    } else {
      const zh = ctx.lang === 'zh' && e.messageZh !== undefined;
      const lang = zh ? 'zh' : 'en';
      // the field path becomes the label people see (the same function as the server's)
      const text = humanizeMessage(zh ? e.messageZh! : e.message, e.field, lang);
      const label = e.field ? fieldLabel(e.field, lang) : '';
      // CLI input is often a JSON file: after the label, say where in it (the path) as a locator
      const where =
        (label && !text.startsWith(label) ? ` [${label}]` : '') +
        (e.field && e.field !== label ? ` (${e.field})` : '');
      ctx.io.stderr(`${zh ? `错误${where}：` : `error${where}: `}${text}\n`);
      const rows = (
        e.details as { rows?: { line: number; field: string; message: string }[] } | undefined
      )?.rows;
      if (Array.isArray(rows))
        for (const r of rows.slice(0, 50))
          ctx.io.stderr(`  line ${r.line} [${r.field}]: ${r.message}\n`);
    }
    return EXIT_USER;
  }
  const msg = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
  if (ctx.json)
    ctx.io.stdout(
      `${JSON.stringify({ error: { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) } })}\n`,
    );
  ctx.io.stderr(`internal error (a bug — please report it): ${msg}\n`);
  return EXIT_INTERNAL;
}
