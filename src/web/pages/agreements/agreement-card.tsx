// One agreement: progress, warnings, re-plan, each installment's state and each recorded payment,
// with edit and delete for the agreement and for every payment (deletes can be undone).
import { lazy, Suspense, useState } from 'react';
import type {
  AgreementView,
  LenderView,
  PaymentView,
  ReplanReason,
} from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { Money } from '../../components/field.js';
import { money } from '../../format.js';
import { useLang, useT } from '../../i18n.js';
import { useWrite } from '../../components/use-form.js';
import { AgreementForm } from './agreement-form.js';
import { PaymentForm } from './payment-form.js';
import { UndoBar } from '../../components/undo-bar.js';
import type { AgreementsData } from './use-agreements.js';

// the re-plan form, its schedule and letter load when a re-plan is first opened
const ReplanPanel = lazy(() => import('../../components/replan.js'));

const STATUS: Record<string, [string, string]> = {
  upcoming: ['未到期', 'Upcoming'],
  'due-soon': ['即将到期', 'Due soon'],
  paid: ['已还', 'Paid'],
  'partially-paid': ['部分已还', 'Partly paid'],
  late: ['已逾期', 'Late'],
  missed: ['未还', 'Missed'],
};

/** An amount, or 未填 when none was entered (never a made-up ¥0.00). */
export function amountOrBlank(yuan: string | null | undefined, t: ReturnType<typeof useT>) {
  return yuan === null || yuan === undefined || yuan === ''
    ? t('未填', 'not entered')
    : money(yuan);
}

export const isOpen = (g: AgreementView) =>
  g.status === 'active' && g.installments.some((i) => i.status !== 'paid');

export interface CardProps {
  g: AgreementView;
  lenders: LenderView[];
  data: AgreementsData;
  atRisk: boolean;
  replan: ReplanReason | null;
  onReplan: (reason: ReplanReason | null) => void;
}

export function AgreementCard({ g, lenders, data, atRisk, replan, onReplan }: CardProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const overdue = g.installments.filter((i) => i.status === 'missed' || i.status === 'late');
  if (editing)
    return (
      <li id={`agreement-${g.id}`} className="card editing">
        <AgreementForm
          lenders={lenders}
          editing={g}
          onSaved={(m) => {
            setEditing(false);
            data.saved(m);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li id={`agreement-${g.id}`} className="card">
      <div className="card-head">
        <h4>{g.lender}</h4>
        {!g.isConfirmedInWriting ? (
          <span className="tag bad">{t('未书面确认', 'Not in writing')}</span>
        ) : null}
      </div>
      <p>
        {t('已还', 'Paid')} <Money>{money(g.paid)}</Money> / <Money>{money(g.total)}</Money>
      </p>
      <p className="muted num">
        {t(
          `${g.count ?? g.installments.length} 期 × ${amountOrBlank(g.monthlyAmount, t)}，首期 ${g.firstDueDate ?? '—'}，达成于 ${g.agreedDate}`,
          `${g.count ?? g.installments.length} × ${amountOrBlank(g.monthlyAmount, t)}, first due ${g.firstDueDate ?? '—'}, agreed ${g.agreedDate}`,
        )}
      </p>
      <Warning overdue={overdue} atRisk={atRisk} />
      <CardActions
        g={g}
        data={data}
        urgent={overdue.length > 0 || atRisk}
        replan={replan}
        onReplan={() => onReplan(replan ? null : overdue.length > 0 ? 'missed' : 'at-risk')}
        onEdit={() => setEditing(true)}
      />
      {replan ? (
        <Suspense fallback={<p aria-busy="true">{t('加载中…', 'Loading…')}</p>}>
          <ReplanPanel
            key={`${g.id}-${replan}`}
            agreement={g}
            reason={replan}
            onClose={() => onReplan(null)}
          />
        </Suspense>
      ) : null}
      <Installments g={g} />
      <Payments g={g} data={data} />
    </li>
  );
}

function CardActions(props: {
  g: AgreementView;
  data: AgreementsData;
  urgent: boolean;
  replan: ReplanReason | null;
  onReplan: () => void;
  onEdit: () => void;
}) {
  const { g, data, urgent, replan, onReplan, onEdit } = props;
  const t = useT();
  const remover = useWrite();
  const remove = async () => {
    try {
      const r = await remover.run({ remove: g.id }, () => api.removeAgreement(g.id));
      if (r === undefined) return;
      const label = t(`与${g.lender}的协议`, `the agreement with ${g.lender}`);
      data.setRemoved({ undoId: r.undoId, kind: 'agreement', agreementId: null, label });
      data.saved(null);
    } catch (e) {
      data.fail(e);
    }
  };
  return (
    <div className="actions card-actions">
      {isOpen(g) ? (
        <button
          type="button"
          id={`replan-${g.id}`}
          className={urgent ? 'primary' : undefined}
          aria-expanded={replan !== null}
          aria-label={t(`重新协商：${g.lender}`, `Re-plan: ${g.lender}`)}
          onClick={onReplan}
        >
          {t('重新协商', 'Re-plan')}
        </button>
      ) : null}
      <button
        type="button"
        onClick={onEdit}
        aria-label={t(`修改协议：${g.lender}`, `Edit: ${g.lender}`)}
      >
        {t('修改', 'Edit')}
      </button>
      <button
        type="button"
        onClick={() => void remove()}
        disabled={remover.busy}
        aria-label={t(`删除协议：${g.lender}`, `Delete: ${g.lender}`)}
      >
        {remover.busy ? t('删除中…', 'Deleting…') : t('删除', 'Delete')}
      </button>
    </div>
  );
}

function Warning({ overdue, atRisk }: { overdue: AgreementView['installments']; atRisk: boolean }) {
  const t = useT();
  const first = overdue[0];
  if (first)
    return (
      <p className="bad">
        {t(
          `⚠ 有 ${overdue.length} 期已逾期（最早 ${first.dueDate}，${money(first.amount)}）。尽快重新协商，别等对方催收。`,
          `⚠ ${overdue.length} installment(s) overdue (first ${first.dueDate}, ${money(first.amount)}). Re-plan now, before collection starts.`,
        )}
      </p>
    );
  if (atRisk)
    return (
      <p className="bad">
        {t(
          '⚠ 预测显示下一期可能还不上：可以提前重新协商。',
          '⚠ The forecast says the next installment may be missed: re-plan early.',
        )}
      </p>
    );
  return null;
}

function Installments({ g }: { g: AgreementView }) {
  const t = useT();
  const lang = useLang();
  return (
    <details>
      <summary>{t('每期状态', 'Installments')}</summary>
      <ul className="plain">
        {g.installments.map((i) => (
          <li key={i.seq} className="num">
            {i.dueDate} · {money(i.amount)} ·{' '}
            {STATUS[i.status]?.[lang === 'zh' ? 0 : 1] ?? i.status}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The recorded payments of one agreement, each with 修改 and 删除 (and the undo bar). */
function Payments({ g, data }: { g: AgreementView; data: AgreementsData }) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const payments = g.payments ?? [];
  const removal =
    data.removed?.kind === 'payment' && data.removed.agreementId === g.id ? data.removed : null;
  return (
    <section aria-label={t(`${g.lender} 的还款记录`, `Payments to ${g.lender}`)}>
      <h5>{t('还款记录', 'Payments')}</h5>
      {removal ? (
        <UndoBar
          removal={{ undoId: removal.undoId, name: removal.label }}
          busy={data.undoing}
          onUndo={() => void data.undo()}
          onDismiss={data.dismissRemoval}
        />
      ) : null}
      {payments.length === 0 ? (
        <p className="muted">{t('还没有记录还款。', 'No payments recorded yet.')}</p>
      ) : (
        <ul className="plain payments">
          {payments.map((p) =>
            editing === p.id ? (
              <li key={p.id}>
                <PaymentForm
                  agreements={[g]}
                  editing={{ agreement: g, payment: p }}
                  onSaved={(m) => {
                    setEditing(null);
                    data.saved(m);
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <PaymentRow key={p.id} g={g} p={p} data={data} onEdit={() => setEditing(p.id)} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function PaymentRow(props: {
  g: AgreementView;
  p: PaymentView;
  data: AgreementsData;
  onEdit: () => void;
}) {
  const { g, p, data, onEdit } = props;
  const t = useT();
  const remover = useWrite();
  const what = `${p.paidDate} ${money(p.amount)}`;
  const remove = async () => {
    try {
      const r = await remover.run({ remove: p.id }, () => api.removePayment(g.id, p.id));
      if (r === undefined) return;
      const label = t(`还款 ${what}`, `payment ${what}`);
      data.setRemoved({ undoId: r.undoId, kind: 'payment', agreementId: g.id, label });
      data.saved(null);
    } catch (e) {
      data.fail(e);
    }
  };
  return (
    <li className="payment-row">
      <span className="num">
        {p.paidDate} · {money(p.amount)}
      </span>
      {p.note ? <span className="muted"> · {p.note}</span> : null}{' '}
      <button
        type="button"
        className="link"
        onClick={onEdit}
        aria-label={t(`修改还款 ${what}`, `Edit payment ${what}`)}
      >
        {t('修改', 'Edit')}
      </button>{' '}
      <button
        type="button"
        className="link"
        onClick={() => void remove()}
        disabled={remover.busy}
        aria-label={t(`删除还款 ${what}`, `Delete payment ${what}`)}
      >
        {remover.busy ? t('删除中…', 'Deleting…') : t('删除', 'Delete')}
      </button>
    </li>
  );
}
