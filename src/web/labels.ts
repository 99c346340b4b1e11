// Display names for codes (zh, en). Closed lists take their labels from core/vocab (one home per
// word); only web-only groupings are spelled out here.
import {
  CONTACT_CHANNEL,
  CONTACT_DIRECTION,
  DEBT_METHOD,
  EVIDENCE_KIND,
  HARDSHIP_CAUSE,
  LENDER_TYPE,
  PLAN_CONCESSION,
  PLAN_STRATEGY,
  THIRD_PARTY_RELATION,
} from '../core/vocab/vocab.js';

type Labels = Readonly<Record<string, readonly [string, string]>>;

export const DIRECTION_LABELS: Labels = CONTACT_DIRECTION.labels;
export const HARDSHIP_LABELS: Labels = HARDSHIP_CAUSE.labels;
export const LENDER_TYPE_LABELS: Labels = LENDER_TYPE.labels;

export const METHOD_LABELS: Labels = DEBT_METHOD.labels;

export const STRATEGY_LABELS: Labels = PLAN_STRATEGY.labels;

export const CONCESSION_LABELS: Labels = PLAN_CONCESSION.labels;

export const RELATION_LABELS: Labels = THIRD_PARTY_RELATION.labels;

export const CHANNEL_LABELS: Labels = CONTACT_CHANNEL.labels;

export const EVIDENCE_LABELS: Labels = EVIDENCE_KIND.labels;

export const BUDGET_GROUP_LABELS: Labels = {
  income: ['收入', 'Income'],
  priority: ['必要支出（排在所有债主前面）', 'Priority costs (before any lender)'],
  fixed: ['其他固定支出', 'Other fixed costs'],
  flexible: ['可调整支出', 'Flexible costs'],
};

export const CATEGORY_LABELS: Labels = {
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

export function label(map: Labels, key: string, lang: 'zh' | 'en'): string {
  const l = map[key];
  return l ? l[lang === 'zh' ? 0 : 1] : key;
}
