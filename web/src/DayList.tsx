import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { dayListSchema, type DayList as DayListData } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { UnconfirmedList } from './UnconfirmedList.tsx';

const today = () => new Date().toLocaleDateString('sv'); // YYYY-MM-DD in local time

export function DayList() {
  const { t } = useI18n();
  const [date, setDate] = useState(today);
  const [practitionerId, setPractitionerId] = useState('');
  const [data, setData] = useState<DayListData | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [marked, setMarked] = useState(0);

  const load = useCallback(async () => {
    try {
      setData(await call(dayListSchema, 'GET', `/api/v1/day-list?date=${date}${practitionerId === '' ? '' : `&practitionerId=${encodeURIComponent(practitionerId)}`}`));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [date, practitionerId]);
  useEffect(() => void load(), [load]);

  const mark = async (id: string, status: 'arrived' | 'noshow') => {
    setError(undefined);
    try {
      await call(z.object({ ok: z.boolean() }), 'POST', `/api/v1/appointments/${id}/mark`, { status });
      await load();
      setMarked((n) => n + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const zone = data?.timeZone;
  return (
    <section className="panel-page">
      <header className="page-header">
        <h1>{t('dayListTitle')}</h1>
        <div className="filters">
          <label>{t('date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
          <label>
            {t('practitioner')}{' '}
            <select value={practitionerId} onChange={(e) => setPractitionerId(e.target.value)}>
              <option value="">{t('allPractitioners')}</option>
              {data?.practitioners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        </div>
      </header>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      {data !== undefined && data.appointments.length === 0 && <p className="empty">{t('noAppointmentsDay')}</p>}
      {data !== undefined && data.appointments.length > 0 && (
        <table className="table">
          <thead>
            <tr><th scope="col">{t('time')}</th><th scope="col">{t('name')}</th><th scope="col">{t('service')}</th><th scope="col">{t('practitioner')}</th><th scope="col">{t('status')}</th><th scope="col"><span className="visually-hidden">{t('action')}</span></th></tr>
          </thead>
          <tbody>
            {data.appointments.map((a) => (
              <tr key={a.id} className={`appt-${a.status}`}>
                <td>{new Date(a.start).toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit', ...(zone === undefined ? {} : { timeZone: zone }) })}</td>
                <td>{a.patientName ?? '—'}</td>
                <td>{a.serviceName}</td>
                <td>{a.practitionerName}</td>
                <td><span className="badge subtle">{t(`appt.${a.status}`)}</span></td>
                <td className="row-actions">
                  {(a.status === 'booked' || a.status === 'noshow') && <button type="button" onClick={() => void mark(a.id, 'arrived')}>{t('markArrived')}</button>}
                  {a.status === 'booked' && <button type="button" className="ghost" onClick={() => void mark(a.id, 'noshow')}>{t('markNoShow')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <UnconfirmedList refresh={marked} />
    </section>
  );
}
