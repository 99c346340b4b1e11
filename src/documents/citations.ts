// Legal citations for letters. Every citation goes through `cite(id)`, which looks the id up in
// the law registry (core/law, written up in docs/law.md) and words it by certainty: P and S
// are cited plainly, U only with the caution “（待核实）” / “(unverified)”.
import { findProvision, type Provision } from '../core/law/index.js';
import type { Lang } from './model.js';
import { assert } from '../core/result.js';

export type { Provision };

/** English names by id prefix (the registry carries only the Chinese instrument name). */
const INSTRUMENT_EN: [prefix: string, name: string][] = [
  ['civil-code-', 'Civil Code of the PRC'],
  ['private-lending-2015-', 'SPC Provisions on Private Lending Cases (2015 version)'],
  ['private-lending-', 'SPC Provisions on Private Lending Cases (2020 amendment)'],
  ['contract-general-', 'SPC Interpretation on the General Part of Contracts in the Civil Code'],
  ['bank-card-', 'SPC Provisions on Bank Card Civil Disputes'],
  ['fafa-2017-22-', 'SPC Opinions on Further Strengthening Financial Trials (Fa Fa [2017] No. 22)'],
  ['pboc-2021-3', 'PBOC Announcement [2021] No. 3'],
  [
    'credit-card-measures-',
    'Measures on the Supervision of Credit Card Business of Commercial Banks',
  ],
  [
    'credit-card-notice-2022',
    'CBIRC/PBOC Notice on the Sound Development of Credit Card Business (2022)',
  ],
  ['credit-reporting-', 'Regulation on the Administration of the Credit Reporting Industry'],
  ['public-security-2025-', 'Public Security Administration Punishments Law (2025 revision)'],
  ['public-security-2012-', 'Public Security Administration Punishments Law (2012 text)'],
  ['pipl-', 'Personal Information Protection Law of the PRC'],
  ['nifa-collection-2024', 'NIFA Guidelines on Post-Loan Collection (2024)'],
  [
    'cba-collection-2026',
    'China Banking Association Guidelines on Consumer-Loan Collection (2026, trial)',
  ],
  ['gb-t-45251-2025', 'GB/T 45251—2025 Guidelines on Post-Loan Collection Risk Control'],
  [
    'nifa-convention-2018',
    'NIFA Self-Regulatory Convention on Overdue Debt Collection (2018, trial)',
  ],
  ['legal-aid-', 'Legal Aid Law of the PRC'],
  ['criminal-', 'Criminal Law of the PRC'],
];

export const CAUTION = { zh: '（待核实）', en: ' (unverified)' } as const;

export function findCitation(id: string): Provision | undefined {
  return findProvision(id);
}

function instrumentEn(p: Provision): string {
  return INSTRUMENT_EN.find(([prefix]) => p.id.startsWith(prefix))?.[1] ?? p.instrument;
}

/** '第678条' → ', Art. 678'; '第二条' → ', item 2'; '第293条之一' → ', Art. 293-1'. */
function articleEn(article: string | null): string {
  if (article === null || article === '') return '';
  const arabic = /^第(\d+)条(?:之(一|二|三))?$/.exec(article);
  if (arabic) return `, Art. ${arabic[1]}${arabic[2] ? `-${'一二三'.indexOf(arabic[2]) + 1}` : ''}`;
  const cn = /^第([一二三四五六七八九十]+)条$/.exec(article);
  if (cn) {
    const digits = '一二三四五六七八九';
    const s = cn[1]!;
    const n =
      s === '十'
        ? 10
        : s.startsWith('十')
          ? 10 + digits.indexOf(s[1]!) + 1
          : digits.indexOf(s[0]!) + 1;
    return `, item ${n}`;
  }
  return `, ${article}`;
}

/** The name of a provision as it appears in a letter, with the caution a U provision needs. */
export function formatCitation(p: Provision, lang: Lang): string {
  const base =
    lang === 'zh'
      ? `${p.instrument.includes('《') ? p.instrument : `《${p.instrument}》`}${p.article ?? ''}`
          .replace(/\(/g, '（')
          .replace(/\)/g, '）')
      : `${instrumentEn(p)}${articleEn(p.article)}`;
  return p.certainty === 'U' ? base + CAUTION[lang] : base;
}

const SHORT_ZH: Record<string, string> = { '《中华人民共和国民法典》': '《民法典》' };

function shortZh(p: Provision, full: string): string {
  const short = SHORT_ZH[p.instrument];
  return short === undefined ? full : full.replace(p.instrument, short);
}

/**
 * Collects the citations one document makes. `cite(id)` returns the formatted reference and
 * records the id; an unknown id is a bug in a template, so it throws.
 */
export interface Citer {
  cite(id: string): string;
  gist(id: string): string;
  readonly ids: string[];
}

export function createCiter(lang: Lang): Citer {
  const ids: string[] = [];
  const lookup = (id: string): Provision => {
    const p = findCitation(id);
    assert(p !== undefined, () => `unknown provision id ${id}`);
    if (!ids.includes(id)) ids.push(id);
    return p;
  };
  const seen = new Set<string>();
  return {
    ids,
    cite: (id) => {
      const p = lookup(id);
      const full = formatCitation(p, lang);
      // after its first full mention, the Civil Code is cited by its common short name
      const short = lang === 'zh' && seen.has(p.instrument) ? shortZh(p, full) : full;
      seen.add(p.instrument);
      return short;
    },
    gist: (id) => {
      const p = lookup(id);
      return (lang === 'zh' ? p.gistZh : p.gistEn)
        .replace(/^（待核实）|^\(Unverified\) /, '')
        .replace(/[。.]$/, '');
    },
  };
}
