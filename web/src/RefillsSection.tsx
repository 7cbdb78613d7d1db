import { useCallback, useEffect, useState } from 'react';
import { refillDecisionResponseSchema, refillRequestListSchema, type RefillRequestView } from '../../src/contracts/care-api.ts';
import { call } from './api.ts';
import { useI18n } from './i18n.ts';

type Decision = 'approve' | 'decline' | 'book';

/** One refill request with the care team's decision: approve, decline (optional note to the patient) or "book first". */
function RefillItem({ request, onDecided, showPatient, onOpenPatient }: { request: RefillRequestView; onDecided(): void; showPatient?: boolean; onOpenPatient?(id: string): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const decide = async (decision: Decision) => {
    setBusy(true);
    setError(undefined);
    try {
      await call(refillDecisionResponseSchema, 'POST', `/api/v1/refill-requests/${request.id}/decision`, { decision, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) });
      onDecided();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const locale = document.documentElement.lang || undefined;
  return (
    <li className="care-item" aria-label={`${t('refillRequest')}: ${request.medication}`}>
      <div>
        <strong>{request.medication}</strong>{' '}
        <span className={`badge ${request.state === 'open' ? '' : 'subtle'}`}>{t(`refillState.${request.state}`)}</span>
        {showPatient === true && (
          <button type="button" className="link" onClick={() => onOpenPatient?.(request.patientId)}>{request.patientName ?? t('unknownPatient')}</button>
        )}
        <div className="muted small">
          {new Date(request.createdAt).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} · {t(request.source === 'chat' ? 'refillFromChat' : 'refillFromReminder')}
          {request.reason !== null && <> · {request.reason}</>}
        </div>
      </div>
      {request.state === 'open' && (
        <div className="care-actions">
          <label className="visually-hidden" htmlFor={`refill-reason-${request.id}`}>{t('refillReason')}</label>
          <input id={`refill-reason-${request.id}`} type="text" maxLength={500} placeholder={t('refillReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')}>{t('refillApprove')}</button>
          <button type="button" disabled={busy} onClick={() => void decide('book')}>{t('refillAskToBook')}</button>
          <button type="button" className="ghost" disabled={busy} onClick={() => void decide('decline')}>{t('refillDecline')}</button>
        </div>
      )}
      {error !== undefined && <p className="error" role="alert">{error}</p>}
    </li>
  );
}

/** The patient panel's refill requests (newest first). */
export function RefillsSection({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const [requests, setRequests] = useState<RefillRequestView[] | undefined>();
  const load = useCallback(() => {
    call(refillRequestListSchema, 'GET', `/api/v1/refill-requests?patientId=${patientId}`).then(setRequests, () => setRequests([]));
  }, [patientId]);
  useEffect(load, [load]);
  return (
    <section className="care-section" aria-label={t('refillRequests')}>
      <h3>{t('refillRequests')}</h3>
      {requests !== undefined && requests.length === 0 && <p className="muted">{t('noRefillRequests')}</p>}
      <ul className="care-list">
        {requests?.map((r) => <RefillItem key={r.id} request={r} onDecided={load} />)}
      </ul>
    </section>
  );
}

/** "Open refill requests" across patients, oldest first: the care team's task list. */
export function OpenRefillRequests({ onOpenPatient }: { onOpenPatient(id: string): void }) {
  const { t } = useI18n();
  const [requests, setRequests] = useState<RefillRequestView[] | undefined>();
  const load = useCallback(() => {
    call(refillRequestListSchema, 'GET', '/api/v1/refill-requests?state=open').then(setRequests, () => setRequests([]));
  }, []);
  useEffect(load, [load]);
  if (requests === undefined || requests.length === 0) return null;
  return (
    <section className="care-section open-refills" aria-label={t('openRefillRequests')}>
      <h2>{t('openRefillRequests')} <span className="badge">{requests.length}</span></h2>
      <ul className="care-list">
        {requests.map((r) => <RefillItem key={r.id} request={r} onDecided={load} showPatient onOpenPatient={onOpenPatient} />)}
      </ul>
    </section>
  );
}
