import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { MeResponse } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { errorText } from './panel-section.ts';

/** The signed-in person's account: who they are, and a password change (needs the current password). */
export function Account({ me }: { me: MeResponse }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(undefined);
    if (form.next.length < 12) return setError(t('passwordTooShort'));
    if (form.next !== form.repeat) return setError(t('passwordsDiffer'));
    setBusy(true);
    try {
      const result = await call(z.object({ ok: z.boolean(), otherSessionsEnded: z.number() }), 'POST', '/api/v1/auth/password', { currentPassword: form.current, newPassword: form.next });
      setForm({ current: '', next: '', repeat: '' });
      setDone(result.otherSessionsEnded > 0 ? t('passwordChangedOthers', { n: result.otherSessionsEnded }) : t('passwordChanged'));
    } catch (err) {
      setError(/current password/.test(errorText(err)) ? t('currentPasswordWrong') : errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel-page narrow">
      <header className="page-header"><h1>{t('myAccount')}</h1></header>
      <dl className="account-facts">
        <dt>{t('displayName')}</dt><dd>{me.user.displayName}</dd>
        <dt>{t('email')}</dt><dd>{me.user.email}</dd>
        <dt>{t('role')}</dt><dd>{t(`role.${me.user.role}`)}</dd>
        <dt>{t('secondFactor')}</dt><dd>{me.user.totpEnabled ? t('on') : t('off')}</dd>
      </dl>
      <form className="stack-form" onSubmit={(e) => void submit(e)} aria-labelledby="pw-heading">
        <h2 id="pw-heading">{t('changePassword')}</h2>
        <label>{t('currentPassword')}<input type="password" required autoComplete="current-password" value={form.current} onChange={(e) => setForm({ ...form, current: e.target.value })} /></label>
        <label>{t('newPassword')}<input type="password" required minLength={12} autoComplete="new-password" aria-describedby="pw-hint" value={form.next} onChange={(e) => setForm({ ...form, next: e.target.value })} /></label>
        <span id="pw-hint" className="muted small">{t('passwordHint')}</span>
        <label>{t('repeatPassword')}<input type="password" required minLength={12} autoComplete="new-password" value={form.repeat} onChange={(e) => setForm({ ...form, repeat: e.target.value })} /></label>
        {error !== undefined && <p className="error" role="alert">{error}</p>}
        {done !== undefined && <p className="badge ok" role="status">{done}</p>}
        <div><button type="submit" className="primary" disabled={busy}>{t('changePassword')}</button></div>
      </form>
    </section>
  );
}
