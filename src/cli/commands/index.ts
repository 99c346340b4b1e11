import type { Command } from 'commander';
import type { CliContext } from '../io.js';
import { registerCheck } from './check.js';
import { registerBudget } from './budget.js';
import { registerPlan } from './plan.js';
import { registerApr } from './apr.js';
import { registerSchedule } from './schedule.js';
import { registerServe } from './serve.js';
import { registerEvidence } from './evidence.js';
import { registerContact } from './contact.js';
import { registerConduct } from './conduct.js';
import { registerLetter } from './letter.js';
import { registerEscalate } from './escalate.js';
import { registerEscalation } from './escalation.js';
import { registerInit } from './init.js';
import { registerLender } from './lender.js';
import { registerDebt } from './debt.js';
import { registerSummary } from './summary.js';
import { registerBackup } from './backup.js';
import { registerRestore } from './restore.js';
import { registerAgreement } from './agreement.js';
import { registerPay } from './pay.js';
import { registerDue } from './due.js';
import { registerCalendar } from './calendar.js';
import { registerForecast } from './forecast.js';

type Register = (program: Command, ctx: CliContext, setExit: (code: number) => void) => void;

// One line per command module. Add yours with a one-line insert; never rewrite this list.
const registrations: Register[] = [
  registerAgreement,
  registerPay,
  registerDue,
  registerCalendar,
  registerForecast,
  registerInit,
  registerLender,
  registerDebt,
  registerSummary,
  registerBackup,
  registerRestore,
  registerLetter,
  registerEscalate,
  registerEscalation,
  registerEvidence,
  registerContact,
  registerConduct,
  registerServe,
  registerSchedule,
  registerApr,
  registerCheck,
  registerBudget,
  registerPlan,
];

export function registerCommands(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  for (const register of registrations) register(program, ctx, setExit);
}
