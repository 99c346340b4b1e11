// The escalation resources on the wire (`/api/escalations`, `/api/escalations/channels`).
import type { EscalationChannelView, EscalationView } from '../contracts/index.js';
// channels.ts only, not documents/index.js: that one pulls the DOCX renderer in
import { CHANNELS, isChannelId } from '../documents/channels.js';
import type { ChannelGuide } from './escalation-letters.js';
import type { EscalationView as AppView } from './escalations.js';

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
