// Escalation channels and their letters (F10): which letter goes with each rung of the ladder,
// the channel guide the borrower chooses from, and a recorded escalation's letter rendered again.
import {
  LENDER_TYPES,
  findProvision,
  type Certainty,
  type LenderType,
  type Provision,
} from '../core/law/index.js';
import { assert } from '../core/result.js';
import {
  createEscalationRepository,
  type Escalation,
} from '../db/repositories/escalations-repository.js';
import {
  CHANNEL_IDS,
  CHANNELS,
  LETTER_TEMPLATES,
  complaintChannelFor,
  formatCitation,
  type Channel,
  type ChannelId,
  type Lang,
  type LetterKind,
} from '../documents/index.js';
import { resolveCase } from './cases.js';
import type { Deps } from './deps.js';
import { loadLetterCase } from './documents/case.js';
import {
  parseChannel,
  parseDocFormat,
  renderLetter,
  type RenderedLetter,
} from './documents/documents.js';
import { channelLetterKind, enrichLetterCase } from './documents/letter-extras.js';
import { AppError } from './errors.js';
import { todayIn } from './today.js';

/** The letter that goes with a channel: each rung of the ladder has its own document. */
export function letterKindFor(channel: ChannelId): LetterKind {
  return channelLetterKind(channel);
}

/**
 * Channels whose letter concerns a party the borrower may owe nothing to: a 12315 complaint about
 * a paid "debt optimisation" intermediary rests on the logged dealings, not on debts.
 */
export const NO_DEBTS_OK: readonly ChannelId[] = ['market-12315'];

/** One complaint channel as the borrower chooses it: what it is for, for whom, on what basis. */
export interface ChannelGuide {
  channel: Channel;
  purposeZh: string;
  purposeEn: string;
  /** lender types the channel handles */
  lenderTypes: LenderType[];
  /** lender types whose regulator this is (documents complaintChannelFor) */
  suggestedFor: LenderType[];
  letterKind: LetterKind;
  letterTitleZh: string;
  letterTitleEn: string;
  /** how sure docs/law.md (Complaint channels) is of what `purpose` says; U whenever the channel carries a caution */
  certainty: Certainty;
  /** provisions behind the purpose and the deadline, the deadline's basis first */
  provisions: { provision: Provision; citationZh: string; citationEn: string }[];
}

/** The title of the channel's letter (the complaint template titles a police report differently). */
function letterTitle(channel: ChannelId): { zh: string; en: string } {
  if (channel === 'police-110') return { zh: '报案材料', en: 'Police Report' };
  const t = LETTER_TEMPLATES[letterKindFor(channel)];
  return { zh: t.titleZh, en: t.titleEn };
}

/** Every channel with its purpose, the lender types it suits, and the law behind it. Pure. */
export function describeChannels(): ChannelGuide[] {
  return CHANNEL_IDS.map((id) => {
    const channel = CHANNELS[id];
    const ids = [
      ...(channel.deadlineBasis === null ? [] : [channel.deadlineBasis]),
      ...channel.provisionIds.filter((x) => x !== channel.deadlineBasis),
    ];
    const provisions = ids.map((pid) => {
      const provision = findProvision(pid);
      assert(provision !== undefined, `unknown provision ${pid}`);
      return {
        provision,
        citationZh: formatCitation(provision, 'zh'),
        citationEn: formatCitation(provision, 'en'),
      };
    });
    const title = letterTitle(id);
    return {
      channel,
      purposeZh: channel.purposeZh,
      purposeEn: channel.purposeEn,
      lenderTypes: [...channel.lenderTypes],
      suggestedFor: LENDER_TYPES.filter((t) => complaintChannelFor(t) === id),
      letterKind: letterKindFor(id),
      letterTitleZh: title.zh,
      letterTitleEn: title.en,
      certainty: channel.cautionZh === undefined ? channel.certainty : 'U',
      provisions,
    };
  });
}

export interface EscalationLetter {
  escalation: Escalation;
  letter: RenderedLetter;
  /** the lender as the borrower knows it (brand, else legal name) */
  lenderName: string;
}

/** Renders the letter of a recorded escalation again: its channel, its lender, as of its sent date. */
export async function renderEscalationLetter(
  deps: Deps,
  input: {
    caseId?: string;
    id: string;
    format: string;
    lang: Lang;
    /** 'follow-up' for the 催办函 of an overdue escalation; default the channel's own letter */
    kind?: 'channel' | 'follow-up';
    /** the letter's date for a follow-up (default today) */
    asOf?: string;
  },
): Promise<EscalationLetter> {
  const format = parseDocFormat(input.format);
  const kase = await resolveCase(deps, input.caseId);
  const escalation = await createEscalationRepository(deps.db).get(kase.id, input.id);
  if (escalation === undefined)
    throw new AppError('not-found', `no escalation ${input.id}`, {
      field: 'id',
      messageZh: `没有编号为 ${input.id} 的投诉记录`,
    });
  if (escalation.lenderId === null)
    throw new AppError('not-found', `escalation ${input.id} names no lender`, {
      field: 'lender',
      messageZh: '这条投诉记录没有关联债权人，无法生成文书',
    });
  const channel = parseChannel(escalation.channel);
  const isFollowUp = input.kind === 'follow-up';
  const asOf = isFollowUp ? (input.asOf ?? todayIn(deps)) : (escalation.sentOn ?? undefined);
  const base = await loadLetterCase(deps, {
    caseId: kase.id,
    lender: escalation.lenderId,
    allowNoDebts: NO_DEBTS_OK.includes(channel),
    ...(asOf === undefined ? {} : { asOf }),
  });
  const c = await enrichLetterCase(deps, base, {
    caseId: kase.id,
    lenderId: escalation.lenderId,
    escalation,
  });
  const letter = await renderLetter(c, {
    kind: isFollowUp ? 'follow-up' : letterKindFor(channel),
    format,
    lang: input.lang,
    channel,
  });
  return { escalation, letter, lenderName: c.lender.brand ?? c.lender.name };
}
