// 法律援助 preparation sheet: what to bring and what to ask, with an honest note on scope.
import type { Block, Doc, Lang } from '../model.js';
import {
  checklist,
  factIndented,
  factTable,
  heading,
  indented,
  list,
  para,
  run,
  type SourceRef,
} from '../model.js';
import {
  applicantBlock,
  compact,
  type Ctx,
  debtTable,
  exhibitsBlock,
  finish,
  makeCtx,
  src,
  totalOutstanding,
} from './common.js';
import type { CaseInput } from './types.js';

export function buildLegalAid(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  return finish(
    ctx,
    ctx.t('法律援助咨询准备单', 'Legal Aid Preparation Sheet'),
    compact([
      para(
        run(ctx.t('去哪里：', 'Where: '), true),
        ctx.t(
          '拨打 12348 公共法律服务热线，或到当地法律援助中心、公共法律服务站。',
          'call the 12348 public legal-service hotline, or visit the local legal-aid centre.',
        ),
      ),
      indented(
        ctx.t(
          `免费法律咨询各地均可提供。是否能为债务纠纷提供免费代理，取决于当地规定：${ctx.cite('legal-aid-31')}列举的事项不包括普通消费债务，各省可以扩大范围，经济困难标准也由各省确定。`,
          `Free legal advice is available everywhere. Free representation in a debt case depends on local rules: ${ctx.cite('legal-aid-31')} does not list ordinary consumer debt, provinces may add to the list, and each province sets its own hardship threshold.`,
        ),
      ),
      heading(ctx.t('我的情况（一页概要）', 'My situation (one-page summary)')),
      applicantBlock(ctx, c),
      situation(ctx, c),
      debtTable(ctx, c),
      toBring(ctx),
      heading(ctx.t('想问的问题', 'Questions to ask')),
      list(
        [
          ctx.t(
            '我的借款利率是否超过法律保护的标准？超出部分如何主张？',
            'Is my loan priced above the legal line? How do I claim the excess?',
          ),
          ctx.t(
            '我能否申请法律援助代理？需要什么条件？',
            'Can I get legal-aid representation, and on what conditions?',
          ),
          ctx.t('对方起诉时我应该如何应诉？', 'How should I respond if the lender sues?'),
          ctx.t(
            '催收人员联系我的家人，我可以怎么办？',
            'What can I do about collectors contacting my family?',
          ),
        ],
        true,
      ),
      exhibitsBlock(ctx, c),
    ]),
    c,
  );
}

// the one-page summary: the household budget when there is one, else the total owed here
function situation(ctx: Ctx, c: CaseInput): Block {
  const b = c.budget;
  return b
    ? factTable(
        [ctx.t('项目', 'Item'), ctx.t('金额', 'Amount')],
        [
          [ctx.t('家庭人数', 'Household size'), String(b.householdSize), [src.budget(c)]],
          [ctx.t('月收入', 'Monthly income'), ctx.money(b.monthlyIncome), [src.budget(c)]],
          [
            ctx.t('必要支出（月）', 'Essential costs (month)'),
            ctx.money(b.priorityCosts),
            [src.budget(c)],
          ],
          [
            ctx.t('可用于还款（月）', 'Available for creditors (month)'),
            ctx.money(b.capacityForCreditors),
            [src.budget(c)],
          ],
          [ctx.t('债权人数量', 'Creditors'), String(b.creditorCount), src.household(c)],
          [ctx.t('债务合计', 'Total debt'), ctx.money(b.totalDebt), src.household(c)],
        ].map(([label, value, sources]) => ({
          cells: [label as string, value as string],
          sources: sources as SourceRef[],
        })),
        [false, true],
      )
    : factIndented(
        src.debts(c),
        ctx.t(
          `本笔欠款：${ctx.money(totalOutstanding(c))}`,
          `This debt: ${ctx.money(totalOutstanding(c))}`,
        ),
      );
}

// 需要携带的材料: the documents a legal-aid centre asks for
function toBring(ctx: Ctx): Block[] {
  return compact([
    heading(ctx.t('需要携带的材料', 'What to bring')),
    checklist([
      ctx.t('身份证原件及复印件', 'ID card and a copy'),
      ctx.t(
        '经济困难证明（或个人诚信承诺书、低保证等）',
        'proof of financial hardship (or a signed declaration, subsistence-allowance card)',
      ),
      ctx.t('借款合同、借款App截图', 'loan contracts and screenshots from the lending apps'),
      ctx.t('还款记录、银行流水', 'repayment records and bank statements'),
      ctx.t('催收短信、通话录音、聊天记录', 'collection SMS, call recordings, chat logs'),
      ctx.t('本人信用报告', 'my credit report'),
      ctx.t('法院传票、起诉状等（如有）', 'court summons or complaint (if any)'),
      ctx.t('本工具导出的证据包及清单', 'the evidence bundle and index exported by this tool'),
    ]),
  ]);
}
