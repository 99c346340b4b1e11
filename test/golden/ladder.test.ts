// The escalation-ladder letters for a realistic case (golden Markdown under test/golden/, read
// as the recipient's staff would) and for a bare case (blanks, never ¥0.00 or an internal id);
// every fact sentence names its record; the channel → letter mapping; 第42/50条 by date.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/core/money/index.js';
import { isoDate } from '../../src/core/dates/index.js';
import {
  CHANNEL_IDS,
  LETTER_TEMPLATES,
  complaintChannelFor,
  missingFor,
  plainText,
  renderMarkdown,
  type CaseInput,
  type LetterKind,
} from '../../src/documents/index.js';
import { assertEveryFactSourced } from '../../src/documents/index.js';
import { publicSecurityArticleFor } from '../../src/documents/templates/police-report.js';
import { channelLetterKind } from '../../src/app/documents/letter-extras.js';
import { BARE, LADDER } from './ladder-case.js';

const NEW_KINDS: LetterKind[] = [
  'credit-dispute',
  'lender-complaint',
  'pboc-complaint',
  'market-complaint',
  'police-report',
  'pipl-request',
  'follow-up',
  'agreement-confirmation',
];

const GOLDEN = new URL('./', import.meta.url);

/** The bare case plus only the one part each kind cannot do without. */
function bareFor(kind: LetterKind): CaseInput {
  const contact = { on: isoDate('2026-02-01'), channel: 'sms', summary: '' };
  switch (kind) {
    case 'credit-dispute':
    case 'pboc-complaint':
      return { ...BARE, dispute: { item: '逾期' } };
    case 'lender-complaint':
    case 'market-complaint':
    case 'police-report':
      return { ...BARE, contacts: [contact] };
    case 'pipl-request':
      return { ...BARE, contacts: [{ ...contact, thirdParty: true }] };
    case 'follow-up':
      return {
        ...BARE,
        missedDeadline: {
          kind: 'promise',
          source: 'contact:c1',
          promisedOn: isoDate('2026-02-01'),
          promise: '核实后回电',
          deadline: isoDate('2026-02-08'),
        },
      };
    case 'agreement-confirmation':
      return {
        ...BARE,
        agreement: {
          source: 'agreement:a1',
          agreedOn: isoDate('2026-02-01'),
          total: cents(500_000),
          installments: [{ seq: 1, dueOn: isoDate('2026-03-01'), amount: cents(500_000) }],
          concessions: [],
          isConfirmedInWriting: false,
        },
      };
    default:
      return BARE;
  }
}

describe('escalation-ladder letters', () => {
  it.each(NEW_KINDS)(
    '%s: the realistic case renders, every fact sourced, matching its golden file',
    async (kind) => {
      expect(missingFor(kind, LADDER)).toEqual([]);
      for (const lang of ['zh', 'en'] as const) {
        const doc = LETTER_TEMPLATES[kind].build(LADDER, lang, { channel: 'credit-dispute' });
        assertEveryFactSourced(doc);
        const text = plainText(doc);
        expect(text).not.toMatch(/¥0\.00|#[0-9a-f]{6,}|esc-|agr-|bud-/);
        if (lang === 'zh') {
          const md = renderMarkdown(doc);
          const file = new URL(`${kind}.md`, GOLDEN);
          if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, md);
          expect(md).toBe(readFileSync(file, 'utf8'));
        }
      }
    },
  );

  it.each(NEW_KINDS)(
    '%s: the bare case is refused without its part, and renders with blanks with it',
    (kind) => {
      expect(missingFor(kind, BARE).length).toBeGreaterThan(0);
      const c = bareFor(kind);
      expect(missingFor(kind, c)).toEqual([]);
      const doc = LETTER_TEMPLATES[kind].build(c, 'zh');
      assertEveryFactSourced(doc);
      const text = plainText(doc);
      expect(text).toContain('______');
      expect(text).not.toContain('¥0.00');
      expect(text).not.toContain('undefined');
      // a bank is 贵行, never 贵司
      expect(text).not.toContain('贵司');
    },
  );

  it('maps every channel to its own letter: the credit bureau gets a 异议申请', () => {
    const kinds = Object.fromEntries(CHANNEL_IDS.map((c) => [c, channelLetterKind(c)]));
    expect(kinds).toEqual({
      'lender-complaint': 'lender-complaint',
      'nfra-12378': 'complaint',
      'credit-dispute': 'credit-dispute',
      'pboc-complaint': 'pboc-complaint',
      nifa: 'complaint',
      'local-regulator': 'complaint',
      'police-110': 'police-report',
      mediation: 'mediation',
      'legal-aid-12348': 'legal-aid',
      'market-12315': 'market-complaint',
      'pipl-request': 'pipl-request',
    });
    const dispute = plainText(LETTER_TEMPLATES['credit-dispute'].build(LADDER, 'zh'));
    expect(dispute).toContain('第25条');
    expect(dispute).not.toContain('停止催收');
  });

  it('cites 治安管理处罚法 第42条 for conduct before 2026-01-01 and 第50条 from then on', () => {
    expect(publicSecurityArticleFor(isoDate('2025-12-31'))).toBe('public-security-2012-42');
    expect(publicSecurityArticleFor(isoDate('2026-01-01'))).toBe('public-security-2025-50');
    const only2025 = { ...LADDER, contacts: [LADDER.contacts![0]!] };
    const doc = LETTER_TEMPLATES['police-report'].build(only2025, 'zh');
    expect(doc.citations).toEqual(['public-security-2012-42']);
    const both = LETTER_TEMPLATES['police-report'].build(LADDER, 'zh');
    expect(both.citations).toEqual(['public-security-2012-42', 'public-security-2025-50']);
    expect(plainText(both)).toContain('可能涉嫌');
    expect(plainText(both)).not.toMatch(/违反治安管理处罚法/);
  });

  it('sends a 助贷 complaint to the regulator of the lender of record', () => {
    expect(complaintChannelFor('guarantee-platform')).toBe('nifa');
    expect(complaintChannelFor('guarantee-platform', { hasLenderOfRecord: true })).toBe(
      'nfra-12378',
    );
    const text = plainText(LETTER_TEMPLATES['lender-complaint'].build(LADDER, 'zh'));
    expect(text).toContain('某某银行股份有限公司');
    expect(text).toContain('国家金融监督管理总局');
  });

  it('appends the 家庭收支情况表 and the 证据目录 to the request and complaints, listed under 附件', () => {
    const withPlan: CaseInput = { ...LADDER };
    for (const kind of ['complaint', 'lender-complaint'] as const) {
      const doc = LETTER_TEMPLATES[kind].build(withPlan, 'zh', { channel: 'nfra-12378' });
      const text = plainText(doc);
      expect(text).toContain('附件一：家庭收支情况表（附后）');
      expect(text).toContain('附件二：证据目录（附后）');
      expect(text).toContain(
        '可用于还款金额（收入 − 必要支出 − 其他固定支出 − 弹性支出 − 应急备用金） | ¥1,400.00',
      );
      expect(text).toContain('a3f1c9e07b5d4e2f');
      expect(doc.blocks.at(-1)?.kind).toBe('notice');
    }
  });
});
