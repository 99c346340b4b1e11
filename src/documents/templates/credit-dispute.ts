// 征信异议申请: disputes a credit-report entry under 征信业管理条例 第25条 (20-day written reply).
import { addDays } from '../../core/dates/index.js';
import type { Doc, Lang } from '../model.js';
import { heading, indented, list, para, table } from '../model.js';
import {
  applicantBlock,
  closing,
  compact,
  exhibitsBlock,
  finish,
  makeCtx,
  subjectLine,
} from './common.js';
import type { CaseInput } from './types.js';

export function buildCreditDispute(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const d = c.dispute;
  if (!d) throw new Error('assertion failed: the credit dispute needs the disputed item');
  return finish(
    ctx,
    ctx.t('个人征信异议申请书', 'Credit Report Dispute'),
    compact([
      para(
        ctx.t(
          `中国人民银行征信中心 / ${c.lender.name}：`,
          `To: PBOC Credit Reference Center / ${c.lender.name}`,
        ),
      ),
      applicantBlock(ctx, c),
      subjectLine(
        ctx,
        ctx.t('对本人信用报告中的信息提出异议', 'a dispute about information in my credit report'),
      ),
      table(
        [ctx.t('项目', 'Item'), ctx.t('内容', 'Details')],
        [
          [ctx.t('数据报送机构', 'Reporting institution'), c.lender.name],
          [ctx.t('异议信息', 'Disputed entry'), d.item],
          [ctx.t('异议理由', 'Why it is wrong'), d.reason],
          [ctx.t('请求更正为', 'Correct it to'), d.correction],
        ],
        [false, false],
      ),
      heading(ctx.t('依据', 'Grounds')),
      indented(
        ctx.t(
          `根据${ctx.cite('credit-reporting-25')}，信息主体认为征信机构采集、保存、提供的信息存在错误、遗漏的，有权提出异议；受理机构应当在收到异议之日起20日内进行核查和处理，并将结果书面答复异议人。`,
          `Under ${ctx.cite('credit-reporting-25')}, a person who finds an error or omission in their credit information may dispute it; the receiver must verify it and reply in writing within 20 days of receipt.`,
        ),
        ctx.t(
          `另据${ctx.cite('credit-reporting-15')}，报送不良信息应当事先告知信息主体本人。`,
          ` Also, ${ctx.cite('credit-reporting-15')} requires prior notice before negative information is reported.`,
        ),
      ),
      heading(ctx.t('请求', 'I ask')),
      list(
        [
          ctx.t('在该信息上标注异议', 'mark the entry as disputed'),
          ctx.t('核查后更正错误信息', 'verify it and correct the error'),
          ctx.t(
            `于${ctx.date(addDays(c.asOf, 20))}前（收到之日起20日内）书面答复核查结果`,
            `reply in writing with the result by ${ctx.date(addDays(c.asOf, 20))} (20 days from receipt)`,
          ),
        ],
        true,
      ),
      indented(
        ctx.t(
          `如逾期未答复或对结果有异议，本人将依据${ctx.cite('credit-reporting-26')}向中国人民银行当地分支机构投诉。`,
          `If there is no reply in time or I disagree with it, I will complain to the local PBOC branch under ${ctx.cite('credit-reporting-26')}.`,
        ),
      ),
      closing(ctx, c, { zh: '异议人', en: 'Applicant' }),
      exhibitsBlock(ctx, c, [
        ctx.t('身份证复印件', 'Copy of ID card'),
        ctx.t('信用报告相关页', 'The relevant credit-report page'),
      ]),
    ]),
  );
}
