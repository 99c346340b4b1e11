import { useCallback, useEffect, useRef, useState } from 'react';
import {
  CHANNELS,
  DIRECTIONS,
  EVIDENCE_KINDS,
  THIRD_PARTY_RELATIONS,
} from '../../contracts/enums.js';
import type { ConductFlag, ContactView, EvidenceView, LenderView } from '../../contracts/index.js';
import { api, ApiError } from '../api-client.js';
import { Empty, ErrorBanner, Field, Notice } from '../components/field.js';
import { useUnsavedWarning, useWrite } from '../components/use-form.js';
import { useLang, useT } from '../i18n.js';
import {
  CHANNEL_LABELS,
  DIRECTION_LABELS,
  EVIDENCE_LABELS,
  label,
  RELATION_LABELS,
} from '../labels.js';
import { checkText } from '../validate.js';

/** "2026-11-29T20:30" typed in a datetime-local input → an instant with the China offset. */
function toInstant(local: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}+08:00` : null;
}

function nowLocal(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 16);
}

/** An instant shown as Beijing wall time 'YYYY-MM-DD HH:MM' (what the user typed). */
function beijing(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isNaN(ms)
    ? instant
    : new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

export function ContactsPage() {
  const t = useT();
  const lang = useLang();
  const [lenders, setLenders] = useState<LenderView[]>([]);
  const [contacts, setContacts] = useState<ContactView[]>([]);
  const [evidence, setEvidence] = useState<EvidenceView[]>([]);
  const [flags, setFlags] = useState<ConductFlag[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [c, setC] = useState({
    lenderId: '',
    occurredAt: nowLocal(),
    channel: 'phone',
    direction: 'inbound',
    agentName: '',
    asked: '',
    offered: '',
    thirdParty: '',
    notes: '',
  });
  const [ev, setEv] = useState({ kind: 'call-recording', lenderId: '', description: '' });
  const [file, setFile] = useState<File | null>(null);
  const contactWrite = useWrite();
  const evidenceWrite = useWrite();
  const uploading = evidenceWrite.busy;
  useUnsavedWarning(
    [c.agentName, c.asked, c.offered, c.thirdParty, c.notes, ev.description].some(
      (x) => x.trim() !== '',
    ) || file !== null,
  );
  const fileInput = useRef<HTMLInputElement>(null);
  const fail = (e: unknown) => setBanner(e instanceof ApiError ? e.say(lang) : String(e));

  const load = useCallback(() => {
    api
      .lenders()
      .then((r) => {
        setLenders(r.lenders);
        const first = r.lenders[0]?.id ?? '';
        setC((o) => (o.lenderId ? o : { ...o, lenderId: first }));
        setEv((o) => (o.lenderId ? o : { ...o, lenderId: first }));
      })
      .catch(fail);
    api
      .contacts()
      .then((r) => setContacts(r.contacts))
      .catch(fail);
    api
      .evidence()
      .then((r) => setEvidence(r.items))
      .catch(fail);
    api
      .conduct()
      .then((r) => setFlags(r.flags))
      .catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);
  useEffect(load, [load]);

  const whenErr = toInstant(c.occurredAt)
    ? undefined
    : t('请选择日期和时间', 'Pick a date and time');
  const askedErr = checkText(c.asked, lang, 5000).error;
  const saveContact = async () => {
    const occurredAt = toInstant(c.occurredAt);
    if (!occurredAt || askedErr) return;
    const body = {
      lenderId: c.lenderId || null,
      occurredAt,
      channel: c.channel as (typeof CHANNELS)[number],
      direction: c.direction as (typeof DIRECTIONS)[number],
      agentName: c.agentName.trim() || null,
      asked: c.asked.trim() || null,
      offered: c.offered.trim() || null,
      thirdParty: c.thirdParty.trim() || null,
      notes: c.notes.trim() || null,
    };
    try {
      const saved = await contactWrite.run(body, (key) => api.addContact(body, key));
      if (saved === undefined) return; // a second tap while the first save runs
      setBanner(null);
      setNotice(t('已记录这次沟通', 'Contact logged'));
      setC((o) => ({ ...o, agentName: '', asked: '', offered: '', thirdParty: '', notes: '' }));
      load();
    } catch (e) {
      fail(e);
    }
  };

  const upload = async () => {
    if (!file) return;
    const fields = {
      kind: ev.kind as (typeof EVIDENCE_KINDS)[number],
      lenderId: ev.lenderId || null,
      description: ev.description.trim() || null,
    };
    try {
      const stored = await evidenceWrite.run(
        { ...fields, file: [file.name, file.size, file.lastModified] },
        (key) => api.uploadEvidence(fields, file, key),
      );
      if (stored === undefined) return;
      setBanner(null);
      setNotice(t(`已存入证据库：${file.name}`, `Stored in the vault: ${file.name}`));
      setFile(null);
      setEv((o) => ({ ...o, description: '' }));
      if (fileInput.current) fileInput.current.value = '';
      load();
    } catch (e) {
      fail(e);
    }
  };

  const lenderName = (id: string | null) => lenders.find((l) => l.id === id)?.name ?? '—';
  const lenderSelect = (value: string, onChange: (v: string) => void) => (
    <Field label={t('债主', 'Lender')}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('（不确定）', '(not sure)')}</option>
          {lenders.map((l) => (
            <option key={l.id} value={l.id}>
              {l.brand ?? l.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <div className="page">
      <ErrorBanner message={banner} />
      <Notice message={notice} />
      {flags.length > 0 ? (
        <section className="flags" aria-label={t('催收违规提示', 'Conduct flags')}>
          <h3>{t('可能违规的催收行为', 'Possible collector misconduct')}</h3>
          <ul>
            {flags.map((f, i) => (
              <li key={i}>
                <strong>{lang === 'zh' ? f.messageZh : f.message}</strong>
                {f.source ? (
                  <span className="muted">
                    （{f.source}
                    {f.certainty === 'U' ? t('，待核实', ', unconfirmed') : ''}）
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <form
        className="form"
        noValidate
        aria-label={t('记录一次沟通', 'Log a contact')}
        onSubmit={(e) => {
          e.preventDefault();
          void saveContact();
        }}
      >
        <h3>{t('记录一次沟通', 'Log a contact')}</h3>
        {lenderSelect(c.lenderId, (v) => setC({ ...c, lenderId: v }))}
        <Field label={t('时间', 'When')} error={whenErr}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              value={c.occurredAt}
              onChange={(e) => setC({ ...c, occurredAt: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('方式', 'Channel')}>
          {(p) => (
            <select
              {...p}
              value={c.channel}
              onChange={(e) => setC({ ...c, channel: e.target.value })}
            >
              {CHANNELS.map((k) => (
                <option key={k} value={k}>
                  {label(CHANNEL_LABELS, k, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('谁联系谁', 'Direction')}>
          {(p) => (
            <select
              {...p}
              value={c.direction}
              onChange={(e) => setC({ ...c, direction: e.target.value })}
            >
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {label(DIRECTION_LABELS, d, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('对方姓名或工号', 'Agent name or number')}>
          {(p) => (
            <input
              {...p}
              value={c.agentName}
              onChange={(e) => setC({ ...c, agentName: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('对方要求什么', 'What they asked')} error={askedErr}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={c.asked}
              onChange={(e) => setC({ ...c, asked: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('对方答应了什么', 'What they offered')}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={c.offered}
              onChange={(e) => setC({ ...c, offered: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t(
            '是否联系了你的家人、同事等第三方',
            'Third parties contacted (family, employer…)',
          )}
        >
          {(p) => (
            <select
              {...p}
              value={c.thirdParty}
              onChange={(e) => setC({ ...c, thirdParty: e.target.value })}
            >
              <option value="">{t('没有', 'No')}</option>
              {THIRD_PARTY_RELATIONS.map((k) => (
                <option key={k} value={k}>
                  {label(RELATION_LABELS, k, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('备注（威胁、辱骂等原话）', 'Notes (threats, insults: their words)')}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={c.notes}
              onChange={(e) => setC({ ...c, notes: e.target.value })}
            />
          )}
        </Field>
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={Boolean(whenErr || askedErr) || contactWrite.busy}
          >
            {contactWrite.busy ? t('保存中…', 'Saving…') : t('保存记录', 'Save contact')}
          </button>
        </div>
      </form>

      <form
        className="form"
        noValidate
        aria-label={t('添加证据', 'Add evidence')}
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <h3>{t('添加录音或截图', 'Add a recording or screenshot')}</h3>
        <Field label={t('证据类型', 'Kind')}>
          {(p) => (
            <select {...p} value={ev.kind} onChange={(e) => setEv({ ...ev, kind: e.target.value })}>
              {EVIDENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {label(EVIDENCE_LABELS, k, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {lenderSelect(ev.lenderId, (v) => setEv({ ...ev, lenderId: v }))}
        <Field label={t('说明', 'Description')}>
          {(p) => (
            <input
              {...p}
              value={ev.description}
              onChange={(e) => setEv({ ...ev, description: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('选择文件', 'Choose a file')}
          hint={t(
            '原件会原样保存并记录指纹（SHA-256），以后任何改动都能被发现',
            'The original is kept as is, with its SHA-256 fingerprint',
          )}
        >
          {(p) => (
            <input
              {...p}
              ref={fileInput}
              type="file"
              accept="audio/*,image/*,video/*,.pdf,.txt,.eml,.zip"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={!file || uploading}>
            {uploading ? t('上传中…', 'Uploading…') : t('存入证据库', 'Store evidence')}
          </button>
        </div>
      </form>

      {contacts.length === 0 && evidence.length === 0 ? (
        <Empty title={t('还没有沟通记录', 'No contacts yet')}>
          <p>
            {t(
              '每次接到催收电话或和客服沟通后，马上在这里记一笔；有录音或截图就一起存进来。记录越完整，投诉和调解时越有力。',
              'Log every call or chat right after it happens, with the recording or screenshot. A complete record makes complaints and mediation stronger.',
            )}
          </p>
        </Empty>
      ) : (
        <>
          <section aria-label={t('沟通记录', 'Contact log')}>
            <h3>{t('沟通记录', 'Contact log')}</h3>
            <ul className="cards">
              {contacts.map((x) => (
                <li key={x.id} className="card">
                  <p className="num">
                    {beijing(x.occurredAt)} · {label(CHANNEL_LABELS, x.channel, lang)} ·{' '}
                    {x.lender ?? lenderName(x.lenderId)}
                  </p>
                  {x.asked ? (
                    <p>
                      {t('对方要求：', 'Asked: ')}
                      {x.asked}
                    </p>
                  ) : null}
                  {x.offered ? (
                    <p>
                      {t('对方答应：', 'Offered: ')}
                      {x.offered}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label={t('证据', 'Evidence')}>
            <h3>{t('证据库', 'Evidence vault')}</h3>
            <ul className="cards">
              {evidence.map((x) => (
                <li key={x.id} className="card">
                  <a href={api.evidenceUrl(x.id)} download>
                    {x.originalName}
                  </a>
                  <p className="muted">
                    {label(EVIDENCE_LABELS, x.kind, lang)} · {size(x.sizeBytes)} · SHA-256{' '}
                    <code>{x.sha256.slice(0, 12)}…</code>
                  </p>
                </li>
              ))}
            </ul>
            <a className="button" href={api.exportUrl} download>
              {t('导出证据包（zip）', 'Export the evidence bundle (zip)')}
            </a>
          </section>
        </>
      )}
    </div>
  );
}
