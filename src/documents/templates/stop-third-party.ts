// 停止联系第三人函: demands that collection stop contacting family, colleagues and contacts.
import type { Doc, Lang } from '../model.js';
import { heading, indented, list, table } from '../model.js';
import { closing, compact, exhibitsBlock, finish, letterHead, makeCtx } from './common.js';
import type { CaseInput } from './types.js';

export function buildStopThirdParty(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const incidents = (c.contacts ?? []).filter((x) => x.thirdParty === true);
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
      indented(
        ctx.t(
          `本人与贵司存在借款关系（${c.debts.map((d) => d.ref).join('、')}），本人愿意就还款事宜与贵司直接协商，联系方式见上。但贵司或贵司委托的催收机构多次联系与本债务无关的第三人，情况如下：`,
          `I have a loan with you (${c.debts.map((d) => d.ref).join(', ')}) and I am willing to discuss repayment directly; my details are above. But you or your collection agents have repeatedly contacted third parties who have nothing to do with this debt:`,
        ),
      ),
      incidents.length > 0
        ? table(
            [
              ctx.t('日期', 'Date'),
              ctx.t('方式', 'Channel'),
              ctx.t('催收人员/工号', 'Agent'),
              ctx.t('经过', 'What happened'),
            ],
            incidents.map((x) => [ctx.date(x.on), x.channel, x.agent ?? '', x.summary]),
            [false, false, false, false],
          )
        : indented(ctx.t('（详见附件证据）', '(see the attached evidence)')),
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
          c.lender.isCreditCard
            ? ctx.t(
                `${ctx.cite('credit-card-measures-68')}规定，发卡银行不得向与债务无关的第三人催收。`,
                `${ctx.cite('credit-card-measures-68')}: issuers must not collect from unrelated third parties.`,
              )
            : ctx.t(
                `${ctx.cite('nifa-collection-2024')}及${ctx.cite('cba-collection-2026')}均要求不得向债务人以外的无关第三人催收。`,
                `${ctx.cite('nifa-collection-2024')} and ${ctx.cite('cba-collection-2026')} both bar collection from unrelated third parties.`,
              ),
          ctx.t(
            `此前的行业自律规则${ctx.cite('nifa-convention-2018')}也有类似要求。`,
            `The earlier self-regulatory ${ctx.cite('nifa-convention-2018')} is reported to say the same.`,
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
  );
}
