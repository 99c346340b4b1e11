// Input helpers shared by the stateless JSON-in commands (apr, check, schedule): each names the
// first bad field in an AppError so run-action prints it in zh/en without a stack trace.
import type { Command } from 'commander';
import { AppError } from '../app/errors.js';
import type { DatedFlow } from '../core/apr/index.js';
import { parseIsoDate } from '../core/dates/index.js';
import { parseCents } from '../core/money/index.js';
import type { FieldIssue, Result } from '../core/result.js';
import { readJsonInput, type CliContext } from './io.js';
import { action, printJson } from './run-action.js';

export function fail(issue: FieldIssue): never {
  throw AppError.fromIssue(issue);
}

export function unwrap<T>(r: Result<T, FieldIssue>): T {
  if (!r.ok) fail(r.error);
  return r.value;
}

/** An invalid-input error whose message starts with the field, in both languages. */
export function bad(field: string, message: string, messageZh: string): never {
  throw new AppError('invalid-input', `${field}: ${message}`, {
    field,
    messageZh: `${field}：${messageZh}`,
  });
}

/** The top-level input must be a JSON object (not an array or null). */
export function expectObject(
  raw: unknown,
  message = 'expected a JSON object',
  messageZh = '应为 JSON 对象',
): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    bad('input', message, messageZh);
  return raw as Record<string, unknown>;
}

/** `{date, amount}` of one cash flow already known to be an object; errors name `${field}.date` etc. */
export function readDatedFlow(r: Record<string, unknown>, field: string): DatedFlow {
  const date = parseIsoDate(r['date'], `${field}.date`);
  if (!date.ok) fail(date.error);
  const amount = parseCents(r['amount'] as string, `${field}.amount`);
  if (!amount.ok) fail(amount.error);
  return { date: date.value, amount: amount.value };
}

/** `xieshang <name> <file|->`: read JSON, validate, compute, print JSON (--json) or text. */
export function registerJsonCommand<Req, Res>(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  spec: {
    name: string;
    description: string;
    argument: string;
    parse: (raw: unknown) => Req;
    run: (req: Req) => Res;
    toJson: (req: Req, res: Res) => unknown;
    toText: (ctx: CliContext, req: Req, res: Res) => string;
  },
): void {
  program
    .command(spec.name)
    .description(spec.description)
    .argument('<file>', spec.argument)
    .action(
      action(ctx, setExit, async (file: string) => {
        const req = spec.parse(await readJsonInput(file, ctx.io));
        const res = spec.run(req);
        if (ctx.json) printJson(ctx, spec.toJson(req, res));
        else ctx.io.stdout(spec.toText(ctx, req, res));
      }),
    );
}
