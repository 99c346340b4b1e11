// Re-plan one agreement (and whatever else is overdue): a small form, then the proposed schedule
// per lender, the ask, the letter on screen and its DOCX. Loaded only when first opened.
import { useEffect, useRef, useState } from 'react';
import type {
  AgreementView,
  ReplanPlanView,
  ReplanReason,
  ReplanView,
} from '../../contracts/index.js';
import { replanApi } from '../api-replan.js';
import { money } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { checkMoney } from '../validate.js';
import { ErrorBanner, Field, Money } from './field.js';
import { useForm } from './use-form.js';
// the letter rendered as headings, lists and bold (H2's file until a shared renderer lands)
import { MarkdownView } from '../pages/agreements/markdown-view.js';

const REASONS: [ReplanReason, string, string][] = [
  ['missed', '有一期没还上', 'An installment was missed'],
  ['at-risk', '下一期可能还不上', 'The next one may be missed'],
  ['income-changed', '收入变了，每月能还的钱变了', 'My income changed'],
];

const AFFECTED: Record<string, [string, string]> = {
  missed: ['逾期未还', 'missed'],
  late: ['逾期（宽限期内）', 'late'],
  'at-risk': ['可能还不上', 'at risk'],
  'income-changed': ['收入变化', 'income changed'],
};

export interface ReplanPanelProps {
  agreement: AgreementView;
  /** preselected: 'missed' when the card shows overdue installments, 'at-risk' from the forecast */
  reason: ReplanReason;
  onClose: () => void;
}

export default function ReplanPanel({ agreement, reason, onClose }: ReplanPanelProps) {
  const t = useT();
  const lang = useLang();
  const [result, setResult] = useState<ReplanView | null>(null);
  const isOverdue = agreement.installments.some(
    (i) => i.status === 'missed' || i.status === 'late',
  );
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const form = useForm({ reason: reason as string, capacity: '' }, (v) => {
    const c = checkMoney(v.capacity, lang, {
      required: v.reason === 'income-changed',
      label: t('现在每月能还多少', 'what you can pay each month'),
    });
    return {
      capacity: c.error ?? (c.value === '0.00' ? t('必须大于 0', 'must be above zero') : undefined),
    };
  });

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const submit = async () => {
    form.touchAll();
    if (!form.isValid || busy) return;
    setBusy(true);
    form.setBanner(null);
    try {
      const capacity = checkMoney(form.values.capacity, lang).value;
      setResult(
        await replanApi.replan({
          reason: form.values.reason as ReplanReason,
          // named, it counts as "at risk"; an overdue one (or every one, on an income change)
          // is re-planned without naming
          agreementIds:
            form.values.reason === 'at-risk' || (form.values.reason === 'missed' && !isOverdue)
              ? [agreement.id]
              : [],
          capacity: capacity ?? null,
          lang,
        }),
      );
    } catch (e) {
      setResult(null);
      form.showError(e, lang);
    } finally {
      setBusy(false);
    }
  };

  // a result in the other language (the user switched) is stale: its letter text is not theirs
  const shown = result?.lang === lang ? result : null;
  const income = form.values.reason === 'income-changed';
  return (
    <div className="replan">
      <form
        className="form"
        noValidate
        aria-label={t(`重新协商：${agreement.lender}`, `Re-plan: ${agreement.lender}`)}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h4 style={{ marginBottom: 10 }}>
          {t(`重新协商：${agreement.lender}`, `Re-plan: ${agreement.lender}`)}
        </h4>
        <ErrorBanner message={form.banner} />
        <Field label={t('发生了什么', 'What happened')} error={form.shown('reason')}>
          {(p) => (
            <select
              {...p}
              ref={first}
              value={form.values.reason}
              onChange={(e) => form.set('reason', e.target.value)}
            >
              {REASONS.map(([value, zh, en]) => (
                <option key={value} value={value}>
                  {t(zh, en)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('现在每月一共能还多少（元）', 'What you can pay each month now (yuan)')}
          error={form.shown('capacity')}
          hint={
            income
              ? t(
                  '所有进行中的协议合计，按原来的月供比例分给各家。',
                  'For all running agreements together, split in proportion to what was agreed.',
                )
              : t(
                  '可以不填：不填就按原来的月供，把没还上的部分顺延到最后。填了会重新分给所有进行中的协议。',
                  'Optional: blank keeps the agreed amounts and moves what was missed to the end. An amount is split over all running agreements.',
                )
          }
        >
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              autoComplete="off"
              placeholder={income ? '1000' : t('不填＝不变', 'blank = unchanged')}
              value={form.values.capacity}
              onChange={(e) => form.set('capacity', e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
            {busy
              ? t('正在生成…', 'Working…')
              : t('生成新方案和协商函', 'Make the plan and letter')}
          </button>
          <button type="button" onClick={onClose}>
            {t('收起', 'Close')}
          </button>
        </div>
      </form>

      {shown ? (
        <section aria-label={t('新方案', 'The new plan')}>
          <h4 ref={resultHeading} tabIndex={-1} style={{ marginTop: 16 }}>
            {t('新方案（向对方提出的申请）', 'The new plan (a request to the lender)')}
          </h4>
          <p role="status">
            {t(
              `已生成 ${shown.plans.length} 份新方案，每月合计 ${money(shown.capacity.after)}（原来 ${money(shown.capacity.before)}）。`,
              `${shown.plans.length} plan(s) ready: ${money(shown.capacity.after)} a month in all (was ${money(shown.capacity.before)}).`,
            )}
          </p>
          <ul className="cards">
            {shown.plans.map((p) => (
              <PlanCard key={p.agreementId} plan={p} />
            ))}
          </ul>
          <p className="field-hint">
            {t(
              '请尽快（最好在下一个还款日之前）主动联系对方说明情况，并保存沟通记录。新方案是申请，不是对方的义务；谈成后在上面记录新的协议。',
              'Contact the lender now (before the next due date), explain, and keep a record. The new plan is a request, not their obligation; once agreed, record it above.',
            )}
          </p>
        </section>
      ) : null}
    </div>
  );
}

function PlanCard({ plan: p }: { plan: ReplanPlanView }) {
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
      <p>
        <strong>{t('向对方提出：', 'What to ask for: ')}</strong>
        {lang === 'zh' ? p.ask.zh : p.ask.en}
      </p>
      <details open={p.count <= 24}>
        <summary>{t(`还款计划（共 ${p.count} 期）`, `Schedule (${p.count} installments)`)}</summary>
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
      </details>
      <details>
        <summary>{t('在屏幕上查看协商函', 'Read the letter on screen')}</summary>
        <MarkdownView text={p.letter.text} />
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
