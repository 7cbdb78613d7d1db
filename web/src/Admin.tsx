import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { auditPageSchema, cannedReplySchema, staffRoles, staffUserSchema, type CannedReply, type MeResponse, type StaffUser } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';

export function Admin({ me }: { me: MeResponse }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'users' | 'canned' | 'audit'>('users');
  return (
    <section className="panel-page">
      <header className="page-header">
        <h1>{t('navAdmin')}</h1>
        <div className="tabs" role="tablist">
          {(['users', 'canned', 'audit'] as const).map((x) => (
            <button key={x} type="button" role="tab" aria-selected={tab === x} className={tab === x ? 'active' : ''} onClick={() => setTab(x)}>
              {t(x === 'users' ? 'adminUsers' : x === 'canned' ? 'adminCanned' : 'adminAudit')}
            </button>
          ))}
        </div>
      </header>
      {tab === 'users' && <Users me={me} />}
      {tab === 'canned' && <Canned />}
      {tab === 'audit' && <Audit />}
    </section>
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
