import { useEffect, useState } from 'react';
import { patientViewSchema, type PatientView } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';

const languageNames: Record<string, string> = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français', pt: 'Português' };

export function PatientPanel({ patientId, refresh }: { patientId: string; refresh: number }) {
  const { t } = useI18n();
  const [patient, setPatient] = useState<PatientView | undefined>();
  useEffect(() => {
    call(patientViewSchema, 'GET', `/api/v1/patients/${patientId}`).then(setPatient, () => undefined);
  }, [patientId, refresh]);
  if (patient === undefined) return <aside className="patient-panel" aria-busy="true" aria-label={t('patientPanel')} />;
  const upcoming = patient.appointments;
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
    </aside>
  );
}
