// Repayment schedules (issue 2 item 3). Usage: see build-schedule.test.ts.
export * from './types.js';
export {
  buildSchedule,
  equalInstallmentPayment,
  MAX_PERIODS,
  validateScheduleInput,
} from './build-schedule.js';
export { buildCustomSchedule } from './custom-schedule.js';
export { scheduleToFlows } from './schedule-to-flows.js';
