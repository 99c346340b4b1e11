// Complaint, dispute, mediation and legal-aid channels (docs/law.md, Complaint channels), with the follow-up
// deadline used for escalation tracking. `deadlineBasis` names the provision that sets the
// deadline; null means the days are our reminder default, not a legal deadline. local-regulator:
// the 批复 says local regulators supervise small-loan companies; that their offices take
// borrowers' complaints has no source in docs/law.md, hence certainty U.
import { LENDER_TYPES, type Certainty, type LenderType } from '../core/law/index.js';

/** In ladder order: the lender's own complaint channel is the first rung. */
export const CHANNEL_IDS = [
  'lender-complaint',
  'nfra-12378',
  'credit-dispute',
  'pboc-complaint',
  'nifa',
  'local-regulator',
  'police-110',
  'mediation',
  'legal-aid-12348',
  'market-12315',
  'pipl-request',
] as const;

export type ChannelId = (typeof CHANNEL_IDS)[number];

export interface Channel {
  id: ChannelId;
  nameZh: string;
  nameEn: string;
  /** the salutation line of a letter to it */
  addresseeZh: string;
  addresseeEn: string;
  /** how to reach it; text shown in letters */
  contactZh: string;
  contactEn: string;
  followUpDays: number;
  deadlineBasis: string | null;
  /** a U fact about the channel itself, shown with a caution */
  cautionZh?: string;
  cautionEn?: string;
  /** what it is for, in plain words */
  purposeZh: string;
  purposeEn: string;
  /** lender types the channel handles */
  lenderTypes: readonly LenderType[];
  /** how sure docs/law.md (Complaint channels) is of what `purpose` says */
  certainty: Certainty;
  /** provisions behind the purpose (besides `deadlineBasis`) */
  provisionIds: readonly string[];
}

const REPORTING: readonly LenderType[] = LENDER_TYPES.filter((t) => t !== 'private');

export const CHANNELS: Record<ChannelId, Channel> = {
  'lender-complaint': {
    id: 'lender-complaint',
    addresseeZh: '债权机构客户投诉部门',
    addresseeEn: "the lender's complaints department",
    nameZh: '债权机构自身的投诉渠道（第一步）',
    nameEn: "The lender's own complaint channel (first step)",
    contactZh: '机构客服热线、App 内“投诉”入口或书面投诉地址',
    contactEn: "the lender's hotline, the in-app complaint entry, or its written complaint address",
    followUpDays: 15,
    deadlineBasis: null,
    purposeZh:
      '先向机构本身投诉：说明发生了什么、要求停止并书面答复；监管渠道一般要求先向机构投诉。',
    purposeEn:
      'Complain to the lender itself first: what happened, ask it to stop and reply in writing; regulators generally expect this step first.',
    lenderTypes: LENDER_TYPES,
    certainty: 'S',
    provisionIds: [],
  },
  'nfra-12378': {
    id: 'nfra-12378',
    addresseeZh: '国家金融监督管理总局当地监管局',
    addresseeEn: 'the local office of the National Financial Regulatory Administration',
    nameZh: '国家金融监督管理总局（12378 银行保险消费者投诉维权热线）',
    nameEn: 'National Financial Regulatory Administration (12378 consumer hotline)',
    contactZh: '电话 12378，或当地金融监管局',
    contactEn: 'call 12378, or the local NFRA office',
    followUpDays: 30,
    deadlineBasis: null,
    purposeZh: '投诉银行（含信用卡中心）和消费金融公司：拒绝协商、乱收费、暴力或骚扰式催收等。',
    purposeEn:
      'Complaints about banks (incl. credit-card centres) and consumer-finance companies: refusing to negotiate, improper fees, abusive collection.',
    lenderTypes: ['bank', 'consumer-finance'],
    certainty: 'S',
    provisionIds: [],
  },
  'credit-dispute': {
    id: 'credit-dispute',
    addresseeZh: '中国人民银行征信中心',
    addresseeEn: 'the PBOC Credit Reference Center',
    nameZh: '中国人民银行征信中心',
    nameEn: 'PBOC Credit Reference Center',
    contactZh: '征信中心客服 400-810-8866，或当地征信查询网点；也可向数据报送机构提出',
    contactEn: 'hotline 400-810-8866 or a local credit-report outlet; or the reporting lender',
    followUpDays: 20,
    deadlineBasis: 'credit-reporting-25',
    purposeZh:
      '征信报告上的记录有错误或遗漏（例如已还清仍显示逾期）时提出异议；受理方应在收到之日起20日内核查并书面答复。',
    purposeEn:
      'Dispute a wrong or missing entry in your credit report (e.g. a repaid loan still shown overdue); the receiver must check it and reply in writing within 20 days.',
    lenderTypes: REPORTING,
    certainty: 'P',
    provisionIds: ['credit-reporting-25'],
  },
  'pboc-complaint': {
    id: 'pboc-complaint',
    addresseeZh: '中国人民银行当地分支机构',
    addresseeEn: 'the local branch of the People’s Bank of China',
    nameZh: '中国人民银行当地分支机构（征信投诉）',
    nameEn: 'Local branch of the People’s Bank of China (credit-reporting complaint)',
    contactZh: '当地人民银行分支机构；12363 热线',
    contactEn: 'the local PBOC branch; hotline 12363',
    followUpDays: 30,
    deadlineBasis: 'credit-reporting-26',
    cautionZh: '12363 热线在2023年职责调整后是否仍受理投诉尚未核实（待核实）',
    cautionEn: 'whether hotline 12363 still takes complaints after the 2023 reform is unverified',
    purposeZh:
      '征信异议没有按时答复、或对处理结果不服时，向当地人民银行分支机构投诉；应在受理后30日内书面答复。',
    purposeEn:
      'If a credit-report dispute is not answered in time or you disagree with the result, complain to the local PBOC branch; it must reply in writing within 30 days of accepting it.',
    lenderTypes: REPORTING,
    certainty: 'S',
    provisionIds: ['credit-reporting-26'],
  },
  nifa: {
    id: 'nifa',
    addresseeZh: '中国互联网金融协会',
    addresseeEn: 'the National Internet Finance Association of China',
    nameZh: '中国互联网金融协会（互联网金融举报信息平台）',
    nameEn: 'National Internet Finance Association of China (reporting platform)',
    contactZh: '网站 www.nifa.org.cn',
    contactEn: 'website www.nifa.org.cn',
    followUpDays: 30,
    deadlineBasis: null,
    purposeZh: '举报网贷平台、助贷平台的违规放贷、乱收费和违规催收。',
    purposeEn:
      'Report online-lending and loan-facilitation platforms for improper lending, fees or collection.',
    lenderTypes: ['guarantee-platform', 'small-loan', 'unknown'],
    certainty: 'S',
    provisionIds: [],
  },
  'local-regulator': {
    id: 'local-regulator',
    addresseeZh: '地方金融管理局',
    addresseeEn: 'the local financial regulator',
    nameZh: '地方金融管理部门（小额贷款公司监管）',
    nameEn: 'Local financial regulator (supervises small-loan companies)',
    contactZh: '贷款公司注册地的地方金融管理局',
    contactEn: 'the local financial administration where the lender is registered',
    followUpDays: 30,
    deadlineBasis: null,
    // the 批复 says they supervise small-loan companies, not that they take borrowers' complaints
    cautionZh:
      '地方金融管理部门负责监管小额贷款公司，但其是否受理借款人投诉、如何受理，各地不一（待核实）',
    cautionEn:
      'local regulators supervise small-loan companies; whether and how they take borrowers’ complaints varies by place (unverified)',
    purposeZh:
      '投诉小额贷款公司（含网络小贷）：它们由地方金融管理部门监管，可向贷款公司注册地的地方金融管理局反映。',
    purposeEn:
      'Complaints about small-loan companies (incl. online micro-lenders), which local financial regulators supervise: write to the office where the lender is registered.',
    lenderTypes: ['small-loan', 'guarantee-platform'],
    certainty: 'U',
    provisionIds: ['spc-reply-2020-27'],
  },
  'police-110': {
    id: 'police-110',
    addresseeZh: '公安机关',
    addresseeEn: 'the police',
    nameZh: '公安机关（110）',
    nameEn: 'Police (110)',
    contactZh: '拨打 110 或到当地派出所报案',
    contactEn: 'call 110 or report at the local police station',
    followUpDays: 7,
    deadlineBasis: null,
    purposeZh: '遭到暴力、威胁、恐吓、辱骂、反复骚扰，或有人冒充公检法催收时，报警。',
    purposeEn:
      'Call the police for violence, threats, intimidation, insults, repeated harassment, or collectors posing as officials.',
    lenderTypes: LENDER_TYPES,
    certainty: 'P',
    // 第42条 (P) for conduct before 2026-01-01, 第50条 (S) from then on; the report picks by date
    provisionIds: ['public-security-2012-42', 'public-security-2025-50'],
  },
  mediation: {
    id: 'mediation',
    addresseeZh: '金融纠纷调解组织',
    addresseeEn: 'the financial dispute mediation body',
    nameZh: '金融纠纷调解组织 / 人民法院在线调解',
    nameEn: 'Financial dispute mediation / court online mediation',
    contactZh: '当地银行业保险业纠纷调解组织，或人民法院在线服务平台',
    contactEn: 'the local banking/insurance dispute mediation body, or the courts’ online platform',
    followUpDays: 30,
    deadlineBasis: null,
    cautionZh: '各地金融纠纷调解组织的名称和受理范围不一（待核实）',
    cautionEn: 'names and scope of local financial mediation bodies vary (unverified)',
    purposeZh: '双方都愿意谈、但谈不拢时，请中立的调解组织或法院在线调解平台帮助达成还款方案。',
    purposeEn:
      'When both sides will talk but cannot agree, ask a neutral mediation body or the courts’ online mediation to help reach a plan.',
    lenderTypes: LENDER_TYPES,
    certainty: 'S',
    provisionIds: [],
  },
  'legal-aid-12348': {
    id: 'legal-aid-12348',
    addresseeZh: '法律援助中心',
    addresseeEn: 'the legal aid centre',
    nameZh: '法律援助中心（12348 公共法律服务热线）',
    nameEn: 'Legal aid centre (12348 public legal-service hotline)',
    contactZh: '拨打 12348，或到当地法律援助中心',
    contactEn: 'call 12348, or visit the local legal-aid centre',
    followUpDays: 14,
    deadlineBasis: null,
    purposeZh: '免费法律咨询，问清自己的权利和下一步；一般债务纠纷能否免费代理取决于当地规定。',
    purposeEn:
      'Free legal advice on your rights and next steps; whether free representation covers an ordinary debt case depends on local rules.',
    lenderTypes: LENDER_TYPES,
    certainty: 'S',
    provisionIds: ['legal-aid-22', 'legal-aid-31'],
  },
  'market-12315': {
    id: 'market-12315',
    addresseeZh: '市场监督管理部门',
    addresseeEn: 'the market regulation authority',
    nameZh: '市场监督管理部门（12315）',
    nameEn: 'Market regulation authority (12315)',
    contactZh: '电话 12315，或全国12315平台',
    contactEn: 'call 12315, or the national 12315 platform',
    followUpDays: 30,
    deadlineBasis: null,
    purposeZh: '投诉收费的“债务优化”“停息挂账代办”等中介机构：收费后未提供服务、虚假承诺等。',
    purposeEn:
      'Complaints about paid "debt optimisation" or negotiation intermediaries: fees taken without the service, false promises.',
    lenderTypes: LENDER_TYPES,
    certainty: 'S',
    provisionIds: [],
  },
  'pipl-request': {
    id: 'pipl-request',
    addresseeZh: '债权机构个人信息保护负责部门',
    addresseeEn: "the lender's personal-information officer",
    nameZh: '向机构申请查阅、删除个人信息（个人信息保护法）',
    nameEn: 'Personal-information access and deletion request (PIPL)',
    contactZh: '机构公布的个人信息保护联系方式或客服渠道',
    contactEn: "the lender's published personal-information contact or customer service",
    followUpDays: 15,
    deadlineBasis: null,
    purposeZh:
      '机构或催收方联系了你的亲友、同事时：要求查阅其持有的你的个人信息，并删除通讯录等信息。',
    purposeEn:
      'When the lender or its collectors contacted your family, friends or colleagues: ask to see the personal information it holds on you and to delete your contact list.',
    lenderTypes: LENDER_TYPES,
    certainty: 'P',
    provisionIds: ['pipl-45', 'pipl-47', 'pipl-50'],
  },
};

export function isChannelId(s: string): s is ChannelId {
  return (CHANNEL_IDS as readonly string[]).includes(s);
}

/**
 * The regulator a complaint about this kind of lender goes to (docs/law.md, Complaint channels). A 助贷 loan whose
 * lender of record (the funding bank or consumer-finance company) is recorded goes to that
 * lender's regulator, NFRA (12378 covers banks and consumer-finance companies).
 */
export function complaintChannelFor(
  type: LenderType,
  opts: { hasLenderOfRecord?: boolean } = {},
): ChannelId {
  if (opts.hasLenderOfRecord === true) return 'nfra-12378';
  switch (type) {
    case 'bank':
    case 'consumer-finance':
      return 'nfra-12378';
    case 'small-loan':
      return 'local-regulator';
    case 'guarantee-platform':
      return 'nifa';
    case 'private':
    case 'unknown':
      return 'legal-aid-12348';
    default: {
      const never: never = type;
      throw new Error(`unknown lender type ${String(never)}`);
    }
  }
}
