import { useState, type FormEvent } from 'react';
import { meResponseSchema, type MeResponse } from '../../src/contracts/staff-api.ts';
import { ApiError, call } from './api.ts';
import { useI18n } from './i18n.ts';

export function Login({ onSignedIn }: { onSignedIn(me: MeResponse): void }) {
  const { t, language, setLanguage } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await call(meResponseSchema, 'POST', '/api/v1/auth/login', { email, password, ...(needTotp && totp !== '' ? { totp } : {}) }));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'generic';
      if (code === 'totp_required') setNeedTotp(true);
      setError(t(`error.${['invalid_credentials', 'locked', 'rate_limited', 'totp_required', 'invalid_totp'].includes(code) ? code : 'generic'}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand big"><span className="logo" aria-hidden="true">H</span> Hale</div>
        <h1 id="login-title">{t('signInTitle')}</h1>
        <label>
          {t('email')}
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </label>
        <label>
          {t('password')}
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {needTotp && (
          <label>
            {t('totpCode')}
            <input name="totp" inputMode="numeric" pattern="\d{6}" autoComplete="one-time-code" maxLength={6} value={totp} onChange={(e) => setTotp(e.target.value)} autoFocus />
          </label>
        )}
        {error !== undefined && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('signingIn') : t('signIn')}</button>
        <label className="lang-inline">
          {t('language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value === 'de' ? 'de' : 'en')}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </label>
      </form>
    </div>
  );
}
