// 协商准备: the data hook (prepare/use-letters.ts) → my situation (profile-form.tsx), the lender
// picker, a card per letter (prepare/letter-card.tsx) and the call script on screen.
import { Empty, ErrorBanner, Field } from '../components/field.js';
import { Markdown } from '../components/markdown.js';
import { useT } from '../i18n.js';
import { goTo } from '../nav.js';
import { LetterCard } from './prepare/letter-card.js';
import { useLetters } from './prepare/use-letters.js';
import { ProfileForm } from './profile-form.js';

export function PreparePage() {
  const t = useT();
  const data = useLetters();
  const { lenders, lenderId } = data;
  if (lenders && lenders.length === 0) return <NoLenders />;

  return (
    <div className="page">
      <p className="intro">
        {t(
          '给每个债主准备书面材料：协商还款申请书（附方案表）、困难情况说明、电话话术。下载 Word（DOCX）文件后可以直接修改、打印或发邮件。',
          'Prepare written material for each lender: the request letter with the plan table, the hardship statement and the call script. DOCX files open in Word/WPS.',
        )}
      </p>
      <ErrorBanner message={data.banner} />
      <ProfileForm />
      <Field label={t('给哪个债主', 'For which lender')}>
        {(p) => (
          <select {...p} value={lenderId} onChange={(e) => data.pickLender(e.target.value)}>
            {(lenders ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.brand ? `${l.brand}（${l.name}）` : l.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ul className="docs" aria-label={t('可下载的材料', 'Documents to download')}>
        {data.kinds.map((k) => (
          <LetterCard key={k.kind} kind={k} check={data.checks[k.kind]} lenderId={lenderId} />
        ))}
      </ul>
      {data.hasScript ? (
        <section aria-label={t('电话话术', 'Call script')}>
          <button type="button" onClick={() => void data.showScript()}>
            {t('在屏幕上显示电话话术', 'Show the call script on screen')}
          </button>
          {data.script ? (
            <div className="script">
              <Markdown text={data.script} />
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

/** No debt yet: letters need one, so the page sends the user to add it. */
function NoLenders() {
  const t = useT();
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
}
