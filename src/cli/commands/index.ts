import type { Command } from 'commander';
import type { CliContext } from '../io.js';

type Register = (program: Command, ctx: CliContext, setExit: (code: number) => void) => void;

// Each command module registers exactly one top-level command of its own name. Modules are loaded
// on demand: a run of `xieshang serve` loads serve.ts and what it imports, not every command's
// app code (the server's resting memory was ~35 MB higher with all of them). Help, unknown names
// and typo suggestions load them all, in this order (the order `--help` lists them: the journey).
// Adding a command: one line here, `name: async () => (await import('./name.js')).registerName`.
const commands: Record<string, () => Promise<Register>> = {
  init: async () => (await import('./init.js')).registerInit,
  profile: async () => (await import('./profile.js')).registerProfile,
  lender: async () => (await import('./lender.js')).registerLender,
  debt: async () => (await import('./debt.js')).registerDebt,
  summary: async () => (await import('./summary.js')).registerSummary,
  apr: async () => (await import('./apr.js')).registerApr,
  schedule: async () => (await import('./schedule.js')).registerSchedule,
  check: async () => (await import('./check.js')).registerCheck,
  budget: async () => (await import('./budget.js')).registerBudget,
  plan: async () => (await import('./plan.js')).registerPlan,
  letter: async () => (await import('./letter.js')).registerLetter,
  contact: async () => (await import('./contact.js')).registerContact,
  evidence: async () => (await import('./evidence.js')).registerEvidence,
  conduct: async () => (await import('./conduct.js')).registerConduct,
  escalate: async () => (await import('./escalate.js')).registerEscalate,
  escalation: async () => (await import('./escalation.js')).registerEscalation,
  agreement: async () => (await import('./agreement.js')).registerAgreement,
  pay: async () => (await import('./pay.js')).registerPay,
  due: async () => (await import('./due.js')).registerDue,
  calendar: async () => (await import('./calendar.js')).registerCalendar,
  forecast: async () => (await import('./forecast.js')).registerForecast,
  undo: async () => (await import('./undo.js')).registerUndo,
  backup: async () => (await import('./backup.js')).registerBackup,
  restore: async () => (await import('./restore.js')).registerRestore,
  serve: async () => (await import('./serve.js')).registerServe,
};

/** Global options that take a value (their value is not the command name). */
const GLOBAL_WITH_VALUE = new Set(['--lang']);

/** The command named in argv (the first word that is not a global option), if it is one of ours. */
export function commandNameIn(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (GLOBAL_WITH_VALUE.has(a)) {
      i += 1;
      continue;
    }
    if (a.startsWith('-')) continue;
    return Object.hasOwn(commands, a) ? a : undefined;
  }
  return undefined;
}

/** All command names, in help order. */
export const COMMAND_NAMES: readonly string[] = Object.keys(commands);

/**
 * Registers the command `argv` names, or every command when argv names none of ours (help, a
 * typo, no argv given).
 */
export async function registerCommands(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  argv?: readonly string[],
): Promise<void> {
  const only = argv === undefined ? undefined : commandNameIn(argv);
  const names = only === undefined ? COMMAND_NAMES : [only];
  const registers = await Promise.all(names.map((n) => commands[n]!()));
  for (const register of registers) register(program, ctx, setExit);
}
