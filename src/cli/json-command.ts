// `xieshang <name> <file|->` for the stateless JSON commands (apr, check, schedule); their input
// helpers are in app/json-input.ts and the check/schedule parsers in app/calculators/.
import type { Command } from 'commander';
import { readJsonInput, type CliContext } from './io.js';
import { action, printJson } from './run-action.js';

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
