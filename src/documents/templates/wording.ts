// Words for the codes a case carries (contact channel, relation, plan strategy, concession,
// hardship cause): codes never reach the page. Re-exported by common.ts.
import type { Ctx } from './common.js';
import type { Concession, HardshipCause, PlanStrategy } from './types.js';

const CHANNEL_NAMES: Record<string, [zh: string, en: string]> = {
  phone: ['电话', 'phone call'],
  'app-chat': ['App客服', 'in-app chat'],
  sms: ['短信', 'text message'],
  wechat: ['微信', 'WeChat'],
  email: ['邮件', 'email'],
  letter: ['信函', 'letter'],
  visit: ['上门/面谈', 'visit'],
};

/** A contact channel in the letter's language; codes never reach the page. */
export function channelText(ctx: Ctx, channel: string): string {
  const n = CHANNEL_NAMES[channel];
  return n === undefined ? channel : ctx.t(n[0], n[1]);
}

const RELATION_NAMES: Record<string, [zh: string, en: string]> = {
  family: ['家人', 'a family member'],
  spouse: ['配偶', 'my spouse'],
  employer: ['工作单位', 'my employer'],
  colleague: ['同事', 'a colleague'],
  'contacts-list': ['通讯录联系人', 'a phone contact'],
  friend: ['朋友', 'a friend'],
  other: ['其他第三人', 'another third party'],
};

export function relationText(ctx: Ctx, relation: string): string {
  const n = RELATION_NAMES[relation];
  return n === undefined ? relation : ctx.t(n[0], n[1]);
}

/** The plan's sharing rule, worded exactly as core/plan applies it. */
export function strategyText(ctx: Ctx, s: PlanStrategy): string {
  switch (s) {
    case 'pro-rata-balance':
      return ctx.t(
        '按各笔欠款余额比例分配；比例份额低于最低还款额的，按最低还款额，其余按比例分配给其他债权人',
        'shared in proportion to each balance; a debt whose proportional share is below its minimum payment gets that minimum, and the rest is shared in proportion among the others',
      );
    case 'pro-rata-contractual':
      return ctx.t(
        '按各笔借款原合同月供的比例分配',
        'shared in proportion to each debt’s contractual monthly payment',
      );
    case 'highest-cost-first':
      return ctx.t(
        '各笔先按最低还款额安排，余额优先用于综合成本最高的借款',
        'each debt gets its minimum first, and the rest goes to the most expensive debt first',
      );
    case 'custom':
      return ctx.t('由本人根据实际情况逐笔确定', 'set debt by debt by me');
    default: {
      const never: never = s;
      throw new Error(`unknown strategy ${String(never)}`);
    }
  }
}

export function concessionText(ctx: Ctx, k: Concession): string {
  switch (k) {
    case 'waive-penalty':
      return ctx.t('减免逾期罚息、违约金', 'waive the penalty interest and late fees');
    case 'freeze-interest':
      return ctx.t('分期期间停止计收利息', 'stop charging interest during the plan');
    case 'reduce-rate':
      return ctx.t(
        '将利率降至法律保护的范围以内',
        'reduce the rate to within the legally protected line',
      );
    case 'waive-fees':
      return ctx.t('减免各类服务费、担保费等费用', 'waive service, guarantee and similar fees');
    case 'extend-term':
      return ctx.t('延长还款期限', 'extend the repayment term');
    case 'stop-collection':
      return ctx.t('协议期间停止催收', 'stop collection while the plan is kept');
    default: {
      const never: never = k;
      throw new Error(`unknown concession ${String(never)}`);
    }
  }
}

export function causeText(ctx: Ctx, cause: HardshipCause): string {
  switch (cause) {
    case 'unemployment':
      return ctx.t('失业', 'loss of employment');
    case 'illness':
      return ctx.t('疾病', 'illness');
    case 'accident':
      return ctx.t('意外事故', 'an accident');
    case 'family-emergency':
      return ctx.t('家庭变故', 'a family emergency');
    case 'business-failure':
      return ctx.t('经营失败', 'the failure of my business');
    case 'other':
      return ctx.t('其他原因', 'other circumstances');
    default: {
      const never: never = cause;
      throw new Error(`unknown cause ${String(never)}`);
    }
  }
}
