// 投诉函 to the lender's own complaint channel: the first rung of the ladder. States only the
// logged contacts and the complaint facts the borrower wrote; says which regulator comes next.
import type { Doc, Lang } from '../model.js';
import { fact, factIndented, heading, list, para, run } from '../model.js';
import { CHANNELS } from '../channels.js';
import {
  applicantBlock,
  closing,
  compact,
  exhibitsBlock,
  finish,
  makeCtx,
  subjectLine,
} from './common.js';
import { caseSources, debtRefsTable, incidentTable, regulatorFor, you } from './ladder-common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function buildLenderComplaint(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const contacts = c.contacts ?? [];
  const facts = c.complaintFacts?.trim();
  assert(contacts.length > 0 || facts, 'a complaint needs a logged contact or complaint facts');
  const next = CHANNELS[regulatorFor(c)];
  const y = you(ctx, c);
  return finish(
    ctx,
    ctx.t('投诉函', 'Complaint'),
    compact([
      para(
        ctx.t(
          `${c.lender.name}客户投诉部门：`,
          `To: the complaints department of ${c.lender.name}`,
        ),
      ),
      applicantBlock(ctx, c),
      subjectLine(
        ctx,
        ctx.t(
          '就下列借款的催收和协商情况提出投诉',
          'a complaint about collection and negotiation of the debts below',
        ),
      ),
      heading(ctx.t('一、借款', '1. The debts')),
      debtRefsTable(ctx, c),
      heading(ctx.t('二、发生了什么', '2. What happened')),
      facts ? factIndented(['input:complaintFacts'], facts) : false,
      contacts.length > 0 &&
        incidentTable(ctx, contacts, ctx.t('本人记录的联系经过', 'Contacts as I logged them')),
      heading(ctx.t('三、请求', '3. What I ask')),
      list(
        [
          ctx.t(
            '核查上述情况，停止其中不当的催收行为',
            'check the above and stop any improper collection',
          ),
          ctx.t(
            `就本人的还款困难与本人协商，由${y}指定专人对接`,
            'negotiate with me about my difficulty repaying, through one named contact',
          ),
          ctx.t('将核查和处理结果书面答复本人', 'reply to me in writing with the result'),
        ],
        true,
      ),
      fact(
        caseSources(c),
        ctx.t(
          `如未获答复或处理，本人将向${next.nameZh}反映（${next.contactZh}）。`,
          `If there is no reply or remedy, I will take this to ${next.nameEn} (${next.contactEn}).`,
        ),
      ),
      (c.exhibits ?? []).length > 0 &&
        para(
          run(ctx.t('证据：', 'Evidence: '), true),
          ctx.t(
            '相关证据列于文末附件及证据目录。',
            'The evidence is listed under the attachments and in the index at the end.',
          ),
        ),
      closing(ctx, c, { zh: '投诉人', en: 'Complainant' }),
      exhibitsBlock(ctx, c),
    ]),
    c,
  );
}
