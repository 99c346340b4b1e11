import type { IsoDate } from '../dates/index.js';
import type { Certainty } from '../law/types.js';

// Collection-conduct rules as data (docs/law.md, Collection conduct and Complaint channels). Each rule names the
// provisions it rests on (ids in core/law/provisions.ts) and how certain the rule itself is.
// How certain a *detection* is (e.g. a keyword match in free text) is reported separately.

export type ConductRuleId =
  | 'night-contact'
  | 'late-evening-contact'
  | 'third-party-contact'
  | 'debt-disclosed-to-third-party'
  | 'threat'
  | 'insult'
  | 'impersonation'
  | 'private-account'
  | 'too-many-connected-calls'
  | 'too-many-call-attempts';

export type Severity = 'breach' | 'warning' | 'note';

export type ComplaintChannelId = '12378' | 'nifa' | 'police-110' | '12348';

export interface ComplaintChannel {
  id: ComplaintChannelId;
  nameZh: string;
  nameEn: string;
  certainty: Certainty;
}

/** docs/law.md, Complaint channels. */
export const COMPLAINT_CHANNELS: Readonly<Record<ComplaintChannelId, ComplaintChannel>> = {
  '12378': {
    id: '12378',
    nameZh: '12378 银行保险消费者投诉维权热线（国家金融监督管理总局）',
    nameEn: '12378 banking and insurance consumer complaint line (NFRA)',
    certainty: 'S',
  },
  nifa: {
    id: 'nifa',
    nameZh: '中国互联网金融协会 互联网金融举报信息平台（www.nifa.org.cn）',
    nameEn: 'NIFA internet-finance reporting platform (www.nifa.org.cn)',
    certainty: 'S',
  },
  'police-110': {
    id: 'police-110',
    nameZh: '110 报警 / 当地派出所',
    nameEn: 'Police: call 110 or the local station',
    certainty: 'P',
  },
  '12348': {
    id: '12348',
    nameZh: '12348 公共法律服务热线（免费法律咨询）',
    nameEn: '12348 public legal-service hotline (free legal advice)',
    certainty: 'S',
  },
};

/** The no-collection window in Asia/Shanghai local time, [fromMinute, toMinute) across midnight. */
export interface TimeWindow {
  fromMinute: number;
  toMinute: number;
}

export interface ConductRule {
  id: ConductRuleId;
  titleZh: string;
  titleEn: string;
  /** provision ids (core/law/provisions.ts) */
  provisionIds: readonly string[];
  /** a source not in the registry, in words */
  extraSourceZh?: string;
  certainty: Certainty;
  severity: Severity;
  /** the earliest date any cited yardstick existed; earlier contacts get a softer note */
  since: IsoDate | null;
  window?: TimeWindow;
  /** per Asia/Shanghai day */
  maxPerDay?: number;
  channels: readonly ComplaintChannelId[];
}

const NIGHT: TimeWindow = { fromMinute: 22 * 60, toMinute: 8 * 60 };
const LATE_EVENING: TimeWindow = { fromMinute: 21 * 60, toMinute: 22 * 60 };

export const CONDUCT_RULES: Readonly<Record<ConductRuleId, ConductRule>> = {
  'night-contact': {
    id: 'night-contact',
    titleZh: '夜间催收（22:00–次日08:00）',
    titleEn: 'Collection at night (22:00–08:00)',
    provisionIds: [
      'nifa-collection-2024',
      'gb-t-45251-2025',
      'cba-collection-2026',
      'civil-code-1033',
    ],
    certainty: 'S',
    severity: 'breach',
    since: '2024-05-15' as IsoDate,
    window: NIGHT,
    channels: ['12378', 'nifa'],
  },
  'late-evening-contact': {
    id: 'late-evening-contact',
    titleZh: '晚间催收（21:00–22:00）',
    titleEn: 'Collection late in the evening (21:00–22:00)',
    provisionIds: ['nifa-convention-2018'],
    extraSourceZh:
      '部分资料称2018年《催收自律公约》以21:00为界，原文未核实；2024–2026年的行业标准均以22:00为界',
    certainty: 'U',
    severity: 'note',
    since: null,
    window: LATE_EVENING,
    channels: [],
  },
  'third-party-contact': {
    id: 'third-party-contact',
    titleZh: '向第三人催收（家人、单位、通讯录联系人）',
    titleEn: 'Collection from third parties (family, employer, phone contacts)',
    provisionIds: [
      'cba-collection-2026',
      'gb-t-45251-2025',
      'credit-card-measures-68',
      'civil-code-1033',
      'pipl-13',
    ],
    certainty: 'S',
    severity: 'breach',
    since: null,
    channels: ['12378', 'nifa'],
  },
  'debt-disclosed-to-third-party': {
    id: 'debt-disclosed-to-third-party',
    titleZh: '向第三人透露欠款情况',
    titleEn: 'The debt was disclosed to a third party',
    provisionIds: ['cba-collection-2026', 'civil-code-1032', 'pipl-69'],
    certainty: 'S',
    severity: 'breach',
    since: null,
    channels: ['12378', 'nifa'],
  },
  threat: {
    id: 'threat',
    titleZh: '威胁、恐吓',
    titleEn: 'Threats or intimidation',
    provisionIds: [
      'public-security-2012-42',
      'public-security-2025-50',
      'credit-card-measures-68',
      'cba-collection-2026',
    ],
    certainty: 'P',
    severity: 'breach',
    since: null,
    channels: ['police-110', '12378', 'nifa'],
  },
  insult: {
    id: 'insult',
    titleZh: '辱骂、侮辱',
    titleEn: 'Insults or abuse',
    provisionIds: [
      'civil-code-1024',
      'public-security-2012-42',
      'public-security-2025-50',
      'credit-card-measures-68',
    ],
    certainty: 'P',
    severity: 'breach',
    since: null,
    channels: ['12378', 'nifa', 'police-110'],
  },
  impersonation: {
    id: 'impersonation',
    titleZh: '冒充公检法、律师或政府机关',
    titleEn: 'Impersonating police, courts, lawyers or officials',
    provisionIds: ['cba-collection-2026'],
    certainty: 'S',
    severity: 'breach',
    since: null,
    channels: ['police-110', '12378', 'nifa'],
  },
  'private-account': {
    id: 'private-account',
    titleZh: '要求还款到个人账户',
    titleEn: 'Demand to pay into a private account',
    provisionIds: [],
    extraSourceZh:
      '事实库未收录直接条文（待核实）。只向合同载明的出借机构官方账户还款；转入催收员个人账户的钱可能不被计为还款，也是常见诈骗手法',
    certainty: 'U',
    severity: 'warning',
    since: null,
    channels: ['police-110', '12378'],
  },
  'too-many-connected-calls': {
    id: 'too-many-connected-calls',
    titleZh: '每日接通电话超过3次（网络消费信贷）',
    titleEn: 'More than 3 connected calls a day (online consumer credit)',
    provisionIds: ['gb-t-45251-2025', 'nifa-collection-2024'],
    certainty: 'S',
    severity: 'breach',
    since: '2024-05-15' as IsoDate,
    maxPerDay: 3,
    channels: ['nifa', '12378'],
  },
  'too-many-call-attempts': {
    id: 'too-many-call-attempts',
    titleZh: '同一号码每日拨打超过6次（银行、信用卡）',
    titleEn: 'More than 6 call attempts a day to one number (banks, cards)',
    provisionIds: ['cba-collection-2026'],
    certainty: 'S',
    severity: 'breach',
    since: '2026-01-30' as IsoDate,
    maxPerDay: 6,
    channels: ['12378'],
  },
};

/**
 * Heuristic word lists for Chinese free text. A match is a hint for the user to review, never a
 * finding: quotes, negations ("他没说要上门") and context all fool it.
 */
export const CONDUCT_KEYWORDS: Readonly<
  Record<'threat' | 'insult' | 'impersonation' | 'private-account', readonly string[]>
> = {
  threat: [
    '上门',
    '坐牢',
    '抓你',
    '拘留',
    '判刑',
    '刑事责任',
    '弄死',
    '打死',
    '打断',
    '让你好看',
    '后果自负',
    '走着瞧',
    '小心点',
    '爆通讯录',
    '曝光你',
    '通知你单位',
    '通知我单位',
    '通知单位',
    '找你单位',
    '找你家人',
    '全家',
  ],
  insult: [
    '骗子',
    '老赖',
    '垃圾',
    '废物',
    '不要脸',
    '王八',
    '傻逼',
    '去死',
    '畜生',
    '贱人',
    '人渣',
  ],
  impersonation: [
    '警察',
    '公安',
    '派出所',
    '法院',
    '法官',
    '检察院',
    '律师',
    '律所',
    '执行局',
    '网警',
    '经侦',
    '仲裁委',
  ],
  'private-account': [
    '私人账户',
    '个人账户',
    '个人卡',
    '私人卡',
    '转给我',
    '转到我',
    '打到这个卡',
    '对私',
    '我的微信',
    '我的支付宝',
  ],
};
