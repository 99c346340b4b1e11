// One card per recorded escalation: its dates and days left, its letters, the status changes,
// corrections (dates, reference number, notes) and delete (undone from the page's undo bar).
import { useState } from 'react';
import type {
  EscalationChannelView,
  EscalationUpdate,
  EscalationView,
} from '../../../contracts/index.js';
import { escalationsApi } from '../../api-escalations.js';
import { Field } from '../../components/field.js';
import { useLang, useT } from '../../i18n.js';
import { label } from '../../labels.js';
import { checkDate, checkText } from '../../validate.js';
import { daysText, MARKS, STATUS_LABELS } from './escalation-words.js';

type Update = (e: EscalationView, body: EscalationUpdate) => Promise<boolean>;

/** aria-label: the visible words first, then whose card it is (cards carry the same buttons). */
function useNamed(e: EscalationView) {
  const t = useT();
  const who = e.lender ?? t('（未指定债主）', '(no lender)');
  return (visible: string) => ({ 'aria-label': t(`${visible}（${who}）`, `${visible} (${who})`) });
}

function LetterLinks({ e, channel }: { e: EscalationView; channel?: EscalationChannelView }) {
  const t = useT();
  const lang = useLang();
  const named = useNamed(e);
  const title = channel
    ? lang === 'zh'
      ? channel.letterTitleZh
      : channel.letterTitleEn
    : t('文书', 'Letter');
  const docx = t(`下载 Word ${title}`, `Download ${title} (DOCX)`);
  const followUp = t('下载催办函（已过跟进日期）', 'Download the follow-up letter (overdue)');
  return (
    <div className="actions">
      <a
        className="button primary"
        href={escalationsApi.letterUrl(e.id, 'docx', lang)}
        download
        {...named(docx)}
      >
        {docx}
      </a>
      <a
        className="button"
        href={escalationsApi.letterUrl(e.id, 'html', lang)}
        target="_blank"
        rel="noopener"
        {...named(t('在浏览器中查看', 'View in browser'))}
      >
        {t('在浏览器中查看', 'View in browser')}
      </a>
      {e.canFollowUp ? (
        <a
          className="button"
          href={escalationsApi.followUpUrl(e.id, 'docx', lang)}
          download
          {...named(followUp)}
        >
          {followUp}
        </a>
      ) : null}
    </div>
  );
}

function StatusButtons({
  e,
  busy,
  onUpdate,
}: {
  e: EscalationView;
  busy: boolean;
  onUpdate: Update;
}) {
  const t = useT();
  const named = useNamed(e);
  const who = e.lender ?? '';
  const marks = e.isOpen
    ? MARKS.filter((m) => m.status !== e.status)
    : [{ status: 'sent' as const, zh: '重新跟进', en: 'Reopen' }];
  return (
    <div className="actions" role="group" aria-label={t(`更新状态：${who}`, `Update: ${who}`)}>
      {marks.map((m) => (
        <button
          key={m.status}
          type="button"
          disabled={busy}
          onClick={() => void onUpdate(e, { status: m.status })}
          {...named(t(m.zh, m.en))}
        >
          {t(m.zh, m.en)}
        </button>
      ))}
    </div>
  );
}

/** Corrections a borrower makes: the dates, the reference number, the notes. */
function EditDetails({
  e,
  busy,
  onUpdate,
}: {
  e: EscalationView;
  busy: boolean;
  onUpdate: Update;
}) {
  const t = useT();
  const lang = useLang();
  const named = useNamed(e);
  const [v, setV] = useState({
    sentDate: e.sentDate ?? '',
    followUpDate: e.followUpDate ?? '',
    reference: e.reference ?? '',
    notes: e.notes ?? '',
  });
  const errors = {
    sentDate: checkDate(v.sentDate, lang, { required: true, label: t('发出日期', 'Sent date') })
      .error,
    followUpDate: checkDate(v.followUpDate, lang).error,
    reference: checkText(v.reference, lang, 100).error,
    notes: checkText(v.notes, lang, 5000).error,
  };
  const hasError = Object.values(errors).some(Boolean);
  const submit = () => {
    const body: EscalationUpdate = { reference: v.reference.trim(), notes: v.notes.trim() };
    const sent = checkDate(v.sentDate, lang).value;
    const follow = checkDate(v.followUpDate, lang).value;
    if (sent !== undefined && sent !== e.sentDate) body.sentDate = sent;
    // a new sent date moves the follow-up date, unless it was changed by hand too
    if (follow !== undefined && follow !== e.followUpDate) body.followUpDate = follow;
    void onUpdate(e, body);
  };
  const input = (k: keyof typeof v, zh: string, en: string, hint?: string) => (
    <Field label={t(zh, en)} error={errors[k]} hint={hint}>
      {(p) => <input {...p} value={v[k]} onChange={(x) => setV({ ...v, [k]: x.target.value })} />}
    </Field>
  );
  return (
    <details>
      <summary>{t('修改日期、受理编号或备注', 'Edit dates, reference or notes')}</summary>
      <form
        noValidate
        aria-label={t(`修改投诉记录：${e.lender ?? ''}`, `Edit: ${e.lender ?? ''}`)}
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!hasError) submit();
        }}
      >
        {input(
          'sentDate',
          '实际发出日期',
          'Date actually sent',
          t('改了它，跟进日期会按渠道重算', 'The follow-up date moves with it'),
        )}
        {input('followUpDate', '跟进日期', 'Follow-up date')}
        {input(
          'reference',
          '受理编号',
          'Reference number',
          t('对方受理后给的工单号或编号', 'The ticket number the channel gave you'),
        )}
        <Field label={t('备注', 'Notes')} error={errors.notes}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={v.notes}
              onChange={(x) => setV({ ...v, notes: x.target.value })}
            />
          )}
        </Field>
        <button type="submit" disabled={busy || hasError} {...named(t('保存', 'Save'))}>
          {t('保存', 'Save')}
        </button>
      </form>
    </details>
  );
}

export function EscalationCard({
  e,
  channel,
  busy,
  onUpdate,
  onRemove,
}: {
  e: EscalationView;
  channel: EscalationChannelView | undefined;
  busy: boolean;
  onUpdate: Update;
  onRemove: (e: EscalationView) => void;
}) {
  const t = useT();
  const lang = useLang();
  const named = useNamed(e);
  const days = daysText(e.daysLeft, t);
  return (
    <li className={days?.isLate ? 'card esc-card esc-late' : 'card esc-card'}>
      <div className="card-head">
        <h4>{e.lender ?? t('（未指定债主）', '(no lender)')}</h4>
        <span className="tag">{label(STATUS_LABELS, e.status, lang)}</span>
      </div>
      <p className="esc-channel">
        {(lang === 'zh' ? e.channelNameZh : e.channelNameEn) ?? e.channel}
      </p>
      <dl className="kv">
        <dt>{t('发出日期', 'Sent')}</dt>
        <dd>{e.sentDate ?? '—'}</dd>
        <dt>{t('跟进日期', 'Follow up on')}</dt>
        <dd>{e.followUpDate ?? '—'}</dd>
        {e.reference ? (
          <>
            <dt>{t('受理编号', 'Reference')}</dt>
            <dd>{e.reference}</dd>
          </>
        ) : null}
      </dl>
      {days ? <p className={days.isLate ? 'esc-days bad' : 'esc-days'}>{days.text}</p> : null}
      {e.notes ? <p className="muted">{e.notes}</p> : null}
      <LetterLinks e={e} {...(channel ? { channel } : {})} />
      <StatusButtons e={e} busy={busy} onUpdate={onUpdate} />
      <EditDetails e={e} busy={busy} onUpdate={onUpdate} />
      <div className="card-actions">
        <button
          type="button"
          className="link"
          disabled={busy}
          onClick={() => onRemove(e)}
          {...named(t('删除', 'Delete'))}
        >
          {t('删除', 'Delete')}
        </button>
      </div>
    </li>
  );
}
