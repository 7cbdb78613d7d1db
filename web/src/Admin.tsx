import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { apiTokenSchema, auditPageSchema, cannedReplySchema, clinicSettingsSchema, createApiTokenResponseSchema, staffRoles, staffUserSchema, type CannedReply, type ClinicSettings, type MeResponse, type StaffUser } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';

export function Admin({ me }: { me: MeResponse }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<AdminTab>('users');
  return (
    <section className="panel-page">
      <header className="page-header">
        <h1>{t('navAdmin')}</h1>
        <div className="tabs" role="tablist">
          {adminTabs.map((x) => (
            <button key={x} type="button" role="tab" aria-selected={tab === x} className={tab === x ? 'active' : ''} onClick={() => setTab(x)}>
              {t(tabLabels[x])}
            </button>
          ))}
        </div>
      </header>
      {tab === 'users' && <Users me={me} />}
      {tab === 'canned' && <Canned />}
      {tab === 'hours' && <Settings view="hours" />}
      {tab === 'templates' && <Settings view="templates" />}
      {tab === 'tokens' && <Tokens />}
      {tab === 'audit' && <Audit />}
    </section>
  );
}

const adminTabs = ['users', 'canned', 'hours', 'templates', 'tokens', 'audit'] as const;
type AdminTab = (typeof adminTabs)[number];
const tabLabels: Record<AdminTab, string> = { users: 'adminUsers', canned: 'adminCanned', hours: 'adminHours', templates: 'adminTemplates', tokens: 'adminTokens', audit: 'adminAudit' };
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const languageNames: Record<string, string> = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français', pt: 'Português' };

/** Opening hours, holidays and away message, or the templates map — as the clinic configuration sets them. */
function Settings({ view }: { view: 'hours' | 'templates' }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<ClinicSettings | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    call(clinicSettingsSchema, 'GET', '/api/v1/admin/settings').then(setSettings, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (error !== undefined) return <p className="error" role="alert">{error}</p>;
  if (settings === undefined) return null;
  const dayName = (i: number) => new Date(Date.UTC(2024, 0, i + 1)).toLocaleDateString(document.documentElement.lang || undefined, { weekday: 'long', timeZone: 'UTC' });
  return (
    <>
      <p className="banner info rounded">{t('settingsFromConfig')}</p>
      {view === 'hours' ? (
        <div className="settings-grid">
          <section aria-labelledby="hours-h">
            <h2 id="hours-h">{t('openingHours')} <span className="muted small">({settings.timeZone})</span></h2>
            <table className="table compact">
              <tbody>
                {WEEK.map((d, i) => {
                  const hours = settings.openingHours[d] ?? [];
                  return (
                    <tr key={d}>
                      <th scope="row">{dayName(i)}</th>
                      <td>{hours.length === 0 ? <span className="muted">{t('closedDay')}</span> : hours.map((h) => `${h.open}–${h.close}`).join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h2>{t('holidays')}</h2>
            {settings.holidays.length === 0 ? <p className="muted">{t('noHolidays')}</p> : (
              <ul className="plain-list">{settings.holidays.map((h) => <li key={h.date}>{new Date(`${h.date}T12:00:00`).toLocaleDateString(document.documentElement.lang || undefined, { day: 'numeric', month: 'long', year: 'numeric' })}{h.name !== null ? ` · ${h.name}` : ''}</li>)}</ul>
            )}
          </section>
          <section aria-labelledby="away-h">
            <h2 id="away-h">{t('awayMessage')}</h2>
            <p className="muted small">{t('awayMessageHelp', { next: '{next}' })}</p>
            <dl className="away-list">
              {settings.languages.map((lang) => (
                <div key={lang}>
                  <dt>{languageNames[lang] ?? lang} {settings.awayMessage[lang]?.custom === false && <span className="badge subtle">{t('builtInText')}</span>}</dt>
                  <dd>{settings.awayMessage[lang]?.text ?? '—'}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('adminTemplates')}</caption>
          <thead><tr><th scope="col">{t('purpose')}</th><th scope="col">{t('templateName')}</th><th scope="col">{t('templateLanguages')}</th><th scope="col">{t('placeholders')}</th></tr></thead>
          <tbody>
            {settings.templates.map((tpl) => (
              <tr key={tpl.purpose}>
                <td><code>{tpl.purpose}</code></td>
                <td><code>{tpl.name}</code></td>
                <td>{Object.entries(tpl.languages).map(([lang, code]) => <span key={lang} className="badge subtle lang-badge">{languageNames[lang] ?? lang} → {code}</span>)}
                  {settings.languages.filter((l) => tpl.languages[l] === undefined).map((l) => <span key={l} className="badge danger lang-badge" title={t('missingLanguage')}>{languageNames[l] ?? l}: —</span>)}
                </td>
                <td>{tpl.params.length === 0 ? <span className="muted">—</span> : tpl.params.map((p, i) => <span key={p} className="param">{`{{${i + 1}}}`} {p}</span>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** API tokens for integrations: create (the secret is shown once), revoke. */
function Tokens() {
  const { t } = useI18n();
  const [tokens, setTokens] = useState<Array<z.infer<typeof apiTokenSchema>>>([]);
  const [form, setForm] = useState({ name: '', role: 'agent' });
  const [secret, setSecret] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => call(z.array(apiTokenSchema), 'GET', '/api/v1/admin/api-tokens').then(setTokens), []);
  useEffect(() => void load(), [load]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const created = await call(createApiTokenResponseSchema, 'POST', '/api/v1/admin/api-tokens', form);
      setSecret(created.secret);
      setForm({ name: '', role: 'agent' });
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      await call(z.object({ ok: z.boolean() }), 'DELETE', `/api/v1/admin/api-tokens/${id}`);
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      {secret !== undefined && (
        <div className="banner warn rounded" role="status">
          <p>{t('tokenShownOnce')}</p>
          <code className="secret">{secret}</code>
        </div>
      )}
      <table className="table">
        <thead><tr><th scope="col">{t('tokenName')}</th><th scope="col">{t('role')}</th><th scope="col">{t('created')}</th><th scope="col">{t('lastUsed')}</th><th scope="col">{t('status')}</th></tr></thead>
        <tbody>
          {tokens.length === 0 && <tr><td colSpan={5} className="muted">{t('noTokens')}</td></tr>}
          {tokens.map((tok) => (
            <tr key={tok.id}>
              <td>{tok.name}</td>
              <td>{t(`role.${tok.role}`)}</td>
              <td>{new Date(tok.createdAt).toLocaleString(document.documentElement.lang || undefined)}</td>
              <td>{tok.lastUsedAt === null ? '—' : new Date(tok.lastUsedAt).toLocaleString(document.documentElement.lang || undefined)}</td>
              <td>{tok.revoked ? <span className="badge danger">{t('revoked')}</span> : <button type="button" className="ghost" aria-label={`${t('revoke')}: ${tok.name}`} onClick={() => void revoke(tok.id)}>{t('revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={(e) => void add(e)} aria-label={t('createToken')}>
        <h2>{t('createToken')}</h2>
        <label>{t('tokenName')}<input required maxLength={80} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label>{t('role')}<select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>{staffRoles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}</select></label>
        <button type="submit" className="primary">{t('createToken')}</button>
      </form>
    </>
  );
}

function Users({ me }: { me: MeResponse }) {
  const { t } = useI18n();
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [form, setForm] = useState({ email: '', displayName: '', role: 'agent', password: '' });
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => call(z.array(staffUserSchema), 'GET', '/api/v1/admin/users').then(setUsers), []);
  useEffect(() => void load(), [load]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await call(staffUserSchema, 'POST', '/api/v1/admin/users', form);
      setForm({ email: '', displayName: '', role: 'agent', password: '' });
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const update = async (id: string, body: Record<string, unknown>) => {
    setError(undefined);
    try {
      await call(staffUserSchema, 'PATCH', `/api/v1/admin/users/${id}`, body);
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      <table className="table">
        <thead><tr><th scope="col">{t('displayName')}</th><th scope="col">{t('email')}</th><th scope="col">{t('role')}</th><th scope="col">{t('lastLogin')}</th><th scope="col">{t('status')}</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>
                <label className="visually-hidden" htmlFor={`role-${u.id}`}>{t('role')}</label>
                <select id={`role-${u.id}`} value={u.role} disabled={u.id === me.user.id} onChange={(e) => void update(u.id, { role: e.target.value })}>
                  {staffRoles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
                </select>
              </td>
              <td>{u.lastLoginAt === null ? '—' : new Date(u.lastLoginAt).toLocaleString(document.documentElement.lang || undefined)}</td>
              <td>
                {u.id !== me.user.id && <button type="button" className="ghost" onClick={() => void update(u.id, { disabled: !u.disabled })}>{u.disabled ? t('enable') : t('disable')}</button>}
                {' '}<span className={`badge ${u.disabled ? 'danger' : 'ok'}`}>{u.disabled ? t('disabled') : t('active')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add} aria-label={t('addUser')}>
        <h2>{t('addUser')}</h2>
        <label>{t('displayName')}<input required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} /></label>
        <label>{t('email')}<input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
        <label>{t('role')}<select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>{staffRoles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}</select></label>
        <label>{t('password')}<input type="password" minLength={12} required autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
        <button type="submit" className="primary">{t('add')}</button>
      </form>
    </>
  );
}

function Canned() {
  const { t } = useI18n();
  const [items, setItems] = useState<CannedReply[]>([]);
  const [form, setForm] = useState({ shortcut: '', title: '', body: '' });
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => call(z.array(cannedReplySchema), 'GET', '/api/v1/canned-replies').then(setItems), []);
  useEffect(() => void load(), [load]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await call(cannedReplySchema, 'POST', '/api/v1/admin/canned-replies', form);
      setForm({ shortcut: '', title: '', body: '' });
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const remove = async (id: string) => {
    await call(z.object({ ok: z.boolean() }), 'DELETE', `/api/v1/admin/canned-replies/${id}`);
    await load();
  };
  return (
    <>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      <table className="table">
        <thead><tr><th scope="col">{t('shortcut')}</th><th scope="col">{t('title')}</th><th scope="col">{t('text')}</th><th scope="col"><span className="visually-hidden">{t('delete')}</span></th></tr></thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}><td><code>/{c.shortcut}</code></td><td>{c.title}</td><td className="wrap">{c.body}</td><td><button type="button" className="ghost" onClick={() => void remove(c.id)}>{t('delete')}</button></td></tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add} aria-label={t('add')}>
        <label>{t('shortcut')}<input required pattern="[a-z0-9][a-z0-9_\-]{0,31}" value={form.shortcut} onChange={(e) => setForm({ ...form, shortcut: e.target.value })} /></label>
        <label>{t('title')}<input required value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} /></label>
        <label className="grow">{t('text')}<textarea required rows={2} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} /></label>
        <button type="submit" className="primary">{t('add')}</button>
      </form>
    </>
  );
}

function Audit() {
  const { t } = useI18n();
  const [action, setAction] = useState('');
  const [patientId, setPatientId] = useState('');
  const [page, setPage] = useState<z.infer<typeof auditPageSchema> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(async () => {
    const params = new URLSearchParams({ limit: '100' });
    if (action !== '') params.set('action', action);
    if (patientId !== '') params.set('patientId', patientId);
    try {
      setPage(await call(auditPageSchema, 'GET', `/api/v1/admin/audit?${params.toString()}`));
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [action, patientId]);
  useEffect(() => void load(), []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void load(); }}>
        <label>{t('filterAction')}<input value={action} placeholder="conversation." onChange={(e) => setAction(e.target.value)} /></label>
        <label>{t('filterPatient')}<input value={patientId} onChange={(e) => setPatientId(e.target.value)} /></label>
        <button type="submit" className="primary">{t('search')}</button>
      </form>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      {page?.chainIntact === true && <p className="badge ok">{t('chainOk')}</p>}
      {page?.chainIntact === false && <p className="banner danger" role="alert">{t('chainBroken')}</p>}
      <table className="table compact">
        <thead><tr><th scope="col">{t('when')}</th><th scope="col">{t('who')}</th><th scope="col">{t('action')}</th><th scope="col">Entity</th><th scope="col">Patient</th></tr></thead>
        <tbody>
          {page?.items.map((r) => (
            <tr key={r.id} className={r.outcome === 'failure' ? 'failed' : ''}>
              <td>{new Date(r.at).toLocaleString(document.documentElement.lang || undefined)}</td>
              <td>{r.actorName ?? r.actorType}</td>
              <td><code>{r.action}</code></td>
              <td>{r.entityType}</td>
              <td className="mono">{r.patientId?.slice(0, 8) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
