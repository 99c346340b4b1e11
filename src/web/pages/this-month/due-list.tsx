// Every amount due in the 30 days: a card each with its date, where it comes from, what is paid
// and still to pay, and a link to where the user acts.
import { daysBetween, isoDate } from '../../../core/dates/index.js';
import { Money } from '../../components/field.js';
import { money } from '../../format.js';
import { useT } from '../../i18n.js';
import { goTo } from '../../nav.js';
import { actionFor, Standing, type Item, type Lender } from './lender-standing.js';

type T = (zh: string, en: string) => string;

function sourceLabel(i: Item, t: T): string {
  switch (i.source) {
    case 'agreement':
      return t(`协议第 ${i.seq} 期`, `Agreement, installment ${i.seq}`);
    case 'contract':
      return t(`原合同第 ${i.seq} 期`, `Contract, installment ${i.seq}`);
    case 'overdue':
      return t('已逾期未还', 'Overdue balance');
    default: {
      const never: never = i.source;
      return never;
    }
  }
}

/** "今天" / "还有 6 天" / "已过 3 天" beside a due date. */
function when(asOf: string, due: string, t: T): string {
  const n = daysBetween(isoDate(asOf), isoDate(due));
  if (n === 0) return t('今天', 'today');
  if (n > 0) return t(`还有 ${n} 天`, `in ${n} day${n === 1 ? '' : 's'}`);
  return t(`已过 ${-n} 天`, `${-n} day${n === -1 ? '' : 's'} ago`);
}

export function DueList({
  items,
  lenders,
  asOf,
}: {
  items: Item[];
  lenders: Lender[];
  asOf: string;
}) {
  const t = useT();
  const standingOf = new Map(lenders.map((l) => [l.lenderId, l]));
  return (
    <ul className="cards due-list" aria-label={t('要还的每一笔', 'Every amount due')}>
      {items.map((i) => (
        <DueCard
          key={`${i.source}-${i.refId}-${i.seq}-${i.dueDate}`}
          item={i}
          lender={standingOf.get(i.lenderId)}
          asOf={asOf}
        />
      ))}
    </ul>
  );
}

function DueCard({
  item: i,
  lender: l,
  asOf,
}: {
  item: Item;
  lender: Lender | undefined;
  asOf: string;
}) {
  const t = useT();
  const act = actionFor(l?.standing ?? 'not-contacted', i.source);
  const done = i.remaining === '0.00';
  return (
    <li className={`card due ${i.isOverdue ? 'due-late' : ''} ${done ? 'due-done' : ''}`}>
      <div className="card-head">
        <h4>{i.lender || t('未填名称', 'Unnamed')}</h4>
        {l ? <Standing lender={l} /> : null}
      </div>
      <p className="due-when">
        <span className="num">{i.dueDate}</span>{' '}
        <span className={i.isOverdue ? 'bad' : 'muted'}>
          {i.source === 'overdue' ? t('已逾期', 'overdue') : when(asOf, i.dueDate, t)}
        </span>
        <span className="muted"> · {sourceLabel(i, t)}</span>
      </p>
      <dl className="kv">
        <dt>{t('应还', 'Due')}</dt>
        <dd>
          <Money>{money(i.amount)}</Money>
        </dd>
        <dt>{t('已还', 'Paid')}</dt>
        <dd>
          <Money>{money(i.paid)}</Money>
        </dd>
        <dt>{t('还差', 'Still to pay')}</dt>
        <dd className={done ? 'good' : 'bad'}>
          {done ? t('已还清', 'Paid in full') : <Money>{money(i.remaining)}</Money>}
        </dd>
      </dl>
      {act && !done ? (
        <div className="card-actions">
          <button type="button" className="link" onClick={() => goTo(act.path)}>
            {t(act.zh, act.en)}
            <span className="sr-only">
              {' '}
              {i.lender} {i.dueDate}
            </span>
            {' →'}
          </button>
        </div>
      ) : null}
    </li>
  );
}
