import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { api } from './api-client.js';
import { confirmLeave } from './components/use-form.js';
import { LangContext, useLang, useT, type Lang } from './i18n.js';
import { DebtsPage } from './pages/debts.js';

const BudgetPage = lazy(() => import('./pages/budget.js').then((m) => ({ default: m.BudgetPage })));
const PlanPage = lazy(() => import('./pages/plan.js').then((m) => ({ default: m.PlanPage })));
const PreparePage = lazy(() =>
  import('./pages/prepare.js').then((m) => ({ default: m.PreparePage })),
);
const ContactsPage = lazy(() =>
  import('./pages/contacts.js').then((m) => ({ default: m.ContactsPage })),
);
const AgreementsPage = lazy(() =>
  import('./pages/agreements.js').then((m) => ({ default: m.AgreementsPage })),
);
const ThisMonthPage = lazy(() =>
  import('./pages/this-month.js').then((m) => ({ default: m.ThisMonthPage })),
);
const EscalationsPage = lazy(() =>
  import('./pages/escalations.js').then((m) => ({ default: m.EscalationsPage })),
);

interface Route {
  path: string;
  zh: string;
  en: string;
  step: string;
  page: () => ReactNode;
}

/**
 * The home screen once the case has debts: 本月要还 (what is due in the next 30 days). Before
 * the first debt, '/' is the start page (我的债务, with what to do first).
 */
const HOME: Route = {
  path: '/',
  zh: '本月要还',
  en: 'This month',
  step: '⌂',
  page: () => <ThisMonthPage />,
};

/** The journey (docs/product.md) is the navigation. */
export const ROUTES: Route[] = [
  { path: '/debts', zh: '我的债务', en: 'My debts', step: '1', page: () => <DebtsPage /> },
  { path: '/budget', zh: '收支预算', en: 'Budget', step: '2', page: () => <BudgetPage /> },
  { path: '/plan', zh: '还款方案', en: 'Plan', step: '3', page: () => <PlanPage /> },
  { path: '/prepare', zh: '协商准备', en: 'Prepare', step: '4', page: () => <PreparePage /> },
  {
    path: '/contacts',
    zh: '沟通记录与证据',
    en: 'Contacts & evidence',
    step: '5',
    page: () => <ContactsPage />,
  },
  {
    path: '/agreements',
    zh: '协议与还款',
    en: 'Agreements & payments',
    step: '6',
    page: () => <AgreementsPage />,
  },
  {
    path: '/escalations',
    zh: '投诉与升级',
    en: 'Escalate',
    step: '7',
    page: () => <EscalationsPage />,
  },
];

function initialLang(): Lang {
  const saved = localStorage.getItem('xieshang.lang');
  return saved === 'en' ? 'en' : 'zh';
}

/** The navigation: with debts, 本月要还 at '/' then the journey; without, 我的债务 is '/'. */
export function routesFor(hasDebts: boolean | null): Route[] {
  if (hasDebts) return [HOME, ...ROUTES];
  return ROUTES.map((r) => (r.path === '/debts' ? { ...r, path: '/' } : r));
}

/**
 * Whether the case has debts (it decides what '/' shows); asked again on each move, never while
 * the user stays on a page, so adding the first debt does not swap the page under them.
 */
function useHasDebts(path: string): boolean | null {
  const [hasDebts, setHasDebts] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    api
      .debts()
      .then((r) => {
        if (live) setHasDebts(r.debts.length > 0);
      })
      .catch(() => {
        if (live) setHasDebts((old) => old ?? false);
      });
    return () => {
      live = false;
    };
  }, [path]);
  return hasDebts;
}

/** The step the address bar names; an unknown one shows '/'. */
function initialPath(): string {
  return location.pathname === '/' || ROUTES.some((r) => r.path === location.pathname)
    ? location.pathname
    : '/';
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [path, setPath] = useState(initialPath);
  const hasDebts = useHasDebts(path);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    window.addEventListener('popstate', onPop);
    void api.session().catch(() => undefined);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    localStorage.setItem('xieshang.lang', lang);
  }, [lang]);

  const go = (p: string) => {
    if (p === path || !confirmLeave(lang)) return;
    history.pushState(null, '', p);
    setPath(p);
    window.scrollTo(0, 0);
  };
  const routes = routesFor(hasDebts);
  const waiting = path === '/' && hasDebts === null;
  const route =
    routes.find((r) => r.path === path) ??
    (path === '/debts' ? ROUTES[0]! : (routes.find((r) => r.path === '/') ?? routes[0]!));
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);

  return (
    <LangContext.Provider value={lang}>
      <a className="skip" href="#main">
        {t('跳到正文', 'Skip to content')}
      </a>
      <TopBar onSwitch={() => setLang(lang === 'zh' ? 'en' : 'zh')} />
      <JourneyNav routes={routes} current={route} go={go} />
      <main id="main" tabIndex={-1}>
        {waiting ? (
          <p aria-busy="true">{t('加载中…', 'Loading…')}</p>
        ) : (
          <>
            <h2 className="page-title">{t(route.zh, route.en)}</h2>
            <Suspense fallback={<p aria-busy="true">{t('加载中…', 'Loading…')}</p>}>
              {route.page()}
            </Suspense>
          </>
        )}
      </main>
      <footer className="foot">
        <p>
          {t(
            '数据只保存在这台电脑上。本工具不构成法律意见；警惕收费的“债务优化”中介。',
            'Your data stays on this computer. Not legal advice; beware of paid "debt optimisation" intermediaries.',
          )}
        </p>
      </footer>
    </LangContext.Provider>
  );
}

/** The product's name and the language switch. */
function TopBar({ onSwitch }: { onSwitch: () => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <header className="top">
      <h1>
        协商 <span className="sub">{t('分期还款协商助手', 'Repayment negotiation helper')}</span>
      </h1>
      <button
        type="button"
        className="lang"
        onClick={onSwitch}
        // the name starts with the visible text (EN / 中文), as voice control users say it
        aria-label={lang === 'zh' ? 'EN: Switch to English' : '中文：切换到中文'}
      >
        {lang === 'zh' ? 'EN' : '中文'}
      </button>
    </header>
  );
}

/** The journey's steps; the current one is marked for screen readers. */
function JourneyNav({
  routes,
  current,
  go,
}: {
  routes: Route[];
  current: Route;
  go: (path: string) => void;
}) {
  const t = useT();
  return (
    <nav className="journey" aria-label={t('协商步骤', 'Journey')}>
      <ol>
        {routes.map((r) => (
          <li key={r.path}>
            <a
              href={r.path}
              aria-current={r.zh === current.zh ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(r.path);
              }}
            >
              <span className="step" aria-hidden="true">
                {r.step}
              </span>
              {t(r.zh, r.en)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
