// The this-month page's data: GET /api/this-month (asked again when the language changes), or
// the error that kept it from loading.
import { useEffect, useState } from 'react';
import type { ThisMonthView } from '../../../contracts/index.js';
import { api, ApiError } from '../../api-client.js';
import { useLang } from '../../i18n.js';

export function useThisMonth() {
  const lang = useLang();
  const [month, setMonth] = useState<ThisMonthView | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .thisMonth()
      .then((r) => {
        if (live) setMonth(r);
      })
      .catch((e: unknown) => {
        if (live) setBanner(e instanceof ApiError ? e.say(lang) : String(e));
      });
    return () => {
      live = false;
    };
  }, [lang]);
  return { month, banner };
}
