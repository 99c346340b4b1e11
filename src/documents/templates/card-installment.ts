// 个性化分期还款申请 (credit cards): asks under 信用卡办法第70条, which is discretionary (S).
// Never presents 停息 or 60 installments as a right: item 3 of 第70条 leaves interest to negotiation.
import type { Block, Doc, Lang } from '../model.js';
import { factIndented, heading, indented, list, para } from '../model.js';
import {
  causeText,
  closing,
  compact,
  type Ctx,
  concessionText,
  debtTable,
  exhibitsBlock,
  debtRefs,
  finish,
  isBankCard,
  letterHead,
  makeCtx,
  planTable,
  src,
  totalOutstanding,
  you,
} from './common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function buildCardInstallment(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const p = c.plan;
  assert(p, 'the card installment request needs a plan');
  const h = c.hardship;
  const tooLong = p.installments > 60;
  // 信用卡业务管理办法 binds bank issuers only; another card issuer gets the plain request
  const bank = isBankCard(c.lender);
  const y = you(ctx, c.lender);
  return finish(
    ctx,
    ctx.t('个性化分期还款申请', 'Application for a Personalised Installment Agreement'),
    compact([
      letterHead(
        ctx,
        c,
        ctx.t(
          '申请就信用卡欠款签订个性化分期还款协议',
          'a personalised installment agreement for my credit-card debt',
        ),
      ),
      factIndented(
        [...src.debts(c), ...(h ? [src.hardship(c)] : [])],
        ctx.t(
          `本人持有${y}信用卡（${debtRefs(ctx, c)}），截至${ctx.date(c.asOf)}欠款合计${ctx.money(totalOutstanding(c))}。`,
          `I hold your credit card(s) (${debtRefs(ctx, c)}); as of ${ctx.date(c.asOf)} I owe ${ctx.money(totalOutstanding(c))} in total.`,
        ),
        h
          ? ctx.t(
              `自${ctx.date(h.since)}起，本人因${causeText(ctx, h.cause)}，确已无力按原约定还款，但仍有还款意愿。`,
              ` Since ${ctx.date(h.since)}, because of ${causeText(ctx, h.cause)}, I truly cannot repay as agreed, but I still wish to repay.`,
            )
          : ctx.t(
              '本人确已无力按原约定还款，但仍有还款意愿。',
              ' I truly cannot repay as agreed, but I still wish to repay.',
            ),
      ),
      debtTable(ctx, c),
      heading(ctx.t('一、申请依据', '1. Basis')),
      bank &&
        indented(
          ctx.t(
            `根据${ctx.cite('credit-card-measures-70')}，在持卡人确实无力按原约定还款而仍有还款意愿的情况下，发卡银行可以与持卡人平等协商，达成个性化分期还款协议，期限最长不超过5年。本人理解该协议由贵行审核决定，特此提出申请。`,
            `Under ${ctx.cite('credit-card-measures-70')}, where a cardholder cannot repay as agreed but still wishes to repay, the issuer may negotiate a personalised installment agreement of at most 5 years. I understand the decision is yours and apply accordingly.`,
          ),
        ),
      heading(ctx.t('二、申请的分期方案', '2. The proposed plan')),
      planTable(ctx, c),
      !bank &&
        indented(
          ctx.t(
            `本人请求${y}与本人平等协商，就信用卡欠款达成分期还款协议。本人理解该协议由${y}审核决定。`,
            'I ask you to negotiate an installment agreement for my card debt with me. I understand the decision is yours.',
          ),
        ),
      tooLong &&
        para(
          ctx.t(
            bank
              ? '注意：所申请期数超过60期，超出第70条规定的5年上限，请调整方案。'
              : '注意：所申请期数超过60期（5年），请调整方案。',
            'Note: the plan exceeds 60 installments, beyond the 5-year limit of Art. 70; adjust it.',
          ),
        ),
      agreementTerms(ctx, p),
      undertakings(ctx, bank, y),
      closing(ctx, c),
      exhibitsBlock(ctx, c, h?.proofs ?? []),
    ]),
    c,
  );
}

// 三、请求协议载明的事项: what 第70条's agreement should spell out, with the concessions asked
function agreementTerms(ctx: Ctx, p: NonNullable<CaseInput['plan']>): Block[] {
  return compact([
    heading(ctx.t('三、请求协议载明的事项', '3. What I ask the agreement to state')),
    list(
      [
        ctx.t('欠款余额、构成及币种', 'the balance owed, its make-up and currency'),
        ctx.t('每期还款金额、还款日及还款方式', 'the amount, date and method of each installment'),
        ctx.t(
          `分期期间是否继续收取年费、利息及其他费用（本人请求：${p.concessions.map((k) => concessionText(ctx, k)).join('；') || '按协商结果'}）`,
          `whether annual fees, interest and other fees continue during the plan (I ask to: ${p.concessions.map((k) => concessionText(ctx, k)).join('; ') || 'as negotiated'})`,
        ),
        ctx.t('双方的权利、义务和违约责任', 'both sides’ rights, duties and liability for breach'),
      ],
      true,
    ),
  ]);
}

// 四、本人承诺: pay on time, no new cards, and the request to stop collection once signed
function undertakings(ctx: Ctx, bank: boolean, y: string): Block[] {
  return compact([
    heading(ctx.t('四、本人承诺', '4. My undertakings')),
    list(
      [
        ctx.t('按协议按期足额还款', 'to pay every installment in full and on time'),
        ctx.t(
          '在协议约定的欠款全部清偿前，不向任何银行申请新的信用卡',
          'not to apply for a credit card at any bank until the agreed debt is fully repaid',
        ),
      ],
      true,
    ),
    indented(
      ctx.t(
        bank
          ? '同时恳请贵行在协议签订后依照上述规定停止对本人的催收，并告知协议期间的征信报送方式。'
          : `同时恳请${y}在协议签订后停止对本人的催收，并告知协议期间的征信报送方式。`,
        'I also ask that, once the agreement is signed, collection stops as the same article requires, and that you tell me how the plan will be reported to the credit bureau.',
      ),
    ),
  ]);
}
