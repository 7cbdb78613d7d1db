import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { bookingOptionsSchema, createdSchema, patientCareSchema, type BookingOptions, type FollowUp, type MedicationPlan, type PatientCare } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { isClinical } from './me.ts';
import { errorText, formatDay, type PanelSectionProps } from './panel-section.ts';

const ok = z.unknown();
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const today = (plusDays = 0) => {
  const d = new Date(Date.now() + plusDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const weekdayName = (iso: number, style: 'short' | 'long' = 'short') => new Date(Date.UTC(2024, 0, iso)).toLocaleDateString(document.documentElement.lang || undefined, { weekday: style, timeZone: 'UTC' }); // 2024-01-01 was a Monday

/** Reminders and medication plans: the patient's time zone, medication (clinical roles), follow-ups and screenings. */
export function CarePlansSection({ patient, role, refresh }: PanelSectionProps) {
  const { t } = useI18n();
  const [care, setCare] = useState<PatientCare | undefined>();
  const [n, setN] = useState(0);
  const reload = useCallback(() => setN((x) => x + 1), []);
  useEffect(() => {
    call(patientCareSchema, 'GET', `/api/v1/patients/${patient.id}/care`).then(setCare, () => undefined);
  }, [patient.id, refresh, n]);
  if (care === undefined) return null;
  const headingId = `care-${patient.id}`;
  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('remindersAndPlans')}</h3>
      <TimeZoneLine patientId={patient.id} care={care} onSaved={reload} />
      {care.medicationPlans !== null && isClinical(role) && <MedicationPlans patientId={patient.id} plans={care.medicationPlans} onChanged={reload} />}
      <FollowUps patientId={patient.id} items={care.followUps} onChanged={reload} />
    </section>
  );
}

function TimeZoneLine({ patientId, care, onSaved }: { patientId: string; care: PatientCare; onSaved(): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [zone, setZone] = useState(care.timeZone ?? care.clinicTimeZone);
  const [error, setError] = useState<string | undefined>();
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const save = async (value: string | null) => {
    setError(undefined);
    try {
      await call(ok, 'PUT', `/api/v1/patients/${patientId}/time-zone`, { timeZone: value });
      setEditing(false);
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const inputId = `tz-${patientId}`;
  return (
    <div className="tz-line">
      {!editing ? (
        <p className="small">
          <span className="muted">{t('timeZone')}:</span> {care.timeZone ?? care.clinicTimeZone}
          {care.timeZone === null && <span className="muted"> ({t('clinicZone')})</span>}{' '}
          <button type="button" className="link-button" aria-label={t('changeTimeZone')} onClick={() => setEditing(true)}>{t('change')}</button>
        </p>
      ) : (
        <form className="tz-form" onSubmit={(e) => { e.preventDefault(); void save(zone.trim()); }}>
          <label htmlFor={inputId}>{t('timeZone')}</label>
          <input id={inputId} list={`${inputId}-list`} value={zone} onChange={(e) => setZone(e.target.value)} placeholder="Europe/Berlin" autoComplete="off" />
          <datalist id={`${inputId}-list`}>{zones.map((z) => <option key={z} value={z} />)}</datalist>
          <div className="row-actions start">
            <button type="submit" className="primary small-button">{t('save')}</button>
            {care.timeZone !== null && <button type="button" className="small-button" onClick={() => void save(null)}>{t('useClinicZone')}</button>}
            <button type="button" className="ghost" onClick={() => setEditing(false)}>{t('cancel')}</button>
          </div>
          {error !== undefined && <p className="error" role="alert">{error}</p>}
        </form>
      )}
    </div>
  );
}

function MedicationPlans({ patientId, plans, onChanged }: { patientId: string; plans: MedicationPlan[]; onChanged(): void }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const stop = async (plan: MedicationPlan) => {
    setError(undefined);
    try {
      await call(ok, 'POST', `/api/v1/patients/${patientId}/medication-plans/${plan.id}/stop`, {});
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const active = plans.filter((p) => p.state === 'active');
  const stopped = plans.filter((p) => p.state === 'stopped');
  const days = (p: MedicationPlan) => (p.daysOfWeek.length === 7 ? t('everyDay') : p.daysOfWeek.map((d) => weekdayName(d)).join(', '));
  return (
    <div className="care-group">
      <h4>{t('medicationPlans')}</h4>
      {active.length === 0 && <p className="muted small">{t('noMedicationPlans')}</p>}
      <ul className="care-list">
        {active.map((p) => (
          <li key={p.id} className="care-item">
            <strong>{p.medication}</strong>
            <span>{p.doseText}</span>
            <span className="muted small">{p.times.join(', ')} · {days(p)} · {t('fromDate', { date: formatDay(p.startDate) })}{p.endDate !== null ? ` ${t('untilDate', { date: formatDay(p.endDate) })}` : ''}</span>
            {p.runsOutOn !== null && <span className="muted small">{t('runsOutOn', { date: formatDay(p.runsOutOn) })}</span>}
            <span className="adherence small" title={t('last14Days')}>
              {t('adherence', { taken: p.doses.taken, missed: p.doses.missed, skipped: p.doses.skipped })}
            </span>
            <button type="button" className="small-button" aria-label={`${t('stopPlan')}: ${p.medication}`} onClick={() => void stop(p)}>{t('stopPlan')}</button>
          </li>
        ))}
      </ul>
      {stopped.length > 0 && (
        <details className="past-appointments">
          <summary>{t('stoppedPlans', { n: stopped.length })}</summary>
          <ul className="care-list">{stopped.map((p) => <li key={p.id} className="care-item muted"><span>{p.medication} · {p.times.join(', ')}</span></li>)}</ul>
        </details>
      )}
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      {adding ? <MedicationPlanForm patientId={patientId} onDone={() => { setAdding(false); onChanged(); }} onCancel={() => setAdding(false)} /> : <button type="button" className="book-toggle" onClick={() => setAdding(true)}>{t('addMedicationPlan')}</button>}
    </div>
  );
}

function MedicationPlanForm({ patientId, onDone, onCancel }: { patientId: string; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ medication: '', doseText: '', times: '08:00, 20:00', startDate: today(), endDate: '', runsOutOn: '' });
  const [days, setDays] = useState<number[]>([...WEEKDAYS]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const times = form.times.split(/[,;\s]+/).map((x) => x.trim()).filter((x) => x !== '').map((x) => (/^\d:\d\d$/.test(x) ? `0${x}` : x));
    if (times.length === 0 || !times.every((x) => /^([01]\d|2[0-3]):[0-5]\d$/.test(x))) return setError(t('timesHint'));
    if (days.length === 0) return setError(t('daysRequired'));
    setBusy(true);
    try {
      await call(createdSchema, 'POST', `/api/v1/patients/${patientId}/medication-plans`, {
        medication: form.medication,
        doseText: form.doseText,
        times,
        daysOfWeek: days,
        startDate: form.startDate,
        ...(form.endDate === '' ? {} : { endDate: form.endDate }),
        ...(form.runsOutOn === '' ? {} : { runsOutOn: form.runsOutOn }),
      });
      onDone();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  const id = (name: string) => `med-${name}-${patientId}`;
  return (
    <form className="care-form" onSubmit={(e) => void submit(e)} aria-label={t('addMedicationPlan')}>
      <div className="field"><label htmlFor={id('name')}>{t('medication')}</label><input id={id('name')} required maxLength={120} value={form.medication} onChange={(e) => setForm({ ...form, medication: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('dose')}>{t('doseText')}</label><input id={id('dose')} required maxLength={200} placeholder={t('doseTextExample')} value={form.doseText} onChange={(e) => setForm({ ...form, doseText: e.target.value })} /></div>
      <div className="field"><label htmlFor={id('times')}>{t('doseTimes')}</label><input id={id('times')} required aria-describedby={id('times-hint')} value={form.times} onChange={(e) => setForm({ ...form, times: e.target.value })} /><span id={id('times-hint')} className="muted small">{t('timesHint')}</span></div>
      <fieldset className="weekdays">
        <legend>{t('daysOfWeek')}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className="check">
            <input type="checkbox" checked={days.includes(d)} onChange={(e) => setDays(e.target.checked ? [...days, d].sort() : days.filter((x) => x !== d))} aria-label={weekdayName(d, 'long')} />
            {weekdayName(d)}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <div className="field"><label htmlFor={id('start')}>{t('startDate')}</label><input id={id('start')} type="date" required value={form.startDate} onChange={(e) => setForm({ ...form, startDate: e.target.value })} /></div>
        <div className="field"><label htmlFor={id('end')}>{t('endDateOptional')}</label><input id={id('end')} type="date" value={form.endDate} onChange={(e) => setForm({ ...form, endDate: e.target.value })} /></div>
      </div>
      <div className="field"><label htmlFor={id('runs')}>{t('runsOutOptional')}</label><input id={id('runs')} type="date" value={form.runsOutOn} onChange={(e) => setForm({ ...form, runsOutOn: e.target.value })} /></div>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      <div className="row-actions start">
        <button type="submit" className="primary" disabled={busy}>{t('createPlan')}</button>
        <button type="button" className="ghost" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function FollowUps({ patientId, items, onChanged }: { patientId: string; items: FollowUp[]; onChanged(): void }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const open = items.filter((f) => f.state === 'planned' || f.state === 'reminded');
  const done = items.filter((f) => f.state === 'booked' || f.state === 'cancelled');
  const cancel = async (f: FollowUp) => {
    setError(undefined);
    try {
      await call(ok, 'POST', `/api/v1/patients/${patientId}/follow-ups/${f.id}/cancel`, {});
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="care-group">
      <h4>{t('followUps')}</h4>
      {open.length === 0 && <p className="muted small">{t('noFollowUps')}</p>}
      <ul className="care-list">
        {open.map((f) => (
          <li key={f.id} className="care-item">
            <strong>{t(`followUpKind.${f.kind}`)} · {formatDay(f.dueOn)}</strong>
            <span className="small">{f.serviceName ?? t('anyService')}</span>
            {f.note !== null && <span className="muted small">{f.note}</span>}
            <span className="badge subtle">{t(`followUpState.${f.state}`)}</span>
            <button type="button" className="small-button" aria-label={`${t('cancelReminder')}: ${t(`followUpKind.${f.kind}`)} ${formatDay(f.dueOn)}`} onClick={() => void cancel(f)}>{t('cancelReminder')}</button>
          </li>
        ))}
      </ul>
      {done.length > 0 && (
        <details className="past-appointments">
          <summary>{t('doneFollowUps', { n: done.length })}</summary>
          <ul className="care-list">{done.map((f) => <li key={f.id} className="care-item muted"><span>{t(`followUpKind.${f.kind}`)} · {formatDay(f.dueOn)} · {t(`followUpState.${f.state}`)}</span></li>)}</ul>
        </details>
      )}
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      {adding ? <FollowUpForm patientId={patientId} onDone={() => { setAdding(false); onChanged(); }} onCancel={() => setAdding(false)} /> : <button type="button" className="book-toggle" onClick={() => setAdding(true)}>{t('addFollowUp')}</button>}
    </div>
  );
}

function FollowUpForm({ patientId, onDone, onCancel }: { patientId: string; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<BookingOptions | undefined>();
  const [form, setForm] = useState({ kind: 'follow_up', serviceId: '', dueOn: today(42), note: '' });
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    call(bookingOptionsSchema, 'GET', '/api/v1/booking/options').then(setOptions, () => undefined);
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await call(createdSchema, 'POST', `/api/v1/patients/${patientId}/follow-ups`, {
        kind: form.kind,
        dueOn: form.dueOn,
        ...(form.serviceId === '' ? {} : { serviceId: form.serviceId }),
        ...(form.note.trim() === '' ? {} : { note: form.note.trim() }),
      });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const id = (name: string) => `fu-${name}-${patientId}`;
  return (
    <form className="care-form" onSubmit={(e) => void submit(e)} aria-label={t('addFollowUp')}>
      <div className="field">
        <label htmlFor={id('kind')}>{t('reminderKind')}</label>
        <select id={id('kind')} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
          <option value="follow_up">{t('followUpKind.follow_up')}</option>
          <option value="screening">{t('followUpKind.screening')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('service')}>{t('service')}</label>
        <select id={id('service')} value={form.serviceId} onChange={(e) => setForm({ ...form, serviceId: e.target.value })}>
          <option value="">{t('anyService')}</option>
          {options?.services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('due')}>{t('dueOn')}</label>
        <input id={id('due')} type="date" required min={today()} value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} />
        <span className="quick-dates">
          {[14, 42, 90, 365].map((d) => <button key={d} type="button" className="chip" onClick={() => setForm({ ...form, dueOn: today(d) })}>{t(d === 365 ? 'inOneYear' : 'inWeeks', { n: Math.round(d / 7) })}</button>)}
        </span>
      </div>
      <div className="field"><label htmlFor={id('note')}>{t('noteForStaff')}</label><input id={id('note')} maxLength={500} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} /></div>
      {error !== undefined && <p className="error" role="alert">{error}</p>}
      <div className="row-actions start">
        <button type="submit" className="primary">{t('planReminder')}</button>
        <button type="button" className="ghost" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
