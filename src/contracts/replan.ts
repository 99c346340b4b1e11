// Re-planning agreements on the wire: POST /api/agreements/replan and its letter download.
import { z } from 'zod';
import { Id, IsoDateString, MoneyNonNegative } from './common.js';

/** Why the borrower asks for a new plan (the web's choices; mirrors `agreement replan`). */
export const REPLAN_REASONS = ['missed', 'at-risk', 'income-changed'] as const;
export type ReplanReason = (typeof REPLAN_REASONS)[number];

/** Why the app counted an agreement as affected (app/agreements/replan.ts AffectedReason). */
export const AFFECTED_REASONS = ['missed', 'late', 'at-risk', 'income-changed'] as const;

export const ReplanRequest = z.object({
  reason: z.enum(REPLAN_REASONS),
  /** agreements the borrower names (counted as at risk), e.g. the one whose card was clicked */
  agreementIds: z.array(Id).max(50).default([]),
  /** lenders at risk, e.g. from the forecast's warnings (--lender) */
  lenderIds: z.array(Id).max(50).default([]),
  /**
   * What the borrower can pay now each month, in yuan, for all the affected agreements together
   * (--capacity). Absent: unchanged, so a missed installment moves the end date.
   */
  capacity: MoneyNonNegative.optional().nullable(),
  /** today by default (Beijing) */
  asOf: IsoDateString.optional().nullable(),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type ReplanRequest = z.input<typeof ReplanRequest>;

export const ReplanInstallment = z.object({
  seq: z.number().int(),
  dueDate: z.string(),
  amount: z.string(),
});
export type ReplanInstallment = z.infer<typeof ReplanInstallment>;

export const ReplanPlanView = z.object({
  agreementId: Id,
  lenderId: Id,
  lender: z.string(),
  reasons: z.array(z.enum(AFFECTED_REASONS)),
  /** what is overdue now (yuan) */
  arrears: z.string(),
  /** when the agreement, kept as agreed, would have ended */
  agreementEndDate: z.string().nullable(),
  monthly: z.string(),
  count: z.number().int(),
  last: z.string(),
  /** the sum of `installments`, to the fen */
  total: z.string(),
  firstDueDate: z.string(),
  endDate: z.string(),
  installments: z.array(ReplanInstallment),
  /** the ask to put to this lender, in both languages */
  ask: z.object({ zh: z.string(), en: z.string() }),
  letter: z.object({
    /** the letter as Markdown, in the request's language */
    text: z.string(),
    /** the DOCX's name (Chinese in zh) and where to download it (same inputs, same letter) */
    fileName: z.string(),
    downloadUrl: z.string(),
  }),
});
export type ReplanPlanView = z.infer<typeof ReplanPlanView>;

export const ReplanView = z.object({
  asOf: z.string(),
  lang: z.enum(['zh', 'en']),
  /** monthly total for the affected agreements: as agreed, and in the new plan */
  capacity: z.object({ before: z.string(), after: z.string() }),
  plans: z.array(ReplanPlanView),
});
export type ReplanView = z.infer<typeof ReplanView>;

/** GET /api/agreements/replan/letter: the re-plan's inputs plus the agreement whose letter to render. */
export const ReplanLetterQuery = z.object({
  agreementId: Id,
  /** comma-separated lender ids counted as at risk (the POST's lenders and named agreements' lenders) */
  lenderIds: z.string().max(5000).optional(),
  capacity: MoneyNonNegative.optional(),
  asOf: IsoDateString,
  lang: z.enum(['zh', 'en']).default('zh'),
  format: z.enum(['docx', 'html', 'md']).default('docx'),
});
export type ReplanLetterQuery = z.input<typeof ReplanLetterQuery>;
