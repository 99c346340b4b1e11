// What the plan asks of each lender: a table (monthly, term, end) and a card per lender with the
// total paid and the savings.
import type { PlanView } from '../../../contracts/index.js';
import { Money, Unknown } from '../../components/field.js';
import { money } from '../../format.js';
import { useLang, useT } from '../../i18n.js';
import { CONCESSION_LABELS, label } from '../../labels.js';

type Proposal = PlanView['proposals'][number];

/** A saving, or (when negative) the extra cost, in words instead of a minus sign. */
function Saving({
  label: [saves, costs],
  value,
  rateUnknown = false,
}: {
  label: [string, string];
  value: string | null;
  /** the debt's rate was not given: a saving worked out at an assumed 0 % means nothing */
  rateUnknown?: boolean;
}) {
  const negative = value !== null && value.startsWith('-');
  return (
    <>
      <dt>{negative ? costs : saves}</dt>
      <dd>
        {rateUnknown ? (
          <Unknown zh="未知（利率未填）" en="Unknown (rate not given)" />
        ) : (
          <Money>{money(negative ? value.slice(1) : value)}</Money>
        )}
      </dd>
    </>
  );
}

export function ProposalTable({ proposals }: { proposals: Proposal[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table plan-table">
        <caption>{t('每个债主的请求', 'The ask per lender')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('债主', 'Lender')}</th>
            <th scope="col">{t('每月', 'Monthly')}</th>
            <th scope="col">{t('期数', 'Term')}</th>
            <th scope="col">{t('结清', 'Ends')}</th>
          </tr>
        </thead>
        <tbody>
          {proposals.map((p) => (
            <tr key={p.debtId}>
              <th scope="row">{p.lender}</th>
              <td className="num">{money(p.monthlyPayment)}</td>
              <td className="num">
                {p.term ?? '—'}
                {p.withinUsualTerm === false && p.usualTerm ? (
                  <small className="muted">
                    {' '}
                    {t(
                      `（超过通常的 ${p.usualTerm.maxMonths} 期${p.usualTerm.certainty === 'U' ? '，待核实' : ''}）`,
                      ` (beyond the usual ${p.usualTerm.maxMonths}${p.usualTerm.certainty === 'U' ? ', unconfirmed' : ''})`,
                    )}
                  </small>
                ) : null}
              </td>
              <td className="num">{p.endDate ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProposalCards({ plan }: { plan: PlanView }) {
  const t = useT();
  const lang = useLang();
  // debts planned at an assumed 0 % (rate not given): their savings are unknown, not ¥0.00
  const rateUnknown = new Set(
    (plan.assumptions ?? []).filter((a) => a.code === 'rate-unknown-assumed-zero').map((a) => a.id),
  );
  return (
    <ul className="cards">
      {plan.proposals.map((p) => (
        <li key={p.debtId} className="card">
          <h3>{p.lender}</h3>
          <dl className="kv">
            <dt>{t('总共还', 'Total paid')}</dt>
            <dd>
              <Money>{money(p.totalPaid)}</Money>
            </dd>
            <Saving
              label={[
                t('比原合同省', 'Saving vs contract'),
                t('比原合同多付', 'More than the contract'),
              ]}
              value={p.savingVsContract}
              rateUnknown={rateUnknown.has(p.debtId)}
            />
            <Saving
              label={[
                t('比一直不还省', 'Saving vs doing nothing'),
                t('比一直不还多付', 'More than doing nothing'),
              ]}
              value={p.savingVsNothing}
              rateUnknown={rateUnknown.has(p.debtId)}
            />
            <dt>{t('请求', 'Ask')}</dt>
            <dd>{label(CONCESSION_LABELS, p.concession, lang)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
