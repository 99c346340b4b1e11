// 报案材料 to the police about collection conduct. Each logged incident is measured against the
// 治安管理处罚法 article in force on its date: 第42条 (2012 text, P) before 2026-01-01, 第50条
// (2025 revision, S) from then on. Says "可能涉嫌", never "违反": the police decide.
import type { IsoDate } from '../../core/dates/index.js';
import type { Block, Doc, Lang, SourceRef } from '../model.js';
import { factIndented, factList, factTable, heading, list, para, run } from '../model.js';
import {
  applicantBlock,
  closing,
  compact,
  exhibitsBlock,
  finish,
  makeCtx,
  type Ctx,
} from './common.js';
import {
  caseSources,
  contactChannelText,
  contactSource,
  debtRefsTable,
  or,
} from './ladder-common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

/** The day the 2025 revision took effect (docs/law.md, Collection conduct). */
export const PUBLIC_SECURITY_2025_FROM = '2026-01-01' as IsoDate;

/** The 治安管理处罚法 article for conduct on this date. */
export function publicSecurityArticleFor(
  on: IsoDate,
): 'public-security-2012-42' | 'public-security-2025-50' {
  return on < PUBLIC_SECURITY_2025_FROM ? 'public-security-2012-42' : 'public-security-2025-50';
}

export function buildPoliceReport(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const contacts = c.contacts ?? [];
  assert(contacts.length > 0, 'a police report needs at least one logged incident');
  const articleOf = contacts.map((x) => publicSecurityArticleFor(x.on));
  const before = contacts.flatMap((x, i) =>
    articleOf[i] === 'public-security-2012-42' ? [contactSource(x, i)] : [],
  );
  const after = contacts.flatMap((x, i) =>
    articleOf[i] === 'public-security-2025-50' ? [contactSource(x, i)] : [],
  );
  const rules = applicableRules(ctx, before, after);
  return finish(
    ctx,
    ctx.t('报案材料', 'Police Report'),
    compact([
      para(ctx.t('公安机关：', 'To: the police')),
      para(run(ctx.t('报案人', 'Reported by'), true)),
      applicantBlock(ctx, c),
      para(
        run(ctx.t('涉及机构：', 'Concerning: '), true),
        c.lender.brand
          ? ctx.t(
              `${c.lender.name}（${c.lender.brand}）及其催收人员`,
              `${c.lender.name} (${c.lender.brand}) and its collectors`,
            )
          : ctx.t(`${c.lender.name}及其催收人员`, `${c.lender.name} and its collectors`),
      ),
      heading(ctx.t('一、本人与该机构的借款', '1. My debts with it')),
      debtRefsTable(ctx, c),
      heading(ctx.t('二、本人记录的经过', '2. What happened, as I logged it')),
      incidentTable(ctx, contacts, articleOf),
      heading(ctx.t('三、可能涉及的规定', '3. Rules that may apply')),
      factList(rules, true),
      factIndented(
        caseSources(c),
        ctx.t(
          '上述行为可能涉嫌违反治安管理的行为，请公安机关依法调查认定。',
          'The conduct above may amount to a public-order offence; I ask the police to investigate and decide.',
        ),
      ),
      heading(ctx.t('四、请求', '4. What I ask')),
      list(
        [
          ctx.t(
            '依法调查上述行为并依法处理',
            'investigate and deal with the conduct according to law',
          ),
          ...(after.length > 0
            ? [
                ctx.t(
                  '如查证属实，依法责令相关人员在一定期限内不得接触本人',
                  'if confirmed, order the persons involved not to contact me for a set period',
                ),
              ]
            : []),
          ctx.t('出具报警回执', 'give me a receipt for this report'),
        ],
        true,
      ),
      closing(ctx, c, { zh: '报案人', en: 'Reported by' }),
      exhibitsBlock(ctx, c),
    ]),
    c,
  );
}

// 三、可能涉及的规定: 第42条 for what happened before 2026-01-01, 第50条 from then on, each naming
// the incidents it covers
function applicableRules(
  ctx: Ctx,
  before: SourceRef[],
  after: SourceRef[],
): Parameters<typeof factList>[0] {
  return [
    ...(before.length > 0
      ? [
          {
            parts: [
              ctx.t(
                `${ctx.cite('public-security-2012-42')}（适用于2026年1月1日前的行为）：反复发送侮辱、恐吓或者其他信息，干扰他人正常生活的，予以处罚。`,
                `${ctx.cite('public-security-2012-42')} (conduct before 1 January 2026): persistently sending insulting, threatening or other messages that disturb normal life is punishable.`,
              ),
            ],
            sources: before,
          },
        ]
      : []),
    ...(after.length > 0
      ? [
          {
            parts: [
              ctx.t(
                `${ctx.cite('public-security-2025-50')}（适用于2026年1月1日起的行为）：反复发送侮辱、恐吓等信息，或者采取滋扰、纠缠、跟踪等方法干扰他人正常生活的，予以处罚；公安机关可以责令其在一定期限内禁止接触被侵害人。`,
                `${ctx.cite('public-security-2025-50')} (conduct from 1 January 2026): repeated insulting or threatening messages, or harassment, pestering or stalking that disturbs normal life, are punishable; the police may order the person not to contact the victim for a set period.`,
              ),
            ],
            sources: after,
          },
        ]
      : []),
  ];
}

// 二、本人记录的经过: each logged incident with the article in force on its date
function incidentTable(
  ctx: Ctx,
  contacts: NonNullable<CaseInput['contacts']>,
  articleOf: ReturnType<typeof publicSecurityArticleFor>[],
): Block {
  return factTable(
    [
      ctx.t('日期', 'Date'),
      ctx.t('方式', 'Channel'),
      ctx.t('人员/工号', 'Agent'),
      ctx.t('经过', 'What happened'),
      ctx.t('适用条文', 'Article'),
    ],
    contacts.map((x, i) => ({
      cells: [
        ctx.date(x.on),
        contactChannelText(ctx, x.channel),
        or(x.agent),
        or(x.summary),
        articleOf[i] === 'public-security-2012-42'
          ? ctx.t('第42条', 'Art. 42')
          : ctx.t('第50条', 'Art. 50'),
      ],
      sources: [contactSource(x, i)],
    })),
    [false, false, false, false, false],
  );
}
