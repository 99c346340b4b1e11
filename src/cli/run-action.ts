import type { CliContext } from './io.js';
import { reportError } from './report-error.js';

/** Wraps a command body: prints what it returns and turns errors into exit codes. */
export function action<A extends unknown[]>(
  ctx: CliContext,
  setExit: (code: number) => void,
  body: (...args: A) => Promise<number | void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await body(...args);
      setExit(code ?? 0);
    } catch (e) {
      setExit(reportError(ctx, e));
    }
  };
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
