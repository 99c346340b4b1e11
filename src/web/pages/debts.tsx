// 我的债务: the data hook (debts/use-debts.ts) → the form (debts/debt-form.tsx) and the list
// (debts/debt-list.tsx), after Actual Budget's ManagePayeesWithData → ManagePayees → PayeeTable.
import { useState } from 'react';
import type { DebtView } from '../../contracts/index.js';
import { Empty, ErrorBanner, Notice } from '../components/field.js';
import { UndoBar } from '../components/undo-bar.js';
import { useT } from '../i18n.js';
import { goTo } from '../nav.js';
import { DebtForm } from './debts/debt-form.js';
import { DebtList, DebtTotals } from './debts/debt-list.js';
import { useDebts } from './debts/use-debts.js';

export { verdictWords } from './debts/debt-list.js';

export function DebtsPage() {
  const t = useT();
  const data = useDebts();
  const { summary, debts } = data;
  const [editing, setEditing] = useState<DebtView | null>(null);
  const [adding, setAdding] = useState(false);
  const done = (message: string) => {
    setEditing(null);
    setAdding(false);
    data.saved(message);
  };
  const startEdit = (d: DebtView) => {
    setAdding(false);
    data.setNotice(null);
    setEditing(d);
  };
  const form = (
    <DebtForm
      key={editing?.id ?? 'new'}
      editing={editing}
      onDone={done}
      onCancel={() => {
        setEditing(null);
        setAdding(false);
      }}
    />
  );
  return (
    <div className="page">
      <ErrorBanner message={data.error} />
      <Notice message={data.notice} />
      <UndoBar
        removal={data.removal}
        busy={data.undoing}
        onUndo={() => void data.undo()}
        onDismiss={data.dismissRemoval}
      />
      {summary && debts.length === 0 && !adding ? (
        <FirstDebt onAdd={() => setAdding(true)} />
      ) : null}
      {summary && debts.length > 0 ? (
        <>
          <DebtTotals summary={summary} />
          <DebtList
            debts={debts}
            editingId={editing?.id ?? null}
            editor={form}
            onEdit={startEdit}
            onRemove={(d) => {
              if (editing?.id === d.id) setEditing(null);
              void data.remove(d);
            }}
          />
          {!adding && !editing ? (
            <div className="actions">
              <button type="button" onClick={() => setAdding(true)}>
                {t('再添加一笔', 'Add another debt')}
              </button>
              <button type="button" className="primary" onClick={() => goTo('/budget')}>
                {t('下一步：收支预算', 'Next: budget')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
      {adding ? form : null}
    </div>
  );
}

/** The empty state: what to write down first, and why. */
function FirstDebt({ onAdd }: { onAdd: () => void }) {
  const t = useT();
  return (
    <Empty title={t('先把债务一笔一笔记下来', 'Start by writing down each debt')}>
      <p>
        {t(
          '还没有记录任何债务。从最让你着急的一笔开始：平台名字、借了多少、实际到手多少、哪天借的。看清每一笔真实的利率，才知道该怎么谈。',
          'No debts yet. Start with the one that worries you most: the platform, how much you borrowed, how much you actually received, and when. Knowing the true rate of each tells you what to ask for.',
        )}
      </p>
      <button type="button" className="primary" onClick={onAdd}>
        {t('添加第一笔债务', 'Add your first debt')}
      </button>
    </Empty>
  );
}
