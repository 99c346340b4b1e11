// Where a lender stands (one chip) and where the user acts on it.
import type { ThisMonthView } from '../../../contracts/index.js';
import { useLang } from '../../i18n.js';

export type Item = ThisMonthView['items'][number];
export type Lender = ThisMonthView['lenders'][number];

/** Where the user acts on a lender, by its standing (and on an agreement's installment). */
export function actionFor(
  standing: string,
  source: Item['source'] | null,
): { path: string; zh: string; en: string } | null {
  if (source === 'agreement')
    return { path: '/agreements', zh: '记一笔还款', en: 'Record a payment' };
  switch (standing) {
    case 'not-contacted':
      return { path: '/prepare', zh: '准备协商', en: 'Prepare to negotiate' };
    case 'negotiating':
      return { path: '/contacts', zh: '记录沟通', en: 'Log a contact' };
    case 'agreed':
      return { path: '/agreements', zh: '看协议', en: 'See the agreement' };
    case 'complaining':
      return { path: '/escalations', zh: '跟进投诉', en: 'Follow up the complaint' };
    default:
      return null;
  }
}

export function Standing({ lender }: { lender: Pick<Lender, 'standing' | 'labelZh' | 'labelEn'> }) {
  const lang = useLang();
  return (
    <span className={`chip chip-${lender.standing}`}>
      {lang === 'zh' ? lender.labelZh : lender.labelEn}
    </span>
  );
}
