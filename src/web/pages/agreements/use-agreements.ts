// The agreements page's data: lenders, agreements (with their payments), the 30-day due list, the
// page's banner and notice, and the last removal with its undo (one per page, like a toast).
import { useCallback, useEffect, useState } from 'react';
import type { AgreementView, DueItem, LenderView } from '../../../contracts/index.js';
import { api, ApiError } from '../../api-client.js';
import { useLang, useT } from '../../i18n.js';

/** What was just deleted: the undo bar shows where it was (the list, or its agreement's card). */
export interface Removal {
  undoId: string;
  kind: 'agreement' | 'payment';
  /** for a payment: its agreement (the card showing the bar) */
  agreementId: string | null;
  label: string;
}

export function useAgreementsData() {
  const t = useT();
  const lang = useLang();
  const [lenders, setLenders] = useState<LenderView[]>([]);
  const [agreements, setAgreements] = useState<AgreementView[]>([]);
  const [due, setDue] = useState<DueItem[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Removal | null>(null);
  const [undoing, setUndoing] = useState(false);
  const fail = useCallback(
    (e: unknown) => setBanner(e instanceof ApiError ? e.say(lang) : String(e)),
    [lang],
  );

  const load = useCallback(() => {
    api
      .lenders()
      .then((r) => setLenders(r.lenders))
      .catch(fail);
    api
      .agreements()
      .then((r) => setAgreements(r.agreements))
      .catch(fail);
    api
      .due(30)
      .then((r) => setDue(r.items))
      .catch(fail);
  }, [fail]);
  useEffect(load, [load]);

  /** A write went through: say so (null: the undo bar says it), clear an old error, reload. */
  const saved = (message: string | null) => {
    setBanner(null);
    setNotice(message);
    load();
  };

  const undo = async () => {
    if (removed === null || undoing) return;
    setUndoing(true);
    try {
      await api.undo(removed.undoId);
      setRemoved(null);
      saved(t(`已恢复：${removed.label}`, `Restored: ${removed.label}`));
    } catch (e) {
      fail(e);
    } finally {
      setUndoing(false);
    }
  };

  return {
    lenders,
    agreements,
    due,
    banner,
    notice,
    setNotice,
    fail,
    saved,
    removed,
    setRemoved,
    /** the × on the undo bar: the removal stays done */
    dismissRemoval: () => setRemoved(null),
    undo,
    undoing,
  };
}

export type AgreementsData = ReturnType<typeof useAgreementsData>;
