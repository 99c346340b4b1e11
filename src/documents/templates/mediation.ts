// 调解申请书: asks a mediation body to mediate the repayment dispute.
import type { Block, Doc, Lang } from '../model.js';
import { factIndented, factList, heading, indented, para, run } from '../model.js';
import { CHANNELS } from '../channels.js';
import {
  applicantBlock,
  causeText,
  closing,
  compact,
  type Ctx,
  debtTable,
  exhibitsBlock,
  finish,
  makeCtx,
  notYetDue,
  planTable,
  src,
  totalOutstanding,
} from './common.js';
import type { CaseInput } from './types.js';

export function buildMediation(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const ch = CHANNELS.mediation;
  const h = c.hardship;
  const tried = (c.contacts ?? []).filter((x) => x.direction === 'outbound');
  // 第678条 is about extension before the due date: only when no debt here is due yet
  const allNotYetDue = c.debts.length > 0 && c.debts.every((d) => notYetDue(d, c.asOf));
  return finish(
    ctx,
    ctx.t('调解申请书', 'Application for Mediation'),
    compact([
      para(ctx.t(`${ch.addresseeZh}：`, `To: ${ch.addresseeEn}`)),
      para(ctx.t(`提示：${ch.cautionZh ?? ''}。`, `Note: ${ch.cautionEn ?? ''}.`)),
      para(run(ctx.t('申请人', 'Applicant'), true)),
      applicantBlock(ctx, c),
      para(run(ctx.t('被申请人：', 'Respondent: '), true), c.lender.name),
      requests(ctx, c),
      heading(ctx.t('事实与理由', 'Facts and reasons')),
      debtTable(ctx, c),
      // each fact only as far as the record goes: the hardship from the profile, a negotiation
      // only when an approach to this lender was logged
      h &&
        factIndented(
          [src.hardship(c)],
          ctx.t(
            `本人自${ctx.date(h.since)}起因${causeText(ctx, h.cause)}无力按原合同还款。`,
            `Since ${ctx.date(h.since)}, because of ${causeText(ctx, h.cause)}, I cannot pay as the contract requires.`,
          ),
        ),
      tried.length > 0 &&
        factIndented(
          tried.map((x) => src.contact(c, x)),
          ctx.t(
            tried.length >= 2
              ? `本人曾${tried.length}次主动与被申请人协商（见联系记录），未能达成一致。`
              : '本人曾主动与被申请人协商（见联系记录），未能达成一致。',
            tried.length >= 2
              ? `I approached the respondent ${tried.length} times to negotiate (see the contact log) without agreement.`
              : 'I approached the respondent to negotiate (see the contact log) without agreement.',
          ),
        ),
      indented(
        allNotYetDue
          ? ctx.t(
              `${ctx.cite('civil-code-678')}允许借款人在还款期限届满前申请展期，${ctx.cite('civil-code-6')}要求合理确定各方权利义务。本人愿意通过调解解决，恳请予以受理。`,
              ` ${ctx.cite('civil-code-678')} allows the borrower to apply for an extension before the due date and ${ctx.cite('civil-code-6')} requires a fair allocation of rights and duties. I wish to resolve this by mediation and ask you to accept the case.`,
            )
          : ctx.t(
              `${ctx.cite('civil-code-6')}要求合理确定各方权利义务。本人愿意通过调解解决，恳请予以受理。`,
              ` ${ctx.cite('civil-code-6')} requires a fair allocation of rights and duties. I wish to resolve this by mediation and ask you to accept the case.`,
            ),
      ),
      c.plan && planTable(ctx, c),
      closing(ctx, c),
      exhibitsBlock(ctx, c, h?.proofs ?? []),
    ]),
    c,
  );
}

// 调解请求: an installment agreement, on the plan when there is one, and a pause in collection
function requests(ctx: Ctx, c: CaseInput): Block[] {
  return compact([
    heading(ctx.t('调解请求', 'What I ask')),
    factList(
      [
        {
          parts: [
            ctx.t(
              `就本人所欠被申请人${ctx.money(totalOutstanding(c))}借款，调解达成分期还款协议`,
              `mediate an installment agreement for the ${ctx.money(totalOutstanding(c))} I owe the respondent`,
            ),
          ],
          sources: src.debts(c),
        },
        ...(c.plan
          ? [
              {
                parts: [
                  ctx.t(
                    `按每月${ctx.money(c.plan.monthlyPayment)}、共${c.plan.installments}期的方案还款`,
                    `on a plan of ${ctx.money(c.plan.monthlyPayment)} a month for ${c.plan.installments} installments`,
                  ),
                ],
                sources: [src.plan(c)],
              },
            ]
          : []),
        { parts: [ctx.t('调解期间暂停催收', 'pause collection during mediation')], sources: [] },
      ],
      true,
    ),
  ]);
}
