import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../dates/index.js';
import { checkConduct, inWindow, shanghaiLocal, type ConductContact } from './check.js';
import { CONDUCT_RULES } from './rules.js';

let n = 0;
/** A contact at a Beijing local time ('2026-11-20 22:00'). */
function at(local: string, over: Partial<ConductContact> = {}): ConductContact {
  const [d, t] = local.split(' ');
  n += 1;
  return {
    id: `c${n}`,
    lenderId: 'L1',
    lenderName: '某消费金融',
    lenderType: 'consumer-finance',
    occurredAt: new Date(`${d}T${t}:00+08:00`).toISOString() as Instant,
    channel: 'phone',
    direction: 'inbound',
    thirdParty: null,
    tags: [],
    text: '',
    ...over,
  };
}

const rules = (cs: ConductContact[]) => checkConduct(cs).map((f) => f.rule);

describe('shanghaiLocal', () => {
  it('turns UTC into Beijing day and minute, across midnight', () => {
    expect(shanghaiLocal('2026-11-20T15:59:00.000Z' as Instant)).toEqual({
      day: '2026-11-20',
      minute: 23 * 60 + 59,
    });
    expect(shanghaiLocal('2026-11-20T16:00:00.000Z' as Instant)).toEqual({
      day: '2026-11-21',
      minute: 0,
    });
  });
  it('property: minute is always 0..1439 and day changes exactly at 16:00Z', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (sec) => {
        const l = shanghaiLocal(new Date(sec * 1000).toISOString() as Instant);
        const utcMin = Math.floor(sec / 60) % 1440;
        return l.minute >= 0 && l.minute < 1440 && l.minute === (utcMin + 480) % 1440;
      }),
    );
  });
});

describe('night contact 22:00–08:00 (docs/law.md, Collection conduct: NIFA 2024, GB/T 45251—2025, CBA 2026)', () => {
  it.each([
    ['2026-11-20 21:59', false],
    ['2026-11-20 22:00', true],
    ['2026-11-20 22:01', true],
    ['2026-11-21 00:30', true],
    ['2026-11-21 07:59', true],
    ['2026-11-21 08:00', false],
  ])('%s → night flag %s', (t, expected) => {
    expect(rules([at(t)]).includes('night-contact')).toBe(expected);
  });

  it('names its sources, certainty S and a complaint channel', () => {
    const [f] = checkConduct([at('2026-11-20 23:10')]);
    expect(f).toMatchObject({
      rule: 'night-contact',
      certainty: 'S',
      severity: 'breach',
      localTime: '23:10',
      day: '2026-11-20',
      detection: 'recorded',
    });
    expect(f!.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['nifa-collection-2024', 'gb-t-45251-2025', 'cba-collection-2026']),
    );
    expect(f!.channels.map((c) => c.id)).toEqual(['12378', 'nifa']);
    expect(f!.messageZh).toContain('22:00至次日08:00');
  });

  it('is not flagged when the borrower consented, called out, or by letter', () => {
    expect(rules([at('2026-11-20 23:00', { tags: ['consented-time'] })])).toEqual([]);
    expect(rules([at('2026-11-20 23:00', { direction: 'outbound' })])).toEqual([]);
    expect(rules([at('2026-11-20 23:00', { channel: 'letter' })])).toEqual([]);
  });

  it('before the first standard (2024-05-15) it is only a note', () => {
    const [f] = checkConduct([at('2023-03-01 23:00')]);
    expect(f).toMatchObject({ rule: 'night-contact', severity: 'note' });
  });
});

describe('late evening 21:00–22:00 is a U-level note only (2018 公约 wording unverified)', () => {
  it.each([
    ['2026-11-20 20:59', false],
    ['2026-11-20 21:00', true],
    ['2026-11-20 21:01', true],
    ['2026-11-20 21:59', true],
    ['2026-11-20 22:00', false],
  ])('%s → late-evening note %s', (t, expected) => {
    const fs = checkConduct([at(t)]).filter((f) => f.rule === 'late-evening-contact');
    expect(fs.length === 1).toBe(expected);
    if (expected) expect(fs[0]).toMatchObject({ certainty: 'U', severity: 'note' });
  });
  it('window data is the source of truth', () => {
    expect(CONDUCT_RULES['night-contact'].window).toEqual({ fromMinute: 1320, toMinute: 480 });
    expect(inWindow(1319, CONDUCT_RULES['night-contact'].window!)).toBe(false);
  });
});

describe('third parties', () => {
  it('flags contact with family as a breach, with the relation', () => {
    const [f] = checkConduct([
      at('2026-11-20 10:00', { thirdParty: { relation: 'family', detail: '母亲' } }),
    ]);
    expect(f).toMatchObject({ rule: 'third-party-contact', severity: 'breach', certainty: 'S' });
    expect(f!.messageZh).toContain('家人（母亲）');
  });
  it('employer and contacts list too; spouse is a warning (possibly debt-related)', () => {
    expect(
      rules([at('2026-11-20 10:00', { thirdParty: { relation: 'employer', detail: null } })]),
    ).toEqual(['third-party-contact']);
    expect(
      rules([at('2026-11-20 10:00', { thirdParty: { relation: 'contacts-list', detail: null } })]),
    ).toEqual(['third-party-contact']);
    expect(
      checkConduct([
        at('2026-11-20 10:00', { thirdParty: { relation: 'spouse', detail: null } }),
      ])[0]!.severity,
    ).toBe('warning');
  });
  it('adds a disclosure flag when the debt was revealed', () => {
    expect(
      rules([
        at('2026-11-20 10:00', {
          thirdParty: { relation: 'family', detail: null },
          tags: ['debt-disclosed'],
        }),
      ]),
    ).toEqual(['debt-disclosed-to-third-party', 'third-party-contact']);
  });
  it('no third party, no flag', () => {
    expect(rules([at('2026-11-20 10:00')])).toEqual([]);
  });
});

describe('threats, insults, impersonation, private accounts', () => {
  it('a user tag is a breach with detection user-tagged', () => {
    const [f] = checkConduct([at('2026-11-20 10:00', { tags: ['threat'] })]);
    expect(f).toMatchObject({
      rule: 'threat',
      severity: 'breach',
      detection: 'user-tagged',
      // from 2026-01-01 the harassment article is 治安管理处罚法 第50条 (2025 revision), S in docs/law.md
      certainty: 'S',
    });
    // before then 第42条 of the 2012 text applies, which docs/law.md marks P
    expect(checkConduct([at('2025-11-20 10:00', { tags: ['threat'] })])[0]!.certainty).toBe('P');
  });
  it('a keyword match says 可能涉嫌, never 违反', () => {
    const [f] = checkConduct([at('2026-11-20 10:00', { text: '再不还就上门找你，让你坐牢' })]);
    expect(f!.messageZh).toContain('可能涉嫌');
    expect(f!.messageZh).not.toMatch(/(?<!涉嫌)违反/);
  });
  it('cites 信用卡业务管理办法 only against banks', () => {
    const [nonBank] = checkConduct([
      at('2026-11-20 10:00', { tags: ['threat'], lenderType: 'small-loan' }),
    ]);
    expect(nonBank!.sources.map((x) => x.id)).not.toContain('credit-card-measures-68');
    const [bank] = checkConduct([at('2026-11-20 10:00', { tags: ['threat'], lenderType: 'bank' })]);
    expect(bank!.sources.map((x) => x.id)).toContain('credit-card-measures-68');
  });
  it('keywords are a heuristic warning naming the words', () => {
    const [f] = checkConduct([at('2026-11-20 10:00', { text: '再不还就上门找你，让你坐牢' })]);
    expect(f).toMatchObject({
      rule: 'threat',
      severity: 'warning',
      detection: 'keyword-heuristic',
      matched: ['上门', '坐牢'],
    });
    expect(f!.messageZh).toContain('可能有误');
  });
  it('cites 治安管理处罚法 第42条 before 2026-01-01 and 第50条 from then on', () => {
    const before = checkConduct([at('2025-12-31 10:00', { tags: ['threat'] })])[0]!;
    const after = checkConduct([at('2026-01-01 10:00', { tags: ['threat'] })])[0]!;
    expect(before.sources.map((s) => s.id)).toContain('public-security-2012-42');
    expect(before.sources.map((s) => s.id)).not.toContain('public-security-2025-50');
    expect(after.sources.map((s) => s.id)).toContain('public-security-2025-50');
    expect(after.sources.map((s) => s.id)).not.toContain('public-security-2012-42');
  });
  it('insult keywords', () => {
    expect(rules([at('2026-11-20 10:00', { text: '骂我是老赖' })])).toEqual(['insult']);
  });
  it('impersonation keywords', () => {
    expect(rules([at('2026-11-20 10:00', { text: '自称是法院的，说已经立案' })])).toEqual([
      'impersonation',
    ]);
  });
  it('private account demand is U and points to the police', () => {
    const [f] = checkConduct([at('2026-11-20 10:00', { text: '让我把钱打到他的个人账户' })]);
    expect(f).toMatchObject({ rule: 'private-account', certainty: 'U' });
    expect(f!.channels.map((c) => c.id)).toContain('police-110');
  });
  it('plain negotiation text raises nothing', () => {
    expect(rules([at('2026-11-20 10:00', { text: '同意分24期，每期800元，减免罚息' })])).toEqual(
      [],
    );
  });
});

describe('frequency per Beijing day', () => {
  const calls = (k: number, over: Partial<ConductContact> = {}, day = '2026-11-20') =>
    Array.from({ length: k }, (_, i) => at(`${day} ${String(9 + i).padStart(2, '0')}:00`, over));

  it('online lender: 3 connected calls ok, 4 flagged', () => {
    expect(rules(calls(3))).toEqual([]);
    const fs = checkConduct(calls(4));
    expect(fs.map((f) => f.rule)).toEqual(['too-many-connected-calls']);
    expect(fs[0]!.contactIds).toHaveLength(4);
  });
  it('missed calls do not count as connected', () => {
    expect(rules([...calls(3), ...calls(3, { tags: ['missed'] })])).toEqual([]);
  });
  it('days are Beijing days: 23:59 and 00:01 are different days', () => {
    const cs = [
      ...calls(2),
      at('2026-11-20 07:59'),
      at('2026-11-21 00:01', {}),
      at('2026-11-21 09:00'),
    ];
    expect(rules(cs).filter((r) => r === 'too-many-connected-calls')).toEqual([]);
  });
  it('bank: 6 attempts ok, 7 flagged (missed included)', () => {
    const bank = { lenderType: 'bank' as const };
    expect(rules(calls(6, { ...bank, tags: ['missed'] }))).toEqual([]);
    expect(rules(calls(7, { ...bank, tags: ['missed'] }))).toEqual(['too-many-call-attempts']);
  });
  it('counts per lender', () => {
    expect(rules([...calls(2), ...calls(2, { lenderId: 'L2' })])).toEqual([]);
  });
  it('property: flagged iff more than 3 connected calls in one day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), (k) => {
        return rules(calls(k)).includes('too-many-connected-calls') === k > 3;
      }),
    );
  });
});
