// 投诉书 to 市场监督管理部门 (12315) about a paid "debt optimisation" intermediary: only the
// complaint facts and contacts the borrower recorded; the fee and the promise are left to fill in
// when not recorded.
import type { Doc, Lang } from '../model.js';
import { factIndented, heading, list, para, run } from '../model.js';
import { CHANNELS } from '../channels.js';
import { applicantBlock, closing, compact, exhibitsBlock, finish, makeCtx } from './common.js';
import { BLANK, incidentTable } from './ladder-common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function buildMarketComplaint(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const contacts = c.contacts ?? [];
  const facts = c.complaintFacts?.trim();
  assert(contacts.length > 0 || facts, 'a complaint needs a logged contact or complaint facts');
  const ch = CHANNELS['market-12315'];
  return finish(
    ctx,
    ctx.t('消费投诉书', 'Consumer Complaint'),
    compact([
      para(ctx.t(`${ch.addresseeZh}：`, `To: ${ch.addresseeEn}`)),
      para(run(ctx.t('投诉人', 'Complainant'), true)),
      applicantBlock(ctx, c),
      para(
        run(ctx.t('被投诉经营者：', 'Against: '), true),
        c.lender.brand
          ? ctx.t(`${c.lender.name}（${c.lender.brand}）`, `${c.lender.name} (${c.lender.brand})`)
          : c.lender.name,
      ),
      heading(ctx.t('一、消费经过', '1. What happened')),
      facts ? factIndented(['input:complaintFacts'], facts) : false,
      contacts.length > 0 &&
        incidentTable(ctx, contacts, ctx.t('本人记录的往来经过', 'Dealings as I logged them')),
      para(
        ctx.t(
          `已支付费用：¥${BLANK}（支付日期 ${BLANK}，支付方式 ${BLANK}）；对方承诺的服务：${BLANK}。`,
          `Fees paid: ¥${BLANK} (on ${BLANK}, by ${BLANK}); service promised: ${BLANK}.`,
        ),
      ),
      heading(ctx.t('二、投诉请求', '2. What I ask')),
      list(
        [
          ctx.t(
            '调查该经营者的收费和宣传是否合法',
            'investigate whether its fees and claims are lawful',
          ),
          ctx.t('责令其退还未提供服务的费用', 'have it refund fees for services not provided'),
          ctx.t('将处理结果告知本人', 'tell me the outcome'),
        ],
        true,
      ),
      para(
        run(ctx.t('投诉渠道：', 'Channel: '), true),
        ctx.t(`${ch.nameZh}，${ch.contactZh}`, `${ch.nameEn}; ${ch.contactEn}`),
      ),
      closing(ctx, c, { zh: '投诉人', en: 'Complainant' }),
      exhibitsBlock(ctx, c),
    ]),
    c,
  );
}
