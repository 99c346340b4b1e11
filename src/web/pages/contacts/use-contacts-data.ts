import { useCallback, useEffect, useState } from 'react';
import type {
  ConductFlag,
  ContactView,
  EvidenceView,
  LenderView,
} from '../../../contracts/index.js';
import { api, ApiError } from '../../api-client.js';
import { useLang } from '../../i18n.js';

/** Everything the contacts page shows, loaded together and reloaded after each write. */
export interface ContactsData {
  lenders: LenderView[];
  contacts: ContactView[];
  evidence: EvidenceView[];
  flags: ConductFlag[];
  banner: string | null;
  notice: string | null;
  setBanner: (m: string | null) => void;
  /** a success message; clears an old error so the two never show together */
  say: (m: string) => void;
  fail: (e: unknown) => void;
  reload: () => void;
}

export function useContactsData(): ContactsData {
  const lang = useLang();
  const [lenders, setLenders] = useState<LenderView[]>([]);
  const [contacts, setContacts] = useState<ContactView[]>([]);
  const [evidence, setEvidence] = useState<EvidenceView[]>([]);
  const [flags, setFlags] = useState<ConductFlag[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fail = useCallback(
    (e: unknown) => {
      setNotice(null);
      setBanner(e instanceof ApiError ? e.say(lang) : String(e));
    },
    [lang],
  );
  const reload = useCallback(() => {
    api
      .lenders()
      .then((r) => setLenders(r.lenders))
      .catch(fail);
    api
      .contacts()
      .then((r) => setContacts(r.contacts))
      .catch(fail);
    api
      .evidence()
      .then((r) => setEvidence(r.items))
      .catch(fail);
    api
      .conduct()
      .then((r) => setFlags(r.flags))
      .catch(fail);
  }, [fail]);
  useEffect(reload, [reload]);
  const say = (m: string) => {
    setBanner(null);
    setNotice(m);
  };
  return { lenders, contacts, evidence, flags, banner, notice, setBanner, say, fail, reload };
}
