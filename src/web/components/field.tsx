import {
  useId,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
  type ButtonHTMLAttributes,
  type ReactNode,
} from 'react';
import { useT } from '../i18n.js';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** extra class on the wrapper (layout hooks such as `wide` in a budget line) */
  className?: string | undefined;
  children: (p: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** A labelled control with its hint and its error right below it (where the user looks). */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const msgId = `${id}-msg`;
  const cls = ['field', error ? 'field-bad' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={cls}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': error || hint ? msgId : undefined,
      })}
      {error ? (
        <p className="field-error" id={msgId} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field-hint" id={msgId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function Money({ children }: { children: string }) {
  return <span className="num">{children}</span>;
}

export function Empty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/*
 * Feedback order. A page shows at most the newest of "went wrong" and "done": an old red error
 * must not stay beside a new success message, nor an old "saved" beside a new error. Every
 * ErrorBanner and Notice stamps its message with a sequence number when the message appears, and
 * hides itself while a message of the other kind that is on screen is newer. Pages need not clear
 * one when they set the other (though useFeedback in use-form.ts does).
 */
let seq = 0;
const shown = { bad: new Map<object, number>(), ok: new Map<object, number>() };
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const newestOf = (kind: 'bad' | 'ok') => Math.max(0, ...shown[kind].values());
const announce = () => {
  for (const l of listeners) l();
};

function useStamped(kind: 'bad' | 'ok', message: string | null): boolean {
  // the stamp changes only when the message does (a ref, so a re-render keeps it)
  const stamp = useRef<{ message: string | null; n: number }>({ message: null, n: 0 });
  if (stamp.current.message !== message) stamp.current = { message, n: message ? ++seq : 0 };
  const n = stamp.current.n;
  const self = useRef({});
  useLayoutEffect(() => {
    const me = self.current;
    if (n === 0) return;
    shown[kind].set(me, n);
    announce();
    return () => {
      shown[kind].delete(me);
      announce();
    };
  }, [kind, n]);
  const other = useSyncExternalStore(subscribe, () => newestOf(kind === 'bad' ? 'ok' : 'bad'));
  return n > 0 && n > other;
}

export function ErrorBanner({ message }: { message: string | null }) {
  const visible = useStamped('bad', message);
  if (!visible) return null;
  return (
    <p className="banner banner-bad" role="alert">
      {message}
    </p>
  );
}

export function Notice({ message }: { message: string | null }) {
  const visible = useStamped('ok', message);
  if (!visible) return null;
  return (
    <p className="banner banner-ok" role="status">
      {message}
    </p>
  );
}

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> & {
  /** why the button cannot be used now (shown under it); null or '' when it can */
  reason?: string | null | undefined;
  /** a write is in flight: the button says so and is disabled */
  busy?: boolean | undefined;
  /** the label while busy (default 保存中…) */
  busyLabel?: string | undefined;
};

/**
 * A button that is never greyed out without a reason: when disabled it shows why right under it
 * ("先填写每月可还金额", "正在保存，请稍候"), linked by aria-describedby for screen readers.
 */
export function ActionButton({ reason, busy, busyLabel, children, ...rest }: ButtonProps) {
  const t = useT();
  const id = useId();
  const why = busy ? t('正在处理，请稍候', 'Working on it, please wait') : reason || null;
  return (
    <span className="action">
      <button
        type="button"
        {...rest}
        disabled={Boolean(busy) || Boolean(reason)}
        aria-describedby={why ? `${id}-why` : rest['aria-describedby']}
      >
        {busy ? (busyLabel ?? t('保存中…', 'Saving…')) : children}
      </button>
      {why ? (
        <span className="why" id={`${id}-why`}>
          {why}
        </span>
      ) : null}
    </span>
  );
}

/** A value the user has not given yet: "未填" (or why it is unknown), never "¥0.00". */
export function Unknown({ zh = '未填', en = 'Not given' }: { zh?: string; en?: string }) {
  const t = useT();
  return <span className="unknown">{t(zh, en)}</span>;
}
