// 停止联系第三人函: demands that collection stop contacting family, colleagues and contacts.
// Built only from logged third-party contacts: with none logged the letter is refused upstream
// (templates/index.ts requirement 'third-party-incident'), and every count matches the log.
import type { Doc, Lang } from '../model.js';
import { factIndented, heading, indented, list } from '../model.js';
import {
  closing,
  compact,
  debtRefs,
  exhibitsBlock,
  finish,
  incidentTable,
  isBankCard,
  letterHead,
  makeCtx,
  src,
  timesText,
  you,
} from './common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function thirdPartyIncidents(c: CaseInput): NonNullable<CaseInput['contacts']> {
  return (c.contacts ?? []).filter((x) => x.thirdParty === true && x.direction !== 'outbound');
}

export function buildStopThirdParty(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const incidents = thirdPartyIncidents(c);
  assert(incidents.length > 0, 'the stop-third-party letter needs a logged incident');
  const y = you(ctx, c.lender);
  const evidenced = incidents.some((x) => (x.evidence ?? []).length > 0);
  return finish(
    ctx,
    ctx.t('停止联系第三人通知函', 'Notice to Stop Contacting Third Parties'),
    compact([
      letterHead(
        ctx,
        c,
        ctx.t(
          '要求立即停止向本人亲友、同事等第三人催收或透露债务信息',
          'stop collecting from, or disclosing my debt to, my family, colleagues and contacts',
        ),
      ),
      factIndented(
        [...src.debts(c), ...incidents.map((x) => src.contact(c, x))],
        ctx.t(
          `本人与${y}存在借款关系（${debtRefs(ctx, c)}），本人愿意就还款事宜与${y}直接协商，联系方式见上。但据本人记录，${y}或${y}委托的催收机构曾${timesText(ctx, incidents.length)}联系与本债务无关的第三人，情况如下${evidenced ? '（相关证据见附件）' : ''}：`,
          `I have a loan with you (${debtRefs(ctx, c)}) and I am willing to discuss repayment directly; my details are above. But by my records you or your collection agents contacted third parties who have nothing to do with this debt ${timesText(ctx, incidents.length)}${evidenced ? ' (evidence attached)' : ''}:`,
        ),
      ),
      incidentTable(ctx, c, incidents),
      heading(ctx.t('依据', 'Grounds')),
      list(
        [
          ctx.t(
            `${ctx.cite('civil-code-1033')}规定，除法律另有规定或者权利人明确同意外，任何人不得以电话、短信、即时通讯工具等方式侵扰他人的私人生活安宁。`,
            `${ctx.cite('civil-code-1033')}: no one may disturb another's private life by calls, SMS or instant messages without consent or legal basis.`,
          ),
          ctx.t(
            `${ctx.cite('civil-code-1034')}规定自然人的个人信息受法律保护；${ctx.cite('pipl-23')}要求向他人提供个人信息须取得个人单独同意。`,
            `${ctx.cite('civil-code-1034')} protects personal information; ${ctx.cite('pipl-23')} requires separate consent to pass it to others.`,
          ),
          isBankCard(c.lender)
            ? ctx.t(
                `${ctx.cite('credit-card-measures-68')}规定，发卡银行不得向与债务无关的第三人催收。`,
                `${ctx.cite('credit-card-measures-68')}: issuers must not collect from unrelated third parties.`,
              )
            : ctx.t(
                `${ctx.cite('nifa-collection-2024')}及${ctx.cite('cba-collection-2026')}均要求不得向债务人以外的无关第三人催收。`,
                `${ctx.cite('nifa-collection-2024')} and ${ctx.cite('cba-collection-2026')} both bar collection from unrelated third parties.`,
              ),
        ],
        true,
      ),
      heading(ctx.t('要求', 'I require you to')),
      list(
        [
          ctx.t(
            '立即停止联系本人的亲属、同事、朋友及通讯录联系人',
            'stop contacting my relatives, colleagues, friends and phone contacts at once',
          ),
          ctx.t('不得向任何第三人透露本人的债务信息', 'not disclose my debt to anyone else'),
          ctx.t(
            '今后仅通过上述联系方式与本人联系，且不在22:00至次日8:00之间联系',
            'contact only me, at the details above, and never between 22:00 and 08:00',
          ),
          ctx.t('书面告知已采取的整改措施', 'tell me in writing what you have done'),
        ],
        true,
      ),
      indented(
        ctx.t(
          '如上述行为继续，本人将保留证据，向监管部门投诉，必要时向公安机关报案。',
          'If this continues I will keep the evidence, complain to the regulator and, if needed, report it to the police.',
        ),
      ),
      closing(ctx, c),
      exhibitsBlock(ctx, c),
    ]),
    c,
  );
}
