import type { IsoDate } from '../dates/index.js';
import type { Certainty, Provision } from './types.js';
import { assert } from '../result.js';

// The law registry, written up in docs/law.md (gists in our own words, never quotes).
// Ids are stable forever: templates and verdicts cite them. Add entries; never rename or reuse an id.
// Certainty (docs/law.md, Certainty): P primary text read; S secondary; U unconfirmed (cite cautiously).

const LRB = 'LawRefBook/Laws @2f4c5c2 (mirror of flk.npc.gov.cn / court.gov.cn)';
const CIVIL = '《中华人民共和国民法典》';
const NPC = '全国人民代表大会';
const SPC = '最高人民法院';
const PRIVATE = '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》(2020年第二次修正)';
const CARD = '《商业银行信用卡业务监督管理办法》(银监会令2011年第2号)';
const CREDIT = '《征信业管理条例》(国务院令第631号)';
const PIPL = '《中华人民共和国个人信息保护法》';

function p(
  id: string,
  instrument: string,
  article: string | null,
  issuer: string,
  effective: string | null,
  certainty: Certainty,
  source: string,
  gistZh: string,
  gistEn: string,
): Provision {
  return {
    id,
    instrument,
    article,
    issuer,
    effective: effective as IsoDate | null,
    gistZh,
    gistEn,
    source,
    certainty,
  };
}

const civil = (art: string, zh: string, en: string, file = '合同编'): Provision =>
  p(
    `civil-code-${art}`,
    CIVIL,
    `第${art}条`,
    NPC,
    '2021-01-01',
    'P',
    `${LRB} 民法典/${file}.md`,
    zh,
    en,
  );

const privateLending = (art: string, zh: string, en: string): Provision =>
  p(
    `private-lending-${art}`,
    PRIVATE,
    `第${art}条`,
    SPC,
    '2021-01-01',
    'P',
    `${LRB} 司法解释/最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md`,
    zh,
    en,
  );

const creditReporting = (art: string, zh: string, en: string): Provision =>
  p(
    `credit-reporting-${art}`,
    CREDIT,
    `第${art}条`,
    '国务院',
    '2013-03-15',
    'P',
    `${LRB} 行政法规/征信业管理条例(2013-01-21).md`,
    zh,
    en,
  );

const cardMeasures = (art: string, zh: string, en: string): Provision =>
  p(
    `credit-card-measures-${art}`,
    CARD,
    `第${art}条`,
    '原中国银行业监督管理委员会（现国家金融监督管理总局）',
    '2011-01-13',
    'S',
    'several secondaries quote the same wording (e.g. m.yktchina.com/xyk/xyk/2022/0913/46444.html, lvshidaquan.com); official NFRA text not read',
    zh,
    en,
  );

const pipl = (art: string, zh: string, en: string): Provision =>
  p(`pipl-${art}`, PIPL, `第${art}条`, NPC + '常务委员会', '2021-11-01', 'P', LRB, zh, en);

export const PROVISIONS: readonly Provision[] = [
  // 民法典
  civil(
    '6',
    '民事活动应遵循公平原则，合理确定各方权利义务。',
    'Civil acts follow the principle of fairness.',
    '总则',
  ),
  civil(
    '7',
    '民事活动应遵循诚信原则，秉持诚实、恪守承诺。',
    'Civil acts follow good faith: honesty and keeping promises.',
    '总则',
  ),
  civil(
    '188',
    '诉讼时效期间一般为三年，自知道或应当知道权利受损及义务人之日起计算；最长二十年。',
    'The general limitation period is 3 years from when the creditor knew of the harm and the obligor; 20 years at most.',
    '总则',
  ),
  civil(
    '189',
    '同一债务分期履行的，诉讼时效自最后一期履行期限届满之日起计算。',
    'For a debt payable in installments, limitation runs from the due date of the last installment.',
    '总则',
  ),
  civil(
    '192',
    '诉讼时效届满后义务人可以拒绝履行，但自愿履行的不得请求返还。',
    'After limitation expires the obligor may refuse to pay, but cannot reclaim a voluntary payment.',
    '总则',
  ),
  civil(
    '195',
    '权利人主张权利、义务人同意履行、提起诉讼或仲裁的，诉讼时效中断并重新计算。',
    'Limitation is interrupted and restarts when the creditor demands payment, the debtor agrees to pay, or on suit or arbitration.',
    '总则',
  ),
  civil(
    '496',
    '格式条款提供方应提示并说明与对方有重大利害关系的条款，否则对方可主张该条款不成为合同内容。',
    'The drafter of standard terms must point out and explain important terms, or the other side may argue they are not part of the contract.',
  ),
  civil(
    '509',
    '当事人应当按照约定全面履行义务，并遵循诚信原则履行通知、协助等义务。',
    'Parties must perform fully and in good faith, including duties to notify and cooperate.',
  ),
  civil(
    '533',
    '情势变更：合同基础条件发生重大变化致履行明显不公平的，受不利影响方可与对方重新协商；协商不成可请求法院或仲裁机构变更或解除合同。',
    'Change of circumstances: the affected party may renegotiate; failing that, ask a court or arbitrator to modify or end the contract.',
  ),
  civil(
    '561',
    '除另有约定外，清偿不足以清偿全部债务的，按实现债权的有关费用、利息、主债务的顺序履行。',
    'Unless agreed otherwise, a short payment goes to enforcement costs, then interest, then principal.',
  ),
  civil(
    '584',
    '违约损失赔偿额相当于因违约造成的损失，但不得超过订立合同时可预见的损失。',
    'Damages for breach equal the loss caused, capped by what was foreseeable at formation.',
  ),
  civil(
    '585',
    '约定的违约金过分高于造成的损失的，人民法院或仲裁机构可以根据当事人的请求予以适当减少。',
    'A court or arbitrator may reduce liquidated damages that are excessively higher than the loss, on request.',
  ),
  civil(
    '670',
    '借款的利息不得预先在本金中扣除；预先扣除的，应按实际借款数额返还借款并计算利息。',
    'Interest must not be deducted from principal in advance; if it was, repayment and interest are computed on the amount actually lent.',
  ),
  civil(
    '676',
    '借款人未按约定期限返还借款的，应按约定或国家有关规定支付逾期利息。',
    'A borrower who repays late pays overdue interest as agreed or under state rules.',
  ),
  civil(
    '677',
    '借款人提前返还借款的，除另有约定外，应按实际借款期间计算利息。',
    'On early repayment, interest runs only for the actual borrowing period unless agreed otherwise.',
  ),
  civil(
    '678',
    '借款人可以在还款期限届满前向贷款人申请展期；贷款人同意的，可以展期。',
    'Before maturity the borrower may apply for an extension; the loan is extended if the lender agrees.',
  ),
  civil(
    '680',
    '禁止高利放贷，借款利率不得违反国家有关规定。',
    'High-interest lending is prohibited; rates must not breach state rules.',
  ),
  civil(
    '1024',
    '民事主体享有名誉权，任何组织或个人不得以侮辱、诽谤等方式侵害他人名誉权。',
    'Right of reputation: no insult or defamation.',
    '人格权编',
  ),
  civil(
    '1032',
    '自然人享有隐私权，任何组织或个人不得以刺探、侵扰、泄露、公开等方式侵害他人隐私权。',
    'Right of privacy: no spying, intrusion, leaking or publicising.',
    '人格权编',
  ),
  civil(
    '1033',
    '除法律另有规定或权利人明确同意外，任何组织或个人不得以电话、短信、即时通讯工具等方式侵扰他人私人生活安宁。',
    "No one may disturb a person's private-life tranquillity by phone, SMS or messaging without consent or legal basis.",
    '人格权编',
  ),
  civil(
    '1034',
    '自然人的个人信息受法律保护。',
    'Personal information is protected by law.',
    '人格权编',
  ),

  // 民间借贷规定
  privateLending(
    '1',
    '经金融监管部门批准设立的金融机构及其分支机构从事贷款业务引发的纠纷，不适用本规定。',
    'Lending by licensed financial institutions is outside this interpretation.',
  ),
  privateLending(
    '25',
    '出借人请求借款人按照合同约定利率支付利息的，人民法院应予支持，但双方约定的利率超过合同成立时一年期贷款市场报价利率四倍的除外。',
    'Courts uphold the agreed rate except the part above 4 × the one-year LPR at the time the contract was formed.',
  ),
  privateLending(
    '26',
    '借据载明的借款金额一般认定为本金；预先在本金中扣除利息的，以实际出借的金额认定为本金。',
    'The IOU amount is normally the principal; if interest was deducted in advance, the amount actually lent is the principal.',
  ),
  privateLending(
    '27',
    '前期利率未超过合同成立时一年期LPR四倍的，计入后期借款本金的利息可予认定；但借款人应付本息总额不得超过以最初本金按该上限计算的本息之和。',
    'Rolled-over interest counts only within 4×LPR; the total repayable cannot exceed principal plus interest at 4×LPR over the whole term.',
  ),
  privateLending(
    '28',
    '约定的逾期利率以不超过合同成立时一年期LPR四倍为限。',
    'An agreed overdue rate is upheld up to 4 × the contract-date one-year LPR.',
  ),
  privateLending(
    '29',
    '出借人可以选择主张逾期利息、违约金或者其他费用，也可以一并主张，但总计超过合同成立时一年期LPR四倍的部分不予支持。',
    'Overdue interest, liquidated damages and other fees together are not supported above 4 × the contract-date one-year LPR.',
  ),
  privateLending(
    '31',
    '2020年8月20日之前成立的合同，起诉时在此之后的，自合同成立到2020年8月19日的利息可适用当时的司法解释；2020年8月20日之后的利息适用起诉时本规定的利率保护标准。',
    'For contracts formed before 2020-08-20, interest up to 2020-08-19 may follow the old interpretation; from 2020-08-20 the current cap applies.',
  ),
  p(
    'private-lending-2015-26',
    '《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》(法释〔2015〕18号，2015年版)',
    '第26条',
    SPC,
    '2015-09-01',
    'S',
    '姚海放，《社会科学》2021年第4期 (stored copy at m.jizihe.com); 2015 text not read',
    '“两线三区”：年利率24%以内受保护；超过36%的部分无效；24%–36%之间为自然债务，已支付的不予返还。',
    'Two lines, three zones: up to 24% a year enforced; above 36% void; between 24% and 36% a natural obligation (paid interest not refunded).',
  ),
  p(
    'spc-reply-2020-27',
    '《最高人民法院关于新民间借贷司法解释适用范围问题的批复》(法释〔2020〕27号)',
    null,
    SPC,
    '2021-01-01',
    'P',
    `${LRB} 司法解释/最高人民法院关于新民间借贷司法解释适用范围问题的批复.md`,
    '小额贷款公司、融资担保公司等七类地方金融组织属于金融机构，其金融业务纠纷不适用新民间借贷司法解释。',
    'Seven kinds of local financial organisations (incl. small-loan and financing-guarantee companies) are financial institutions; the private-lending interpretation does not apply to them.',
  ),

  // 其他司法解释
  p(
    'contract-general-65',
    '《最高人民法院关于适用〈民法典〉合同编通则若干问题的解释》',
    '第65条',
    SPC,
    '2023-12-05',
    'P',
    `${LRB} 司法解释/…合同编通则若干问题的解释(2023-12-04).md`,
    '请求减少违约金的，以实际损失为基础；违约金超过损失30%的，一般可认定为“过分高于造成的损失”。',
    'When asked to cut liquidated damages, courts start from the actual loss; more than 30% above the loss is generally excessive.',
  ),
  p(
    'bank-card-2',
    '《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》',
    '第2条',
    SPC,
    '2021-05-25',
    'P',
    `${LRB} 司法解释`,
    '发卡行未提示说明利息、复利、费用、违约金条款的，持卡人可主张不成为合同内容；持卡人主张透支利息、复利、违约金及分期手续费总额过高的，法院可予调减。',
    'If the issuer did not explain its interest, fee and penalty terms, the cardholder may argue they do not bind; courts may cut an excessive total of overdraft interest, penalties and installment fees.',
  ),
  p(
    'bank-card-3',
    '《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》',
    '第3条',
    SPC,
    '2021-05-25',
    'P',
    `${LRB} 司法解释`,
    '发卡行扣划款项、向预留联系方式发送催收短信信件电邮等，诉讼时效中断。',
    "The issuer's limitation period is interrupted by account deductions and by collection SMS, letters or emails to the reserved contacts.",
  ),

  // 司法政策与监管文件
  p(
    'fafa-2017-22-item2',
    '《最高人民法院关于进一步加强金融审判工作的若干意见》(法发〔2017〕22号)',
    '第二条',
    SPC,
    '2017-08-04',
    'S',
    'scmkls.com/news/296-cn.html (full quote); m.dyhzdl.cn reprint; cosiris15/debt_review; wanqiaolaw.com/falvredian/3046.html',
    '金融借款合同中，借款人主张利息、复利、罚息、违约金和其他费用过高的，对总计超过年利率24%的部分予以调减（须借款人主张）。',
    "In financial-loan cases, on the borrower's request courts cut interest, compound interest, penalty interest, liquidated damages and other fees that together exceed 24% a year.",
  ),
  p(
    'cash-loan-2017-141',
    '《关于规范整顿“现金贷”业务的通知》(整治办函〔2017〕141号)',
    null,
    '互联网金融风险专项整治工作领导小组办公室、P2P网贷风险专项整治工作领导小组办公室',
    '2017-12-01',
    'U',
    'fact base: single secondary list and recollection; full text not read',
    '（待核实）综合资金成本应符合最高法民间借贷利率规定（当时36%为上限），禁止砍头息与暴力催收。',
    "(Unverified) the all-in cost of cash loans must comply with the court's private-lending rate rules (then 36%); no up-front deductions or violent collection.",
  ),
  p(
    'nfra-2025-9-item6',
    '《国家金融监督管理总局关于加强商业银行互联网助贷业务管理 提升金融服务质效的通知》(金规〔2025〕9号)',
    '第六条',
    '国家金融监督管理总局',
    '2025-10-01',
    'S',
    'zjblf.com/?p=44128; finding.com.cn 2025-04-11; 北京商报 2025-10-08 (whether "24%" is printed: unresolved)',
    '银行应将增信服务费计入借款人综合融资成本，确保单笔贷款综合融资成本符合相关规定；不得以咨询费等名义变相提高利率。',
    "Banks must count guarantee (credit-enhancement) fees in the borrower's all-in cost and keep each loan's all-in cost within the limits.",
  ),
  p(
    'pboc-2021-3',
    '《中国人民银行公告》〔2021〕第3号',
    null,
    '中国人民银行',
    '2021-03-31',
    'S',
    '人民日报 2021-04-01 (f2djj.com/xf/2021/0401/7209.html); Reuters 2021-03-31; chinabankingnews 2021-04-02',
    '所有贷款产品应明示贷款年化利率；年化利率=利息及与贷款直接相关的费用÷实际占用本金，可用单利或复利（IRR）计算。',
    'Every loan must show its annualized rate: interest plus directly related fees over the principal actually used, by simple or compound (IRR) annualisation.',
  ),
  p(
    'pboc-2020-327',
    '《中国人民银行关于推进信用卡透支利率市场化改革的通知》(银发〔2020〕327号)',
    null,
    '中国人民银行',
    '2021-01-01',
    'S',
    'research log quoting the PBOC Xining branch republication',
    '信用卡透支利率由发卡机构与持卡人自主协商，取消日0.05%上限和0.7倍下限。',
    'Card overdraft rates are freely negotiated; the 0.05%/day cap and 0.7× floor are abolished.',
  ),
  p(
    'bank-penalty-interest',
    '中国人民银行关于人民币贷款利率有关问题的通知(银发〔2003〕251号)',
    null,
    '中国人民银行',
    null,
    'U',
    'fact base: bank rate tables (S) for the practice; the 2003 notice itself U',
    '（待核实）逾期贷款罚息通常在合同利率基础上加收30%–50%。',
    '(Unverified) overdue loans usually carry the contract rate plus 30%–50% as penalty interest.',
  ),

  // 信用卡
  cardMeasures(
    '66',
    '发卡银行应建立催收管理制度，不得仅以回收金额考核催收人员。',
    'Issuers must run a collection-management system and may not judge collectors only on amounts recovered.',
  ),
  cardMeasures(
    '68',
    '只能向债务人本人及担保人催收，不得向与债务无关的第三人催收；不得暴力、胁迫、恐吓、辱骂；催收过程应记录并保存至少2年。',
    'Collect only from the debtor and guarantor, never unrelated third parties; no violence, threats or abuse; records kept at least 2 years.',
  ),
  cardMeasures(
    '69',
    '催收函件应载明持卡人姓名、欠款余额、催收原因、权利义务、查询及异议方式等。',
    'Collection letters must state the name, balance, reason, rights and duties, and how to check and object.',
  ),
  cardMeasures(
    '70',
    '持卡人确无还款能力且有还款意愿的，发卡银行可以与其协商签订个性化分期还款协议，最长不超过5年；协议签订后应停止催收。',
    'Where the cardholder cannot pay but wants to, the issuer may agree a personalised installment plan of up to 5 years; once signed, collection must stop.',
  ),
  p(
    'credit-card-notice-2022',
    '《中国银保监会 中国人民银行关于进一步促进信用卡业务规范健康发展的通知》',
    null,
    '中国银保监会、中国人民银行',
    '2022-07-07',
    'S',
    '中新网 2022-07-07 (123592.com/cj/jjgc/2022-07-07/1347071.html); 人民日报 2022-07-08 第8版; document number 银保监规〔2022〕13号 U',
    '分期期限不超过5年；已分期的不得再分期，但个性化分期还款协议除外；分期成本应以利息形式展示。',
    'Installments up to 5 years; no re-installment except personalised repayment agreements; installment cost shown as interest.',
  ),

  // 征信
  creditReporting(
    '15',
    '向征信机构提供个人不良信息的，应当事先告知信息主体本人。',
    'A lender must tell the person before reporting negative information.',
  ),
  creditReporting(
    '16',
    '不良信息自不良行为或事件终止之日起保存5年，期满删除。',
    'Negative information is kept 5 years from the day the bad conduct ends, then deleted.',
  ),
  creditReporting(
    '17',
    '信息主体每年可免费获取本人信用报告两次。',
    'Two free credit reports a year.',
  ),
  creditReporting(
    '25',
    '认为信息有错误、遗漏的，可向征信机构或信息提供者提出异议，受理方应在收到之日起20日内核查并书面答复。',
    'Disputes go to the bureau or the data provider, which must verify and reply in writing within 20 days.',
  ),
  creditReporting(
    '26',
    '可向中国人民银行派出机构投诉，应在受理之日起30日内书面答复；也可直接起诉。',
    'Complaints to the local PBOC branch get a written reply within 30 days; the person may also sue.',
  ),

  // 催收行为
  p(
    'criminal-293-1',
    '《中华人民共和国刑法》',
    '第293条之一',
    NPC + '常务委员会',
    '2021-03-01',
    'P',
    LRB,
    '以暴力、胁迫、限制人身自由、侵入住宅、恐吓、跟踪、骚扰等方式催收高利放贷等产生的非法债务，情节严重的，构成催收非法债务罪。',
    'Collecting illegal (e.g. usurious) debts by violence, coercion, intimidation, stalking or harassment is a crime where serious.',
  ),
  p(
    'public-security-2012-42',
    '《中华人民共和国治安管理处罚法》(2012年修正)',
    '第42条',
    NPC + '常务委员会',
    '2013-01-01',
    'P',
    `${LRB} 行政法/治安管理处罚法(2012-10-26).md`,
    '多次发送侮辱、恐吓或其他信息干扰他人正常生活等，处拘留或罚款（适用于2026年1月1日前的行为）。',
    'Repeatedly sending insulting or threatening messages that disturb normal life is punishable (conduct before 2026-01-01).',
  ),
  p(
    'public-security-2025-50',
    '《中华人民共和国治安管理处罚法》(2025年修订)',
    '第50条',
    NPC + '常务委员会',
    '2026-01-01',
    'S',
    'spp.gov.cn/spp/fl/202506/t20250627_699863.shtml and gov.cn promulgation page, as quoted by two verification logs',
    '多次发送侮辱、恐吓等信息或者采取滋扰、纠缠、跟踪等方法干扰他人正常生活的，处拘留或罚款；公安机关可责令其禁止接触被侵害人。',
    'Harassment, pestering or stalking that disturbs normal life is punishable; the police may order the person not to contact the victim.',
  ),
  pipl(
    '13',
    '处理个人信息须有合法依据，如为订立、履行个人作为一方的合同所必需；这不包括处理借款人通讯录中的他人信息。',
    "Processing needs a legal basis such as performing the person's own contract, which does not cover the borrower's contacts.",
  ),
  pipl(
    '23',
    '向其他处理者提供个人信息，应告知并取得单独同意。',
    'Passing personal data to another handler needs notice and separate consent.',
  ),
  pipl(
    '45',
    '个人有权向个人信息处理者查阅、复制其个人信息。',
    'A person may access and copy their personal information held by a handler.',
  ),
  pipl(
    '47',
    '个人有权请求个人信息处理者删除其个人信息。',
    'A person may ask a handler to delete their personal information.',
  ),
  pipl(
    '50',
    '个人信息处理者应当建立个人行使权利的申请受理和处理机制；拒绝个人请求的，个人可以依法向人民法院提起诉讼。',
    'A handler must run a channel for requests to exercise these rights; if it refuses, the person may sue.',
  ),
  pipl(
    '69',
    '处理个人信息侵害个人信息权益造成损害，处理者不能证明自己没有过错的，应承担损害赔偿等侵权责任。',
    'A handler who harms personal-information rights is liable unless it proves it was not at fault.',
  ),
  p(
    'gb-t-45251-2025',
    'GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》',
    null,
    '国家市场监督管理总局、国家标准化管理委员会',
    '2025-02-28',
    'S',
    'wenku.siduzixun.com/filedownload/601861.htm; yicai.com/brief/102508808.html; m.csai.cn/wenda/1022378.html',
    '除另有约定外，22:00至次日08:00不得催收；同一债务人每日接通电话合计不超过3次；只向债务人本人催收。',
    'Unless agreed, no collection 22:00–08:00; at most 3 connected calls a day; collect only from the debtor.',
  ),
  p(
    'nifa-collection-2024',
    '中国互联网金融协会《互联网金融贷后催收业务指引》',
    null,
    '中国互联网金融协会',
    '2024-05-15',
    'S',
    'yaliqi.com; laitimes.com (南方都市报 2024-05-15)',
    '除另有约定外，22:00至次日08:00不得催收；语音催收每日接通不超过3次。',
    'Unless agreed, no collection 22:00–08:00; at most 3 connected voice calls a day.',
  ),
  p(
    'cba-collection-2026',
    '中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》',
    null,
    '中国银行业协会',
    '2026-01-30',
    'S',
    '21世纪经济报道 2026-01-31; 中国证券报 2026-01-31 (reportify.cn)',
    '未经同意22:00至次日08:00不得催收；未接通时同一号码每日不超过6次；禁止向无关第三人催收。',
    'Without consent no collection 22:00–08:00; at most 6 attempts a day to one number; no collection from unrelated third parties.',
  ),
  p(
    'nifa-convention-2018',
    '《互联网金融逾期债务催收自律公约（试行）》',
    null,
    '中国互联网金融协会',
    null,
    'U',
    'fact base: full text and article numbers not found',
    '（待核实）禁止暴力、恐吓、侮辱，不得骚扰无关第三人。',
    '(Unverified) no violence, threats or insults; no harassment of unrelated third parties.',
  ),

  // 法律援助
  p(
    'legal-aid-22',
    '《中华人民共和国法律援助法》',
    '第22条',
    NPC + '常务委员会',
    '2022-01-01',
    'P',
    LRB,
    '法律援助包括法律咨询、代拟法律文书、民事诉讼代理等。',
    'Legal aid includes consultation, drafting legal documents and civil representation.',
  ),
  p(
    'legal-aid-31',
    '《中华人民共和国法律援助法》',
    '第31条',
    NPC + '常务委员会',
    '2022-01-01',
    'P',
    LRB,
    '经济困难可申请代理的民事事项列举中不含一般消费债务纠纷，是否提供取决于地方规定。',
    'The civil matters listed for representation do not include ordinary consumer debt; coverage depends on local rules.',
  ),
];

const BY_ID: ReadonlyMap<string, Provision> = new Map(PROVISIONS.map((x) => [x.id, x]));

/** The provision with this stable id, or undefined. */
export function findProvision(id: string): Provision | undefined {
  return BY_ID.get(id);
}

/** A short human citation: instrument + article, marked “（待核实）/(unverified)” when U. */
export function citeProvision(id: string, lang: 'zh' | 'en' = 'zh'): string {
  const x = BY_ID.get(id);
  assert(x, () => `unknown provision ${id}`);
  const base = `${x.instrument}${x.article ?? ''}`;
  if (x.certainty !== 'U') return base;
  return lang === 'zh' ? `${base}（待核实）` : `${base} (unverified)`;
}
