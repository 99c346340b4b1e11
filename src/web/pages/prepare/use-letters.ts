// The prepare page's data: the lenders and letter kinds, the chosen lender, each letter's
// pre-send check for that lender, and the call script shown on screen.
import { useEffect, useState } from 'react';
import type { LenderView } from '../../../contracts/index.js';
import { api, ApiError } from '../../api-client.js';
import { useLang } from '../../i18n.js';

export type Kind = { kind: string; titleZh: string; titleEn: string };
type Warning = { code: string; messageZh: string; message: string };
/** per kind: what to fix or know before sending, or why the letter cannot be made yet */
export type Check = { warnings: Warning[] } | { refused: string; need: string | undefined };

/**
 * What a refused letter still needs, without the command-line way to add it: the card offers a
 * button to the page where it is added (letter-card.tsx).
 */
function missingText(e: ApiError, lang: 'zh' | 'en'): string | undefined {
  const d = e.details as { needZh?: unknown; needEn?: unknown } | undefined;
  const text = lang === 'zh' ? d?.needZh : d?.needEn;
  return typeof text === 'string' ? text : undefined;
}

/**
 * The checks for the chosen lender, one request per kind; a refusal (nothing to say yet) is
 * shown on its card instead of as a page-wide error.
 */
function useLetterChecks(lenderId: string, kinds: Kind[]): Record<string, Check> {
  const lang = useLang();
  const [checks, setChecks] = useState<Record<string, Check>>({});
  useEffect(() => {
    if (lenderId === '' || kinds.length === 0) return;
    let live = true;
    setChecks({});
    for (const k of kinds)
      api
        .letterWarnings(k.kind, { lenderId, lang })
        .then((r): Check => ({ warnings: r.warnings }))
        .catch((e: unknown): Check => ({
          refused: e instanceof ApiError ? (missingText(e, lang) ?? e.say(lang)) : String(e),
          need: e instanceof ApiError ? e.field : undefined,
        }))
        .then((c) => {
          if (live) setChecks((prev) => ({ ...prev, [k.kind]: c }));
        });
    return () => {
      live = false;
    };
  }, [lenderId, kinds, lang]);
  return checks;
}

export function useLetters() {
  const lang = useLang();
  const [lenders, setLenders] = useState<LenderView[] | null>(null);
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [lenderId, setLenderId] = useState('');
  const [script, setScript] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);

  useEffect(() => {
    api
      .lenders()
      .then((r) => {
        setLenders(r.lenders);
        if (r.lenders[0]) setLenderId(r.lenders[0].id);
      })
      .catch((e: unknown) => setBanner(e instanceof ApiError ? e.say(lang) : String(e)));
    api
      .letterKinds()
      .then((r) => setKinds(r.kinds))
      .catch((e: unknown) => setBanner(e instanceof ApiError ? e.say(lang) : String(e)));
  }, [lang]);
  const checks = useLetterChecks(lenderId, kinds);

  const scriptKind = kinds.find((k) => k.kind === 'call-script');
  const showScript = async () => {
    if (!scriptKind) return;
    try {
      setScript(await api.letterText(scriptKind.kind, { lenderId, lang }));
    } catch (e) {
      setBanner(e instanceof ApiError ? e.say(lang) : String(e));
    }
  };

  return {
    lenders,
    kinds,
    lenderId,
    /** another lender: its own checks, and the script shown for the last one goes */
    pickLender: (id: string) => {
      setLenderId(id);
      setScript(null);
    },
    checks,
    banner,
    hasScript: scriptKind !== undefined,
    script,
    showScript,
  };
}
