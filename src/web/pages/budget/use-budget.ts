// The budget page's data: the rows being edited (the saved budget's once it loads, unless the
// user has started typing), the buffer, validation as you type and the save. The form and the
// result only present what this hook holds.
import { useEffect, useRef, useState } from 'react';
import type { BudgetView } from '../../../contracts/index.js';
import { api, ApiError } from '../../api-client.js';
import { useFeedback, useUnsavedWarning, useWrite } from '../../components/use-form.js';
import { useLang, useT } from '../../i18n.js';
import { checkMoney } from '../../validate.js';
import {
  fromSaved,
  kindsOf,
  rowError,
  STARTER,
  toLines,
  type Group,
  type Row,
} from './budget-rows.js';

/** Loads the saved budget once per page open (nothing saved yet: nothing to apply). */
function useSavedBudget(apply: (b: BudgetView) => void, fail: (e: unknown) => void) {
  useEffect(() => {
    let live = true;
    api
      .latestBudget()
      .then((b) => {
        if (live && b !== null) apply(b);
      })
      .catch((e: unknown) => {
        if (live) fail(e);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per page open
  }, []);
}

export function useBudget() {
  const t = useT();
  const lang = useLang();
  const [saved, setSaved] = useState<BudgetView | null>(null);
  const [rows, setRows] = useState<Row[]>(STARTER);
  const [buffer, setBuffer] = useState('');
  const feedback = useFeedback();
  // the saved budget loads from the server on page open, unless the user has started typing
  const touched = useRef(false);
  useSavedBudget(
    (b) => {
      if (touched.current) return;
      setSaved(b);
      setRows(fromSaved(b));
      setBuffer(b.buffer !== '0.00' ? b.buffer : '');
    },
    (e) => feedback.fail(e, lang),
  );
  const [serverField, setServerField] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const budgetWrite = useWrite();
  useUnsavedWarning(dirty);

  const bufferError = serverField['buffer'] ?? checkMoney(buffer, lang).error;
  const hasErrors =
    rows.some((r) => {
      const e = rowError(r, lang);
      return e.label || e.monthly || e.day;
    }) || Boolean(bufferError);

  /** Every edit: the saved budget no longer replaces the rows, and leaving asks first. */
  const edit = (change: (old: Row[]) => Row[]) => {
    touched.current = true;
    setDirty(true);
    setRows(change);
  };

  const save = async () => {
    if (hasErrors) return;
    const lines = toLines(rows, lang);
    if (!lines.some((l) => l.kind === 'income')) {
      feedback.fail(
        t('请至少填一项收入（没有收入就填 0）', 'Enter at least one income line (0 if none)'),
        lang,
      );
      return;
    }
    try {
      const body = { lines, buffer: checkMoney(buffer, lang).value ?? '0.00' };
      const b = await budgetWrite.run(body, (key) => api.saveBudget(body, key));
      if (b === undefined) return; // a second tap while the first save runs
      setDirty(false);
      setSaved(b);
      feedback.succeed(t('预算已保存', 'Budget saved'));
    } catch (e) {
      if (e instanceof ApiError && e.field) setServerField({ [e.field]: e.say(lang) });
      feedback.fail(e, lang);
    }
  };

  return {
    saved,
    rows,
    buffer,
    bufferError,
    hasErrors,
    feedback,
    saving: budgetWrite.busy,
    save,
    update: (i: number, patch: Partial<Row>) => {
      edit((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));
      setServerField({});
    },
    remove: (i: number) => edit((old) => old.filter((_, j) => j !== i)),
    add: (g: Group) =>
      edit((old) => [...old, { kind: kindsOf(g)[0]!, label: '', monthly: '', day: '' }]),
    typeBuffer: (value: string) => {
      touched.current = true;
      setDirty(true);
      setBuffer(value);
      setServerField({});
    },
  };
}

export type BudgetData = ReturnType<typeof useBudget>;
