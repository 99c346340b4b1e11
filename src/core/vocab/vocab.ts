// One home per word (issue 13): every closed list the user picks from or reads, with the value the
// store keeps and its Chinese and English label. Contracts (zod enums), store checks, CLI choices
// and web options are derived from these; nothing else spells a list out.

/** value, zh label, en label */
export type Term = readonly [value: string, zh: string, en: string];

export interface Vocab<V extends string> {
  /** the values in display order (a non-empty tuple, so z.enum accepts it) */
  readonly values: readonly [V, ...V[]];
  /** label of each value: [zh, en] */
  readonly labels: Readonly<Record<V, readonly [string, string]>>;
}

type ValuesOf<T extends readonly Term[]> = { readonly [K in keyof T]: T[K][0] };

/** Builds a Vocab from its terms; the values tuple keeps the literal types. */
export function defineVocab<const T extends readonly [Term, ...Term[]]>(
  terms: T,
): Vocab<T[number][0]> & { readonly values: ValuesOf<T> } {
  const values = terms.map((t) => t[0]) as unknown as ValuesOf<T> & readonly [T[number][0]];
  const labels = Object.fromEntries(terms.map(([v, zh, en]) => [v, [zh, en] as const])) as Record<
    T[number][0],
    readonly [string, string]
  >;
  return { values, labels };
}

/** The label of a value in a language; an unknown value is returned as is (never happens for parsed input). */
export function termLabel<V extends string>(v: Vocab<V>, value: string, lang: 'zh' | 'en'): string {
  const l = (v.labels as Readonly<Record<string, readonly [string, string]>>)[value];
  return l === undefined ? value : l[lang === 'zh' ? 0 : 1];
}

/** True when `value` is one of the vocab's values. */
export function isTerm<V extends string>(v: Vocab<V>, value: unknown): value is V {
  return typeof value === 'string' && (v.values as readonly string[]).includes(value);
}

/** "通话录音、截图、…" — the choices named in a message, in the user's language. */
export function listLabels<V extends string>(v: Vocab<V>, lang: 'zh' | 'en'): string {
  return v.values.map((x) => termLabel(v, x, lang)).join(lang === 'zh' ? '、' : ', ');
}

export const EVIDENCE_KIND = defineVocab([
  ['call-recording', '通话录音', 'Call recording'],
  ['screenshot', '截图', 'Screenshot'],
  ['chat-export', '短信/聊天记录', 'SMS/chat export'],
  ['email', '电子邮件', 'Email'],
  ['contract', '合同', 'Contract'],
  ['signed-agreement', '已签署的协议', 'Signed agreement'],
  ['hardship-proof', '困难证明', 'Hardship proof'],
  ['receipt', '还款凭证', 'Receipt'],
  ['other', '其他', 'Other'],
]);

export const CONTACT_CHANNEL = defineVocab([
  ['phone', '电话', 'Phone'],
  ['app-chat', 'App 在线客服', 'App chat'],
  ['sms', '短信', 'SMS'],
  ['wechat', '微信', 'WeChat'],
  ['email', '电子邮件', 'Email'],
  ['letter', '信件', 'Letter'],
  ['visit', '上门', 'Visit'],
]);

/** inbound: the lender (or its agency) contacted the borrower; outbound: the borrower reached out. */
export const CONTACT_DIRECTION = defineVocab([
  ['inbound', '对方打来/发来', 'They contacted me'],
  ['outbound', '我联系对方', 'I contacted them'],
]);

export const THIRD_PARTY_RELATION = defineVocab([
  ['family', '家人', 'Family'],
  ['spouse', '配偶', 'Spouse'],
  ['employer', '工作单位', 'Employer'],
  ['colleague', '同事', 'Colleague'],
  ['contacts-list', '通讯录里的人', 'Contacts list'],
  ['friend', '朋友', 'Friend'],
  ['other', '其他人', 'Someone else'],
]);

export const LENDER_TYPE = defineVocab([
  ['bank', '银行（含信用卡）', 'Bank (incl. credit cards)'],
  ['consumer-finance', '消费金融公司', 'Consumer-finance company'],
  ['small-loan', '小额贷款公司 / 网络小贷', 'Small-loan company'],
  ['guarantee-platform', '担保增信的助贷平台', 'Guarantee-backed platform'],
  ['private', '个人（民间借贷）', 'Private person'],
  ['unknown', '不清楚', 'Not sure'],
]);

/** What a plan asks each lender for (core/plan). */
export const PLAN_CONCESSION = defineVocab([
  ['none', '不要求减免', 'No concession'],
  ['waive-penalty', '减免罚息和违约金', 'Waive penalties'],
  ['freeze-interest', '停息挂账（停止计息）', 'Freeze interest'],
  ['reduce-rate', '利率降到法律保护线', 'Reduce rate to the legal line'],
  ['extend-term', '延长期限', 'Extend the term'],
]);

export const HARDSHIP_CAUSE = defineVocab([
  ['unemployment', '失业', 'Unemployment'],
  ['illness', '疾病', 'Illness'],
  ['accident', '意外事故', 'Accident'],
  ['family-emergency', '家庭变故', 'Family emergency'],
  ['business-failure', '经营失败', 'Business failure'],
  ['other', '其他原因', 'Other'],
]);

export const PLAN_STRATEGY = defineVocab([
  ['pro-rata-balance', '按欠款比例分配（推荐，最公平）', 'Pro rata by balance (fair default)'],
  ['pro-rata-contractual', '按原合同月供比例', 'Pro rata by contractual payment'],
  ['highest-cost-first', '先还成本最高的', 'Highest cost first'],
]);

export const DEBT_METHOD = defineVocab([
  ['equal-installment', '等额本息', 'Equal installments'],
  ['equal-principal', '等额本金', 'Equal principal'],
  ['interest-only', '先息后本', 'Interest only, then principal'],
  ['bullet', '一次性还本付息', 'Bullet'],
  ['flat-fee', '等本等息（每期手续费）', 'Flat fee per period'],
  ['frozen-interest', '停息挂账', 'Interest frozen'],
  ['custom', '不规则', 'Irregular'],
]);

/** Where a negotiation with one lender stands (derived for 本月要还, one per lender). */
export const LENDER_STANDING = defineVocab([
  ['not-contacted', '未联系', 'Not contacted'],
  ['negotiating', '协商中', 'Negotiating'],
  ['agreed', '已达成', 'Agreed'],
  ['complaining', '投诉中', 'Complaint open'],
  ['settled', '已结清', 'Settled'],
]);

/** Every vocab, to name an enum value in a message whatever list it came from. */
export const ALL_VOCABS: readonly Vocab<string>[] = [
  EVIDENCE_KIND,
  CONTACT_CHANNEL,
  CONTACT_DIRECTION,
  THIRD_PARTY_RELATION,
  LENDER_TYPE,
  PLAN_CONCESSION,
  HARDSHIP_CAUSE,
  PLAN_STRATEGY,
  DEBT_METHOD,
  LENDER_STANDING,
];

/**
 * The labels of a list of allowed values ("通话录音、截图…") when one vocab holds them all, so a
 * message about a wrong choice can name the right ones; undefined otherwise.
 */
export function labelsOfValues(values: readonly unknown[], lang: 'zh' | 'en'): string | undefined {
  const v = ALL_VOCABS.find((x) => values.length > 0 && values.every((y) => isTerm(x, y)));
  if (v === undefined) return undefined;
  return values.map((y) => termLabel(v, String(y), lang)).join(lang === 'zh' ? '、' : ', ');
}
