// 调解申请书: asks a mediation body to mediate the repayment dispute.
import type { Doc, Lang } from '../model.js';
import { heading, indented, list, para, run } from '../model.js';
import { CHANNELS } from '../channels.js';
import {
  applicantBlock,
  causeText,
  closing,
  compact,
  debtTable,
  exhibitsBlock,
  finish,
  makeCtx,
  planTable,
  totalOutstanding,
} from './common.js';
import type { CaseInput } from './types.js';

export function buildMediation(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const ch = CHANNELS.mediation;
  const h = c.hardship;
  return finish(
    ctx,
    ctx.t('调解申请书', 'Application for Mediation'),
    compact([
      para(ctx.t(`${ch.addresseeZh}：`, `To: ${ch.addresseeEn}`)),
      para(ctx.t(`提示：${ch.cautionZh ?? ''}。`, `Note: ${ch.cautionEn ?? ''}.`)),
      para(run(ctx.t('申请人', 'Applicant'), true)),
      applicantBlock(ctx, c),
      para(run(ctx.t('被申请人：', 'Respondent: '), true), c.lender.name),
      heading(ctx.t('调解请求', 'What I ask')),
      list(
        [
          ctx.t(
            `就本人所欠被申请人${ctx.money(totalOutstanding(c))}借款，调解达成分期还款协议`,
            `mediate an installment agreement for the ${ctx.money(totalOutstanding(c))} I owe the respondent`,
          ),
          ...(c.plan
            ? [
                ctx.t(
                  `按每月${ctx.money(c.plan.monthlyPayment)}、共${c.plan.installments}期的方案还款`,
                  `on a plan of ${ctx.money(c.plan.monthlyPayment)} a month for ${c.plan.installments} installments`,
                ),
              ]
            : []),
          ctx.t('调解期间暂停催收', 'pause collection during mediation'),
        ],
        true,
      ),
      heading(ctx.t('事实与理由', 'Facts and reasons')),
      debtTable(ctx, c),
      indented(
        h
          ? ctx.t(
              `本人自${ctx.date(h.since)}起因${causeText(ctx, h.cause)}无力按原合同还款，曾主动与被申请人协商，未能达成一致。`,
              `Since ${ctx.date(h.since)}, because of ${causeText(ctx, h.cause)}, I cannot pay as the contract requires. I tried to negotiate with the respondent without agreement.`,
            )
          : ctx.t(
              '本人无力按原合同还款，曾主动与被申请人协商，未能达成一致。',
              'I cannot pay as the contract requires and tried to negotiate without agreement.',
            ),
        ctx.t(
          `${ctx.cite('civil-code-678')}允许借款人申请展期，${ctx.cite('civil-code-6')}要求合理确定各方权利义务。本人愿意通过调解解决，恳请予以受理。`,
          ` ${ctx.cite('civil-code-678')} allows the borrower to apply for an extension and ${ctx.cite('civil-code-6')} requires a fair allocation of rights and duties. I wish to resolve this by mediation and ask you to accept the case.`,
        ),
      ),
      c.plan && planTable(ctx, c),
      closing(ctx, c),
      exhibitsBlock(ctx, c, h?.proofs ?? []),
    ]),
  );
}
