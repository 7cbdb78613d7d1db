import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { patientHitSchema, type PatientHit } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';
import { PatientPanel } from './PatientPanel.tsx';
import { OpenRefillRequests } from './RefillsSection.tsx';
import { FeedbackFollowUps } from './FeedbackFollowUps.tsx';

export function Patients({ onOpenConversation }: { onOpenConversation(id: string): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PatientHit[] | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setHits(await call(z.array(patientHitSchema), 'GET', `/api/v1/patients?q=${encodeURIComponent(q)}`));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="panel-page patients-page">
      <div>
        <header className="page-header"><h1>{t('navPatients')}</h1></header>
        <form className="search" role="search" onSubmit={search}>
          <label className="visually-hidden" htmlFor="patient-search">{t('searchPatients')}</label>
          <input id="patient-search" type="search" minLength={2} required placeholder={t('searchPatients')} value={q} onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="primary">{t('search')}</button>
        </form>
        {error !== undefined && <p className="error" role="alert">{error}</p>}
        <OpenRefillRequests onOpenPatient={setSelected} />
        <FeedbackFollowUps onOpenPatient={setSelected} />
        {hits !== undefined && hits.length === 0 && <p className="empty">{t('noResults')}</p>}
        <ul className="hits">
          {hits?.map((h) => (
            <li key={h.id}>
              <button type="button" className={`hit ${selected === h.id ? 'active' : ''}`} onClick={() => setSelected(h.id)}>
                <strong>{h.name ?? t('unknownPatient')}</strong> <span className="muted">{h.phone}</span>
              </button>
              {h.conversationId !== null && <button type="button" className="ghost" onClick={() => onOpenConversation(h.conversationId ?? '')}>{t('openConversation')}</button>}
            </li>
          ))}
        </ul>
      </div>
      {selected !== undefined && <PatientPanel patientId={selected} refresh={0} />}
    </section>
  );
}
