import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { staffAlertListSchema, type StaffAlert } from '../../src/contracts/staff-api.ts';
import { call } from './api.ts';
import { since, useI18n, type T } from './i18n.ts';
import { errorText } from './panel-section.ts';

/**
 * Open staff alerts (a reading out of range, missed doses, the daily messaging limit, a failed
 * reminder, a refill request…), newest first, each with "Open" (the patient's conversation)
 * and "Done" (acknowledge: it leaves the list for everyone).
 */
export function AlertsList({ refresh = 0, now, onOpenConversation }: { refresh?: number; now: number; onOpenConversation(id: string): void }) {
  const { t } = useI18n();
  const [alerts, setAlerts] = useState<{ total: number; items: StaffAlert[] } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => call(staffAlertListSchema, 'GET', '/api/v1/alerts?limit=20').then(setAlerts, () => undefined), []);
  // Reading the list is audited (names): load on open, every 2 minutes while the tab is visible, and after changes here.
  useEffect(() => void load(), [load, refresh]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, 120_000);
    return () => clearInterval(timer);
  }, [load]);
  const acknowledge = async (alert: StaffAlert) => {
    setError(undefined);
    try {
      await call(z.unknown(), 'POST', `/api/v1/alerts/${alert.id}/acknowledge`, {});
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (alerts === undefined) return null;
  return (
    <section className="side-list alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" className="side-title">
        {t('alerts')} <span className={`count ${alerts.total > 0 ? 'hot' : ''}`}>{alerts.total}</span>
      </h2>
      {alerts.items.length === 0 ? (
        <p className="muted small side-empty">{t('noAlerts')}</p>
      ) : (
        <ul>
          {alerts.items.map((a) => (
            <li key={a.id} className={`alert-item alert-${a.kind}`}>
              <span className="alert-kind">{t(`alert.${a.kind}`)}</span>
              {detailLine(t, a) !== undefined && <span className="small">{detailLine(t, a)}</span>}
              <span className="alert-who">{a.patientName ?? (a.patientId === null ? t('wholeClinic') : t('unknownPatient'))}</span>
              <span className="muted small">{since(t, a.createdAt, now)}</span>
              <span className="alert-actions">
                {a.conversationId !== null && <button type="button" className="small-button" onClick={() => onOpenConversation(a.conversationId ?? '')} aria-label={`${t('open')}: ${t(`alert.${a.kind}`)}, ${a.patientName ?? ''}`}>{t('open')}</button>}
                <button type="button" className="small-button" onClick={() => void acknowledge(a)} aria-label={`${t('acknowledge')}: ${t(`alert.${a.kind}`)}, ${a.patientName ?? ''}`}>{t('acknowledge')}</button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error !== undefined && <p className="error small" role="alert">{error}</p>}
    </section>
  );
}

/** One line of what the alert is about: ids and counts only (alerts hold no PHI). */
function detailLine(t: T, a: StaffAlert): string | undefined {
  const d = a.detail;
  switch (a.kind) {
    case 'vital_out_of_range':
    case 'vital_danger':
      return typeof d['kind'] === 'string' ? t(`vital.${d['kind']}`) : undefined;
    case 'missed_doses':
      return typeof d['inARow'] === 'number' ? t('alertMissedInARow', { n: d['inARow'] }) : undefined;
    case 'daily_limit_reached':
      return t('alertLimit', { limit: String(d['limit'] ?? '?'), deferred: String(d['deferred'] ?? 0) });
    case 'reminder_failed':
      return d['reason'] === 'no_template' ? t('alertNoTemplate', { purpose: String(d['purpose'] ?? '') }) : typeof d['title'] === 'string' ? d['title'] : undefined;
    default:
      return undefined;
  }
}
