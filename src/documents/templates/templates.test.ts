import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/money/index.js';
import { PROVISIONS } from '../../core/law/index.js';
import { CAUTION, findCitation, formatCitation } from '../citations.js';
import { CHANNEL_IDS, CHANNELS, complaintChannelFor } from '../channels.js';
import { EXAMPLE_CASES, MANY_LOANS, YOUNG_WORKER } from '../fixtures.js';
import { plainText, type Doc, type Lang } from '../model.js';
import { LETTER_KINDS, LETTER_TEMPLATES, missingFor } from './index.js';
import { buildComplaint } from './complaint.js';
import { checkSources } from '../sources.js';

const LANGS: Lang[] = ['zh', 'en'];

function allDocs(): { name: string; kind: string; lang: Lang; doc: Doc }[] {
  const out = [];
  for (const [name, c] of Object.entries(EXAMPLE_CASES))
    for (const kind of LETTER_KINDS)
      if (missingFor(kind, c).length === 0)
        for (const lang of LANGS)
          out.push({ name, kind, lang, doc: LETTER_TEMPLATES[kind].build(c, lang) });
  for (const ch of CHANNEL_IDS)
    for (const lang of LANGS)
      out.push({
        name: 'young-worker',
        kind: `complaint/${ch}`,
        lang,
        doc: buildComplaint(YOUNG_WORKER, lang, ch),
      });
  // a keyword finding under a U rule: the complaint must word it with its caution
  for (const lang of LANGS)
    out.push({
      name: 'young-worker',
      kind: 'complaint/u-rule',
      lang,
      doc: buildComplaint(
        {
          ...YOUNG_WORKER,
          conduct: [
            {
              contactSources: ['input:contacts[0]'],
              titleZh: '催收时间不当',
              titleEn: 'collection at night',
              certainty: 'U',
              detection: 'keyword-heuristic',
              provisionIds: ['nifa-convention-2018'],
            },
          ],
        },
        lang,
      ),
    });
  return out;
}

const DOCS = allDocs();

describe('letter templates over the three example cases', () => {
  it('renders every kind a case can support, in both languages', () => {
    // per language: young-worker 17, card-family 14, many-loans 7 kinds. card-installment needs
    // a card lender; excess-interest legality findings; stop-third-party a logged third-party
    // contact; complaint, lender-complaint, market-complaint and police-report an incident;
    // pboc-complaint a dispute; follow-up, agreement-confirmation and pipl-request a missed
    // deadline, an agreement and a third-party contact (none in these cases)
    expect(DOCS.filter((d) => !d.kind.startsWith('complaint/')).length).toBe(2 * (17 + 14 + 7));
  });

  it.each(DOCS.map((d) => [`${d.name} ${d.kind} ${d.lang}`, d] as const))(
    '%s ends with the not-legal-advice line',
    (_, { doc, lang }) => {
      const last = doc.blocks.at(-1)!;
      expect(last.kind).toBe('notice');
      expect(plainText(doc)).toContain(lang === 'zh' ? '不构成法律意见' : 'not legal advice');
    },
  );

  it('every citation in every document resolves to the law registry', () => {
    for (const { doc } of DOCS)
      for (const id of doc.citations) expect(findCitation(id), `${doc.title}: ${id}`).toBeDefined();
  });

  it('a U provision never appears without its caution (scans every rendered text)', () => {
    const uProvisions = PROVISIONS.filter((p) => p.certainty === 'U');
    expect(uProvisions.length).toBeGreaterThan(0);
    let seen = 0;
    for (const { doc, lang } of DOCS) {
      const text = plainText(doc);
      for (const p of uProvisions) {
        const bare = formatCitation(p, lang).replace(CAUTION[lang], '');
        let i = text.indexOf(bare);
        while (i >= 0) {
          seen++;
          expect(
            text.slice(i + bare.length, i + bare.length + CAUTION[lang].length),
            `${doc.title}: ${p.id}`,
          ).toBe(CAUTION[lang]);
          i = text.indexOf(bare, i + 1);
        }
      }
    }
    // the complaint with a U-rule finding cites the unverified 2018 NIFA convention: the scan is live
    expect(seen).toBeGreaterThan(0);
  });

  it('names the S/P article numbers the brief requires (民法典 第678条, 信用卡办法 第70条, 征信条例 第25条)', () => {
    const text = (kind: string, c = YOUNG_WORKER) =>
      plainText(LETTER_TEMPLATES[kind as 'request'].build(c, 'zh'));
    // 第678条 is an extension asked before the due date: never for an overdue debt
    expect(text('request')).not.toContain('第678条');
    const early = {
      ...YOUNG_WORKER,
      debts: YOUNG_WORKER.debts.map((d) => ({ ...d, overdueDays: 0 })),
    };
    expect(text('request', early)).toContain('《中华人民共和国民法典》第678条');
    expect(text('card-installment', EXAMPLE_CASES['card-family'])).toContain('第70条');
    expect(text('credit-dispute')).toContain('《征信业管理条例》（国务院令第631号）第25条');
    // the reply is due 20 days from receipt, which the letter's own date does not fix
    expect(text('credit-dispute')).toContain('自收到本申请之日起20日内');
  });

  it('the request letter carries the plan figures to the fen, in Chinese date form', () => {
    const c = YOUNG_WORKER;
    const t = plainText(LETTER_TEMPLATES.request.build(c, 'zh'));
    expect(t).toContain(`每期还款金额 | ${formatMoney(c.plan!.monthlyPayment)}`);
    expect(t).toContain('¥492.14');
    expect(t).toContain('末期还款金额 | ¥492.25');
    expect(t).toContain('还款总额 | ¥11,811.47');
    expect(t).toContain('首期还款日 | 2026年12月15日');
    expect(t).toContain('此致');
    expect(t).toContain('敬礼！');
    // the plan rows sum: 23 × 492.14 + 492.25 = 11,811.47
    expect(23 * 49_214 + 49_225).toBe(c.plan!.totalPaid);
  });

  it('a negative budget asks for token payments and says what is left to renegotiate', () => {
    const t = plainText(LETTER_TEMPLATES.request.build(MANY_LOANS, 'zh'));
    expect(t).toContain('每月收支缺口¥150.00');
    expect(t).toContain('剩余待协商 | ¥20,043.95');
  });

  it('the card letter never promises 停息 or 60 期 as a right', () => {
    for (const lang of LANGS) {
      const t = plainText(
        LETTER_TEMPLATES['card-installment'].build(EXAMPLE_CASES['card-family'], lang),
      );
      expect(t).toMatch(lang === 'zh' ? /由贵行审核决定/ : /the decision is yours/);
      expect(t).not.toMatch(/有权(要求)?停息|法定.*60期|entitled to/);
      expect(t).toContain(
        lang === 'zh' ? '不向任何银行申请新的信用卡' : 'not to apply for a credit card',
      );
    }
  });

  it('the call script has a ladder from the ask to the walk-away point and the three questions', () => {
    const t = plainText(LETTER_TEMPLATES['call-script'].build(YOUNG_WORKER, 'zh'));
    expect(t).toContain('底线');
    expect(t).toContain('工号');
    expect(t).toContain('征信');
    expect(t).toContain('书面');
    expect(t).toContain(formatMoney(YOUNG_WORKER.plan!.walkAwayMonthly!));
  });

  it('the excess-interest letter uses the recalculation numbers', () => {
    const t = plainText(LETTER_TEMPLATES['excess-interest'].build(YOUNG_WORKER, 'zh'));
    expect(t).toContain('35.9%');
    expect(t).toContain('¥642.18');
    expect(t).toContain('¥6,481.27');
  });

  it('routes complaints by lender type (docs/law.md, Complaint channels) and flags 12363 as unverified', () => {
    expect(complaintChannelFor('bank')).toBe('nfra-12378');
    expect(complaintChannelFor('consumer-finance')).toBe('nfra-12378');
    expect(complaintChannelFor('small-loan')).toBe('local-regulator');
    expect(complaintChannelFor('guarantee-platform')).toBe('nifa');
    expect(CHANNELS['credit-dispute'].followUpDays).toBe(20);
    expect(CHANNELS['pboc-complaint'].followUpDays).toBe(30);
    const t = plainText(buildComplaint(YOUNG_WORKER, 'zh', 'pboc-complaint'));
    expect(t).toContain('12363');
    expect(t).toContain('（待核实）');
  });

  it('refuses kinds whose inputs are missing', () => {
    expect(missingFor('excess-interest', MANY_LOANS)).toEqual(['legality']);
    expect(missingFor('card-installment', YOUNG_WORKER)).toEqual(['credit-card']);
    expect(missingFor('request', { ...YOUNG_WORKER, plan: undefined as never })).toEqual(['plan']);
  });
});

describe('complaint about a 助贷 loan', () => {
  const zhudai = {
    ...YOUNG_WORKER,
    debts: YOUNG_WORKER.debts.map((d, i) =>
      i === 0
        ? { ...d, lenderOfRecord: '某某消费金融有限公司', guarantor: '某某融资担保有限公司' }
        : d,
    ),
  };

  it('names the lender of record and the guarantor the debt records, each with its source', () => {
    const doc = buildComplaint(zhudai, 'zh');
    const t = plainText(doc);
    expect(t).toContain('资金方（放款机构）：某某消费金融有限公司');
    expect(t).toContain('担保方：某某融资担保有限公司');
    expect(t).toContain('XH20240315001');
    // (the fixture's own 多次 statement is flagged elsewhere; the new lines carry their debt)
    expect(checkSources(doc).filter((i) => /资金方|担保方/.test(i.text))).toEqual([]);
    // the lender of record is a licensed lender: the complaint goes to its regulator
    expect(t).toContain('12378');
    expect(plainText(buildComplaint(zhudai, 'en'))).toContain(
      'lender of record: 某某消费金融有限公司',
    );
  });

  it('never invents them: only the recorded party, and none at all for a plain loan', () => {
    const onlyGuarantor = {
      ...YOUNG_WORKER,
      debts: YOUNG_WORKER.debts.map((d, i) => (i === 1 ? { ...d, guarantor: '某担保公司' } : d)),
    };
    const t = plainText(buildComplaint(onlyGuarantor, 'zh'));
    expect(t).toContain('担保方：某担保公司');
    expect(t).not.toContain('资金方');
    const plain = plainText(buildComplaint(YOUNG_WORKER, 'zh'));
    expect(plain).not.toContain('资金方');
    expect(plain).not.toContain('担保方');
  });
});
