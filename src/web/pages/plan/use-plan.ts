// The plan page's data: the saved plan and its settings (or the budget's capacity when there is no
// plan yet), validation as you type, and building a new plan. The form and the result only present
// what this hook holds.
import { useEffect, useRef, useState } from 'react';
import type { CONCESSIONS, PLAN_STRATEGIES } from '../../../contracts/enums.js';
import type { PlanView } from '../../../contracts/index.js';
import { api, ApiError } from '../../api-client.js';
import { useLang, useT } from '../../i18n.js';
import { checkInt, checkMoney } from '../../validate.js';

/** Validation as you type: the capacity is required, the term is 1–120 months. */
function checkSettings(
  capacity: string,
  maxTerm: string,
  lang: 'zh' | 'en',
  t: (zh: string, en: string) => string,
) {
  return {
    capErr: checkMoney(capacity, lang, {
      required: true,
      label: t('每月还款能力', 'Monthly capacity'),
    }).error,
    termErr: checkInt(maxTerm, lang, 1, 120, true).error,
  };
}

export function usePlan() {
  const t = useT();
  const lang = useLang();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [strategy, setStrategy] = useState<string>('pro-rata-balance');
  const [concession, setConcession] = useState<string>('waive-penalty');
  const [maxTerm, setMaxTerm] = useState('36');
  const [capacity, setCapacity] = useState('');
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // on page open: a saved plan shows its OWN settings (never a newer budget's figure; the page
  // says when the budget changed since); without a plan, the capacity comes from the budget
  const touched = useRef(false);
  const [latestBudgetCap, setLatestBudgetCap] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.latestPlan(), api.latestBudget()])
      .then(([p, b]) => {
        if (!live) return;
        if (p !== null) setPlan((old) => old ?? p);
        if (b !== null && !b.capacity.startsWith('-')) setLatestBudgetCap(b.capacity);
        if (touched.current) return;
        if (p !== null) {
          const s = p.settings;
          setCapacity(s?.capacity ?? p.capacity);
          if (s) {
            setStrategy(s.strategy);
            setConcession(s.concession);
            setMaxTerm(String(s.maxTerm));
          }
        } else if (b !== null && !b.capacity.startsWith('-')) setCapacity(b.capacity);
      })
      .catch((e: unknown) => {
        if (live) setBanner(e instanceof ApiError ? e.say(lang) : String(e));
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per page open
  }, []);

  const { capErr, termErr } = checkSettings(capacity, maxTerm, lang, t);

  const build = async () => {
    if (capErr || termErr) return;
    setBusy(true);
    setBanner(null);
    try {
      const p = await api.buildPlan({
        strategy: strategy as (typeof PLAN_STRATEGIES)[number],
        concession: concession as (typeof CONCESSIONS)[number],
        maxTerm: Number(maxTerm),
        capacity: checkMoney(capacity, lang).value ?? null,
      });
      setPlan(p);
    } catch (e) {
      setBanner(e instanceof ApiError ? e.say(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return {
    plan,
    strategy,
    setStrategy,
    concession,
    setConcession,
    maxTerm,
    setMaxTerm,
    capacity,
    /** the user's own figure: a saved plan or budget loading late no longer replaces it */
    typeCapacity: (value: string) => {
      touched.current = true;
      setCapacity(value);
    },
    latestBudgetCap,
    capErr,
    termErr,
    banner,
    busy,
    build,
  };
}

export type PlanData = ReturnType<typeof usePlan>;
