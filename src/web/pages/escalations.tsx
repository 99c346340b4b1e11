import { useCallback, useEffect, useState } from 'react';
import type {
  EscalationChannelView,
  EscalationStatusName,
  EscalationUpdate,
  EscalationView,
  LenderView,
} from '../../contracts/index.js';
import { ApiError, api } from '../api-client.js';
import { escalationsApi } from '../api-escalations.js';
import { Empty, ErrorBanner, Field, Notice } from '../components/field.js';
import { useForm } from '../components/use-form.js';
import { useLang, useT } from '../i18n.js';
import { LENDER_TYPE_LABELS, label } from '../labels.js';
import { goTo } from '../nav.js';
import { checkDate, checkText } from '../validate.js';

const STATUS_LABELS: Record<EscalationStatusName, [string, string]> = {
  draft: ['草稿', 'Draft'],
  sent: ['已发出，等待答复', 'Sent, awaiting reply'],
  acknowledged: ['对方已受理', 'Acknowledged'],
  resolved: ['已解决', 'Resolved'],
  rejected: ['被驳回', 'Rejected'],
  closed: ['已结束', 'Closed'],
};

/** The status changes a borrower makes by hand, in the order they happen. */
const MARKS: { status: EscalationStatusName; zh: string; en: string }[] = [
  { status: 'acknowledged', zh: '标记为已受理', en: 'Mark acknowledged' },
  { status: 'resolved', zh: '标记为已解决', en: 'Mark resolved' },
  { status: 'closed', zh: '结束跟进', en: 'Close' },
];

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

const lenderLabel = (l: LenderView) => (l.brand ? `${l.brand}（${l.name}）` : l.name);

/** "还剩 5 天" / "今天该跟进了" / "已超过 3 天" for a follow-up date. */
function daysText(
  days: number | null,
  t: (zh: string, en: string) => string,
): { text: string; isLate: boolean } | null {
  if (days === null) return null;
  if (days > 0)
    return { text: t(`还剩 ${days} 天到跟进日`, `${days} days until follow-up`), isLate: false };
  if (days === 0) return { text: t('今天该跟进了', 'Follow up today'), isLate: true };
  return {
    text: t(
      `已超过跟进日 ${-days} 天，请尽快打电话或再次去函催问`,
      `${-days} days past the follow-up date: chase them now`,
    ),
    isLate: true,
  };
}

/** What the chosen channel is for, who it suits, its deadline and the law behind it. */
function ChannelInfo({ ch, id }: { ch: EscalationChannelView; id: string }) {
  const t = useT();
  const lang = useLang();
  const zh = lang === 'zh';
  const basis = ch.followUpIsLegalDeadline ? ch.provisions[0] : undefined;
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
      {ch.cautionZh ? (
        <p className="esc-caution">
          {t('待核实：', 'Unverified: ')}
          {zh ? ch.cautionZh : ch.cautionEn}
        </p>
      ) : ch.certainty === 'U' ? (
        <p className="esc-caution">
          {t(
            '待核实：这一渠道的受理范围没有找到权威来源，投诉前请先电话确认。',
            'Unverified: no authoritative source for what this channel accepts; call first.',
          )}
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

function EscalationCard({
  e,
  channel,
  busy,
  onUpdate,
}: {
  e: EscalationView;
  channel: EscalationChannelView | undefined;
  busy: boolean;
  onUpdate: (e: EscalationView, body: EscalationUpdate) => Promise<boolean>;
}) {
  const t = useT();
  const lang = useLang();
  const zh = lang === 'zh';
  const [reference, setReference] = useState(e.reference ?? '');
  const [notes, setNotes] = useState(e.notes ?? '');
  const refErr = checkText(reference, lang, 100).error;
  const notesErr = checkText(notes, lang, 5000).error;
  const who = e.lender ?? t('（未指定债主）', '(no lender)');
  const title = channel
    ? zh
      ? channel.letterTitleZh
      : channel.letterTitleEn
    : t('文书', 'Letter');
  const days = daysText(e.daysLeft, t);
  // the visible words first, then whose card it is (several cards carry the same buttons)
  const named = (visible: string) => ({
    'aria-label': zh ? `${visible}（${who}）` : `${visible} (${who})`,
  });
  return (
    <li className={days?.isLate ? 'card esc-card esc-late' : 'card esc-card'}>
      <div className="card-head">
        <h4>{who}</h4>
        <span className="tag">{label(STATUS_LABELS, e.status, lang)}</span>
      </div>
      <p className="esc-channel">{(zh ? e.channelNameZh : e.channelNameEn) ?? e.channel}</p>
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
      <div className="actions">
        <a
          className="button primary"
          href={escalationsApi.letterUrl(e.id, 'docx', lang)}
          download
          {...named(t(`下载 Word ${title}`, `Download ${title} (DOCX)`))}
        >
          {t(`下载 Word ${title}`, `Download ${title} (DOCX)`)}
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
            {...named(t('下载催办函（已过跟进日期）', 'Download the follow-up letter (overdue)'))}
          >
            {t('下载催办函（已过跟进日期）', 'Download the follow-up letter (overdue)')}
          </a>
        ) : null}
      </div>
      <div className="actions" role="group" aria-label={t(`更新状态：${who}`, `Update: ${who}`)}>
        {e.isOpen ? (
          MARKS.filter((m) => m.status !== e.status).map((m) => (
            <button
              key={m.status}
              type="button"
              disabled={busy}
              onClick={() => void onUpdate(e, { status: m.status })}
              {...named(t(m.zh, m.en))}
            >
              {t(m.zh, m.en)}
            </button>
          ))
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => void onUpdate(e, { status: 'sent' })}
            {...named(t('重新跟进', 'Reopen'))}
          >
            {t('重新跟进', 'Reopen')}
          </button>
        )}
      </div>
      <details>
        <summary>{t('填写受理编号或备注', 'Add a reference or notes')}</summary>
        <form
          noValidate
          aria-label={t(`受理编号和备注：${who}`, `Reference and notes: ${who}`)}
          onSubmit={(ev) => {
            ev.preventDefault();
            if (refErr || notesErr) return;
            void onUpdate(e, { reference: reference.trim(), notes: notes.trim() });
          }}
        >
          <Field
            label={t('受理编号', 'Reference number')}
            error={refErr}
            hint={t('对方受理后给的工单号或编号', 'The ticket number the channel gave you')}
          >
            {(p) => (
              <input {...p} value={reference} onChange={(x) => setReference(x.target.value)} />
            )}
          </Field>
          <Field label={t('备注', 'Notes')} error={notesErr}>
            {(p) => (
              <textarea {...p} rows={2} value={notes} onChange={(x) => setNotes(x.target.value)} />
            )}
          </Field>
          <button
            type="submit"
            disabled={busy || Boolean(refErr || notesErr)}
            {...named(t('保存', 'Save'))}
          >
            {t('保存', 'Save')}
          </button>
        </form>
      </details>
    </li>
  );
}

export function EscalationsPage() {
  const t = useT();
  const lang = useLang();
  const [lenders, setLenders] = useState<LenderView[] | null>(null);
  const [channels, setChannels] = useState<EscalationChannelView[]>([]);
  const [escalations, setEscalations] = useState<EscalationView[] | null>(null);
  const [asOf, setAsOf] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // once the borrower picks a channel, a change of lender no longer overrides it
  const [isChannelPicked, setChannelPicked] = useState(false);

  const form = useForm(EMPTY, (v) => {
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
  });
  const { setBanner, set } = form;
  const fail = useCallback(
    (e: unknown) => setBanner(e instanceof ApiError ? e.say(lang) : String(e)),
    [lang, setBanner],
  );

  const loadList = useCallback(
    () =>
      escalationsApi
        .list()
        .then((r) => {
          setEscalations(r.escalations);
          setAsOf(r.asOf);
        })
        .catch(fail),
    [fail],
  );
  useEffect(() => {
    api
      .lenders()
      .then((r) => setLenders(r.lenders))
      .catch(fail);
    escalationsApi
      .channels()
      .then((r) => setChannels(r.channels))
      .catch(fail);
    void loadList();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const suggestedFor = (lenderId: string) => {
    const type = lenders?.find((l) => l.id === lenderId)?.lenderType;
    return channels.find((c) => type !== undefined && c.suggestedFor.includes(type))?.id;
  };
  const pickLender = (lenderId: string) => {
    set('lenderId', lenderId);
    const s = suggestedFor(lenderId);
    if (!isChannelPicked && s) set('channel', s);
  };

  // defaults once the lists arrive: the first lender, its suggested channel, today
  useEffect(() => {
    if (lenders && lenders.length > 0 && channels.length > 0 && !form.values.lenderId)
      pickLender(lenders[0]!.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lenders, channels]);
  useEffect(() => {
    if (asOf && !form.values.sentDate) set('sentDate', asOf);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asOf]);

  const submit = async () => {
    form.touchAll();
    if (!form.isValid) return;
    const v = form.values;
    setSaving(true);
    try {
      const { escalation: e } = await escalationsApi.record({
        lenderId: v.lenderId,
        channel: v.channel,
        sentDate: checkDate(v.sentDate, lang).value ?? null,
        reference: v.reference.trim() || null,
        notes: v.notes.trim() || null,
        ...(v.channel === 'credit-dispute'
          ? {
              dispute: {
                institution: v.disputeInstitution.trim() || null,
                account: v.disputeAccount.trim() || null,
                wrong: v.disputeWrong.trim() || null,
                correct: v.disputeCorrect.trim() || null,
              },
            }
          : {}),
      });
      setNotice(
        t(
          `已记录：${e.lender ?? ''}，请在 ${e.followUpDate ?? '—'} 跟进`,
          `Recorded: ${e.lender ?? ''}; follow up on ${e.followUpDate ?? '—'}`,
        ),
      );
      setBanner(null);
      set('reference', '');
      set('notes', '');
      await loadList();
    } catch (e) {
      form.showError(e, lang);
    } finally {
      setSaving(false);
    }
  };

  const update = async (e: EscalationView, body: EscalationUpdate): Promise<boolean> => {
    setBusyId(e.id);
    try {
      const r = await escalationsApi.update(e.id, body);
      const who = r.escalation.lender ?? '';
      setNotice(
        body.status
          ? t(
              `已更新：${who} ${label(STATUS_LABELS, body.status, 'zh')}`,
              `Updated: ${who} ${label(STATUS_LABELS, body.status, 'en')}`,
            )
          : t(`已保存：${who}`, `Saved: ${who}`),
      );
      await loadList();
      return true;
    } catch (x) {
      fail(x);
      return false;
    } finally {
      setBusyId(null);
    }
  };

  const channelOf = (id: string) => channels.find((c) => c.id === id);
  const chosen = channelOf(form.values.channel);
  const suggested = suggestedFor(form.values.lenderId);
  const open = (escalations ?? []).filter((e) => e.isOpen);
  const done = (escalations ?? []).filter((e) => !e.isOpen);
  const card = (e: EscalationView) => (
    <EscalationCard
      key={`${e.id}-${e.reference ?? ''}-${e.notes ?? ''}`}
      e={e}
      channel={channelOf(e.channel)}
      busy={busyId === e.id}
      onUpdate={update}
    />
  );

  return (
    <div className="page">
      <p className="intro">
        {t(
          '协商不成时走这一步：向监管部门投诉、对征信记录提出异议、申请调解或法律援助。投诉是你的合法权利，不会让欠款变多，但也不保证结果。',
          'When negotiation fails: complain to a regulator, dispute your credit report, ask for mediation or legal aid. Complaining is your right and does not add to the debt, but it promises no outcome.',
        )}
      </p>
      <section aria-label={t('什么时候用', 'When to use this')} className="esc-when">
        <h3>{t('什么时候用', 'When to use this')}</h3>
        <ul>
          <li>
            {t(
              '你按方案认真谈过，但对方拒绝任何分期、或长期不回复你的书面申请；',
              'You negotiated in good faith but the lender refuses any installment plan, or never answers your written request;',
            )}
          </li>
          <li>
            {t(
              '催收有暴力、威胁、辱骂、骚扰家人同事、冒充公检法等行为；',
              'Collectors use violence, threats, insults, contact your family or employer, or pose as officials;',
            )}
          </li>
          <li>
            {t(
              '征信报告上的记录有错，或你需要中立的调解、免费的法律咨询。',
              'Your credit report is wrong, or you want neutral mediation or free legal advice.',
            )}
          </li>
        </ul>
        <p className="muted">
          {t(
            '投诉前先把沟通记录和录音、截图存好（第5步），它们是投诉最有力的证据。投诉期间也请尽量按能力还款。',
            'Before complaining, keep your contact log, recordings and screenshots (step 5): they are your strongest evidence. Keep paying what you can meanwhile.',
          )}
        </p>
      </section>
      <ErrorBanner message={form.banner} />
      <Notice message={notice} />

      {lenders !== null && lenders.length === 0 ? (
        <Empty title={t('还没有债务记录', 'No debts yet')}>
          <p>
            {t(
              '投诉要针对具体的债主。请先在第1步添加你的债务。',
              'A complaint is about a specific lender. Add your debts first (step 1).',
            )}
          </p>
          <button type="button" className="primary" onClick={() => goTo('/')}>
            {t('去添加债务', 'Add a debt')}
          </button>
        </Empty>
      ) : null}

      {escalations !== null && escalations.length === 0 && (lenders?.length ?? 0) > 0 ? (
        <Empty title={t('还没有投诉或升级记录', 'No escalations yet')}>
          <p>
            {t(
              '这是第7步，在协商之后。先按方案和每个债主沟通（第4–6步），把每次联系都记下来。如果对方拒绝、不回复，或者违规催收，再在下面记录你发出的投诉：我们会按渠道生成投诉书，并提醒你什么时候跟进。',
              'This is step 7, after negotiating. First talk to each lender with your plan (steps 4–6) and log every contact. If they refuse, do not answer, or collect abusively, record your complaint below: we write the letter for the channel and remind you when to follow up.',
            )}
          </p>
          <button type="button" onClick={() => goTo('/contacts')}>
            {t('先去记录沟通', 'Log contacts first')}
          </button>
        </Empty>
      ) : null}

      {open.length > 0 ? (
        <section aria-label={t('进行中的投诉', 'Open escalations')}>
          <h3>{t('进行中的投诉', 'Open escalations')}</h3>
          <ul className="cards">{open.map(card)}</ul>
        </section>
      ) : null}

      {lenders !== null && lenders.length > 0 ? (
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
          <Field label={t('投诉哪个债主', 'Which lender')} error={form.shown('lenderId')}>
            {(p) => (
              <select
                {...p}
                value={form.values.lenderId}
                onChange={(e) => pickLender(e.target.value)}
              >
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
                  set('channel', e.target.value);
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
          {form.values.channel === 'credit-dispute' ? (
            <fieldset className="dispute">
              <legend>
                {t(
                  '有误的征信记录（照报告填写）',
                  'The wrong credit-report entry (as in the report)',
                )}
              </legend>
              {(
                [
                  [
                    'disputeInstitution',
                    '数据报送机构',
                    'Reporting institution',
                    '报告上显示的机构名称',
                  ],
                  ['disputeAccount', '账户', 'Account', '报告上的账户、合同号或卡号尾号'],
                  [
                    'disputeWrong',
                    '报告中的错误记载（必填）',
                    'What the report wrongly says (required)',
                    '例如：2026年9月还款状态“逾期”',
                  ],
                  [
                    'disputeCorrect',
                    '应当记载为',
                    'What it should say',
                    '例如：2026年9月还款状态“正常”',
                  ],
                ] as const
              ).map(([key, zh, en, hint]) => (
                <Field key={key} label={t(zh, en)} error={form.shown(key)} hint={t(hint, '')}>
                  {(p) => (
                    <input
                      {...p}
                      value={form.values[key]}
                      onChange={(e) => set(key, e.target.value)}
                    />
                  )}
                </Field>
              ))}
            </fieldset>
          ) : null}
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
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('保存中…', 'Saving…') : t('记录这次投诉', 'Record this escalation')}
            </button>
          </div>
        </form>
      ) : null}

      {done.length > 0 ? (
        <section aria-label={t('已结束的投诉', 'Closed escalations')}>
          <h3>{t('已结束的投诉', 'Closed escalations')}</h3>
          <ul className="cards">{done.map(card)}</ul>
        </section>
      ) : null}
    </div>
  );
}
