// Escalation (F10) on the wire: complaint channels, recorded escalations and their letters.
import { z } from 'zod';
import { Id, IsoDateString } from './common.js';

/** The same words as db escalations-repository ESCALATION_STATUSES (a test keeps them equal). */
export const EscalationStatusSchema = z.enum([
  'draft',
  'sent',
  'acknowledged',
  'resolved',
  'rejected',
  'closed',
]);
export type EscalationStatusName = z.infer<typeof EscalationStatusSchema>;

const Certainty = z.enum(['P', 'S', 'U']);

export const ChannelProvision = z.object({
  id: z.string(),
  citationZh: z.string(),
  citationEn: z.string(),
  gistZh: z.string(),
  gistEn: z.string(),
  source: z.string(),
  /** P primary text read; S secondary sources; U unconfirmed (the citation says 待核实) */
  certainty: Certainty,
});
export type ChannelProvision = z.infer<typeof ChannelProvision>;

export const EscalationChannelView = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  purposeZh: z.string(),
  purposeEn: z.string(),
  contactZh: z.string(),
  contactEn: z.string(),
  /** lender types the channel handles */
  lenderTypes: z.array(z.string()),
  /** lender types whose regulator this is: the channel to suggest first */
  suggestedFor: z.array(z.string()),
  letterKind: z.string(),
  letterTitleZh: z.string(),
  letterTitleEn: z.string(),
  followUpDays: z.number().int(),
  /** true: a legal reply deadline (the first provision); false: our reminder default */
  followUpIsLegalDeadline: z.boolean(),
  /** how sure we are of what `purpose` says; U when any part is unconfirmed (see caution) */
  certainty: Certainty,
  cautionZh: z.string().nullable(),
  cautionEn: z.string().nullable(),
  provisions: z.array(ChannelProvision),
});
export type EscalationChannelView = z.infer<typeof EscalationChannelView>;

export const EscalationChannelList = z.object({ channels: z.array(EscalationChannelView) });
export type EscalationChannelList = z.infer<typeof EscalationChannelList>;

const opt = <T extends z.ZodType>(s: T) => s.optional().nullable();

/** A credit-report entry under dispute (征信业管理条例 第25条); blank parts print as blanks. */
export const EscalationDispute = z.object({
  /** the reporting institution as the report names it */
  institution: opt(z.string().max(200)),
  /** the account as the report shows it */
  account: opt(z.string().max(100)),
  /** what the report wrongly says */
  wrong: opt(z.string().max(1000)),
  /** what it should say */
  correct: opt(z.string().max(1000)),
});
export type EscalationDispute = z.input<typeof EscalationDispute>;

export const EscalationCreate = z.object({
  lenderId: Id,
  /** a channel id from GET /api/escalations/channels (nfra-12378, credit-dispute, …) */
  channel: z.string().min(1).max(40),
  /** default today; not in the future */
  sentDate: opt(IsoDateString),
  /** the ticket or reference number the channel gave */
  reference: opt(z.string().max(100)),
  notes: opt(z.string().max(5000)),
  /** the disputed credit-report entry: required `wrong` for credit-dispute and pboc-complaint */
  dispute: opt(EscalationDispute),
});
export type EscalationCreate = z.input<typeof EscalationCreate>;

/**
 * PATCH: any of these; an empty string or null clears reference / notes. A new sentDate moves the
 * follow-up date by the channel's days unless followUpDate is given too.
 */
export const EscalationUpdate = z.object({
  status: EscalationStatusSchema.optional(),
  reference: opt(z.string().max(100)),
  notes: opt(z.string().max(5000)),
  /** not in the future */
  sentDate: IsoDateString.optional(),
  followUpDate: IsoDateString.optional(),
});
export type EscalationUpdate = z.input<typeof EscalationUpdate>;

export const EscalationView = z.object({
  id: z.string(),
  lenderId: z.string().nullable(),
  lender: z.string().nullable(),
  channel: z.string(),
  channelNameZh: z.string().nullable(),
  channelNameEn: z.string().nullable(),
  sentDate: z.string().nullable(),
  /** when to chase the channel for an answer */
  followUpDate: z.string().nullable(),
  /** days from today to followUpDate; negative when overdue; null when closed or undated */
  daysLeft: z.number().int().nullable(),
  isOpen: z.boolean(),
  status: EscalationStatusSchema,
  reference: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  /** the disputed entry recorded with a credit dispute, else null */
  dispute: z
    .object({
      institution: z.string().nullable(),
      account: z.string().nullable(),
      wrong: z.string().nullable(),
      correct: z.string().nullable(),
    })
    .nullable(),
  /** an open escalation past its follow-up date: a 催办函 can be downloaded */
  canFollowUp: z.boolean(),
});
export type EscalationView = z.infer<typeof EscalationView>;

export const EscalationList = z.object({
  /** the borrower's today (Asia/Shanghai) that daysLeft counts from */
  asOf: IsoDateString,
  escalations: z.array(EscalationView),
});
export type EscalationList = z.infer<typeof EscalationList>;

export const EscalationResult = z.object({ escalation: EscalationView });
export type EscalationResult = z.infer<typeof EscalationResult>;

export const EscalationLetterQuery = z.object({
  format: z.enum(['docx', 'html', 'md']).default('docx'),
  lang: z.enum(['zh', 'en']).default('zh'),
  /** channel: the channel's own letter; follow-up: the 催办函 of an overdue escalation */
  kind: z.enum(['channel', 'follow-up']).default('channel'),
});
