// One lender's new plan: why it is re-planned, its terms, the ask, the schedule, the letter on
// screen (drawn when opened) and its Word download.
import { useState } from 'react';
import type { ReplanPlanView } from '../../../contracts/index.js';
import { money } from '../../format.js';
import { useLang, useT } from '../../i18n.js';
import { Money } from '../field.js';
import { Markdown } from '../markdown.js';

const AFFECTED: Record<string, [string, string]> = {
  missed: ['逾期未还', 'missed'],
  late: ['逾期（宽限期内）', 'late'],
  'at-risk': ['可能还不上', 'at risk'],
  'income-changed': ['收入变化', 'income changed'],
};

export function PlanCard({ plan: p }: { plan: ReplanPlanView }) {
  const [letterOpen, setLetterOpen] = useState(false);
  const t = useT();
  const lang = useLang();
  return (
    <li className="card">
      <div className="card-head">
        <h5 style={{ margin: 0, fontSize: '1.05rem' }}>{p.lender}</h5>
        <span style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
          {p.reasons.map((r) => (
            <span key={r} className={r === 'missed' || r === 'late' ? 'tag bad' : 'tag'}>
              {AFFECTED[r]?.[lang === 'zh' ? 0 : 1] ?? r}
            </span>
          ))}
        </span>
      </div>
      <PlanTerms plan={p} />
      <p>
        <strong>{t('向对方提出：', 'What to ask for: ')}</strong>
        {lang === 'zh' ? p.ask.zh : p.ask.en}
      </p>
      <details open={p.count <= 24}>
        <summary>{t(`还款计划（共 ${p.count} 期）`, `Schedule (${p.count} installments)`)}</summary>
        <ScheduleTable plan={p} />
      </details>
      <details onToggle={(e) => setLetterOpen(e.currentTarget.open)}>
        <summary>{t('在屏幕上查看协商函', 'Read the letter on screen')}</summary>
        {/* drawn when opened: its tables are not the schedule's */}
        {letterOpen ? (
          <div className="script">
            <Markdown text={p.letter.text} headingBase={4} />
          </div>
        ) : null}
      </details>
      <p className="field-hint">
        {t(
          '协商函是草稿：请核对、补全姓名后再发送。',
          'The letter is a draft: check it and add your name before sending.',
        )}
      </p>
      <div className="actions">
        <a className="button primary" href={p.letter.downloadUrl} download={p.letter.fileName}>
          {t(`下载 Word 协商函（${p.lender}）`, `Download the Word letter (${p.lender})`)}
        </a>
      </div>
    </li>
  );
}

/** Monthly, count, last (when it differs), first and end dates, total and what is overdue. */
function PlanTerms({ plan: p }: { plan: ReplanPlanView }) {
  const t = useT();
  return (
    <dl className="kv">
      <dt>{t('每月', 'Monthly')}</dt>
      <dd>{money(p.monthly)}</dd>
      <dt>{t('期数', 'Installments')}</dt>
      <dd>{p.count}</dd>
      {p.last !== p.monthly ? (
        <>
          <dt>{t('末期', 'Last')}</dt>
          <dd>{money(p.last)}</dd>
        </>
      ) : null}
      <dt>{t('首期', 'First due')}</dt>
      <dd>{p.firstDueDate}</dd>
      <dt>{t('还清', 'Paid off')}</dt>
      <dd>{p.endDate}</dd>
      <dt>{t('原协议还清', 'As agreed')}</dt>
      <dd>{p.agreementEndDate ?? '—'}</dd>
      <dt>{t('合计', 'Total')}</dt>
      <dd>{money(p.total)}</dd>
      {p.arrears !== '0.00' ? (
        <>
          <dt>{t('其中已逾期', 'Overdue now')}</dt>
          <dd className="bad">{money(p.arrears)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function ScheduleTable({ plan: p }: { plan: ReplanPlanView }) {
  const t = useT();
  return (
    <table className="table">
      <caption className="sr-only">
        {t(`${p.lender} 新的还款计划`, `New schedule for ${p.lender}`)}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('期', '#')}</th>
          <th scope="col">{t('还款日', 'Due')}</th>
          <th scope="col">{t('金额', 'Amount')}</th>
        </tr>
      </thead>
      <tbody>
        {p.installments.map((i) => (
          <tr key={i.seq}>
            <td className="num">{i.seq}</td>
            <td className="num">{i.dueDate}</td>
            <td className="num">{money(i.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {t('合计', 'Total')}
          </th>
          <td className="num">
            <Money>{money(p.total)}</Money>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
