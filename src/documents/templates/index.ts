// The letter kinds: stable ids for the CLI and what each template needs from the case.
import type { Doc, Lang } from '../model.js';
import type { ChannelId } from '../channels.js';
import { buildAgreementConfirmation } from './agreement-confirmation.js';
import { buildCallScript } from './call-script.js';
import { buildFollowUp } from './follow-up.js';
import { withAppendices } from './ladder-common.js';
import { buildLenderComplaint } from './lender-complaint.js';
import { buildMarketComplaint } from './market-complaint.js';
import { buildPbocComplaint } from './pboc-complaint.js';
import { buildPiplRequest } from './pipl-request.js';
import { buildPoliceReport } from './police-report.js';
import { makeCtx } from './common.js';
import { buildCardInstallment } from './card-installment.js';
import { buildComplaint, complaintHasIncident } from './complaint.js';
import { buildCreditDispute } from './credit-dispute.js';
import { buildExcessInterest } from './excess-interest.js';
import { buildHardship } from './hardship.js';
import { buildLedgerRequest } from './ledger-request.js';
import { buildLegalAid } from './legal-aid.js';
import { buildMediation } from './mediation.js';
import { buildPenaltyWaiver } from './penalty-waiver.js';
import { buildRequest } from './request.js';
import { buildStopThirdParty, thirdPartyIncidents } from './stop-third-party.js';
import type { CaseInput } from './types.js';

export const LETTER_KINDS = [
  'request',
  'hardship',
  'call-script',
  'card-installment',
  'penalty-waiver',
  'ledger-request',
  'stop-third-party',
  'excess-interest',
  'credit-dispute',
  'complaint',
  'mediation',
  'legal-aid',
  'lender-complaint',
  'pboc-complaint',
  'market-complaint',
  'police-report',
  'pipl-request',
  'follow-up',
  'agreement-confirmation',
] as const;

export type LetterKind = (typeof LETTER_KINDS)[number];

/** A part of the case a template cannot do without. */
export type Requirement =
  | 'plan'
  | 'hardship'
  | 'legality'
  | 'dispute'
  | 'credit-card'
  /** a logged contact, conduct finding or the borrower's own account of what happened */
  | 'incident'
  /** a logged contact by the lender with someone other than the borrower */
  | 'third-party-incident'
  /** a logged contact with a third party (PIPL request) */
  | 'third-party'
  /** a stored agreement with this lender */
  | 'agreement'
  /** an overdue escalation or a lender's promise whose deadline passed */
  | 'missed-deadline';

export interface LetterTemplate {
  kind: LetterKind;
  titleZh: string;
  titleEn: string;
  requires: Requirement[];
  build(c: CaseInput, lang: Lang, opts?: { channel?: ChannelId }): Doc;
}

export const LETTER_TEMPLATES: Record<LetterKind, LetterTemplate> = {
  request: {
    kind: 'request',
    titleZh: '协商还款申请书',
    titleEn: 'Installment request',
    requires: ['plan'],
    build: (c, lang) => withAppendices(buildRequest(c, lang), c, makeCtx(lang)),
  },
  hardship: {
    kind: 'hardship',
    titleZh: '困难情况说明',
    titleEn: 'Hardship statement',
    requires: ['hardship'],
    build: buildHardship,
  },
  'call-script': {
    kind: 'call-script',
    titleZh: '电话协商话术',
    titleEn: 'Call script',
    requires: ['plan'],
    build: buildCallScript,
  },
  'card-installment': {
    kind: 'card-installment',
    titleZh: '个性化分期还款申请（信用卡）',
    titleEn: 'Personalised installment application (credit card)',
    requires: ['plan', 'credit-card'],
    build: buildCardInstallment,
  },
  'penalty-waiver': {
    kind: 'penalty-waiver',
    titleZh: '减免罚息及停息申请',
    titleEn: 'Penalty waiver / interest freeze request',
    requires: [],
    build: buildPenaltyWaiver,
  },
  'ledger-request': {
    kind: 'ledger-request',
    titleZh: '债权核实及明细调取函',
    titleEn: 'Ledger request',
    requires: [],
    build: buildLedgerRequest,
  },
  'stop-third-party': {
    kind: 'stop-third-party',
    titleZh: '停止联系第三人通知函',
    titleEn: 'Stop contacting third parties',
    requires: ['third-party-incident'],
    build: buildStopThirdParty,
  },
  'excess-interest': {
    kind: 'excess-interest',
    titleZh: '超额利息异议函',
    titleEn: 'Excess interest objection',
    requires: ['legality'],
    build: buildExcessInterest,
  },
  'credit-dispute': {
    kind: 'credit-dispute',
    titleZh: '个人征信异议申请书',
    titleEn: 'Credit report dispute',
    requires: ['dispute'],
    build: buildCreditDispute,
  },
  complaint: {
    kind: 'complaint',
    titleZh: '投诉书',
    titleEn: 'Complaint',
    requires: ['incident'],
    build: (c, lang, opts) =>
      withAppendices(buildComplaint(c, lang, opts?.channel), c, makeCtx(lang)),
  },
  mediation: {
    kind: 'mediation',
    titleZh: '调解申请书',
    titleEn: 'Mediation application',
    requires: [],
    build: buildMediation,
  },
  'legal-aid': {
    kind: 'legal-aid',
    titleZh: '法律援助咨询准备单',
    titleEn: 'Legal aid preparation sheet',
    requires: [],
    build: buildLegalAid,
  },
  'lender-complaint': {
    kind: 'lender-complaint',
    titleZh: '投诉函（向机构本身）',
    titleEn: 'Complaint to the lender',
    requires: ['incident'],
    build: (c, lang) => withAppendices(buildLenderComplaint(c, lang), c, makeCtx(lang)),
  },
  'pboc-complaint': {
    kind: 'pboc-complaint',
    titleZh: '征信投诉书（人民银行）',
    titleEn: 'Credit-reporting complaint (PBOC)',
    requires: ['dispute'],
    build: buildPbocComplaint,
  },
  'market-complaint': {
    kind: 'market-complaint',
    titleZh: '消费投诉书（12315）',
    titleEn: 'Consumer complaint (12315)',
    requires: ['incident'],
    build: (c, lang) => withAppendices(buildMarketComplaint(c, lang), c, makeCtx(lang)),
  },
  'police-report': {
    kind: 'police-report',
    titleZh: '报案材料',
    titleEn: 'Police report',
    requires: ['incident'],
    build: buildPoliceReport,
  },
  'pipl-request': {
    kind: 'pipl-request',
    titleZh: '个人信息查阅及删除申请',
    titleEn: 'Personal information access and deletion request',
    requires: ['third-party'],
    build: buildPiplRequest,
  },
  'follow-up': {
    kind: 'follow-up',
    titleZh: '催办函',
    titleEn: 'Follow-up letter',
    requires: ['missed-deadline'],
    build: buildFollowUp,
  },
  'agreement-confirmation': {
    kind: 'agreement-confirmation',
    titleZh: '还款协议确认函',
    titleEn: 'Agreement confirmation',
    requires: ['agreement'],
    build: buildAgreementConfirmation,
  },
};

export function isLetterKind(s: string): s is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(s);
}

/** The requirements this case does not meet for the kind, empty when it can be rendered. */
export function missingFor(kind: LetterKind, c: CaseInput): Requirement[] {
  return LETTER_TEMPLATES[kind].requires.filter((r) => {
    switch (r) {
      case 'plan':
        return c.plan === undefined;
      case 'hardship':
        return c.hardship === undefined;
      case 'legality':
        return (c.legality ?? []).length === 0;
      case 'dispute':
        return c.dispute === undefined || c.dispute.item.trim() === '';
      case 'credit-card':
        return !c.lender.isCreditCard;
      case 'incident':
        return !complaintHasIncident(c);
      case 'third-party-incident':
        return thirdPartyIncidents(c).length === 0;
      case 'third-party':
        return !(c.contacts ?? []).some((x) => x.thirdParty === true);
      case 'agreement':
        return c.agreement === undefined;
      case 'missed-deadline':
        return c.missedDeadline === undefined;
      default: {
        const never: never = r;
        throw new Error(`unknown requirement ${String(never)}`);
      }
    }
  });
}
