// The escalations page's data: lenders, channels and the recorded escalations; status and detail
// edits; delete with undo. The form and the cards only present what this hook holds.
import { useCallback, useEffect, useState } from 'react';
import type {
  EscalationChannelView,
  EscalationUpdate,
  EscalationView,
  LenderView,
} from '../../../contracts/index.js';
import { ApiError, api } from '../../api-client.js';
import { escalationsApi } from '../../api-escalations.js';
import type { Removal } from '../../components/undo-bar.js';
import { useLang, useT } from '../../i18n.js';
import { label } from '../../labels.js';
import { STATUS_LABELS } from './escalation-words.js';

/** The lists the page reads: lenders, channels, the escalations and the borrower's today. */
function useLists(fail: (e: unknown) => void) {
  const [lenders, setLenders] = useState<LenderView[] | null>(null);
  const [channels, setChannels] = useState<EscalationChannelView[]>([]);
  const [escalations, setEscalations] = useState<EscalationView[] | null>(null);
  const [asOf, setAsOf] = useState('');
  const loadList = useCallback(
    () =>
      escalationsApi
        .list()
        .then((r) => {
          setEscalations(r.escalations);
          setAsOf(r.asOf);
        })
        .catch(fail),
    [fail],
  );
  useEffect(() => {
    api
      .lenders()
      .then((r) => setLenders(r.lenders))
      .catch(fail);
    escalationsApi
      .channels()
      .then((r) => setChannels(r.channels))
      .catch(fail);
    void loadList();
  }, [fail, loadList]);
  return { lenders, channels, escalations, asOf, loadList };
}

export function useEscalations() {
  const t = useT();
  const lang = useLang();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const fail = useCallback(
    (e: unknown) => setError(e instanceof ApiError ? e.say(lang) : String(e)),
    [lang],
  );
  const lists = useLists(fail);
  const { loadList, channels } = lists;

  /** Runs one write on one card (its buttons are disabled meanwhile); true when it worked. */
  const onCard = async (id: string, write: () => Promise<string>): Promise<boolean> => {
    setBusyId(id);
    try {
      setNotice(await write());
      setError(null);
      await loadList();
      return true;
    } catch (x) {
      fail(x);
      return false;
    } finally {
      setBusyId(null);
    }
  };

  const update = (e: EscalationView, body: EscalationUpdate) =>
    onCard(e.id, async () => {
      const r = await escalationsApi.update(e.id, body);
      const who = r.escalation.lender ?? '';
      setRemoval(null);
      return body.status
        ? t(
            `已更新：${who} ${label(STATUS_LABELS, body.status, 'zh')}`,
            `Updated: ${who} ${label(STATUS_LABELS, body.status, 'en')}`,
          )
        : t(`已保存：${who}`, `Saved: ${who}`);
    });

  /** Deletes at once (no confirm dialog): the undo bar brings it back. */
  const remove = (e: EscalationView) =>
    onCard(e.id, async () => {
      const r = await escalationsApi.remove(e.id);
      const name = `${e.lender ?? ''} · ${(lang === 'zh' ? e.channelNameZh : e.channelNameEn) ?? e.channel}`;
      setRemoval({ undoId: r.undoId, name });
      return '';
    });

  const undo = () =>
    removal === null
      ? Promise.resolve(false)
      : onCard(removal.undoId, async () => {
          await api.undo(removal.undoId);
          setRemoval(null);
          return t(`已恢复：${removal.name}`, `Restored: ${removal.name}`);
        });

  /** After a new record: say so; the last delete can no longer be undone from here. */
  const recorded = async (message: string) => {
    setNotice(message);
    setError(null);
    setRemoval(null);
    await loadList();
  };

  return {
    ...lists,
    notice,
    error,
    busyId,
    removal,
    update,
    remove,
    undo,
    recorded,
    dismissRemoval: () => setRemoval(null),
    channelOf: (id: string) => channels.find((c) => c.id === id),
  };
}

export type EscalationsData = ReturnType<typeof useEscalations>;
