import { CONTACT_CHANNEL, CONTACT_DIRECTION } from '../vocab/index.js';
import { fromDayNumber, type Instant, type IsoDate } from '../dates/index.js';
import { citeProvision, findProvision } from '../law/provisions.js';
import type { Certainty, LenderType } from '../law/types.js';
import {
  COMPLAINT_CHANNELS,
  CONDUCT_KEYWORDS,
  CONDUCT_RULES,
  type ComplaintChannel,
  type ConductRule,
  type ConductRuleId,
  type Severity,
  type TimeWindow,
} from './rules.js';

export const CONTACT_CHANNELS = CONTACT_CHANNEL.values;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** inbound: the lender (or its agency) contacted the borrower; outbound: the borrower reached out. */
export const CONTACT_DIRECTIONS = CONTACT_DIRECTION.values;
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

/**
 * Facts the user marks on a contact. 'missed' = a call attempt that was not answered;
 * 'consented-time' = the borrower agreed to be contacted at that hour.
 */
export const CONTACT_TAGS = [
  'missed',
  'consented-time',
  'threat',
  'insult',
  'impersonation',
  'private-account',
  'debt-disclosed',
  /** the borrower allows the notes of this contact to be quoted in letters (notes may hold admissions) */
  'note-in-letters',
] as const;
export type ContactTag = (typeof CONTACT_TAGS)[number];

export { THIRD_PARTY_RELATIONS, type ThirdPartyRelation } from './relations.js';
import type { ThirdPartyRelation } from './relations.js';
import { assert } from '../result.js';

export interface ConductContact {
  id: string;
  lenderId: string | null;
  lenderName: string | null;
  lenderType: LenderType;
  occurredAt: Instant;
  channel: ContactChannel;
  direction: ContactDirection;
  thirdParty: { relation: ThirdPartyRelation; detail: string | null } | null;
  tags: readonly ContactTag[];
  /** what the other side said, asked, offered or promised (scanned heuristically) */
  text: string;
}

export type Detection = 'recorded' | 'user-tagged' | 'keyword-heuristic';

export interface FlagSource {
  id: string | null;
  citeZh: string;
  citeEn: string;
  certainty: Certainty;
}

export interface ConductFlag {
  rule: ConductRuleId;
  titleZh: string;
  titleEn: string;
  contactIds: string[];
  lenderId: string | null;
  /** Asia/Shanghai calendar day of the (first) contact */
  day: IsoDate;
  /** 'HH:MM' Asia/Shanghai, for single-contact flags */
  localTime: string | null;
  sources: FlagSource[];
  /** how certain the rule is (docs/law.md, Certainty) */
  certainty: Certainty;
  /** how the conduct was found: a recorded field, the user's tag, or a keyword guess */
  detection: Detection;
  matched: string[];
  severity: Severity;
  messageZh: string;
  messageEn: string;
  channels: ComplaintChannel[];
}

const MINUTES_PER_DAY = 1440;
/** Asia/Shanghai is UTC+8 all year; China has had no daylight saving time since 1991. */
const SHANGHAI_OFFSET_MIN = 480;
const PUBLIC_SECURITY_2025_FROM = '2026-01-01';

/** The Asia/Shanghai calendar day and minute of the day (0–1439) of an instant. */
export function shanghaiLocal(at: Instant): { day: IsoDate; minute: number } {
  const ms = Date.parse(at);
  assert(!Number.isNaN(ms), () => `bad instant ${at}`);
  const totalMin = Math.floor(ms / 60_000) + SHANGHAI_OFFSET_MIN;
  const dayNo = Math.floor(totalMin / MINUTES_PER_DAY);
  return { day: fromDayNumber(dayNo), minute: totalMin - dayNo * MINUTES_PER_DAY };
}

/** Whether minute-of-day m falls in [from, to), where the window may wrap past midnight. */
export function inWindow(m: number, w: TimeWindow): boolean {
  return w.fromMinute <= w.toMinute
    ? m >= w.fromMinute && m < w.toMinute
    : m >= w.fromMinute || m < w.toMinute;
}

function hhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function sourcesFor(rule: ConductRule, day: IsoDate, lenderType: LenderType): FlagSource[] {
  const out: FlagSource[] = [];
  for (const id of rule.provisionIds) {
    // 信用卡业务管理办法 binds bank card issuers only
    if (id.startsWith('credit-card-measures-') && lenderType !== 'bank') continue;
    // The 2012 public-security article governs conduct before 2026-01-01, the 2025 one after.
    if (id === 'public-security-2012-42' && day >= PUBLIC_SECURITY_2025_FROM) continue;
    if (id === 'public-security-2025-50' && day < PUBLIC_SECURITY_2025_FROM) continue;
    const p = findProvision(id);
    if (p === undefined) continue;
    out.push({
      id,
      citeZh: citeProvision(id, 'zh'),
      citeEn: citeProvision(id, 'en'),
      certainty: p.certainty,
    });
  }
  if (rule.extraSourceZh !== undefined)
    out.push({
      id: null,
      citeZh: rule.extraSourceZh,
      citeEn: rule.extraSourceZh,
      certainty: rule.certainty,
    });
  return out;
}

const RANK: Readonly<Record<Certainty, number>> = { P: 2, S: 1, U: 0 };

/**
 * How sure a flag is: the best-established provision that actually applies on the contact's date
 * (e.g. 治安管理处罚法 第42条 is P before 2026-01-01, 第50条 S from then), never surer than the rule.
 */
export function flagCertainty(ruleCertainty: Certainty, sources: readonly FlagSource[]): Certainty {
  const cited = sources.filter((x) => x.id !== null);
  if (cited.length === 0) return ruleCertainty;
  const best = cited.reduce(
    (a, x) => (RANK[x.certainty] > RANK[a] ? x.certainty : a),
    'U' as Certainty,
  );
  return RANK[best] < RANK[ruleCertainty] ? best : ruleCertainty;
}

/** Which complaint channels fit the lender: 12378 for banks and consumer-finance, NIFA for online lenders. */
function channelsFor(rule: ConductRule, lenderType: LenderType): ComplaintChannel[] {
  return rule.channels
    .filter((c) => {
      if (c === '12378') return lenderType !== 'small-loan' && lenderType !== 'private';
      if (c === 'nifa') return lenderType !== 'bank' && lenderType !== 'private';
      return true;
    })
    .map((c) => COMPLAINT_CHANNELS[c]);
}

function who(c: ConductContact): { zh: string; en: string } {
  const n = c.lenderName ?? c.lenderId;
  return n === null ? { zh: '对方', en: 'the other side' } : { zh: n, en: n };
}

interface Draft {
  rule: ConductRuleId;
  contacts: ConductContact[];
  detection: Detection;
  matched: string[];
  severity?: Severity;
  zh: string;
  en: string;
}

function finish(d: Draft): ConductFlag {
  const rule = CONDUCT_RULES[d.rule];
  const first = d.contacts[0]!;
  const local = shanghaiLocal(first.occurredAt);
  let severity = d.severity ?? rule.severity;
  let zh = d.zh;
  let en = d.en;
  if (rule.since !== null && local.day < rule.since && severity !== 'note') {
    severity = 'note';
    zh += `（所依据的行业标准最早于 ${rule.since} 发布，晚于本次联系，仅作参考）`;
    en += ` (the industry standards cited date from ${rule.since} or later, after this contact: a yardstick only)`;
  }
  if (d.detection === 'keyword-heuristic') {
    if (severity === 'breach') severity = 'warning';
    zh += `（根据记录中的关键词“${d.matched.join('、')}”自动推测，可能有误，请核对）`;
    en += ` (guessed from the words “${d.matched.join('”, “')}” in the notes; may be wrong, please review)`;
  }
  const sources = sourcesFor(rule, local.day, first.lenderType);
  return {
    rule: d.rule,
    titleZh: rule.titleZh,
    titleEn: rule.titleEn,
    contactIds: d.contacts.map((c) => c.id),
    lenderId: first.lenderId,
    day: local.day,
    localTime: d.contacts.length === 1 ? hhmm(local.minute) : null,
    sources,
    certainty: flagCertainty(rule.certainty, sources),
    detection: d.detection,
    matched: d.matched,
    severity,
    messageZh: zh,
    messageEn: en,
    channels: channelsFor(rule, first.lenderType),
  };
}

const TIMED_CHANNELS: ReadonlySet<ContactChannel> = new Set([
  'phone',
  'app-chat',
  'sms',
  'wechat',
  'visit',
]);

function isOnlineLender(t: LenderType): boolean {
  return t !== 'bank' && t !== 'private';
}

function keywordHits(text: string, words: readonly string[]): string[] {
  return words.filter((w) => text.includes(w));
}

/**
 * Checks a contact log against the collection-conduct rules (docs/law.md, Collection conduct). Pure; times are
 * judged in Asia/Shanghai local time. Returns flags ordered by the first contact's time.
 */
export function checkConduct(contacts: readonly ConductContact[]): ConductFlag[] {
  const sorted = [...contacts].sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1,
  );
  const drafts: Draft[] = [];
  for (const c of sorted) {
    const at: ContactMoment = {
      w: who(c),
      local: shanghaiLocal(c.occurredAt),
      tags: new Set(c.tags),
    };
    drafts.push(...timeDrafts(c, at), ...thirdPartyDrafts(c, at), ...keywordDrafts(c, at));
  }
  drafts.push(...frequencyDrafts(sorted));

  const order = new Map(sorted.map((c, i) => [c.id, i]));
  return drafts
    .map(finish)
    .sort(
      (a, b) =>
        order.get(a.contactIds[0]!)! - order.get(b.contactIds[0]!)! || a.rule.localeCompare(b.rule),
    );
}

/** What every per-contact check needs: who it was, the Beijing day and minute, the user's tags. */
interface ContactMoment {
  w: { zh: string; en: string };
  local: { day: IsoDate; minute: number };
  tags: ReadonlySet<string>;
}

/** An inbound timed contact at night (a breach) or late evening (only a note). */
function timeDrafts(c: ConductContact, { w, local, tags }: ContactMoment): Draft[] {
  if (c.direction !== 'inbound' || !TIMED_CHANNELS.has(c.channel) || tags.has('consented-time'))
    return [];
  const t = hhmm(local.minute);
  const night = CONDUCT_RULES['night-contact'].window!;
  const late = CONDUCT_RULES['late-evening-contact'].window!;
  if (inWindow(local.minute, night))
    return [
      {
        rule: 'night-contact',
        contacts: [c],
        detection: 'recorded',
        matched: [],
        ...(c.lenderType === 'private' ? { severity: 'note' as const } : {}),
        zh: `${w.zh}于 ${local.day} ${t}（北京时间）联系您。2024–2026年的行业催收标准规定，未经您同意，22:00至次日08:00不得催收。`,
        en: `${w.en} contacted you on ${local.day} at ${t} (Beijing time). The 2024–2026 industry collection standards forbid collection from 22:00 to 08:00 without your consent.`,
      },
    ];
  if (inWindow(local.minute, late))
    return [
      {
        rule: 'late-evening-contact',
        contacts: [c],
        detection: 'recorded',
        matched: [],
        zh: `${w.zh}于 ${local.day} ${t}（北京时间）联系您。现行行业标准以22:00为界，此时段不违规；有资料称旧公约以21:00为界，但未经核实。记录在案即可。`,
        en: `${w.en} contacted you on ${local.day} at ${t} (Beijing time). Current industry standards draw the line at 22:00, so this is allowed; some sources say the older 2018 convention used 21:00, unverified. Keep the record.`,
      },
    ];
  return [];
}

/** A contact with a third party, and the debt disclosed to them when the user tagged it. */
function thirdPartyDrafts(c: ConductContact, { w, local, tags }: ContactMoment): Draft[] {
  if (c.thirdParty === null) return [];
  const rel = c.thirdParty.relation;
  const detail = c.thirdParty.detail === null ? '' : `（${c.thirdParty.detail}）`;
  const isSpouse = rel === 'spouse';
  const drafts: Draft[] = [
    {
      rule: 'third-party-contact',
      contacts: [c],
      detection: 'recorded',
      matched: [],
      ...(isSpouse ? { severity: 'warning' as const } : {}),
      zh: `${w.zh}于 ${local.day} 联系了第三人：${RELATION_ZH[rel]}${detail}。行业标准禁止向与债务无关的第三人催收；仅在确实联系不上您时可请其转告，且不得透露欠款。${isSpouse ? '配偶在债务用于家庭共同生活时可能属于“债务相关第三人”。' : ''}`,
      en: `${w.en} contacted a third party on ${local.day}: ${rel}${c.thirdParty.detail === null ? '' : ` (${c.thirdParty.detail})`}. Industry standards forbid collecting from unrelated third parties; only when you cannot be reached may they ask a third party to pass on a message, without disclosing the debt.${isSpouse ? ' A spouse may count as a debt-related third party where the debt funded joint family spending.' : ''}`,
    },
  ];
  if (tags.has('debt-disclosed'))
    drafts.push({
      rule: 'debt-disclosed-to-third-party',
      contacts: [c],
      detection: 'user-tagged',
      matched: [],
      zh: `${w.zh}于 ${local.day} 向第三人（${RELATION_ZH[rel]}）透露了您的欠款情况，侵犯隐私和个人信息。`,
      en: `${w.en} disclosed your debt to a third party (${rel}) on ${local.day}, a breach of privacy and personal-information rules.`,
    });
  return drafts;
}

/** Threats, insults, impersonation, a private account: tagged by the user or found by keyword. */
function keywordDrafts(c: ConductContact, { w, local, tags }: ContactMoment): Draft[] {
  const t = hhmm(local.minute);
  const drafts: Draft[] = [];
  for (const rule of ['threat', 'insult', 'impersonation', 'private-account'] as const) {
    const hits = keywordHits(c.text, CONDUCT_KEYWORDS[rule]);
    if (!tags.has(rule) && hits.length === 0) continue;
    const tagged = tags.has(rule);
    const m = CONDUCT_TEXT[rule];
    drafts.push({
      rule,
      contacts: [c],
      detection: tagged ? 'user-tagged' : 'keyword-heuristic',
      matched: tagged ? [] : hits,
      // a keyword guess is only ever "可能涉嫌", never "违反"
      zh: `${w.zh}于 ${local.day} ${t}：${m.zh.replace('{涉嫌}', tagged ? '涉嫌' : '可能涉嫌')}`,
      en: `${w.en} on ${local.day} at ${t}: ${m.en.replace('{may}', tagged ? 'appears to' : 'may')}`,
    });
  }
  return drafts;
}

/** Frequency: inbound phone calls per lender per Asia/Shanghai day. */
function frequencyDrafts(sorted: readonly ConductContact[]): Draft[] {
  const groups = new Map<string, ConductContact[]>();
  for (const c of sorted) {
    if (c.direction !== 'inbound' || c.channel !== 'phone' || c.lenderType === 'private') continue;
    const key = `${c.lenderId ?? ''}\u0000${shanghaiLocal(c.occurredAt).day}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const drafts: Draft[] = [];
  for (const g of groups.values()) {
    const d = dayCallsDraft(g);
    if (d !== null) drafts.push(d);
  }
  return drafts;
}

/** One lender's calls on one day: connected calls (online lenders) or attempts (banks) over the cap. */
function dayCallsDraft(g: ConductContact[]): Draft | null {
  const first = g[0]!;
  const w = who(first);
  const day = shanghaiLocal(first.occurredAt).day;
  if (isOnlineLender(first.lenderType)) {
    const connected = g.filter((c) => !c.tags.includes('missed'));
    const max = CONDUCT_RULES['too-many-connected-calls'].maxPerDay!;
    if (connected.length <= max) return null;
    return {
      rule: 'too-many-connected-calls',
      contacts: connected,
      detection: 'recorded',
      matched: [],
      zh: `${w.zh}在 ${day} 共接通电话 ${connected.length} 次，超过行业标准的每日 ${max} 次（出借机构与委外催收合计）。`,
      en: `${w.en} had ${connected.length} connected calls with you on ${day}, above the industry limit of ${max} a day (lender and agencies together).`,
    };
  }
  const max = CONDUCT_RULES['too-many-call-attempts'].maxPerDay!;
  if (g.length <= max) return null;
  return {
    rule: 'too-many-call-attempts',
    contacts: g,
    detection: 'recorded',
    matched: [],
    zh: `${w.zh}在 ${day} 共拨打 ${g.length} 次，超过银行业协会指引的同一号码每日 ${max} 次。`,
    en: `${w.en} called ${g.length} times on ${day}, above the banking-association limit of ${max} attempts a day to one number.`,
  };
}

export const RELATION_ZH: Readonly<Record<ThirdPartyRelation, string>> = {
  family: '家人',
  spouse: '配偶',
  employer: '工作单位',
  colleague: '同事',
  'contacts-list': '通讯录联系人',
  friend: '朋友',
  other: '其他人',
};

const CONDUCT_TEXT: Readonly<
  Record<'threat' | 'insult' | 'impersonation' | 'private-account', { zh: string; en: string }>
> = {
  threat: {
    zh: '威胁或恐吓。此类行为{涉嫌}违反治安管理处罚法，情节严重可报警（110）。',
    en: 'threats or intimidation. This {may} break the Public Security Administration Punishments Law; report serious cases to the police (110).',
  },
  insult: {
    zh: '辱骂或侮辱。此类行为{涉嫌}侵犯名誉权，不符合行业催收标准。',
    en: 'insults or abuse. This {may} infringe the right of reputation and the collection standards.',
  },
  impersonation: {
    zh: '自称公安、法院、律师或政府人员。行业指引禁止冒充国家机关或司法机关；可向对方索要工号并核实。',
    en: 'claimed to be police, a court, a lawyer or an official. Industry guidance forbids posing as a government or judicial body; ask for a staff number and check it.',
  },
  'private-account': {
    zh: '要求把钱转到个人账户。只向合同载明的官方还款渠道付款，并保留凭证。',
    en: 'asked you to pay into a private account. Pay only through the official channel named in the contract, and keep the receipt.',
  },
};

/** Flags grouped for display: how many of each rule. */
export function countFlags(flags: readonly ConductFlag[]): Partial<Record<ConductRuleId, number>> {
  const out: Partial<Record<ConductRuleId, number>> = {};
  for (const f of flags) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}
