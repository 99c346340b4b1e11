// Save/cancel buttons that say why saving is not possible yet (never a greyed button alone).
import { useT } from '../../i18n.js';

/** Why a save button is greyed out, said next to it (not only a disabled look). */
export function DisabledReason({ reason }: { reason: string | null }) {
  if (reason === null) return null;
  return <p className="field-hint">{reason}</p>;
}

/** 保存 (disabled while a write is in flight or the input is not ready), 取消, and why. */
export function FormButtons(props: {
  submitting: boolean;
  ready: boolean;
  label: string;
  notReady: string;
  onCancel?: (() => void) | undefined;
}) {
  const t = useT();
  const { submitting, ready, label, notReady, onCancel } = props;
  return (
    <>
      <div className="actions">
        <button type="submit" className="primary" disabled={submitting || !ready}>
          {submitting ? t('保存中…', 'Saving…') : label}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={submitting}>
            {t('取消', 'Cancel')}
          </button>
        ) : null}
      </div>
      <DisabledReason
        reason={
          submitting ? t('正在保存，请稍候。', 'Saving, please wait.') : ready ? null : notReady
        }
      />
    </>
  );
}
