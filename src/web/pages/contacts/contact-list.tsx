import { useState } from 'react';
import type { ContactView, LenderView } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { useWrite } from '../../components/use-form.js';
import { useLang, useT } from '../../i18n.js';
import { CHANNEL_LABELS, label } from '../../labels.js';
import { ContactForm } from './contact-form.js';
import { beijing } from './format.js';

interface ListProps {
  contacts: ContactView[];
  lenders: LenderView[];
  say: (m: string) => void;
  fail: (e: unknown) => void;
  reload: () => void;
}

/** A removed contact stays on screen where it was, with its undo. */
type Removed = { view: ContactView; undoId: string };

/** The contact log: each contact with 修改 and 删除; a deleted one shows "已删除 · 撤销". */
export function ContactList({ contacts, lenders, say, fail, reload }: ListProps) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Removed[]>([]);
  const write = useWrite();
  const remove = async (c: ContactView) => {
    try {
      const r = await write.run({ remove: c.id }, (key) => api.removeContact(c.id, key));
      if (r === undefined) return;
      setRemoved((o) => [...o, { view: c, undoId: r.undoId }]);
      say(t('已删除这条沟通记录', 'Contact deleted'));
      reload();
    } catch (e) {
      fail(e);
    }
  };
  const undo = async (x: Removed) => {
    try {
      const r = await write.run({ undo: x.undoId }, (key) => api.undo(x.undoId, key));
      if (r === undefined) return;
      setRemoved((o) => o.filter((y) => y.undoId !== x.undoId));
      say(t('已恢复这条沟通记录', 'Contact restored'));
      reload();
    } catch (e) {
      fail(e);
    }
  };
  const shown = [
    ...contacts.map((view) => ({ view, removed: undefined as Removed | undefined })),
    ...removed
      .filter((r) => !contacts.some((c) => c.id === r.view.id))
      .map((r) => ({ view: r.view, removed: r })),
  ].sort((a, b) => (a.view.occurredAt < b.view.occurredAt ? -1 : 1));
  if (shown.length === 0) return null;
  return (
    <section aria-label={t('沟通记录', 'Contact log')}>
      <h3>{t('沟通记录', 'Contact log')}</h3>
      <ul className="cards">
        {shown.map(({ view, removed: r }) =>
          r ? (
            <UndoBar key={view.id} view={view} busy={write.busy} onUndo={() => void undo(r)} />
          ) : editing === view.id ? (
            <li key={view.id} className="card editing">
              <ContactForm
                lenders={lenders}
                editing={view}
                fail={fail}
                onCancel={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  say(t('已保存修改', 'Changes saved'));
                  reload();
                }}
              />
            </li>
          ) : (
            <ContactCard
              key={view.id}
              view={view}
              busy={write.busy}
              onEdit={() => setEditing(view.id)}
              onRemove={() => void remove(view)}
            />
          ),
        )}
      </ul>
    </section>
  );
}

function UndoBar(p: { view: ContactView; busy: boolean; onUndo: () => void }) {
  const t = useT();
  return (
    <li className="card banner-ok" role="status">
      <span>
        {t('已删除', 'Deleted')} · {beijing(p.view.occurredAt)}
      </span>{' '}
      <button type="button" className="link" disabled={p.busy} onClick={p.onUndo}>
        {t('撤销', 'Undo')}
      </button>
    </li>
  );
}

interface CardProps {
  view: ContactView;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

function ContactCard({ view: x, busy, onEdit, onRemove }: CardProps) {
  const t = useT();
  const lang = useLang();
  return (
    <li className="card">
      <p className="num">
        {beijing(x.occurredAt)} · {label(CHANNEL_LABELS, x.channel, lang)} ·{' '}
        {x.lender ?? t('（未指定债主）', '(no lender)')}
      </p>
      {x.agentName ? (
        <p>
          {t('对方：', 'Agent: ')}
          {x.agentName}
        </p>
      ) : null}
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
      {x.notes ? (
        <p>
          {t('备注：', 'Notes: ')}
          {x.notes}
        </p>
      ) : null}
      <div className="card-actions">
        <button type="button" className="link" onClick={onEdit}>
          {t('修改', 'Edit')}
        </button>
        <button type="button" className="link" disabled={busy} onClick={onRemove}>
          {t('删除', 'Delete')}
        </button>
      </div>
    </li>
  );
}
