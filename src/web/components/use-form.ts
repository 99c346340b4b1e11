import { useEffect, useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../api-client.js';

/**
 * One write per user action. `run(payload, write)` calls `write(key)` with an Idempotency-Key that
 * is fresh for a new submission and the same when the same payload is sent again after a failure
 * (a retry), so the server stores it once whatever the network did. A second tap while the first
 * write is in flight is ignored (a ref, not state: two clicks can land before React re-renders the
 * disabled button); `busy` disables the button meanwhile.
 */
export function useWrite() {
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const last = useRef<{ payload: string; key: string } | null>(null);
  const run = async <T>(
    payload: unknown,
    write: (key: string) => Promise<T>,
  ): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    const p = JSON.stringify(payload) ?? '';
    const key = last.current?.payload === p ? last.current.key : newIdempotencyKey();
    last.current = { payload: p, key };
    try {
      const r = await write(key);
      last.current = null; // done: the next submission is a new action
      return r;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { busy, run };
}

/** Pages holding unsaved input, asked before the shell navigates away (app.tsx, nav.ts). */
const unsaved = new Set<() => boolean>();

/** True when no page holds unsaved input, or the user agrees to drop it. */
export function confirmLeave(lang: 'zh' | 'en'): boolean {
  if (![...unsaved].some((isDirty) => isDirty())) return true;
  return window.confirm(
    lang === 'en'
      ? 'You have input that is not saved yet. Leave this page and lose it?'
      : '有尚未保存的内容。离开此页会丢失这些内容，确定离开吗？',
  );
}

/**
 * Warns before the user leaves with unsaved input: the browser's own prompt on reload or close
 * (beforeunload) and confirmLeave for moves inside the app.
 */
export function useUnsavedWarning(isDirty: boolean): void {
  const dirty = useRef(isDirty);
  dirty.current = isDirty;
  useEffect(() => {
    const check = () => dirty.current;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = ''; // older browsers need it to show the prompt
    };
    unsaved.add(check);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsaved.delete(check);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}

/**
 * A page's one line of feedback: an error or a success message, never both (a new one replaces
 * the old, so "已保存" never stands beside the red error of an earlier try).
 */
export function useFeedback() {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    error,
    notice,
    /** shows an error (an ApiError in the user's language) and drops the success message */
    fail: (e: unknown, lang: 'zh' | 'en') => {
      setNotice(null);
      setError(e instanceof ApiError ? e.say(lang) : e instanceof Error ? e.message : String(e));
    },
    /** shows a success message and drops the error */
    succeed: (message: string) => {
      setError(null);
      setNotice(message);
    },
    clear: () => {
      setError(null);
      setNotice(null);
    },
  };
}

type Validator<V> = (values: V) => Partial<Record<keyof V & string, string | undefined>>;

/**
 * Form state with validation as you type (client rules from core parsers) and the server's
 * field errors shown under the same inputs.
 */
export function useForm<V extends Record<string, string>>(initial: V, validate: Validator<V>) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Partial<Record<keyof V, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<string, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const writer = useWrite();
  // what "unchanged" means: the empty form, or the stored record fill() loaded for editing
  const [baseline, setBaseline] = useState<V>(initial);
  const isDirty = Object.keys(values).some((k) => values[k] !== baseline[k]);
  useUnsavedWarning(isDirty && !writer.busy);
  const errors = validate(values);
  const shown = (k: keyof V & string): string | undefined =>
    serverErrors[k] ?? (touched[k] || values[k] !== initial[k] ? errors[k] : undefined);
  const set = (k: keyof V & string, v: string) => {
    setValues((old) => ({ ...old, [k]: v }));
    setTouched((t) => ({ ...t, [k]: true }));
    setServerErrors((e) => ({ ...e, [k]: undefined }));
  };
  const isValid = Object.values(errors).every((e) => !e);
  const touchAll = () =>
    setTouched(
      Object.fromEntries(Object.keys(values).map((k) => [k, true])) as Partial<
        Record<keyof V, boolean>
      >,
    );
  /** Puts a server error under its field when the field is on this form, else in the banner. */
  const showError = (
    e: unknown,
    lang: 'zh' | 'en',
    fieldMap: Record<string, keyof V & string> = {},
  ) => {
    if (e instanceof ApiError) {
      const f = e.field
        ? (fieldMap[e.field] ?? (e.field in values ? (e.field as keyof V & string) : undefined))
        : undefined;
      if (f) setServerErrors((old) => ({ ...old, [f]: e.say(lang) }));
      else setBanner(e.say(lang));
    } else setBanner(String(e));
  };
  return {
    values,
    set,
    shown,
    isValid,
    touchAll,
    errors,
    showError,
    banner,
    setBanner,
    /** input differs from the initial values (warned about before leaving) */
    isDirty,
    /** a write from this form is in flight: disable its save button */
    submitting: writer.busy,
    /**
     * Runs one write for this submission with its Idempotency-Key (see useWrite). When it
     * succeeds, the old red errors (banner and server errors under fields) go: they were about
     * the input that has now been saved.
     */
    run: async <T>(
      payload: unknown,
      write: (key: string) => Promise<T>,
    ): Promise<T | undefined> => {
      const r = await writer.run(payload, write);
      if (r !== undefined) {
        setBanner(null);
        setServerErrors({});
      }
      return r;
    },
    /** Starts over from the given values (e.g. a stored record to edit). */
    fill: (v: V) => {
      setValues(v);
      setBaseline(v);
      setTouched({});
      setServerErrors({});
      setBanner(null);
    },
    reset: () => {
      setValues(initial);
      setBaseline(initial);
      setTouched({});
      setServerErrors({});
      setBanner(null);
    },
  };
}
