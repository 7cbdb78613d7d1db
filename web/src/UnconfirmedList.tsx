import { useEffect, useState } from 'react';
import { z } from 'zod';
import { unconfirmedItemSchema, type UnconfirmedItem } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { formatWhen } from './panel-section.ts';

/** Booked appointments in the next 48 hours the patient has not confirmed: for the front desk to call. */
export function UnconfirmedList({ refresh }: { refresh: number }) {
  const { t } = useI18n();
  const [items, setItems] = useState<UnconfirmedItem[] | undefined>();
  useEffect(() => {
    call(z.array(unconfirmedItemSchema), 'GET', '/api/v1/appointments/unconfirmed?hours=48').then(setItems, () => undefined);
  }, [refresh]);
  if (items === undefined) return null;
  return (
    <section className="unconfirmed" aria-labelledby="unconfirmed-h">
      <h2 id="unconfirmed-h">{t('unconfirmedTitle')} <span className="muted small">({items.length})</span></h2>
      {items.length === 0 ? (
        <p className="muted">{t('unconfirmedNone')}</p>
      ) : (
        <table className="table compact">
          <thead><tr><th scope="col">{t('time')}</th><th scope="col">{t('name')}</th><th scope="col">{t('service')}</th><th scope="col">{t('practitioner')}</th><th scope="col">{t('remindersSent')}</th></tr></thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.appointmentId}>
                <td>{formatWhen(u.start)}</td>
                <td>{u.patientName ?? '—'}</td>
                <td>{u.serviceName}</td>
                <td>{u.practitionerName}</td>
                <td>{u.remindersSent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
