import { useEffect, useRef, useState, type RefObject } from 'react';
import { EVIDENCE_KINDS } from '../../../contracts/enums.js';
import type { ContactView, EvidenceView, LenderView } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { Field } from '../../components/field.js';
import { useUnsavedWarning, useWrite } from '../../components/use-form.js';
import { useLang, useT } from '../../i18n.js';
import { EVIDENCE_LABELS, label } from '../../labels.js';
import { LenderSelect } from './contact-form.js';
import type { AttachTarget } from './flag-list.js';
import { beijing, size } from './format.js';

interface UploadProps {
  lenders: LenderView[];
  contacts: ContactView[];
  /** set by a flag's "attach evidence": preselects the contact and scrolls here */
  attach: (AttachTarget & { nonce: number }) | null;
  say: (m: string) => void;
  fail: (e: unknown) => void;
  reload: () => void;
}

type Ev = { kind: string; lenderId: string; contactId: string; description: string };

/** Uploads one file into the vault (streamed; the fingerprint recorded in the ledger). */
export function EvidenceUpload({ lenders, contacts, attach, say, fail, reload }: UploadProps) {
  const t = useT();
  const [ev, setEv] = useState<Ev>({
    kind: 'call-recording',
    lenderId: '',
    contactId: '',
    description: '',
  });
  const [file, setFile] = useState<File | null>(null);
  const write = useWrite();
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useUnsavedWarning((ev.description.trim() !== '' || file !== null) && !write.busy);
  const firstLender = lenders[0]?.id ?? '';
  useEffect(() => {
    if (firstLender !== '') setEv((o) => (o.lenderId ? o : { ...o, lenderId: firstLender }));
  }, [firstLender]);
  useEffect(() => {
    if (attach === null) return;
    setEv((o) => ({ ...o, contactId: attach.contactId, lenderId: attach.lenderId ?? o.lenderId }));
    form.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    fileInput.current?.focus({ preventScroll: true });
  }, [attach]);

  const upload = async () => {
    if (!file) return;
    const fields = {
      kind: ev.kind as (typeof EVIDENCE_KINDS)[number],
      lenderId: ev.lenderId || null,
      contactId: ev.contactId || null,
      description: ev.description.trim() || null,
    };
    try {
      const stored = await write.run(
        { ...fields, file: [file.name, file.size, file.lastModified] },
        (key) => api.uploadEvidence(fields, file, key),
      );
      if (stored === undefined) return;
      say(t(`已存入证据库：${file.name}`, `Stored in the vault: ${file.name}`));
      setFile(null);
      setEv((o) => ({ ...o, description: '', contactId: '' }));
      if (fileInput.current) fileInput.current.value = '';
      reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <form
      ref={form}
      id="evidence-upload"
      className="form"
      noValidate
      aria-label={t('添加证据', 'Add evidence')}
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <h3>{t('添加录音或截图', 'Add a recording or screenshot')}</h3>
      <UploadFields ev={ev} setEv={setEv} lenders={lenders} contacts={contacts} />
      <FileField inputRef={fileInput} onPick={setFile} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!file || write.busy}>
          {write.busy ? t('上传中…', 'Uploading…') : t('存入证据库', 'Store evidence')}
        </button>
      </div>
    </form>
  );
}

function FileField(p: {
  inputRef: RefObject<HTMLInputElement | null>;
  onPick: (f: File | null) => void;
}) {
  const t = useT();
  return (
    <Field
      label={t('选择文件', 'Choose a file')}
      hint={t(
        '原件会原样保存并记录指纹（SHA-256），以后任何改动都能被发现',
        'The original is kept as is, with its SHA-256 fingerprint',
      )}
    >
      {(a) => (
        <input
          {...a}
          ref={p.inputRef}
          type="file"
          accept="audio/*,image/*,video/*,.pdf,.txt,.eml,.zip"
          onChange={(e) => p.onPick(e.target.files?.[0] ?? null)}
        />
      )}
    </Field>
  );
}

function UploadFields(p: {
  ev: Ev;
  setEv: (f: (o: Ev) => Ev) => void;
  lenders: LenderView[];
  contacts: ContactView[];
}) {
  const t = useT();
  const lang = useLang();
  const set = (k: keyof Ev) => (v: string) => p.setEv((o) => ({ ...o, [k]: v }));
  return (
    <>
      <Field label={t('证据类型', 'Kind')}>
        {(a) => (
          <select {...a} value={p.ev.kind} onChange={(e) => set('kind')(e.target.value)}>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(EVIDENCE_LABELS, k, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LenderSelect lenders={p.lenders} value={p.ev.lenderId} onChange={set('lenderId')} />
      <Field label={t('关联的沟通记录', 'Linked contact')}>
        {(a) => (
          <select {...a} value={p.ev.contactId} onChange={(e) => set('contactId')(e.target.value)}>
            <option value="">{t('（不关联）', '(none)')}</option>
            {p.contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {beijing(c.occurredAt)} {c.lender ?? ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('说明', 'Description')}>
        {(a) => (
          <input
            {...a}
            value={p.ev.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

interface VaultProps {
  evidence: EvidenceView[];
  say: (m: string) => void;
  fail: (e: unknown) => void;
  reload: () => void;
}

/** The vault's items; each can be withdrawn with a reason (never erased: it stays listed). */
export function EvidenceList({ evidence, say, fail, reload }: VaultProps) {
  const t = useT();
  return (
    <section aria-label={t('证据', 'Evidence')}>
      <h3>{t('证据库', 'Evidence vault')}</h3>
      <ul className="cards">
        {evidence.map((x) => (
          <EvidenceCard key={x.id} item={x} say={say} fail={fail} reload={reload} />
        ))}
      </ul>
      <a className="button" href={api.exportUrl} download>
        {t('导出证据包（zip）', 'Export the evidence bundle (zip)')}
      </a>
    </section>
  );
}

function EvidenceCard(p: { item: EvidenceView } & Omit<VaultProps, 'evidence'>) {
  const t = useT();
  const lang = useLang();
  const x = p.item;
  const [asking, setAsking] = useState(false);
  const withdrawn = Boolean(x.withdrawnAt);
  return (
    <li className="card">
      {withdrawn ? (
        <del>{x.originalName}</del>
      ) : (
        <a href={api.evidenceUrl(x.id)} download>
          {x.originalName}
        </a>
      )}
      <p className="muted">
        {label(EVIDENCE_LABELS, x.kind, lang)} · {size(x.sizeBytes)} · SHA-256{' '}
        <code>{x.sha256.slice(0, 12)}…</code>
      </p>
      {x.description ? <p>{withdrawn ? <del>{x.description}</del> : x.description}</p> : null}
      {withdrawn ? (
        <p className="withdrawn">
          {t('已撤回', 'Withdrawn')}（{beijing(x.withdrawnAt!)}）：{x.withdrawReason}
        </p>
      ) : asking ? (
        <WithdrawForm {...p} onDone={() => setAsking(false)} />
      ) : (
        <div className="card-actions">
          <button type="button" className="link" onClick={() => setAsking(true)}>
            {t('撤回', 'Withdraw')}
          </button>
        </div>
      )}
    </li>
  );
}

function WithdrawForm(
  p: { item: EvidenceView; onDone: () => void } & Omit<VaultProps, 'evidence'>,
) {
  const t = useT();
  const [reason, setReason] = useState('');
  const write = useWrite();
  const empty = reason.trim() === '';
  const submit = async () => {
    if (empty) return;
    try {
      const r = await write.run({ withdraw: p.item.id, reason }, (key) =>
        api.withdrawEvidence(p.item.id, reason.trim(), key),
      );
      if (r === undefined) return;
      p.say(
        t(
          '已撤回这份证据（文件仍保留在证据库中）',
          'Evidence withdrawn (the file stays in the vault)',
        ),
      );
      p.onDone();
      p.reload();
    } catch (e) {
      p.fail(e);
    }
  };
  return (
    <form
      className="form"
      noValidate
      aria-label={t('撤回证据', 'Withdraw evidence')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field
        label={t('撤回原因', 'Why withdraw it')}
        hint={t(
          '证据不会被删除：文件和记录都保留，只是不再用于文书',
          'Nothing is erased: the file and its record stay, letters stop using it',
        )}
      >
        {(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="button" onClick={p.onDone}>
          {t('取消', 'Cancel')}
        </button>
        <button type="submit" className="primary" disabled={empty || write.busy}>
          {t('确认撤回', 'Withdraw')}
        </button>
      </div>
    </form>
  );
}
