// The re-plan panel's data: the form (what happened, the new monthly capacity) with validation as
// you type, and the server's new plans for the language they were made in.
import { useState } from 'react';
import type { AgreementView, ReplanReason, ReplanView } from '../../../contracts/index.js';
import { replanApi } from '../../api-replan.js';
import { useLang, useT } from '../../i18n.js';
import { checkMoney } from '../../validate.js';
import { useForm } from '../use-form.js';

export function useReplan(agreement: AgreementView, reason: ReplanReason) {
  const t = useT();
  const lang = useLang();
  const [result, setResult] = useState<ReplanView | null>(null);
  const isOverdue = agreement.installments.some(
    (i) => i.status === 'missed' || i.status === 'late',
  );
  const [busy, setBusy] = useState(false);
  const form = useForm({ reason: reason as string, capacity: '' }, (v) => {
    const c = checkMoney(v.capacity, lang, {
      required: v.reason === 'income-changed',
      label: t('现在每月能还多少', 'what you can pay each month'),
    });
    return {
      capacity: c.error ?? (c.value === '0.00' ? t('必须大于 0', 'must be above zero') : undefined),
    };
  });

  const submit = async () => {
    form.touchAll();
    if (!form.isValid || busy) return;
    setBusy(true);
    form.setBanner(null);
    try {
      const capacity = checkMoney(form.values.capacity, lang).value;
      setResult(
        await replanApi.replan({
          reason: form.values.reason as ReplanReason,
          // named, it counts as "at risk"; an overdue one (or every one, on an income change)
          // is re-planned without naming
          agreementIds:
            form.values.reason === 'at-risk' || (form.values.reason === 'missed' && !isOverdue)
              ? [agreement.id]
              : [],
          capacity: capacity ?? null,
          lang,
        }),
      );
    } catch (e) {
      setResult(null);
      form.showError(e, lang);
    } finally {
      setBusy(false);
    }
  };

  return {
    form,
    busy,
    submit,
    result,
    // a result in the other language (the user switched) is stale: its letter text is not theirs
    shown: result?.lang === lang ? result : null,
  };
}

export type ReplanData = ReturnType<typeof useReplan>;
