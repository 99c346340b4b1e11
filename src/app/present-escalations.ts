// The escalation resources on the wire (`/api/escalations`, `/api/escalations/channels`), and
// the escalation use cases' input errors with their fields named as the API names them.
import type { EscalationChannelView, EscalationView } from '../contracts/index.js';
// channels.ts only, not documents/index.js: that one pulls the DOCX renderer in
import { CHANNELS, isChannelId } from '../documents/channels.js';
import { AppError, isAppError } from './errors.js';
import type { ChannelGuide } from './escalation-letters.js';
import type { EscalationView as AppView } from './escalations.js';
import { fieldLabel } from './field-labels.js';

export function escalationView(e: AppView): EscalationView {
  const ch = isChannelId(e.channel) ? CHANNELS[e.channel] : undefined;
  return {
    id: e.id,
    lenderId: e.lenderId,
    lender: e.lenderName,
    channel: e.channel,
    channelNameZh: ch?.nameZh ?? null,
    channelNameEn: ch?.nameEn ?? null,
    sentDate: e.sentOn,
    followUpDate: e.chaseOn,
    daysLeft: e.daysLeft,
    isOpen: e.isOpen,
    status: e.status,
    reference: e.reference,
    notes: e.notes,
    createdAt: e.createdAt,
    dispute: e.dispute ?? null,
    canFollowUp: e.isOpen && e.daysLeft !== null && e.daysLeft < 0,
  };
}

export function channelView(g: ChannelGuide): EscalationChannelView {
  const c = g.channel;
  return {
    id: c.id,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    purposeZh: g.purposeZh,
    purposeEn: g.purposeEn,
    contactZh: c.contactZh,
    contactEn: c.contactEn,
    lenderTypes: g.lenderTypes,
    suggestedFor: g.suggestedFor,
    letterKind: g.letterKind,
    letterTitleZh: g.letterTitleZh,
    letterTitleEn: g.letterTitleEn,
    followUpDays: c.followUpDays,
    followUpIsLegalDeadline: c.deadlineBasis !== null,
    certainty: g.certainty,
    cautionZh: c.cautionZh ?? null,
    cautionEn: c.cautionEn ?? null,
    provisions: g.provisions.map((p) => ({
      id: p.provision.id,
      citationZh: p.citationZh,
      citationEn: p.citationEn,
      gistZh: p.provision.gistZh,
      gistEn: p.provision.gistEn,
      source: p.provision.source,
      certainty: p.provision.certainty,
    })),
  };
}

/** The use cases name fields like the CLI flags; the API names them as in its JSON. */
const API_FIELDS: Readonly<Record<string, { field: string; zh: string }>> = {
  lender: { field: 'lenderId', zh: '债权人' },
  'sent-on': { field: 'sentDate', zh: '发送日期' },
  'chase-on': { field: 'followUpDate', zh: '跟进日期' },
  'dispute-institution': { field: 'dispute.institution', zh: '数据报送机构' },
  'dispute-account': { field: 'dispute.account', zh: '账户' },
  'dispute-wrong': { field: 'dispute.wrong', zh: '错误记载' },
  'dispute-correct': { field: 'dispute.correct', zh: '应记载为' },
};

/**
 * An escalation use case's error as the API says it: a field the use case names like a CLI flag
 * (`sent-on`) gets the API's name (`sentDate`), in the field and at the head of both messages.
 * Any other error is returned as it is.
 */
export function escalationApiError(e: unknown): unknown {
  const to = isAppError(e) && e.field !== undefined ? API_FIELDS[e.field] : undefined;
  if (!isAppError(e) || e.field === undefined || to === undefined) return e;
  const from = e.field;
  // the Chinese message already leads with the app field's label (AppError turns paths into labels)
  const lead = (m: string, name: string, was = from) =>
    m.startsWith(was) ? name + m.slice(was.length) : m;
  return new AppError(e.code, lead(e.message, to.field), {
    field: to.field,
    messageZh: lead(e.messageZh, to.zh, fieldLabel(from, 'zh')),
    ...(e.details === undefined ? {} : { details: e.details }),
    cause: e,
  });
}

/** Runs an escalation use case for the API: its errors name the fields as the API does. */
export async function withApiFieldNames<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw escalationApiError(e);
  }
}
