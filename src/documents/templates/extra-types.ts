// Inputs of the escalation-ladder and agreement letters (credit dispute, follow-up, agreement
// confirmation, PIPL request) and of the appendices (家庭收支情况表, 证据目录). Each part carries the
// record it comes from (`source`, a SourceRef such as `escalation:…`), so every sentence built from
// it can name its record for the pre-send check.
import type { Cents } from '../../core/money/index.js';
import type { IsoDate } from '../../core/dates/index.js';
import type { SourceRef } from '../model.js';

/** The saved budget, by group (what a lender may see: no individual lines). */
export interface BudgetSheet {
  source: SourceRef;
  effectiveOn: IsoDate;
  householdSize: number;
  income: Cents;
  /** 必要支出 by category label (住房, 食品…), in the budget's order */
  priorityByCategory: { labelZh: string; labelEn: string; monthly: Cents }[];
  priority: Cents;
  fixed: Cents;
  flexible: Cents;
  /** 应急备用金 kept back before creditors */
  buffer: Cents;
  /** income − priority − fixed − flexible − buffer; may be negative */
  capacity: Cents;
}

/** A stored agreement with one lender, for the 协议确认函. */
export interface AgreementFacts {
  source: SourceRef;
  agreedOn: IsoDate;
  /** the lender's staff member and 工号 who agreed, when recorded */
  agent?: string;
  total: Cents;
  installments: { seq: number; dueOn: IsoDate; amount: Cents }[];
  /** concession codes (CONCESSIONS) recorded with the agreement */
  concessions: string[];
  paymentChannel?: string;
  payToAccount?: string;
  isConfirmedInWriting: boolean;
}

/** A recorded escalation, as a later letter refers to it. */
export interface EscalationFacts {
  source: SourceRef;
  channelNameZh: string;
  channelNameEn: string;
  addresseeZh: string;
  addresseeEn: string;
  letterTitleZh: string;
  letterTitleEn: string;
  sentOn?: IsoDate;
  reference?: string;
  /** the follow-up date recorded with it */
  chaseOn?: IsoDate;
  /** a reply deadline set by law, with its provision id (e.g. 征信业管理条例 第25条, 20 days) */
  legalDays?: number;
  legalBasisId?: string;
  /** draft | sent | acknowledged | resolved | rejected | closed */
  status: string;
}

/** A deadline the lender (or a channel) was given or promised, and has passed. */
export type MissedDeadline =
  | { kind: 'escalation'; escalation: EscalationFacts }
  | {
      kind: 'promise';
      source: SourceRef;
      /** when the promise was made (Beijing date) */
      promisedOn: IsoDate;
      agent?: string;
      promise: string;
      deadline: IsoDate;
    };
