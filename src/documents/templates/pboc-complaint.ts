// 征信投诉 to the local PBOC branch (征信业管理条例 第26条: a written reply within 30 days of
// acceptance): for a disputed credit-report entry, naming any earlier dispute as recorded.
import type { Block, Doc, Lang } from '../model.js';
import { factIndented, factTable, heading, indented, list, para, run } from '../model.js';
import { CHANNELS } from '../channels.js';
import { applicantBlock, closing, compact, exhibitsBlock, finish, makeCtx } from './common.js';
import { BLANK, or } from './ladder-common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function buildPbocComplaint(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const d = c.dispute;
  assert(d, 'the PBOC complaint needs the disputed entry');
  const ch = CHANNELS['pboc-complaint'];
  const src = [d.source ?? 'input:dispute'];
  const row = (zh: string, en: string, v: string | undefined) => ({
    cells: [ctx.t(zh, en), or(v)],
    sources: src,
  });
  return finish(
    ctx,
    ctx.t('征信投诉书', 'Credit-Reporting Complaint'),
    compact([
      para(ctx.t(`${ch.addresseeZh}：`, `To: ${ch.addresseeEn}`)),
      para(run(ctx.t('投诉人', 'Complainant'), true)),
      applicantBlock(ctx, c),
      para(run(ctx.t('被投诉机构：', 'Against: '), true), d.institution?.trim() || c.lender.name),
      ch.cautionZh !== undefined &&
        para(ctx.t(`提示：${ch.cautionZh}。`, `Caution: ${ch.cautionEn ?? ''}.`)),
      heading(ctx.t('一、有异议的征信信息', '1. The disputed entry')),
      factTable(
        [ctx.t('项目', 'Item'), ctx.t('内容', 'Details')],
        [
          row('数据报送机构', 'Reporting institution', d.institution),
          row('账户（报告所载）', 'Account (as in the report)', d.account),
          row('报告中的错误记载', 'What the report wrongly says', d.item),
          row('应当记载为', 'What it should say', d.correction),
        ],
        [false, false],
      ),
      priorDisputes(ctx, c),
      heading(ctx.t('三、依据与请求', '3. Grounds and request')),
      indented(
        ctx.t(
          `依据${ctx.cite('credit-reporting-25')}，异议受理方应自收到异议之日起20日内核查并书面答复；依据${ctx.cite('credit-reporting-26')}，信息主体可以向中国人民银行当地分支机构投诉，受理机构应当在受理之日起30日内核查并书面答复。`,
          `Under ${ctx.cite('credit-reporting-25')} a dispute must be verified and answered in writing within 20 days of receipt; under ${ctx.cite('credit-reporting-26')} the person may complain to the local PBOC branch, which must verify and reply in writing within 30 days of acceptance.`,
        ),
      ),
      list(
        [
          ctx.t('核查上述信息并督促更正', 'verify the entry and have it corrected'),
          ctx.t(
            '自受理之日起30日内将处理结果书面答复本人',
            'reply to me in writing within 30 days of acceptance',
          ),
        ],
        true,
      ),
      closing(ctx, c, { zh: '投诉人', en: 'Complainant' }),
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

function statusText(ctx: ReturnType<typeof makeCtx>, s: string): string {
  const zh: Record<string, string> = {
    draft: '草稿',
    sent: '已发送，未记录答复',
    acknowledged: '已受理',
    resolved: '已答复',
    rejected: '被驳回',
    closed: '已结束',
  };
  return ctx.t(zh[s] ?? s, s);
}

// 二、已经提出的异议: the disputes on record (and whether they still wait for a reply), else a blank
function priorDisputes(ctx: ReturnType<typeof makeCtx>, c: CaseInput): Block[] {
  const prior = c.priorDisputes ?? [];
  return compact([
    heading(ctx.t('二、已经提出的异议', '2. The dispute already raised')),
    prior.length > 0
      ? factTable(
          [
            ctx.t('提出日期', 'Raised on'),
            ctx.t('向谁提出', 'With'),
            ctx.t('受理编号', 'Reference'),
            ctx.t('记录状态', 'Status'),
          ],
          prior.map((p) => ({
            cells: [
              p.sentOn ? ctx.date(p.sentOn) : BLANK,
              ctx.t(p.addresseeZh, p.addresseeEn),
              or(p.reference),
              statusText(ctx, p.status),
            ],
            sources: [p.source],
          })),
          [false, false, false, false],
        )
      : indented(
          ctx.t(
            `本人于${BLANK}年${BLANK}月${BLANK}日向${BLANK}提出异议（请填写；如尚未提出，建议先提交征信异议申请）。`,
            `I raised a dispute on ${BLANK} with ${BLANK} (fill in; if not yet raised, file the credit dispute first).`,
          ),
        ),
    prior.some((p) => p.status === 'sent' || p.status === 'draft')
      ? factIndented(
          prior.map((p) => p.source),
          ctx.t(
            '截至本投诉书日期，本人记录中尚无上述异议的书面答复。',
            'As of the date of this complaint, my record holds no written reply to that dispute.',
          ),
        )
      : false,
  ]);
}
