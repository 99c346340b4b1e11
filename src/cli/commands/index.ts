import type { Command } from 'commander';
import type { CliContext } from '../io.js';

type Register = (program: Command, ctx: CliContext, setExit: (code: number) => void) => void;

// One line per command module. Add yours with a one-line insert; never rewrite this list.
const registrations: Register[] = [];

export function registerCommands(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  for (const register of registrations) register(program, ctx, setExit);
}
