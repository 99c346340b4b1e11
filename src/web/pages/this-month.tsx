// 本月要还 (this month): the home screen once the case has debts. Everything due in the next 30
// days (agreement installments, contract dues, overdue balances) with what is already paid, and
// where each lender stands. Amounts and standings come from GET /api/this-month; nothing is
// computed here but the day count shown beside a date.
import { useEffect, useState } from 'react';
import type { ThisMonthView } from '../../contracts/index.js';
import { daysBetween, isoDate } from '../../core/dates/index.js';
import { api, ApiError } from '../api-client.js';
import { ErrorBanner, Money } from '../components/field.js';
import { money } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { goTo } from '../nav.js';

type Item = ThisMonthView['items'][number];
type Lender = ThisMonthView['lenders'][number];

/** Where the user acts on a lender, by its standing (and on an agreement's installment). */
function actionFor(
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

function sourceLabel(i: Item, t: (zh: string, en: string) => string): string {
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
function when(asOf: string, due: string, t: (zh: string, en: string) => string): string {
  const n = daysBetween(isoDate(asOf), isoDate(due));
  if (n === 0) return t('今天', 'today');
  if (n > 0) return t(`还有 ${n} 天`, `in ${n} day${n === 1 ? '' : 's'}`);
  return t(`已过 ${-n} 天`, `${-n} day${n === -1 ? '' : 's'} ago`);
}

export function Standing({ lender }: { lender: Pick<Lender, 'standing' | 'labelZh' | 'labelEn'> }) {
  const lang = useLang();
  return (
    <span className={`chip chip-${lender.standing}`}>
      {lang === 'zh' ? lender.labelZh : lender.labelEn}
    </span>
  );
}

export function ThisMonthPage() {
  const t = useT();
  const lang = useLang();
  const [m, setM] = useState<ThisMonthView | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .thisMonth()
      .then((r) => {
        if (live) setM(r);
      })
      .catch((e: unknown) => {
        if (live) setBanner(e instanceof ApiError ? e.say(lang) : String(e));
      });
    return () => {
      live = false;
    };
  }, [lang]);

  if (!m)
    return (
      <div className="page">
        <ErrorBanner message={banner} />
        {banner ? null : <p aria-busy="true">{t('加载中…', 'Loading…')}</p>}
      </div>
    );

  const standingOf = new Map(m.lenders.map((l) => [l.lenderId, l]));
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
      <div className="totals" role="group" aria-label={t('30 天合计', '30-day totals')}>
        <div>
          <span>{t('要还', 'Due')}</span>
          <strong className="num">{money(m.totals.due)}</strong>
        </div>
        <div>
          <span>{t('已还', 'Paid')}</span>
          <strong className="num">{money(m.totals.paid)}</strong>
        </div>
        <div>
          <span>{t('还差', 'Still to pay')}</span>
          <strong className={`num ${m.totals.remaining !== '0.00' ? 'bad' : 'good'}`}>
            {money(m.totals.remaining)}
          </strong>
        </div>
      </div>
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
        <ul className="cards due-list" aria-label={t('要还的每一笔', 'Every amount due')}>
          {m.items.map((i) => {
            const l = standingOf.get(i.lenderId);
            const act = actionFor(l?.standing ?? 'not-contacted', i.source);
            const done = i.remaining === '0.00';
            return (
              <li
                key={`${i.source}-${i.refId}-${i.seq}-${i.dueDate}`}
                className={`card due ${i.isOverdue ? 'due-late' : ''} ${done ? 'due-done' : ''}`}
              >
                <div className="card-head">
                  <h4>{i.lender || t('未填名称', 'Unnamed')}</h4>
                  {l ? <Standing lender={l} /> : null}
                </div>
                <p className="due-when">
                  <span className="num">{i.dueDate}</span>{' '}
                  <span className={i.isOverdue ? 'bad' : 'muted'}>
                    {i.source === 'overdue' ? t('已逾期', 'overdue') : when(m.asOf, i.dueDate, t)}
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
          })}
        </ul>
      )}

      <h3>{t('每个债主的进展', 'Where each lender stands')}</h3>
      <ul
        className="cards lender-list"
        aria-label={t('每个债主的进展', 'Where each lender stands')}
      >
        {m.lenders.map((l) => {
          const act = actionFor(l.standing, null);
          return (
            <li key={l.lenderId} className="card">
              <div className="card-head">
                <h4>{l.lender || t('未填名称', 'Unnamed')}</h4>
                <Standing lender={l} />
              </div>
              <p className="muted">
                {l.due === '0.00'
                  ? t('30 天内没有要还的', 'Nothing due in 30 days')
                  : t(
                      `30 天内要还 ${money(l.due)}，已还 ${money(l.paid)}`,
                      `${money(l.due)} due in 30 days, ${money(l.paid)} paid`,
                    )}
              </p>
              {act ? (
                <div className="card-actions">
                  <button type="button" className="link" onClick={() => goTo(act.path)}>
                    {t(act.zh, act.en)}
                    <span className="sr-only"> {l.lender}</span>
                    {' →'}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => goTo('/debts')}>
          {t('看全部债务', 'See all debts')}
        </button>
      </div>
    </div>
  );
}
