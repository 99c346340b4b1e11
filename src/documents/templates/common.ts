// Shared wording and formatting for templates: language pick, dates, money, closings.
import { cents, formatMoney, sumCents, type Cents } from '../../core/money/index.js';
import { dayOf, monthOf, yearOf, type IsoDate } from '../../core/dates/index.js';
import { formatPercent, type RatePpm } from '../../core/rates/index.js';
import { createCiter, type Citer } from '../citations.js';
import {
  para,
  run,
  uniqueSources,
  type Block,
  type Doc,
  type Lang,
  type SourceRef,
} from '../model.js';
import type { CaseInput, Contact, Lender } from './types.js';
import { assert } from '../../core/result.js';
import { channelText } from './wording.js';

export { causeText, channelText, concessionText, relationText, strategyText } from './wording.js';

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

export function finish(ctx: Ctx, title: string, blocks: Block[], c?: CaseInput): Doc {
  const head = c?.ledgerHead;
  return {
    title,
    lang: ctx.lang,
    blocks: [...blocks, ...(head === undefined ? [] : [ledgerFooter(ctx, head)]), disclaimer(ctx)],
    citations: [...ctx.citer.ids],
  };
}

/** The footer naming the evidence ledger's head, so the letter can be tied to the evidence chain. */
export function ledgerFooter(ctx: Ctx, head: { seq: number; hash: string }): Block {
  return {
    kind: 'notice',
    text: ctx.t(
      `证据链：第${head.seq}条 / 哈希前缀${head.hash.slice(0, 8)}`,
      `Evidence chain: entry ${head.seq} / hash prefix ${head.hash.slice(0, 8)}`,
    ),
  };
}

// ---- sources: which record each stated fact rests on -------------------------------------

export const src = {
  borrower: (c: CaseInput): SourceRef => c.borrower.source ?? 'input:borrower',
  lender: (c: CaseInput): SourceRef => c.lender.source ?? 'input:lender',
  debt: (c: CaseInput, i: number): SourceRef => c.debts[i]?.source ?? `input:debts[${i}]`,
  debts: (c: CaseInput): SourceRef[] => c.debts.map((_, i) => src.debt(c, i)),
  plan: (c: CaseInput): SourceRef => c.plan?.source ?? 'input:plan',
  budget: (c: CaseInput): SourceRef => c.budget?.source ?? 'input:budget',
  /** the budget plus the case debts its creditor count and total come from */
  household: (c: CaseInput): SourceRef[] =>
    uniqueSources([src.budget(c), ...(c.budget?.debtSources ?? src.debts(c))]),
  hardship: (c: CaseInput): SourceRef => c.hardship?.source ?? 'input:hardship',
  contact: (c: CaseInput, x: Contact): SourceRef =>
    x.source ?? `input:contacts[${(c.contacts ?? []).indexOf(x)}]`,
  legality: (c: CaseInput, i: number): SourceRef =>
    c.legality?.[i]?.source ?? `input:legality[${i}]`,
};

// ---- addressing and blanks ----------------------------------------------------------------

/** Banks (and card issuers) are 贵行, every other lender 贵司. */
export function isBankLike(l: Lender): boolean {
  return l.type === 'bank' || l.isCreditCard;
}

/** 信用卡业务管理办法 applies only to bank-issued cards. */
export function isBankCard(l: Lender): boolean {
  return l.isCreditCard && l.type === 'bank';
}

/** Not yet due: not overdue and, when its final due date is known, before it (民法典第678条). */
export function notYetDue(d: CaseInput['debts'][number], asOf: IsoDate): boolean {
  return d.overdueDays === 0 && (d.dueOn === undefined || d.dueOn > asOf);
}

export function you(ctx: Ctx, l: Lender): string {
  return ctx.t(isBankLike(l) ? '贵行' : '贵司', 'you');
}

export const BLANK = '________';

/** The contract or card reference, or a blank to fill in by hand (never an internal id). */
export function refText(ctx: Ctx, ref: string, opts: { isCard: boolean }): string {
  if (ref.trim() !== '') return ref;
  return opts.isCard
    ? ctx.t(`卡号尾号${BLANK}`, `card ending ${BLANK}`)
    : ctx.t(`合同编号${BLANK}`, `contract no. ${BLANK}`);
}

export function debtRefs(ctx: Ctx, c: CaseInput): string {
  return c.debts
    .map((d) => refText(ctx, d.ref, { isCard: d.product === '信用卡' || c.lender.isCreditCard }))
    .join(ctx.t('、', ', '));
}

/** An amount, or a blank "¥________" when it is not known (never ¥0.00 for unknown). */
export function moneyOrBlank(ctx: Ctx, c: Cents | undefined): string {
  return c === undefined ? `¥${BLANK}` : ctx.money(c);
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
    sources: [l.source ?? 'input:lender'],
  };
}

/** The borrower's name, or a blank to fill in by hand. */
export function nameOf(c: CaseInput): string {
  return c.borrower.name.trim() === '' ? BLANK : c.borrower.name;
}

export function closing(ctx: Ctx, c: CaseInput, role?: { zh: string; en: string }): Block {
  const lines: [string, string][] = [
    [role ? ctx.t(role.zh, role.en) : ctx.t('申请人', 'Applicant'), nameOf(c)],
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
  const items = [ctx.t(`姓名：${nameOf(c)}`, `Name: ${nameOf(c)}`)];
  if (c.borrower.idNumber)
    items.push(ctx.t(`身份证号：${c.borrower.idNumber}`, `ID number: ${c.borrower.idNumber}`));
  if (c.borrower.phone)
    items.push(ctx.t(`联系电话：${c.borrower.phone}`, `Phone: ${c.borrower.phone}`));
  if (c.borrower.address)
    items.push(ctx.t(`联系地址：${c.borrower.address}`, `Address: ${c.borrower.address}`));
  return items.map((text) => ({ kind: 'paragraph', runs: [{ text }], sources: [src.borrower(c)] }));
}

/** The bold "事由：" line saying what the letter is about (sources when it states a fact). */
export function subjectLine(ctx: Ctx, subject: string, sources?: SourceRef[]): Block {
  const b = para(run(ctx.t('事由：', 'Re: '), true), subject);
  return sources === undefined ? b : ({ ...b, sources: uniqueSources(sources) } as Block);
}

/** The opening of a letter to the lender: salutation, the applicant's details, the subject line. */
export function letterHead(
  ctx: Ctx,
  c: CaseInput,
  subject: string,
  sources?: SourceRef[],
): Block[] {
  return [salutation(ctx, c.lender), ...applicantBlock(ctx, c), subjectLine(ctx, subject, sources)];
}

export function totalOutstanding(c: CaseInput): Cents {
  return sumCents(c.debts.map((d) => d.outstanding));
}

export function debtTable(ctx: Ctx, c: CaseInput): Block {
  const rows = c.debts.map((d) => [
    refText(ctx, d.ref, { isCard: d.product === '信用卡' || c.lender.isCreditCard }),
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
    rowSources: [...c.debts.map((_, i) => [src.debt(c, i)]), src.debts(c)],
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

/**
 * True when every installment but the last is the monthly amount and the installments add up to
 * the total: only then may a letter say "每月还款M，共N期".
 */
export function planIsUniform(p: NonNullable<CaseInput['plan']>): boolean {
  if (p.schedule !== undefined && p.schedule.length > 0) {
    const s = p.schedule;
    return (
      s.length === p.installments &&
      s.slice(0, -1).every((r) => r.amount === p.monthlyPayment) &&
      s.reduce((a, r) => a + r.amount, 0) === p.totalPaid
    );
  }
  const last = p.lastPayment ?? p.monthlyPayment;
  return p.monthlyPayment * (p.installments - 1) + last === p.totalPaid;
}

/** The plan table: one row per figure the lender needs to approve. */
export function planTable(ctx: Ctx, c: CaseInput): Block {
  const p = c.plan;
  assert(p, 'plan required');
  const uniform = planIsUniform(p);
  const rows: string[][] = [
    [ctx.t('当前欠款合计', 'Total outstanding'), ctx.money(totalOutstanding(c))],
    uniform
      ? [ctx.t('每期还款金额', 'Monthly payment'), ctx.money(p.monthlyPayment)]
      : [ctx.t('首期还款金额', 'First installment'), ctx.money(p.monthlyPayment)],
    [
      ctx.t('还款期数', 'Number of installments'),
      ctx.t(`${p.installments}期`, String(p.installments)),
    ],
    [ctx.t('首期还款日', 'First payment'), ctx.date(p.firstDueOn)],
    [ctx.t('末期还款日', 'Last payment'), ctx.date(p.endOn)],
  ];
  if (uniform && p.lastPayment !== undefined && p.lastPayment !== p.monthlyPayment)
    rows.push([ctx.t('末期还款金额', 'Last installment'), ctx.money(p.lastPayment)]);
  rows.push([ctx.t('还款总额', 'Total to be paid'), ctx.money(p.totalPaid)]);
  const remainder = totalOutstanding(c) - p.totalPaid;
  if (remainder > 0)
    rows.push([ctx.t('剩余待协商', 'Left to renegotiate'), ctx.money(cents(remainder))]);
  return {
    rowSources: rows.map((_, i) =>
      i === 0
        ? src.debts(c)
        : i === rows.length - 1 && remainder > 0
          ? [...src.debts(c), src.plan(c)]
          : [src.plan(c)],
    ),
    kind: 'table',
    caption: ctx.t('还款计划', 'Proposed plan'),
    header: [ctx.t('项目', 'Item'), ctx.t('金额/日期', 'Amount / date')],
    rows,
    numeric: [false, true],
  };
}

/**
 * The incident table: per contact the Beijing date and time, the channel in words, the number or
 * account used, agent and 工号, whom they contacted, what was said, and the evidence with its
 * SHA-256 prefix. Each row rests on its contact record.
 */
export function incidentTable(ctx: Ctx, c: CaseInput, contacts: Contact[]): Block {
  return {
    kind: 'table',
    header: [
      ctx.t('日期时间（北京时间）', 'Date and time (Beijing)'),
      ctx.t('方式', 'Channel'),
      ctx.t('对方号码/账号', 'Number / account used'),
      ctx.t('人员/工号', 'Agent / staff no.'),
      ctx.t('联系对象', 'Whom they contacted'),
      ctx.t('经过', 'What was said'),
      ctx.t('证据（SHA-256前缀）', 'Evidence (SHA-256 prefix)'),
    ],
    rows: contacts.map((x) => [
      `${ctx.date(x.on)}${x.time ? ` ${x.time}` : ''}`,
      channelText(ctx, x.channel),
      x.counterpart ?? BLANK,
      x.agent ?? BLANK,
      x.whom ?? (x.thirdParty ? ctx.t('第三人', 'a third party') : ctx.t('本人', 'me')),
      x.summary,
      (x.evidence ?? [])
        .map((e) => `${e.name}（${e.sha256.slice(0, 8)}）`)
        .join(ctx.t('；', '; ')) || ctx.t('无', 'none'),
    ]),
    numeric: [false, false, false, false, false, false, false],
    rowSources: contacts.map((x) => [src.contact(c, x)]),
  };
}

/** "一次" / "两次" / "多次" only as the record supports: never "多次" for fewer than two. */
export function timesText(ctx: Ctx, n: number): string {
  if (n === 1) return ctx.t('一次', 'once');
  if (n === 2) return ctx.t('两次', 'twice');
  return ctx.t(`多次（${n}次）`, `repeatedly (${n} times)`);
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
