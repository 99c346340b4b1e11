// 征信异议申请: disputes a credit-report entry under 征信业管理条例 第25条 — to the credit bureau or
// the reporting institution, with the disputed entry's fields as recorded (unknown ones are blanks).
import type { Doc, Lang } from '../model.js';
import { factTable, heading, indented, list, para } from '../model.js';
import {
  applicantBlock,
  closing,
  compact,
  exhibitsBlock,
  finish,
  makeCtx,
  subjectLine,
} from './common.js';
import { BLANK, or } from './ladder-common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function buildCreditDispute(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const d = c.dispute;
  assert(d, 'the credit dispute needs the disputed item');
  const src = [d.source ?? 'input:dispute'];
  const institution = d.institution?.trim() || undefined;
  const row = (zh: string, en: string, v: string | undefined) => ({
    cells: [ctx.t(zh, en), or(v)],
    sources: src,
  });
  return finish(
    ctx,
    ctx.t('个人征信异议申请书', 'Credit Report Dispute'),
    compact([
      para(
        ctx.t(
          `中国人民银行征信中心 / ${institution ?? `数据报送机构 ${BLANK}`}：`,
          `To: PBOC Credit Reference Center / ${institution ?? `the reporting institution ${BLANK}`}`,
        ),
      ),
      applicantBlock(ctx, c),
      subjectLine(
        ctx,
        ctx.t('对本人信用报告中的一条信息提出异议', 'a dispute about an entry in my credit report'),
      ),
      factTable(
        [ctx.t('项目', 'Item'), ctx.t('内容', 'Details')],
        [
          row('数据报送机构', 'Reporting institution', institution),
          row('账户（报告所载）', 'Account (as in the report)', d.account),
          row('报告中的错误记载', 'What the report wrongly says', d.item),
          row('应当记载为', 'What it should say', d.correction),
          ...(d.reason?.trim() ? [row('理由', 'Why', d.reason)] : []),
        ],
        [false, false],
        ctx.t('异议信息', 'The disputed entry'),
      ),
      heading(ctx.t('依据', 'Grounds')),
      indented(
        ctx.t(
          `根据${ctx.cite('credit-reporting-25')}，信息主体认为征信系统中的信息存在错误、遗漏的，可以向征信机构或者信息提供者提出异议；受理方应当对该信息作出存在异议的标注，并自收到异议之日起20日内进行核查和处理，将结果书面答复异议人。`,
          `Under ${ctx.cite('credit-reporting-25')}, a person who finds an error or omission in their credit information may dispute it with the bureau or the data provider; the receiver must mark the entry as disputed, verify it and reply in writing within 20 days of receipt.`,
        ),
      ),
      heading(ctx.t('请求', 'I ask')),
      list(
        [
          ctx.t('在该信息上标注异议', 'mark the entry as disputed'),
          ctx.t('核查后更正错误信息', 'verify it and correct the error'),
          ctx.t(
            '自收到本申请之日起20日内将核查结果书面答复本人',
            'reply to me in writing with the result within 20 days of receiving this application',
          ),
        ],
        true,
      ),
      indented(
        ctx.t(
          `如逾期未答复或对结果有异议，本人可依据${ctx.cite('credit-reporting-26')}向中国人民银行当地分支机构投诉。`,
          `If there is no reply in time or I disagree with it, I may complain to the local PBOC branch under ${ctx.cite('credit-reporting-26')}.`,
        ),
      ),
      closing(ctx, c, { zh: '异议人', en: 'Applicant' }),
      exhibitsBlock(ctx, c, [
        ctx.t('身份证复印件', 'Copy of ID card'),
        ctx.t(
          '信用报告相关页（请自行打印附上）',
          'The relevant credit-report page (print and attach)',
        ),
      ]),
    ]),
    c,
  );
}
