// 催办函: chases a reply that is overdue — an escalation whose follow-up date (or legal reply
// deadline) has passed with no reply recorded, or a deadline a lender's staff promised in a
// logged contact.
import type { Doc, Lang } from '../model.js';
import { fact, factIndented, heading, list, para } from '../model.js';
import {
  applicantBlock,
  closing,
  compact,
  finish,
  makeCtx,
  subjectLine,
  type Ctx,
} from './common.js';
import { BLANK, or, you } from './ladder-common.js';
import type { CaseInput, MissedDeadline } from './types.js';
import { assert } from '../../core/result.js';

export function buildFollowUp(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const m = c.missedDeadline;
  assert(m, 'a follow-up letter needs a missed deadline');
  return m.kind === 'escalation' ? escalationFollowUp(ctx, c, m) : promiseFollowUp(ctx, c, m);
}

// chasing an escalation: the letter sent, and the legal reply deadline or the chase date recorded
function escalationFollowUp(
  ctx: Ctx,
  c: CaseInput,
  m: Extract<MissedDeadline, { kind: 'escalation' }>,
): Doc {
  const e = m.escalation;
  const sent = e.sentOn ? ctx.date(e.sentOn) : BLANK;
  return finish(
    ctx,
    ctx.t('催办函', 'Follow-up Letter'),
    compact([
      para(ctx.t(`${e.addresseeZh}：`, `To: ${e.addresseeEn}`)),
      applicantBlock(ctx, c),
      subjectLine(
        ctx,
        ctx.t(`催办本人提交的《${e.letterTitleZh}》`, `follow-up on my ${e.letterTitleEn}`),
      ),
      fact(
        [e.source],
        ctx.t(
          `本人于${sent}通过${e.channelNameZh}提交了《${e.letterTitleZh}》，涉及${c.lender.name}，受理编号：${or(e.reference)}。`,
          `On ${sent} I submitted my ${e.letterTitleEn} through ${e.channelNameEn}, concerning ${c.lender.name}; reference: ${or(e.reference)}.`,
        ),
      ),
      e.legalDays !== undefined && e.legalBasisId !== undefined
        ? factIndented(
            [e.source],
            ctx.t(
              `依据${ctx.cite(e.legalBasisId)}，应在${e.legalDays}日内书面答复。截至${ctx.date(c.asOf)}，本人记录中尚无书面答复。`,
              `Under ${ctx.cite(e.legalBasisId)} a written reply is due within ${e.legalDays} days. As of ${ctx.date(c.asOf)} my record holds no written reply.`,
            ),
          )
        : factIndented(
            [e.source],
            ctx.t(
              `本人记录的跟进日期为${e.chaseOn ? ctx.date(e.chaseOn) : BLANK}。截至${ctx.date(c.asOf)}，本人记录中尚无答复。`,
              `The follow-up date I recorded was ${e.chaseOn ? ctx.date(e.chaseOn) : BLANK}. As of ${ctx.date(c.asOf)} my record holds no reply.`,
            ),
          ),
      heading(ctx.t('请求', 'I ask')),
      list(
        [
          ctx.t('告知办理进度', 'tell me where the matter stands'),
          ctx.t(
            '尽快将处理结果书面答复本人',
            'reply to me in writing with the outcome as soon as possible',
          ),
        ],
        true,
      ),
      closing(ctx, c),
    ]),
    c,
  );
}

// chasing a lender's promise made in a logged contact
function promiseFollowUp(
  ctx: Ctx,
  c: CaseInput,
  m: Exclude<MissedDeadline, { kind: 'escalation' }>,
): Doc {
  const y = you(ctx, c);
  return finish(
    ctx,
    ctx.t('催办函', 'Follow-up Letter'),
    compact([
      para(ctx.t(`${c.lender.name}：`, `To: ${c.lender.name}`)),
      applicantBlock(ctx, c),
      subjectLine(
        ctx,
        ctx.t(`催办${y}工作人员承诺的事项`, 'follow-up on what your staff promised'),
      ),
      fact(
        [m.source],
        ctx.t(
          `${ctx.date(m.promisedOn)}，${y}工作人员${or(m.agent)}向本人承诺：${m.promise}，期限为${ctx.date(m.deadline)}。`,
          `On ${ctx.date(m.promisedOn)} your staff member ${or(m.agent)} promised me: ${m.promise}, by ${ctx.date(m.deadline)}.`,
        ),
      ),
      factIndented(
        [m.source],
        ctx.t(
          `该期限已过。截至${ctx.date(c.asOf)}，本人尚未收到上述事项的结果。`,
          `That date has passed. As of ${ctx.date(c.asOf)} I have not received the result.`,
        ),
      ),
      heading(ctx.t('请求', 'I ask')),
      list(
        [
          ctx.t('履行上述承诺', 'keep that promise'),
          ctx.t('将结果书面告知本人', 'tell me the result in writing'),
        ],
        true,
      ),
      closing(ctx, c),
    ]),
  );
}
