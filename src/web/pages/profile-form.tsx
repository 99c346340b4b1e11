import { useEffect, useState } from 'react';
import { HARDSHIP_CAUSES, type ProfileView } from '../../contracts/index.js';
import { api, ApiError } from '../api-client.js';
import { ActionButton, ErrorBanner, Field, Notice } from '../components/field.js';
import { useLang, useT } from '../i18n.js';

const CAUSE_LABELS: Record<(typeof HARDSHIP_CAUSES)[number], [string, string]> = {
  unemployment: ['失业', 'Unemployment'],
  illness: ['疾病', 'Illness'],
  accident: ['意外事故', 'Accident'],
  'family-emergency': ['家庭变故', 'Family emergency'],
  'business-failure': ['经营失败', 'Business failure'],
  other: ['其他', 'Other'],
};

/** The server's field names this form shows; errors on others go to the banner. */
const SHOWN = new Set(['name', 'phone', 'hardshipCause', 'hardshipSince', 'hardshipStory']);

type Form = { name: string; phone: string; cause: string; since: string; story: string };

const fromView = (p: ProfileView): Form => ({
  name: p.name ?? '',
  phone: p.phone ?? '',
  cause: p.hardshipCause ?? '',
  since: p.hardshipSince ?? '',
  story: p.hardshipStory ?? '',
});

/** The saved profile (loaded on open), the form's values and the save with its field errors. */
function useProfile() {
  const t = useT();
  const lang = useLang();
  const [form, setForm] = useState<Form>({ name: '', phone: '', cause: '', since: '', story: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .profile()
      .then((r) => setForm(fromView(r.profile)))
      .catch((e: unknown) => setBanner(e instanceof ApiError ? e.say(lang) : String(e)));
  }, [lang]);

  const set = (k: keyof Form) => (v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    setNotice(null);
  };

  const save = async () => {
    setErrors({});
    setBanner(null);
    setNotice(null);
    if (form.name.trim() === '') {
      setErrors({ name: t('请填写姓名', 'Enter your name') });
      return;
    }
    setBusy(true);
    try {
      const r = await api.saveProfile({
        name: form.name,
        phone: form.phone,
        hardshipCause: form.cause,
        hardshipSince: form.since,
        hardshipStory: form.story,
      });
      setForm(fromView(r.profile));
      setNotice(t('已保存我的情况', 'Saved'));
    } catch (e) {
      // under the field, its name prefix ("hardshipSince：") is noise
      if (e instanceof ApiError && e.field && SHOWN.has(e.field))
        setErrors({ [e.field]: e.say(lang).replace(/^[A-Za-z]+[:：]\s*/, '') });
      else setBanner(e instanceof ApiError ? e.say(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { form, errors, banner, notice, busy, set, save };
}

type Profile = ReturnType<typeof useProfile>;

/**
 * "我的情况": the name, phone and hardship facts the letters need. The server validates (one set of
 * zh/en messages, app/profile.ts); its error shows under the field it names.
 */
export function ProfileForm() {
  const t = useT();
  const profile = useProfile();
  const { form, errors, set } = profile;
  return (
    <section className="card" aria-label={t('我的情况', 'My situation')}>
      <h3>{t('我的情况', 'My situation')}</h3>
      <p className="field-hint">
        {t(
          '申请书和困难说明会用到这些内容。',
          'The request letter and hardship statement use these.',
        )}
      </p>
      <ErrorBanner message={profile.banner} />
      <Notice message={profile.notice} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void profile.save();
        }}
      >
        <Field label={t('姓名', 'Name')} error={errors['name']}>
          {(p) => (
            <input
              {...p}
              value={form.name}
              maxLength={100}
              autoComplete="name"
              onChange={(e) => set('name')(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('电话', 'Phone')} error={errors['phone']}>
          {(p) => (
            <input
              {...p}
              value={form.phone}
              inputMode="tel"
              autoComplete="tel"
              onChange={(e) => set('phone')(e.target.value)}
            />
          )}
        </Field>
        <HardshipFields profile={profile} />
        <div className="actions">
          <ActionButton type="submit" busy={profile.busy}>
            {t('保存我的情况', 'Save my situation')}
          </ActionButton>
        </div>
      </form>
    </section>
  );
}

/** Why the borrower cannot pay as agreed: the cause, since when, and what happened. */
function HardshipFields({ profile }: { profile: Profile }) {
  const t = useT();
  const lang = useLang();
  const { form, errors, set } = profile;
  return (
    <>
      <Field label={t('困难原因', 'Cause of hardship')} error={errors['hardshipCause']}>
        {(p) => (
          <select {...p} value={form.cause} onChange={(e) => set('cause')(e.target.value)}>
            <option value="">{t('（请选择）', '(choose)')}</option>
            {HARDSHIP_CAUSES.map((c) => (
              <option key={c} value={c}>
                {lang === 'zh' ? CAUSE_LABELS[c][0] : CAUSE_LABELS[c][1]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('从哪天开始', 'Since')}
        hint={t('如 2026-03-01', 'e.g. 2026-03-01')}
        error={errors['hardshipSince']}
      >
        {(p) => (
          <input
            {...p}
            value={form.since}
            placeholder="2026-03-01"
            onChange={(e) => set('since')(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('发生了什么', 'What happened')} error={errors['hardshipStory']}>
        {(p) => (
          <textarea
            {...p}
            value={form.story}
            rows={3}
            maxLength={2000}
            onChange={(e) => set('story')(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
