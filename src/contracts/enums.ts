// Closed lists as plain constants (no zod): the web imports these without pulling zod into its bundle.
// Each is derived from its one home in core/vocab (values with zh/en labels).
import {
  CONTACT_CHANNEL,
  CONTACT_DIRECTION,
  DEBT_METHOD,
  EVIDENCE_KIND,
  HARDSHIP_CAUSE,
  LENDER_TYPE,
  PLAN_CONCESSION,
  PLAN_STRATEGY,
} from '../core/vocab/vocab.js';

export const LENDER_TYPES = LENDER_TYPE.values;

export const DEBT_METHODS = DEBT_METHOD.values;

/** Budget categories by group (core/budget): priority costs come before any creditor. */
export const BUDGET_GROUPS = {
  priority: ['housing', 'utilities', 'food', 'transport', 'children', 'medical', 'insurance'],
  fixed: ['phone', 'education', 'support', 'other-fixed'],
  flexible: ['clothing', 'personal', 'leisure', 'gifts', 'other-flexible'],
} as const;
/** A budget line is income or one expenditure category. */
export const BUDGET_KINDS = [
  'income',
  ...BUDGET_GROUPS.priority,
  ...BUDGET_GROUPS.fixed,
  ...BUDGET_GROUPS.flexible,
] as const;

export const PLAN_STRATEGIES = PLAN_STRATEGY.values;

export const CONCESSIONS = PLAN_CONCESSION.values;

export const CHANNELS = CONTACT_CHANNEL.values;
export const DIRECTIONS = CONTACT_DIRECTION.values;

/** The store's list (db/repositories/evidence-repository.ts derives the same): the web offers exactly these. */
export const EVIDENCE_KINDS = EVIDENCE_KIND.values;

/** Letters the web offers (ids as in documents/templates; titles for the list). */
export const LETTERS: readonly { kind: string; titleZh: string; titleEn: string }[] = [
  { kind: 'request', titleZh: '协商还款申请书', titleEn: 'Installment request' },
  { kind: 'call-script', titleZh: '电话协商话术', titleEn: 'Call script' },
  {
    kind: 'penalty-waiver',
    titleZh: '减免罚息及停息申请',
    titleEn: 'Penalty waiver / interest freeze request',
  },
  { kind: 'ledger-request', titleZh: '债权核实及明细调取函', titleEn: 'Ledger request' },
  {
    kind: 'stop-third-party',
    titleZh: '停止联系第三人通知函',
    titleEn: 'Stop contacting third parties',
  },
  { kind: 'complaint', titleZh: '投诉书', titleEn: 'Complaint' },
  { kind: 'mediation', titleZh: '调解申请书', titleEn: 'Mediation application' },
  { kind: 'legal-aid', titleZh: '法律援助咨询准备单', titleEn: 'Legal aid preparation sheet' },
];

// the conduct checker's own list (core is pure, so the browser may import it)
export { THIRD_PARTY_RELATIONS } from '../core/conduct/relations.js';

/** Hardship causes the letters know (documents/templates/types.ts HARDSHIP_CAUSES). */
export const HARDSHIP_CAUSES = HARDSHIP_CAUSE.values;
