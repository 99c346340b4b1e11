// "已删除 · 撤销": shown where the deleted record was, until the next removal or an undo.
import { useT } from '../../i18n.js';
import type { Removal } from './use-agreements.js';

export function UndoBar({
  removal,
  busy,
  onUndo,
}: {
  removal: Removal;
  busy: boolean;
  onUndo: () => void;
}) {
  const t = useT();
  return (
    <p className="banner banner-ok undo-bar" role="status">
      {t(`已删除：${removal.label}`, `Deleted: ${removal.label}`)} ·{' '}
      <button type="button" className="link" disabled={busy} onClick={onUndo}>
        {busy ? t('撤销中…', 'Undoing…') : t('撤销', 'Undo')}
      </button>
    </p>
  );
}

/** Why a save button is greyed out, said next to it (not only a disabled look). */
export function DisabledReason({ reason }: { reason: string | null }) {
  if (reason === null) return null;
  return <p className="field-hint">{reason}</p>;
}
