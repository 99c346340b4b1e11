// Shared pieces of the escalation-ladder letters (lender complaint, PBOC complaint, 12315,
// police report, PIPL request, follow-up, agreement confirmation): blanks for unknown values,
// contact channels in words, the incident table and the debt table with their sources, the
// 贵行/贵司 form of address, and the appendices (家庭收支情况表, 证据目录) added to a letter.
import { sumCents } from '../../core/money/index.js';
import { complaintChannelFor, type ChannelId } from '../channels.js';
import { factTable, heading, type Block, type Doc, type SourceRef } from '../model.js';
import type { Ctx } from './common.js';
import type { CaseInput, Contact, Debt } from './types.js';
import { assert } from '../../core/result.js';

/** What an unknown value prints as: a line to fill in by hand, never an id or ¥0.00. */
export const BLANK = '______';

export const or = (v: string | undefined | null): string =>
  v === undefined || v === null || v.trim() === '' ? BLANK : v;

/**
 * The record a case part rests on: its own `source`/`sources`/`id` when the loader set one, else
 * its place in the case (`input:<path>`), which is what a case read from a JSON file has.
 */
export function srcOf(x: object, fallback: string): SourceRef {
  const r = x as { source?: unknown; sources?: unknown; id?: unknown };
  if (typeof r.source === 'string' && r.source !== '') return r.source;
  if (Array.isArray(r.sources) && typeof r.sources[0] === 'string') return r.sources[0];
  if (typeof r.id === 'string' && r.id !== '') return r.id;
  return fallback;
}

export const debtSource = (d: Debt, i: number): SourceRef => srcOf(d, `input:debts[${i}]`);
export const contactSource = (x: Contact, i: number): SourceRef => srcOf(x, `input:contacts[${i}]`);

const CONTACT_CHANNEL: Record<string, { zh: string; en: string }> = {
  phone: { zh: '电话', en: 'phone' },
  'app-chat': { zh: 'App客服', en: 'in-app chat' },
  sms: { zh: '短信', en: 'SMS' },
  wechat: { zh: '微信', en: 'WeChat' },
  email: { zh: '电子邮件', en: 'email' },
  letter: { zh: '信函', en: 'letter' },
  visit: { zh: '上门', en: 'visit' },
};

/** A contact channel code in words ('phone' → 电话); unknown codes are shown as typed. */
export function contactChannelText(ctx: Ctx, code: string): string {
  const w = CONTACT_CHANNEL[code];
  return w === undefined ? code : ctx.t(w.zh, w.en);
}

/** How a letter addresses the lender: banks are 贵行, companies 贵司, a private lender 您. */
export function you(ctx: Ctx, c: CaseInput): string {
  switch (c.lender.type) {
    case 'bank':
      return ctx.t('贵行', 'you');
    case 'private':
      return ctx.t('您', 'you');
    case 'unknown':
      return ctx.t('贵方', 'you');
    default:
      return ctx.t('贵司', 'you');
  }
}

/** The regulator a complaint goes to: a 助贷 loan's lender of record decides it when recorded. */
export function regulatorFor(c: CaseInput): ChannelId {
  const hasLenderOfRecord = c.debts.some((d) => (d.lenderOfRecord ?? '') !== '');
  return complaintChannelFor(c.lender.type, { hasLenderOfRecord });
}

/** The debts with their 助贷 parties, one row per debt, each naming its record. */
export function debtRefsTable(ctx: Ctx, c: CaseInput): Block {
  const zhudai = c.debts.some((d) => d.lenderOfRecord || d.guarantor);
  const rows = c.debts.map((d, i) => ({
    cells: [
      or(d.ref),
      d.contractDate ? ctx.date(d.contractDate) : BLANK,
      ctx.money(d.outstanding),
      ...(zhudai ? [or(d.lenderOfRecord), or(d.guarantor)] : []),
    ],
    sources: [debtSource(d, i)],
  }));
  if (c.debts.length > 1)
    rows.push({
      cells: [
        ctx.t('合计', 'Total'),
        '',
        ctx.money(sumCents(c.debts.map((d) => d.outstanding))),
        ...(zhudai ? ['', ''] : []),
      ],
      sources: c.debts.map(debtSource),
    });
  return factTable(
    [
      ctx.t('合同编号/卡号', 'Contract / card'),
      ctx.t('借款日期', 'Date'),
      ctx.t('当前欠款', 'Outstanding'),
      ...(zhudai
        ? [ctx.t('资金方（放款机构）', 'Lender of record'), ctx.t('担保方', 'Guarantor')]
        : []),
    ],
    rows,
    [false, false, true, ...(zhudai ? [false, false] : [])],
    ctx.t('借款明细', 'The debts'),
  );
}

/** The logged contacts as an incident table: date, channel in words, staff, what happened. */
export function incidentTable(ctx: Ctx, contacts: readonly Contact[], caption?: string): Block {
  return factTable(
    [
      ctx.t('日期', 'Date'),
      ctx.t('方式', 'Channel'),
      ctx.t('人员/工号', 'Agent'),
      ctx.t('经过（本人记录）', 'What happened (my record)'),
    ],
    contacts.map((x, i) => ({
      cells: [ctx.date(x.on), contactChannelText(ctx, x.channel), or(x.agent), or(x.summary)],
      sources: [contactSource(x, i)],
    })),
    [false, false, false, false],
    caption,
  );
}

/** The records behind "the lender's name and the debts": the debts themselves. */
export function caseSources(c: CaseInput): SourceRef[] {
  return c.debts.map(debtSource);
}

/**
 * Adds the 家庭收支情况表 (saved budget) and the 证据目录 (vault exhibits) as appendix sections at
 * the end of the letter, before the closing notice, and lists them under 附件. A case without a
 * saved budget or exhibits gets no empty appendix.
 */
export function withAppendices(doc: Doc, c: CaseInput, ctx: Ctx): Doc {
  const sections: Appendix[] = [];
  if (c.budgetSheet !== undefined) sections.push(budgetAppendix(ctx, c.budgetSheet));
  const ex = c.exhibits ?? [];
  if (ex.length > 0)
    sections.push({
      title: ctx.t('证据目录', 'Index of evidence'),
      blocks: [
        factTable(
          [
            ctx.t('编号', 'No.'),
            ctx.t('证据', 'Exhibit'),
            ctx.t('SHA-256（前16位）', 'SHA-256 (first 16)'),
          ],
          ex.map((e, i) => ({
            cells: [e.no, e.title, e.sha256 ? e.sha256.slice(0, 16) : BLANK],
            sources: [srcOf(e, e.sha256 ? `evidence:${e.sha256}` : `input:exhibits[${i}]`)],
          })),
          [false, false, false],
        ),
      ],
    });
  if (sections.length === 0) return doc;
  const ordinal = ['一', '二', '三', '四'];
  const names = sections.map((x, i) =>
    ctx.t(`附件${ordinal[i]}：${x.title}（附后）`, `Appendix ${i + 1}: ${x.title} (below)`),
  );
  const blocks = [...doc.blocks];
  // the closing notice (disclaimer) stays last
  const tail = blocks.at(-1)?.kind === 'notice' ? [blocks.pop()!] : [];
  const at = blocks.findIndex((b) => b.kind === 'attachments');
  if (at >= 0) {
    const a = blocks[at];
    if (a?.kind === 'attachments') blocks[at] = { ...a, items: [...names, ...a.items] };
  } else blocks.push({ kind: 'attachments', title: ctx.t('附件：', 'Attachments:'), items: names });
  for (const [i, x] of sections.entries())
    blocks.push(
      heading(ctx.t(`附件${ordinal[i]}：${x.title}`, `Appendix ${i + 1}: ${x.title}`)),
      ...x.blocks,
    );
  return { ...doc, blocks: [...blocks, ...tail] };
}

type Appendix = { title: string; blocks: Block[] };

// 家庭收支情况表: the saved budget, line by line, which must reconcile to its capacity
function budgetAppendix(ctx: Ctx, s: NonNullable<CaseInput['budgetSheet']>): Appendix {
  const left = s.income - s.priority - s.fixed - s.flexible - s.buffer;
  assert(
    left === s.capacity,
    () => `the budget sheet does not reconcile (${left} ≠ ${s.capacity})`,
  );
  const src = [s.source];
  const row = (zh: string, en: string, v: string) => ({
    cells: [ctx.t(zh, en), v],
    sources: src,
  });
  return {
    title: ctx.t('家庭收支情况表', 'Household income and spending'),
    blocks: [
      factTable(
        [ctx.t('项目', 'Item'), ctx.t('每月金额', 'Monthly')],
        [
          row('家庭人口', 'Household size', ctx.t(`${s.householdSize}人`, String(s.householdSize))),
          row('家庭月收入合计', 'Monthly income', ctx.money(s.income)),
          ...s.priorityByCategory.map((p) =>
            row(`必要支出：${p.labelZh}`, `Essential: ${p.labelEn}`, ctx.money(p.monthly)),
          ),
          row('必要支出小计', 'Essential spending', ctx.money(s.priority)),
          row('其他固定支出', 'Other fixed costs', ctx.money(s.fixed)),
          row('弹性支出', 'Flexible spending', ctx.money(s.flexible)),
          row('应急备用金', 'Emergency buffer', ctx.money(s.buffer)),
          row(
            '可用于还款金额（收入 − 必要支出 − 其他固定支出 − 弹性支出 − 应急备用金）',
            'Available for creditors (income − essential − fixed − flexible − buffer)',
            ctx.money(s.capacity),
          ),
        ],
        [false, true],
        ctx.t(
          `按${ctx.date(s.effectiveOn)}保存的家庭预算`,
          `From the household budget saved on ${ctx.date(s.effectiveOn)}`,
        ),
      ),
    ],
  };
}
