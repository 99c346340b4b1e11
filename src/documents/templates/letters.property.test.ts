// Property test over random cases: every letter kind owned here, for every lender type, with and
// without contacts, third parties, payments and evidence, overdue or not. Each generated document
// must pass the pre-send check and state nothing the case does not support.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../../core/money/index.js';
import { addDays, isoDate } from '../../core/dates/index.js';
import { ratePpm } from '../../core/rates/index.js';
import { plainText, type Doc, type Lang } from '../model.js';
import { assertEveryFactSourced } from '../sources.js';
import { LETTER_KINDS, LETTER_TEMPLATES, missingFor, type LetterKind } from './index.js';
import { concessionLadder } from './call-script.js';
import { LENDER_TYPES, type CaseInput, type Contact, type LenderType } from './types.js';

const AS_OF = isoDate('2026-11-29');
const HEX = '0123456789abcdef';

const sha = fc
  .array(fc.constantFrom(...HEX.split('')), { minLength: 64, maxLength: 64 })
  .map((a) => a.join(''));

const contactArb = (i: number) =>
  fc
    .record({
      daysAgo: fc.integer({ min: 0, max: 400 }),
      hour: fc.integer({ min: 0, max: 23 }),
      channel: fc.constantFrom('phone', 'sms', 'wechat', 'app-chat', 'visit'),
      direction: fc.constantFrom('inbound' as const, 'outbound' as const),
      third: fc.boolean(),
      whom: fc.constantFrom('母亲', '同事', '工作单位'),
      agent: fc.option(fc.constantFrom('王某 工号A1023', '赵某'), { nil: undefined }),
      counterpart: fc.option(fc.constantFrom('95188', '010-12345678'), { nil: undefined }),
      evidence: fc.option(sha, { nil: undefined }),
    })
    .map((r): Contact => ({
      source: `contact:c${i}`,
      on: addDays(AS_OF, -r.daysAgo),
      time: `${String(r.hour).padStart(2, '0')}:15`,
      channel: r.channel,
      direction: r.direction,
      ...(r.agent ? { agent: r.agent } : {}),
      ...(r.counterpart ? { counterpart: r.counterpart } : {}),
      ...(r.third && r.direction === 'inbound' ? { thirdParty: true, whom: r.whom } : {}),
      summary: '要求当天还清全部欠款',
      ...(r.evidence ? { evidence: [{ name: '录音.m4a', sha256: r.evidence }] } : {}),
    }));

const caseArb: fc.Arbitrary<CaseInput> = fc
  .record({
    type: fc.constantFrom(...(LENDER_TYPES as LenderType[])),
    card: fc.boolean(),
    debts: fc.array(
      fc.record({
        ref: fc.option(fc.constantFrom('HT2024001', '尾号1234'), { nil: undefined }),
        principal: fc.integer({ min: 1000_00, max: 80_000_00 }),
        paidShare: fc.integer({ min: 0, max: 90 }),
        overdue: fc.integer({ min: 0, max: 1500 }),
        penalty: fc.integer({ min: 0, max: 3000_00 }),
        paidDaysAgo: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    contacts: fc
      .integer({ min: 0, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => contactArb(i)))),
    plan: fc.option(
      fc.record({
        share: fc.integer({ min: 20, max: 100 }),
        n: fc.integer({ min: 1, max: 60 }),
        slack: fc.integer({ min: 0, max: 500_00 }),
        strategy: fc.constantFrom(
          'pro-rata-balance' as const,
          'pro-rata-contractual' as const,
          'highest-cost-first' as const,
          'custom' as const,
        ),
        concessions: fc.subarray(['waive-penalty', 'freeze-interest', 'stop-collection'] as const),
      }),
      { nil: undefined },
    ),
    budget: fc.option(
      fc.record({
        income: fc.integer({ min: 0, max: 30_000_00 }),
        priority: fc.integer({ min: 0, max: 20_000_00 }),
        other: fc.integer({ min: 0, max: 5_000_00 }),
        buffer: fc.integer({ min: 0, max: 1_000_00 }),
        creditors: fc.integer({ min: 1, max: 9 }),
      }),
      { nil: undefined },
    ),
    hardship: fc.boolean(),
    legality: fc.option(
      fc.record({
        apr: fc.integer({ min: 150_000, max: 900_000 }),
        basis: fc.constantFrom('contract' as const, 'actual' as const),
        over: fc.integer({ min: 0, max: 5_000_00 }),
      }),
      { nil: undefined },
    ),
    exhibits: fc.boolean(),
    ledger: fc.boolean(),
  })
  .map((r): CaseInput => {
    const debts = r.debts.map((d, i) => ({
      source: `debt:d${i}`,
      ref: d.ref ?? '',
      principal: cents(d.principal),
      outstanding: cents(Math.round((d.principal * (100 - d.paidShare)) / 100) + d.penalty),
      overdueDays: d.overdue,
      penalty: cents(d.overdue > 0 ? d.penalty : 0),
      ...(d.paidDaysAgo ? { lastPaymentOn: addDays(AS_OF, -d.paidDaysAgo) } : {}),
    }));
    const total = debts.reduce((s, d) => s + d.outstanding, 0);
    let plan: CaseInput['plan'];
    if (r.plan) {
      const paid = Math.max(1, Math.round((total * r.plan.share) / 100));
      const m = Math.ceil(paid / r.plan.n);
      const n = Math.ceil(paid / m);
      plan = {
        source: 'plan:p1',
        strategy: r.plan.strategy,
        monthlyPayment: cents(m),
        installments: n,
        firstDueOn: addDays(AS_OF, 16),
        endOn: addDays(AS_OF, 16 + 30 * (n - 1)),
        totalPaid: cents(paid),
        ...(paid - m * (n - 1) !== m ? { lastPayment: cents(paid - m * (n - 1)) } : {}),
        concessions: [...r.plan.concessions],
        ...(r.plan.slack > 0 ? { walkAwayMonthly: cents(m + r.plan.slack) } : {}),
      };
    }
    const b = r.budget;
    return {
      asOf: AS_OF,
      borrower: { source: 'profile:1', name: '李明', phone: '138****5678' },
      lender: {
        source: 'lender:l1',
        name: '某某金融机构',
        type: r.type,
        isCreditCard: r.card && r.type === 'bank',
      },
      debts,
      ...(plan ? { plan } : {}),
      ...(b
        ? {
            budget: {
              source: 'budget:b1',
              householdSize: 3,
              monthlyIncome: cents(b.income),
              priorityCosts: cents(b.priority),
              otherCosts: cents(b.other),
              emergencyBuffer: cents(b.buffer),
              capacityForCreditors: cents(b.income - b.priority - b.other - b.buffer),
              creditorCount: b.creditors,
              totalDebt: cents(total * b.creditors),
              debtSources: debts.map((d) => d.source),
            },
          }
        : {}),
      ...(r.hardship
        ? {
            hardship: {
              source: 'profile:1',
              cause: 'unemployment' as const,
              since: isoDate('2026-06-30'),
              description: '公司裁员。',
              proofs: [],
            },
          }
        : {}),
      ...(r.legality
        ? {
            legality: [
              {
                source: 'legality:d0',
                debtRef: debts[0]!.ref,
                basis: r.legality.basis,
                aprPpm: ratePpm(r.legality.apr),
                limitPpm: ratePpm(r.type === 'private' ? 120_000 : 240_000),
                ruleId: r.type === 'private' ? 'private-lending-25' : 'fafa-2017-22-item2',
                overcharge: cents(r.legality.over),
              },
            ],
          }
        : {}),
      contacts: r.contacts,
      ...(r.exhibits
        ? {
            exhibits: [
              { source: 'evidence:e1', no: '证据1', title: '通话录音', sha256: 'a'.repeat(64) },
            ],
          }
        : {}),
      ...(r.ledger ? { ledgerHead: { seq: 7, hash: 'b'.repeat(64) } } : {}),
    };
  });

const yuan = (s: string): number => Math.round(Number(s.replace(/[¥,]/g, '')) * 100);
const M = '(¥[\\d,]+\\.\\d{2})';

/** Every "A − B − C − D = E" in the text is exact. */
function equationsReconcile(text: string): void {
  for (const m of text.matchAll(new RegExp(`${M}((?: − ${M})+) = ${M}`, 'g'))) {
    const parts = m[0].split(' = ');
    const terms = parts[0]!.split(' − ').map(yuan);
    const lhs = terms.slice(1).reduce((a, x) => a - x, terms[0]!);
    expect(lhs, m[0]).toBe(yuan(parts[1]!));
  }
}

/** Every "每月¥M，共N期（，末期¥L）" with the plan's total adds up to it. */
function laddersAddUp(c: CaseInput, kind: LetterKind): void {
  if (kind !== 'call-script' || !c.plan) return;
  const steps = concessionLadder(c);
  for (const s of steps) expect(s.monthly * (s.installments - 1) + s.last).toBe(c.plan.totalPaid);
  // monotone: the monthly amount never falls, the term never grows; walk-away ≠ opening offer
  for (let i = 1; i < steps.length; i++) {
    expect(steps[i]!.monthly).toBeGreaterThanOrEqual(steps[i - 1]!.monthly);
    expect(steps[i]!.installments).toBeLessThanOrEqual(steps[i - 1]!.installments);
    const same =
      steps[i]!.monthly === steps[i - 1]!.monthly &&
      steps[i]!.asks.length === steps[i - 1]!.asks.length;
    expect(same, 'each step gives something').toBe(false);
  }
  if (c.plan.walkAwayMonthly !== undefined && c.plan.walkAwayMonthly > c.plan.monthlyPayment)
    expect(steps.at(-1)!.monthly).toBe(Math.min(c.plan.walkAwayMonthly, c.plan.totalPaid));
}

const ENGLISH_CODES =
  /(?<![A-Za-z])(phone|sms|wechat|app-chat|visit|inbound|outbound|bank|consumer-finance|small-loan|guarantee-platform|private|unknown|family|colleague|pro-rata-balance|waive-penalty)(?![A-Za-z-])/;

function checkDoc(c: CaseInput, kind: LetterKind, lang: Lang, doc: Doc): void {
  assertEveryFactSourced(doc);
  const text = plainText(doc);
  expect(text, 'internal id').not.toMatch(/#[0-9a-f]{6,}/);
  expect(text, '¥0.00 for an unknown').not.toMatch(/罚息、违约金¥0\.00|the ¥0\.00 of penalty/);
  equationsReconcile(text);
  laddersAddUp(c, kind);
  if (c.debts.every((d) => d.overdueDays > 0)) expect(text).not.toMatch(/第678条|Art\. 678/);
  if (c.lender.type !== 'private') expect(text).not.toMatch(/第680条|Art\. 680/);
  if (!(c.lender.isCreditCard && c.lender.type === 'bank'))
    expect(text).not.toMatch(/信用卡业务监督管理办法|Credit Card Business/);
  if (lang === 'zh') {
    expect(text).not.toMatch(ENGLISH_CODES);
    const bank = c.lender.type === 'bank' || c.lender.isCreditCard;
    if (bank) expect(text).not.toContain('贵司');
    else expect(text).not.toContain('贵行');
  }
  const outbound = (c.contacts ?? []).filter((x) => x.direction === 'outbound').length;
  const inbound = (c.contacts ?? []).length - outbound;
  if (inbound < 2 && outbound < 2) expect(text).not.toContain('多次');
  if (c.ledgerHead)
    expect(text).toContain(lang === 'zh' ? '证据链：第7条 / 哈希前缀bbbbbbbb' : 'entry 7');
}

describe('every owned letter kind over random cases', () => {
  it('states only what the record supports, sourced, reconciled, with the law the facts call for', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom<Lang>('zh', 'en'), (c, lang) => {
        let built = 0;
        // every kind the product writes, not only the first ones: the escalation ladder's
        // letters state facts from the same record and follow the same rules
        for (const kind of LETTER_KINDS) {
          if (missingFor(kind, c).length > 0) continue;
          checkDoc(c, kind, lang, LETTER_TEMPLATES[kind].build(c, lang));
          built++;
        }
        expect(built).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a complaint or stop-third-party letter with no incident logged', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const none = { ...c, contacts: [] };
        expect(missingFor('complaint', none)).toEqual(['incident']);
        expect(missingFor('stop-third-party', none)).toEqual(['third-party-incident']);
      }),
      { numRuns: 50 },
    );
  });
});
