// The form that records one escalation: lender, channel (its regulator suggested, what it is for
// shown below), sent date, reference, notes, and the disputed entry of a credit dispute.
import { useState } from 'react';
import type { EscalationChannelView, LenderView } from '../../../contracts/index.js';
import { ErrorBanner, Field } from '../../components/field.js';
import { useLang, useT } from '../../i18n.js';
import { LENDER_TYPE_LABELS, label } from '../../labels.js';
import { lenderLabel } from './escalation-words.js';
import { suggestedChannel, useEscalationForm, type Form } from './use-escalation-form.js';

/** What the chosen channel is for, who it suits, its deadline and the law behind it. */
function ChannelInfo({ ch, id }: { ch: EscalationChannelView; id: string }) {
  const t = useT();
  const lang = useLang();
  const zh = lang === 'zh';
  const basis = ch.followUpIsLegalDeadline ? ch.provisions[0] : undefined;
  const caution = ch.cautionZh
    ? zh
      ? ch.cautionZh
      : ch.cautionEn
    : ch.certainty === 'U'
      ? t(
          '这一渠道的受理范围没有找到权威来源，投诉前请先电话确认。',
          'no authoritative source for what this channel accepts; call first.',
        )
      : null;
  return (
    <div className="channel-info" id={id} aria-live="polite">
      <p>
        <strong>{zh ? ch.nameZh : ch.nameEn}</strong>
      </p>
      <p>{zh ? ch.purposeZh : ch.purposeEn}</p>
      <p>
        <strong>{t('适合：', 'Suits: ')}</strong>
        {ch.lenderTypes.map((x) => label(LENDER_TYPE_LABELS, x, lang)).join(t('、', ', '))}
      </p>
      <p>
        <strong>{t('怎么联系：', 'How: ')}</strong>
        {zh ? ch.contactZh : ch.contactEn}
      </p>
      <p>
        <strong>{t('跟进：', 'Follow-up: ')}</strong>
        {basis
          ? t(
              `发出后 ${ch.followUpDays} 天内对方应书面答复（${basis.citationZh}）`,
              `a written reply is due within ${ch.followUpDays} days (${basis.citationEn})`,
            )
          : t(
              `发出 ${ch.followUpDays} 天后提醒你跟进（这是提醒，不是法定期限）`,
              `we remind you after ${ch.followUpDays} days (a reminder, not a legal deadline)`,
            )}
      </p>
      {caution ? (
        <p className="esc-caution">
          {t('待核实：', 'Unverified: ')}
          {caution}
        </p>
      ) : null}
      {ch.provisions.length > 0 ? (
        <p className="muted">
          {t('依据：', 'Basis: ')}
          {ch.provisions.map((p) => (zh ? p.citationZh : p.citationEn)).join(t('；', '; '))}
        </p>
      ) : null}
    </div>
  );
}

const DISPUTE_FIELDS = [
  ['disputeInstitution', '数据报送机构', 'Reporting institution', '报告上显示的机构名称'],
  ['disputeAccount', '账户', 'Account', '报告上的账户、合同号或卡号尾号'],
  [
    'disputeWrong',
    '报告中的错误记载（必填）',
    'What the report wrongly says (required)',
    '例如：2026年9月还款状态“逾期”',
  ],
  ['disputeCorrect', '应当记载为', 'What it should say', '例如：2026年9月还款状态“正常”'],
] as const;

function DisputeFields({ form }: { form: Form }) {
  const t = useT();
  return (
    <fieldset className="dispute">
      <legend>
        {t('有误的征信记录（照报告填写）', 'The wrong credit-report entry (as in the report)')}
      </legend>
      {DISPUTE_FIELDS.map(([key, zh, en, hint]) => (
        <Field key={key} label={t(zh, en)} error={form.shown(key)} hint={t(hint, '')}>
          {(p) => (
            <input
              {...p}
              value={form.values[key]}
              onChange={(e) => form.set(key, e.target.value)}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}

/** Lender and channel: picking a lender suggests its regulator until a channel is picked. */
function WhoAndWhere({
  form,
  lenders,
  channels,
}: {
  form: Form;
  lenders: LenderView[];
  channels: EscalationChannelView[];
}) {
  const t = useT();
  const lang = useLang();
  const [isChannelPicked, setChannelPicked] = useState(false);
  const suggestedFor = (lenderId: string) => suggestedChannel(lenders, channels, lenderId);
  const pickLender = (lenderId: string) => {
    form.set('lenderId', lenderId);
    const s = suggestedFor(lenderId);
    if (!isChannelPicked && s) form.set('channel', s);
  };
  const suggested = suggestedFor(form.values.lenderId);
  const chosen = channels.find((c) => c.id === form.values.channel);
  return (
    <>
      <Field label={t('投诉哪个债主', 'Which lender')} error={form.shown('lenderId')}>
        {(p) => (
          <select {...p} value={form.values.lenderId} onChange={(e) => pickLender(e.target.value)}>
            {lenders.map((l) => (
              <option key={l.id} value={l.id}>
                {lenderLabel(l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('投诉渠道', 'Channel')}
        error={form.shown('channel')}
        hint={
          suggested
            ? t(
                '标“推荐”的是管这类机构的部门；下面是这个渠道的说明',
                '“Suggested” is the regulator of this kind of lender; details below',
              )
            : t('下面是这个渠道的说明', 'Details below')
        }
      >
        {(p) => (
          <select
            {...p}
            value={form.values.channel}
            onChange={(e) => {
              setChannelPicked(true);
              form.set('channel', e.target.value);
            }}
          >
            {form.values.channel ? null : <option value="">{t('请选择', 'Choose')}</option>}
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {lang === 'zh' ? c.nameZh : c.nameEn}
                {c.id === suggested ? t('（推荐）', ' (suggested)') : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen ? <ChannelInfo ch={chosen} id="channel-info" /> : null}
    </>
  );
}

export function EscalationForm({
  lenders,
  channels,
  asOf,
  onRecorded,
}: {
  lenders: LenderView[];
  channels: EscalationChannelView[];
  asOf: string;
  onRecorded: (message: string) => Promise<void>;
}) {
  const t = useT();
  const { form, submit } = useEscalationForm(lenders, channels, asOf, onRecorded);
  const { set } = form;
  return (
    <form
      className="form"
      noValidate
      aria-label={t('记录一次投诉或升级', 'Record an escalation')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('记录一次投诉或升级', 'Record an escalation')}</h3>
      <ErrorBanner message={form.banner} />
      <WhoAndWhere form={form} lenders={lenders} channels={channels} />
      <Field
        label={t('发出日期', 'Sent date')}
        error={form.shown('sentDate')}
        hint={t('你打电话或寄出、提交投诉的那天', 'The day you called, posted or submitted it')}
      >
        {(p) => (
          <input
            {...p}
            type="date"
            max={asOf || undefined}
            value={form.values.sentDate}
            onChange={(e) => set('sentDate', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('受理编号（可不填）', 'Reference (optional)')}
        error={form.shown('reference')}
      >
        {(p) => (
          <input
            {...p}
            value={form.values.reference}
            onChange={(e) => set('reference', e.target.value)}
          />
        )}
      </Field>
      {form.values.channel === 'credit-dispute' ? <DisputeFields form={form} /> : null}
      <Field label={t('备注（可不填）', 'Notes (optional)')} error={form.shown('notes')}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={form.values.notes}
            onChange={(e) => set('notes', e.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.submitting}>
          {form.submitting ? t('保存中…', 'Saving…') : t('记录这次投诉', 'Record this escalation')}
        </button>
      </div>
    </form>
  );
}
