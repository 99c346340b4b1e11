// 投诉书: a complaint to the channel that fits the lender type (docs/law.md, Complaint channels). Built only from the
// record: the logged contacts (incident table), the conduct findings worded by their certainty,
// and the borrower's own statement; refused upstream when none exists (requirement 'incident').
import type { Block, Doc, Lang } from '../model.js';
import { fact, factIndented, factList, heading, list, para, run } from '../model.js';
import { CHANNELS, complaintChannelFor, type ChannelId } from '../channels.js';
import {
  applicantBlock,
  closing,
  compact,
  type Ctx,
  debtTable,
  exhibitsBlock,
  finish,
  incidentTable,
  isBankCard,
  makeCtx,
  refText,
  src,
  timesText,
} from './common.js';
import type { CaseInput, ConductFinding, Contact } from './types.js';
import { assert } from '../../core/result.js';

/** 治安管理处罚法: 第42条 (2012 text) before 2026-01-01, 第50条 (2025 revision) from then. */
export const PUBLIC_SECURITY_2025_FROM = '2026-01-01';

type PublicSecurityId = 'public-security-2025-50' | 'public-security-2012-42';

/** A conduct finding in words that match how sure it is: a keyword guess is only "可能涉嫌". */
export function conductWording(ctx: Ctx, f: ConductFinding): string {
  const cites = f.provisionIds.map((id) => ctx.cite(id)).join(ctx.t('、', ', '));
  const against = cites === '' ? '' : ctx.t(`（${cites}）`, ` (${cites})`);
  const caution =
    f.certainty === 'U' ? ctx.t('，该规则尚待核实', '; the rule itself is unverified') : '';
  return f.detection === 'keyword-heuristic'
    ? ctx.t(
        `记录中的措辞可能涉嫌：${f.titleZh}${against}${caution}`,
        `the wording logged may amount to: ${f.titleEn}${against}${caution}`,
      )
    : ctx.t(
        `据本人记录，涉嫌：${f.titleZh}${against}${caution}`,
        `by my records, this appears to be: ${f.titleEn}${against}${caution}`,
      );
}

/**
 * A 助贷 (platform-arranged) loan's lender of record and guarantor, one line per debt that records
 * either, so the regulator knows which licensed institutions the complaint concerns. Only what the
 * debt records: a party left blank is not mentioned, never guessed.
 */
function zhudaiParties(ctx: Ctx, c: CaseInput) {
  return c.debts.map((d, i) => {
    const funder = (d.lenderOfRecord ?? '').trim();
    const guarantor = (d.guarantor ?? '').trim();
    if (funder === '' && guarantor === '') return false;
    const parts = [
      funder !== '' && ctx.t(`资金方（放款机构）：${funder}`, `lender of record: ${funder}`),
      guarantor !== '' && ctx.t(`担保方：${guarantor}`, `guarantor: ${guarantor}`),
    ].filter((x): x is string => x !== false);
    const ref = refText(ctx, d.ref, { isCard: d.product === '信用卡' || c.lender.isCreditCard });
    return fact(
      [src.debt(c, i)],
      run(ctx.t(`借款 ${ref}（平台助贷）：`, `Loan ${ref} (platform-arranged): `), true),
      parts.join(ctx.t('；', '; ')),
    );
  });
}

export function complaintHasIncident(c: CaseInput): boolean {
  return (
    (c.contacts ?? []).length > 0 ||
    (c.conduct ?? []).length > 0 ||
    (c.complaintFacts ?? '').trim() !== ''
  );
}

export function buildComplaint(c: CaseInput, lang: Lang, channelId?: ChannelId): Doc {
  const ctx = makeCtx(lang);
  // a 助贷 loan's complaint goes to the regulator of its lender of record when one is recorded
  const hasLenderOfRecord = c.debts.some((d) => (d.lenderOfRecord ?? '').trim() !== '');
  const ch = CHANNELS[channelId ?? complaintChannelFor(c.lender.type, { hasLenderOfRecord })];
  const contacts = c.contacts ?? [];
  const inbound = contacts.filter((x) => x.direction !== 'outbound');
  const outbound = contacts.filter((x) => x.direction === 'outbound');
  const findings = c.conduct ?? [];
  const isHarassment = ch.id === 'police-110';
  assert(complaintHasIncident(c), 'the complaint needs a logged contact or incident');
  // the public-security article in force on the (latest) incident's date
  const latest =
    inbound
      .map((x) => x.on)
      .sort()
      .at(-1) ?? c.asOf;
  const psId =
    latest >= PUBLIC_SECURITY_2025_FROM ? 'public-security-2025-50' : 'public-security-2012-42';
  return finish(
    ctx,
    ctx.t(isHarassment ? '报案材料' : '投诉书', isHarassment ? 'Police Report' : 'Complaint'),
    compact([
      para(ctx.t(`${ch.addresseeZh}：`, `To: ${ch.addresseeEn}`)),
      para(run(ctx.t('投诉人', 'Complainant'), true)),
      applicantBlock(ctx, c),
      fact(
        [src.lender(c)],
        run(ctx.t('被投诉机构：', 'Against: '), true),
        c.lender.brand
          ? ctx.t(`${c.lender.name}（${c.lender.brand}）`, `${c.lender.name} (${c.lender.brand})`)
          : c.lender.name,
      ),
      ...zhudaiParties(ctx, c),
      ch.cautionZh !== undefined &&
        para(ctx.t(`提示：${ch.cautionZh}。`, `Caution: ${ch.cautionEn ?? ''}.`)),
      heading(ctx.t('一、基本情况', '1. Background')),
      debtTable(ctx, c),
      facts(ctx, c, inbound, outbound),
      findings.length > 0 && heading(ctx.t('三、涉嫌不当的行为', '3. The conduct at issue')),
      findings.length > 0 &&
        factList(
          findings.map((f) => ({
            parts: [conductWording(ctx, f)],
            sources: f.contactSources.length > 0 ? f.contactSources : [f.source ?? 'conduct'],
          })),
          true,
        ),
      heading(
        ctx.t(
          findings.length > 0 ? '四、相关规定' : '三、相关规定',
          findings.length > 0 ? '4. Rules engaged' : '3. Rules engaged',
        ),
      ),
      rulesEngaged(ctx, c, isHarassment, psId),
      heading(
        ctx.t(
          findings.length > 0 ? '五、投诉请求' : '四、投诉请求',
          findings.length > 0 ? '5. What I ask' : '4. What I ask',
        ),
      ),
      asks(ctx, isHarassment, psId),
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
    c,
  );
}

// 二、投诉事实: the borrower's own statement, then the contacts logged each way
function facts(ctx: Ctx, c: CaseInput, inbound: Contact[], outbound: Contact[]): Block[] {
  return compact([
    heading(ctx.t('二、投诉事实', '2. The facts')),
    c.complaintFacts !== undefined &&
      c.complaintFacts.trim() !== '' &&
      factIndented(['input:complaintFacts'], c.complaintFacts),
    inbound.length > 0 &&
      factIndented(
        inbound.map((x) => src.contact(c, x)),
        ctx.t(
          `据本人记录，该机构或其委托的催收人员共联系${timesText(ctx, inbound.length)}，逐次情况如下：`,
          `By my records the lender or its collectors made contact ${timesText(ctx, inbound.length)}; each is listed below:`,
        ),
      ),
    inbound.length > 0 && incidentTable(ctx, c, inbound),
    outbound.length > 0 &&
      factIndented(
        outbound.map((x) => src.contact(c, x)),
        ctx.t(
          `本人曾${timesText(ctx, outbound.length)}主动与该机构协商分期还款，未能达成合理方案：`,
          `I contacted the lender ${timesText(ctx, outbound.length)} to agree an installment plan, without a reasonable outcome:`,
        ),
      ),
    outbound.length > 0 && incidentTable(ctx, c, outbound),
  ]);
}

// 相关规定: 治安管理处罚法 and 第1033条 for the police, else good faith and the collection rules
// for this kind of lender
function rulesEngaged(
  ctx: Ctx,
  c: CaseInput,
  isHarassment: boolean,
  psId: PublicSecurityId,
): Block {
  const bankCard = isBankCard(c.lender);
  return list(
    isHarassment
      ? [
          psId === 'public-security-2025-50'
            ? ctx.t(
                `${ctx.cite(psId)}：多次发送侮辱、威胁等信息，或者采取滋扰、纠缠等方法干扰他人正常生活的，应予处罚，并可责令其不得接触被侵害人。`,
                `${ctx.cite(psId)}: repeated insulting or threatening messages, harassment or pestering are punishable, and a no-contact order may be issued.`,
              )
            : ctx.t(
                `${ctx.cite(psId)}：多次发送侮辱、恐吓或者其他信息，干扰他人正常生活的，应予处罚。`,
                `${ctx.cite(psId)}: repeatedly sending insulting, threatening or other messages that disturb another's normal life is punishable.`,
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
          bankCard
            ? ctx.t(
                `${ctx.cite('credit-card-measures-68')}：发卡银行只能向债务人及担保人催收，不得向与债务无关的第三人催收。`,
                `${ctx.cite('credit-card-measures-68')}: issuers may collect only from the debtor and guarantor, never from unrelated third parties.`,
              )
            : c.lender.type === 'bank'
              ? ctx.t(
                  `${ctx.cite('cba-collection-2026')}：未经同意不得在22:00至次日8:00催收，不得向无关第三人催收。`,
                  `${ctx.cite('cba-collection-2026')}: no collection 22:00–08:00 without consent and none from unrelated third parties.`,
                )
              : ctx.t(
                  `${ctx.cite('nifa-collection-2024')}：22:00至次日8:00不得催收，不得向无关第三人催收。`,
                  `${ctx.cite('nifa-collection-2024')}: no collection 22:00–08:00 and none from unrelated third parties.`,
                ),
        ],
    true,
  );
}

// 投诉请求: stop the harassment (police), or stop improper collection and negotiate (regulators)
function asks(ctx: Ctx, isHarassment: boolean, psId: PublicSecurityId): Block {
  return list(
    isHarassment
      ? [
          ctx.t('依法制止上述滋扰行为', 'stop the harassment'),
          psId === 'public-security-2025-50'
            ? ctx.t(
                '责令相关人员不得接触本人及家人',
                'order the persons involved not to contact me or my family',
              )
            : ctx.t('依法处理相关人员', 'deal with the persons involved according to law'),
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
  );
}
