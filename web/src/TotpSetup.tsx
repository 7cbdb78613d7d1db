import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { totpSetupResponseSchema } from '../../src/contracts/staff-api.ts';
import { ApiError, call } from './api.ts';
import { useI18n } from './i18n.ts';

/** Production admins add an authenticator app before anything else. */
export function TotpSetup({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | undefined>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    call(totpSetupResponseSchema, 'POST', '/api/v1/auth/totp/setup', {}).then(setSetup, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call(z.object({ ok: z.boolean() }), 'POST', '/api/v1/auth/totp/enable', { code });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'invalid_totp' ? t('error.invalid_totp') : t('error.generic'));
    }
  };
  return (
    <div className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>{t('totpSetupTitle')}</h1>
        <p>{t('totpSetupText')}</p>
        {setup !== undefined && <code className="secret" aria-label="Key">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>}
        <label>
          {t('totpCode')}
          <input inputMode="numeric" pattern="\d{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} autoFocus />
        </label>
        {error !== undefined && <p className="error" role="alert">{error}</p>}
        <button className="primary" type="submit">{t('totpEnable')}</button>
      </form>
    </div>
  );
}
