import { useState } from 'react';
import type { AppointmentItem } from '../../src/contracts/staff-api.ts';
import { paymentLinkResponseSchema } from '../../src/contracts/care-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';

/** Send the patient the clinic's payment page for an appointment (payments.linkTemplate); never card data in chat. */
export function PaymentLinks({ appointments }: { appointments: AppointmentItem[] }) {
  const { t } = useI18n();
  const [sent, setSent] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();
  const payable = appointments.filter((a) => ['booked', 'arrived', 'fulfilled'].includes(a.status)).slice(0, 5);
  if (payable.length === 0) return null;
  const send = async (id: string) => {
    setError(undefined);
    try {
      const result = await call(paymentLinkResponseSchema, 'POST', `/api/v1/appointments/${id}/payment-link`, {});
      setSent((s) => ({ ...s, [id]: result.patientNotified === 'queued' ? t('paymentLinkSent') : t('paymentLinkNotSent') }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const locale = document.documentElement.lang || undefined;
  return (
    <section className="care-section" aria-label={t('paymentLinks')}>
      <h3>{t('paymentLinks')}</h3>
      <ul className="care-list">
        {payable.map((a) => (
          <li key={a.id} className="care-item">
            <div>
              {new Date(a.start).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} · {a.serviceName}
            </div>
            <div className="care-actions">
              {sent[a.id] === undefined ? <button type="button" onClick={() => void send(a.id)}>{t('sendPaymentLink')}</button> : <span className="muted small">{sent[a.id]}</span>}
            </div>
          </li>
        ))}
      </ul>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
