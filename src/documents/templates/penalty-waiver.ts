// 减免罚息/停息申请: asks to waive penalty interest and fees, and to freeze interest.
import { sumCents, type Cents } from '../../core/money/index.js';
import type { Block, Doc, Lang } from '../model.js';
import { factIndented, factList, heading, indented, list } from '../model.js';
import {
  causeText,
  closing,
  compact,
  type Ctx,
  debtTable,
  exhibitsBlock,
  finish,
  isBankCard,
  letterHead,
  makeCtx,
  moneyOrBlank,
  src,
  you,
} from './common.js';
import type { CaseInput } from './types.js';

export function buildPenaltyWaiver(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const h = c.hardship;
  const y = you(ctx, c.lender);
  const penaltyKnown = c.debts.some((d) => d.penalty > 0);
  // ¥0.00 would tell the lender there is nothing to waive: unknown penalties are a blank
  const penalty = penaltyKnown ? sumCents(c.debts.map((d) => d.penalty)) : undefined;
  return finish(
    ctx,
    ctx.t('减免罚息及停息申请', 'Request to Waive Penalty Interest and Freeze Interest'),
    compact([
      letterHead(
        ctx,
        c,
        ctx.t(
          '申请减免逾期罚息、违约金并在分期期间停止计息',
          'waiver of penalty interest and late fees, and an interest freeze during repayment',
        ),
      ),
      debtTable(ctx, c),
      factIndented(
        [...src.debts(c), ...(h ? [src.hardship(c)] : [])],
        penalty !== undefined
          ? ctx.t(
              `截至${ctx.date(c.asOf)}，上述借款已产生罚息、违约金等合计${ctx.money(penalty)}。`,
              `As of ${ctx.date(c.asOf)}, penalty interest and late fees on these debts total ${ctx.money(penalty)}.`,
            )
          : ctx.t(
              `截至${ctx.date(c.asOf)}，上述借款已产生的罚息、违约金合计¥________（以${y}账单为准）。`,
              `As of ${ctx.date(c.asOf)}, penalty interest and late fees on these debts total ¥________ (per your statement).`,
            ),
        h
          ? ctx.t(
              `本人自${ctx.date(h.since)}起因${causeText(ctx, h.cause)}无力按期还款，逾期并非恶意。`,
              ` I fell behind because of ${causeText(ctx, h.cause)} from ${ctx.date(h.since)}; the default was not wilful.`,
            )
          : ctx.t('本人逾期并非恶意。', ' The default was not wilful.'),
      ),
      requests(ctx, c, penalty),
      grounds(ctx, c),
      indented(
        ctx.t(
          `停止计息属于${y}可以酌情给予的优惠，并非本人主张的法定权利；恳请${y}考虑本人实际困难予以支持。本人愿意在减免后按约还清本金。`,
          'An interest freeze is a concession you may grant, not a right I claim; I ask you to grant it in view of my situation. After the waiver I will repay the principal as agreed.',
        ),
      ),
      closing(ctx, c),
      exhibitsBlock(ctx, c, h?.proofs ?? []),
    ]),
    c,
  );
}

// 一、请求事项: waive the penalties so far, stop penalty interest, freeze interest (a concession)
function requests(ctx: Ctx, c: CaseInput, penalty: Cents | undefined): Block[] {
  const y = you(ctx, c.lender);
  return compact([
    heading(ctx.t('一、请求事项', '1. What I ask')),
    factList(
      [
        {
          parts: [
            ctx.t(
              `减免已产生的罚息、违约金${moneyOrBlank(ctx, penalty)}`,
              `waive the ${moneyOrBlank(ctx, penalty)} of penalty interest and late fees`,
            ),
          ],
          sources: src.debts(c),
        },
        {
          parts: [
            ctx.t(
              '自本申请之日起停止计收罚息及复利',
              'stop penalty and compound interest from the date of this request',
            ),
          ],
          sources: [],
        },
        {
          parts: [
            ctx.t(
              `在分期还款期间停止计收利息（请${y}酌情考虑）`,
              'freeze interest during the installment plan (at your discretion)',
            ),
          ],
          sources: [],
        },
      ],
      true,
    ),
  ]);
}

// 二、理由: 第585条 and its 30% line, then the rule for this lender's kind of debt
function grounds(ctx: Ctx, c: CaseInput): Block[] {
  return compact([
    heading(ctx.t('二、理由', '2. Grounds')),
    list(
      [
        ctx.t(
          `${ctx.cite('civil-code-585')}规定，约定的违约金过分高于造成的损失的，可以请求予以适当减少。`,
          `${ctx.cite('civil-code-585')}: liquidated damages excessively higher than the loss may be reduced on request.`,
        ),
        ctx.t(
          `${ctx.cite('contract-general-65')}明确，违约金超过造成损失30%的，一般可以认定为过分高于损失。`,
          `${ctx.cite('contract-general-65')}: a penalty more than 30% above the loss is generally excessive.`,
        ),
        isBankCard(c.lender)
          ? ctx.t(
              `${ctx.cite('bank-card-2')}规定，持卡人主张透支利息、复利、违约金等总额过高的，人民法院可以综合考虑后予以调减。`,
              `${ctx.cite('bank-card-2')}: courts may reduce card interest, compound interest and penalties that are too high in total.`,
            )
          : c.lender.type === 'private'
            ? ctx.t(
                `${ctx.cite('private-lending-29')}规定，逾期利息、违约金和其他费用总计超过合同成立时一年期贷款市场报价利率四倍的部分，人民法院不予支持。`,
                `${ctx.cite('private-lending-29')}: overdue interest, penalties and other fees above four times the one-year LPR at the contract date are not supported in total.`,
              )
            : ctx.t(
                `${ctx.cite('fafa-2017-22-item2')}指出，金融借款中利息、复利、罚息、违约金和其他费用总计超过年利率24%的部分，借款人可请求调减。`,
                `${ctx.cite('fafa-2017-22-item2')}: in financial-loan cases the borrower may ask to cut charges that together exceed 24% a year.`,
              ),
      ],
      true,
    ),
  ]);
}
