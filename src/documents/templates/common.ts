// Shared wording and formatting for templates: language pick, dates, money, closings.
import { cents, formatMoney, sumCents, type Cents } from '../../core/money/index.js';
import { dayOf, monthOf, yearOf, type IsoDate } from '../../core/dates/index.js';
import { formatPercent, type RatePpm } from '../../core/rates/index.js';
import { createCiter, type Citer } from '../citations.js';
import { para, run, type Block, type Doc, type Lang } from '../model.js';
import type { CaseInput, Concession, HardshipCause, Lender } from './types.js';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2026年11月29日' in zh, '29 November 2026' in en. */
export function formatDateFor(d: IsoDate, lang: Lang): string {
  return lang === 'zh'
    ? `${yearOf(d)}年${monthOf(d)}月${dayOf(d)}日`
    : `${dayOf(d)} ${MONTHS_EN[monthOf(d) - 1]} ${yearOf(d)}`;
}

export interface Ctx {
  lang: Lang;
  t(zh: string, en: string): string;
  date(d: IsoDate): string;
  money(c: Cents): string;
  pct(r: RatePpm): string;
  citer: Citer;
  cite(id: string): string;
}

export function makeCtx(lang: Lang): Ctx {
  const citer = createCiter(lang);
  return {
    lang,
    t: (zh, en) => (lang === 'zh' ? zh : en),
    date: (d) => formatDateFor(d, lang),
    money: (c) => formatMoney(c),
    pct: (r) => formatPercent(r, 2),
    citer,
    cite: (id) => citer.cite(id),
  };
}

export function finish(ctx: Ctx, title: string, blocks: Block[]): Doc {
  return {
    title,
    lang: ctx.lang,
    blocks: [...blocks, disclaimer(ctx)],
    citations: [...ctx.citer.ids],
  };
}

export function disclaimer(ctx: Ctx): Block {
  return {
    kind: 'notice',
    text: ctx.t(
      '本文件由借款人本人借助“协商”工具自行整理，仅供协商沟通使用，不构成法律意见；如需法律意见，请咨询律师或拨打 12348。',
      'This document was prepared by the borrower with the Xieshang tool for negotiation only. It is not legal advice; for legal advice consult a lawyer or call 12348.',
    ),
  };
}

export function lenderLabel(l: Lender, lang: Lang): string {
  if (!l.brand) return l.name;
  return lang === 'zh' ? `${l.name}（${l.brand}）` : `${l.name} (${l.brand})`;
}

export function salutation(ctx: Ctx, l: Lender): Block {
  return {
    kind: 'paragraph',
    runs: [{ text: ctx.t(`${l.name}：`, `To: ${l.name}`) }],
  };
}

export function closing(ctx: Ctx, c: CaseInput, role?: { zh: string; en: string }): Block {
  const lines: [string, string][] = [
    [role ? ctx.t(role.zh, role.en) : ctx.t('申请人', 'Applicant'), c.borrower.name],
  ];
  if (c.borrower.phone) lines.push([ctx.t('联系电话', 'Phone'), c.borrower.phone]);
  lines.push([ctx.t('日期', 'Date'), ctx.date(c.asOf)]);
  return {
    kind: 'signature',
    closing: ctx.lang === 'zh' ? ['此致', '敬礼！'] : ['Yours faithfully,'],
    lines,
  };
}

export function applicantBlock(ctx: Ctx, c: CaseInput): Block[] {
  const items = [ctx.t(`姓名：${c.borrower.name}`, `Name: ${c.borrower.name}`)];
  if (c.borrower.idNumber)
    items.push(ctx.t(`身份证号：${c.borrower.idNumber}`, `ID number: ${c.borrower.idNumber}`));
  if (c.borrower.phone)
    items.push(ctx.t(`联系电话：${c.borrower.phone}`, `Phone: ${c.borrower.phone}`));
  if (c.borrower.address)
    items.push(ctx.t(`联系地址：${c.borrower.address}`, `Address: ${c.borrower.address}`));
  return items.map((text) => ({ kind: 'paragraph', runs: [{ text }] }));
}

/** The bold "事由：" line saying what the letter is about. */
export function subjectLine(ctx: Ctx, subject: string): Block {
  return para(run(ctx.t('事由：', 'Re: '), true), subject);
}

/** The opening of a letter to the lender: salutation, the applicant's details, the subject line. */
export function letterHead(ctx: Ctx, c: CaseInput, subject: string): Block[] {
  return [salutation(ctx, c.lender), ...applicantBlock(ctx, c), subjectLine(ctx, subject)];
}

export function totalOutstanding(c: CaseInput): Cents {
  return sumCents(c.debts.map((d) => d.outstanding));
}

export function debtTable(ctx: Ctx, c: CaseInput): Block {
  const rows = c.debts.map((d) => [
    d.ref,
    d.product ?? '',
    d.contractDate ? ctx.date(d.contractDate) : '',
    ctx.money(d.principal),
    ctx.money(d.outstanding),
    String(d.overdueDays),
  ]);
  rows.push([
    ctx.t('合计', 'Total'),
    '',
    '',
    ctx.money(sumCents(c.debts.map((d) => d.principal))),
    ctx.money(totalOutstanding(c)),
    '',
  ]);
  return {
    kind: 'table',
    caption: ctx.t('借款明细', 'The debts'),
    header: [
      ctx.t('合同编号/卡号', 'Contract / card'),
      ctx.t('产品', 'Product'),
      ctx.t('借款日期', 'Date'),
      ctx.t('借款本金', 'Principal'),
      ctx.t('当前欠款', 'Outstanding'),
      ctx.t('逾期天数', 'Days overdue'),
    ],
    rows,
    numeric: [false, false, false, true, true, true],
  };
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

/** The plan table: one row per figure the lender needs to approve. */
export function planTable(ctx: Ctx, c: CaseInput): Block {
  const p = c.plan;
  if (!p) throw new Error('assertion failed: plan required');
  const rows: string[][] = [
    [ctx.t('当前欠款合计', 'Total outstanding'), ctx.money(totalOutstanding(c))],
    [ctx.t('每期还款金额', 'Monthly payment'), ctx.money(p.monthlyPayment)],
    [
      ctx.t('还款期数', 'Number of installments'),
      ctx.t(`${p.installments}期`, String(p.installments)),
    ],
    [ctx.t('首期还款日', 'First payment'), ctx.date(p.firstDueOn)],
    [ctx.t('末期还款日', 'Last payment'), ctx.date(p.endOn)],
  ];
  if (p.lastPayment !== undefined && p.lastPayment !== p.monthlyPayment)
    rows.push([ctx.t('末期还款金额', 'Last installment'), ctx.money(p.lastPayment)]);
  rows.push([ctx.t('还款总额', 'Total to be paid'), ctx.money(p.totalPaid)]);
  const remainder = totalOutstanding(c) - p.totalPaid;
  if (remainder > 0)
    rows.push([ctx.t('剩余待协商', 'Left to renegotiate'), ctx.money(cents(remainder))]);
  return {
    kind: 'table',
    caption: ctx.t('还款计划', 'Proposed plan'),
    header: [ctx.t('项目', 'Item'), ctx.t('金额/日期', 'Amount / date')],
    rows,
    numeric: [false, true],
  };
}

export function exhibitsBlock(ctx: Ctx, c: CaseInput, extra: string[] = []): Block | undefined {
  const items = [
    ...(c.exhibits ?? []).map((e) =>
      e.sha256
        ? ctx.t(
            `${e.no} ${e.title}（SHA-256 ${e.sha256.slice(0, 16)}…）`,
            `${e.no} ${e.title} (SHA-256 ${e.sha256.slice(0, 16)}…)`,
          )
        : `${e.no} ${e.title}`,
    ),
    ...extra,
  ];
  if (items.length === 0) return undefined;
  return { kind: 'attachments', title: ctx.t('附件：', 'Attachments:'), items };
}

export function compact(blocks: (Block | Block[] | undefined | false)[]): Block[] {
  return blocks.flat().filter((b): b is Block => b !== undefined && b !== false);
}
