// "已删除 · 撤销": what a delete leaves on screen instead of a confirm dialog. The record is gone
// from the list at once; the button brings it back through POST /api/undo/:undoId (app/undo.ts).
import { useT } from '../i18n.js';

export interface Removal {
  undoId: string;
  /** what was removed, as the user knows it ("借呗", "向 12378 的投诉") */
  name: string;
}

export function UndoBar({
  removal,
  busy,
  onUndo,
  onDismiss,
}: {
  removal: Removal | null;
  busy: boolean;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const t = useT();
  if (removal === null) return null;
  return (
    <div className="banner banner-ok undo-bar" role="status">
      <span>{t(`已删除：${removal.name}`, `Deleted: ${removal.name}`)}</span>
      <span className="undo-actions">
        <button type="button" className="link" disabled={busy} onClick={onUndo}>
          {t('撤销', 'Undo')}
        </button>
        <button
          type="button"
          className="link"
          aria-label={t('关闭提示', 'Dismiss')}
          onClick={onDismiss}
        >
          ×
        </button>
      </span>
    </div>
  );
}
