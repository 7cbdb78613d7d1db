import { useCallback, useEffect, useMemo, useState } from 'react';
import { meResponseSchema, type MeResponse } from '../../src/contracts/staff-api.ts';
import { call, setCsrfToken, whenSignedOut } from './api.ts';
import { I18n, translator, type UiLanguage } from './i18n.ts';
import { Login } from './Login.tsx';
import { Inbox } from './Inbox.tsx';
import { DayList } from './DayList.tsx';
import { Patients } from './Patients.tsx';
import { Admin } from './Admin.tsx';
import { TotpSetup } from './TotpSetup.tsx';
import { Account } from './Account.tsx';
import { Me } from './me.ts';
import { z } from 'zod';

type Page = 'inbox' | 'day' | 'patients' | 'admin' | 'account';
const pages: Record<string, Page> = { '/': 'inbox', '/inbox': 'inbox', '/day': 'day', '/patients': 'patients', '/admin': 'admin', '/account': 'account' };

function pageFromLocation(): Page {
  return pages[window.location.pathname] ?? 'inbox';
}

export function App() {
  const [language, setLanguageState] = useState<UiLanguage>(() => (localStorage.getItem('hale.lang') === 'de' ? 'de' : navigator.language.startsWith('de') && localStorage.getItem('hale.lang') === null ? 'de' : 'en'));
  const [me, setMe] = useState<MeResponse | null | undefined>(undefined);
  const [page, setPage] = useState<Page>(pageFromLocation);
  const [openConversation, setOpenConversation] = useState<string | undefined>(() => new URLSearchParams(window.location.search).get('c') ?? undefined);

  const setLanguage = useCallback((l: UiLanguage) => {
    localStorage.setItem('hale.lang', l);
    setLanguageState(l);
  }, []);
  const i18n = useMemo(() => ({ t: translator(language), language, setLanguage }), [language, setLanguage]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    whenSignedOut(() => setMe(null));
    call(meResponseSchema, 'GET', '/api/v1/auth/me').then(
      (result) => {
        setCsrfToken(result.csrfToken);
        setMe(result);
      },
      () => setMe(null),
    );
    const onPop = () => setPage(pageFromLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const go = (next: Page, conversationId?: string) => {
    const path = next === 'inbox' ? '/' : `/${next}`;
    window.history.pushState(null, '', conversationId === undefined ? path : `${path}?c=${conversationId}`);
    setPage(next);
    if (conversationId !== undefined) setOpenConversation(conversationId);
  };

  const signedIn = (result: MeResponse) => {
    setCsrfToken(result.csrfToken);
    setMe(result);
  };

  const signOut = async () => {
    await call(z.object({ ok: z.boolean() }), 'POST', '/api/v1/auth/logout', {}).catch(() => undefined);
    setMe(null);
  };

  const t = i18n.t;
  if (me === undefined) return <div className="splash" aria-busy="true" />;
  return (
    <I18n.Provider value={i18n}>
      <Me.Provider value={me ?? undefined}>
      {me === null ? (
        <Login onSignedIn={signedIn} />
      ) : me.totpSetupRequired ? (
        <TotpSetup onDone={() => setMe({ ...me, totpSetupRequired: false })} />
      ) : (
        <div className="shell">
          <header className="topbar">
            <a className="brand" href="/" onClick={(e) => { e.preventDefault(); go('inbox'); }}>
              <span className="logo" aria-hidden="true">H</span> {t('appName')}
            </a>
            <nav aria-label="Main">
              {(['inbox', 'day', 'patients', ...(me.user.role === 'admin' ? (['admin'] as const) : [])] as Page[]).map((p) => (
                <a key={p} href={p === 'inbox' ? '/' : `/${p}`} aria-current={page === p ? 'page' : undefined} onClick={(e) => { e.preventDefault(); go(p); }}>
                  {t(p === 'inbox' ? 'navInbox' : p === 'day' ? 'navDayList' : p === 'patients' ? 'navPatients' : 'navAdmin')}
                </a>
              ))}
            </nav>
            <div className="topbar-end">
              <label className="lang">
                <span className="visually-hidden">{t('language')}</span>
                <select value={language} onChange={(e) => setLanguage(e.target.value === 'de' ? 'de' : 'en')}>
                  <option value="en">English</option>
                  <option value="de">Deutsch</option>
                </select>
              </label>
              <a className="who" href="/account" title={`${me.user.email} · ${t('myAccount')}`} aria-current={page === 'account' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); go('account'); }}>
                {me.user.displayName} · {t(`role.${me.user.role}`)}
              </a>
              <button type="button" className="ghost" onClick={() => void signOut()}>{t('signOut')}</button>
            </div>
          </header>
          <main className="page">
            {page === 'inbox' && <Inbox me={me} openId={openConversation} onOpen={(id) => { setOpenConversation(id); window.history.replaceState(null, '', id === undefined ? '/' : `/?c=${id}`); }} />}
            {page === 'day' && <DayList />}
            {page === 'patients' && <Patients onOpenConversation={(id) => go('inbox', id)} />}
            {page === 'admin' && me.user.role === 'admin' && <Admin me={me} />}
            {page === 'account' && <Account me={me} />}
          </main>
        </div>
      )}
      </Me.Provider>
    </I18n.Provider>
  );
}
