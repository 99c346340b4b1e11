// The stateless calculators whose JSON the CLI (`--json`) and the HTTP API (`/api/check`,
// `/api/schedule`) share: raw JSON in, the same JSON out, bad input as an AppError naming the field.
import { parseCheckRequest, runCheck, toCheckJson } from './check.js';
import { parseScheduleRequest, runSchedule, toScheduleJson } from './schedule.js';

/** `xieshang check --json`: the legality check of one loan. */
export function calculateCheck(raw: unknown): Record<string, unknown> {
  const req = parseCheckRequest(raw);
  return toCheckJson(req, runCheck(req));
}

/** `xieshang schedule --json`: a repayment schedule. */
export function calculateSchedule(raw: unknown): Record<string, unknown> {
  return toScheduleJson(runSchedule(parseScheduleRequest(raw)));
}
