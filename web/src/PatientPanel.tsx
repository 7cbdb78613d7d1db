import { useCallback, useEffect, useState, type ComponentType } from 'react';
import { patientViewSchema, type PatientView } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { useRole } from './me.ts';
import { formatDay, type PanelSectionProps } from './panel-section.ts';
import { AppointmentsSection } from './AppointmentsSection.tsx';
import { VitalsSection } from './VitalsSection.tsx';
import { CarePlansSection } from './CarePlansSection.tsx';
import { RefillsSection } from './RefillsSection.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { PaymentLinks } from './PaymentLinks.tsx';
import { ResultsSection } from './ResultsSection.tsx';

const languageNames: Record<string, string> = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français', pt: 'Português' };

/**
 * The sections of the patient panel, top to bottom. To add one: write `XSection.tsx`
 * (a component taking PanelSectionProps, see panel-section.ts) and add one line here.
 */
const sections: Array<{ id: string; Section: ComponentType<PanelSectionProps> }> = [
  { id: 'identity', Section: IdentitySection },
  { id: 'appointments', Section: AppointmentsSection },
  { id: 'vitals', Section: VitalsSection },
  { id: 'care', Section: CarePlansSection },
  { id: 'refills', Section: ({ patient }) => <RefillsSection patientId={patient.id} /> },
  { id: 'documents', Section: ({ patient }) => <DocumentsSection patientId={patient.id} /> },
  { id: 'payments', Section: ({ patient }) => <PaymentLinks appointments={patient.appointments.filter((a) => Date.parse(a.end) >= Date.now())} /> },
  { id: 'results', Section: ResultsSection },
];

export function PatientPanel({ patientId, refresh, onClose }: { patientId: string; refresh: number; /** Shown as a close button when the panel is a drawer (tablet). */ onClose?: () => void }) {
  const { t } = useI18n();
  const role = useRole();
  const [patient, setPatient] = useState<PatientView | undefined>();
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    call(patientViewSchema, 'GET', `/api/v1/patients/${patientId}`).then(setPatient, () => undefined);
  }, [patientId, refresh, changed]);
  const onPatientChanged = useCallback(() => setChanged((n) => n + 1), []);
  if (patient === undefined || patient.id !== patientId) return <aside className="patient-panel" aria-busy="true" aria-label={t('patientPanel')} />;
  return (
    <aside className="patient-panel" aria-label={t('patientPanel')}>
      <div className="panel-head">
        <h2>{patient.name ?? patient.profileName ?? t('unknownPatient')}</h2>
        {onClose !== undefined && <button type="button" className="ghost drawer-close" aria-label={t('hidePatient')} onClick={onClose}>×</button>}
      </div>
      {sections.map(({ id, Section }) => (
        <Section key={id} patient={patient} role={role} refresh={refresh + changed} onPatientChanged={onPatientChanged} />
      ))}
    </aside>
  );
}

/** Who the patient is, their language, consent and whether the clinic may message them. */
function IdentitySection({ patient }: PanelSectionProps) {
  const { t } = useI18n();
  return (
    <section className="panel-section" aria-label={t('patientDetails')}>
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
        <dd>{patient.birthDate === null ? <span className="muted">{t('notOnFile')}</span> : formatDay(patient.birthDate)}</dd>
        <dt>{t('phone')}</dt>
        <dd>{patient.phone ?? '—'}</dd>
        <dt>{t('patientLanguage')}</dt>
        <dd>{patient.language === null ? '—' : (languageNames[patient.language] ?? patient.language)}</dd>
        <dt>{t('consent')}</dt>
        <dd className="consent-line">
          {patient.consent === null ? (
            <span className="muted">{t('consentNone')}</span>
          ) : (
            <>
              <span className={`badge ${patient.consent.decision === 'granted' ? 'ok' : 'danger'}`}>{t(`consent.${patient.consent.decision}`)}</span>{' '}
              {t('consentOn', { date: formatDay(patient.consent.at) })}
              <span className="muted small-block">{t('consentVersion', { version: patient.consent.policyVersion })}</span>
            </>
          )}
        </dd>
        <dt>{t('messagesFromClinic')}</dt>
        <dd>{patient.optedOut ? <span className="badge danger">{t('stopped')}</span> : <span className="badge ok">{t('allowed')}</span>}</dd>
      </dl>
    </section>
  );
}
