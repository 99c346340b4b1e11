import type { ConductFlag, ContactView } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { useLang, useT } from '../../i18n.js';

/** Flags about third parties lead to the stop-contacting-third-parties letter. */
const THIRD_PARTY_RULES: ReadonlySet<string> = new Set([
  'third-party-contact',
  'debt-disclosed-to-third-party',
]);

export interface AttachTarget {
  contactId: string;
  lenderId: string | null;
}

interface FlagListProps {
  flags: ConductFlag[];
  contacts: ContactView[];
  onAttach: (t: AttachTarget) => void;
}

/**
 * Possible collector misconduct, each flag with its next step (issue 13 item 8): the
 * stop-third-party letter, a complaint (letter to the lender, or the escalation ladder), and
 * evidence to attach to the contact it rests on.
 */
export function FlagList({ flags, contacts, onAttach }: FlagListProps) {
  const t = useT();
  if (flags.length === 0) return null;
  return (
    <section className="flags" aria-label={t('催收违规提示', 'Conduct flags')}>
      <h3>{t('可能违规的催收行为', 'Possible collector misconduct')}</h3>
      <ul>
        {flags.map((f, i) => (
          <FlagItem
            key={`${f.rule}-${f.contactId ?? ''}-${i}`}
            flag={f}
            contact={contacts.find((c) => c.id === f.contactId)}
            onAttach={onAttach}
          />
        ))}
      </ul>
    </section>
  );
}

function FlagItem(p: {
  flag: ConductFlag;
  contact: ContactView | undefined;
  onAttach: (t: AttachTarget) => void;
}) {
  const t = useT();
  const lang = useLang();
  const f = p.flag;
  const lenderId = p.contact?.lenderId ?? null;
  const letter = (kind: string) =>
    lenderId === null ? '/prepare' : api.letterUrl(kind, { lenderId, format: 'docx', lang });
  return (
    <li>
      <strong>{lang === 'zh' ? f.messageZh : f.message}</strong>
      {f.source ? (
        <span className="muted">
          （{f.source}
          {f.certainty === 'U' ? t('，待核实', ', unconfirmed') : ''}）
        </span>
      ) : null}
      <div className="actions">
        {THIRD_PARTY_RULES.has(f.rule) ? (
          <a className="button" href={letter('stop-third-party')} download={lenderId !== null}>
            {t('生成停止联系第三人通知函', 'Letter: stop contacting third parties')}
          </a>
        ) : null}
        <a className="button" href={letter('lender-complaint')} download={lenderId !== null}>
          {t('向机构投诉（投诉函）', 'Complain to the lender (letter)')}
        </a>
        <a className="button" href="/escalations">
          {t('更多投诉渠道', 'Other complaint channels')}
        </a>
        {p.contact ? (
          <button type="button" onClick={() => p.onAttach({ contactId: p.contact!.id, lenderId })}>
            {t('附上录音或截图', 'Attach a recording or screenshot')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
