import { useState } from 'react';
import { ApiError } from '../api-client.js';

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
    /** Starts over from the given values (e.g. a stored record to edit). */
    fill: (v: V) => {
      setValues(v);
      setTouched({});
      setServerErrors({});
      setBanner(null);
    },
    reset: () => {
      setValues(initial);
      setTouched({});
      setServerErrors({});
      setBanner(null);
    },
  };
}
