/**
 * Results in the patient panel (ADR 0012): the patient's results and whether they were
 * delivered, the chat identity check's lockout with an "Unlock" button (any staff, after
 * checking the patient's identity), and an upload form for clinicians and admins (PDF, JPEG or
 * PNG; an optional note for the patient, sent with the document; "please book a follow-up").
 */
import { useEffect, useState, type FormEvent } from 'react';
import { patientResultsSchema, reofferResponseSchema, resultLimits, resultUploadResponseSchema, unlockResponseSchema, type PatientResults } from '../../src/contracts/results-api.ts';
import { call, callForm } from './api.ts';
import { useI18n } from './i18n.ts';
import { isClinical } from './me.ts';
import { errorText, formatShort, type PanelSectionProps } from './panel-section.ts';

const texts = {
  en: {
    title: 'Results',
    none: 'No results yet.',
    'status.ready': 'Ready',
    'status.notified': 'Patient notified',
    'status.delivered': 'Delivered',
    'skipped.opted_out': 'not notified: the patient wrote STOP',
    'skipped.no_consent': 'not notified: no consent',
    'skipped.no_template': 'not notified: no result_ready template',
    followUp: 'Follow-up visit requested',
    locked: 'Chat identity check locked after {n} failed attempts.',
    unlock: 'Unlock verification',
    unlockHint: 'Check the patient’s identity first (at the desk or by phone).',
    unlocked: 'Unlocked. The patient can try again in the chat.',
    noBirthDate: 'No date of birth on file: the patient cannot open results in the chat.',
    upload: 'Add a result',
    file: 'File (PDF, JPEG or PNG)',
    note: 'Note for the patient (sent with the document)',
    askFollowUp: 'Please book a follow-up visit',
    send: 'Upload and notify',
    sending: 'Uploading…',
    uploaded: 'Uploaded. The patient is told it is ready.',
    open: 'Open',
    reoffer: 'Offer again',
    reoffered: 'Offered again. The patient is told and can open it after the identity check.',
  },
  de: {
    title: 'Befunde',
    none: 'Noch keine Befunde.',
    'status.ready': 'Bereit',
    'status.notified': 'Patient benachrichtigt',
    'status.delivered': 'Zugestellt',
    'skipped.opted_out': 'nicht benachrichtigt: Patient hat STOP geschrieben',
    'skipped.no_consent': 'nicht benachrichtigt: keine Einwilligung',
    'skipped.no_template': 'nicht benachrichtigt: keine Vorlage result_ready',
    followUp: 'Kontrolltermin erbeten',
    locked: 'Identitätsprüfung im Chat nach {n} Fehlversuchen gesperrt.',
    unlock: 'Prüfung entsperren',
    unlockHint: 'Vorher die Identität prüfen (am Empfang oder telefonisch).',
    unlocked: 'Entsperrt. Der Patient kann es im Chat erneut versuchen.',
    noBirthDate: 'Kein Geburtsdatum hinterlegt: Befunde können nicht im Chat geöffnet werden.',
    upload: 'Befund hinzufügen',
    file: 'Datei (PDF, JPEG oder PNG)',
    note: 'Notiz für den Patienten (wird mit dem Dokument gesendet)',
    askFollowUp: 'Bitte Kontrolltermin vereinbaren',
    send: 'Hochladen und benachrichtigen',
    sending: 'Wird hochgeladen…',
    uploaded: 'Hochgeladen. Der Patient erfährt, dass er bereitliegt.',
    open: 'Öffnen',
    reoffer: 'Erneut anbieten',
    reoffered: 'Erneut angeboten. Der Patient wird benachrichtigt und kann ihn nach der Identitätsprüfung öffnen.',
  },
} as const;

type Key = keyof (typeof texts)['en'];

export function ResultsSection({ patient, role, refresh }: PanelSectionProps) {
  const patientId = patient.id;
  const { language } = useI18n();
  const t = (key: Key | string, vars: Record<string, string | number> = {}) =>
    ((texts[language] as Record<string, string>)[key] ?? (texts.en as Record<string, string>)[key] ?? key).replace(/\{(\w+)\}/g, (_, n: string) => String(vars[n] ?? ''));
  const [data, setData] = useState<PatientResults | undefined>();
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call(patientResultsSchema, 'GET', `/api/v1/patients/${patientId}/results`).then(setData, (e: unknown) => setError(errorText(e)));
  }, [patientId, reload, refresh]);
  const clinical = isClinical(role);

  const unlock = async () => {
    setError(undefined);
    try {
      await call(unlockResponseSchema, 'POST', `/api/v1/patients/${patientId}/identity-verification/unlock`, {});
      // Unlocked now: the button goes at once, with the message (the reload confirms it).
      setData((d) => (d === undefined ? d : { ...d, verification: { ...d.verification, locked: false, failedAttempts: 0 } }));
      setMessage(t('unlocked'));
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const reoffer = async (resultId: string) => {
    setError(undefined);
    try {
      await call(reofferResponseSchema, 'POST', `/api/v1/results/${resultId}/reoffer`, {});
      setMessage(t('reoffered'));
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (form.get('followUp') === null) form.set('followUp', 'false');
    setBusy(true);
    setError(undefined);
    try {
      await callForm(resultUploadResponseSchema, `/api/v1/patients/${patientId}/results`, form);
      formElement.reset();
      setMessage(t('uploaded'));
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel-section results-section" aria-label={t('title')}>
      <h3>{t('title')}</h3>
      {data?.verification.locked === true && (
        <div className="results-locked" role="status" style={{ padding: '0.5rem 0.6rem', border: '1px solid var(--danger-soft)', borderRadius: 8, margin: '0.5rem 0' }}>
          <p><span className="badge danger">{t('locked', { n: data.verification.failedAttempts })}</span></p>
          <p className="muted small">{t('unlockHint')}</p>
          <button type="button" onClick={() => void unlock()}>{t('unlock')}</button>
        </div>
      )}
      {data !== undefined && !data.verification.birthDateOnFile && data.results.length > 0 && <p className="muted small">{t('noBirthDate')}</p>}
      {data !== undefined && data.results.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="appointments results">
        {data?.results.map((r) => (
          <li key={r.id} className={`appt result-${r.status}`}>
            <span className="when">{formatShort(r.createdAt)} · {r.mimeType === 'application/pdf' ? 'PDF' : r.mimeType === 'image/png' ? 'PNG' : 'JPEG'}</span>
            {r.fileName !== null && <span>{r.fileName}</span>}
            {r.note !== null && <span className="muted small">{r.note}</span>}
            <span>
              <span className={`badge ${r.status === 'delivered' ? 'ok' : 'subtle'}`}>{t(`status.${r.status}`)}</span>
              {r.followUp && <> <span className="badge">{t('followUp')}</span></>}
            </span>
            {r.noticeSkipped !== null && <span className="muted small">{t(`skipped.${r.noticeSkipped}`)}</span>}
            {clinical && (
              <span className="row-actions" style={{ justifyContent: 'flex-start' }}>
                <a href={`/api/v1/results/${r.id}/file`} target="_blank" rel="noopener noreferrer">{t('open')}</a>
                {r.status === 'delivered' && <button type="button" className="ghost" onClick={() => void reoffer(r.id)}>{t('reoffer')}</button>}
              </span>
            )}
          </li>
        ))}
      </ul>
      {clinical && (
        <form className="book-form" onSubmit={(e) => void submit(e)} aria-label={t('upload')}>
          <div className="field">
            <label htmlFor={`result-file-${patientId}`}>{t('file')}</label>
            <input id={`result-file-${patientId}`} name="file" type="file" accept="application/pdf,image/jpeg,image/png" required />
          </div>
          <div className="field">
            <label htmlFor={`result-note-${patientId}`}>{t('note')}</label>
            <textarea id={`result-note-${patientId}`} name="note" maxLength={resultLimits.noteChars} rows={2} />
          </div>
          <label className="checkbox" style={{ display: 'flex', gap: '0.4rem', alignItems: 'center', fontSize: '0.9rem' }}>
            <input type="checkbox" name="followUp" value="true" /> {t('askFollowUp')}
          </label>
          <button type="submit" disabled={busy}>{busy ? t('sending') : t('send')}</button>
        </form>
      )}
      {message !== undefined && <p className="muted small" role="status">{message}</p>}
      {error !== undefined && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
