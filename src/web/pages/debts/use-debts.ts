// The debts page's data: the summary and the debt list, loaded together, and delete with undo.
// The page and its form and cards only present what this hook holds.
import { useCallback, useEffect, useState } from 'react';
import type { DebtView, Summary } from '../../../contracts/index.js';
import { api, ApiError } from '../../api-client.js';
import type { Removal } from '../../components/undo-bar.js';
import { useLang, useT } from '../../i18n.js';

export function useDebts() {
  const t = useT();
  const lang = useLang();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [debts, setDebts] = useState<DebtView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [undoing, setUndoing] = useState(false);
  const fail = useCallback(
    (e: unknown) => setError(e instanceof ApiError ? e.say(lang) : String(e)),
    [lang],
  );

  const load = useCallback(() => {
    Promise.all([api.summary(), api.debts()])
      .then(([s, d]) => {
        setSummary(s);
        setDebts(d.debts);
        setError(null);
      })
      .catch(fail);
  }, [fail]);
  useEffect(load, [load]);

  /** Deletes at once (no confirm dialog): the undo bar brings it back. */
  const remove = async (d: DebtView) => {
    try {
      const r = await api.removeDebt(d.id);
      setNotice(null);
      setRemoval({ undoId: r.undoId, name: d.lender });
      load();
    } catch (e) {
      fail(e);
    }
  };

  const undo = async () => {
    if (removal === null) return;
    setUndoing(true);
    try {
      await api.undo(removal.undoId);
      setNotice(t(`已恢复：${removal.name}`, `Restored: ${removal.name}`));
      setRemoval(null);
      load();
    } catch (e) {
      fail(e);
    } finally {
      setUndoing(false);
    }
  };

  /** After a save: say what happened, and the last delete can no longer be undone from here. */
  const saved = (message: string) => {
    setNotice(message);
    setRemoval(null);
    load();
  };

  return {
    summary,
    debts,
    error,
    notice,
    setNotice,
    removal,
    undoing,
    load,
    remove,
    undo,
    saved,
    dismissRemoval: () => setRemoval(null),
  };
}

export type DebtsData = ReturnType<typeof useDebts>;
