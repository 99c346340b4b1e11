// 个人信息查阅、删除申请 (个人信息保护法 第45条, 第47条; 第50条 for the channel and the right to sue)
// to a lender whose collectors contacted people other than the borrower, as logged.
import type { Doc, Lang } from '../model.js';
import { factIndented, heading, indented, list, para } from '../model.js';
import {
  applicantBlock,
  closing,
  compact,
  exhibitsBlock,
  finish,
  makeCtx,
  subjectLine,
} from './common.js';
import { contactSource, debtRefsTable, incidentTable, you } from './ladder-common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function buildPiplRequest(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const all = c.contacts ?? [];
  const third = all.flatMap((x, i) => (x.thirdParty ? [{ x, src: contactSource(x, i) }] : []));
  assert(third.length > 0, 'the PIPL request needs a logged third-party contact');
  const y = you(ctx, c);
  const first = third[0]!.x.on;
  return finish(
    ctx,
    ctx.t('个人信息查阅及删除申请', 'Personal Information Access and Deletion Request'),
    compact([
      para(
        ctx.t(
          `${c.lender.name}个人信息保护负责人：`,
          `To: the personal-information officer of ${c.lender.name}`,
        ),
      ),
      applicantBlock(ctx, c),
      subjectLine(
        ctx,
        ctx.t(
          '申请查阅、复制并删除本人的个人信息',
          'access to, copies of and deletion of my personal information',
        ),
      ),
      debtRefsTable(ctx, c),
      heading(ctx.t('一、事实', '1. Facts')),
      factIndented(
        third.map((t) => t.src),
        third.length === 1
          ? ctx.t(
              `据本人记录，${ctx.date(first)}，${y}或${y}委托的催收人员联系了本人以外的人，经过如下表。`,
              `According to my record, on ${ctx.date(first)} you or your collectors contacted someone other than me, as set out below.`,
            )
          : ctx.t(
              `据本人记录，自${ctx.date(first)}起，${y}或${y}委托的催收人员共${third.length}次联系了本人以外的人，经过如下表。`,
              `According to my record, from ${ctx.date(first)} you or your collectors contacted people other than me ${third.length} times, as set out below.`,
            ),
      ),
      incidentTable(
        ctx,
        third.map((t) => t.x),
        ctx.t('联系第三人的记录', 'Contacts with third parties'),
      ),
      heading(ctx.t('二、申请事项', '2. What I ask')),
      list(
        [
          ctx.t(
            `依据${ctx.cite('pipl-45')}，告知并提供${y}处理的本人个人信息的副本，包括本人的通讯录、联系人信息及其来源，以及向哪些催收机构提供过这些信息`,
            `under ${ctx.cite('pipl-45')}, tell me and give me a copy of the personal information you process about me, including my contact list and contacts' details and where they came from, and which collection agencies you gave them to`,
          ),
          ctx.t(
            `依据${ctx.cite('pipl-47')}，删除${y}及受托催收机构持有的本人通讯录及其中他人的信息，并停止用于催收`,
            `under ${ctx.cite('pipl-47')}, delete my contact list and the details of other people in it held by you and your collection agencies, and stop using them for collection`,
          ),
          ctx.t('将处理结果书面答复本人', 'reply to me in writing with what you have done'),
        ],
        true,
      ),
      indented(
        ctx.t(
          `${ctx.cite('pipl-50')}要求个人信息处理者建立个人行使权利的申请受理和处理机制；拒绝个人请求的，个人可以依法向人民法院提起诉讼。`,
          `${ctx.cite('pipl-50')} requires a handler to run a channel for these requests; if it refuses, the person may sue.`,
        ),
      ),
      closing(ctx, c),
      exhibitsBlock(ctx, c),
    ]),
    c,
  );
}
