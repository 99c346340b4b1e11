// Words of the escalations page: status names, the status changes a borrower makes by hand, and
// how far away the follow-up date is.
import type { EscalationStatusName, LenderView } from '../../../contracts/index.js';

export const STATUS_LABELS: Record<EscalationStatusName, [string, string]> = {
  draft: ['草稿', 'Draft'],
  sent: ['已发出，等待答复', 'Sent, awaiting reply'],
  acknowledged: ['对方已受理', 'Acknowledged'],
  resolved: ['已解决', 'Resolved'],
  rejected: ['被驳回', 'Rejected'],
  closed: ['已结束', 'Closed'],
};

/** The status changes a borrower makes by hand, in the order they happen. */
export const MARKS: { status: EscalationStatusName; zh: string; en: string }[] = [
  { status: 'acknowledged', zh: '标记为已受理', en: 'Mark acknowledged' },
  { status: 'resolved', zh: '标记为已解决', en: 'Mark resolved' },
  { status: 'closed', zh: '结束跟进', en: 'Close' },
];

export const lenderLabel = (l: LenderView) => (l.brand ? `${l.brand}（${l.name}）` : l.name);

/** "还剩 5 天" / "今天该跟进了" / "已超过 3 天" for a follow-up date. */
export function daysText(
  days: number | null,
  t: (zh: string, en: string) => string,
): { text: string; isLate: boolean } | null {
  if (days === null) return null;
  if (days > 0)
    return { text: t(`还剩 ${days} 天到跟进日`, `${days} days until follow-up`), isLate: false };
  if (days === 0) return { text: t('今天该跟进了', 'Follow up today'), isLate: true };
  return {
    text: t(
      `已超过跟进日 ${-days} 天，请尽快打电话或再次去函催问`,
      `${-days} days past the follow-up date: chase them now`,
    ),
    isLate: true,
  };
}
