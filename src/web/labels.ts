// Display names for codes (zh, en).
export const LENDER_TYPE_LABELS: Record<string, [string, string]> = {
  bank: ['银行（含信用卡）', 'Bank (incl. credit cards)'],
  'consumer-finance': ['消费金融公司', 'Consumer-finance company'],
  'small-loan': ['小额贷款公司 / 网络小贷', 'Small-loan company'],
  'guarantee-platform': ['担保增信的助贷平台', 'Guarantee-backed platform'],
  private: ['个人（民间借贷）', 'Private person'],
  unknown: ['不清楚', 'Not sure'],
};

export const METHOD_LABELS: Record<string, [string, string]> = {
  'equal-installment': ['等额本息', 'Equal installments'],
  'equal-principal': ['等额本金', 'Equal principal'],
  'interest-only': ['先息后本', 'Interest only, then principal'],
  bullet: ['一次性还本付息', 'Bullet'],
  'flat-fee': ['等本等息（每期手续费）', 'Flat fee per period'],
  'frozen-interest': ['停息挂账', 'Interest frozen'],
  custom: ['不规则', 'Irregular'],
};

export const STRATEGY_LABELS: Record<string, [string, string]> = {
  'pro-rata-balance': ['按欠款比例分配（推荐，最公平）', 'Pro rata by balance (fair default)'],
  'pro-rata-contractual': ['按原合同月供比例', 'Pro rata by contractual payment'],
  'highest-cost-first': ['先还成本最高的', 'Highest cost first'],
};

export const CONCESSION_LABELS: Record<string, [string, string]> = {
  none: ['不要求减免', 'No concession'],
  'waive-penalty': ['减免罚息和违约金', 'Waive penalties'],
  'freeze-interest': ['停息挂账（停止计息）', 'Freeze interest'],
  'reduce-rate': ['利率降到法律保护线', 'Reduce rate to the legal line'],
  'extend-term': ['延长期限', 'Extend the term'],
};

export const RELATION_LABELS: Record<string, [string, string]> = {
  family: ['家人', 'Family'],
  spouse: ['配偶', 'Spouse'],
  employer: ['工作单位', 'Employer'],
  colleague: ['同事', 'Colleague'],
  'contacts-list': ['通讯录里的人', 'Contacts list'],
  friend: ['朋友', 'Friend'],
  other: ['其他人', 'Someone else'],
};

export const CHANNEL_LABELS: Record<string, [string, string]> = {
  phone: ['电话', 'Phone'],
  'app-chat': ['App 在线客服', 'App chat'],
  sms: ['短信', 'SMS'],
  wechat: ['微信', 'WeChat'],
  email: ['电子邮件', 'Email'],
  letter: ['信件', 'Letter'],
  visit: ['上门', 'Visit'],
};

export const EVIDENCE_LABELS: Record<string, [string, string]> = {
  'call-recording': ['通话录音', 'Call recording'],
  screenshot: ['截图', 'Screenshot'],
  'sms-export': ['短信/聊天记录', 'SMS/chat export'],
  email: ['邮件', 'Email'],
  contract: ['合同', 'Contract'],
  'signed-agreement': ['已签协议', 'Signed agreement'],
  'hardship-proof': ['困难证明', 'Hardship proof'],
  receipt: ['还款凭证', 'Receipt'],
  other: ['其他', 'Other'],
};

export const BUDGET_GROUP_LABELS: Record<string, [string, string]> = {
  income: ['收入', 'Income'],
  priority: ['必要支出（排在所有债主前面）', 'Priority costs (before any lender)'],
  fixed: ['其他固定支出', 'Other fixed costs'],
  flexible: ['可调整支出', 'Flexible costs'],
};

export const CATEGORY_LABELS: Record<string, [string, string]> = {
  income: ['收入', 'Income'],
  housing: ['住房（房租/房贷/物业）', 'Housing'],
  utilities: ['水电燃气', 'Utilities'],
  food: ['吃饭', 'Food'],
  transport: ['上班交通', 'Transport to work'],
  children: ['孩子', 'Children'],
  medical: ['看病吃药', 'Medical'],
  insurance: ['保险', 'Insurance'],
  phone: ['电话网络', 'Phone & internet'],
  education: ['教育', 'Education'],
  support: ['赡养家人', 'Support for family'],
  'other-fixed': ['其他固定', 'Other fixed'],
  clothing: ['衣服', 'Clothing'],
  personal: ['日用', 'Personal'],
  leisure: ['娱乐', 'Leisure'],
  gifts: ['人情往来', 'Gifts'],
  'other-flexible': ['其他', 'Other'],
};

export function label(
  map: Record<string, [string, string]>,
  key: string,
  lang: 'zh' | 'en',
): string {
  const l = map[key];
  return l ? l[lang === 'zh' ? 0 : 1] : key;
}
