import { useEffect, useState } from 'react';
import { CHANNELS, DIRECTIONS, THIRD_PARTY_RELATIONS } from '../../../contracts/enums.js';
import type { ContactCreate, ContactView, LenderView } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { Field } from '../../components/field.js';
import { useUnsavedWarning, useWrite } from '../../components/use-form.js';
import { useLang, useT } from '../../i18n.js';
import { CHANNEL_LABELS, DIRECTION_LABELS, label, RELATION_LABELS } from '../../labels.js';
import { checkText } from '../../validate.js';
import { nowLocal, toInstant, toLocal } from './format.js';

type Values = {
  lenderId: string;
  occurredAt: string;
  channel: string;
  direction: string;
  agentName: string;
  asked: string;
  offered: string;
  /** 'family' or 'family:母亲' as stored; the select shows the relation */
  thirdParty: string;
  notes: string;
};

const TEXT_FIELDS = ['agentName', 'asked', 'offered', 'thirdParty', 'notes'] as const;

function blank(lenderId: string): Values {
  return {
    lenderId,
    occurredAt: nowLocal(),
    channel: 'phone',
    direction: 'inbound',
    agentName: '',
    asked: '',
    offered: '',
    thirdParty: '',
    notes: '',
  };
}

/** The stored contact as form values (the edit form starts from what was logged). */
function fromView(c: ContactView): Values {
  return {
    lenderId: c.lenderId ?? '',
    occurredAt: toLocal(c.occurredAt),
    channel: c.channel,
    direction: c.direction,
    agentName: c.agentName ?? '',
    asked: c.asked ?? '',
    offered: c.offered ?? '',
    thirdParty: c.thirdParty ?? '',
    notes: c.notes ?? '',
  };
}

function toBody(v: Values, occurredAt: string): ContactCreate {
  return {
    lenderId: v.lenderId || null,
    occurredAt,
    channel: v.channel as (typeof CHANNELS)[number],
    direction: v.direction as (typeof DIRECTIONS)[number],
    agentName: v.agentName.trim() || null,
    asked: v.asked.trim() || null,
    offered: v.offered.trim() || null,
    thirdParty: v.thirdParty.trim() || null,
    notes: v.notes.trim() || null,
  };
}

interface FormProps {
  lenders: LenderView[];
  /** the contact to edit; absent for a new one */
  editing?: ContactView;
  onSaved: (saved: ContactView) => void;
  onCancel?: () => void;
  fail: (e: unknown) => void;
}

/** Logs a new contact, or corrects one (prefilled from the stored record). */
export function ContactForm({ lenders, editing, onSaved, onCancel, fail }: FormProps) {
  const t = useT();
  const lang = useLang();
  const start = editing ? fromView(editing) : blank(lenders[0]?.id ?? '');
  const [v, setV] = useState<Values>(start);
  const write = useWrite();
  const firstLender = lenders[0]?.id ?? '';
  useEffect(() => {
    // lenders arrive after the first render: a new contact starts on the first one
    if (!editing && firstLender !== '')
      setV((o) => (o.lenderId ? o : { ...o, lenderId: firstLender }));
  }, [editing, firstLender]);
  const dirty = editing
    ? (Object.keys(start) as (keyof Values)[]).some((k) => v[k] !== start[k])
    : TEXT_FIELDS.some((k) => v[k].trim() !== '');
  useUnsavedWarning(dirty && !write.busy);
  const whenErr = toInstant(v.occurredAt)
    ? undefined
    : t('请选择日期和时间', 'Pick a date and time');
  const askedErr = checkText(v.asked, lang, 5000).error;
  const set = (k: keyof Values) => (value: string) => setV((o) => ({ ...o, [k]: value }));

  const save = async () => {
    const occurredAt = toInstant(v.occurredAt);
    if (!occurredAt || askedErr) return;
    const body = toBody(v, occurredAt);
    try {
      const saved = await write.run({ id: editing?.id, body }, (key) =>
        editing ? api.editContact(editing.id, body, key) : api.addContact(body, key),
      );
      if (saved === undefined) return; // a second tap while the first save runs
      if (!editing) setV((o) => ({ ...blank(o.lenderId), occurredAt: o.occurredAt }));
      onSaved(saved);
    } catch (e) {
      fail(e);
    }
  };

  const title = editing
    ? t('修改这条记录', 'Edit this contact')
    : t('记录一次沟通', 'Log a contact');
  return (
    <form
      className="form"
      noValidate
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{title}</h3>
      <ContactFields v={v} set={set} lenders={lenders} whenErr={whenErr} askedErr={askedErr} />
      <div className="actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('取消', 'Cancel')}
          </button>
        ) : null}
        <button
          type="submit"
          className="primary"
          disabled={Boolean(whenErr || askedErr) || write.busy}
        >
          {write.busy
            ? t('保存中…', 'Saving…')
            : editing
              ? t('保存修改', 'Save changes')
              : t('保存记录', 'Save contact')}
        </button>
      </div>
    </form>
  );
}

/** A lender picker shared by the contact and evidence forms. */
export function LenderSelect(p: {
  lenders: LenderView[];
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useT();
  return (
    <Field label={t('债主', 'Lender')}>
      {(a) => (
        <select {...a} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
          <option value="">{t('（不确定）', '(not sure)')}</option>
          {p.lenders.map((l) => (
            <option key={l.id} value={l.id}>
              {l.brand ?? l.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface FieldsProps {
  v: Values;
  set: (k: keyof Values) => (value: string) => void;
  lenders: LenderView[];
  whenErr: string | undefined;
  askedErr: string | undefined;
}

function ContactFields({ v, set, lenders, whenErr, askedErr }: FieldsProps) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <LenderSelect lenders={lenders} value={v.lenderId} onChange={set('lenderId')} />
      <Field label={t('时间', 'When')} error={whenErr}>
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            value={v.occurredAt}
            onChange={(e) => set('occurredAt')(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('方式', 'Channel')}>
        {(p) => (
          <select {...p} value={v.channel} onChange={(e) => set('channel')(e.target.value)}>
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
          <select {...p} value={v.direction} onChange={(e) => set('direction')(e.target.value)}>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {label(DIRECTION_LABELS, d, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextFields v={v} set={set} askedErr={askedErr} />
    </>
  );
}

function TextFields({ v, set, askedErr }: Pick<FieldsProps, 'v' | 'set' | 'askedErr'>) {
  const t = useT();
  const lang = useLang();
  const relation = v.thirdParty.split(':')[0] ?? '';
  // keep a stored detail ('family:母亲') while the relation stays the same
  const pickRelation = (r: string) => set('thirdParty')(r === relation ? v.thirdParty : r);
  const area = (k: 'asked' | 'offered' | 'notes', zh: string, en: string, error?: string) => (
    <Field label={t(zh, en)} error={error}>
      {(p) => <textarea {...p} rows={2} value={v[k]} onChange={(e) => set(k)(e.target.value)} />}
    </Field>
  );
  return (
    <>
      <Field label={t('对方姓名或工号', 'Agent name or number')}>
        {(p) => (
          <input {...p} value={v.agentName} onChange={(e) => set('agentName')(e.target.value)} />
        )}
      </Field>
      {area('asked', '对方要求什么', 'What they asked', askedErr)}
      {area('offered', '对方答应了什么', 'What they offered')}
      <Field
        label={t('是否联系了你的家人、同事等第三方', 'Third parties contacted (family, employer…)')}
      >
        {(p) => (
          <select {...p} value={relation} onChange={(e) => pickRelation(e.target.value)}>
            <option value="">{t('没有', 'No')}</option>
            {THIRD_PARTY_RELATIONS.map((k) => (
              <option key={k} value={k}>
                {label(RELATION_LABELS, k, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {area('notes', '备注（威胁、辱骂等原话）', 'Notes (threats, insults: their words)')}
    </>
  );
}
