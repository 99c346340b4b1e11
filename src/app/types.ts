// Domain types for server and cli (which may not import db directly).
export type {
  AuditEvent,
  Case,
  CaseId,
  Debt,
  DebtFee,
  DebtId,
  DebtKind,
  DebtPayment,
  DebtStatus,
  FeeKind,
  FeeTiming,
  Lender,
  LenderChannel,
  LenderId,
  LenderType,
  ScheduleMethod,
  ScheduleRow,
} from '../db/types.js';
export {
  DEBT_KINDS,
  DEBT_STATUSES,
  FEE_KINDS,
  FEE_TIMINGS,
  LENDER_TYPES,
  SCHEDULE_METHODS,
} from '../db/schema.js';
