import { useEffect, useState } from 'react';
import { z } from 'zod';
import { appointmentItemSchema, bookingOptionsSchema, slotSchema, type AppointmentItem, type BookingOptions, type Slot } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { errorText, formatWhen, formatWhenLong, type PanelSectionProps } from './panel-section.ts';

const ok = z.unknown();
const ACTIVE = new Set(['booked', 'pending', 'arrived', 'proposed']);

/**
 * Appointments: book; upcoming ones first (soonest on top) with Move and Cancel; past ones in
 * a collapsed "Past" group, latest first, with whether the patient came.
 */
export function AppointmentsSection({ patient, onPatientChanged }: PanelSectionProps) {
  const { t } = useI18n();
  const now = Date.now();
  const ahead = patient.appointments.filter((a) => Date.parse(a.end) >= now).sort((a, b) => a.start.localeCompare(b.start));
  const upcoming = ahead.filter((a) => a.status !== 'cancelled');
  const cancelled = ahead.filter((a) => a.status === 'cancelled');
  const past = patient.appointments.filter((a) => Date.parse(a.end) < now).sort((a, b) => b.start.localeCompare(a.start));
  return (
    <section className="panel-section" aria-labelledby={`appts-${patient.id}`}>
      <h3 id={`appts-${patient.id}`}>{t('appointments')}</h3>
      <BookForPatient patientId={patient.id} onBooked={onPatientChanged} />
      {upcoming.length === 0 ? (
        <p className="muted small">{t('noUpcoming')}</p>
      ) : (
        <ul className="appointments" aria-label={t('upcoming')}>
          {upcoming.map((a) => <UpcomingAppointment key={a.id} appointment={a} patientId={patient.id} onChanged={onPatientChanged} />)}
        </ul>
      )}
      {cancelled.length > 0 && (
        <details className="past-appointments">
          <summary>{t('cancelledAppointments', { n: cancelled.length })}</summary>
          <ul className="appointments">
            {cancelled.map((a) => (
              <li key={a.id} className="appt appt-past appt-cancelled">
                <span className="when">{formatWhen(a.start)}</span>
                <span>{a.serviceName} · {a.practitionerName}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {past.length > 0 && (
        <details className="past-appointments">
          <summary>{t('pastAppointments', { n: past.length })}</summary>
          <ul className="appointments">
            {past.map((a) => (
              <li key={a.id} className={`appt appt-past appt-${a.status}`}>
                <span className="when">{formatWhen(a.start)}</span>
                <span>{a.serviceName} · {a.practitionerName}</span>
                <span className={`badge ${a.status === 'noshow' ? 'danger' : a.status === 'fulfilled' || a.status === 'arrived' ? 'ok' : 'subtle'}`}>{t(`attendance.${a.status}`)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function UpcomingAppointment({ appointment: a, patientId, onChanged }: { appointment: AppointmentItem; patientId: string; onChanged(): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'idle' | 'move' | 'cancel'>('idle');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const changeable = ACTIVE.has(a.status) && a.status !== 'arrived';
  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call(ok, 'POST', `/api/v1/appointments/${a.id}/cancel`, {});
      setMode('idle');
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const label = `${a.serviceName}, ${formatWhenLong(a.start)}`;
  return (
    <li className={`appt appt-${a.status}`}>
      <span className="when">{formatWhen(a.start)}</span>
      <span>{a.serviceName} · {a.practitionerName}</span>
      <span className="appt-row">
        <span className="badge subtle">{t(`appt.${a.status}`)}</span>
        {changeable && mode === 'idle' && (
          <span className="appt-actions">
            <button type="button" className="small-button" aria-label={`${t('move')}: ${label}`} onClick={() => setMode('move')}>{t('move')}</button>
            <button type="button" className="small-button" aria-label={`${t('cancelAppointment')}: ${label}`} onClick={() => setMode('cancel')}>{t('cancelAppointment')}</button>
          </span>
        )}
      </span>
      {mode === 'cancel' && (
        <div className="confirm" role="group" aria-label={t('cancelAppointment')}>
          <p className="small">{t('cancelConfirm')}</p>
          <div className="row-actions start">
            <button type="button" className="danger-button" disabled={busy} onClick={() => void cancel()}>{t('yesCancel')}</button>
            <button type="button" className="ghost" onClick={() => setMode('idle')}>{t('keepAppointment')}</button>
          </div>
        </div>
      )}
      {mode === 'move' && (
        <SlotPicker
          patientId={patientId}
          serviceId={a.serviceId}
          initialPractitionerId={a.practitionerId}
          title={t('moveTo')}
          actionLabel={t('moveTo')}
          exclude={a.start}
          onPick={async (slot) => {
            await call(ok, 'POST', `/api/v1/appointments/${a.id}/move`, { practitionerId: slot.practitionerId, start: slot.start });
            setMode('idle');
            onChanged();
          }}
          onClose={() => setMode('idle')}
        />
      )}
      {error !== undefined && <p className="error" role="alert">{error}</p>}
    </li>
  );
}

/** Book on the patient's behalf: service, then one of the next free slots. */
function BookForPatient({ patientId, onBooked }: { patientId: string; onBooked(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<BookingOptions | undefined>();
  const [serviceId, setServiceId] = useState('');
  useEffect(() => {
    if (!open || options !== undefined) return;
    call(bookingOptionsSchema, 'GET', '/api/v1/booking/options').then((o) => {
      setOptions(o);
      setServiceId(o.services[0]?.id ?? '');
    }, () => undefined);
  }, [open, options]);
  if (!open) return <button type="button" className="book-toggle" onClick={() => setOpen(true)}>{t('bookAppointment')}</button>;
  return (
    <div className="book-form" role="group" aria-label={t('bookAppointment')}>
      <div className="field">
        <label htmlFor={`book-service-${patientId}`}>{t('service')}</label>
        <select id={`book-service-${patientId}`} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
          {options?.services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      {serviceId !== '' && (
        <SlotPicker
          key={serviceId}
          patientId={patientId}
          serviceId={serviceId}
          initialPractitionerId="any"
          options={options}
          title={t('nextFreeSlots')}
          actionLabel={t('bookAt')}
          onPick={async (slot) => {
            await call(appointmentItemSchema, 'POST', `/api/v1/patients/${patientId}/appointments`, { serviceId, practitionerId: slot.practitionerId, start: slot.start });
            setOpen(false);
            onBooked();
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}

/** The next free times of a service (one practitioner or anyone), as buttons; shared by book and move. */
function SlotPicker(props: {
  patientId: string;
  serviceId: string;
  initialPractitionerId: string;
  options?: BookingOptions | undefined;
  title: string;
  actionLabel: string;
  exclude?: string;
  onPick(slot: Slot): Promise<void>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<BookingOptions | undefined>(props.options);
  const [practitionerId, setPractitionerId] = useState(props.initialPractitionerId);
  const [slots, setSlots] = useState<Slot[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (options === undefined) call(bookingOptionsSchema, 'GET', '/api/v1/booking/options').then(setOptions, () => undefined);
  }, [options]);
  useEffect(() => {
    setSlots(undefined);
    call(z.array(slotSchema), 'GET', `/api/v1/patients/${props.patientId}/slots?serviceId=${encodeURIComponent(props.serviceId)}&practitionerId=${encodeURIComponent(practitionerId)}&limit=8`).then(
      (found) => setSlots(found.filter((s) => s.start !== props.exclude)),
      (e: unknown) => setError(errorText(e)),
    );
  }, [props.patientId, props.serviceId, practitionerId, props.exclude]);
  const pick = async (slot: Slot) => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onPick(slot);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const service = options?.services.find((s) => s.id === props.serviceId);
  const selectId = `slot-practitioner-${props.patientId}-${props.serviceId}-${props.exclude ?? 'new'}`;
  return (
    <div className="slot-picker" role="group" aria-label={props.title}>
      <div className="field">
        <label htmlFor={selectId}>{t('practitioner')}</label>
        <select id={selectId} value={practitionerId} onChange={(e) => setPractitionerId(e.target.value)}>
          <option value="any">{t('anyPractitioner')}</option>
          {service?.practitioners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <p className="muted small">{props.title}</p>
      {slots === undefined && error === undefined && <p className="muted small" aria-busy="true">{t('loading')}</p>}
      {slots !== undefined && slots.length === 0 && <p className="muted small">{t('noSlots')}</p>}
      <ul className="slots">
        {slots?.map((slot) => (
          <li key={`${slot.practitionerId}-${slot.start}`}>
            <button type="button" disabled={busy} onClick={() => void pick(slot)} aria-label={`${props.actionLabel} ${formatWhenLong(slot.start)}, ${slot.practitionerName}`}>
              <strong>{formatWhen(slot.start)}</strong>
              <span className="muted"> · {slot.practitionerName}</span>
            </button>
          </li>
        ))}
      </ul>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      <button type="button" className="ghost" onClick={props.onClose}>{t('closePicker')}</button>
    </div>
  );
}
