import { useEffect, useState } from 'react';
import { z } from 'zod';
import { appointmentItemSchema, bookingOptionsSchema, patientViewSchema, slotSchema, type BookingOptions, type PatientView, type Slot } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { RefillsSection } from './RefillsSection.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { PaymentLinks } from './PaymentLinks.tsx';

const languageNames: Record<string, string> = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français', pt: 'Português' };

export function PatientPanel({ patientId, refresh }: { patientId: string; refresh: number }) {
  const { t } = useI18n();
  const [patient, setPatient] = useState<PatientView | undefined>();
  const [booked, setBooked] = useState(0);
  useEffect(() => {
    call(patientViewSchema, 'GET', `/api/v1/patients/${patientId}`).then(setPatient, () => undefined);
  }, [patientId, refresh, booked]);
  if (patient === undefined) return <aside className="patient-panel" aria-busy="true" aria-label={t('patientPanel')} />;
  // Upcoming first (soonest on top), then past ones (latest on top).
  const now = Date.now();
  const upcoming = [
    ...patient.appointments.filter((a) => Date.parse(a.end) >= now).sort((a, b) => a.start.localeCompare(b.start)),
    ...patient.appointments.filter((a) => Date.parse(a.end) < now).sort((a, b) => b.start.localeCompare(a.start)),
  ];
  return (
    <aside className="patient-panel" aria-label={t('patientPanel')}>
      <h2>{patient.name ?? patient.profileName ?? t('unknownPatient')}</h2>
      <dl>
        <dt>{t('name')}</dt>
        <dd>{patient.name ?? <span className="muted">{t('notOnFile')}</span>}</dd>
        {patient.profileName !== null && patient.profileName !== patient.name && (
          <>
            <dt>{t('profileName')}</dt>
            <dd>{patient.profileName}</dd>
          </>
        )}
        <dt>{t('birthDate')}</dt>
        <dd>{patient.birthDate ?? <span className="muted">{t('notOnFile')}</span>}</dd>
        <dt>{t('phone')}</dt>
        <dd>{patient.phone ?? '—'}</dd>
        <dt>{t('patientLanguage')}</dt>
        <dd>{patient.language === null ? '—' : (languageNames[patient.language] ?? patient.language)}</dd>
        <dt>{t('consent')}</dt>
        <dd>{patient.consent === null ? <span className="muted">{t('consentNone')}</span> : <>{t(`consent.${patient.consent.decision}`)} <span className="muted">({patient.consent.policyVersion}, {new Date(patient.consent.at).toLocaleDateString(document.documentElement.lang || undefined)})</span></>}</dd>
        <dt>{t('messagesFromClinic')}</dt>
        <dd>{patient.optedOut ? <span className="badge danger">{t('stopped')}</span> : <span className="badge ok">{t('allowed')}</span>}</dd>
      </dl>
      <h3>{t('appointments')}</h3>
      <BookForPatient patientId={patient.id} onBooked={() => setBooked((n) => n + 1)} />
      {upcoming.length === 0 ? (
        <p className="muted">{t('noAppointments')}</p>
      ) : (
        <ul className="appointments">
          {upcoming.map((a) => (
            <li key={a.id} className={`appt appt-${a.status}`}>
              <span className="when">{new Date(a.start).toLocaleString(document.documentElement.lang || undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</span>
              <span>{a.serviceName} · {a.practitionerName}</span>
              <span className="badge subtle">{t(`appt.${a.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <RefillsSection patientId={patient.id} />
      <DocumentsSection patientId={patient.id} />
      <PaymentLinks appointments={upcoming} />
    </aside>
  );
}

/** Book on the patient's behalf: service, practitioner (or any), then one of the next free slots. */
function BookForPatient({ patientId, onBooked }: { patientId: string; onBooked(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<BookingOptions | undefined>();
  const [serviceId, setServiceId] = useState('');
  const [practitionerId, setPractitionerId] = useState('any');
  const [slots, setSlots] = useState<Slot[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!open || options !== undefined) return;
    call(bookingOptionsSchema, 'GET', '/api/v1/booking/options').then((o) => {
      setOptions(o);
      setServiceId(o.services[0]?.id ?? '');
    }, () => undefined);
  }, [open, options]);
  useEffect(() => {
    if (!open || serviceId === '') return;
    setSlots(undefined);
    call(z.array(slotSchema), 'GET', `/api/v1/patients/${patientId}/slots?serviceId=${encodeURIComponent(serviceId)}&practitionerId=${encodeURIComponent(practitionerId)}&limit=9`).then(setSlots, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [open, serviceId, practitionerId, patientId]);
  const book = async (slot: Slot) => {
    setError(undefined);
    try {
      await call(appointmentItemSchema, 'POST', `/api/v1/patients/${patientId}/appointments`, { serviceId, practitionerId: slot.practitionerId, start: slot.start });
      setOpen(false);
      onBooked();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (!open) return <button type="button" className="book-toggle" onClick={() => setOpen(true)}>{t('bookAppointment')}</button>;
  const service = options?.services.find((s) => s.id === serviceId);
  const locale = document.documentElement.lang || undefined;
  return (
    <div className="book-form" role="group" aria-label={t('bookAppointment')}>
      <div className="field">
        <label htmlFor="book-service">{t('service')}</label>
        <select id="book-service" value={serviceId} onChange={(e) => { setServiceId(e.target.value); setPractitionerId('any'); }}>
          {options?.services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="book-practitioner">{t('practitioner')}</label>
        <select id="book-practitioner" value={practitionerId} onChange={(e) => setPractitionerId(e.target.value)}>
          <option value="any">{t('anyPractitioner')}</option>
          {service?.practitioners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <p className="muted small">{t('nextFreeSlots')}</p>
      {slots !== undefined && slots.length === 0 && <p className="muted">{t('noSlots')}</p>}
      <ul className="slots">
        {slots?.map((slot) => (
          <li key={`${slot.practitionerId}-${slot.start}`}>
            <button type="button" onClick={() => void book(slot)} aria-label={`${t('bookAt')} ${new Date(slot.start).toLocaleString(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })}, ${slot.practitionerName}`}>
              <strong>{new Date(slot.start).toLocaleString(locale, { weekday: 'short', day: 'numeric', month: 'short' })}</strong>{' '}
              {new Date(slot.start).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}
              <span className="muted"> · {slot.practitionerName}</span>
            </button>
          </li>
        ))}
      </ul>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      <button type="button" className="ghost" onClick={() => setOpen(false)}>{t('cancel')}</button>
    </div>
  );
}
