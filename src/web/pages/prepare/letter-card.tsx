// One letter for the chosen lender: its pre-send check, then its downloads (Word, printable), or
// why it cannot be made yet and where to supply what it needs.
import { api } from '../../api-client.js';
import { useLang, useT } from '../../i18n.js';
import { goTo } from '../../nav.js';
import type { Check, Kind } from './use-letters.js';

/** Where the borrower supplies what a refused letter still needs (the server names it). */
const NEED_PAGE: Record<string, { path: string; zh: string; en: string }> = {
  plan: { path: '/plan', zh: '去做还款方案', en: 'Make the plan' },
  legality: { path: '/debts', zh: '去补全债务信息', en: 'Complete the debts' },
  dispute: { path: '/escalations', zh: '去填写征信异议', en: 'Describe the dispute' },
  incident: { path: '/contacts', zh: '去记录沟通', en: 'Log a contact' },
  'third-party': { path: '/contacts', zh: '去记录沟通', en: 'Log a contact' },
  'third-party-incident': { path: '/contacts', zh: '去记录沟通', en: 'Log a contact' },
  agreement: { path: '/agreements', zh: '去记录协议', en: 'Record the agreement' },
  'missed-deadline': { path: '/escalations', zh: '去投诉与升级', en: 'Go to escalations' },
};

export function LetterCard({
  kind: k,
  check,
  lenderId,
}: {
  kind: Kind;
  check: Check | undefined;
  lenderId: string;
}) {
  const lang = useLang();
  return (
    <li className="card">
      <h3>{lang === 'zh' ? k.titleZh : k.titleEn}</h3>
      <LetterCheck check={check} />
      {check !== undefined && 'refused' in check ? (
        <WhereToGo kind={k} need={check.need} />
      ) : (
        <Downloads kind={k} lenderId={lenderId} />
      )}
    </li>
  );
}

/**
 * The pre-send check (every fact has a record behind it) and the limitation warning for one
 * letter, shown above its download buttons so the borrower reads them before sending.
 */
function LetterCheck({ check }: { check: Check | undefined }) {
  const t = useT();
  const lang = useLang();
  if (check === undefined) return null;
  if ('refused' in check)
    return (
      <p className="banner banner-warn check" role="status">
        {t('还不能生成：', 'Not ready yet: ')}
        {check.refused}
      </p>
    );
  if (check.warnings.length === 0)
    return (
      <p className="check check-ok" role="status">
        {t('已核对：每句事实都有记录依据', 'Checked: every fact has a record behind it')}
      </p>
    );
  return (
    <div className="banner banner-warn check" role="status">
      <p>{t('发送前请先看：', 'Before you send:')}</p>
      <ul>
        {check.warnings.map((w, i) => (
          <li key={i}>{lang === 'zh' ? w.messageZh : w.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** A letter that cannot be made yet offers no download (it would only fail): where to go. */
function WhereToGo({ kind: k, need }: { kind: Kind; need: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const go = NEED_PAGE[need ?? ''];
  if (go === undefined) return null;
  return (
    <div className="actions">
      <button type="button" className="link" onClick={() => goTo(go.path)}>
        {t(go.zh, go.en)}
        <span className="sr-only"> {lang === 'zh' ? k.titleZh : k.titleEn}</span>
        {' →'}
      </button>
    </div>
  );
}

function Downloads({ kind: k, lenderId }: { kind: Kind; lenderId: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="actions">
      <a
        className="button primary"
        href={api.letterUrl(k.kind, { lenderId, format: 'docx', lang })}
        download
      >
        {t('下载 Word', 'Download DOCX')}
        <span className="sr-only"> {lang === 'zh' ? k.titleZh : k.titleEn}</span>
      </a>
      <a
        className="button"
        href={api.letterUrl(k.kind, { lenderId, format: 'html', lang })}
        target="_blank"
        rel="noopener"
      >
        {t('打印版', 'Printable')}
        <span className="sr-only"> {lang === 'zh' ? k.titleZh : k.titleEn}</span>
      </a>
    </div>
  );
}
