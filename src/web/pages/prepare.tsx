import { useEffect, useState } from 'react';
import type { LenderView } from '../../contracts/index.js';
import { api, ApiError } from '../api-client.js';
import { Empty, ErrorBanner, Field } from '../components/field.js';
import { Markdown } from '../components/markdown.js';
import { useLang, useT } from '../i18n.js';
import { goTo } from '../nav.js';
import { ProfileForm } from './profile-form.js';

type Kind = { kind: string; titleZh: string; titleEn: string };
type Warning = { code: string; messageZh: string; message: string };
/** per kind: what to fix or know before sending, or why the letter cannot be made yet */
type Check = { warnings: Warning[] } | { refused: string; need: string | undefined };

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

export function PreparePage() {
  const t = useT();
  const lang = useLang();
  const [lenders, setLenders] = useState<LenderView[] | null>(null);
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [lenderId, setLenderId] = useState('');
  const [script, setScript] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<string, Check>>({});

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

  // the checks for the chosen lender, one request per kind; a refusal (nothing to say yet) is
  // shown on its card instead of as a page-wide error
  useEffect(() => {
    if (lenderId === '' || kinds.length === 0) return;
    let live = true;
    setChecks({});
    for (const k of kinds)
      api
        .letterWarnings(k.kind, { lenderId, lang })
        .then((r): Check => ({ warnings: r.warnings }))
        .catch((e: unknown): Check => ({
          refused: e instanceof ApiError ? e.say(lang) : String(e),
          need: e instanceof ApiError ? e.field : undefined,
        }))
        .then((c) => {
          if (live) setChecks((prev) => ({ ...prev, [k.kind]: c }));
        });
    return () => {
      live = false;
    };
  }, [lenderId, kinds, lang]);

  const scriptKind = kinds.find((k) => k.kind === 'call-script');
  const showScript = async () => {
    if (!scriptKind) return;
    try {
      setScript(await api.letterText(scriptKind.kind, { lenderId, lang }));
    } catch (e) {
      setBanner(e instanceof ApiError ? e.say(lang) : String(e));
    }
  };

  if (lenders && lenders.length === 0)
    return (
      <Empty title={t('还没有债主', 'No lenders yet')}>
        <p>
          {t(
            '协商材料要用到你的债务和方案。先去“我的债务”记下至少一笔。',
            'Letters use your debts and plan. Add a debt first.',
          )}
        </p>
        <button type="button" className="primary" onClick={() => goTo('/')}>
          {t('去添加债务', 'Add a debt')}
        </button>
      </Empty>
    );

  return (
    <div className="page">
      <p className="intro">
        {t(
          '给每个债主准备书面材料：协商还款申请书（附方案表）、困难情况说明、电话话术。下载 Word（DOCX）文件后可以直接修改、打印或发邮件。',
          'Prepare written material for each lender: the request letter with the plan table, the hardship statement and the call script. DOCX files open in Word/WPS.',
        )}
      </p>
      <ErrorBanner message={banner} />
      <ProfileForm />
      <Field label={t('给哪个债主', 'For which lender')}>
        {(p) => (
          <select
            {...p}
            value={lenderId}
            onChange={(e) => {
              setLenderId(e.target.value);
              setScript(null);
            }}
          >
            {(lenders ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.brand ? `${l.brand}（${l.name}）` : l.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ul className="docs" aria-label={t('可下载的材料', 'Documents to download')}>
        {kinds.map((k) => (
          <li key={k.kind} className="card">
            <h3>{lang === 'zh' ? k.titleZh : k.titleEn}</h3>
            <LetterCheck check={checks[k.kind]} />
            {(() => {
              const c = checks[k.kind];
              // a letter that cannot be made yet offers no download (it would only fail); the
              // card says why, and where to go
              const go = c !== undefined && 'refused' in c ? NEED_PAGE[c.need ?? ''] : undefined;
              if (c !== undefined && 'refused' in c)
                return go === undefined ? null : (
                  <div className="actions">
                    <button type="button" className="link" onClick={() => goTo(go.path)}>
                      {t(go.zh, go.en)}
                      <span className="sr-only"> {lang === 'zh' ? k.titleZh : k.titleEn}</span>
                      {' →'}
                    </button>
                  </div>
                );
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
            })()}
          </li>
        ))}
      </ul>
      {scriptKind ? (
        <section aria-label={t('电话话术', 'Call script')}>
          <button type="button" onClick={() => void showScript()}>
            {t('在屏幕上显示电话话术', 'Show the call script on screen')}
          </button>
          {script ? (
            <div className="script">
              <Markdown text={script} />
            </div>
          ) : null}
        </section>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => goTo('/contacts')}>
          {t('下一步：记录沟通', 'Next: log contacts')}
        </button>
      </div>
    </div>
  );
}
