// 本月要还 (this month): the home screen once the case has debts. Everything due in the next 30
// days (agreement installments, contract dues, overdue balances) with what is already paid, and
// where each lender stands. Amounts and standings come from GET /api/this-month; nothing is
// computed here but the day count shown beside a date. The data hook (this-month/use-this-month.ts)
// → the due list (this-month/due-list.tsx) and the lender list (this-month/lender-list.tsx).
import type { ThisMonthView } from '../../contracts/index.js';
import { ErrorBanner } from '../components/field.js';
import { money } from '../format.js';
import { useT } from '../i18n.js';
import { goTo } from '../nav.js';
import { DueList } from './this-month/due-list.js';
import { LenderList } from './this-month/lender-list.js';
import { useThisMonth } from './this-month/use-this-month.js';

export { Standing } from './this-month/lender-standing.js';

export function ThisMonthPage() {
  const t = useT();
  const { month: m, banner } = useThisMonth();
  if (!m)
    return (
      <div className="page">
        <ErrorBanner message={banner} />
        {banner ? null : <p aria-busy="true">{t('加载中…', 'Loading…')}</p>}
      </div>
    );

  const overdue = m.items.filter((i) => i.isOverdue);
  return (
    <div className="page this-month">
      <ErrorBanner message={banner} />
      <p className="intro">
        {t(
          `从今天（${m.asOf}）到 ${m.endDate} 这 30 天要还的每一笔：协议的每期、原合同的每期、已经逾期的欠款。`,
          `Everything due from today (${m.asOf}) to ${m.endDate}: agreement installments, contract installments and overdue balances.`,
        )}
      </p>
      <Totals totals={m.totals} />
      {overdue.length > 0 ? (
        <p className="banner banner-warn" role="status">
          {t(
            `有 ${overdue.length} 笔已经过了还款日还没还清。还不上时，先联系对方说明情况并留下记录。`,
            `${overdue.length} amount${overdue.length === 1 ? ' is' : 's are'} past due. If you cannot pay, contact the lender first and keep a record.`,
          )}
        </p>
      ) : null}

      <h3>{t('要还的每一笔', 'Every amount due')}</h3>
      {m.items.length === 0 ? (
        <p className="empty">
          {t(
            '未来 30 天没有记下的还款。如果原合同的每期金额或还款日还没填，去“我的债务”补上。',
            'Nothing recorded as due in the next 30 days. If a contract’s installment or due date is missing, add it under My debts.',
          )}
        </p>
      ) : (
        <DueList items={m.items} lenders={m.lenders} asOf={m.asOf} />
      )}

      <h3>{t('每个债主的进展', 'Where each lender stands')}</h3>
      <LenderList lenders={m.lenders} />
      <div className="actions">
        <button type="button" onClick={() => goTo('/debts')}>
          {t('看全部债务', 'See all debts')}
        </button>
      </div>
    </div>
  );
}

/** Due, paid and still to pay over the 30 days. */
function Totals({ totals }: { totals: ThisMonthView['totals'] }) {
  const t = useT();
  return (
    <div className="totals" role="group" aria-label={t('30 天合计', '30-day totals')}>
      <div>
        <span>{t('要还', 'Due')}</span>
        <strong className="num">{money(totals.due)}</strong>
      </div>
      <div>
        <span>{t('已还', 'Paid')}</span>
        <strong className="num">{money(totals.paid)}</strong>
      </div>
      <div>
        <span>{t('还差', 'Still to pay')}</span>
        <strong className={`num ${totals.remaining !== '0.00' ? 'bad' : 'good'}`}>
          {money(totals.remaining)}
        </strong>
      </div>
    </div>
  );
}
