// Where each lender stands: its chip, what is due and paid in the 30 days, and where to act.
import { money } from '../../format.js';
import { useT } from '../../i18n.js';
import { goTo } from '../../nav.js';
import { actionFor, Standing, type Lender } from './lender-standing.js';

export function LenderList({ lenders }: { lenders: Lender[] }) {
  const t = useT();
  return (
    <ul className="cards lender-list" aria-label={t('每个债主的进展', 'Where each lender stands')}>
      {lenders.map((l) => (
        <LenderCard key={l.lenderId} lender={l} />
      ))}
    </ul>
  );
}

function LenderCard({ lender: l }: { lender: Lender }) {
  const t = useT();
  const act = actionFor(l.standing, null);
  return (
    <li className="card">
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
}
