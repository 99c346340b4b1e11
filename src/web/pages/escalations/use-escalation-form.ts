// The escalation record form's data: its fields, validation as you type (the server's words for a
// future date), the request body, the defaults (first lender, its regulator, today) and the save.
import { useEffect } from 'react';
import type {
  EscalationChannelView,
  EscalationCreate,
  LenderView,
} from '../../../contracts/index.js';
import { escalationsApi } from '../../api-escalations.js';
import { useForm } from '../../components/use-form.js';
import { useLang, useT } from '../../i18n.js';
import { checkDate, checkText } from '../../validate.js';

const EMPTY = {
  lenderId: '',
  channel: '',
  sentDate: '',
  reference: '',
  notes: '',
  // the disputed credit-report entry (征信异议), shown for the credit-dispute channel only
  disputeInstitution: '',
  disputeAccount: '',
  disputeWrong: '',
  disputeCorrect: '',
};
type Values = typeof EMPTY;
export type Form = ReturnType<typeof useForm<Values>>;
type T = (zh: string, en: string) => string;

function checkValues(v: Values, lang: 'zh' | 'en', t: T, asOf: string) {
  const sent = checkDate(v.sentDate, lang, { required: true, label: t('发出日期', 'Sent date') });
  return {
    lenderId: v.lenderId ? undefined : t('请选择债主', 'Choose a lender'),
    channel: v.channel ? undefined : t('请选择投诉渠道', 'Choose a channel'),
    // the same words as the server's refusal of a future date
    sentDate:
      sent.error ??
      (sent.value && asOf && sent.value > asOf
        ? t(`发送日期 ${sent.value} 晚于今天`, `sentDate ${sent.value} is in the future`)
        : undefined),
    reference: checkText(v.reference, lang, 100).error,
    notes: checkText(v.notes, lang, 5000).error,
    disputeWrong:
      v.channel === 'credit-dispute' && v.disputeWrong.trim() === ''
        ? t('请写明报告中哪条记载有误', 'Say what the report wrongly records')
        : checkText(v.disputeWrong, lang, 1000).error,
    disputeInstitution: checkText(v.disputeInstitution, lang, 200).error,
    disputeAccount: checkText(v.disputeAccount, lang, 100).error,
    disputeCorrect: checkText(v.disputeCorrect, lang, 1000).error,
  };
}

function bodyOf(v: Values, lang: 'zh' | 'en'): EscalationCreate {
  const dispute =
    v.channel === 'credit-dispute'
      ? {
          dispute: {
            institution: v.disputeInstitution.trim() || null,
            account: v.disputeAccount.trim() || null,
            wrong: v.disputeWrong.trim() || null,
            correct: v.disputeCorrect.trim() || null,
          },
        }
      : {};
  return {
    lenderId: v.lenderId,
    channel: v.channel,
    sentDate: checkDate(v.sentDate, lang).value ?? null,
    reference: v.reference.trim() || null,
    notes: v.notes.trim() || null,
    ...dispute,
  };
}

/** The channel that regulates this lender's type, if one does. */
export function suggestedChannel(
  lenders: LenderView[],
  channels: EscalationChannelView[],
  lenderId: string,
): string | undefined {
  const type = lenders.find((l) => l.id === lenderId)?.lenderType;
  return channels.find((c) => type !== undefined && c.suggestedFor.includes(type))?.id;
}

/**
 * The record form's state: the defaults once the lists arrive, validation as you type, and the
 * save (the reference, notes and dispute text are cleared after it; lender, channel and date stay).
 */
export function useEscalationForm(
  lenders: LenderView[],
  channels: EscalationChannelView[],
  asOf: string,
  onRecorded: (message: string) => Promise<void>,
) {
  const t = useT();
  const lang = useLang();
  const form = useForm(EMPTY, (v) => checkValues(v, lang, t, asOf));
  const { fill } = form;
  // defaults once the lists arrive (the first lender, its regulator, today), as the unchanged
  // state: they are not unsaved input to warn about
  const first = lenders[0]?.id;
  const isReady = first !== undefined && channels.length > 0 && asOf !== '';
  useEffect(() => {
    if (!isReady) return;
    fill({
      ...EMPTY,
      lenderId: first,
      channel: suggestedChannel(lenders, channels, first) ?? '',
      sentDate: asOf,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isReady]);
  const submit = async () => {
    form.touchAll();
    if (!form.isValid) return;
    const body = bodyOf(form.values, lang);
    try {
      const r = await form.run(body, (key) => escalationsApi.record(body, key));
      if (r === undefined) return; // a second tap while the first save runs
      const e = r.escalation;
      fill({ ...form.values, reference: '', notes: '', disputeWrong: '', disputeCorrect: '' });
      await onRecorded(
        t(
          `已记录：${e.lender ?? ''}，请在 ${e.followUpDate ?? '—'} 跟进`,
          `Recorded: ${e.lender ?? ''}; follow up on ${e.followUpDate ?? '—'}`,
        ),
      );
    } catch (e) {
      form.showError(e, lang);
    }
  };
  return { form, submit };
}
