// 投诉书: a complaint to the channel that fits the lender type (FACTS.md §7).
import type { Doc, Lang } from '../model.js';
import { heading, indented, list, para, run, table } from '../model.js';
import { CHANNELS, complaintChannelFor, type ChannelId } from '../channels.js';
import {
  applicantBlock,
  closing,
  compact,
  debtTable,
  exhibitsBlock,
  finish,
  makeCtx,
} from './common.js';
import type { CaseInput } from './types.js';

export function buildComplaint(c: CaseInput, lang: Lang, channelId?: ChannelId): Doc {
  const ctx = makeCtx(lang);
  const ch = CHANNELS[channelId ?? complaintChannelFor(c.lender.type)];
  const contacts = c.contacts ?? [];
  const isHarassment = ch.id === 'police-110';
  return finish(
    ctx,
    ctx.t(isHarassment ? '报案材料' : '投诉书', isHarassment ? 'Police Report' : 'Complaint'),
    compact([
      para(ctx.t(`${ch.addresseeZh}：`, `To: ${ch.addresseeEn}`)),
      para(run(ctx.t('投诉人', 'Complainant'), true)),
      applicantBlock(ctx, c),
      para(
        run(ctx.t('被投诉机构：', 'Against: '), true),
        c.lender.brand
          ? ctx.t(`${c.lender.name}（${c.lender.brand}）`, `${c.lender.name} (${c.lender.brand})`)
          : c.lender.name,
      ),
      ch.cautionZh !== undefined &&
        para(ctx.t(`提示：${ch.cautionZh}。`, `Caution: ${ch.cautionEn ?? ''}.`)),
      heading(ctx.t('一、基本情况', '1. Background')),
      debtTable(ctx, c),
      heading(ctx.t('二、投诉事实', '2. The facts')),
      c.complaintFacts !== undefined && indented(c.complaintFacts),
      contacts.length > 0 &&
        table(
          [
            ctx.t('日期', 'Date'),
            ctx.t('方式', 'Channel'),
            ctx.t('人员/工号', 'Agent'),
            ctx.t('经过', 'What happened'),
          ],
          contacts.map((x) => [ctx.date(x.on), x.channel, x.agent ?? '', x.summary]),
          [false, false, false, false],
        ),
      indented(
        ctx.t(
          '本人曾多次主动与该机构协商分期还款，但未能达成合理方案。',
          'I have repeatedly tried to agree an installment plan with the lender, without a reasonable outcome.',
        ),
      ),
      heading(ctx.t('三、相关规定', '3. Rules engaged')),
      list(
        isHarassment
          ? [
              ctx.t(
                `${ctx.cite('public-security-2025-50')}：多次发送侮辱、威胁等信息，或者采取滋扰、纠缠等方法干扰他人正常生活的，应予处罚，并可责令其不得接触被侵害人。`,
                `${ctx.cite('public-security-2025-50')}: repeated insulting or threatening messages, harassment or pestering are punishable, and a no-contact order may be issued.`,
              ),
              ctx.t(
                `${ctx.cite('civil-code-1033')}：不得侵扰他人私人生活安宁。`,
                `${ctx.cite('civil-code-1033')}: no disturbing another person's private life.`,
              ),
            ]
          : [
              ctx.t(
                `${ctx.cite('civil-code-7')}：民事主体应当遵循诚信原则。`,
                `${ctx.cite('civil-code-7')}: good faith.`,
              ),
              ctx.t(
                `${ctx.cite('civil-code-1033')}：不得以电话、短信等方式侵扰他人私人生活安宁。`,
                `${ctx.cite('civil-code-1033')}: no disturbing private life by calls or messages.`,
              ),
              ctx.t(
                `${ctx.cite('nifa-collection-2024')}：22:00至次日8:00不得催收，不得向无关第三人催收。`,
                `${ctx.cite('nifa-collection-2024')}: no collection 22:00–08:00 and none from unrelated third parties.`,
              ),
            ],
        true,
      ),
      heading(ctx.t('四、投诉请求', '4. What I ask')),
      list(
        isHarassment
          ? [
              ctx.t('依法制止上述滋扰行为', 'stop the harassment'),
              ctx.t(
                '责令相关人员不得接触本人及家人',
                'order the persons involved not to contact me or my family',
              ),
            ]
          : [
              ctx.t(
                '责令该机构停止违规催收，停止联系本人亲友',
                'require the lender to stop improper collection and stop contacting my family and friends',
              ),
              ctx.t(
                '督促该机构与本人就分期还款进行实质协商',
                'require the lender to negotiate an installment plan in good faith',
              ),
              ctx.t('核查其收费及利率是否合规', 'check whether its rates and fees are lawful'),
              ctx.t('将处理结果书面告知本人', 'tell me the outcome in writing'),
            ],
        true,
      ),
      para(
        run(ctx.t('投诉渠道：', 'Channel: '), true),
        ctx.t(`${ch.nameZh}，${ch.contactZh}`, `${ch.nameEn}; ${ch.contactEn}`),
      ),
      closing(ctx, c, {
        zh: isHarassment ? '报案人' : '投诉人',
        en: isHarassment ? 'Reported by' : 'Complainant',
      }),
      exhibitsBlock(ctx, c),
    ]),
  );
}
