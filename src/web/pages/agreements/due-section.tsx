// The next 30 days' installments, and the calendar export and backup links.
import type { DueItem } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { useT } from '../../i18n.js';
import { amountOrBlank } from './agreement-card.js';

export function DueSection({ due }: { due: DueItem[] }) {
  const t = useT();
  return (
    <section aria-label={t('近期待还', 'Due soon')}>
      <h3>{t('未来 30 天要还', 'Due in the next 30 days')}</h3>
      {due.length === 0 ? (
        <p className="muted">{t('没有待还的款项。', 'Nothing due.')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('日期', 'Date')}</th>
              <th scope="col">{t('债主', 'Lender')}</th>
              <th scope="col">{t('金额', 'Amount')}</th>
            </tr>
          </thead>
          <tbody>
            {due.map((d, i) => (
              <tr key={i}>
                <td className="num">{d.dueDate}</td>
                <td>{d.lender}</td>
                <td className="num">{amountOrBlank(d.amount, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <a className="button" href={api.calendarUrl} download>
          {t('导出到手机日历（.ics）', 'Export to calendar (.ics)')}
        </a>
        <a className="button" href={api.backupUrl} download>
          {t('备份全部数据', 'Back up everything')}
        </a>
      </div>
    </section>
  );
}
