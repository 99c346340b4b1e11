// 困难情况说明: the hardship statement (cause, dates, what changed, proof list).
import { subCents } from '../../core/money/index.js';
import type { Doc, Lang } from '../model.js';
import { factIndented, factTable, heading, indented, para, run } from '../model.js';
import {
  applicantBlock,
  causeText,
  closing,
  compact,
  type Ctx,
  exhibitsBlock,
  finish,
  makeCtx,
  salutation,
  src,
  totalOutstanding,
  you,
} from './common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function buildHardship(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const h = c.hardship;
  assert(h, 'the hardship statement needs hardship facts');
  const hs = [src.hardship(c)];
  const incomeRows = financeRows(ctx, c);
  return finish(
    ctx,
    ctx.t('困难情况说明', 'Statement of Financial Hardship'),
    compact([
      salutation(ctx, c.lender),
      applicantBlock(ctx, c),
      heading(ctx.t('一、困难原因及发生时间', '1. What happened and when')),
      factIndented(
        hs,
        ctx.t(
          `本人自${ctx.date(h.since)}起因${causeText(ctx, h.cause)}陷入经济困难。`,
          `Since ${ctx.date(h.since)} I have been in financial difficulty because of ${causeText(ctx, h.cause)}.`,
        ),
        h.description,
      ),
      heading(ctx.t('二、收支变化', '2. How my finances changed')),
      incomeRows.length > 0 &&
        factTable([ctx.t('项目', 'Item'), ctx.t('金额', 'Amount')], incomeRows, [false, true]),
      factIndented(
        src.debts(c),
        ctx.t(
          `目前本人在${you(ctx, c.lender)}的欠款合计${ctx.money(totalOutstanding(c))}。在保障家庭基本生活的前提下，本人已无法按原合同足额还款。`,
          `I now owe you ${ctx.money(totalOutstanding(c))} in total. After keeping my household's basic living costs, I cannot pay the contractual installments in full.`,
        ),
      ),
      h.outlook !== undefined && heading(ctx.t('三、今后打算', '3. What I expect')),
      h.outlook !== undefined && factIndented(hs, h.outlook),
      heading(
        ctx.t(
          h.outlook !== undefined ? '四、证明材料' : '三、证明材料',
          h.outlook !== undefined ? '4. Proof' : '3. Proof',
        ),
      ),
      indented(
        ctx.t(
          `以上情况属实${h.proofs.length > 0 || (c.exhibits ?? []).length > 0 ? '，相关证明材料附后' : ''}。本人愿意配合${you(ctx, c.lender)}核实。`,
          `The above is true${h.proofs.length > 0 || (c.exhibits ?? []).length > 0 ? '; the proof is attached' : ''} and I will help you verify it.`,
        ),
      ),
      para(
        run(ctx.t('本人保证：', 'I declare: '), true),
        ctx.t(
          '本说明所述内容真实，如有不实，愿意承担相应责任。',
          'this statement is true to the best of my knowledge.',
        ),
      ),
      closing(ctx, c, { zh: '说明人', en: 'Declarant' }),
      exhibitsBlock(ctx, c, h.proofs),
    ]),
    c,
  );
}

// 二、收支变化: the income drop from the hardship facts, then the household budget.
function financeRows(ctx: Ctx, c: CaseInput): { cells: string[]; sources: string[] }[] {
  const h = c.hardship;
  assert(h, 'the hardship statement needs hardship facts');
  const b = c.budget;
  const hs = [src.hardship(c)];
  const bs = [src.budget(c)];
  const rows: { cells: string[]; sources: string[] }[] = [];
  const push = (cells: string[], sources: string[]) => rows.push({ cells, sources });
  if (h.incomeBefore !== undefined)
    push([ctx.t('困难发生前月收入', 'Monthly income before'), ctx.money(h.incomeBefore)], hs);
  if (h.incomeAfter !== undefined)
    push([ctx.t('目前月收入', 'Monthly income now'), ctx.money(h.incomeAfter)], hs);
  if (h.incomeBefore !== undefined && h.incomeAfter !== undefined)
    push(
      [ctx.t('每月减少', 'Monthly drop'), ctx.money(subCents(h.incomeBefore, h.incomeAfter))],
      hs,
    );
  if (b) {
    push([ctx.t('家庭月收入', 'Household income (month)'), ctx.money(b.monthlyIncome)], bs);
    push(
      [
        ctx.t('家庭必要支出（月）', 'Essential household costs (month)'),
        ctx.money(b.priorityCosts),
      ],
      bs,
    );
    push([ctx.t('其他支出（月）', 'Other costs (month)'), ctx.money(b.otherCosts)], bs);
    if (b.emergencyBuffer !== undefined)
      push(
        [ctx.t('应急储备（月）', 'Emergency reserve (month)'), ctx.money(b.emergencyBuffer)],
        bs,
      );
    push(
      [
        ctx.t('可用于还款（月）', 'Available for creditors (month)'),
        ctx.money(b.capacityForCreditors),
      ],
      bs,
    );
    push([ctx.t('全部债务合计', 'All debts'), ctx.money(b.totalDebt)], src.household(c));
  }
  return rows;
}
